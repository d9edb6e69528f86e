package view

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	gonumgraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/testgraph"
)

func testActors() []graph.Actor {
	return []graph.Actor{
		{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country, Aliases: []string{"Moscow", "Kremlin"}},
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Aliases: []string{"Islamabad"}},
		{ID: "india", Name: "India", Code: "IND", Type: graph.Country, Aliases: []string{"New Delhi"}},
		{ID: "vladimir-putin", Name: "Vladimir Putin", Code: "RUSGOV", Type: graph.Person, Aliases: []string{"Putin"}},
		{ID: "united-states", Name: "United States", Code: "USA", Type: graph.Country, Aliases: []string{"U.S.", "Washington"}},
	}
}

func ev(id, src, dst, code string, g float64, date string, opts ...func(*graph.Event)) graph.Event {
	d, err := graph.ParseDate(date)
	if err != nil {
		panic(err)
	}
	e := graph.Event{ID: id, Source: src, Target: dst, Relation: "rel" + code, CAMEO: code, Goldstein: g, Date: d,
		DocID: "doc-" + id[:1], Modality: graph.Actual}
	for _, o := range opts {
		o(&e)
	}
	return e
}

func symmetric(e *graph.Event) { e.Symmetric = true }
func negated(e *graph.Event)   { e.Negated = true }
func hypo(e *graph.Event)      { e.Modality = graph.Hypothetical }

func testEvents() []graph.Event {
	return []graph.Event{
		ev("a1", "russia", "pakistan", "042", 1.9, "2012-10-04", symmetric),
		ev("a2", "russia", "pakistan", "057", 8.0, "2012-10"),
		ev("b1", "india", "pakistan", "112", -2.0, "2013"),
		ev("b2", "vladimir-putin", "pakistan", "036", 4.0, "2012-10-02", negated),
		ev("b3", "russia", "india", "061", 6.4, "2011-05-01"),
		ev("c1", "russia", "russia", "010", 0, "2012-01-01"),
		ev("c2", "united-states", "pakistan", "190", -10, "2012-06-01", hypo),
		ev("c3", "india", "pakistan", "111", -2.0, ""),
	}
}

func nodeNames(v *View) []string {
	var out []string
	for _, a := range v.Actors() {
		out = append(out, a.ID)
	}
	return out
}

func TestViewDefault(t *testing.T) {
	v := NewView(testActors(), testEvents(), graph.Filter{})
	// Negated b2 and hypothetical c2 dropped: Putin and the US take part in nothing.
	if got, want := nodeNames(v), []string{"india", "pakistan", "russia"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("nodes = %v, want %v", got, want)
	}
	if got := v.NumEvents(); got != 6 {
		t.Fatalf("kept %d events, want 6", got)
	}
	india, _ := v.NodeOf("india")
	pak, _ := v.NodeOf("pakistan")
	rus, _ := v.NodeOf("russia")
	tests := []struct {
		u, w  int64
		count int
		sign  int
	}{
		{india, pak, 2, -1},
		{pak, rus, 1, 1}, // the symmetric a1 only
		{rus, india, 1, 1},
		{rus, pak, 2, 1},
	}
	var got []string
	for _, p := range v.Pairs() {
		got = append(got, fmt.Sprintf("%d>%d", p.From, p.To))
	}
	if len(v.Pairs()) != len(tests) {
		t.Fatalf("pairs = %v, want %d", got, len(tests))
	}
	for i, tt := range tests {
		p := v.Pairs()[i]
		if p.From != tt.u || p.To != tt.w || p.Count != tt.count || p.Sign != tt.sign {
			t.Errorf("pair %d = %d>%d count %d sign %d, want %d>%d count %d sign %d", i, p.From, p.To, p.Count, p.Sign, tt.u, tt.w, tt.count, tt.sign)
		}
		if w, ok := v.Weight(tt.u, tt.w); !ok || w != float64(tt.count) {
			t.Errorf("Weight(%d,%d) = %v,%v", tt.u, tt.w, w, ok)
		}
	}
	p := v.Pair(rus, pak)
	if p.First.String() != "2012-10" || p.Last.String() != "2012-10-04" {
		t.Errorf("rus>pak dates %s..%s", p.First, p.Last)
	}
	if math.Abs(p.Goldstein-4.95) > 1e-12 {
		t.Errorf("rus>pak mean goldstein %v, want 4.95", p.Goldstein)
	}
	if !reflect.DeepEqual(p.Relations, []string{"rel042", "rel057"}) {
		t.Errorf("relations %v", p.Relations)
	}
	if v.HasEdgeFromTo(pak, india) || !v.HasEdgeBetween(pak, india) {
		t.Errorf("direction of india>pakistan lost")
	}
	if _, ok := v.Weight(rus, rus); !ok {
		t.Errorf("self weight should be defined")
	}
	if v.HasEdgeFromTo(rus, rus) {
		t.Errorf("self-loop in simple view")
	}
	st := v.Stats(rus)
	// a1 (sym: out+in), a2 out, b3 out, c1 self (out+in).
	if st.Out != 4 || st.In != 2 || st.First.String() != "2011-05-01" || st.Last.String() != "2012-10-04" {
		t.Errorf("russia stats %+v", st)
	}
	m := v.Multigraph()
	if got := m.EventsFromTo(rus, rus); len(got) != 1 {
		t.Errorf("self-loop lines = %v", got)
	}
	if got := m.EventsFromTo(rus, pak); len(got) != 2 {
		t.Errorf("rus>pak lines = %v", got)
	}
	if m.HasEdgeFromTo(pak, rus) {
		t.Errorf("symmetric event drawn twice in multigraph")
	}
	lines := gonumgraph.LinesOf(m.Lines(rus, pak))
	if len(lines) != 2 || lines[0].(Line).Event.ID != "a1" {
		t.Errorf("lines rus>pak = %v", lines)
	}
	if from := gonumgraph.NodesOf(m.From(rus)); len(from) != 3 {
		t.Errorf("multigraph From(russia) = %v", from)
	}
}

func TestViewFilters(t *testing.T) {
	mustDate := func(s string) graph.Date {
		d, err := graph.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name string
		f    graph.Filter
		want []string // kept event IDs, sorted
	}{
		{"default", graph.Filter{}, []string{"a1", "a2", "b1", "b3", "c1", "c3"}},
		{"negated", graph.Filter{IncludeNegated: true}, []string{"a1", "a2", "b1", "b2", "b3", "c1", "c3"}},
		{"hypothetical only", graph.Filter{Modalities: []graph.Modality{graph.Hypothetical}}, []string{"c2"}},
		{"since month keeps year-only overlap", graph.Filter{Since: mustDate("2013-06")}, []string{"b1"}},
		{"until", graph.Filter{Until: mustDate("2012-01")}, []string{"b3", "c1"}},
		{"since and until", graph.Filter{Since: mustDate("2012-10-03"), Until: mustDate("2012-10-04")}, []string{"a1", "a2"}},
		{"cameo root", graph.Filter{CAMEO: []string{"11"}}, []string{"b1", "c3"}},
		{"cameo code", graph.Filter{CAMEO: []string{"042", "061"}}, []string{"a1", "b3"}},
		{"quad", graph.Filter{Quad: []int{3}}, []string{"b1", "c3"}},
		{"types", graph.Filter{Types: []graph.ActorType{graph.Person}, IncludeNegated: true}, nil},
		{"types both ends", graph.Filter{Types: []graph.ActorType{graph.Person, graph.Country}, IncludeNegated: true}, []string{"a1", "a2", "b1", "b2", "b3", "c1", "c3"}},
		{"docs", graph.Filter{Docs: []string{"doc-b"}}, []string{"b1", "b3"}},
		{"min events", graph.Filter{MinEvents: 2}, []string{"a1", "a2", "b1", "c3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.f.Validate(); err != nil {
				t.Fatal(err)
			}
			v := NewView(testActors(), testEvents(), tt.f)
			var got []string
			for _, e := range allEvents(v) {
				got = append(got, e.ID)
			}
			sort.Strings(got)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("kept %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFilterValidate(t *testing.T) {
	bad := []graph.Filter{
		{CAMEO: []string{"99"}},
		{Quad: []int{5}},
		{Types: []graph.ActorType{"planet"}},
		{Modalities: []graph.Modality{"maybe"}},
		{MinEvents: -1},
		{Since: graph.Date{Year: 2013}, Until: graph.Date{Year: 2012}},
	}
	for _, f := range bad {
		if err := f.Validate(); err == nil {
			t.Errorf("Validate(%+v) = nil, want error", f)
		}
	}
	if err := (graph.Filter{Since: graph.Date{Year: 2012, Month: 5}, Until: graph.Date{Year: 2012}}).Validate(); err != nil {
		t.Errorf("overlapping partial bounds rejected: %v", err)
	}
}

func TestParseQuad(t *testing.T) {
	tests := map[string][]int{"1": {1}, "verbal-conflict": {3}, "Material-Cooperation": {2}, "conflict": {3, 4}}
	for in, want := range tests {
		got, err := graph.ParseQuad(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("ParseQuad(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := graph.ParseQuad("friendly"); err == nil {
		t.Error("ParseQuad(friendly) should fail")
	}
}

func TestResolveDocs(t *testing.T) {
	docs := []graph.Document{{ID: "abcdef0123", Name: "dawn.txt"}, {ID: "abcdef9999", Name: "tass.txt"}}
	f, err := graph.Filter{Docs: []string{"tass.txt", "abcdef01"}}.ResolveDocs(docs)
	if err != nil || !reflect.DeepEqual(f.Docs, []string{"abcdef0123", "abcdef9999"}) {
		t.Errorf("ResolveDocs = %v, %v", f.Docs, err)
	}
	for _, bad := range []string{"abcdef", "nope.txt"} {
		if _, err := (graph.Filter{Docs: []string{bad}}).ResolveDocs(docs); err == nil {
			t.Errorf("ResolveDocs(%q) should fail", bad)
		}
	}
}

func TestResolveActor(t *testing.T) {
	actors := append(testActors(), graph.Actor{ID: "georgia", Name: "Georgia", Type: graph.Country},
		graph.Actor{ID: "georgia-us-state", Name: "Georgia US State", Type: graph.Place, Aliases: []string{"Georgia"}})
	tests := []struct {
		in, want string
		errHas   string
	}{
		{"Moscow", "russia", ""},
		{"moscow", "russia", ""},
		{"u.s.", "united-states", ""},
		{"US", "united-states", ""},
		{"usa", "united-states", ""},
		{"vladimir-putin", "vladimir-putin", ""},
		{"  PUTIN ", "vladimir-putin", ""},
		{"Georgia", "georgia", ""},
		{"Rusia", "", "closest: Russia (RUS)"},
		{"Pakistn", "", "Pakistan"},
		{"", "", "unknown actor"},
	}
	for _, tt := range tests {
		got, err := ResolveActor(actors, tt.in)
		if tt.errHas != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("ResolveActor(%q) err = %v, want containing %q", tt.in, err, tt.errHas)
			}
			continue
		}
		if err != nil || got.ID != tt.want {
			t.Errorf("ResolveActor(%q) = %q, %v; want %q", tt.in, got.ID, err, tt.want)
		}
	}
	dup := append(testActors(), graph.Actor{ID: "russian-federation", Name: "Russian Federation", Aliases: []string{"Moscow"}})
	_, err := ResolveActor(dup, "Moscow")
	var ae *ActorError
	if err == nil || !strings.Contains(err.Error(), "ambiguous") || !asActorError(err, &ae) || len(ae.Candidates) != 2 {
		t.Errorf("ambiguous alias: err = %v", err)
	}
}

func asActorError(err error, dst **ActorError) bool {
	ae, ok := err.(*ActorError)
	*dst = ae
	return ok
}

// viewBuilder adapts gonum's conformance suite: every input edge becomes an
// event, nodes are renamed to actors whose ID order follows the input ID
// order, and the returned nodes and edges are the view's own.
func viewBuilder(nodes []gonumgraph.Node, edges []testgraph.WeightedLine, _, _ float64) (gonumgraph.Graph, []gonumgraph.Node, []testgraph.Edge, float64, float64, bool) {
	ids := map[int64]bool{}
	for _, n := range nodes {
		ids[n.ID()] = true
	}
	for _, e := range edges {
		ids[e.From().ID()], ids[e.To().ID()] = true, true
	}
	var actors []graph.Actor
	name := func(id int64) string { return fmt.Sprintf("n%020d", uint64(id)^(1<<63)) }
	for id := range ids {
		actors = append(actors, graph.Actor{ID: name(id), Name: name(id)})
	}
	var events []graph.Event
	seen := map[[2]int64]bool{}
	for i, e := range edges {
		f, to := e.From().ID(), e.To().ID()
		if f == to || seen[[2]int64{f, to}] {
			continue
		}
		seen[[2]int64{f, to}] = true
		events = append(events, graph.Event{ID: fmt.Sprint(i), Source: name(f), Target: name(to)})
	}
	if len(events) == 0 && len(edges) != 0 {
		return nil, nil, nil, math.NaN(), math.NaN(), false
	}
	v := NewView(actors, events, graph.Filter{})
	var n []gonumgraph.Node
	for i := range v.Actors() {
		n = append(n, v.Node(int64(i)))
	}
	var es []testgraph.Edge
	for _, p := range v.Pairs() {
		es = append(es, v.WeightedEdge(p.From, p.To))
	}
	return v, n, es, 0, math.Inf(1), true
}

func TestViewConformance(t *testing.T) {
	const usesEmpty, reverses = true, true
	t.Run("EdgeExistence", func(t *testing.T) { testgraph.EdgeExistence(t, viewBuilder, reverses) })
	t.Run("NodeExistence", func(t *testing.T) { testgraph.NodeExistence(t, viewBuilder) })
	t.Run("ReturnAdjacentNodes", func(t *testing.T) { testgraph.ReturnAdjacentNodes(t, viewBuilder, usesEmpty, reverses) })
	t.Run("ReturnAllNodes", func(t *testing.T) { testgraph.ReturnAllNodes(t, viewBuilder, usesEmpty) })
	t.Run("ReturnNodeSlice", func(t *testing.T) { testgraph.ReturnNodeSlice(t, viewBuilder, usesEmpty) })
	t.Run("Weight", func(t *testing.T) { testgraph.Weight(t, viewBuilder) })
}

// FuzzResolveActor checks that any name resolves without panicking, that a
// success names an actor matching it, and that errors stay on one line.
func FuzzResolveActor(f *testing.F) {
	for _, s := range []string{"Moscow", "u.s.", "", "  ", "Rusia", "vladimir-putin", "ÉTATS-UNIS", "\x00", "'", "Xi's"} {
		f.Add(s)
	}
	actors := testActors()
	f.Fuzz(func(t *testing.T, name string) {
		a, err := ResolveActor(actors, name)
		if err != nil {
			if strings.Contains(err.Error(), "\n") && !strings.Contains(name, "\n") {
				t.Errorf("multi-line error for %q: %v", name, err)
			}
			return
		}
		key := graph.NormalizeName(name)
		ok := a.ID == name || a.ID == graph.Slug(name) || graph.NormalizeName(a.Name) == key || graph.NormalizeName(a.Code) == key
		for _, al := range a.Aliases {
			ok = ok || graph.NormalizeName(al) == key
		}
		if !ok {
			t.Errorf("%q resolved to %s, which it does not name", name, a.ID)
		}
	})
}

// multiBuilder adapts gonum's conformance suite to the Multigraph: every
// input line becomes one event, self-loops included.
func multiBuilder(nodes []gonumgraph.Node, edges []testgraph.WeightedLine, _, _ float64) (gonumgraph.Graph, []gonumgraph.Node, []testgraph.Edge, float64, float64, bool) {
	ids := map[int64]bool{}
	for _, n := range nodes {
		ids[n.ID()] = true
	}
	for _, e := range edges {
		ids[e.From().ID()], ids[e.To().ID()] = true, true
	}
	name := func(id int64) string { return fmt.Sprintf("n%020d", uint64(id)^(1<<63)) }
	var actors []graph.Actor
	for id := range ids {
		actors = append(actors, graph.Actor{ID: name(id), Name: name(id)})
	}
	var events []graph.Event
	for i, e := range edges {
		events = append(events, graph.Event{ID: fmt.Sprint(i), Source: name(e.From().ID()), Target: name(e.To().ID())})
	}
	v := NewView(actors, events, graph.Filter{})
	m := v.Multigraph()
	var n []gonumgraph.Node
	for i := range v.Actors() {
		n = append(n, v.Node(int64(i)))
	}
	var ls []testgraph.Edge
	for i := range v.NumEvents() {
		s, d := v.EventEnds(i)
		ls = append(ls, Line{F: v.node(int32(s)), T: v.node(int32(d)), UID: int64(i), Event: v.Event(i)})
	}
	return m, n, ls, math.NaN(), math.NaN(), true
}

func TestMultigraphConformance(t *testing.T) {
	const usesEmpty, reverses = true, true
	t.Run("LineExistence", func(t *testing.T) { testgraph.LineExistence(t, multiBuilder, usesEmpty, reverses) })
	t.Run("NodeExistence", func(t *testing.T) { testgraph.NodeExistence(t, multiBuilder) })
	t.Run("ReturnAdjacentNodes", func(t *testing.T) { testgraph.ReturnAdjacentNodes(t, multiBuilder, usesEmpty, reverses) })
	t.Run("ReturnAllNodes", func(t *testing.T) { testgraph.ReturnAllNodes(t, multiBuilder, usesEmpty) })
	t.Run("ReturnNodeSlice", func(t *testing.T) { testgraph.ReturnNodeSlice(t, multiBuilder, usesEmpty) })
}

// TestResolveSurname: a person is found by surname when no actor answers
// to the name itself; two persons of one surname are ambiguous.
func TestResolveSurname(t *testing.T) {
	actors := []graph.Actor{
		{ID: "asif-ali-zardari", Name: "Asif Ali Zardari", Type: graph.Person},
		{ID: "benazir-bhutto", Name: "Benazir Bhutto", Type: graph.Person},
		{ID: "zulfikar-ali-bhutto", Name: "Zulfikar Ali Bhutto", Type: graph.Person},
		{ID: "pakistan", Name: "Pakistan", Type: graph.Country},
	}
	if a, err := ResolveActor(actors, "Zardari"); err != nil || a.ID != "asif-ali-zardari" {
		t.Errorf("Zardari: %v, %v", a.ID, err)
	}
	var ae *ActorError
	if _, err := ResolveActor(actors, "bhutto"); !errors.As(err, &ae) || !ae.Ambiguous || len(ae.Candidates) != 2 {
		t.Errorf("bhutto: %v, want both Bhuttos as candidates", err)
	}
}

// TestCountryLevel: at country level a state's organs and people count for
// it, a country the store has no actor for gets one, and an international
// organisation stays itself.
func TestCountryLevel(t *testing.T) {
	actors := []graph.Actor{
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country},
		{ID: "pakistan-army", Name: "Pakistan Army", Code: "PAKMIL", Type: graph.Organization, Country: "PAK"},
		{ID: "kayani", Name: "Kayani", Code: "PAKMIL", Type: graph.Person, Country: "PAK"},
		{ID: "russian-navy", Name: "Russian Navy", Code: "RUSMIL", Type: graph.Organization, Country: "RUS"},
		{ID: "nato", Name: "NATO", Code: "IGOWSTNAT", Type: graph.IGO},
	}
	events := []graph.Event{
		{ID: "e1", Source: "kayani", Target: "russian-navy", CAMEO: "042", Modality: graph.Actual},
		{ID: "e2", Source: "pakistan-army", Target: "russian-navy", CAMEO: "062", Modality: graph.Actual},
		{ID: "e3", Source: "pakistan", Target: "nato", CAMEO: "040", Modality: graph.Actual},
	}
	v := NewView(actors, events, graph.Filter{Level: "country"})
	var names []string
	for _, a := range v.Actors() {
		names = append(names, a.Name+"/"+a.Code)
	}
	if got := strings.Join(names, " "); got != "NATO/IGOWSTNAT Pakistan/PAK RUS/RUS" {
		t.Errorf("nodes at country level: %s", got)
	}
	pak, _ := v.NodeOf("pakistan")
	rus, _ := v.NodeOf("rus")
	if p := v.Pair(pak, rus); p == nil || p.Count != 2 {
		t.Errorf("Pakistan -> Russia at country level: %+v", p)
	}
	if n := NewView(actors, events, graph.Filter{}).Len(); n != 5 {
		t.Errorf("actor level keeps %d nodes, want 5", n)
	}
}

// allEvents is every kept event of v, in order.
func allEvents(v *View) []graph.Event {
	out := make([]graph.Event, v.NumEvents())
	for i := range out {
		out[i] = v.Event(i)
	}
	return out
}
