package query

import (
	"context"
	"math"
	"runtime"
	"sync"
)

// sssp holds per-source shortest-path scratch space, reused across sources
// so that all-sources algorithms allocate once per worker.
type sssp struct {
	dist  []float64 // +Inf when unreached
	hops  []int32   // BFS depth, -1 when unreached
	sigma []float64 // number of shortest paths from the source
	order []int32   // nodes in non-decreasing distance
	heap  distHeap
}

func newSSSP(n int) *sssp {
	s := &sssp{dist: make([]float64, n), hops: make([]int32, n), sigma: make([]float64, n), order: make([]int32, 0, n)}
	for i := range s.dist {
		s.dist[i] = math.Inf(1)
		s.hops[i] = -1
	}
	return s
}

// reset clears only the nodes the previous run touched.
func (s *sssp) reset() {
	for _, v := range s.order {
		s.dist[v] = math.Inf(1)
		s.hops[v] = -1
		s.sigma[v] = 0
	}
	s.order = s.order[:0]
}

// bfs runs a breadth-first search from src over off/adj, counting shortest
// paths. Nodes with blocked[v] set are never entered (blocked may be nil).
// With targets, it stops once their distances and path counts are final:
// when every node nearer than the farthest of them has been expanded. A
// query between two actors of a graph of millions of edges then reads the
// rows of the few levels between them, not the whole graph.
func (s *sssp) bfs(src int32, off, adj []int32, blocked []bool, targets ...int32) {
	s.reset()
	s.hops[src], s.dist[src], s.sigma[src] = 0, 0, 1
	s.order = append(s.order, src)
	for q := 0; q < len(s.order); q++ {
		v := s.order[q]
		dv := s.hops[v]
		if len(targets) > 0 && s.reached(targets, dv) {
			return
		}
		for _, w := range adj[off[v]:off[v+1]] {
			if blocked != nil && blocked[w] {
				continue
			}
			if s.hops[w] < 0 {
				s.hops[w] = dv + 1
				s.dist[w] = float64(dv + 1)
				s.order = append(s.order, w)
			}
			if s.hops[w] == dv+1 {
				s.sigma[w] += s.sigma[v]
			}
		}
	}
}

// reached reports whether every target has been found at a depth of at
// most d: a search about to expand depth d has then settled them all.
func (s *sssp) reached(targets []int32, d int32) bool {
	for _, t := range targets {
		if s.hops[t] < 0 || s.hops[t] > d {
			return false
		}
	}
	return true
}

// dijkstra is bfs with positive edge costs. Equal-cost paths are compared
// exactly, as networkx does, so that path counts agree with it. With
// targets, it stops once they are all settled.
func (s *sssp) dijkstra(src int32, off, adj []int32, cost []float64, blocked []bool, targets ...int32) {
	s.reset()
	s.dist[src], s.sigma[src] = 0, 1
	s.heap = s.heap[:0]
	s.heap.push(heapItem{0, src})
	// hops marks settled nodes (their settling rank). Every node given a
	// distance is pushed and so eventually settled and listed in order,
	// which is what reset relies on.
	for len(s.heap) > 0 {
		it := s.heap.pop()
		v := it.node
		if s.hops[v] >= 0 || it.dist > s.dist[v] {
			continue // stale entry
		}
		s.hops[v] = int32(len(s.order))
		s.order = append(s.order, v)
		if len(targets) > 0 && s.settled(targets) {
			// Nodes given a distance but not settled are listed too, so
			// that reset clears them.
			for _, it := range s.heap {
				if s.hops[it.node] < 0 {
					s.hops[it.node] = int32(len(s.order))
					s.order = append(s.order, it.node)
				}
			}
			return
		}
		dv := s.dist[v]
		for k := off[v]; k < off[v+1]; k++ {
			w := adj[k]
			if blocked != nil && blocked[w] || s.hops[w] >= 0 {
				continue
			}
			alt := dv + cost[k]
			switch {
			case alt < s.dist[w]:
				s.dist[w] = alt
				s.sigma[w] = s.sigma[v]
				s.heap.push(heapItem{alt, w})
			case alt == s.dist[w]:
				s.sigma[w] += s.sigma[v]
			}
		}
	}
}

// settled reports whether every target has been settled.
func (s *sssp) settled(targets []int32) bool {
	for _, t := range targets {
		if s.hops[t] < 0 {
			return false
		}
	}
	return true
}

type heapItem struct {
	dist float64
	node int32
}

// distHeap is a binary min-heap on (dist, node); the node tie-break keeps
// runs deterministic.
type distHeap []heapItem

func (h distHeap) less(i, j int) bool {
	if h[i].dist != h[j].dist {
		return h[i].dist < h[j].dist
	}
	return h[i].node < h[j].node
}

func (h *distHeap) push(x heapItem) {
	*h = append(*h, x)
	a := *h
	i := len(a) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !a.less(i, p) {
			break
		}
		a[i], a[p] = a[p], a[i]
		i = p
	}
}

func (h *distHeap) pop() heapItem {
	a := *h
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	a = a[:last]
	i := 0
	for {
		l := 2*i + 1
		if l >= len(a) {
			break
		}
		m := l
		if r := l + 1; r < len(a) && a.less(r, l) {
			m = r
		}
		if !a.less(m, i) {
			break
		}
		a[i], a[m] = a[m], a[i]
		i = m
	}
	*h = a
	return top
}

// parallelSources runs fn(worker, source) for every source in 0..n-1,
// dealing sources round-robin to the workers. Each worker gets its
// own index w so it can keep private accumulators.
func parallelSources(ctx context.Context, n, workers int, fn func(w int, src int32)) {
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for s := w; s < n; s += workers {
				if ctx.Err() != nil {
					return // the caller reports ctx's error
				}
				fn(w, int32(s))
			}
		}(w)
	}
	wg.Wait()
}

// workerCount is GOMAXPROCS, at most n and at least 1.
func workerCount(n int) int {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	if workers < 1 {
		workers = 1
	}
	return workers
}
