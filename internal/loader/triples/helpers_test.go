package triples

import (
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/graphtest"
	"github.com/kg-project/kg/internal/graph/store"
)

// Helpers over an in-memory store, for the round trips through it.

func openMem(tb testing.TB) *store.Store {
	tb.Helper()
	s, err := store.Open(store.DefaultOptions("").WithInMemory(true).WithMemTableSize(8 << 20))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

var testDoc = graphtest.Extraction

func collectEvents(tb testing.TB, s *store.Store) []graph.Event {
	tb.Helper()
	var out []graph.Event
	if err := s.Events(func(e graph.Event) error { out = append(out, e); return nil }); err != nil {
		tb.Fatal(err)
	}
	return out
}

func mustPut(tb testing.TB, s *store.Store, x graph.Extraction, force bool, want graph.PutStatus) {
	tb.Helper()
	got, err := s.PutDocument(x, force)
	if err != nil {
		tb.Fatal(err)
	}
	if got != want {
		tb.Fatalf("PutDocument(%s, force=%v) = %v, want %v", x.Doc.Name, force, got, want)
	}
}
