package query

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
)

// panelView holds two countries with organs of their own, an international
// organisation and events of every kind the panel must place.
func panelView(t *testing.T) *view.View {
	t.Helper()
	actors := []graph.Actor{
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country},
		{ID: "pakistan-military", Name: "Pakistan military", Code: "PAKMIL", Type: graph.Organization, Country: "PAK"},
		{ID: "nawaz-sharif", Name: "Nawaz Sharif", Code: "PAKGOV", Type: graph.Person, Country: "PAK"},
		{ID: "india", Name: "India", Code: "IND", Type: graph.Country},
		{ID: "nato", Name: "NATO", Code: "IGOWSTNAT", Type: graph.IGO},
	}
	type e struct {
		src, dst, code string
		quad           int
		gold           float64
		date           string
		sym            bool
	}
	var events []graph.Event
	for i, x := range []e{
		{"pakistan-military", "india", "190", 4, -10, "2012-03-04", false},
		{"nawaz-sharif", "india", "042", 1, 1.9, "2012-07", false},
		{"pakistan", "india", "057", 2, 8, "2014-01-02", true},
		{"nawaz-sharif", "nato", "040", 1, 1, "2014-05-06", false},
		{"pakistan-military", "nawaz-sharif", "111", 3, -2, "2014-05-07", false},
		{"india", "pakistan", "111", 3, -2, "", false}, // undated
	} {
		d, err := graph.ParseDate(x.date)
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, graph.Event{ID: fmt.Sprintf("e%d", i), Source: x.src, Target: x.dst, CAMEO: x.code,
			QuadClass: x.quad, Goldstein: x.gold, Date: d, Symmetric: x.sym, Modality: graph.Actual, DocID: "d"})
	}
	return view.NewView(actors, events, graph.Filter{})
}

// rowKey prints what a test compares of a row.
func rowKey(r PanelRow) string {
	mean, ok := r.GoldsteinMean()
	m := "-"
	if ok {
		m = fmt.Sprintf("%.2f", mean)
	}
	return fmt.Sprintf("%s %s>%s n=%d q=%v sum=%.1f mean=%s %s..%s", r.Period, r.Source.Key, r.Target.Key,
		r.Events, r.Quad, r.GoldsteinSum, m, r.First, r.Last)
}

func TestPanelCountryYears(t *testing.T) {
	rows, undated, err := Panel(panelView(t), PanelOptions{By: "year", Level: "country"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, rowKey(r))
	}
	want := []string{
		// India's side exists through the symmetric agreement only.
		"2012 IND>PAK n=0 q=[0 0 0 0] sum=0.0 mean=- ..",
		"2013 IND>PAK n=0 q=[0 0 0 0] sum=0.0 mean=- ..",
		"2014 IND>PAK n=1 q=[0 1 0 0] sum=8.0 mean=8.00 2014-01-02..2014-01-02",
		// Organs of a state and its leader roll up to it.
		"2012 PAK>IND n=2 q=[1 0 0 1] sum=-8.1 mean=-4.05 2012-03-04..2012-07",
		"2013 PAK>IND n=0 q=[0 0 0 0] sum=0.0 mean=- ..",
		"2014 PAK>IND n=1 q=[0 1 0 0] sum=8.0 mean=8.00 2014-01-02..2014-01-02",
		// An international organisation stays itself (rows sort by name).
		"2012 PAK>nato n=0 q=[0 0 0 0] sum=0.0 mean=- ..",
		"2013 PAK>nato n=0 q=[0 0 0 0] sum=0.0 mean=- ..",
		"2014 PAK>nato n=1 q=[1 0 0 0] sum=1.0 mean=1.00 2014-05-06..2014-05-06",
		// Within one country: its domestic dyad.
		"2012 PAK>PAK n=0 q=[0 0 0 0] sum=0.0 mean=- ..",
		"2013 PAK>PAK n=0 q=[0 0 0 0] sum=0.0 mean=- ..",
		"2014 PAK>PAK n=1 q=[0 0 1 0] sum=-2.0 mean=-2.00 2014-05-07..2014-05-07",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("panel rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if undated != 1 {
		t.Errorf("undated = %d, want 1", undated)
	}
}

func TestPanelActorMonthsAndDays(t *testing.T) {
	v := panelView(t)
	rows, undated, err := Panel(v, PanelOptions{By: "month", Level: "actor"})
	if err != nil {
		t.Fatal(err)
	}
	// 2012-03 to 2014-05 is 27 months, for each of the 6 dyads (the
	// symmetric agreement gives two).
	if len(rows) != 6*27 {
		t.Errorf("%d rows, want %d", len(rows), 6*27)
	}
	if undated != 1 {
		t.Errorf("undated = %d, want 1", undated)
	}
	for _, r := range rows {
		if r.Source.Key == "nawaz-sharif" && r.Target.Key == "india" && r.Period == "2012-07" && r.Events != 1 {
			t.Errorf("a month-dated event is not in its month: %s", rowKey(r))
		}
	}
	rows, undated, err = Panel(v, PanelOptions{By: "day", Level: "actor"})
	if err != nil {
		t.Fatal(err)
	}
	if undated != 2 { // the month-dated visit has no day
		t.Errorf("day panel: undated = %d, want 2", undated)
	}
	if rows[0].Period != "2012-03-04" || rows[len(rows)-1].Period != "2014-05-07" {
		t.Errorf("day panel runs %s..%s", rows[0].Period, rows[len(rows)-1].Period)
	}
}

func TestPanelBounds(t *testing.T) {
	v := panelView(t)
	if _, _, err := Panel(v, PanelOptions{By: "day", Level: "actor", MaxRows: 100}); err == nil || !strings.Contains(err.Error(), "more than 100") {
		t.Errorf("a panel over its row bound: %v", err)
	}
	for _, o := range []PanelOptions{{By: "week", Level: "actor"}, {By: "year", Level: "region"}} {
		if _, _, err := Panel(v, o); err == nil {
			t.Errorf("%+v accepted", o)
		}
	}
	rows, undated, err := Panel(view.NewView(nil, nil, graph.Filter{}), PanelOptions{By: "year", Level: "country"})
	if err != nil || len(rows) != 0 || undated != 0 {
		t.Errorf("empty view: %d rows, %d undated, %v", len(rows), undated, err)
	}
}

func TestTimelineCountryLevel(t *testing.T) {
	v := panelView(t)
	pak, ind := node(t, v, "pakistan"), node(t, v, "india")
	got := func(level string) string {
		ps, _, err := TimelineAt(v, pak, ind, "year", level)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, p := range ps {
			fmt.Fprintf(&b, "%s:%d ", p.Period, p.Events)
		}
		return b.String()
	}
	// Pakistan's army and prime minister count for Pakistan; the
	// symmetric agreement counts once.
	if g := got("country"); g != "2012:2 2013:0 2014:1 " {
		t.Errorf("country level: %s", g)
	}
	if g := got("actor"); g != "2014:1 " {
		t.Errorf("actor level: %s", g)
	}
	// A person named stays a person.
	if ps, _, _ := TimelineAt(v, node(t, v, "nawaz-sharif"), ind, "year", "country"); len(ps) != 1 || ps[0].Events != 1 {
		t.Errorf("a person at country level: %v", ps)
	}
	if _, _, err := TimelineAt(v, pak, ind, "year", "region"); err == nil {
		t.Error("level region accepted")
	}
}
