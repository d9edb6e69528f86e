package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
)

func testView(t *testing.T) *view.View {
	t.Helper()
	actors := []graph.Actor{
		{ID: "china", Name: "China", Code: "CHN", Type: graph.Country},
		{ID: "india", Name: "India", Code: "IND", Type: graph.Country},
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Aliases: []string{"Islamabad"}},
		{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country},
		{ID: "usa", Name: "United States", Code: "USA", Type: graph.Country},
	}
	d := func(y, m, dd int) graph.Date { return graph.Date{Year: y, Month: m, Day: dd} }
	ev := func(id, src, rel, code string, quad int, g float64, dt graph.Date, doc string) graph.Event {
		return graph.Event{ID: id, Source: src, Target: "", Relation: rel, CAMEO: code, QuadClass: quad,
			Goldstein: g, Date: dt, DocID: doc, Modality: graph.Actual, Sentence: "s " + id}
	}
	events := []graph.Event{
		ev("e1", "russia", "supply", "0711", 2, 7.4, d(2016, 9, 24), "d1"),
		ev("e2", "russia", "supply", "0711", 2, 7.4, d(2016, 10, 1), "d2"),
		ev("e3", "russia", "accuse", "112", 3, -2, graph.Date{Year: 2016}, "d2"),
		ev("e4", "pakistan", "praise", "051", 1, 3.4, graph.Date{}, "d1"),
		ev("e5", "russia", "praise", "051", 1, 3.4, d(2016, 1, 1), "d3"),
		ev("e6", "india", "accuse", "112", 3, -2, d(2016, 5, 5), "d3"),
		ev("e7", "china", "meet", "040", 1, 1, d(2016, 6, 6), "d3"),
	}
	targets := []string{"pakistan", "pakistan", "pakistan", "russia", "russia", "pakistan", "usa"}
	for i := range events {
		events[i].Target = targets[i]
	}
	events[6].Symmetric = true
	return view.NewView(actors, events, graph.Filter{})
}

func collect(t *testing.T, g Graph) []Edge {
	t.Helper()
	var out []Edge
	if err := g.Edges(func(e Edge) error { out = append(out, e); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFromViewAggregated(t *testing.T) {
	v := testView(t)
	g := FromView(v, ViewOptions{})
	if got := len(g.Nodes()); got != 5 {
		t.Fatalf("%d nodes, want 5", got)
	}
	edges := collect(t, g)
	byID := map[string]Edge{}
	var ids []string
	for _, e := range edges {
		byID[e.ID] = e
		ids = append(ids, e.ID)
	}
	// The symmetric meeting gives china->usa and usa->china; the self-loop
	// russia->russia is kept.
	want := "china->usa india->pakistan pakistan->russia russia->pakistan russia->russia usa->china"
	if got := strings.Join(ids, " "); got != want {
		t.Fatalf("edges %s\nwant  %s", got, want)
	}
	rp := byID["russia->pakistan"]
	if rp.Weight != 3 || rp.Label != "supply" || rp.CAMEO != "0711" || rp.Quad != 2 || rp.Sign != 1 ||
		strings.Join(rp.Relations, ",") != "accuse,supply" || strings.Join(rp.Docs, ",") != "d1,d2" ||
		len(rp.Dates) != 3 || rp.First != (graph.Date{Year: 2016}) || rp.Last != (graph.Date{Year: 2016, Month: 10, Day: 1}) {
		t.Errorf("russia->pakistan = %+v", rp)
	}
	if want := (7.4 + 7.4 - 2) / 3; rp.Goldstein < want-1e-9 || rp.Goldstein > want+1e-9 {
		t.Errorf("goldstein %v, want %v", rp.Goldstein, want)
	}
	if loop := byID["russia->russia"]; loop.Weight != 1 || loop.Label != "praise" || loop.Sign != 1 {
		t.Errorf("self-loop = %+v", loop)
	}
	var pak Node
	for _, n := range g.Nodes() {
		if n.ID == "pakistan" {
			pak = n
		}
	}
	// pakistan is last seen 2016-10-01, but its 2016 accusation lasts the
	// whole year; its time span must cover it.
	if iv, ok := nodeSpan(&pak); !ok || iv.end != (graph.Date{Year: 2016, Month: 12, Day: 31}) {
		t.Errorf("pakistan span %v, want to end 2016-12-31", iv)
	}
	if pak.EventsIn != 3+1 || pak.EventsOut != 1 || pak.Aliases[0] != "Islamabad" || pak.Label != "Pakistan" {
		t.Errorf("pakistan node = %+v", pak)
	}
	// Every format accepts the adapted graph.
	for _, f := range Formats {
		writeAll(t, f, g, Options{})
	}
}

func TestFromViewMulti(t *testing.T) {
	v := testView(t)
	g := FromView(v, ViewOptions{Multi: true})
	edges := collect(t, g)
	if len(edges) != 7 {
		t.Fatalf("%d edges, want one per event (7)", len(edges))
	}
	var order []string
	for _, e := range edges {
		order = append(order, e.ID)
		if e.Weight != 1 || e.Sentence == "" {
			t.Errorf("event edge %+v", e)
		}
	}
	// Sorted by source, target, then date: e3 (2016) before e1 (2016-09-24).
	if got, want := strings.Join(order, " "), "e7 e6 e4 e3 e1 e2 e5"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
	var buf bytes.Buffer
	if err := WriteGraphML(&buf, g, Options{Multi: true}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(buf.String(), "<edge "); got != 7 {
		t.Errorf("graphml has %d edges", got)
	}
}

func TestCentralityAttributes(t *testing.T) {
	v := testView(t)
	pak, _ := v.NodeOf("pakistan")
	c := map[string]map[int64]float64{"pagerank": {pak: 0.25}, "degree": {pak: 0.75}, "betweenness": {pak: 1}}
	g := FromView(v, ViewOptions{Centrality: c})
	var buf bytes.Buffer
	if err := WriteGraphML(&buf, g, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"n_centrality_pagerank", "n_centrality_betweenness", "n_centrality_degree"} {
		if !strings.Contains(buf.String(), `<key id="`+k+`"`) {
			t.Errorf("graphml lacks key %s", k)
		}
	}
	if !strings.Contains(buf.String(), `<data key="n_centrality_degree">0.75</data>`) {
		t.Errorf("graphml lacks pakistan's degree centrality:\n%s", buf.String())
	}
}
