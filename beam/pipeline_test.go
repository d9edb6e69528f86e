package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"

	"github.com/kg-project/kg/internal/loader/synth"
)

// kgBinary builds kg from ../cmd/kg once: the expected triples are what
// the kg command prints, not what this package computes.
func kgBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kg")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/kg")
	cmd.Dir = ".." // the kg module, with its own go.mod
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build kg: %v\n%s", err, out)
	}
	return bin
}

// runPipeline runs the pipeline on the direct runner and returns every
// line of its shards, sorted.
func runPipeline(t *testing.T, in, coder string, shards int) []string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "triples")
	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{Input: in, Output: out, Coder: coder, Shards: shards, MaxSize: 50 << 20})
	if _, err := direct.Execute(t.Context(), p); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(out + "-*-of-*.jsonl")
	if len(files) == 0 || len(files) > shards {
		t.Fatalf("%d shards, want 1 to %d", len(files), shards)
	}
	var lines []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")...)
	}
	sort.Strings(lines)
	return lines
}

func kgExtract(t *testing.T, kg, in, coder string) []string {
	t.Helper()
	out, err := exec.Command(kg, "extract", "--coder", coder, in).Output()
	if err != nil {
		t.Fatalf("kg extract: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	sort.Strings(lines)
	return lines
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(want) < 10 {
		t.Fatalf("%s: kg extract found only %d triples; nothing to compare", what, len(want))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: the pipeline wrote %d triples, kg extract %d, and they differ", what, len(got), len(want))
	}
}

// TestPipelineEqualsKGExtract: on the reference corpus and on a 10 MB
// synthetic corpus, the pipeline's shards hold, once sorted, exactly the
// lines kg extract prints.
func TestPipelineEqualsKGExtract(t *testing.T) {
	kg := kgBinary(t)
	dir := t.TempDir()

	// The reference articles as JSON Lines documents.
	var ref bytes.Buffer
	// ../shared is beside the repository, two levels up from this module.
	corpus := filepath.Join("..", "..", "shared", "corpus", "pak-russia")
	files, _ := filepath.Glob(filepath.Join(corpus, "*"))
	if len(files) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("reference corpus missing at %s (required under CI=true)", corpus)
		}
		t.Skipf("reference corpus absent at %s", corpus)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(map[string]string{"id": filepath.Base(f), "text": string(b)})
		ref.Write(append(line, '\n'))
	}
	refFile := filepath.Join(dir, "reference.jsonl")
	os.WriteFile(refFile, ref.Bytes(), 0o644)
	sameLines(t, "reference corpus", runPipeline(t, refFile, "", 2), kgExtract(t, kg, refFile, "tree"))

	if testing.Short() {
		return
	}
	f, err := os.Create(filepath.Join(dir, "synth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := synth.WriteJSONL(f, synth.Options{Seed: 7, Size: 10 << 20}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// The rules coder here: both sides parsing 10 MB would take minutes
	// for what the reference corpus already shows.
	sameLines(t, "10 MB synthetic corpus", runPipeline(t, f.Name(), "rules", 4), kgExtract(t, kg, f.Name(), "rules"))
}
