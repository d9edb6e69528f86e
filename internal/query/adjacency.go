package query

import (
	"sort"

	gonumgraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
)

// Adjacency is a graph in compressed sparse rows: node i (0..Len()-1) is
// gonum node IDs[i], its successors are Adj[Off[i]:Off[i+1]] with weights
// W, and its predecessors InAdj[InOff[i]:InOff[i+1]] with weights InW. Lists
// are sorted by index, so every algorithm over them is deterministic.
// Undirected adjacencies list each edge in both rows and share In with Out.
type Adjacency struct {
	IDs        []int64
	Off, Adj   []int32
	W          []float64
	InOff      []int32
	InAdj      []int32
	InW        []float64
	Undirected bool

	index map[int64]int32 // nil when IDs[i] == i
}

// csrSource is implemented by graphs that already hold compressed rows over
// dense IDs 0..Len()-1, such as kg's view.View.
type csrSource interface {
	Len() int
	OutCSR() (off, adj []int32, w []float64)
	InCSR() (off, adj []int32, w []float64)
}

// NewAdjacency compacts g. Weights come from g.Weight when g is
// gonum-Weighted and are 1 otherwise. Self-loops are dropped. A graph that
// exposes compressed rows itself (view.View) is used without copying.
func NewAdjacency(g gonumgraph.Graph) *Adjacency {
	if c, ok := g.(csrSource); ok {
		a := &Adjacency{IDs: make([]int64, c.Len())}
		for i := range a.IDs {
			a.IDs[i] = int64(i)
		}
		a.Off, a.Adj, a.W = c.OutCSR()
		a.InOff, a.InAdj, a.InW = c.InCSR()
		return a
	}
	nodes := gonumgraph.NodesOf(g.Nodes())
	ids := make([]int64, len(nodes))
	for i, n := range nodes {
		ids[i] = n.ID()
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	a := &Adjacency{IDs: ids}
	a.buildIndex()
	wg, weighted := g.(gonumgraph.Weighted)
	_, undirected := g.(gonumgraph.Undirected)
	a.Off = make([]int32, len(ids)+1)
	var row []int32
	for i, id := range ids {
		row = row[:0]
		it := g.From(id)
		for it.Next() {
			j, ok := a.Index(it.Node().ID())
			if ok && j != int32(i) {
				row = append(row, j)
			}
		}
		sort.Slice(row, func(x, y int) bool { return row[x] < row[y] })
		for _, j := range row {
			w := 1.0
			if weighted {
				w, _ = wg.Weight(id, ids[j])
			}
			a.Adj = append(a.Adj, j)
			a.W = append(a.W, w)
		}
		a.Off[i+1] = int32(len(a.Adj))
	}
	if undirected {
		a.Undirected = true
		a.InOff, a.InAdj, a.InW = a.Off, a.Adj, a.W
	} else {
		a.InOff, a.InAdj, a.InW = transpose(len(ids), a.Off, a.Adj, a.W)
	}
	return a
}

func (a *Adjacency) buildIndex() {
	dense := true
	for i, id := range a.IDs {
		if id != int64(i) {
			dense = false
			break
		}
	}
	if dense {
		a.index = nil
		return
	}
	a.index = make(map[int64]int32, len(a.IDs))
	for i, id := range a.IDs {
		a.index[id] = int32(i)
	}
}

// Len returns the number of nodes.
func (a *Adjacency) Len() int { return len(a.IDs) }

// Edges returns the number of directed edges (twice the undirected count).
func (a *Adjacency) Edges() int { return len(a.Adj) }

// Index returns the compact index of gonum node id.
func (a *Adjacency) Index(id int64) (int32, bool) {
	if a.index == nil {
		if id < 0 || id >= int64(len(a.IDs)) {
			return 0, false
		}
		return int32(id), true
	}
	i, ok := a.index[id]
	return i, ok
}

// Weight returns the weight of i→j, or 0, false.
func (a *Adjacency) Weight(i, j int32) (float64, bool) {
	row := a.Adj[a.Off[i]:a.Off[i+1]]
	k := sort.Search(len(row), func(x int) bool { return row[x] >= j })
	if k < len(row) && row[k] == j {
		return a.W[int(a.Off[i])+k], true
	}
	return 0, false
}

// Undirect returns the undirected projection: i–j is an edge when i→j or
// j→i is, weighted by the sum of both directions. An undirected adjacency
// is returned as is.
func (a *Adjacency) Undirect() *Adjacency {
	if a.Undirected {
		return a
	}
	n := a.Len()
	u := &Adjacency{IDs: a.IDs, index: a.index, Undirected: true, Off: make([]int32, n+1)}
	// Sized for the worst case, no edge both ways: growing the rows of a
	// graph of millions of edges would copy them several times over.
	u.Adj = make([]int32, 0, len(a.Adj)+len(a.InAdj))
	u.W = make([]float64, 0, len(a.Adj)+len(a.InAdj))
	for i := 0; i < n; i++ {
		// Merge the sorted out- and in-rows.
		out, in := a.Adj[a.Off[i]:a.Off[i+1]], a.InAdj[a.InOff[i]:a.InOff[i+1]]
		ow, iw := a.W[a.Off[i]:a.Off[i+1]], a.InW[a.InOff[i]:a.InOff[i+1]]
		x, y := 0, 0
		for x < len(out) || y < len(in) {
			switch {
			case y == len(in) || (x < len(out) && out[x] < in[y]):
				u.Adj, u.W = append(u.Adj, out[x]), append(u.W, ow[x])
				x++
			case x == len(out) || in[y] < out[x]:
				u.Adj, u.W = append(u.Adj, in[y]), append(u.W, iw[y])
				y++
			default:
				u.Adj, u.W = append(u.Adj, out[x]), append(u.W, ow[x]+iw[y])
				x++
				y++
			}
		}
		u.Off[i+1] = int32(len(u.Adj))
	}
	u.InOff, u.InAdj, u.InW = u.Off, u.Adj, u.W
	return u
}

// Reverse returns a with every edge turned around (the same adjacency for
// an undirected graph).
func (a *Adjacency) Reverse() *Adjacency {
	if a.Undirected {
		return a
	}
	return &Adjacency{IDs: a.IDs, index: a.index, Off: a.InOff, Adj: a.InAdj, W: a.InW, InOff: a.Off, InAdj: a.Adj, InW: a.W}
}

func transpose(n int, off, adj []int32, w []float64) (toff, tadj []int32, tw []float64) {
	toff = make([]int32, n+1)
	for _, j := range adj {
		toff[j+1]++
	}
	for i := 0; i < n; i++ {
		toff[i+1] += toff[i]
	}
	tadj = make([]int32, len(adj))
	tw = make([]float64, len(adj))
	next := append([]int32(nil), toff[:n]...)
	for i := 0; i < n; i++ {
		for k := off[i]; k < off[i+1]; k++ {
			j := adj[k]
			tadj[next[j]] = int32(i)
			tw[next[j]] = w[k]
			next[j]++
		}
	}
	return toff, tadj, tw
}

// costs turns edge weights into path costs: 1/weight when weighted (more
// events, closer actors), 1 otherwise.
func costs(w []float64, weighted bool) []float64 {
	c := make([]float64, len(w))
	for i, x := range w {
		if weighted && x > 0 {
			c[i] = 1 / x
		} else {
			c[i] = 1
		}
	}
	return c
}

func iteratorOf(ns []gonumgraph.Node) gonumgraph.Nodes {
	if len(ns) == 0 {
		return gonumgraph.Empty
	}
	return iterator.NewOrderedNodes(ns)
}
