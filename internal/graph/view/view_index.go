package view

import (
	"fmt"
	"math"
	"sort"
	"sync"

	"github.com/kg-project/kg/internal/graph"
)

// IndexSource is a store that keeps a graph index: a row per actor with its
// counts towards every other actor, and the events of any one pair.
// *store.Store satisfies it.
type IndexSource interface {
	GraphRows(fn func(r *graph.IndexRow) error) error
	PairEvents(a, b string) ([]graph.Event, error)
}

// Indexable reports whether the view under f can be built from a graph
// index: f keeps what the zero Filter keeps, counting the reports of one
// event once or, with Mentions, each.
func Indexable(f graph.Filter) bool {
	f.Mentions = false
	return f.IsZero()
}

// LoadIndexedView builds the view under f from src's graph index, reading
// no event: nodes, edges and their counts, and each node's In and Out, are
// the index's. The rest of a pair (its events, relations, Goldstein
// score, dates and documents) and a node's first and last dates are read
// from the pair's events the first time they are asked for, so a query
// reads the events of the edges it reports and no others. Methods that
// need every event (Pairs, NumEvents, Multigraph) read them all.
//
// Everything it answers is what LoadView answers for the same store and
// filter, but for the order of View.Events (events come in the order their
// pairs are first asked for) and for the node actors, which carry ID,
// name, code, type and country only. f must be Indexable.
func LoadIndexedView(src IndexSource, f graph.Filter) (*View, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if !Indexable(f) {
		return nil, fmt.Errorf("a view under these filters needs the events, not the graph index")
	}
	count := func(c graph.IndexCount) int {
		if f.Mentions {
			return c.Mentions
		}
		return c.Events
	}
	// Every row, in actor-ID order, and the kept edges from[k] → to[k]
	// of weight w[k], by row and the other end's number, which become
	// nodes once it is known which rows are nodes.
	var (
		actors   []graph.Actor
		nums     []uint32
		self     []int
		from, to []int32
		w        []float64
		maxNum   uint32
	)
	if st, ok := src.(interface{ Stats() (graph.Stats, error) }); ok {
		// Sized once: growing them costs a copy of each.
		if c, err := st.Stats(); err == nil {
			actors, nums, self = make([]graph.Actor, 0, c.Actors), make([]uint32, 0, c.Actors), make([]int, 0, c.Actors)
			from, to, w = make([]int32, 0, c.Edges), make([]int32, 0, c.Edges), make([]float64, 0, c.Edges)
		}
	}
	err := src.GraphRows(func(r *graph.IndexRow) error {
		if r.Num > math.MaxInt32 {
			return fmt.Errorf("read graph index: %s has number %d, out of range (kg reindex --graph rebuilds the index)", r.Actor.ID, r.Num)
		}
		i := int32(len(actors))
		actors = append(actors, r.Actor)
		nums = append(nums, r.Num)
		self = append(self, count(r.Self))
		maxNum = max(maxNum, r.Num)
		for _, e := range r.Out {
			if e.Mentions > 0 {
				from, to, w = append(from, i), append(to, int32(e.To)), append(w, float64(count(e.IndexCount)))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rowOf := make([]int32, maxNum+1)
	for i := range rowOf {
		rowOf[i] = -1
	}
	for i, n := range nums {
		rowOf[n] = int32(i)
	}
	// An actor is a node when it takes part in a kept event.
	node := make([]int32, len(actors))
	for i := range self {
		if self[i] > 0 {
			node[i] = 1
		}
	}
	for k := range to {
		if to[k] > int32(maxNum) || rowOf[to[k]] < 0 {
			return nil, fmt.Errorf("read graph index: %s has events towards actor number %d, which has no row (kg reindex --graph rebuilds the index)", actors[from[k]].ID, to[k])
		}
		to[k] = rowOf[to[k]]
		node[from[k]], node[to[k]] = 1, 1
	}
	n := 0
	for i := range node {
		if node[i] == 0 {
			node[i] = -1
			continue
		}
		node[i] = int32(n)
		actors[n], self[n] = actors[i], self[i]
		n++
	}
	clear(actors[n:])
	actors = actors[:n:n]
	v := &View{filter: f, actors: actors, index: make(map[string]int32, n), ids: make([]string, n), stats: make([]NodeStats, n)}
	for i := range actors {
		v.ids[i] = actors[i].ID
		v.index[actors[i].ID] = int32(i)
		// An event of an actor with itself counts as out and in, and on
		// no edge.
		v.stats[i].Out, v.stats[i].In = self[i], self[i]
	}
	// In-counts land at random nodes: summed in a compact array that stays
	// in cache, not in the wide NodeStats (a third of the build at ten
	// million edges).
	in := make([]int, n)
	for k := range from {
		from[k], to[k] = node[from[k]], node[to[k]]
		v.stats[from[k]].Out += int(w[k])
		in[to[k]] += int(w[k])
	}
	for i, c := range in {
		v.stats[i].In += c
	}
	v.buildCSRRows(from, to, w)
	v.lazy = &lazyView{src: src, done: map[uint64]bool{}, self: make([]bool, n), nodeDone: make([]bool, n),
		dates: map[int32][2]graph.Date{}, pairs: map[int]*Pair{}}
	for i := range self[:n] {
		v.lazy.self[i] = self[i] > 0
	}
	return v, nil
}

// SortRow sorts one row of an adjacency by neighbour, its weights along.
func SortRow(adj []int32, w []float64) { sort.Sort(rowSorter{adj, w}) }

type rowSorter struct {
	adj []int32
	w   []float64
}

func (r rowSorter) Len() int           { return len(r.adj) }
func (r rowSorter) Less(i, j int) bool { return r.adj[i] < r.adj[j] }
func (r rowSorter) Swap(i, j int) {
	r.adj[i], r.adj[j] = r.adj[j], r.adj[i]
	r.w[i], r.w[j] = r.w[j], r.w[i]
}

// IndexedEdges counts the edges of the view of the zero Filter from src's
// graph index, building none: the ordered pairs of distinct actors with an
// event the filter keeps.
func IndexedEdges(src IndexSource) (int, error) {
	n := 0
	err := src.GraphRows(func(r *graph.IndexRow) error {
		for _, e := range r.Out {
			if e.Mentions > 0 {
				n++
			}
		}
		return nil
	})
	return n, err
}

// lazyView is what a view built from a graph index keeps to read the rest
// of its pairs on demand.
type lazyView struct {
	src IndexSource
	mu  sync.Mutex
	err error
	// done holds the unordered node pairs whose events are read.
	done map[uint64]bool
	// self says which nodes have events with themselves.
	self []bool
	// nodeDone says which nodes have every pair read; dates holds the
	// first and last dates of nodes over the pairs read so far.
	nodeDone []bool
	dates    map[int32][2]graph.Date
	// pairs holds the pairs asked for, by their place in the out-CSR.
	pairs map[int]*Pair
}

// pair returns pair i (its place in the out-CSR), made on first use from
// the adjacency; the lock is held.
func (lz *lazyView) pair(v *View, i int) *Pair {
	if p := lz.pairs[i]; p != nil {
		return p
	}
	if v.pairs != nil {
		return &v.pairs[i]
	}
	// The From of the i-th edge: the node whose out-range holds i.
	u := sort.Search(len(v.actors), func(u int) bool { return int(v.outOff[u+1]) > i })
	p := &Pair{From: int64(u), To: int64(v.outAdj[i]), Count: int(v.outW[i])}
	lz.pairs[i] = p
	return p
}

// settle gives a view built from a graph index, every pair read, the
// slice of pairs that Pairs returns; the lock is held.
func (lz *lazyView) settle(v *View) {
	if v.pairs != nil || len(v.outAdj) == 0 {
		return
	}
	pairs := make([]Pair, len(v.outAdj))
	for i := range pairs {
		pairs[i] = *lz.pair(v, i)
	}
	// Pairs handed out before stay valid; from now on they come from
	// the slice.
	v.pairs, lz.pairs = pairs, nil
}

// Err returns the first error met reading the events of a view built from
// a graph index on demand (an index that disagrees with the events, a
// store that failed); nil for every other view.
func (v *View) Err() error {
	if v.lazy == nil {
		return nil
	}
	v.lazy.mu.Lock()
	defer v.lazy.mu.Unlock()
	return v.lazy.err
}

func (lz *lazyView) fail(err error) {
	if lz.err == nil {
		lz.err = err
	}
}

// readPair reads the events between nodes u and w (u == w: a node with
// itself) and fills in their pairs, once. The lock is held.
func (v *View) readPair(u, w int32) {
	lz := v.lazy
	if w < u {
		u, w = w, u
	}
	k := pairKey(u, w)
	if lz.done[k] {
		return
	}
	lz.done[k] = true
	evs, err := lz.src.PairEvents(v.ids[u], v.ids[w])
	if err != nil {
		lz.fail(err)
		return
	}
	actors := []graph.Actor{v.actors[u]}
	if w != u {
		actors = append(actors, v.actors[w])
	}
	m := NewView(actors, evs, v.filter)
	node := make([]int32, len(m.actors))
	for i := range m.actors {
		j, ok := v.index[m.actors[i].ID]
		if !ok {
			lz.fail(fmt.Errorf("graph index: events between %s and %s name %s, which has no row (kg reindex --graph rebuilds the index)", v.ids[u], v.ids[w], m.actors[i].ID))
			return
		}
		node[i] = j
	}
	base := int32(len(v.events))
	for i := range m.events {
		e := m.Event(i)
		v.events = append(v.events, packEvent(&v.strs, &e, v.index[e.Source], v.index[e.Target]))
		v.evSrc = append(v.evSrc, node[m.evSrc[i]])
		v.evDst = append(v.evDst, node[m.evDst[i]])
		// reports stays nil until an event has some, then runs beside
		// events.
		if m.reports == nil && v.reports == nil {
			continue
		}
		if v.reports == nil {
			v.reports = make([][]event, len(v.events)-1, cap(v.events))
		}
		var rs []event
		for _, r := range m.Reports(i) {
			rs = append(rs, packEvent(&v.strs, &r, v.index[r.Source], v.index[r.Target]))
		}
		v.reports = append(v.reports, rs)
	}
	for _, p := range m.pairs {
		from, to := node[p.From], node[p.To]
		i := v.pairIndex(int64(from), int64(to))
		if i < 0 || int(v.outW[i]) != p.Count {
			lz.fail(fmt.Errorf("graph index: the events from %s to %s do not add up to its count (kg reindex --graph rebuilds the index)", v.ids[from], v.ids[to]))
			continue
		}
		q := lz.pair(v, i)
		q.Events = make([]int32, len(p.Events))
		for k, e := range p.Events {
			q.Events[k] = base + e
		}
		q.Relations, q.Goldstein, q.Sign, q.First, q.Last, q.Docs = p.Relations, p.Goldstein, p.Sign, p.First, p.Last, p.Docs
	}
	// Every edge of the index between the two has its events now.
	for _, e := range [2][2]int32{{u, w}, {w, u}} {
		if i := v.pairIndex(int64(e[0]), int64(e[1])); i >= 0 && lz.pair(v, i).Events == nil {
			lz.fail(fmt.Errorf("graph index: an edge from %s to %s that no event makes (kg reindex --graph rebuilds the index)", v.ids[e[0]], v.ids[e[1]]))
		}
	}
	for i := range m.actors {
		st, n := m.stats[i], node[i]
		d := lz.dates[n]
		if !st.First.IsZero() && (d[0].IsZero() || st.First.Before(d[0])) {
			d[0] = st.First
		}
		if !st.Last.IsZero() && (d[1].IsZero() || d[1].Before(st.Last)) {
			d[1] = st.Last
		}
		lz.dates[n] = d
	}
}

// readNode reads every pair of node u. The lock is held.
func (v *View) readNode(u int32) {
	lz := v.lazy
	if lz.nodeDone[u] {
		return
	}
	lz.nodeDone[u] = true
	for _, w := range v.outAdj[v.outOff[u]:v.outOff[u+1]] {
		v.readPair(u, w)
	}
	for _, w := range v.inAdj[v.inOff[u]:v.inOff[u+1]] {
		v.readPair(u, w)
	}
	if lz.self[u] {
		v.readPair(u, u)
	}
}

// readAll reads every pair. The lock is held.
func (v *View) readAll() {
	for u := range v.actors {
		v.readNode(int32(u))
	}
}

// lock takes the lock of a view built from a graph index, whose reads
// fill it in; other views need none. It returns the unlock.
func (v *View) lock() func() {
	if v.lazy == nil {
		return func() {}
	}
	v.lazy.mu.Lock()
	return v.lazy.mu.Unlock
}
