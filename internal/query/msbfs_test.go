package query

import (
	"context"
	"math/rand/v2"
	"testing"
)

// TestBFSSums holds the 64-at-a-time searches to one plain breadth-first
// search per source, bit for bit, on random graphs of sizes around the
// word boundaries, isolated nodes and self-loops included.
func TestBFSSums(t *testing.T) {
	for _, c := range []struct{ n, m int }{{1, 0}, {2, 1}, {63, 200}, {64, 150}, {65, 400}, {130, 260}, {300, 1200}, {500, 400}} {
		rng := rand.New(rand.NewPCG(uint64(c.n), uint64(c.m)))
		lists := make([][]int32, c.n)
		for range c.m {
			u, v := rng.IntN(c.n), rng.IntN(c.n)
			lists[u] = append(lists[u], int32(v))
		}
		off := make([]int32, c.n+1)
		var adj []int32
		for u, l := range lists {
			adj = append(adj, l...)
			off[u+1] = int32(len(adj))
		}
		got := bfsSums(context.Background(), c.n, off, adj)
		sp := newSSSP(c.n)
		for v := range c.n {
			sp.bfs(int32(v), off, adj, nil)
			var want reachSums
			for _, u := range sp.order {
				want.reach++
				want.dist += int64(sp.hops[u])
				if d := sp.dist[u]; d > 0 {
					want.inverse += 1 / d
				}
			}
			if got[v] != want {
				t.Fatalf("n=%d m=%d source %d: %+v, want %+v", c.n, c.m, v, got[v], want)
			}
		}
	}
}
