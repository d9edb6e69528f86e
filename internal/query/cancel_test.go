package query

import (
	"context"
	"errors"
	"math"
	"slices"
	"sort"
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

// TestBetweennessSampled: all nodes as sources is the exact answer; half of
// them, seeded, repeats exactly and keeps the top actors near the top.
func TestBetweennessSampled(t *testing.T) {
	a := NewAdjacency(randomGraph(400, 2000, 5))
	exact := BetweennessCentrality(a, false)
	all, err := BetweennessSampled(context.Background(), a, false, a.Len(), 1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range exact {
		if math.Abs(all[i]-exact[i]) > 1e-9 {
			t.Fatalf("k = n: node %d %v, exact %v", i, all[i], exact[i])
		}
	}
	half, _ := BetweennessSampled(context.Background(), a, false, a.Len()/2, 1)
	again, _ := BetweennessSampled(context.Background(), a, false, a.Len()/2, 1)
	if !slices.Equal(half, again) {
		t.Error("a seeded sample does not repeat")
	}
	// The ten most central nodes of the exact run: most of them are in the
	// estimate's top twenty.
	top := func(v []float64, k int) map[int]bool {
		idx := make([]int, len(v))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(i, j int) bool { return v[idx[i]] > v[idx[j]] })
		m := map[int]bool{}
		for _, i := range idx[:k] {
			m[i] = true
		}
		return m
	}
	est, ex := top(half, 20), top(exact, 10)
	hit := 0
	for i := range ex {
		if est[i] {
			hit++
		}
	}
	if hit < 8 {
		t.Errorf("only %d of the 10 most central nodes in the estimate's top 20", hit)
	}
}
