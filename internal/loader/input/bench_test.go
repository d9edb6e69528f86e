package input_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/loader/input"
	"github.com/kg-project/kg/internal/loader/synth"
)

// The corpora are written once per test binary run: 4 MB as a folder of .txt
// files and as one JSONL file.
var (
	benchOnce  sync.Once
	benchDir   string
	benchJSONL string
	benchErr   error
)

func benchCorpus(b *testing.B) (dir, jsonl string) {
	b.Helper()
	benchOnce.Do(func() {
		root, err := os.MkdirTemp("", "kg-input-bench")
		if err != nil {
			benchErr = err
			return
		}
		benchDir = filepath.Join(root, "corpus")
		if _, benchErr = synth.WriteDir(benchDir, synth.Options{Seed: 1, Size: 4 << 20}); benchErr != nil {
			return
		}
		benchJSONL = filepath.Join(root, "corpus.jsonl")
		f, err := os.Create(benchJSONL)
		if err != nil {
			benchErr = err
			return
		}
		if _, benchErr = synth.WriteJSONL(f, synth.Options{Seed: 1, Size: 4 << 20}); benchErr == nil {
			benchErr = f.Close()
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir, benchJSONL
}

func benchWalk(b *testing.B, path string) {
	var n int64
	for b.Loop() {
		n = 0
		err := input.Walk(context.Background(), []string{path}, input.Options{},
			func(in input.Input) error { n += in.Size; return nil },
			func(err error) { b.Fatal(err) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(n)
}

func BenchmarkWalkFolder(b *testing.B) {
	dir, _ := benchCorpus(b)
	benchWalk(b, dir)
}

func BenchmarkWalkJSONL(b *testing.B) {
	_, jsonl := benchCorpus(b)
	benchWalk(b, jsonl)
}
