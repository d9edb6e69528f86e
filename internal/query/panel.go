package query

import (
	"fmt"
	"sort"
	"time"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
	"github.com/kg-project/kg/internal/graph/view"
)

// PanelUnit is one side of a panel's dyads: an actor, or at country level
// a country with every actor affiliated with it.
type PanelUnit struct {
	Key  string // the actor ID, or the country code (upper case)
	Name string
	Code string
}

// PanelRow is one directed dyad in one period.
type PanelRow struct {
	Period         string
	Source, Target PanelUnit
	Events         int
	// Quad counts events by CAMEO quad class: verbal cooperation,
	// material cooperation, verbal conflict, material conflict.
	Quad         [4]int
	GoldsteinSum float64
	// First and Last are the dates of the dyad's first and last event in
	// the period; zero in a row without events.
	First, Last graph.Date
}

// GoldsteinMean is the mean Goldstein score of the row's events; ok is
// false in a row without events.
func (r PanelRow) GoldsteinMean() (mean float64, ok bool) {
	if r.Events == 0 {
		return 0, false
	}
	return r.GoldsteinSum / float64(r.Events), true
}

// PanelOptions say how Panel cuts time and actors.
type PanelOptions struct {
	By    string // "year", "month" or "day"
	Level string // "actor" or "country"
	// MaxRows bounds the rows Panel may produce (dyads × periods), so
	// that a day panel over decades fails at once instead of filling
	// memory; 0 means 5,000,000.
	MaxRows int
}

// Panel builds the dyad × period table that time-series and regression
// work on event data starts from: for every directed pair of units with at
// least one dated event in v, one row per period from the first dated
// event in v to the last, rows without events included (as zeros). A
// symmetric event counts for both directions. At country level an actor
// counts for its country (its affiliation, or itself for a country); an
// actor with neither, such as an international organisation, stays itself, and events within one country stay as its
// domestic dyad. Undated events cannot be placed and are counted apart.
func Panel(v *view.View, o PanelOptions) (rows []PanelRow, undated int, err error) {
	if o.By != "year" && o.By != "month" && o.By != "day" {
		return nil, 0, fmt.Errorf("panel: unknown period %q (want year, month or day)", o.By)
	}
	if o.Level != "actor" && o.Level != "country" {
		return nil, 0, fmt.Errorf("panel: unknown level %q (want actor or country)", o.Level)
	}
	maxRows := o.MaxRows
	if maxRows <= 0 {
		maxRows = 5_000_000
	}
	units := panelUnits(v, o.Level)
	type dyad struct{ s, t int }
	type cell struct {
		dyad
		period int
	}
	cells := map[cell]*PanelRow{}
	dyads := map[dyad]bool{}
	first, last := 0, 0
	for i := range v.NumEvents() {
		e := v.Event(i)
		p, ok := periodIndex(e.Date, o.By)
		if !ok {
			undated++
			continue
		}
		if len(dyads) == 0 || p < first {
			first = p
		}
		if len(dyads) == 0 || p > last {
			last = p
		}
		from, to := v.EventEnds(i)
		s, t := units.of[from], units.of[to]
		pairs := []dyad{{s, t}}
		if e.Symmetric && s != t {
			pairs = append(pairs, dyad{t, s})
		}
		for _, d := range pairs {
			dyads[d] = true
			c := cell{d, p}
			r := cells[c]
			if r == nil {
				r = &PanelRow{First: e.Date, Last: e.Date}
				cells[c] = r
			}
			r.Events++
			q := e.QuadClass
			if q < 1 || q > 4 {
				q = cameo.QuadClass(e.CAMEO)
			}
			if q >= 1 && q <= 4 {
				r.Quad[q-1]++
			}
			r.GoldsteinSum += e.Goldstein
			if e.Date.Before(r.First) {
				r.First = e.Date
			}
			if r.Last.Before(e.Date) {
				r.Last = e.Date
			}
		}
	}
	if len(dyads) == 0 {
		return nil, undated, nil
	}
	if n := len(dyads) * (last - first + 1); n > maxRows {
		return nil, undated, fmt.Errorf("panel: %d dyads over %d periods make %d rows, more than %d: choose a longer period (--by), a narrower date range or fewer actors",
			len(dyads), last-first+1, n, maxRows)
	}
	order := make([]dyad, 0, len(dyads))
	for d := range dyads {
		order = append(order, d)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if units.list[a.s].Name != units.list[b.s].Name {
			return units.list[a.s].Name < units.list[b.s].Name
		}
		if units.list[a.s].Key != units.list[b.s].Key {
			return units.list[a.s].Key < units.list[b.s].Key
		}
		if units.list[a.t].Name != units.list[b.t].Name {
			return units.list[a.t].Name < units.list[b.t].Name
		}
		return units.list[a.t].Key < units.list[b.t].Key
	})
	rows = make([]PanelRow, 0, len(order)*(last-first+1))
	for _, d := range order {
		for p := first; p <= last; p++ {
			r := PanelRow{}
			if c := cells[cell{d, p}]; c != nil {
				r = *c
			}
			r.Period = periodLabel(p, o.By)
			r.Source, r.Target = units.list[d.s], units.list[d.t]
			rows = append(rows, r)
		}
	}
	return rows, undated, nil
}

// panelUnitSet maps the view's nodes to panel units.
type panelUnitSet struct {
	list []PanelUnit
	of   []int // node → index in list
}

func panelUnits(v *view.View, level string) panelUnitSet {
	var u panelUnitSet
	u.of = make([]int, v.Len())
	index := map[string]int{}
	add := func(p PanelUnit) int {
		if i, ok := index[p.Key]; ok {
			return i
		}
		index[p.Key] = len(u.list)
		u.list = append(u.list, p)
		return len(u.list) - 1
	}
	// A country's own actor names its unit.
	countryName := map[string]string{}
	if level == "country" {
		for _, a := range v.Actors() {
			if a.Type == graph.Country && len(a.Code) == 3 {
				if _, ok := countryName[a.Code]; !ok {
					countryName[a.Code] = a.Name
				}
			}
		}
	}
	for n, a := range v.Actors() {
		if level == "country" {
			if c := a.CountryCode(); c != "" {
				name := countryName[c]
				if name == "" {
					name = c
				}
				u.of[n] = add(PanelUnit{Key: c, Name: name, Code: c})
				continue
			}
		}
		// Actor IDs are lower case and country codes upper case: the two
		// kinds of key never meet.
		u.of[n] = add(PanelUnit{Key: a.ID, Name: a.Name, Code: a.Code})
	}
	return u
}

// periodIndex numbers the period holding d: years, months since year 0,
// or days since 1970; ok is false when d is too vague for the period.
func periodIndex(d graph.Date, by string) (int, bool) {
	switch {
	case d.IsZero():
		return 0, false
	case by == "year":
		return d.Year, true
	case by == "month" && d.Month > 0:
		return d.Year*12 + d.Month - 1, true
	case by == "day" && d.Month > 0 && d.Day > 0:
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		return int(t.Unix() / 86400), true
	}
	return 0, false
}

func periodLabel(p int, by string) string {
	switch by {
	case "year":
		return fmt.Sprintf("%04d", p)
	case "month":
		return fmt.Sprintf("%04d-%02d", p/12, p%12+1)
	}
	return time.Unix(int64(p)*86400, 0).UTC().Format("2006-01-02")
}
