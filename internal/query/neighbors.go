package query

import (
	"sort"

	"github.com/kg-project/kg/internal/graph/view"
)

// Neighbor is one actor of an ego network.
type Neighbor struct {
	Node  int64
	Depth int   // hops from the center
	Via   int64 // the node at Depth-1 it was reached from (the center at depth 1)
	// Relation holds the events between Via and Node (both directions
	// unless the search followed edge direction).
	Relation Relation
}

// Neighbors returns the ego network of center up to depth hops, by
// breadth-first search over a (project it with Undirect to ignore edge
// direction). Each actor is listed once, from the first parent found in
// breadth-first order (neighbours are visited in ID order). Results are
// sorted by depth, then events with the parent (most first), then ID.
func Neighbors(v *view.View, a *Adjacency, center int64, depth int) []Neighbor {
	if depth <= 0 {
		return nil
	}
	n := a.Len()
	level := make([]int, n)
	parent := make([]int32, n)
	for i := range level {
		level[i] = -1
	}
	c := int32(center)
	level[c] = 0
	queue := []int32{c}
	var out []Neighbor
	for q := 0; q < len(queue); q++ {
		u := queue[q]
		if level[u] >= depth {
			continue
		}
		for _, w := range a.Adj[a.Off[u]:a.Off[u+1]] {
			if level[w] >= 0 {
				continue
			}
			level[w] = level[u] + 1
			parent[w] = u
			queue = append(queue, w)
		}
	}
	for _, w := range queue[1:] {
		out = append(out, Neighbor{
			Node: int64(w), Depth: level[w], Via: int64(parent[w]),
			Relation: RelationBetween(v, int64(parent[w]), int64(w), a.Undirected),
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Depth != out[j].Depth {
			return out[i].Depth < out[j].Depth
		}
		if ci, cj := out[i].Relation.Count(), out[j].Relation.Count(); ci != cj {
			return ci > cj
		}
		return out[i].Node < out[j].Node
	})
	return out
}
