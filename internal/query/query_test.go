package query

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
)

// ev is one hand-written event: src → dst with a CAMEO code, Goldstein
// score and date.
type ev struct {
	src, dst, code string
	gold           float64
	date           string
	sym            bool
}

func buildView(t testing.TB, evs []ev) *view.View {
	t.Helper()
	seen := map[string]bool{}
	var actors []graph.Actor
	var events []graph.Event
	for i, e := range evs {
		for _, a := range []string{e.src, e.dst} {
			if !seen[a] {
				seen[a] = true
				actors = append(actors, graph.Actor{ID: a, Name: strings.ToUpper(a[:1]) + a[1:], Type: graph.Country})
			}
		}
		d, err := graph.ParseDate(e.date)
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, graph.Event{
			ID: fmt.Sprintf("e%02d", i), Source: e.src, Target: e.dst, Relation: "rel" + e.code, CAMEO: e.code,
			Goldstein: e.gold, Date: d, Symmetric: e.sym, DocID: "doc", Sentence: fmt.Sprintf("sentence %d", i),
			Modality: graph.Actual,
		})
	}
	return view.NewView(actors, events, graph.Filter{})
}

func node(t testing.TB, v *view.View, id string) int64 {
	t.Helper()
	n, ok := v.NodeOf(id)
	if !ok {
		t.Fatalf("no node %s", id)
	}
	return n
}

func names(v *view.View, p Path) string {
	var s []string
	for _, n := range p.Nodes {
		s = append(s, v.Actor(int64(n)).ID)
	}
	return strings.Join(s, ">")
}

// newsEvents: Russia and India cooperate, India and Pakistan quarrel,
// Russia reaches Pakistan directly only through one visit.
func newsEvents() []ev {
	return []ev{
		{"russia", "india", "057", 8, "2012-01-05", true},
		{"russia", "india", "061", 6.4, "2012-03-01", false},
		{"india", "pakistan", "112", -2, "2012-02-01", false},
		{"india", "pakistan", "111", -2, "2013-05-01", false},
		{"pakistan", "india", "112", -2, "2013-06-01", false},
		{"china", "pakistan", "057", 8, "2012-10-01", true},
		{"russia", "china", "036", 4, "2012-11-01", false},
		{"united-states", "pakistan", "190", -10, "2014-01-01", false},
		{"united-states", "india", "042", 1.9, "2014-02-01", false},
		{"russia", "pakistan", "042", 1.9, "2015-01-01", false},
	}
}

func TestPaths(t *testing.T) {
	v := buildView(t, newsEvents())
	a := NewAdjacency(v)
	u := a.Undirect()
	rus, pak, ind, usa := node(t, v, "russia"), node(t, v, "pakistan"), node(t, v, "india"), node(t, v, "united-states")

	if p, ok := ShortestPath(a, int32(rus), int32(pak), false, nil); !ok || names(v, p) != "russia>pakistan" {
		t.Errorf("shortest russia>pakistan = %v %v", names(v, p), ok)
	}
	// Directed, Pakistan cannot reach the United States; undirected it can.
	if _, ok := ShortestPath(a, int32(pak), int32(usa), false, nil); ok {
		t.Errorf("directed path pakistan>united-states should not exist")
	}
	if p, ok := ShortestPath(u, int32(pak), int32(usa), false, nil); !ok || p.Hops() != 1 {
		t.Errorf("undirected pakistan-united-states = %v", names(v, p))
	}
	// Weighted: Russia–India has 3 events (cost 1/3 each way), so
	// Russia>India>Pakistan (1/3 + 1/2) beats the direct single event (1).
	if p, ok := ShortestPath(a, int32(rus), int32(pak), true, nil); !ok || names(v, p) != "russia>india>pakistan" || math.Abs(p.Cost-(1.0/2+1.0/2)) > 1e-12 {
		t.Errorf("weighted russia>pakistan = %s cost %v", names(v, p), p.Cost)
	}
	ks := KShortestPaths(a, int32(rus), int32(pak), 5, false, nil)
	var got []string
	for _, p := range ks {
		got = append(got, names(v, p))
	}
	want := []string{"russia>pakistan", "russia>china>pakistan", "russia>india>pakistan"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("k shortest = %v, want %v", got, want)
	}
	sp := SimplePaths(u, int32(rus), int32(pak), 3, 100, false, nil)
	if len(sp) == 0 || sp[0].Hops() != 1 {
		t.Fatalf("simple paths = %v", sp)
	}
	for _, p := range sp {
		if p.Hops() > 3 || hasRepeat(p.Nodes) {
			t.Errorf("bad simple path %s", names(v, p))
		}
	}
	// Brute force: count undirected simple paths of ≤3 hops.
	if n := bruteSimple(u, int32(rus), int32(pak), 3); n != len(sp) {
		t.Errorf("simple paths = %d, brute force %d", len(sp), n)
	}
	if lim := SimplePaths(u, int32(rus), int32(pak), 3, 2, false, nil); len(lim) != 2 {
		t.Errorf("limit 2 gave %d paths", len(lim))
	}
	via, ok := ViaPath(u, int32(rus), int32(usa), int32(pak), false, nil)
	if !ok || hasRepeat(via.Nodes) || !strings.Contains(names(v, via), "united-states") {
		t.Errorf("via united-states = %s, %v", names(v, via), ok)
	}
	if _, ok := ViaPath(a, int32(ind), int32(usa), int32(pak), false, nil); ok {
		t.Errorf("directed india>usa>pakistan should not exist")
	}
	hops := PathHops(v, Path{Nodes: []int32{int32(rus), int32(ind)}}, true)
	if len(hops) != 1 || hops[0].Count() != 2 || hops[0].Forward != 2 || hops[0].Backward != 1 {
		t.Errorf("russia–india hop = %+v", hops)
	}
}

func hasRepeat(ns []int32) bool {
	seen := map[int32]bool{}
	for _, n := range ns {
		if seen[n] {
			return true
		}
		seen[n] = true
	}
	return false
}

func bruteSimple(a *Adjacency, s, t int32, maxHops int) int {
	var count func(v int32, seen map[int32]bool, h int) int
	count = func(v int32, seen map[int32]bool, h int) int {
		if v == t {
			return 1
		}
		if h == maxHops {
			return 0
		}
		n := 0
		for _, w := range a.Adj[a.Off[v]:a.Off[v+1]] {
			if !seen[w] {
				seen[w] = true
				n += count(w, seen, h+1)
				delete(seen, w)
			}
		}
		return n
	}
	return count(s, map[int32]bool{s: true}, 0)
}

func TestLink(t *testing.T) {
	// Without the direct Russia–Pakistan visit, India is one of two brokers.
	v := buildView(t, newsEvents()[:9])
	a := NewAdjacency(v).Undirect()
	rus, pak, ind := node(t, v, "russia"), node(t, v, "pakistan"), node(t, v, "india")
	r := Link(v, a, ind, rus, pak, false)
	if r.XA.Count() != 2 || r.XB.Count() != 3 || r.XA.Sign != 1 || r.XB.Sign != -1 {
		t.Errorf("relations: XA %d sign %d, XB %d sign %d", r.XA.Count(), r.XA.Sign, r.XB.Count(), r.XB.Sign)
	}
	if r.Paths != 2 || r.ViaX != 1 || r.Share != 0.5 {
		t.Errorf("share: %v of %v = %v, want 1 of 2", r.ViaX, r.Paths, r.Share)
	}
	if !r.ThroughOK || names(v, r.Through) != "russia>india>pakistan" {
		t.Errorf("through = %s", names(v, r.Through))
	}
	if !r.AvoidingOK || names(v, r.Avoiding) != "russia>china>pakistan" {
		t.Errorf("avoiding = %s", names(v, r.Avoiding))
	}
	for _, s := range []string{"India has 2 events with Russia (cooperative", "3 events with Pakistan (conflictual",
		"2 hops apart", "lies on 1 of 2 shortest Russia–Pakistan paths (50%)"} {
		if !strings.Contains(r.Summary, s) {
			t.Errorf("summary lacks %q:\n%s", s, r.Summary)
		}
	}
	// Remove China's link: India becomes the only broker.
	v2 := buildView(t, append(newsEvents()[:5], newsEvents()[7:9]...))
	a2 := NewAdjacency(v2).Undirect()
	r2 := Link(v2, a2, node(t, v2, "india"), node(t, v2, "russia"), node(t, v2, "pakistan"), false)
	if r2.Share != 1 || r2.AvoidingOK || !strings.Contains(r2.Summary, "without India they are not connected at all") {
		t.Errorf("sole broker: share %v avoiding %v: %s", r2.Share, r2.AvoidingOK, r2.Summary)
	}
}

func TestNeighbors(t *testing.T) {
	v := buildView(t, newsEvents())
	a := NewAdjacency(v).Undirect()
	ns := Neighbors(v, a, node(t, v, "pakistan"), 1)
	var got []string
	for _, n := range ns {
		got = append(got, fmt.Sprintf("%s:%d:%d", v.Actor(n.Node).ID, n.Depth, n.Relation.Count()))
	}
	want := []string{"india:1:3", "china:1:1", "russia:1:1", "united-states:1:1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("depth 1 = %v, want %v", got, want)
	}
	// Following direction: Pakistan→China (symmetric), Pakistan→India, then
	// India→Russia (symmetric) at depth 2; the United States is never reached.
	var dir []string
	for _, n := range Neighbors(v, NewAdjacency(v), node(t, v, "pakistan"), 2) {
		dir = append(dir, fmt.Sprintf("%s:%d:%s", v.Actor(n.Node).ID, n.Depth, v.Actor(n.Via).ID))
	}
	if want := []string{"china:1:pakistan", "india:1:pakistan", "russia:2:india"}; !reflect.DeepEqual(dir, want) {
		t.Errorf("directed ego = %v, want %v", dir, want)
	}
}

func TestLouvain(t *testing.T) {
	var evs []ev
	clique := func(names ...string) {
		for i := range names {
			for j := i + 1; j < len(names); j++ {
				evs = append(evs, ev{names[i], names[j], "042", 1.9, "2012", true})
			}
		}
	}
	clique("a1", "a2", "a3", "a4")
	clique("b1", "b2", "b3", "b4")
	evs = append(evs, ev{"a1", "b1", "111", -2, "2012", false})
	v := buildView(t, evs)
	a := NewAdjacency(v)
	c := Louvain(a, 1, 1)
	if len(c.Groups) != 2 || len(c.Groups[0]) != 4 || c.Q < 0.3 {
		t.Fatalf("louvain = %+v", c)
	}
	again := Louvain(a, 1, 1)
	if !reflect.DeepEqual(c, again) {
		t.Errorf("louvain not repeatable")
	}
	s, err := SignedLouvain(v, 1, 1)
	if err != nil || len(s.Groups) != 2 {
		t.Errorf("signed louvain = %+v, %v", s, err)
	}
	if s.Q < -1 || s.Q > 1 {
		t.Errorf("signed modularity %v outside [-1, 1]", s.Q)
	}
	if want := signedQ(v, s.Groups); math.Abs(s.Q-want) > 1e-9 {
		t.Errorf("signed modularity %v, the formula gives %v", s.Q, want)
	}
	// Conflict inside a cooperative block splits it in the signed run.
	evs2 := []ev{{"x", "y", "042", 5, "2012", true}, {"y", "z", "042", 5, "2012", true}, {"x", "z", "190", -10, "2012", false},
		{"x", "w", "042", 5, "2012", true}, {"z", "q", "042", 5, "2012", true}}
	s2, err := SignedLouvain(buildView(t, evs2), 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range s2.Groups {
		ids := map[int32]bool{}
		for _, n := range g {
			ids[n] = true
		}
		v2 := buildView(t, evs2)
		x, _ := v2.NodeOf("x")
		z, _ := v2.NodeOf("z")
		if ids[int32(x)] && ids[int32(z)] {
			t.Errorf("x and z (in conflict) share a signed community: %+v", s2)
		}
	}
}

func TestTimeline(t *testing.T) {
	v := buildView(t, newsEvents())
	ps, undated, err := Timeline(v, node(t, v, "pakistan"), node(t, v, "india"), "year")
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(ps)
	if len(ps) != 2 || ps[0].Period != "2012" || ps[0].Conflict != 1 || ps[1].Events != 2 || undated != 0 {
		t.Errorf("timeline = %s", got)
	}
	ps, _, _ = Timeline(v, node(t, v, "russia"), node(t, v, "india"), "month")
	if len(ps) != 3 || ps[1].Events != 0 || ps[0].Cooperation != 1 || ps[2].Goldstein != 6.4 {
		t.Errorf("monthly timeline with gap = %v", ps)
	}
	if _, _, err := Timeline(v, 0, 1, "week"); err == nil {
		t.Error("week should be rejected")
	}
	if s := Sparkline([]float64{0, 1, 2, 7}); s != "▁▂▃█" {
		t.Errorf("sparkline = %q", s)
	}
	if s := Sparkline([]float64{2, math.NaN(), -2}); s != "█ ▁" {
		t.Errorf("sparkline with a gap = %q", s)
	}
	if s := Sparkline([]float64{3, 3}); s != "██" {
		t.Errorf("flat sparkline = %q", s)
	}
	var b strings.Builder
	if err := WriteTimelinePlot(&b, ps, "Russia–India", "svg"); err != nil || !strings.Contains(b.String(), "<svg") {
		t.Errorf("svg plot: %v", err)
	}
}

func TestBalance(t *testing.T) {
	evs := []ev{
		// a, b, c: all friends (+++), balanced.
		{"a", "b", "042", 2, "2012", false}, {"b", "c", "042", 2, "2012", false}, {"a", "c", "042", 2, "2012", false},
		// c, d, e: c–d friends, d–e friends, c–e enemies (++-), unbalanced.
		{"c", "d", "042", 2, "2012", false}, {"d", "e", "057", 8, "2012", false}, {"e", "c", "190", -10, "2012", false},
		{"e", "c", "190", -10, "2013", false},
		// a, b, f: a–f and b–f enemies, a–b friends (+--), balanced.
		{"a", "f", "111", -2, "2012", false}, {"f", "b", "111", -2, "2012", false},
		// neutral triangle g, h, a? g–h neutral.
		{"g", "h", "010", 0, "2012", false}, {"h", "a", "042", 2, "2012", false}, {"g", "a", "042", 2, "2012", false},
	}
	v := buildView(t, evs)
	c, bad := Balance(v, 10)
	want := Census{PPP: 1, PPN: 1, PNN: 1, Balanced: 2, Unbalanced: 1, Ratio: 2.0 / 3, Neutral: 1}
	if c != want {
		t.Errorf("census = %+v, want %+v", c, want)
	}
	if len(bad) != 1 || bad[0].Events != 4 || bad[0].Balanced {
		t.Fatalf("unbalanced = %+v", bad)
	}
	var ids []string
	for _, n := range bad[0].Nodes {
		ids = append(ids, v.Actor(n).ID)
	}
	if strings.Join(ids, ",") != "c,d,e" {
		t.Errorf("unbalanced triad = %v", ids)
	}
}

// signedQ is Gómez, Jensen and Arenas's signed modularity (Phys. Rev. E 80,
// 016114, 2009), term by term over all pairs, as a reference:
// Q = 1/(2w⁺+2w⁻) Σ_ij [w_ij − (w⁺_i w⁺_j / 2w⁺ − w⁻_i w⁻_j / 2w⁻)] δ(c_i, c_j).
func signedQ(v *view.View, groups [][]int32) float64 {
	n := v.Len()
	wp := make([][]float64, n)
	wn := make([][]float64, n)
	for i := range wp {
		wp[i], wn[i] = make([]float64, n), make([]float64, n)
	}
	for _, e := range SignedEdges(v) {
		switch e.Sign {
		case 1:
			wp[e.U][e.W] += float64(e.Events)
			wp[e.W][e.U] += float64(e.Events)
		case -1:
			wn[e.U][e.W] += float64(e.Events)
			wn[e.W][e.U] += float64(e.Events)
		}
	}
	comm := make([]int, n)
	for c, g := range groups {
		for _, x := range g {
			comm[x] = c
		}
	}
	kp, kn := make([]float64, n), make([]float64, n)
	var twoP, twoN float64
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			kp[i] += wp[i][j]
			kn[i] += wn[i][j]
		}
		twoP += kp[i]
		twoN += kn[i]
	}
	q := 0.0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if comm[i] != comm[j] {
				continue
			}
			x := wp[i][j] - wn[i][j]
			if twoP > 0 {
				x -= kp[i] * kp[j] / twoP
			}
			if twoN > 0 {
				x += kn[i] * kn[j] / twoN
			}
			q += x
		}
	}
	return q / (twoP + twoN)
}

// TestTimelinePlotAxes: the plot says what it draws. Counts and mean
// Goldstein scores have axes of their own (the score from -10 to +10),
// the period axis is labelled at most a dozen times however long the
// series, and a period without events breaks the score's line.
func TestTimelinePlotAxes(t *testing.T) {
	var ps []Period
	for y := 1950; y < 2020; y++ {
		p := Period{Period: fmt.Sprint(y)}
		if y%10 == 0 || y == 2011 {
			p.Events, p.Cooperation, p.Goldstein = 2, 2, 3
		}
		ps = append(ps, p)
	}
	var b strings.Builder
	if err := WriteTimelinePlot(&b, ps, "A – B", "svg"); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	for _, want := range []string{">events<", ">mean Goldstein<", ">+10<", ">-10<", ">cooperation (quad classes 1-2)<", ">conflict (quad classes 3-4)<"} {
		if !strings.Contains(svg, want) {
			t.Errorf("plot lacks %s", want)
		}
	}
	labels := 0
	for y := 1950; y < 2020; y++ {
		if strings.Contains(svg, fmt.Sprintf(">%d<", y)) {
			labels++
		}
	}
	if labels == 0 || labels > 12 {
		t.Errorf("%d period labels, want 1 to 12", labels)
	}
}

// TestOneShortestPath holds the single-search path that k = 1 takes to
// Yen's: a path of the same cost, or none when Yen finds none, on seeded
// graphs, weighted or not, directed or not.
func TestOneShortestPath(t *testing.T) {
	for _, n := range []int{200, 1000, 3000} {
		a := NewAdjacency(syntheticView(n))
		for _, undirected := range []bool{false, true} {
			adj := a
			if undirected {
				adj = a.Undirect()
			}
			for _, weighted := range []bool{false, true} {
				for s := int32(0); s < 12; s++ {
					dst := int32(adj.Len()) - 1 - s*3
					one := kShortest(adj, s, dst, 1, weighted, nil)
					two := kShortest(adj, s, dst, 2, weighted, nil)
					if len(one) == 0 || len(two) == 0 {
						if len(one) != len(two) {
							t.Errorf("n=%d %d→%d: one search finds %d paths, Yen %d", n, s, dst, len(one), len(two))
						}
						continue
					}
					if math.Abs(one[0].Cost-two[0].Cost) > 1e-9 || one[0].Nodes[0] != s || one[0].Nodes[len(one[0].Nodes)-1] != dst {
						t.Errorf("n=%d %d→%d weighted=%v: one search %+v, Yen %+v", n, s, dst, weighted, one[0], two[0])
					}
				}
			}
		}
	}
}
