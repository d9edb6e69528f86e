package query

import (
	"context"
	"math"
	"sort"

	gonumgraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
)

// Path is a walk through compact node indexes with its total cost (hops,
// or the sum of 1/weight on weighted runs).
type Path struct {
	Nodes []int32
	Cost  float64
}

// Hops returns the number of edges on p.
func (p Path) Hops() int { return len(p.Nodes) - 1 }

// ShortestPath returns one shortest s→t path (BFS, or Dijkstra with cost
// 1/weight when weighted) avoiding blocked nodes (blocked may be nil). Among
// equal-cost paths it takes, walking back from t, the lowest-index
// predecessor at each step, so answers are stable. ok is false when t cannot
// be reached.
func ShortestPath(a *Adjacency, s, t int32, weighted bool, blocked []bool) (p Path, ok bool) {
	sp := newSSSP(a.Len())
	run(sp, a, s, weighted, blocked, t)
	return tracePath(a, sp, s, t, weighted)
}

// run searches from s until the targets' distances and path counts are
// final (the whole graph without targets).
func run(sp *sssp, a *Adjacency, s int32, weighted bool, blocked []bool, targets ...int32) {
	if weighted {
		sp.dijkstra(s, a.Off, a.Adj, costs(a.W, true), blocked, targets...)
	} else {
		sp.bfs(s, a.Off, a.Adj, blocked, targets...)
	}
}

func tracePath(a *Adjacency, sp *sssp, s, t int32, weighted bool) (Path, bool) {
	if math.IsInf(sp.dist[t], 1) {
		return Path{}, false
	}
	nodes := []int32{t}
	for v := t; v != s; {
		next := int32(-1)
		for k := a.InOff[v]; k < a.InOff[v+1]; k++ {
			u := a.InAdj[k]
			c := 1.0
			if weighted {
				c = 1 / a.InW[k]
			}
			if !math.IsInf(sp.dist[u], 1) && sp.dist[u]+c == sp.dist[v] {
				next = u
				break
			}
		}
		if next < 0 {
			return Path{}, false // cannot happen with consistent distances
		}
		nodes = append(nodes, next)
		v = next
	}
	for i, j := 0, len(nodes)-1; i < j; i, j = i+1, j-1 {
		nodes[i], nodes[j] = nodes[j], nodes[i]
	}
	return Path{Nodes: nodes, Cost: sp.dist[t]}, true
}

// CountShortest returns the distance from s to t and the number of distinct
// shortest s→t paths (0 when unreachable).
func CountShortest(a *Adjacency, s, t int32, weighted bool, blocked []bool) (dist, count float64) {
	sp := newSSSP(a.Len())
	run(sp, a, s, weighted, blocked, t)
	return sp.dist[t], sp.sigma[t]
}

// KShortestPaths returns up to k loopless s→t paths in order of cost (Yen's
// algorithm, gonum's path.YenKShortestPaths, over positive costs: 1 per hop
// or 1/weight), then hops, then node indexes.
func KShortestPaths(a *Adjacency, s, t int32, k int, weighted bool, blocked []bool) []Path {
	paths, _ := KShortestPathsContext(context.Background(), a, s, t, k, weighted, blocked)
	return paths
}

// KShortestPathsContext is KShortestPaths that returns ctx's error as soon
// as ctx is done. Yen's search (gonum's) cannot be stopped midway: it is
// left to finish in the background, its answer unused.
func KShortestPathsContext(ctx context.Context, a *Adjacency, s, t int32, k int, weighted bool, blocked []bool) ([]Path, error) {
	if ctx.Done() == nil {
		return kShortest(a, s, t, k, weighted, blocked), nil
	}
	done := make(chan []Path, 1)
	go func() { done <- kShortest(a, s, t, k, weighted, blocked) }()
	select {
	case p := <-done:
		return p, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func kShortest(a *Adjacency, s, t int32, k int, weighted bool, blocked []bool) []Path {
	if k <= 0 {
		return nil
	}
	if k == 1 {
		// One path needs one search, not Yen's machinery (which holds a
		// map per node searched): the path kg link and kg export --path
		// find too.
		if p, ok := ShortestPath(a, s, t, weighted, blocked); ok {
			return []Path{p}
		}
		return nil
	}
	cg := &costGraph{a: a, weighted: weighted, blocked: blocked}
	raw := path.YenKShortestPaths(cg, k, math.Inf(1), simple.Node(s), simple.Node(t))
	out := make([]Path, 0, len(raw))
	for _, r := range raw {
		p := Path{Nodes: make([]int32, len(r))}
		for i, n := range r {
			p.Nodes[i] = int32(n.ID())
			if i > 0 {
				w, _ := cg.Weight(r[i-1].ID(), n.ID())
				p.Cost += w
			}
		}
		out = append(out, p)
	}
	sortPaths(out)
	return out
}

// SimplePaths returns the s→t paths without repeated nodes of at most
// maxHops edges, found by depth-first search in index order and cut off
// after limit paths, sorted by cost, hops and node indexes.
func SimplePaths(a *Adjacency, s, t int32, maxHops, limit int, weighted bool, blocked []bool) []Path {
	if maxHops <= 0 || limit <= 0 {
		return nil
	}
	var out []Path
	onPath := make([]bool, a.Len())
	stack := []int32{s}
	onPath[s] = true
	var cost []float64
	if weighted {
		cost = costs(a.W, true)
	}
	var dfs func(v int32, c float64)
	dfs = func(v int32, c float64) {
		if len(out) >= limit {
			return
		}
		if v == t {
			out = append(out, Path{Nodes: append([]int32(nil), stack...), Cost: c})
			return
		}
		if len(stack)-1 >= maxHops {
			return
		}
		for k := a.Off[v]; k < a.Off[v+1]; k++ {
			w := a.Adj[k]
			if onPath[w] || blocked != nil && blocked[w] {
				continue
			}
			step := 1.0
			if weighted {
				step = cost[k]
			}
			onPath[w] = true
			stack = append(stack, w)
			dfs(w, c+step)
			stack = stack[:len(stack)-1]
			onPath[w] = false
		}
	}
	dfs(s, 0)
	sortPaths(out)
	return out
}

// ViaPath returns the shortest s→t path through x that repeats no node: the
// cheaper of (shortest s→x, then shortest x→t avoiding the first leg) and
// (shortest x→t, then shortest s→x avoiding it). This is a heuristic: the
// true optimum may need two non-shortest legs, which is rare in sparse
// actor graphs.
func ViaPath(a *Adjacency, s, x, t int32, weighted bool, blocked []bool) (Path, bool) {
	if s == x || x == t {
		return ShortestPath(a, s, t, weighted, blocked)
	}
	var best Path
	found := false
	// try finds leg1 first (avoiding avoid1, the far end of the other leg),
	// then leg2 avoiding every node of leg1 but x.
	try := func(l1From, l1To, avoid1, l2From, l2To int32, headFirst bool) {
		p1, ok := ShortestPath(a, l1From, l1To, weighted, withBlocked(a.Len(), blocked, avoid1))
		if !ok {
			return
		}
		b2 := withBlocked(a.Len(), blocked)
		for _, n := range p1.Nodes {
			if n != x {
				b2[n] = true
			}
		}
		p2, ok := ShortestPath(a, l2From, l2To, weighted, b2)
		if !ok {
			return
		}
		head, tail := p1, p2
		if !headFirst {
			head, tail = p2, p1
		}
		p := Path{Nodes: append(append([]int32(nil), head.Nodes...), tail.Nodes[1:]...), Cost: p1.Cost + p2.Cost}
		if !found || lessPath(p, best) {
			best, found = p, true
		}
	}
	try(s, x, t, x, t, true)
	try(x, t, s, s, x, false)
	return best, found
}

func withBlocked(n int, base []bool, extra ...int32) []bool {
	b := make([]bool, n)
	copy(b, base)
	for _, v := range extra {
		b[v] = true
	}
	return b
}

func sortPaths(ps []Path) {
	sort.SliceStable(ps, func(i, j int) bool { return lessPath(ps[i], ps[j]) })
}

func lessPath(p, q Path) bool {
	if !nearlyEqual(p.Cost, q.Cost) {
		return p.Cost < q.Cost
	}
	if len(p.Nodes) != len(q.Nodes) {
		return len(p.Nodes) < len(q.Nodes)
	}
	for i := range p.Nodes {
		if p.Nodes[i] != q.Nodes[i] {
			return p.Nodes[i] < q.Nodes[i]
		}
	}
	return false
}

// costGraph presents an Adjacency to gonum path algorithms as a directed
// graph over compact indexes whose weights are path costs (always positive,
// as Yen's algorithm requires), skipping blocked nodes.
type costGraph struct {
	a        *Adjacency
	weighted bool
	blocked  []bool
}

var _ gonumgraph.WeightedDirected = (*costGraph)(nil)

func (g *costGraph) ok(id int64) bool {
	return id >= 0 && id < int64(g.a.Len()) && (g.blocked == nil || !g.blocked[id])
}

func (g *costGraph) Node(id int64) gonumgraph.Node {
	if !g.ok(id) {
		return nil
	}
	return simple.Node(id)
}

func (g *costGraph) Nodes() gonumgraph.Nodes {
	var ns []gonumgraph.Node
	for i := 0; i < g.a.Len(); i++ {
		if g.ok(int64(i)) {
			ns = append(ns, simple.Node(i))
		}
	}
	return iteratorOf(ns)
}

func (g *costGraph) row(off, adj []int32, id int64) gonumgraph.Nodes {
	if !g.ok(id) {
		return gonumgraph.Empty
	}
	var ns []gonumgraph.Node
	for _, v := range adj[off[id]:off[id+1]] {
		if g.ok(int64(v)) {
			ns = append(ns, simple.Node(v))
		}
	}
	return iteratorOf(ns)
}

func (g *costGraph) From(id int64) gonumgraph.Nodes { return g.row(g.a.Off, g.a.Adj, id) }
func (g *costGraph) To(id int64) gonumgraph.Nodes   { return g.row(g.a.InOff, g.a.InAdj, id) }

func (g *costGraph) HasEdgeFromTo(uid, vid int64) bool {
	_, ok := g.cost(uid, vid)
	return ok
}

func (g *costGraph) HasEdgeBetween(x, y int64) bool {
	return g.HasEdgeFromTo(x, y) || g.HasEdgeFromTo(y, x)
}

func (g *costGraph) cost(uid, vid int64) (float64, bool) {
	if !g.ok(uid) || !g.ok(vid) {
		return 0, false
	}
	w, ok := g.a.Weight(int32(uid), int32(vid))
	if !ok {
		return 0, false
	}
	if g.weighted {
		return 1 / w, true
	}
	return 1, true
}

func (g *costGraph) Edge(uid, vid int64) gonumgraph.Edge {
	// A nil WeightedEdge must come back as a nil Edge, not as an Edge
	// interface holding a nil WeightedEdge.
	if e := g.WeightedEdge(uid, vid); e != nil {
		return e
	}
	return nil
}

func (g *costGraph) WeightedEdge(uid, vid int64) gonumgraph.WeightedEdge {
	c, ok := g.cost(uid, vid)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(uid), T: simple.Node(vid), W: c}
}

func (g *costGraph) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	c, ok := g.cost(x, y)
	if !ok {
		return math.Inf(1), false
	}
	return c, true
}
