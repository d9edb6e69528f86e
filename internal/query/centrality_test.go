package query

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

type fixtureGraph struct {
	Name     string               `json:"name"`
	Nodes    []int64              `json:"nodes"`
	Labels   []string             `json:"labels"`
	Edges    [][3]float64         `json:"edges"`
	Expected map[string][]float64 `json:"expected"`
}

func loadFixtures(t testing.TB) []fixtureGraph {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "networkx_fixtures.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Graphs []fixtureGraph `json:"graphs"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Graphs) < 6 {
		t.Fatalf("fixtures hold %d graphs, want at least 6", len(f.Graphs))
	}
	return f.Graphs
}

func (fg fixtureGraph) gonum() *simple.WeightedDirectedGraph {
	g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for _, n := range fg.Nodes {
		g.AddNode(simple.Node(n))
	}
	for _, e := range fg.Edges {
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(e[0])), T: simple.Node(int64(e[1])), W: e[2]})
	}
	return g
}

func closeTo(got, want float64) bool {
	return math.Abs(got-want) <= 1e-6*math.Max(1, math.Abs(want))
}

func TestCentralityMatchesNetworkx(t *testing.T) {
	for _, fg := range loadFixtures(t) {
		a := NewAdjacency(fg.gonum())
		measures := map[string]func() ([]float64, error){
			"degree":               func() ([]float64, error) { return DegreeCentrality(a, Degree, false), nil },
			"in":                   func() ([]float64, error) { return DegreeCentrality(a, InDegree, false), nil },
			"out":                  func() ([]float64, error) { return DegreeCentrality(a, OutDegree, false), nil },
			"degree_weighted":      func() ([]float64, error) { return DegreeCentrality(a, Degree, true), nil },
			"in_weighted":          func() ([]float64, error) { return DegreeCentrality(a, InDegree, true), nil },
			"out_weighted":         func() ([]float64, error) { return DegreeCentrality(a, OutDegree, true), nil },
			"betweenness":          func() ([]float64, error) { return BetweennessCentrality(a, false), nil },
			"betweenness_weighted": func() ([]float64, error) { return BetweennessCentrality(a, true), nil },
			"betweenness_undirected": func() ([]float64, error) {
				return BetweennessCentrality(a.Undirect(), false), nil
			},
			"closeness":          func() ([]float64, error) { return ClosenessCentrality(a, false), nil },
			"closeness_weighted": func() ([]float64, error) { return ClosenessCentrality(a, true), nil },
			"harmonic":           func() ([]float64, error) { return HarmonicCentrality(a, false), nil },
			"harmonic_weighted":  func() ([]float64, error) { return HarmonicCentrality(a, true), nil },
			"pagerank":           func() ([]float64, error) { return PageRankCentrality(a, 0.85, 1e-6) },
			"hits_hub": func() ([]float64, error) {
				h, _, err := HITSCentrality(a, 1e-12)
				return h, err
			},
			"hits_authority": func() ([]float64, error) {
				_, au, err := HITSCentrality(a, 1e-12)
				return au, err
			},
			"eigenvector":          func() ([]float64, error) { return EigenvectorCentrality(a, false, 1e-6) },
			"eigenvector_weighted": func() ([]float64, error) { return EigenvectorCentrality(a, true, 1e-6) },
		}
		var names []string
		for k := range fg.Expected {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, m := range names {
			want := fg.Expected[m]
			fn, ok := measures[m]
			if !ok {
				t.Errorf("%s: fixture measure %q has no test", fg.Name, m)
				continue
			}
			got, err := fn()
			if err != nil {
				t.Errorf("%s/%s: %v", fg.Name, m, err)
				continue
			}
			for i := range want {
				if !closeTo(got[i], want[i]) {
					t.Errorf("%s/%s: node %d = %.9g, networkx %.9g", fg.Name, m, fg.Nodes[i], got[i], want[i])
				}
			}
		}
	}
}

// TestBetweennessMatchesGonum cross-checks the CSR Brandes with gonum's own
// implementation on seeded random graphs.
func TestBetweennessMatchesGonum(t *testing.T) {
	for _, size := range []struct{ n, m int }{{30, 60}, {200, 800}, {300, 3000}} {
		g := randomGraph(size.n, size.m, 7)
		want := network.Betweenness(g)
		got := BetweennessCentrality(NewAdjacency(g), false)
		for i := 0; i < size.n; i++ {
			if !closeTo(got[i], want[int64(i)]) {
				t.Fatalf("n=%d: node %d = %v, gonum %v", size.n, i, got[i], want[int64(i)])
			}
		}
	}
}

func TestRankTies(t *testing.T) {
	vals := []float64{1, 3, 3 + 1e-13, 0.5, 3}
	names := []string{"e", "c", "b", "a", "d"}
	got := Rank(vals, func(i int32) string { return names[i] }, 0)
	var order []string
	for _, r := range got {
		order = append(order, names[r.Index])
	}
	want := []string{"b", "c", "d", "e", "a"}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("rank order %v, want %v", order, want)
		}
	}
	if top := Rank(vals, func(i int32) string { return names[i] }, 2); len(top) != 2 || top[1].Rank != 2 {
		t.Errorf("top 2 = %v", top)
	}
}
