package query

import (
	"sort"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
)

// Relation gathers the events between two view nodes: those u→w, and when
// both is set also those w→u. A symmetric event is listed once.
type Relation struct {
	From, To  int64
	Events    []int32 // indexes into View.Events, by date then index
	Forward   int     // events u→w (symmetric ones included)
	Backward  int     // events w→u (symmetric ones included); 0 unless both
	Relations []string
	Goldstein float64 // mean
	Sign      int     // sign of the mean Goldstein score
	First     graph.Date
	Last      graph.Date
}

// Count returns the number of distinct events.
func (r Relation) Count() int { return len(r.Events) }

// RelationBetween collects the events on u→w (and w→u when both).
func RelationBetween(v *view.View, u, w int64, both bool) Relation {
	r := Relation{From: u, To: w}
	seen := map[int32]bool{}
	add := func(p *view.Pair) int {
		if p == nil {
			return 0
		}
		for _, e := range p.Events {
			if !seen[e] {
				seen[e] = true
				r.Events = append(r.Events, e)
			}
		}
		return p.Count
	}
	r.Forward = add(v.Pair(u, w))
	if both {
		r.Backward = add(v.Pair(w, u))
	}
	summarize(v, &r)
	return r
}

func summarize(v *view.View, r *Relation) {
	sort.SliceStable(r.Events, func(i, j int) bool {
		a, b := v.EventDate(int(r.Events[i])), v.EventDate(int(r.Events[j]))
		if a != b {
			return a.Before(b)
		}
		return r.Events[i] < r.Events[j]
	})
	p := v.Summarize(r.Events)
	r.Relations, r.Goldstein, r.Sign, r.First, r.Last = p.Relations, p.Goldstein, p.Sign, p.First, p.Last
}

// PathHops decorates each hop of p with its relation (both directions when
// undirected is set). Node indexes of a view's Adjacency are its node IDs.
func PathHops(v *view.View, p Path, undirected bool) []Relation {
	if len(p.Nodes) < 2 {
		return nil
	}
	out := make([]Relation, 0, len(p.Nodes)-1)
	for i := 1; i < len(p.Nodes); i++ {
		out = append(out, RelationBetween(v, int64(p.Nodes[i-1]), int64(p.Nodes[i]), undirected))
	}
	return out
}

// SignedEdge is one edge of the undirected signed projection: the events
// between U and W in either direction (U < W).
type SignedEdge struct {
	U, W   int32
	Events int
	Sum    float64 // summed Goldstein score
	Sign   int     // sign of Sum: +1 cooperation, -1 conflict, 0 neutral
}

// SignedEdges returns the undirected signed projection of v, sorted by
// (U, W). The sign of an actor pair is the sign of its summed Goldstein
// score over every event between them, in either direction.
func SignedEdges(v *view.View) []SignedEdge {
	var out []SignedEdge
	for _, p := range v.Pairs() {
		if p.From > p.To && v.Pair(p.To, p.From) != nil {
			continue // counted with the reverse pair
		}
		r := RelationBetween(v, p.From, p.To, true)
		e := SignedEdge{U: int32(p.From), W: int32(p.To), Events: r.Count()}
		if e.U > e.W {
			e.U, e.W = e.W, e.U
		}
		for _, i := range r.Events {
			e.Sum += v.Event(int(i)).Goldstein
		}
		switch {
		case e.Sum > 1e-12:
			e.Sign = 1
		case e.Sum < -1e-12:
			e.Sign = -1
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].U != out[j].U {
			return out[i].U < out[j].U
		}
		return out[i].W < out[j].W
	})
	return out
}
