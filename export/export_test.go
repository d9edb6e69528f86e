package export

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// fixture is a small graph with what trips writers: parallel events, a
// self-loop, a conflict edge, quotes, markup, a newline, a control
// character, non-Latin scripts, a year-only date and an undated event.
func fixture(multi bool) *MemGraph {
	nodes := []Node{
		{ID: "russia", Name: "Russia", Code: "RUS", Type: "country", Country: "RUS",
			Aliases: []string{"Russian Federation", "Moscow"}, EventsOut: 3, EventsIn: 1,
			FirstSeen: graph.Date{Year: 2016, Month: 3, Day: 1}, LastSeen: graph.Date{Year: 2016, Month: 10},
			Centrality: map[string]float64{"pagerank": 0.41, "betweenness": 2, "in-degree": 1}},
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: "country", Country: "PAK",
			Aliases: []string{"Islamic Republic of Pakistan"}, EventsOut: 1, EventsIn: 3,
			Centrality: map[string]float64{"pagerank": 0.3, "in-degree": 3},
			FirstSeen:  graph.Date{Year: 2016}, LastSeen: graph.Date{Year: 2016, Month: 10, Day: 4}},
		{ID: "ashfaq-kayani", Name: `Ashfaq "Kayani" <Pervez> & Co` + "\nline\x01", Code: "PAKMIL", Type: "person",
			Aliases: []string{"Kayani;General"}, EventsOut: 1},
		{ID: "москва", Name: "Москва 北京", Type: "place", EventsIn: 1},
	}
	agg := []Edge{
		{ID: "ashfaq-kayani>москва", Source: "ashfaq-kayani", Target: "москва", Label: "visit", Relations: []string{"visit"},
			CAMEO: "042", Quad: 1, Weight: 1, Goldstein: 1.9, Sign: 1},
		{ID: "pakistan>russia", Source: "pakistan", Target: "russia", Label: "accuse", Relations: []string{"accuse"},
			CAMEO: "112", Quad: 3, Weight: 1, Goldstein: -2, Sign: -1,
			First: graph.Date{Year: 2016, Month: 10, Day: 4}, Last: graph.Date{Year: 2016, Month: 10, Day: 4},
			Dates: []graph.Date{{Year: 2016, Month: 10, Day: 4}}, Docs: []string{"d2"}},
		{ID: "russia>pakistan", Source: "russia", Target: "pakistan", Label: "supply", Relations: []string{"military exercise", "supply"},
			CAMEO: "0711", Quad: 2, Weight: 2, Goldstein: 7.2, Sign: 1,
			First: graph.Date{Year: 2016}, Last: graph.Date{Year: 2016, Month: 9, Day: 24},
			Dates: []graph.Date{{Year: 2016}, {Year: 2016, Month: 9, Day: 24}}, Docs: []string{"d1", "d2"}},
		{ID: "russia>russia", Source: "russia", Target: "russia", Label: "praise", Relations: []string{"praise"},
			CAMEO: "051", Quad: 1, Weight: 1, Goldstein: 3.4, Sign: 1, Docs: []string{"d1"}},
	}
	if !multi {
		return &MemGraph{NodeList: nodes, EdgeList: agg}
	}
	ev := []Edge{
		agg[0], agg[1],
		{ID: "ev-supply", Source: "russia", Target: "pakistan", Label: "supply", Relations: []string{"supply"},
			CAMEO: "0711", Quad: 2, Weight: 1, Goldstein: 7.4, Sign: 1,
			First: graph.Date{Year: 2016}, Last: graph.Date{Year: 2016}, Docs: []string{"d1"},
			Modality: "actual", Sentence: "Russia will supply \"Mi-35\" helicopters\tto Pakistan.", SentenceIndex: 3,
			Start: 120, End: 170, Confidence: 0.9},
		{ID: "ev-exercise", Source: "russia", Target: "pakistan", Label: "military exercise", Relations: []string{"military exercise"},
			CAMEO: "0711", Quad: 2, Weight: 1, Goldstein: 7, Sign: 1,
			First: graph.Date{Year: 2016, Month: 9, Day: 24}, Last: graph.Date{Year: 2016, Month: 9, Day: 24},
			Docs: []string{"d2"}, Negated: true, Modality: "planned", Sentence: "They held\na joint drill.", Confidence: 0.75},
		agg[3],
	}
	for i := range ev {
		if ev[i].Sentence == "" {
			ev[i].Sentence = "s"
		}
	}
	return &MemGraph{NodeList: nodes, EdgeList: ev}
}

// writeAll runs every part of format f into a map of file name to content.
func writeAll(t testing.TB, f Format, g Graph, opts Options) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range f.Parts {
		var buf bytes.Buffer
		if err := p.Write(&buf, g, opts); err != nil {
			t.Fatalf("%s %s: %v", f.Name, p.Name, err)
		}
		out[p.Name] = buf.Bytes()
	}
	return out
}

func goldenName(f Format, part string, multi bool) string {
	name := f.Name
	if multi {
		name += "-multi"
	}
	if part != "" {
		name += "-" + part
	}
	return name + ".golden"
}

func TestGolden(t *testing.T) {
	for _, multi := range []bool{false, true} {
		for _, f := range Formats {
			opts := Options{Name: "fixture", Multi: multi}
			for name, got := range writeAll(t, f, fixture(multi), opts) {
				path := filepath.Join("testdata", goldenName(f, name, multi))
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./export -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from golden file; run go test ./export -update and review the diff\ngot:\n%s", path, got)
				}
			}
		}
	}
}

// TestDeterministic writes twice from nodes given in different orders.
func TestDeterministic(t *testing.T) {
	g1 := fixture(true)
	g2 := fixture(true)
	for i, j := 0, len(g2.NodeList)-1; i < j; i, j = i+1, j-1 {
		g2.NodeList[i], g2.NodeList[j] = g2.NodeList[j], g2.NodeList[i]
	}
	for _, f := range Formats {
		a := writeAll(t, f, g1, Options{Multi: true})
		b := writeAll(t, f, g2, Options{Multi: true})
		for name := range a {
			if !bytes.Equal(a[name], b[name]) {
				t.Errorf("%s %s: output depends on node order", f.Name, name)
			}
		}
	}
}

func TestRejectsBadGraphs(t *testing.T) {
	base := func() *MemGraph { return fixture(false) }
	tests := []struct {
		name   string
		mutate func(*MemGraph)
		want   string
	}{
		{"zero weight", func(s *MemGraph) { s.EdgeList[0].Weight = 0 }, "weight"},
		{"negative weight", func(s *MemGraph) { s.EdgeList[0].Weight = -2 }, "weight"},
		{"dangling target", func(s *MemGraph) { s.EdgeList[1].Target = "nowhere" }, "unknown target"},
		{"empty source", func(s *MemGraph) { s.EdgeList[1].Source = "" }, "unknown source"},
		{"empty edge id", func(s *MemGraph) { s.EdgeList[2].ID = "" }, "empty id"},
		{"duplicate node", func(s *MemGraph) { s.NodeList = append(s.NodeList, s.NodeList[0]) }, "duplicate node id"},
		{"empty node id", func(s *MemGraph) { s.NodeList[1].ID = "" }, "empty id"},
	}
	for _, tt := range tests {
		for _, f := range Formats {
			g := base()
			tt.mutate(g)
			var err error
			for _, p := range f.Parts {
				if p.Name == DgraphSchemaFile {
					continue // the schema depends on columns only
				}
				var buf bytes.Buffer
				if e := p.Write(&buf, g, Options{}); e != nil && err == nil {
					err = e
				}
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s/%s: err = %v, want it to mention %q", tt.name, f.Name, err, tt.want)
			}
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a\x00b\x1fc\x7f", "abc\x7f"},
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"non\uFFFEchar\uFFFF", "nonchar"},
		{"Москва 北京 🚀", "Москва 北京 🚀"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpells(t *testing.T) {
	d := func(y, m, dd int) graph.Date { return graph.Date{Year: y, Month: m, Day: dd} }
	got := spells([]graph.Date{d(2016, 9, 24), {}, d(2016, 0, 0), d(2017, 2, 0), d(2017, 2, 10), d(2018, 1, 1)})
	want := []interval{{d(2016, 1, 1), d(2016, 12, 31)}, {d(2017, 2, 1), d(2017, 2, 28)}, {d(2018, 1, 1), d(2018, 1, 1)}}
	if len(got) != len(want) {
		t.Fatalf("spells = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("spell %d = %v, want %v", i, got[i], want[i])
		}
	}
	if got := d(2016, 2, 0).LastDay(); got != d(2016, 2, 29) {
		t.Errorf("LastDay(2016-02) = %v, want leap day", got)
	}
}

func TestAttrName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"pagerank", "pagerank"},
		{"Page Rank", "page_rank"},
		{"weight", "data_weight"},
		{"Label", "data_label"},
		{"3core", "data_3core"},
		{"", "value"},
	}
	for _, tt := range tests {
		if got := attrName(tt.in); got != tt.want {
			t.Errorf("attrName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{"out.graphml", "graphml"}, {"x/y.GEXF", "gexf"}, {"g.gv", "dot"}, {"g.json", "json"}, {"g.rdf", "nquads"},
	} {
		f, err := ForPath(tt.path)
		if err != nil || f.Name != tt.want {
			t.Errorf("ForPath(%q) = %q, %v; want %q", tt.path, f.Name, err, tt.want)
		}
	}
	if _, err := ForPath("out.txt"); err == nil {
		t.Error("ForPath(out.txt) should fail")
	}
	if _, err := Lookup("pajek"); err == nil {
		t.Error("Lookup(pajek) should fail")
	}
	for _, n := range FormatNames() {
		if _, err := Lookup(n); err != nil {
			t.Errorf("Lookup(%q): %v", n, err)
		}
	}
}

// tool returns the path of an external program, skipping the test when it
// is missing, except under CI where the tools are installed and a missing
// one is a failure.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found; CI installs it (graphviz, python3-networkx, libxml2-utils)", name)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// TestEmptyGraph: a filter that keeps nothing still gives valid files.
func TestEmptyGraph(t *testing.T) {
	for _, f := range Formats {
		out := writeAll(t, f, &MemGraph{}, Options{})
		switch f.Name {
		case "graphml", "gexf":
			xmlElements(t, out[""])
		case "dot":
			checkDOT(t, out[""], 0, 0)
		case "json":
			if !json.Valid(out[""]) {
				t.Errorf("invalid JSON %s", out[""])
			}
		case "neo4j":
			checkNeo4j(t, &MemGraph{}, out[Neo4jNodesFile], out[Neo4jRelationshipsFile])
		case "nquads":
			checkNQuads(t, out[NQuadsFile])
		}
	}
}
