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
	all, allErr, err := BetweennessSampled(context.Background(), a, false, a.Len(), 1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range exact {
		if math.Abs(all[i]-exact[i]) > 1e-9 || allErr[i] != 0 {
			t.Fatalf("k = n: node %d %v ± %v, exact %v ± 0", i, all[i], allErr[i], exact[i])
		}
	}
	half, _, _ := BetweennessSampled(context.Background(), a, false, a.Len()/2, 1)
	again, _, _ := BetweennessSampled(context.Background(), a, false, a.Len()/2, 1)
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

// TestBetweennessSampledError holds the standard errors of sampled
// estimates to what they claim: most estimates lie within two of them of
// the exact value (about 95 % for a normal estimate; dependencies are
// heavy-tailed, so a sample of a few sources often misses the large ones
// and understates the spread), and not nearly all within half of one (an
// error too large would say so), on directed and undirected graphs.
func TestBetweennessSampledError(t *testing.T) {
	for _, undirected := range []bool{false, true} {
		a := NewAdjacency(randomGraph(400, 1600, 9))
		if undirected {
			a = a.Undirect()
		}
		exact := BetweennessCentrality(a, false)
		var nodes, within2, withinHalf int
		for seed := uint64(1); seed <= 5; seed++ {
			est, se, err := BetweennessSampled(context.Background(), a, false, 120, seed)
			if err != nil {
				t.Fatal(err)
			}
			for i := range exact {
				if exact[i] == 0 || se[i] == 0 {
					continue
				}
				nodes++
				d := math.Abs(est[i] - exact[i])
				if d <= 2*se[i] {
					within2++
				}
				if d <= se[i]/2 {
					withinHalf++
				}
			}
		}
		if f := float64(within2) / float64(nodes); f < 0.8 {
			t.Errorf("undirected=%v: %.2f of %d estimates within two standard errors, want about 0.95", undirected, f, nodes)
		}
		if f := float64(withinHalf) / float64(nodes); f > 0.6 {
			t.Errorf("undirected=%v: %.2f of %d estimates within half a standard error, want about 0.38", undirected, f, nodes)
		}
	}
}
