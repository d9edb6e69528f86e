package view

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

// report is one event of the tests below, in short.
type report struct {
	src, dst, code string
	date           string
	docDate        bool
	modality       graph.Modality
	sym            bool
	doc            string
}

func reportView(t *testing.T, f graph.Filter, rs []report) *View {
	t.Helper()
	var actors []graph.Actor
	seen := map[string]bool{}
	var events []graph.Event
	for i, r := range rs {
		for _, a := range []string{r.src, r.dst} {
			if !seen[a] {
				seen[a] = true
				actors = append(actors, graph.Actor{ID: a, Name: a, Type: graph.Country})
			}
		}
		d, err := graph.ParseDate(r.date)
		if err != nil {
			t.Fatal(err)
		}
		mod := r.modality
		if mod == "" {
			mod = graph.Actual
		}
		doc := r.doc
		if doc == "" {
			doc = fmt.Sprintf("doc%d", i)
		}
		events = append(events, graph.Event{ID: fmt.Sprintf("e%02d", i), Source: r.src, Target: r.dst, CAMEO: r.code,
			Relation: "r" + r.code, Date: d, DocDate: r.docDate, Modality: mod, Symmetric: r.sym, DocID: doc,
			Sentence: fmt.Sprintf("sentence %d", i)})
	}
	return NewView(actors, events, f)
}

// groupsOf lists the view's events with their other reports, "e00+e02".
func groupsOf(v *View) string {
	var out []string
	for i, e := range allEvents(v) {
		g := e.ID
		for _, r := range v.Reports(i) {
			g += "+" + r.ID
		}
		out = append(out, g)
	}
	return strings.Join(out, " ")
}

func TestReportsCountOnce(t *testing.T) {
	tests := []struct {
		name   string
		filter graph.Filter
		events []report
		want   string
	}{
		{"one visit told three ways: a day, a month, a document's date",
			graph.Filter{}, []report{
				{src: "pak", dst: "rus", code: "042", date: "2012-10"},
				{src: "pak", dst: "rus", code: "042", date: "2012-10-04"},
				{src: "pak", dst: "rus", code: "043", date: "2012-10-08", docDate: true},
			}, "e01+e00+e02"},
		{"its plan is another event", graph.Filter{}, []report{
			{src: "pak", dst: "rus", code: "042", date: "2012-09", modality: graph.Planned},
			{src: "pak", dst: "rus", code: "042", date: "2012-10-04"},
		}, "e00 e01"},
		{"two days apart are one event, five are two", graph.Filter{}, []report{
			{src: "a", dst: "b", code: "190", date: "2014-05-01"},
			{src: "a", dst: "b", code: "193", date: "2014-05-03"},
			{src: "a", dst: "b", code: "190", date: "2014-05-08"},
		}, "e00+e01 e02"},
		{"no chain: each day is held to the group's first", graph.Filter{}, []report{
			{src: "a", dst: "b", code: "190", date: "2014-05-01"},
			{src: "a", dst: "b", code: "190", date: "2014-05-03"},
			{src: "a", dst: "b", code: "190", date: "2014-05-05"},
		}, "e00+e01 e02"},
		{"a year does not join one of two events it could be", graph.Filter{}, []report{
			{src: "a", dst: "b", code: "072", date: "2017-02-01"},
			{src: "a", dst: "b", code: "072", date: "2017-09-01"},
			{src: "a", dst: "b", code: "072", date: "2017"},
		}, "e00 e01 e02"},
		{"a year joins the one event it could be", graph.Filter{}, []report{
			{src: "a", dst: "b", code: "072", date: "2017-09-01"},
			{src: "a", dst: "b", code: "072", date: "2017"},
		}, "e00+e01"},
		{"a month must name the same act", graph.Filter{}, []report{
			{src: "a", dst: "b", code: "072", date: "2017-09"},
			{src: "a", dst: "b", code: "073", date: "2017-09"},
			{src: "a", dst: "b", code: "072", date: "2017-09"},
		}, "e00+e02 e01"},
		{"the window does not stretch years", graph.Filter{}, []report{
			{src: "a", dst: "b", code: "190", date: "2012"},
			{src: "a", dst: "b", code: "190", date: "2013"},
		}, "e00 e01"},
		{"another root, another event", graph.Filter{}, []report{
			{src: "a", dst: "b", code: "042", date: "2012-10-04"},
			{src: "a", dst: "b", code: "057", date: "2012-10-04"},
		}, "e00 e01"},
		{"a symmetric event told from either side", graph.Filter{}, []report{
			{src: "a", dst: "b", code: "057", date: "2014-11-20", sym: true},
			{src: "b", dst: "a", code: "057", date: "2014-11-21", sym: true},
		}, "e00+e01"},
		{"undated reports stay apart", graph.Filter{}, []report{
			{src: "a", dst: "b", code: "042"},
			{src: "a", dst: "b", code: "042"},
		}, "e00 e01"},
		{"--mentions counts every report", graph.Filter{Mentions: true}, []report{
			{src: "a", dst: "b", code: "190", date: "2014-05-01"},
			{src: "a", dst: "b", code: "190", date: "2014-05-02"},
		}, "e00 e01"},
		{"--report-days 0: the same day only", graph.Filter{ReportDays: -1}, []report{
			{src: "a", dst: "b", code: "190", date: "2014-05-01"},
			{src: "a", dst: "b", code: "190", date: "2014-05-01"},
			{src: "a", dst: "b", code: "190", date: "2014-05-02"},
		}, "e00+e01 e02"},
		{"--report-days 7", graph.Filter{ReportDays: 7}, []report{
			{src: "a", dst: "b", code: "190", date: "2014-05-01"},
			{src: "a", dst: "b", code: "190", date: "2014-05-08"},
		}, "e00+e01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := reportView(t, tt.filter, tt.events)
			if got := groupsOf(v); got != tt.want {
				t.Errorf("groups %q, want %q", got, tt.want)
			}
		})
	}
}

// TestReportsInCounts: a pair counts events, not reports, and its
// documents include every report's.
func TestReportsInCounts(t *testing.T) {
	rs := []report{
		{src: "pak", dst: "rus", code: "042", date: "2012-10-04", doc: "d1"},
		{src: "pak", dst: "rus", code: "042", date: "2012-10", doc: "d2"},
		{src: "pak", dst: "rus", code: "057", date: "2014-11-20", doc: "d3"},
	}
	v := reportView(t, graph.Filter{}, rs)
	if len(v.Pairs()) != 1 {
		t.Fatalf("%d pairs", len(v.Pairs()))
	}
	p := v.Pairs()[0]
	if p.Count != 2 || strings.Join(p.Docs, ",") != "d1,d2,d3" {
		t.Errorf("count %d docs %v, want 2 events from d1,d2,d3", p.Count, p.Docs)
	}
	if w, _ := v.Weight(p.From, p.To); w != 2 {
		t.Errorf("weight %v, want 2", w)
	}
	if p := reportView(t, graph.Filter{Mentions: true}, rs).Pairs()[0]; p.Count != 3 {
		t.Errorf("with mentions: count %d, want 3", p.Count)
	}
}

// TestReportsAtCountryLevel: reports are grouped after the roll-up, so a
// general's visit and his country's are one event at country level and
// two at actor level.
func TestReportsAtCountryLevel(t *testing.T) {
	actors := []graph.Actor{
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Country: "PAK"},
		{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country, Country: "RUS"},
		{ID: "kayani", Name: "Kayani", Code: "PAKMIL", Type: graph.Person, Country: "PAK"},
	}
	d := graph.Date{Year: 2012, Month: 10, Day: 4}
	events := []graph.Event{
		{ID: "e1", Source: "kayani", Target: "russia", CAMEO: "042", Date: d, Modality: graph.Actual, DocID: "a"},
		{ID: "e2", Source: "pakistan", Target: "russia", CAMEO: "042", Date: d, Modality: graph.Actual, DocID: "b"},
	}
	if got := groupsOf(NewView(actors, events, graph.Filter{})); got != "e1 e2" {
		t.Errorf("actor level: %q, want two events", got)
	}
	if got := groupsOf(NewView(actors, events, graph.Filter{Level: "country"})); got != "e1+e2" {
		t.Errorf("country level: %q, want one event", got)
	}
}

// TestBetweenAtCountryLevel: at country level --between names the two
// countries, so a general's visit counts between his country and the
// host; at actor level only the two actors' own events do.
func TestBetweenAtCountryLevel(t *testing.T) {
	actors := []graph.Actor{
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Country: "PAK"},
		{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country, Country: "RUS"},
		{ID: "kayani", Name: "Kayani", Code: "PAKMIL", Type: graph.Person, Country: "PAK"},
		{ID: "india", Name: "India", Code: "IND", Type: graph.Country, Country: "IND"},
	}
	ev := func(id, s, d string, day int) graph.Event {
		return graph.Event{ID: id, Source: s, Target: d, CAMEO: "042", Date: graph.Date{Year: 2012, Month: 10, Day: day}, Modality: graph.Actual}
	}
	events := []graph.Event{ev("e1", "kayani", "russia", 4), ev("e2", "pakistan", "russia", 20), ev("e3", "india", "russia", 4)}
	between := []string{"pakistan", "russia"}
	if got := groupsOf(NewView(actors, events, graph.Filter{Between: between})); got != "e2" {
		t.Errorf("actor level: %q, want e2", got)
	}
	if got := groupsOf(NewView(actors, events, graph.Filter{Between: between, Level: "country"})); got != "e1 e2" {
		t.Errorf("country level: %q, want e1 e2", got)
	}
}

// TestSectorLevel: at sector level an actor counts for the sector of its
// country that its code names, on the event's date; one node per sector,
// named after the country, whichever stored actors carry the code.
func TestSectorLevel(t *testing.T) {
	actors := []graph.Actor{
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Country: "PAK"},
		{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country, Country: "RUS"},
		{ID: "kayani", Name: "Kayani", Code: "PAKMIL", Type: graph.Person, Country: "PAK"},
		{ID: "pakistan-army", Name: "Pakistan Army", Code: "PAKMIL", Type: graph.Organization, Country: "PAK"},
		{ID: "sharif", Name: "Sharif", Code: "PAKGOV", Type: graph.Person, Country: "PAK"},
		{ID: "russia-government", Name: "Russia government", Code: "RUSGOV", Type: graph.Organization, Country: "RUS"},
		{ID: "lavrov", Name: "Lavrov", Code: "RUSGOV", Type: graph.Person, Country: "RUS"},
		{ID: "un", Name: "United Nations", Code: "IGOUNO", Type: graph.IGO},
	}
	ev := func(id, s, t, sc string, day int) graph.Event {
		return graph.Event{ID: id, Source: s, Target: t, SourceCode: sc, CAMEO: "042", Date: graph.Date{Year: 2014, Month: 1, Day: day}, Modality: graph.Actual}
	}
	events := []graph.Event{
		ev("e1", "kayani", "russia", "", 1),
		ev("e2", "pakistan-army", "lavrov", "", 10),
		// Out of office on that date: Sharif counts for Pakistan's elites.
		ev("e3", "sharif", "un", "PAKELI", 20),
		ev("e4", "pakistan", "russia-government", "", 30),
	}
	v := NewView(actors, events, graph.Filter{Level: "sector"})
	var got []string
	for i := range v.NumEvents() {
		s, t := v.EventEnds(i)
		got = append(got, v.Actor(s).Name+">"+v.Actor(t).Name)
	}
	want := "Pakistan military>Russia Pakistan military>Russia government Pakistan elites>United Nations Pakistan>Russia government"
	if strings.Join(got, " ") != want {
		t.Errorf("edges %q\nwant  %q", strings.Join(got, " "), want)
	}
	if n, ok := v.NodeOf("pakistan-military"); !ok || v.Actor(n).Code != "PAKMIL" {
		t.Errorf("no pakistan-military node coded PAKMIL")
	}
}
