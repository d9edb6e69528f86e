package main

import (
	"path/filepath"
	"testing"
)

// TestTriplesSortDateSpills: kg triples --sort date gives the same bytes
// whether its events are sorted in memory or, past the chunk size, in
// parts on disk and merged, in every format; and leaves no temporary file.
func TestTriplesSortDateSpills(t *testing.T) {
	store, _ := demoStore(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	for _, format := range []string{"jsonl", "csv", "table"} {
		code, want, errOut := runKG(t, "", "--store", store, "triples", "--sort", "date", "--format", format)
		if code != 0 || len(want) == 0 {
			t.Fatalf("%s in memory: exit %d, %s", format, code, errOut)
		}
		func() {
			defer func(n int) { sortChunk = n }(sortChunk)
			sortChunk = 7 // the demo store's 83 events in 12 parts
			code, got, errOut := runKG(t, "", "--store", store, "triples", "--sort", "date", "--format", format)
			if code != 0 || got != want {
				t.Errorf("%s on disk: exit %d, %s; output differs: %v", format, code, errOut, got != want)
			}
		}()
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "kg-sort-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
