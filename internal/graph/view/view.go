package view

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
	gonumgraph "gonum.org/v1/gonum/graph"
)

// Compile-time checks that the views satisfy gonum's interfaces, so every
// gonum algorithm (and every query function written against them) accepts
// them without copying.
var (
	_ gonumgraph.WeightedDirected           = (*View)(nil)
	_ gonumgraph.WeightedDirectedMultigraph = (*Multigraph)(nil)
	_ gonumgraph.WeightedDirected           = (*Multigraph)(nil)
	_ gonumgraph.WeightedEdge               = Edge{}
	_ gonumgraph.WeightedLine               = Line{}
)

// View is the actor graph derived from the events that pass a Filter.
//
// Nodes are the actors taking part in at least one kept event. Their gonum
// IDs are dense, 0..Len()-1, assigned in actor-ID order, so the same store
// and filter always give the same numbering.
//
// The simple (gonum) graph has ONE directed edge per ordered actor pair,
// weighted by the number of kept events on it: an event A→B adds 1 to the
// edge A→B, and a symmetric event ("A and B signed", "A met B") adds 1 to
// both A→B and B→A. Self-loops ("Russia praised Russia") are left out of the
// simple graph but kept in the Multigraph, which has one line per event.
//
// Edge weights are event counts: right for PageRank or modularity, wrong as
// path costs (more events would make actors look farther apart). Path
// algorithms should use a cost such as 1/weight, or run unweighted.
//
// A View is immutable once built and safe for concurrent reads. Slices it
// returns are shared: do not modify them.
type View struct {
	filter graph.Filter
	actors []graph.Actor // node i is actors[i]
	index  map[string]int32
	events []event  // kept events, in the order they were added
	strs   strTable // their strings
	ids    []string // the IDs of the builder's actors, which events name
	evSrc  []int32  // node of each kept event's source
	evDst  []int32  // node of each kept event's target
	stats  []NodeStats

	pairs []Pair // simple edges, sorted by (From, To)
	// out-CSR: pairs[outOff[u]:outOff[u+1]] leave u; outAdj/outW mirror
	// their To and Count.
	outOff []int32
	outAdj []int32
	outW   []float64
	// in-CSR: inPair[inOff[v]:inOff[v+1]] are the indexes of pairs entering
	// v, sorted by From; inAdj/inW mirror their From and Count.
	inOff  []int32
	inAdj  []int32
	inW    []float64
	inPair []int32

	// reports[i] holds the other reports of events[i], counted with it as
	// one event (Filter.Mentions); nil when no event has any.
	reports [][]event

	multiOnce sync.Once
	multi     *Multigraph

	// lazy is set for a view built from a graph index, whose events are
	// read pair by pair on demand (LoadIndexedView).
	lazy *lazyView
}

// Pair aggregates the events on one directed edge of the simple view.
type Pair struct {
	From, To int64 // node IDs
	Count    int   // number of kept events (the edge weight)
	// Events indexes View.Events, in the order the events were added.
	Events []int32
	// Relations holds the distinct relation labels, most frequent first,
	// ties by label.
	Relations []string
	// Goldstein is the mean Goldstein score of the events.
	Goldstein float64
	// Sign is +1 when the mean Goldstein score is positive (cooperation), -1
	// when negative (conflict), 0 when exactly neutral.
	Sign int
	// First and Last are the earliest and latest event dates (zero when no
	// event is dated).
	First, Last graph.Date
	// Docs holds the distinct document IDs, sorted.
	Docs []string
}

// NodeStats summarises one node's events. Out counts kept events in which
// the actor is the source and In those in which it is the target; a
// symmetric event counts as both for both actors, a self-loop as both.
type NodeStats struct {
	In, Out     int
	First, Last graph.Date // earliest and latest dated event involving the actor
}

// Node is a View node: a gonum graph.Node that carries its actor.
type Node struct {
	Index int64        // gonum node ID
	Actor *graph.Actor // shared with the View: do not modify
}

// ID implements gonum's graph.Node.
func (n Node) ID() int64 { return n.Index }

// Edge is a simple-view edge: a gonum graph.WeightedEdge whose weight is the
// event count. Pair carries the aggregates.
type Edge struct {
	F, T Node
	Pair *Pair
}

// From implements gonum's graph.Edge.
func (e Edge) From() gonumgraph.Node { return e.F }

// To implements gonum's graph.Edge.
func (e Edge) To() gonumgraph.Node { return e.T }

// ReversedEdge returns e with its ends swapped and the same aggregates, as
// gonum's simple graphs do.
func (e Edge) ReversedEdge() gonumgraph.Edge { return Edge{F: e.T, T: e.F, Pair: e.Pair} }

// Weight is the number of events on the edge.
func (e Edge) Weight() float64 { return float64(e.Pair.Count) }

// NewView builds the view of events under f. Events that refer to actors
// missing from actors get a placeholder actor named by the ID.
func NewView(actors []graph.Actor, events []graph.Event, f graph.Filter) *View {
	b := NewViewBuilder(actors, f)
	b.Grow(len(events))
	for i := range events {
		b.add(&events[i])
	}
	return b.View()
}

// ViewBuilder builds a View from a stream of events, so a store can feed it
// without holding every event twice.
type ViewBuilder struct {
	f      graph.Filter
	actors []graph.Actor
	byID   map[string]int32
	events []event
	strs   strTable
	ids    []string // the actors' IDs, which events name by index
	src    []int32  // index into actors
	dst    []int32
	// country maps a country code to the actor that stands for it at
	// country level (Filter.Level).
	country map[string]int32
	// sector maps a country code and role (PAKMIL) to the actor that
	// stands for it at sector level.
	sector map[string]int32
	// between holds the nodes of Filter.Between at country level, -1
	// until the first event needs them.
	between [2]int32
}

// NewViewBuilder starts a view over actors with filter f.
func NewViewBuilder(actors []graph.Actor, f graph.Filter) *ViewBuilder {
	b := &ViewBuilder{f: f, actors: append([]graph.Actor(nil), actors...), byID: make(map[string]int32, len(actors)), between: [2]int32{-1, -1}}
	b.ids = make([]string, len(actors))
	for i := range b.actors {
		b.byID[b.actors[i].ID] = int32(i)
		b.ids[i] = b.actors[i].ID
	}
	return b
}

// Grow makes room for n more events, saving copies when the caller knows
// roughly how many will come.
func (b *ViewBuilder) Grow(n int) {
	if n > 0 && cap(b.events)-len(b.events) < n {
		b.events = append(make([]event, 0, len(b.events)+n), b.events...)
		b.src = append(make([]int32, 0, len(b.src)+n), b.src...)
		b.dst = append(make([]int32, 0, len(b.dst)+n), b.dst...)
	}
}

// Add offers one event; it is kept if it passes the filter.
func (b *ViewBuilder) Add(e graph.Event) { b.add(&e) }

func (b *ViewBuilder) add(e *graph.Event) { b.addAt(e, -1, -1) }

// addAt is add for an event whose source and target are actors s and d of
// the builder (-1 when not known, and then looked up).
func (b *ViewBuilder) addAt(e *graph.Event, s, d int32) {
	if !b.f.KeepEvent(e) {
		return
	}
	if s < 0 {
		s = b.actor(e.Source)
	}
	if d < 0 {
		d = b.actor(e.Target)
	}
	s0, d0 := s, d
	if !b.f.KeepActor(&b.actors[s]) || !b.f.KeepActor(&b.actors[d]) {
		return
	}
	if b.f.RollsUp() {
		s, d = b.rollUp(s, e.SourceCode), b.rollUp(d, e.TargetCode)
		if len(b.f.Between) == 2 {
			// Between names two actors; at this level it means the
			// countries (or sectors) they count for.
			if b.between[0] < 0 {
				b.between = [2]int32{b.rollUp(b.actor(b.f.Between[0]), ""), b.rollUp(b.actor(b.f.Between[1]), "")}
			}
			x, y := b.between[0], b.between[1]
			if !(s == x && d == y || s == y && d == x) {
				return
			}
		}
	}
	b.events = append(b.events, b.pack(e, s0, d0))
	b.src = append(b.src, s)
	b.dst = append(b.dst, d)
}

func (b *ViewBuilder) actor(id string) int32 {
	if i, ok := b.byID[id]; ok {
		return i
	}
	i := int32(len(b.actors))
	b.actors = append(b.actors, graph.Actor{ID: id, Name: id})
	b.ids = append(b.ids, id)
	b.byID[id] = i
	return i
}

// rollUp is the node actor i counts for at the filter's level; code is the
// CAMEO code it held on the event's date when that differs from its own.
func (b *ViewBuilder) rollUp(i int32, code string) int32 {
	if b.f.Level == "sector" {
		return b.sectorOf(i, code)
	}
	return b.countryOf(i)
}

// sectorOf is the actor that stands for actor i at sector level: its
// country's sector that its code names (a general is PAKMIL, Pakistan's
// military), a stored actor of that code that is not a person, or one made
// for it; its country when the code names no sector.
func (b *ViewBuilder) sectorOf(i int32, code string) int32 {
	a := &b.actors[i]
	if code == "" {
		code = a.Code
	}
	country := a.CountryCode()
	role := cameo.Role(code, country)
	if role == "" {
		return b.countryOf(i)
	}
	key := country + role
	if j, ok := b.sector[key]; ok {
		return j
	}
	if b.sector == nil {
		b.sector = map[string]int32{}
	}
	// One node per sector, named after its country ("Pakistan military"),
	// whatever stored actors carry the code ("Russia attack helicopters"
	// is RUSMIL too): a stored actor of that very name stands for it.
	name := country
	if c := b.countryOf(i); b.actors[c].Name != "" {
		name = b.actors[c].Name
	}
	name += " " + cameo.RoleName(role)
	id := graph.Slug(name)
	if j, taken := b.byID[id]; taken && b.actors[j].Code == key && b.actors[j].Type != graph.Person {
		b.sector[key] = j
		return j
	}
	j := b.addActor(graph.Actor{ID: id, Name: name, Code: key, Type: graph.Organization, Country: country}, "sector-")
	b.sector[key] = j
	return j
}

// addActor adds an actor the view makes (a country or sector the store
// lacks) under its ID, or under prefix+ID when a stored actor has that ID.
func (b *ViewBuilder) addActor(a graph.Actor, prefix string) int32 {
	if _, taken := b.byID[a.ID]; taken {
		a.ID = prefix + a.ID
	}
	j := int32(len(b.actors))
	b.actors = append(b.actors, a)
	b.ids = append(b.ids, a.ID)
	b.byID[a.ID] = j
	return j
}

// countryOf is the actor that stands for actor i at country level: the
// stored actor of its country, or one made for it when the store has none
// (only "Pakistan army" was met); i itself for an actor of no country.
func (b *ViewBuilder) countryOf(i int32) int32 {
	a := &b.actors[i]
	code := a.CountryCode()
	if code == "" {
		return i
	}
	if b.country == nil {
		b.country = map[string]int32{}
		for j := range b.actors {
			if c := &b.actors[j]; c.Type == graph.Country && c.Code != "" {
				if _, ok := b.country[c.Code]; !ok {
					b.country[c.Code] = int32(j)
				}
			}
		}
	}
	if j, ok := b.country[code]; ok {
		return j
	}
	j := b.addActor(graph.Actor{ID: strings.ToLower(code), Name: code, Code: code, Type: graph.Country, Country: code}, "country-")
	b.country[code] = j
	return j
}

func pairKey(u, v int32) uint64 { return uint64(uint32(u))<<32 | uint64(uint32(v)) }

// View finishes the build. The builder must not be used afterwards.
func (b *ViewBuilder) View() *View {
	var reports [][]event
	if !b.f.Mentions {
		reports = b.groupReports()
	}
	// Per-pair counts before MinEvents, on builder actor indexes; without
	// MinEvents every pair passes and none is counted.
	minEv := int32(b.f.MinEvents)
	var count map[uint64]int32
	if minEv > 1 {
		count = make(map[uint64]int32)
		for i := range b.events {
			s, d := b.src[i], b.dst[i]
			count[pairKey(s, d)]++
			if b.events[i].symmetric() && s != d {
				count[pairKey(d, s)]++
			}
		}
	}
	passes := func(s, d int32) bool { return minEv <= 1 || count[pairKey(s, d)] >= minEv }

	// Keep an event when at least one of the pairs it counts for survives.
	used := make([]bool, len(b.actors))
	keep := make([]bool, len(b.events))
	for i := range b.events {
		s, d := b.src[i], b.dst[i]
		if passes(s, d) || (b.events[i].symmetric() && s != d && passes(d, s)) {
			keep[i] = true
			used[s], used[d] = true, true
		}
	}

	// Dense node IDs in actor-ID order.
	order := make([]int32, 0, len(b.actors))
	for i, u := range used {
		if u {
			order = append(order, int32(i))
		}
	}
	sort.Slice(order, func(i, j int) bool { return b.actors[order[i]].ID < b.actors[order[j]].ID })
	node := make([]int32, len(b.actors))
	v := &View{filter: b.f, actors: make([]graph.Actor, len(order)), index: make(map[string]int32, len(order)), strs: b.strs}
	v.ids = b.ids
	for n, a := range order {
		node[a] = int32(n)
		v.actors[n] = b.actors[a]
		v.index[b.actors[a].ID] = int32(n)
	}

	// Kept events, compacted in place (no second copy of every event),
	// and their pair memberships.
	members := make([]member, 0, len(b.events)+len(b.events)/8)
	v.stats = make([]NodeStats, len(order))
	v.evSrc = make([]int32, 0, len(b.events))
	v.evDst = make([]int32, 0, len(b.events))
	kept := 0
	for i := range b.events {
		if !keep[i] {
			continue
		}
		s, d := b.src[i], b.dst[i]
		ei := int32(kept)
		if kept != i {
			b.events[kept] = b.events[i]
		}
		if reports != nil {
			reports[ei] = reports[i]
		}
		kept++
		e := &b.events[ei]
		ns, nd := node[s], node[d]
		v.evSrc = append(v.evSrc, ns)
		v.evDst = append(v.evDst, nd)
		if s != d && passes(s, d) {
			members = append(members, member{ns, nd, ei})
		}
		if e.symmetric() && s != d && passes(d, s) {
			members = append(members, member{nd, ns, ei})
		}
		v.stats[ns].Out++
		v.stats[nd].In++
		if e.symmetric() && s != d {
			v.stats[ns].In++
			v.stats[nd].Out++
		}
		if date := e.date(); !date.IsZero() {
			for _, n := range [2]int32{ns, nd} {
				st := &v.stats[n]
				if st.First.IsZero() || date.Before(st.First) {
					st.First = date
				}
				if st.Last.IsZero() || st.Last.Before(date) {
					st.Last = date
				}
			}
		}
	}
	clear(b.events[kept:]) // let the dropped events' strings be collected
	v.events = b.events[:kept:kept]
	if reports != nil {
		clear(reports[kept:])
		v.reports = reports[:kept:kept]
	}

	v.buildPairs(members)
	v.buildCSR()
	*b = ViewBuilder{}
	return v
}

// member says that kept event ev counts on the simple edge from → to.
type member struct {
	from, to int32
	ev       int32
}

// buildPairs aggregates the memberships into the view's pairs.
func (v *View) buildPairs(members []member) {
	// Sort memberships by (From, To), keeping event order within a pair:
	// two stable counting sorts, by To then by From, in O(members + nodes).
	n := len(v.actors)
	byTo := countingSort(members, n, func(m member) int32 { return m.to })
	members = countingSort(byTo, n, func(m member) int32 { return m.from })

	// Aggregate pairs.
	evIdx := make([]int32, len(members))
	npairs := 0
	for i, m := range members {
		evIdx[i] = m.ev
		if i == 0 || m.from != members[i-1].from || m.to != members[i-1].to {
			npairs++
		}
	}
	v.pairs = make([]Pair, 0, npairs)
	var slab stringSlab
	for i := 0; i < len(members); {
		j := i
		for j < len(members) && members[j].from == members[i].from && members[j].to == members[i].to {
			j++
		}
		p := Pair{From: int64(members[i].from), To: int64(members[i].to), Events: evIdx[i:j:j]}
		v.aggregate(&p, &slab)
		v.pairs = append(v.pairs, p)
		i = j
	}
}

// countingSort returns xs stably sorted by key (0..n-1).
func countingSort[T any](xs []T, n int, key func(T) int32) []T {
	off := make([]int32, n+1)
	for _, x := range xs {
		off[key(x)+1]++
	}
	for i := 0; i < n; i++ {
		off[i+1] += off[i]
	}
	out := make([]T, len(xs))
	for _, x := range xs {
		k := key(x)
		out[off[k]] = x
		off[k]++
	}
	return out
}

// aggregate fills p's summary; the documents of the reports counted with
// its events are its documents too.
func (v *View) aggregate(p *Pair, slab *stringSlab) {
	p.aggregate(len(p.Events), func(k int) eventSummary {
		e := &v.events[p.Events[k]]
		return eventSummary{v.strs.str(e.relation), v.strs.str(e.doc), e.goldstein, e.date()}
	}, slab)
	if v.reports == nil {
		return
	}
	more := false
	for _, ei := range p.Events {
		for i := range v.reports[ei] {
			if d := v.strs.str(v.reports[ei][i].doc); d != "" {
				p.Docs = append(p.Docs, d)
				more = true
			}
		}
	}
	if more {
		sort.Strings(p.Docs)
		p.Docs = slices.Compact(p.Docs)
	}
}

// Reports returns the other reports of kept event i, which count with it
// as one event: the same event told in other sentences or documents. It is
// nil for an event reported once, and always under Filter.Mentions.
func (v *View) Reports(i int) []graph.Event {
	defer v.lock()()
	if v.reports == nil || len(v.reports[i]) == 0 {
		return nil
	}
	out := make([]graph.Event, len(v.reports[i]))
	for k := range v.reports[i] {
		out[k] = v.strs.unpack(&v.reports[i][k], v.ids)
	}
	return out
}

// Summarize returns the pair that the kept events idx would make: its
// Count, Relations, Goldstein, Sign, First, Last and Docs (its From and To
// are left zero).
func (v *View) Summarize(idx []int32) Pair {
	defer v.lock()()
	p := Pair{Events: idx}
	v.aggregate(&p, nil)
	return p
}

// eventSummary is what a pair's summary reads of each of its events.
type eventSummary struct {
	relation, doc string
	goldstein     float64
	date          graph.Date
}

// stringSlab hands out one-string slices cut from shared chunks, so that
// the many pairs of a single event cost no allocation each.
type stringSlab struct{ buf []string }

func (sl *stringSlab) one(s string) []string {
	if sl == nil {
		return []string{s}
	}
	if len(sl.buf) == cap(sl.buf) {
		sl.buf = make([]string, 0, 4096)
	}
	sl.buf = append(sl.buf, s)
	n := len(sl.buf)
	return sl.buf[n-1 : n : n]
}

func (p *Pair) aggregate(n int, at func(k int) eventSummary, slab *stringSlab) {
	p.Count = n
	p.Relations, p.Docs, p.Goldstein, p.First, p.Last = nil, nil, 0, graph.Date{}, graph.Date{}
	if n == 1 {
		// The common case in sparse news graphs: no maps needed.
		e := at(0)
		p.Relations, p.Goldstein, p.First, p.Last = slab.one(e.relation), e.goldstein, e.date, e.date
		if e.doc != "" {
			p.Docs = slab.one(e.doc)
		}
		p.Sign = Sign(p.Goldstein)
		return
	}
	rel := make(map[string]int)
	docs := make(map[string]bool)
	sum := 0.0
	for k := range n {
		e := at(k)
		rel[e.relation]++
		if e.doc != "" {
			docs[e.doc] = true
		}
		sum += e.goldstein
		if !e.date.IsZero() {
			if p.First.IsZero() || e.date.Before(p.First) {
				p.First = e.date
			}
			if p.Last.IsZero() || p.Last.Before(e.date) {
				p.Last = e.date
			}
		}
	}
	p.Relations = make([]string, 0, len(rel))
	for r := range rel {
		p.Relations = append(p.Relations, r)
	}
	sort.Slice(p.Relations, func(i, j int) bool {
		a, b := p.Relations[i], p.Relations[j]
		if rel[a] != rel[b] {
			return rel[a] > rel[b]
		}
		return a < b
	})
	p.Docs = make([]string, 0, len(docs))
	for d := range docs {
		p.Docs = append(p.Docs, d)
	}
	sort.Strings(p.Docs)
	if p.Count > 0 {
		p.Goldstein = sum / float64(p.Count)
	}
	p.Sign = Sign(p.Goldstein)
}

// Sign classifies a Goldstein score: +1 cooperation, -1 conflict, 0 neutral.
func Sign(x float64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

func (v *View) buildCSR() {
	from := make([]int32, len(v.pairs))
	to := make([]int32, len(v.pairs))
	w := make([]float64, len(v.pairs))
	for i, p := range v.pairs {
		from[i], to[i], w[i] = int32(p.From), int32(p.To), float64(p.Count)
	}
	v.buildCSRFrom(from, to, w)
}

// buildCSRFrom builds both adjacencies from the edges from[i] → to[i] of
// weight w[i], sorted by (from, to); it keeps to and w as the out-CSR's.
func (v *View) buildCSRFrom(from, to []int32, w []float64) {
	n := len(v.actors)
	m := len(from)
	v.outOff = make([]int32, n+1)
	v.inOff = make([]int32, n+1)
	v.outAdj = to
	v.outW = w
	for i := range from {
		v.outOff[from[i]+1]++
		v.inOff[to[i]+1]++
	}
	for i := 0; i < n; i++ {
		v.outOff[i+1] += v.outOff[i]
		v.inOff[i+1] += v.inOff[i]
	}
	v.inAdj = make([]int32, m)
	v.inW = make([]float64, m)
	v.inPair = make([]int32, m)
	next := append([]int32(nil), v.inOff[:n]...)
	// Pairs are sorted by From, so each in-list comes out sorted by From.
	for i := range from {
		k := next[to[i]]
		next[to[i]]++
		v.inAdj[k] = from[i]
		v.inW[k] = w[i]
		v.inPair[k] = int32(i)
	}
}

// buildCSRRows is buildCSRFrom for edges sorted by from alone, as a graph
// index lists them (each row by the other end's number, not its node).
// The in-lists come out sorted by from all the same, and filling the
// out-lists again from them, target by target, sorts those too: a linear
// pass where sorting every row cost a third of building a view of ten
// million edges.
func (v *View) buildCSRRows(from, to []int32, w []float64) {
	v.buildCSRFrom(from, to, w)
	n := len(v.actors)
	next := append([]int32(nil), v.outOff[:n]...)
	for j := 0; j < n; j++ {
		for k := v.inOff[j]; k < v.inOff[j+1]; k++ {
			s := v.inAdj[k]
			pos := next[s]
			next[s]++
			v.outAdj[pos], v.outW[pos] = int32(j), v.inW[k]
			v.inPair[k] = pos
		}
	}
}

// Filter returns the filter the view was built with.
func (v *View) Filter() graph.Filter { return v.filter }

// Len returns the number of nodes.
func (v *View) Len() int { return len(v.actors) }

// Actors returns the node actors: Actors()[id] is node id's actor.
func (v *View) Actors() []graph.Actor { return v.actors }

// Actor returns node id's actor. It panics if id is out of range.
func (v *View) Actor(id int64) *graph.Actor { return &v.actors[id] }

// NodeOf returns the node ID of the actor with the given actor ID.
func (v *View) NodeOf(actorID string) (int64, bool) {
	n, ok := v.index[actorID]
	return int64(n), ok
}

// Stats returns node id's event summary.
func (v *View) Stats(id int64) NodeStats {
	if v.lazy == nil {
		return v.stats[id]
	}
	defer v.lock()()
	v.readNode(int32(id))
	st := v.stats[id]
	d := v.lazy.dates[int32(id)]
	st.First, st.Last = d[0], d[1]
	return st
}

// NumEvents returns the number of kept events.
func (v *View) NumEvents() int {
	if v.lazy != nil {
		defer v.lock()()
		v.readAll()
	}
	return len(v.events)
}

// Event returns kept event i; events are numbered in the order they were
// added.
func (v *View) Event(i int) graph.Event {
	defer v.lock()()
	return v.strs.unpack(&v.events[i], v.ids)
}

// EventDate returns kept event i's date, without the rest of it.
func (v *View) EventDate(i int) graph.Date {
	defer v.lock()()
	return v.events[i].date()
}

// EventID returns kept event i's ID, without the rest of it.
func (v *View) EventID(i int) string {
	defer v.lock()()
	return v.events[i].id
}

// EventEnds returns the nodes of event i's source and target.
func (v *View) EventEnds(i int) (from, to int64) {
	defer v.lock()()
	return int64(v.evSrc[i]), int64(v.evDst[i])
}

// Pairs returns the simple edges with their aggregates, sorted by (From, To).
func (v *View) Pairs() []Pair {
	if v.lazy != nil {
		defer v.lock()()
		v.readAll()
		v.lazy.settle(v)
	}
	return v.pairs
}

// Pair returns the aggregates of the edge u→v, or nil if there is none.
func (v *View) Pair(uid, vid int64) *Pair {
	i := v.pairIndex(uid, vid)
	if i < 0 {
		return nil
	}
	v.fill(uid, vid)
	return v.pairAt(i)
}

// pairAt is pair i, whose events a view built from a graph index must
// have read.
func (v *View) pairAt(i int) *Pair {
	if v.lazy != nil {
		defer v.lock()()
		return v.lazy.pair(v, i)
	}
	return &v.pairs[i]
}

// fill reads the events of the pair u, w of a view built from a graph
// index, if not yet read.
func (v *View) fill(uid, vid int64) {
	if v.lazy != nil {
		defer v.lock()()
		v.readPair(int32(uid), int32(vid))
	}
}

func (v *View) pairIndex(uid, vid int64) int {
	if uid < 0 || uid >= int64(len(v.actors)) || vid < 0 || vid >= int64(len(v.actors)) {
		return -1
	}
	lo, hi := int(v.outOff[uid]), int(v.outOff[uid+1])
	adj := v.outAdj[lo:hi]
	k := sort.Search(len(adj), func(i int) bool { return int64(adj[i]) >= vid })
	if k < len(adj) && int64(adj[k]) == vid {
		return lo + k
	}
	return -1
}

// OutCSR returns the out-adjacency in compressed sparse rows: off has
// Len()+1 entries, adj[off[u]:off[u+1]] are u's successors in increasing
// order and w the matching edge weights (event counts). The slices are
// shared: do not modify them.
func (v *View) OutCSR() (off, adj []int32, w []float64) { return v.outOff, v.outAdj, v.outW }

// InCSR is OutCSR for predecessors.
func (v *View) InCSR() (off, adj []int32, w []float64) { return v.inOff, v.inAdj, v.inW }

func (v *View) node(id int32) Node { return Node{Index: int64(id), Actor: &v.actors[id]} }

func (v *View) has(id int64) bool { return id >= 0 && id < int64(len(v.actors)) }

// Node implements gonum's graph.Graph: it returns nil for an unknown id.
func (v *View) Node(id int64) gonumgraph.Node {
	if !v.has(id) {
		return nil
	}
	return v.node(int32(id))
}

// Nodes implements gonum's graph.Graph, in ID order.
func (v *View) Nodes() gonumgraph.Nodes {
	if len(v.actors) == 0 {
		return gonumgraph.Empty
	}
	return &nodeRange{v: v, n: int32(len(v.actors)), cur: -1}
}

// From implements gonum's graph.Graph: successors in ID order.
func (v *View) From(id int64) gonumgraph.Nodes {
	if !v.has(id) || v.outOff[id] == v.outOff[id+1] {
		return gonumgraph.Empty
	}
	return &nodeList{v: v, ids: v.outAdj[v.outOff[id]:v.outOff[id+1]], cur: -1}
}

// To implements gonum's graph.Directed: predecessors in ID order.
func (v *View) To(id int64) gonumgraph.Nodes {
	if !v.has(id) || v.inOff[id] == v.inOff[id+1] {
		return gonumgraph.Empty
	}
	return &nodeList{v: v, ids: v.inAdj[v.inOff[id]:v.inOff[id+1]], cur: -1}
}

// HasEdgeBetween implements gonum's graph.Graph (either direction).
func (v *View) HasEdgeBetween(xid, yid int64) bool {
	return v.pairIndex(xid, yid) >= 0 || v.pairIndex(yid, xid) >= 0
}

// HasEdgeFromTo implements gonum's graph.Directed.
func (v *View) HasEdgeFromTo(uid, vid int64) bool { return v.pairIndex(uid, vid) >= 0 }

// Edge implements gonum's graph.Graph; nil when there is no edge u→v.
func (v *View) Edge(uid, vid int64) gonumgraph.Edge {
	// A nil WeightedEdge must come back as a nil Edge, not as an Edge
	// interface holding a nil WeightedEdge.
	if e := v.WeightedEdge(uid, vid); e != nil {
		return e
	}
	return nil
}

// WeightedEdge implements gonum's graph.Weighted; nil when there is no edge.
func (v *View) WeightedEdge(uid, vid int64) gonumgraph.WeightedEdge {
	i := v.pairIndex(uid, vid)
	if i < 0 {
		return nil
	}
	v.fill(uid, vid)
	return Edge{F: v.node(int32(uid)), T: v.node(int32(vid)), Pair: v.pairAt(i)}
}

// Weight implements gonum's graph.Weighted: the event count of u→v; 0 for
// u == v (as gonum's simple graphs with self weight 0) and +Inf, false when
// there is no edge.
func (v *View) Weight(xid, yid int64) (w float64, ok bool) {
	if xid == yid && v.has(xid) {
		return 0, true
	}
	i := v.pairIndex(xid, yid)
	if i < 0 {
		return math.Inf(1), false
	}
	return v.outW[i], true
}

// nodeRange iterates nodes 0..n-1.
type nodeRange struct {
	v      *View
	n, cur int32
}

func (it *nodeRange) Next() bool {
	if it.cur+1 >= it.n {
		it.cur = it.n
		return false
	}
	it.cur++
	return true
}

func (it *nodeRange) Len() int {
	if it.cur >= it.n {
		return 0
	}
	return int(it.n - it.cur - 1)
}

func (it *nodeRange) Reset() { it.cur = -1 }

func (it *nodeRange) Node() gonumgraph.Node {
	if it.cur < 0 || it.cur >= it.n {
		return nil
	}
	return it.v.node(it.cur)
}

// NodeSlice implements gonum's graph.NodeSlicer: the remaining nodes.
func (it *nodeRange) NodeSlice() []gonumgraph.Node {
	var out []gonumgraph.Node
	for it.Next() {
		out = append(out, it.Node())
	}
	return out
}

// nodeList iterates a list of node IDs.
type nodeList struct {
	v   *View
	ids []int32
	cur int
}

func (it *nodeList) Next() bool {
	if it.cur+1 >= len(it.ids) {
		it.cur = len(it.ids)
		return false
	}
	it.cur++
	return true
}

func (it *nodeList) Len() int {
	if it.cur >= len(it.ids) {
		return 0
	}
	return len(it.ids) - it.cur - 1
}

func (it *nodeList) Reset() { it.cur = -1 }

func (it *nodeList) Node() gonumgraph.Node {
	if it.cur < 0 || it.cur >= len(it.ids) {
		return nil
	}
	return it.v.node(it.ids[it.cur])
}

// NodeSlice implements gonum's graph.NodeSlicer: the remaining nodes.
func (it *nodeList) NodeSlice() []gonumgraph.Node {
	var out []gonumgraph.Node
	for it.Next() {
		out = append(out, it.Node())
	}
	return out
}
