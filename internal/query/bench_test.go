package query

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/graph/simple"
)

// randomGraph returns a seeded random directed graph with n nodes and about
// m edges of weight 1..5, no self-loops.
func randomGraph(n, m int, seed uint64) *simple.WeightedDirectedGraph {
	rng := rand.New(rand.NewPCG(seed, 1))
	g := simple.NewWeightedDirectedGraph(0, 0)
	for i := 0; i < n; i++ {
		g.AddNode(simple.Node(i))
	}
	for k := 0; k < m; k++ {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v {
			continue
		}
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: float64(1 + rng.IntN(5))})
	}
	return g
}

func BenchmarkBetweenness3k(b *testing.B) {
	a := NewAdjacency(randomGraph(3000, 15000, 1))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		BetweennessCentrality(a, false)
	}
}
