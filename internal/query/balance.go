package query

import (
	"sort"

	"github.com/kg-project/kg/internal/graph/view"
)

// Triad is a triangle of the signed projection: nodes A < B < C and the
// signed edges AB, BC and AC.
type Triad struct {
	Nodes    [3]int64
	Edges    [3]SignedEdge // AB, BC, AC
	Balanced bool          // the product of the three signs is positive
	Events   int           // events on the three edges
}

// Census counts triads by their number of negative edges: +++ and +--
// are balanced, ++- and --- are not (structural balance, Heider / Cartwright
// and Harary).
type Census struct {
	PPP, PPN, PNN, NNN int
	Balanced           int
	Unbalanced         int
	// Ratio is Balanced / (Balanced + Unbalanced), 0 when there is no triad.
	Ratio float64
	// Neutral counts triangles left out because an edge has a zero sign.
	Neutral int
}

// Balance takes the census of signed triads in v (see SignedEdges) and
// returns up to top unbalanced triads, best evidenced first (most events,
// then node IDs). Triangles are enumerated by degree ordering, O(E^1.5).
func Balance(v *view.View, top int) (Census, []Triad) {
	es := SignedEdges(v)
	n := v.Len()
	var c Census
	deg := make([]int, n)
	for _, e := range es {
		deg[e.U]++
		deg[e.W]++
	}
	// Orient each edge from lower to higher (degree, ID) rank; every
	// triangle is then found once, from its lowest-ranked node.
	rankLess := func(a, b int32) bool {
		if deg[a] != deg[b] {
			return deg[a] < deg[b]
		}
		return a < b
	}
	fwd := make([][]int32, n) // fwd[u]: higher-ranked neighbours
	edgeOf := make(map[uint64]int, len(es))
	key := func(a, b int32) uint64 {
		if a > b {
			a, b = b, a
		}
		return uint64(uint32(a))<<32 | uint64(uint32(b))
	}
	for i, e := range es {
		edgeOf[key(e.U, e.W)] = i
		if rankLess(e.U, e.W) {
			fwd[e.U] = append(fwd[e.U], e.W)
		} else {
			fwd[e.W] = append(fwd[e.W], e.U)
		}
	}
	mark := make([]bool, n)
	var bad []Triad
	for u := int32(0); u < int32(n); u++ {
		for _, w := range fwd[u] {
			mark[w] = true
		}
		for _, v1 := range fwd[u] {
			for _, v2 := range fwd[v1] {
				if !mark[v2] {
					continue
				}
				ids := [3]int32{u, v1, v2}
				sort.Slice(ids[:], func(i, j int) bool { return ids[i] < ids[j] })
				t := Triad{Nodes: [3]int64{int64(ids[0]), int64(ids[1]), int64(ids[2])}}
				t.Edges[0] = es[edgeOf[key(ids[0], ids[1])]]
				t.Edges[1] = es[edgeOf[key(ids[1], ids[2])]]
				t.Edges[2] = es[edgeOf[key(ids[0], ids[2])]]
				negs, zero := 0, false
				for _, e := range t.Edges {
					t.Events += e.Events
					switch e.Sign {
					case -1:
						negs++
					case 0:
						zero = true
					}
				}
				if zero {
					c.Neutral++
					continue
				}
				switch negs {
				case 0:
					c.PPP++
				case 1:
					c.PPN++
				case 2:
					c.PNN++
				case 3:
					c.NNN++
				}
				t.Balanced = negs%2 == 0
				if t.Balanced {
					c.Balanced++
				} else {
					c.Unbalanced++
					bad = append(bad, t)
				}
			}
		}
		for _, w := range fwd[u] {
			mark[w] = false
		}
	}
	if total := c.Balanced + c.Unbalanced; total > 0 {
		c.Ratio = float64(c.Balanced) / float64(total)
	}
	sort.Slice(bad, func(i, j int) bool {
		if bad[i].Events != bad[j].Events {
			return bad[i].Events > bad[j].Events
		}
		for k := 0; k < 3; k++ {
			if bad[i].Nodes[k] != bad[j].Nodes[k] {
				return bad[i].Nodes[k] < bad[j].Nodes[k]
			}
		}
		return false
	})
	if top >= 0 && len(bad) > top {
		bad = bad[:top]
	}
	return c, bad
}
