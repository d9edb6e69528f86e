package query

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"testing"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
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

// syntheticView builds a view of n seeded random events among n/5 actors,
// hubs favoured (the product of two uniforms picks low IDs more often).
func syntheticView(n int) *view.View {
	rng := rand.New(rand.NewPCG(uint64(n), 3))
	na := max(n/5, 50)
	actors := make([]graph.Actor, na)
	for i := range actors {
		actors[i] = graph.Actor{ID: fmt.Sprintf("a%07d", i), Name: fmt.Sprintf("Actor %d", i), Type: graph.Country}
	}
	events := make([]graph.Event, n)
	for i := range events {
		s := int(float64(na) * rng.Float64() * rng.Float64())
		events[i] = graph.Event{ID: fmt.Sprintf("e%08d", i), Source: actors[s].ID, Target: actors[rng.IntN(na)].ID,
			Relation: "meet", CAMEO: "036", Goldstein: float64(rng.IntN(21) - 10), Date: graph.Date{Year: 2010 + rng.IntN(10)},
			Symmetric: rng.IntN(10) == 0, DocID: "d", Modality: graph.Actual}
	}
	return view.NewView(actors, events, graph.Filter{})
}

var (
	viewsMu sync.Mutex
	views   = map[int]*view.View{}
)

func benchView(n int) *view.View {
	viewsMu.Lock()
	defer viewsMu.Unlock()
	if v, ok := views[n]; ok {
		return v
	}
	v := syntheticView(n)
	views[n] = v
	return v
}

func benchSizes(b *testing.B, sizes []int, fn func(b *testing.B, v *view.View, a *Adjacency)) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			v := benchView(n)
			a := NewAdjacency(v)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				fn(b, v, a)
			}
			// After the loop: ResetTimer drops reported metrics.
			b.ReportMetric(float64(a.Len()), "nodes")
			b.ReportMetric(float64(a.Edges()), "edges")
		})
	}
}

// The sizes an algorithm is measured at. Betweenness and closeness are
// O(V·E): the 1M-event graph (200k actors) would take hours exactly, so
// they stop at 100k events (closeness, 64 searches at a time, at 1M).
// KG_BENCH_10M=1 adds 10M events (2M actors) to the algorithms that scale
// with the edges, for the scaling table in BENCHMARKS.md; building that
// graph takes about a minute and several GB.
var (
	linearSizes    = withLarge([]int{10_000, 100_000, 1_000_000})
	quadraticSizes = []int{10_000, 100_000}
)

func withLarge(sizes []int) []int {
	if os.Getenv("KG_BENCH_10M") != "" {
		return append(sizes, 10_000_000)
	}
	return sizes
}

func BenchmarkBetweenness(b *testing.B) {
	benchSizes(b, quadraticSizes, func(b *testing.B, _ *view.View, a *Adjacency) { BetweennessCentrality(a, false) })
}

// BenchmarkBetweennessSampled estimates from 100 sources at every size.
func BenchmarkBetweennessSampled(b *testing.B) {
	benchSizes(b, linearSizes, func(b *testing.B, _ *view.View, a *Adjacency) {
		if _, _, err := BetweennessSampled(context.Background(), a, false, 100, 1); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkCloseness(b *testing.B) {
	benchSizes(b, []int{10_000, 100_000, 1_000_000}, func(b *testing.B, _ *view.View, a *Adjacency) { ClosenessCentrality(a, false) })
}

func BenchmarkDegree(b *testing.B) {
	benchSizes(b, linearSizes, func(b *testing.B, _ *view.View, a *Adjacency) { DegreeCentrality(a, Degree, false) })
}

func BenchmarkPageRank(b *testing.B) {
	benchSizes(b, linearSizes, func(b *testing.B, _ *view.View, a *Adjacency) {
		if _, err := PageRankCentrality(a, 0.85, 1e-6); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkShortestPath(b *testing.B) {
	benchSizes(b, linearSizes, func(b *testing.B, _ *view.View, a *Adjacency) {
		u := a.Undirect()
		ShortestPath(u, 0, int32(a.Len()-1), false, nil)
	})
}

func BenchmarkKShortestPaths(b *testing.B) {
	benchSizes(b, quadraticSizes, func(b *testing.B, _ *view.View, a *Adjacency) {
		KShortestPaths(a.Undirect(), 0, int32(a.Len()-1), 3, false, nil)
	})
}

func BenchmarkLouvain(b *testing.B) {
	benchSizes(b, []int{10_000, 100_000}, func(b *testing.B, _ *view.View, a *Adjacency) { Louvain(a, 1, 1) })
}
