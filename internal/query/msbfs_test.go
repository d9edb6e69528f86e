package query

import (
	"context"
	"math/rand/v2"
	"slices"
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

// TestTargetedSearch holds a search that stops once its targets are
// settled to a search of the whole graph: the same distances and path
// counts at the targets, the same path, and scratch space that a later
// search can reuse as if fresh.
func TestTargetedSearch(t *testing.T) {
	for _, c := range []struct {
		n, m     int
		weighted bool
	}{{50, 120, false}, {50, 120, true}, {300, 900, false}, {300, 900, true}, {200, 150, false}, {200, 150, true}} {
		a := NewAdjacency(randomGraph(c.n, c.m, uint64(c.n+c.m))).Undirect()
		cost := costs(a.W, true)
		search := func(sp *sssp, s int32, targets ...int32) {
			if c.weighted {
				sp.dijkstra(s, a.Off, a.Adj, cost, nil, targets...)
			} else {
				sp.bfs(s, a.Off, a.Adj, nil, targets...)
			}
		}
		rng := rand.New(rand.NewPCG(uint64(c.n), 7))
		reused := newSSSP(c.n)
		for range 40 {
			s, x, y := int32(rng.IntN(c.n)), int32(rng.IntN(c.n)), int32(rng.IntN(c.n))
			full := newSSSP(c.n)
			search(full, s)
			search(reused, s, x, y)
			for _, v := range []int32{x, y} {
				if reused.dist[v] != full.dist[v] || reused.sigma[v] != full.sigma[v] {
					t.Fatalf("%+v from %d to %d: dist %v sigma %v, want %v %v", c, s, v, reused.dist[v], reused.sigma[v], full.dist[v], full.sigma[v])
				}
			}
			p, ok := tracePath(a, reused, s, x, c.weighted)
			q, okFull := tracePath(a, full, s, x, c.weighted)
			if ok != okFull || !slices.Equal(p.Nodes, q.Nodes) {
				t.Fatalf("%+v path %d to %d: %v, want %v", c, s, x, p.Nodes, q.Nodes)
			}
			// A whole search on the reused scratch space must see no trace
			// of the stopped one.
			search(reused, x)
			fresh := newSSSP(c.n)
			search(fresh, x)
			if !slices.Equal(reused.dist, fresh.dist) || !slices.Equal(reused.sigma, fresh.sigma) || !slices.Equal(reused.hops, fresh.hops) {
				t.Fatalf("%+v: a search after a stopped one differs from a fresh one", c)
			}
		}
	}
}
