package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/loader/dict"
	"github.com/kg-project/kg/internal/loader/input"
	"github.com/kg-project/kg/internal/loader/synth"
)

// Benchmarks run on a 2 MB synthetic corpus (one JSONL file, about 1,250
// articles) written once per run; see BENCHMARKS.md at the repository root.

var bench struct {
	once    sync.Once
	err     error
	files   []input.File
	inputs  []input.Input
	bytes   int64
	extract ExtractFunc
	similar SimilarFunc
	forbid  ForbiddenFunc
	xs      []graph.Extraction
}

func benchSetup(b *testing.B) {
	b.Helper()
	bench.once.Do(func() {
		dir, err := os.MkdirTemp("", "kg-pipeline-bench")
		if err != nil {
			bench.err = err
			return
		}
		p := filepath.Join(dir, "corpus.jsonl")
		f, err := os.Create(p)
		if err != nil {
			bench.err = err
			return
		}
		if _, bench.err = synth.WriteJSONL(f, synth.Options{Seed: 1, Size: 2 << 20}); bench.err != nil {
			return
		}
		if bench.err = f.Close(); bench.err != nil {
			return
		}
		if bench.files, bench.err = input.Expand(context.Background(), []string{p}, func(e error) { bench.err = e }); bench.err != nil {
			return
		}
		bench.err = input.Read(context.Background(), bench.files, input.Options{}, func(in input.Input) error {
			bench.inputs = append(bench.inputs, in)
			bench.bytes += in.Size
			return nil
		}, func(e error) { bench.err = e })
		if bench.err != nil {
			return
		}
		d, err := dict.Load()
		if err != nil {
			bench.err = err
			return
		}
		x, err := loader.New(d)
		if err != nil {
			bench.err = err
			return
		}
		bench.extract = x.Process
		bench.similar = func(a, b string) (float64, bool) { return dict.SimilarNames(d.PersonName(a), d.PersonName(b)) }
		bench.forbid = d.MergeForbidden
		m := NewMerger(nil, bench.similar, bench.forbid)
		for _, in := range bench.inputs {
			x, err := bench.extract(in)
			if err != nil {
				bench.err = err
				return
			}
			m.Resolve(&x)
			bench.xs = append(bench.xs, x)
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
}

// BenchmarkExtractTree is BenchmarkExtract with the parse coder, with
// its beam and greedily (fast).
func BenchmarkExtractTree(b *testing.B) {
	benchSetup(b)
	for _, fast := range []bool{false, true} {
		name := "beam"
		if fast {
			name = "fast"
		}
		b.Run(name, func(b *testing.B) {
			x, err := loader.NewWith(nil, loader.Options{Coder: loader.CoderTree, FastParse: fast})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(bench.bytes)
			for b.Loop() {
				for _, in := range bench.inputs {
					if _, err := x.Process(in); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkExtract is cleaning and extraction alone, on one goroutine.
func BenchmarkExtract(b *testing.B) {
	benchSetup(b)
	b.SetBytes(bench.bytes)
	for b.Loop() {
		for _, in := range bench.inputs {
			if _, err := bench.extract(in); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPipelineNoStore is reading, parallel extraction and merging,
// with an in-memory map as the store.
func BenchmarkPipelineNoStore(b *testing.B) {
	benchSetup(b)
	b.SetBytes(bench.bytes)
	for b.Loop() {
		_, err := Run(context.Background(), bench.files, bench.extract, newMemSink(),
			Options{Merger: NewMerger(nil, bench.similar, bench.forbid)})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func openBenchStore(b *testing.B) *store.Store {
	b.Helper()
	s, err := store.Open(store.DefaultOptions(filepath.Join(b.TempDir(), "db")))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkPipelineStore is the whole load into a new store on disk, as
// `kg load` does it (without the dictionary loading at start-up).
func BenchmarkPipelineStore(b *testing.B) {
	benchSetup(b)
	b.SetBytes(bench.bytes)
	for b.Loop() {
		s := openBenchStore(b)
		_, err := Run(context.Background(), bench.files, bench.extract, s,
			Options{Merger: NewMerger(nil, bench.similar, bench.forbid)})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStoreWrites is the writes alone: the corpus's extractions,
// already merged, written into a new store in batches of 64 and closed.
func BenchmarkStoreWrites(b *testing.B) {
	benchSetup(b)
	b.SetBytes(bench.bytes)
	for b.Loop() {
		s := openBenchStore(b)
		for i := 0; i < len(bench.xs); i += 64 {
			if _, err := s.PutDocuments(bench.xs[i:min(i+64, len(bench.xs))], false); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
