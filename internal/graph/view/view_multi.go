package view

import (
	"math"
	"sort"

	"github.com/kg-project/kg/internal/graph"
	gonumgraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
)

// Multigraph is the one-line-per-event view of a View: every kept event is a
// line from its source to its target with weight 1, self-loops included and
// a symmetric event drawn once, as written (Event.Symmetric tells exporters
// it holds both ways). Line IDs are indexes into View.Events. Like gonum's
// multi graphs it is also a WeightedDirected graph whose edge u→v bundles
// the lines (MultiEdge, weight = number of events), so algorithms that want
// event-count weights including self-loops can run on it directly.
type Multigraph struct {
	v *View
	// Distinct directed node pairs with at least one line, sorted by
	// (From, To); lines of pair i are lineEv[lineOff[i]:lineOff[i+1]].
	from, to []int32
	lineOff  []int32
	lineEv   []int32
	outOff   []int32 // pairs outOff[u]:outOff[u+1] leave u
	inOff    []int32
	inPair   []int32 // pair indexes entering v, sorted by From
}

// Line is one event of the Multigraph: a gonum graph.WeightedLine of
// weight 1 whose ID indexes View.Events.
type Line struct {
	F, T  Node
	UID   int64
	Event graph.Event
}

// From implements gonum's graph.Line.
func (l Line) From() gonumgraph.Node { return l.F }

// To implements gonum's graph.Line.
func (l Line) To() gonumgraph.Node { return l.T }

// ReversedLine returns l with its ends swapped.
func (l Line) ReversedLine() gonumgraph.Line { return Line{F: l.T, T: l.F, UID: l.UID, Event: l.Event} }

// ID implements gonum's graph.Line: the event's index in View.Events.
func (l Line) ID() int64 { return l.UID }

// Weight implements gonum's graph.WeightedLine: every event weighs 1.
func (l Line) Weight() float64 { return 1 }

// Multigraph returns the one-line-per-event view, built on first use.
func (v *View) Multigraph() *Multigraph {
	v.multiOnce.Do(func() {
		if v.lazy != nil {
			unlock := v.lock()
			v.readAll()
			unlock()
		}
		v.multi = newMultigraph(v)
	})
	return v.multi
}

func newMultigraph(v *View) *Multigraph {
	order := make([]int32, len(v.events))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if v.evSrc[a] != v.evSrc[b] {
			return v.evSrc[a] < v.evSrc[b]
		}
		return v.evDst[a] < v.evDst[b]
	})
	n := len(v.actors)
	m := &Multigraph{v: v, lineEv: order, outOff: make([]int32, n+1), inOff: make([]int32, n+1)}
	for i, e := range order {
		s, d := v.evSrc[e], v.evDst[e]
		if i == 0 || s != v.evSrc[order[i-1]] || d != v.evDst[order[i-1]] {
			m.from = append(m.from, s)
			m.to = append(m.to, d)
			m.lineOff = append(m.lineOff, int32(i))
			m.outOff[s+1]++
			m.inOff[d+1]++
		}
	}
	m.lineOff = append(m.lineOff, int32(len(order)))
	for i := 0; i < n; i++ {
		m.outOff[i+1] += m.outOff[i]
		m.inOff[i+1] += m.inOff[i]
	}
	m.inPair = make([]int32, len(m.from))
	next := append([]int32(nil), m.inOff[:n]...)
	for i := range m.from {
		d := m.to[i]
		m.inPair[next[d]] = int32(i)
		next[d]++
	}
	return m
}

// View returns the view m belongs to.
func (m *Multigraph) View() *View { return m.v }

// Node implements gonum's graph.Multigraph.
func (m *Multigraph) Node(id int64) gonumgraph.Node { return m.v.Node(id) }

// Nodes implements gonum's graph.Multigraph, in ID order.
func (m *Multigraph) Nodes() gonumgraph.Nodes { return m.v.Nodes() }

// From implements gonum's graph.Multigraph: nodes reached by at least one
// line from id (id itself when it has a self-loop), in ID order.
func (m *Multigraph) From(id int64) gonumgraph.Nodes {
	if !m.v.has(id) || m.outOff[id] == m.outOff[id+1] {
		return gonumgraph.Empty
	}
	return &nodeList{v: m.v, ids: m.to[m.outOff[id]:m.outOff[id+1]], cur: -1}
}

// To implements gonum's graph.DirectedMultigraph, in ID order.
func (m *Multigraph) To(id int64) gonumgraph.Nodes {
	if !m.v.has(id) || m.inOff[id] == m.inOff[id+1] {
		return gonumgraph.Empty
	}
	ps := m.inPair[m.inOff[id]:m.inOff[id+1]]
	ids := make([]int32, len(ps))
	for i, p := range ps {
		ids[i] = m.from[p]
	}
	return &nodeList{v: m.v, ids: ids, cur: -1}
}

func (m *Multigraph) pairIndex(uid, vid int64) int {
	if !m.v.has(uid) || !m.v.has(vid) {
		return -1
	}
	lo, hi := int(m.outOff[uid]), int(m.outOff[uid+1])
	to := m.to[lo:hi]
	k := sort.Search(len(to), func(i int) bool { return int64(to[i]) >= vid })
	if k < len(to) && int64(to[k]) == vid {
		return lo + k
	}
	return -1
}

// HasEdgeBetween implements gonum's graph.Multigraph (either direction).
func (m *Multigraph) HasEdgeBetween(xid, yid int64) bool {
	return m.pairIndex(xid, yid) >= 0 || m.pairIndex(yid, xid) >= 0
}

// HasEdgeFromTo implements gonum's graph.DirectedMultigraph.
func (m *Multigraph) HasEdgeFromTo(uid, vid int64) bool { return m.pairIndex(uid, vid) >= 0 }

// EventsFromTo returns the indexes (into View.Events) of the lines u→v.
func (m *Multigraph) EventsFromTo(uid, vid int64) []int32 {
	i := m.pairIndex(uid, vid)
	if i < 0 {
		return nil
	}
	return m.lineEv[m.lineOff[i]:m.lineOff[i+1]]
}

// Lines implements gonum's graph.Multigraph: the events u→v in event order.
func (m *Multigraph) Lines(uid, vid int64) gonumgraph.Lines {
	ev := m.EventsFromTo(uid, vid)
	if len(ev) == 0 {
		return gonumgraph.Empty
	}
	return &lineIter{m: m, u: int32(uid), w: int32(vid), ev: ev, cur: -1}
}

// WeightedLines implements gonum's graph.WeightedMultigraph.
func (m *Multigraph) WeightedLines(uid, vid int64) gonumgraph.WeightedLines {
	ev := m.EventsFromTo(uid, vid)
	if len(ev) == 0 {
		return gonumgraph.Empty
	}
	return &lineIter{m: m, u: int32(uid), w: int32(vid), ev: ev, cur: -1}
}

// lineIter iterates the lines of one pair, as graph.Lines and
// graph.WeightedLines.
type lineIter struct {
	m    *Multigraph
	u, w int32
	ev   []int32
	cur  int
}

func (it *lineIter) Next() bool {
	if it.cur+1 >= len(it.ev) {
		it.cur = len(it.ev)
		return false
	}
	it.cur++
	return true
}

func (it *lineIter) Len() int {
	if it.cur >= len(it.ev) {
		return 0
	}
	return len(it.ev) - it.cur - 1
}

func (it *lineIter) Reset() { it.cur = -1 }

func (it *lineIter) line() Line {
	e := it.ev[it.cur]
	return Line{F: it.m.v.node(it.u), T: it.m.v.node(it.w), UID: int64(e), Event: it.m.v.Event(int(e))}
}

func (it *lineIter) Line() gonumgraph.Line {
	if it.cur < 0 || it.cur >= len(it.ev) {
		return nil
	}
	return it.line()
}

func (it *lineIter) WeightedLine() gonumgraph.WeightedLine {
	if it.cur < 0 || it.cur >= len(it.ev) {
		return nil
	}
	return it.line()
}

// MultiEdge is the bundle of lines u→v seen as one gonum edge, as gonum's
// multi graphs return it; its weight is the number of lines.
type MultiEdge struct {
	F, T Node
	gonumgraph.WeightedLines
}

// From implements gonum's graph.Edge.
func (e MultiEdge) From() gonumgraph.Node { return e.F }

// To implements gonum's graph.Edge.
func (e MultiEdge) To() gonumgraph.Node { return e.T }

// ReversedEdge returns the bundle with every line reversed.
func (e MultiEdge) ReversedEdge() gonumgraph.Edge {
	var ls []gonumgraph.WeightedLine
	for e.WeightedLines.Reset(); e.WeightedLines.Next(); {
		ls = append(ls, e.WeightedLine().ReversedLine().(gonumgraph.WeightedLine))
	}
	e.WeightedLines.Reset()
	return MultiEdge{F: e.T, T: e.F, WeightedLines: iterator.NewOrderedWeightedLines(ls)}
}

// Weight is the number of lines in the bundle.
func (e MultiEdge) Weight() float64 { return float64(e.WeightedLines.Len()) }

// Edge implements gonum's graph.Graph: the lines u→v as one edge, or nil.
func (m *Multigraph) Edge(uid, vid int64) gonumgraph.Edge {
	if e := m.WeightedEdge(uid, vid); e != nil {
		return e
	}
	return nil
}

// WeightedEdge implements gonum's graph.Weighted.
func (m *Multigraph) WeightedEdge(uid, vid int64) gonumgraph.WeightedEdge {
	ev := m.EventsFromTo(uid, vid)
	if len(ev) == 0 {
		return nil
	}
	return MultiEdge{F: m.v.node(int32(uid)), T: m.v.node(int32(vid)), WeightedLines: m.WeightedLines(uid, vid)}
}

// Weight implements gonum's graph.Weighted: the number of events u→v
// (self-loops included), 0 for a node to itself without a self-loop, and
// +Inf, false between unconnected nodes.
func (m *Multigraph) Weight(xid, yid int64) (w float64, ok bool) {
	if n := len(m.EventsFromTo(xid, yid)); n > 0 {
		return float64(n), true
	}
	if xid == yid && m.v.has(xid) {
		return 0, true
	}
	return math.Inf(1), false
}
