package query

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/kg-project/kg/internal/graph/view"
	gonumgraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// Communities is a partition of the nodes with its modularity.
type Communities struct {
	// Groups holds the members (compact indexes) of each community,
	// largest first, ties by lowest member; members ascending.
	Groups [][]int32
	// Q is the modularity of the partition, in [-1, 1]: undirected,
	// event-weighted for Louvain; for the signed run, Gómez, Jensen and
	// Arenas's signed modularity (Phys. Rev. E 80, 016114, 2009):
	//   Q = (2w⁺Q⁺ − 2w⁻Q⁻) / (2w⁺ + 2w⁻),
	// Q⁺ and Q⁻ the ordinary modularities of the cooperation and conflict
	// layers and w⁺, w⁻ their total weights.
	Q float64
}

// Louvain partitions the undirected projection of a (weights = event counts)
// with gonum's community.Modularize at the given resolution, seeded so that
// runs repeat exactly.
func Louvain(a *Adjacency, resolution float64, seed uint64) Communities {
	u := a.Undirect()
	g := &undirectedGraph{a: u, sign: 1}
	if u.Len() == 0 {
		return Communities{}
	}
	r := community.Modularize(g, resolution, rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	comms := r.Communities()
	return Communities{Groups: groups(comms), Q: community.Q(g, comms, resolution)}
}

// SignedLouvain partitions v's signed projection (see SignedEdges) with
// gonum's ModularizeMultiplex over two layers: cooperation edges (positive
// sign, weight = events) pull actors together and conflict edges (negative
// sign) push them apart. Neutral pairs are left out.
func SignedLouvain(v *view.View, resolution float64, seed uint64) (Communities, error) {
	n := v.Len()
	if n == 0 {
		return Communities{}, nil
	}
	var pos, neg []SignedEdge
	for _, e := range SignedEdges(v) {
		switch e.Sign {
		case 1:
			pos = append(pos, e)
		case -1:
			neg = append(neg, e)
		}
	}
	coop := &undirectedGraph{a: layer(n, pos), sign: 1}
	conf := &undirectedGraph{a: layer(n, neg), sign: -1}
	layers, err := community.NewUndirectedLayers(coop, conf)
	if err != nil {
		return Communities{}, fmt.Errorf("signed layers: %w", err)
	}
	weights := []float64{1, -1}
	res := []float64{resolution, resolution}
	r := community.ModularizeMultiplex(layers, weights, res, true, rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	comms := r.Communities()
	// QMultiplex gives each layer's sum over pairs unscaled (2w·Q, signed
	// by the layer weight): their sum over the total 2w⁺ + 2w⁻ is the
	// signed modularity.
	q, twoW := 0.0, 0.0
	for _, x := range community.QMultiplex(layers, comms, weights, res) {
		q += x
	}
	for _, a := range []*Adjacency{coop.a, conf.a} {
		for _, w := range a.W {
			twoW += w
		}
	}
	if twoW > 0 {
		q /= twoW
	}
	return Communities{Groups: groups(comms), Q: q}, nil
}

// layer builds an undirected adjacency over n nodes from signed edges,
// weighted by their event counts.
func layer(n int, es []SignedEdge) *Adjacency {
	deg := make([]int32, n+1)
	for _, e := range es {
		deg[e.U+1]++
		deg[e.W+1]++
	}
	for i := 0; i < n; i++ {
		deg[i+1] += deg[i]
	}
	a := &Adjacency{IDs: make([]int64, n), Off: deg, Adj: make([]int32, deg[n]), W: make([]float64, deg[n]), Undirected: true}
	for i := range a.IDs {
		a.IDs[i] = int64(i)
	}
	next := append([]int32(nil), deg[:n]...)
	for _, e := range es {
		a.Adj[next[e.U]], a.W[next[e.U]] = e.W, float64(e.Events)
		next[e.U]++
		a.Adj[next[e.W]], a.W[next[e.W]] = e.U, float64(e.Events)
		next[e.W]++
	}
	for i := 0; i < n; i++ {
		row, w := a.Adj[a.Off[i]:a.Off[i+1]], a.W[a.Off[i]:a.Off[i+1]]
		view.SortRow(row, w)
	}
	a.InOff, a.InAdj, a.InW = a.Off, a.Adj, a.W
	return a
}

func groups(comms [][]gonumgraph.Node) [][]int32 {
	var out [][]int32
	for _, c := range comms {
		if len(c) == 0 {
			continue
		}
		g := make([]int32, len(c))
		for i, n := range c {
			g[i] = int32(n.ID())
		}
		sort.Slice(g, func(i, j int) bool { return g[i] < g[j] })
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i][0] < out[j][0]
	})
	return out
}

// undirectedGraph presents an undirected Adjacency to gonum as a
// WeightedUndirected graph over compact indexes. sign multiplies every
// weight (-1 for a conflict layer, which gonum wants negative).
type undirectedGraph struct {
	a    *Adjacency
	sign float64
}

var _ gonumgraph.WeightedUndirected = (*undirectedGraph)(nil)

func (g *undirectedGraph) has(id int64) bool { return id >= 0 && id < int64(g.a.Len()) }

func (g *undirectedGraph) Node(id int64) gonumgraph.Node {
	if !g.has(id) {
		return nil
	}
	return simple.Node(id)
}

func (g *undirectedGraph) Nodes() gonumgraph.Nodes {
	ns := make([]gonumgraph.Node, g.a.Len())
	for i := range ns {
		ns[i] = simple.Node(i)
	}
	return iteratorOf(ns)
}

func (g *undirectedGraph) From(id int64) gonumgraph.Nodes {
	if !g.has(id) {
		return gonumgraph.Empty
	}
	row := g.a.Adj[g.a.Off[id]:g.a.Off[id+1]]
	ns := make([]gonumgraph.Node, len(row))
	for i, v := range row {
		ns[i] = simple.Node(v)
	}
	return iteratorOf(ns)
}

func (g *undirectedGraph) weight(x, y int64) (float64, bool) {
	if !g.has(x) || !g.has(y) {
		return 0, false
	}
	w, ok := g.a.Weight(int32(x), int32(y))
	return g.sign * w, ok
}

func (g *undirectedGraph) HasEdgeBetween(x, y int64) bool { _, ok := g.weight(x, y); return ok }

func (g *undirectedGraph) Edge(x, y int64) gonumgraph.Edge {
	if e := g.WeightedEdge(x, y); e != nil {
		return e
	}
	return nil
}

func (g *undirectedGraph) EdgeBetween(x, y int64) gonumgraph.Edge { return g.Edge(x, y) }

func (g *undirectedGraph) WeightedEdge(x, y int64) gonumgraph.WeightedEdge {
	w, ok := g.weight(x, y)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(x), T: simple.Node(y), W: w}
}

func (g *undirectedGraph) WeightedEdgeBetween(x, y int64) gonumgraph.WeightedEdge {
	return g.WeightedEdge(x, y)
}

func (g *undirectedGraph) Weight(x, y int64) (float64, bool) {
	if x == y && g.has(x) {
		return 0, true
	}
	w, ok := g.weight(x, y)
	if !ok {
		return math.Inf(1) * g.sign, false
	}
	return w, true
}
