package query

import (
	"context"
	"errors"
	"testing"
)

// TestCanceled: the algorithms that search from every node, and Yen's
// k shortest paths, give up with the context's error once it is done.
func TestCanceled(t *testing.T) {
	a := NewAdjacency(randomGraph(2000, 10000, 7))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, m := range []Measure{Betweenness, Closeness, Harmonic} {
		for _, weighted := range []bool{false, true} {
			if _, err := CentralityContext(ctx, a, m, weighted); !errors.Is(err, context.Canceled) {
				t.Errorf("%s (weighted %v): err = %v, want context.Canceled", m, weighted, err)
			}
		}
	}
	if _, err := KShortestPathsContext(ctx, a, 0, 1, 50, false, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("k shortest paths: err = %v, want context.Canceled", err)
	}
	// Not cancelled, the same answers as without a context.
	s, err := CentralityContext(context.Background(), a, Betweenness, false)
	if err != nil {
		t.Fatal(err)
	}
	want := BetweennessCentrality(a, false)
	for i := range want {
		if s.Value[i] != want[i] {
			t.Fatalf("betweenness[%d] = %v, want %v", i, s.Value[i], want[i])
		}
	}
}
