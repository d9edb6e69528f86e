package query

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
)

// Measure names a centrality measure.
type Measure string

// Centrality measures and their networkx counterparts, for a directed
// networkx DiGraph G whose edge attribute "weight" is the event count and
// "cost" = 1/weight. Each was checked against networkx on the fixtures in
// testdata.
const (
	// Degree is nx.degree_centrality(G): (in+out degree)/(n-1). Weighted:
	// G.degree(weight="weight"), the raw number of events (not normalised).
	Degree Measure = "degree"
	// InDegree is nx.in_degree_centrality(G); weighted G.in_degree(weight="weight").
	InDegree Measure = "in"
	// OutDegree is nx.out_degree_centrality(G); weighted G.out_degree(weight="weight").
	OutDegree Measure = "out"
	// Betweenness is nx.betweenness_centrality(G, normalized=False);
	// weighted: weight="cost".
	Betweenness Measure = "betweenness"
	// Closeness is nx.closeness_centrality(G) (incoming distances,
	// wf_improved=True); weighted: distance="cost".
	Closeness Measure = "closeness"
	// Harmonic is nx.harmonic_centrality(G) (incoming distances); weighted:
	// distance="cost".
	Harmonic Measure = "harmonic"
	// PageRank is nx.pagerank(G, alpha=0.85, weight="weight"), always
	// weighted by event count as networkx is by default.
	PageRank Measure = "pagerank"
	// HITS is nx.hits(G) (hubs and authorities, each summing to 1), always
	// weighted by event count as networkx is by default. The score is the
	// authority; the hub score is reported beside it.
	HITS Measure = "hits"
	// Eigenvector is nx.eigenvector_centrality(G) on the directed graph
	// (a node is central when central nodes point to it); weighted:
	// weight="weight".
	Eigenvector Measure = "eigenvector"
)

// Measures lists every measure in a stable order.
var Measures = []Measure{Degree, InDegree, OutDegree, Betweenness, Closeness, Harmonic, PageRank, HITS, Eigenvector}

// ParseMeasure validates a measure name.
func ParseMeasure(s string) (Measure, error) {
	for _, m := range Measures {
		if string(m) == strings.ToLower(strings.TrimSpace(s)) {
			return m, nil
		}
	}
	names := make([]string, len(Measures))
	for i, m := range Measures {
		names[i] = string(m)
	}
	return "", fmt.Errorf("unknown measure %q (want %s)", s, strings.Join(names, ", "))
}

// ErrNoConvergence is returned when a power iteration does not converge.
var ErrNoConvergence = errors.New("power iteration did not converge")

// Scores holds one value per node of an Adjacency, indexed like a.IDs.
// Hub is set only for HITS.
type Scores struct {
	IDs   []int64
	Value []float64
	Hub   []float64
}

// Map returns the scores keyed by gonum node ID.
func (s Scores) Map() map[int64]float64 {
	m := make(map[int64]float64, len(s.IDs))
	for i, id := range s.IDs {
		m[id] = s.Value[i]
	}
	return m
}

// Centrality computes measure m on a. weighted selects the weighted variant
// where the measure has one (see the Measure constants).
func Centrality(a *Adjacency, m Measure, weighted bool) (Scores, error) {
	return CentralityContext(context.Background(), a, m, weighted)
}

// CentralityContext is Centrality that gives up, returning ctx's error,
// soon after ctx is done: the measures that search from every node stop
// between searches.
func CentralityContext(ctx context.Context, a *Adjacency, m Measure, weighted bool) (Scores, error) {
	s := Scores{IDs: a.IDs}
	var err error
	switch m {
	case Degree, InDegree, OutDegree:
		s.Value = DegreeCentrality(a, m, weighted)
	case Betweenness:
		s.Value = betweenness(ctx, a, weighted, nil)
	case Closeness:
		s.Value = closeness(ctx, a, weighted)
	case Harmonic:
		s.Value = harmonic(ctx, a, weighted)
	case PageRank:
		s.Value, err = PageRankCentrality(a, 0.85, 1e-6)
	case HITS:
		s.Hub, s.Value, err = HITSCentrality(a, 1e-12)
	case Eigenvector:
		s.Value, err = EigenvectorCentrality(a, weighted, 1e-6)
	default:
		return s, fmt.Errorf("unknown measure %q", m)
	}
	if cerr := ctx.Err(); cerr != nil {
		return Scores{}, cerr
	}
	return s, err
}

// DegreeCentrality is degree, in- or out-degree centrality (see Degree).
func DegreeCentrality(a *Adjacency, m Measure, weighted bool) []float64 {
	n := a.Len()
	out := make([]float64, n)
	add := func(off []int32, w []float64) {
		for i := 0; i < n; i++ {
			if weighted {
				for k := off[i]; k < off[i+1]; k++ {
					out[i] += w[k]
				}
			} else {
				out[i] += float64(off[i+1] - off[i])
			}
		}
	}
	if m != InDegree {
		add(a.Off, a.W)
	}
	if m != OutDegree && !a.Undirected {
		add(a.InOff, a.InW)
	}
	if weighted {
		return out
	}
	if n <= 1 {
		for i := range out {
			out[i] = 1
		}
		return out
	}
	for i := range out {
		out[i] /= float64(n - 1)
	}
	return out
}

// BetweennessCentrality is Brandes' algorithm over compressed rows,
// parallel over sources: unnormalised, as
// nx.betweenness_centrality(G, normalized=False); halved on undirected
// graphs as networkx does. Weighted runs use Dijkstra with cost 1/weight.
// Time O(V·E) unweighted, O(V·E·log V) weighted; memory O(V) per worker.
func BetweennessCentrality(a *Adjacency, weighted bool) []float64 {
	return betweenness(context.Background(), a, weighted, nil)
}

// BetweennessSampled estimates betweenness from k sources drawn at random
// (seeded, so runs repeat), scaled by n/k, as
// nx.betweenness_centrality(G, k=k, normalized=False) does: for graphs where
// exact Brandes, one search per node, takes too long. Its time is k/n of
// the exact run's; k ≥ n is the exact computation. stderr is each
// estimate's standard error: the spread of the node's dependency on the
// sampled sources, scaled as the estimate is, with the correction for
// sampling without replacement (zero when every node is a source).
func BetweennessSampled(ctx context.Context, a *Adjacency, weighted bool, k int, seed uint64) (value, stderr []float64, err error) {
	n := a.Len()
	if k >= n || k <= 0 {
		return betweenness(ctx, a, weighted, nil), make([]float64, n), ctx.Err()
	}
	perm := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)).Perm(n)[:k]
	srcs := make([]int32, k)
	for i, p := range perm {
		srcs[i] = int32(p)
	}
	slices.Sort(srcs)
	sq := make([]float64, n)
	value = betweennessFrom(ctx, a, weighted, srcs, sq)
	stderr = make([]float64, n)
	fn, fk := float64(n), float64(k)
	half := 1.0
	if a.Undirected {
		half = 2 // value was halved; the squares were not
	}
	for i := range value {
		mean := value[i] * half / fk // the mean dependency on a source
		if k > 1 {
			variance := max(0, (sq[i]-fk*mean*mean)/(fk-1))
			stderr[i] = fn * math.Sqrt(variance/fk*(1-fk/fn)) / half
		}
		value[i] *= fn / fk
	}
	return value, stderr, ctx.Err()
}

// betweenness is Brandes's accumulation from the given sources (nil: every
// node).
func betweenness(ctx context.Context, a *Adjacency, weighted bool, sources []int32) []float64 {
	return betweennessFrom(ctx, a, weighted, sources, nil)
}

// betweennessFrom is betweenness that also adds each node's squared
// dependency on each source to sq, when sq is not nil.
func betweennessFrom(ctx context.Context, a *Adjacency, weighted bool, sources []int32, sq []float64) []float64 {
	n := a.Len()
	var cost []float64
	if weighted {
		cost = costs(a.W, true)
	}
	type scratch struct {
		sp   *sssp
		coef []float64 // (1+δ[y])/σ[y], set once y's dependency is final
		cb   []float64
		sq   []float64 // squared dependencies, when asked for
	}
	var ws []*scratch
	runs := n
	if sources != nil {
		runs = len(sources)
	}
	workers := parallelSourcesInit(ctx, runs, func(workers int) {
		ws = make([]*scratch, workers)
		for w := range ws {
			ws[w] = &scratch{sp: newSSSP(n), coef: make([]float64, n), cb: make([]float64, n)}
			if sq != nil {
				ws[w].sq = make([]float64, n)
			}
		}
	}, func(w int, src int32) {
		if sources != nil {
			src = sources[src]
		}
		s := ws[w]
		if weighted {
			s.sp.dijkstra(src, a.Off, a.Adj, cost, nil)
		} else {
			s.sp.bfs(src, a.Off, a.Adj, nil)
		}
		hops, dist, sigma, coef := s.sp.hops, s.sp.dist, s.sp.sigma, s.coef
		// Dependencies in reverse distance order over successors on
		// shortest paths: δ[x] = σ[x]·Σ (1+δ[y])/σ[y].
		for i := len(s.sp.order) - 1; i >= 0; i-- {
			x := s.sp.order[i]
			sum := 0.0
			if weighted {
				for k := a.Off[x]; k < a.Off[x+1]; k++ {
					if y := a.Adj[k]; dist[y] == dist[x]+cost[k] {
						sum += coef[y]
					}
				}
			} else {
				next := hops[x] + 1
				for _, y := range a.Adj[a.Off[x]:a.Off[x+1]] {
					if hops[y] == next {
						sum += coef[y]
					}
				}
			}
			delta := sigma[x] * sum
			coef[x] = (1 + delta) / sigma[x]
			if x != src {
				s.cb[x] += delta
				if s.sq != nil {
					s.sq[x] += delta * delta
				}
			}
		}
	})
	out := make([]float64, n)
	for w := 0; w < workers; w++ {
		for i, v := range ws[w].cb {
			out[i] += v
		}
		for i, v := range ws[w].sq {
			sq[i] += v
		}
	}
	if a.Undirected {
		for i := range out {
			out[i] /= 2
		}
	}
	return out
}

// parallelSourcesInit sizes per-worker state with init, then runs fn over
// every source until ctx is done. It returns the number of workers used.
func parallelSourcesInit(ctx context.Context, n int, init func(workers int), fn func(w int, src int32)) int {
	workers := workerCount(n)
	init(workers)
	parallelSources(ctx, n, workers, fn)
	return workers
}

// ClosenessCentrality is nx.closeness_centrality(G): for directed graphs
// the distances are those *to* the node, scaled by the reachable fraction
// (Wasserman–Faust, wf_improved=True). One BFS (or Dijkstra with cost
// 1/weight) per node on the reversed graph; no all-pairs table.
func ClosenessCentrality(a *Adjacency, weighted bool) []float64 {
	return closeness(context.Background(), a, weighted)
}

func closeness(ctx context.Context, a *Adjacency, weighted bool) []float64 {
	n := a.Len()
	out := make([]float64, n)
	if !weighted {
		for v, s := range bfsSums(ctx, n, a.InOff, a.InAdj) {
			r, total := float64(s.reach-1), float64(s.dist)
			if total > 0 && n > 1 {
				out[v] = r / total * (r / float64(n-1))
			}
		}
		return out
	}
	distanceSums(ctx, a, weighted, func(v int32, reach []int32, dist []float64) {
		total := 0.0
		for _, u := range reach {
			total += dist[u]
		}
		r := float64(len(reach) - 1)
		if total > 0 && n > 1 {
			out[v] = r / total * (r / float64(n-1))
		}
	})
	return out
}

// HarmonicCentrality is nx.harmonic_centrality(G): the sum of 1/d(u, v)
// over the other nodes u that reach v.
func HarmonicCentrality(a *Adjacency, weighted bool) []float64 {
	return harmonic(context.Background(), a, weighted)
}

func harmonic(ctx context.Context, a *Adjacency, weighted bool) []float64 {
	out := make([]float64, a.Len())
	if !weighted {
		for v, s := range bfsSums(ctx, a.Len(), a.InOff, a.InAdj) {
			out[v] = s.inverse
		}
		return out
	}
	distanceSums(ctx, a, weighted, func(v int32, reach []int32, dist []float64) {
		h := 0.0
		for _, u := range reach {
			if d := dist[u]; d > 0 {
				h += 1 / d
			}
		}
		out[v] = h
	})
	return out
}

// distanceSums calls fn for every node v with the nodes that reach v and
// their costs to v, for the weighted measures (bfsSums serves the
// unweighted ones). fn runs concurrently for different v and must only
// write v's own slot.
func distanceSums(ctx context.Context, a *Adjacency, weighted bool, fn func(v int32, reach []int32, dist []float64)) {
	n := a.Len()
	var cost []float64
	if weighted {
		cost = costs(a.InW, true)
	}
	var sps []*sssp
	parallelSourcesInit(ctx, n, func(workers int) {
		sps = make([]*sssp, workers)
		for i := range sps {
			sps[i] = newSSSP(n)
		}
	}, func(w int, v int32) {
		sp := sps[w]
		if weighted {
			sp.dijkstra(v, a.InOff, a.InAdj, cost, nil)
		} else {
			sp.bfs(v, a.InOff, a.InAdj, nil)
		}
		fn(v, sp.order, sp.dist)
	})
}

// PageRankCentrality is nx.pagerank(G, alpha, weight="weight", tol): the
// same power iteration (uniform start and teleport, dangling nodes' rank
// spread uniformly, stop when the L1 change is below n·tol), so values agree
// with networkx to rounding. gonum's network.PageRankSparse treats dangling
// nodes the same way but iterates to a tighter fixed point; since networkx
// stops early, the two differ by up to 2e-6 on the test fixtures.
func PageRankCentrality(a *Adjacency, alpha, tol float64) ([]float64, error) {
	n := a.Len()
	if n == 0 {
		return nil, nil
	}
	strength := make([]float64, n)
	for i := 0; i < n; i++ {
		for k := a.Off[i]; k < a.Off[i+1]; k++ {
			strength[i] += a.W[k]
		}
	}
	x := make([]float64, n)
	next := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	p := 1 / float64(n)
	for iter := 0; iter < 1000; iter++ {
		dangling := 0.0
		for i := range next {
			next[i] = 0
		}
		for i := 0; i < n; i++ {
			if strength[i] == 0 {
				dangling += x[i]
				continue
			}
			share := x[i] / strength[i]
			for k := a.Off[i]; k < a.Off[i+1]; k++ {
				next[a.Adj[k]] += share * a.W[k]
			}
		}
		err := 0.0
		for i := range next {
			next[i] = alpha*(next[i]+dangling*p) + (1-alpha)*p
			err += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if err < float64(n)*tol {
			return x, nil
		}
	}
	return x, fmt.Errorf("pagerank: %w", ErrNoConvergence)
}

// HITSCentrality is nx.hits(G): the authority vector is the principal
// right singular vector of the weighted adjacency matrix A, hubs are A·a,
// and each is scaled to sum to 1. Computed by power iteration on AᵀA until
// the L1 change is below tol. When the leading singular value is repeated
// (for example two identical components) the answer is not unique and may
// differ from networkx's.
func HITSCentrality(a *Adjacency, tol float64) (hub, auth []float64, err error) {
	n := a.Len()
	if n == 0 {
		return nil, nil, nil
	}
	if len(a.Adj) == 0 {
		hub, auth = make([]float64, n), make([]float64, n)
		for i := range hub {
			hub[i], auth[i] = 1/float64(n), 1/float64(n)
		}
		return hub, auth, nil
	}
	auth = make([]float64, n)
	for i := range auth {
		auth[i] = 1 / float64(n)
	}
	hub = make([]float64, n)
	next := make([]float64, n)
	mulA := func(dst, x []float64) { // dst = A x
		for i := 0; i < n; i++ {
			s := 0.0
			for k := a.Off[i]; k < a.Off[i+1]; k++ {
				s += a.W[k] * x[a.Adj[k]]
			}
			dst[i] = s
		}
	}
	mulAT := func(dst, x []float64) { // dst = Aᵀ x
		for i := range dst {
			dst[i] = 0
		}
		for i := 0; i < n; i++ {
			for k := a.Off[i]; k < a.Off[i+1]; k++ {
				dst[a.Adj[k]] += a.W[k] * x[i]
			}
		}
	}
	normalize := func(x []float64) {
		s := 0.0
		for _, v := range x {
			s += v
		}
		if s != 0 {
			for i := range x {
				x[i] /= s
			}
		}
	}
	converged := false
	for iter := 0; iter < 10000; iter++ {
		mulA(hub, auth)
		mulAT(next, hub)
		normalize(next)
		diff := 0.0
		for i := range next {
			diff += math.Abs(next[i] - auth[i])
		}
		auth, next = next, auth
		if diff < tol {
			converged = true
			break
		}
	}
	mulA(hub, auth)
	normalize(hub)
	if !converged {
		return hub, auth, fmt.Errorf("hits: %w", ErrNoConvergence)
	}
	return hub, auth, nil
}

// EigenvectorCentrality is nx.eigenvector_centrality(G) on a directed
// graph: power iteration on (A+I)ᵀ from a uniform start, L2-normalised,
// stopping when the L1 change is below n·tol, as networkx does, so values
// agree with it to rounding. A node's score comes from its predecessors.
func EigenvectorCentrality(a *Adjacency, weighted bool, tol float64) ([]float64, error) {
	n := a.Len()
	if n == 0 {
		return nil, nil
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for iter := 0; iter < 1000; iter++ {
		copy(next, x)
		for i := 0; i < n; i++ {
			for k := a.Off[i]; k < a.Off[i+1]; k++ {
				w := 1.0
				if weighted {
					w = a.W[k]
				}
				next[a.Adj[k]] += x[i] * w
			}
		}
		norm := 0.0
		for _, v := range next {
			norm = math.Hypot(norm, v)
		}
		if norm == 0 {
			norm = 1
		}
		diff := 0.0
		for i := range next {
			next[i] /= norm
			diff += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if diff < float64(n)*tol {
			return x, nil
		}
	}
	return x, fmt.Errorf("eigenvector: %w", ErrNoConvergence)
}

// Ranked is one node of a ranking.
type Ranked struct {
	Index int32 // compact index into the Adjacency
	Rank  int   // 1-based; equal scores share no rank (ties broken by key)
	Value float64
}

// Rank orders the nodes by descending value; values equal within a relative
// 1e-9 are tied and ordered by key(index) (for example the actor name, then
// ID). top > 0 keeps the first top.
func Rank(values []float64, key func(i int32) string, top int) []Ranked {
	idx := make([]int32, len(values))
	for i := range idx {
		idx[i] = int32(i)
	}
	keys := make([]string, len(values))
	for i := range keys {
		keys[i] = key(int32(i))
	}
	sort.SliceStable(idx, func(x, y int) bool {
		a, b := values[idx[x]], values[idx[y]]
		if !nearlyEqual(a, b) {
			return a > b
		}
		return keys[idx[x]] < keys[idx[y]]
	})
	if top > 0 && len(idx) > top {
		idx = idx[:top]
	}
	out := make([]Ranked, len(idx))
	for r, i := range idx {
		out[r] = Ranked{Index: i, Rank: r + 1, Value: values[i]}
	}
	return out
}

func nearlyEqual(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}
