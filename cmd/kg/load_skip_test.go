package main

import (
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/input"
	"github.com/kg-project/kg/internal/loader/pipeline"
)

// countingPreparer counts the calls reaching the extractor it wraps.
type countingPreparer struct {
	pipeline.Preparer
	prepared, extracted *atomic.Int64
}

func (c countingPreparer) Prepare(in input.Input) (graph.Document, error) {
	c.prepared.Add(1)
	return c.Preparer.Prepare(in)
}

func (c countingPreparer) ProcessText(doc graph.Document) (graph.Extraction, error) {
	c.extracted.Add(1)
	return c.Preparer.ProcessText(doc)
}

func TestLoadAgainExtractsNothing(t *testing.T) {
	corpus := writeCorpus(t, 40<<10)
	files, _ := filepath.Glob(filepath.Join(corpus, "*", "*.txt"))
	store := filepath.Join(t.TempDir(), "db")
	var prepared, extracted atomic.Int64
	loadPreparerHook = func(p pipeline.Preparer) pipeline.Preparer {
		return countingPreparer{Preparer: p, prepared: &prepared, extracted: &extracted}
	}
	t.Cleanup(func() { loadPreparerHook = nil })

	for _, tt := range []struct {
		name      string
		args      []string
		extracted int
		check     func(loadSummary) bool
	}{
		{name: "first", args: []string{"--workers", "2"}, extracted: len(files),
			check: func(s loadSummary) bool { return s.New == len(files) && s.Unchanged == 0 }},
		{name: "again", args: []string{"--workers", "2"}, extracted: 0,
			check: func(s loadSummary) bool { return s.Unchanged == len(files) && s.New == 0 && s.Events == 0 }},
		{name: "again, one worker", args: []string{"--workers", "1"}, extracted: 0,
			check: func(s loadSummary) bool { return s.Unchanged == len(files) && s.New == 0 && s.Events == 0 }},
		{name: "forced", args: []string{"--force"}, extracted: len(files),
			check: func(s loadSummary) bool { return s.Replaced == len(files) && s.Events > 0 }},
	} {
		prepared.Store(0)
		extracted.Store(0)
		args := append([]string{"--store", store, "load", "--format", "json"}, tt.args...)
		code, out, errOut := runKG(t, "", append(args, corpus)...)
		if code != 0 {
			t.Fatalf("%s load: exit %d\n%s", tt.name, code, errOut)
		}
		if sum := decodeSummary(t, out); !tt.check(sum) {
			t.Errorf("%s load of %d files: %+v", tt.name, len(files), sum)
		}
		if n := prepared.Load(); n != int64(len(files)) {
			t.Errorf("%s load prepared %d documents, want %d", tt.name, n, len(files))
		}
		if n := extracted.Load(); n != int64(tt.extracted) {
			t.Errorf("%s load extracted %d documents, want %d", tt.name, n, tt.extracted)
		}
	}
}
