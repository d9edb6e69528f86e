package export

import (
	"sort"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
)

// ViewOptions choose what FromView exports.
type ViewOptions struct {
	// Multi exports one edge per event instead of one per actor pair.
	Multi bool
	// Nodes, when non-nil, keeps only these view nodes (by gonum id) and
	// the edges between them.
	Nodes map[int64]bool
	// Pairs, when non-nil, further keeps only edges joining these node
	// pairs, in either direction (a path's consecutive nodes).
	Pairs map[[2]int64]bool
	// Centrality holds measures per view node, keyed by measure name.
	Centrality map[string]map[int64]float64
}

// viewGraph adapts a view.View to Graph.
type viewGraph struct {
	v     *view.View
	o     ViewOptions
	nodes []Node
}

// FromView exports a filtered view. Aggregated edges are the view's actor
// pairs (weight = event count, relation = the most frequent one, CAMEO code
// and quad class the most frequent ones) plus one edge per actor for its
// self-loop events, which the view's simple graph leaves out but an export
// should not lose. Multigraph edges are the view's events, each with its id,
// sorted by source, target, date and id. Node event counts and first/last
// seen come from the whole filtered view, also for a subgraph; they span the
// kept events only, so a node's time span always covers its edges'.
func FromView(v *view.View, o ViewOptions) Graph {
	g := &viewGraph{v: v, o: o}
	actors := v.Actors()
	// The last day each node is present: the latest end of the spans of its
	// events' dates, which a coarse date can push past its last-seen day.
	until := make([]Date, len(actors))
	for i := range v.NumEvents() {
		date := v.EventDate(i)
		if date.IsZero() {
			continue
		}
		end := date.LastDay()
		s, t := v.EventEnds(i)
		for _, n := range [2]int64{s, t} {
			if until[n].Before(end) {
				until[n] = end
			}
		}
	}
	for i := range actors {
		id := int64(i)
		if o.Nodes != nil && !o.Nodes[id] {
			continue
		}
		a := &actors[i]
		st := v.Stats(id)
		n := Node{ID: a.ID, Label: a.Name, Name: a.Name, Code: a.Code, Type: string(a.Type), Country: a.Country,
			Aliases: a.Aliases, EventsOut: st.Out, EventsIn: st.In, FirstSeen: st.First, LastSeen: st.Last,
			Until: until[i]}
		for name, m := range o.Centrality {
			if val, ok := m[id]; ok {
				if n.Centrality == nil {
					n.Centrality = map[string]float64{}
				}
				n.Centrality[name] = val
			}
		}
		g.nodes = append(g.nodes, n)
	}
	return g
}

func (g *viewGraph) Nodes() []Node { return g.nodes }

func (g *viewGraph) keep(u, w int64) bool {
	if g.o.Nodes != nil && (!g.o.Nodes[u] || !g.o.Nodes[w]) {
		return false
	}
	if g.o.Pairs != nil && !g.o.Pairs[[2]int64{u, w}] && !g.o.Pairs[[2]int64{w, u}] {
		return false
	}
	return true
}

func (g *viewGraph) Edges(fn func(Edge) error) error {
	if g.o.Multi {
		return g.events(fn)
	}
	return g.pairs(fn)
}

// group is the events of one aggregated edge.
type group struct {
	from, to int64
	pair     *view.Pair // nil for a self-loop group
	events   []int32
}

func (g *viewGraph) pairs(fn func(Edge) error) error {
	v := g.v
	var groups []group
	pairs := v.Pairs()
	for i := range pairs {
		p := &pairs[i]
		if g.keep(p.From, p.To) {
			groups = append(groups, group{from: p.From, to: p.To, pair: p, events: p.Events})
		}
	}
	loops := map[int64][]int32{}
	for i := range v.NumEvents() {
		s, t := v.EventEnds(i)
		if s == t && g.keep(s, t) {
			loops[s] = append(loops[s], int32(i))
		}
	}
	for n, evs := range loops {
		groups = append(groups, group{from: n, to: n, events: evs})
	}
	sort.Slice(groups, func(i, j int) bool {
		if groups[i].from != groups[j].from {
			return groups[i].from < groups[j].from
		}
		return groups[i].to < groups[j].to
	})
	actors := v.Actors()
	for _, gr := range groups {
		src, dst := actors[gr.from].ID, actors[gr.to].ID
		e := Edge{ID: src + "->" + dst, Source: src, Target: dst, Weight: float64(len(gr.events))}
		p := gr.pair
		if p == nil {
			sum := v.Summarize(gr.events)
			p = &sum
		}
		e.Relations, e.Goldstein, e.Sign, e.First, e.Last, e.Docs = p.Relations, p.Goldstein, p.Sign, p.First, p.Last, p.Docs
		if len(e.Relations) > 0 {
			e.Label = e.Relations[0]
		}
		e.CAMEO, e.Quad, e.Dates = summarize(v, gr.events)
		rel := append([]string(nil), e.Relations...)
		sort.Strings(rel)
		e.Relations = rel
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func (g *viewGraph) events(fn func(Edge) error) error {
	v := g.v
	order := make([]int32, 0, v.NumEvents())
	for i := range v.NumEvents() {
		if s, t := v.EventEnds(i); g.keep(s, t) {
			order = append(order, int32(i))
		}
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		as, at := v.EventEnds(int(a))
		bs, bt := v.EventEnds(int(b))
		if as != bs {
			return as < bs
		}
		if at != bt {
			return at < bt
		}
		if da, db := v.EventDate(int(a)), v.EventDate(int(b)); da != db {
			return da.Before(db)
		}
		return v.EventID(int(a)) < v.EventID(int(b))
	})
	actors := v.Actors()
	for k, i := range order {
		ev := v.Event(int(i))
		if k > 0 && v.EventID(int(order[k-1])) == ev.ID && ev.ID != "" {
			continue // the same event twice would give a duplicate edge id
		}
		s, t := v.EventEnds(int(i))
		e := Edge{ID: ev.ID, Source: actors[s].ID, Target: actors[t].ID, Label: ev.Relation,
			Relations: []string{ev.Relation}, CAMEO: ev.CAMEO, Quad: ev.QuadClass, Weight: 1,
			Goldstein: ev.Goldstein, Sign: view.Sign(ev.Goldstein), First: ev.Date, Last: ev.Date,
			Negated: ev.Negated, Symmetric: ev.Symmetric, Modality: string(ev.Modality), Sentence: ev.Sentence,
			SentenceIndex: ev.SentenceIndex, Start: ev.Start, End: ev.End, Confidence: ev.Confidence}
		if e.ID == "" {
			e.ID = graph.EventID(ev.DocID, ev.SentenceIndex, ev.Source, ev.Relation, ev.CAMEO, ev.Target)
		}
		if !ev.Date.IsZero() {
			e.Dates = []Date{ev.Date}
		}
		if ev.DocID != "" {
			e.Docs = []string{ev.DocID}
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// summarize gives the most frequent CAMEO code and quad class of a group
// (ties to the smaller) and its distinct dates, sorted.
func summarize(v *view.View, idx []int32) (code string, quad int, dates []Date) {
	codes := map[string]int{}
	quads := map[int]int{}
	seen := map[Date]bool{}
	for _, i := range idx {
		e := v.Event(int(i))
		codes[e.CAMEO]++
		quads[e.QuadClass]++
		if !e.Date.IsZero() && !seen[e.Date] {
			seen[e.Date] = true
			dates = append(dates, e.Date)
		}
	}
	best := -1
	for c, n := range codes {
		if n > best || n == best && c < code {
			code, best = c, n
		}
	}
	best = -1
	for q, n := range quads {
		if n > best || n == best && q < quad {
			quad, best = q, n
		}
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	return code, quad, dates
}
