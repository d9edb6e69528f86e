package query

import (
	"context"
	"math/bits"
)

// reachSums are what a breadth-first search from one source tells
// closeness and harmonic centrality: how many nodes it reaches (the source
// included), the sum of their distances, and the sum of the inverse
// distances, added nearest first as a search that visits the nodes in
// order would add them.
type reachSums struct {
	reach   int
	dist    int64
	inverse float64
}

// bfsSums runs one breadth-first search from every node over off/adj and
// returns each one's reachSums. The searches run 64 at a time as the bits
// of one word per node (the multi-source BFS of Then et al., "The More the
// Merrier", VLDB 2015): a node's edges are read once per depth for all the
// searches that reach it at that depth, instead of once per search, which
// on sparse graphs cuts the work several times over. Batches of 64
// sources run in parallel; ctx stops them between batches.
func bfsSums(ctx context.Context, n int, off, adj []int32) []reachSums {
	out := make([]reachSums, n)
	batches := (n + 63) / 64
	type scratch struct{ seen, visit, next []uint64 }
	var ws []*scratch
	parallelSourcesInit(ctx, batches, func(workers int) {
		ws = make([]*scratch, workers)
		for i := range ws {
			ws[i] = &scratch{make([]uint64, n), make([]uint64, n), make([]uint64, n)}
		}
	}, func(w int, batch int32) {
		s := ws[w]
		first := int(batch) * 64
		size := min(64, n-first)
		clear(s.seen)
		clear(s.visit)
		var sums [64]reachSums
		for b := range size {
			v := first + b
			s.seen[v] |= 1 << b
			s.visit[v] |= 1 << b
			sums[b].reach = 1
		}
		for depth := int64(1); ; depth++ {
			active := false
			for v, bitsV := range s.visit {
				if bitsV == 0 {
					continue
				}
				for _, u := range adj[off[v]:off[v+1]] {
					s.next[u] |= bitsV
				}
			}
			var count [64]int
			for u, nb := range s.next {
				if nb == 0 {
					s.visit[u] = 0
					continue
				}
				s.next[u] = 0
				fresh := nb &^ s.seen[u]
				s.visit[u] = fresh
				if fresh == 0 {
					continue
				}
				active = true
				s.seen[u] |= fresh
				for x := fresh; x != 0; x &= x - 1 {
					count[bits.TrailingZeros64(x)]++
				}
			}
			if !active {
				break
			}
			inv := 1 / float64(depth)
			for b := range size {
				c := count[b]
				if c == 0 {
					continue
				}
				sums[b].reach += c
				sums[b].dist += depth * int64(c)
				for range c {
					sums[b].inverse += inv
				}
			}
		}
		copy(out[first:first+size], sums[:size])
	})
	return out
}
