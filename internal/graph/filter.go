package graph

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/graph/cameo"
)

// Filter selects the events a View is built from. The zero value keeps every
// actual or planned, non-negated event. Filters are values: copy and adjust.
type Filter struct {
	// Since and Until bound event dates, both inclusive. A date known only to
	// the year or month is kept when its span overlaps the bounds (an event
	// dated "2012" passes Since 2012-06). Undated events are dropped as soon
	// as either bound is set.
	Since, Until Date
	// CAMEO keeps events whose code starts with one of these codes or roots
	// ("19" keeps 190 and 1951).
	CAMEO []string
	// Quad keeps events in these quad classes (1–4).
	Quad []int
	// Types keeps events whose two endpoints both have one of these types.
	Types []ActorType
	// MinEvents drops, after aggregation, every actor pair with fewer events
	// than this (per ordered pair). 0 and 1 keep everything.
	MinEvents int
	// Docs keeps events from these documents. Entries are document IDs, or
	// document names and ID prefixes once resolved with ResolveDocs.
	Docs []string
	// IncludeNegated keeps negated events ("did not sign"), dropped by default.
	IncludeNegated bool
	// Modalities keeps events with these modalities; empty means actual and
	// planned (hypothetical events are dropped unless asked for).
	Modalities []Modality
	// MinConfidence drops events the extractor was less sure of (0–1).
	MinConfidence float64
	// Between keeps the events between two actors, in either direction:
	// actor IDs, or names until ResolveActors has turned them into IDs.
	Between []string
	// Level "country" counts every actor for its country (its affiliation,
	// or itself for a country) when a view is built: the graph's nodes are
	// countries, international organisations and actors of no country.
	// "sector" counts every actor for its country's sector, the role its
	// CAMEO code gives on the event's date (PAKMIL: Pakistan's military,
	// RUSGOV: Russia's government), or for its country when it has none.
	// "" or "actor" keeps every actor apart.
	Level string
	// Origins keeps events of these origins (OriginKG, OriginImport,
	// OriginGDELT); empty keeps all.
	Origins []string
	// Mentions counts every report of an event as an event. By default the
	// reports of one real-world event count once: events between the same
	// two nodes of the view, with the same CAMEO root, modality and
	// negation, whose dates agree (see ReportDays), whichever documents
	// and sentences they come from.
	Mentions bool
	// ReportDays is how many days apart two reports dated to the day may
	// be and still tell of one event; 0 means DefaultReportDays, a
	// negative value the same day only.
	ReportDays int
}

// RollsUp reports whether the level counts actors for something larger:
// their country or their country's sector.
func (f Filter) RollsUp() bool { return f.Level == "country" || f.Level == "sector" }

// DefaultReportDays is the ReportDays of the zero Filter: news of an
// event spreads over the day it happened and the next two.
const DefaultReportDays = 2

// ReportWindow is the number of days that ReportDays means.
func (f Filter) ReportWindow() int {
	switch {
	case f.ReportDays < 0:
		return 0
	case f.ReportDays == 0:
		return DefaultReportDays
	}
	return f.ReportDays
}

// IsZero reports whether f is the default filter.
func (f Filter) IsZero() bool {
	return f.Since.IsZero() && f.Until.IsZero() && len(f.CAMEO) == 0 && len(f.Quad) == 0 &&
		len(f.Types) == 0 && f.MinEvents <= 1 && len(f.Docs) == 0 && !f.IncludeNegated && len(f.Modalities) == 0 &&
		f.MinConfidence <= 0 && len(f.Between) == 0 && (f.Level == "" || f.Level == "actor") &&
		!f.Mentions && f.ReportWindow() == DefaultReportDays && len(f.Origins) == 0
}

// Validate checks the filter's values and reports the first bad one.
func (f Filter) Validate() error {
	for _, c := range f.CAMEO {
		if err := cameo.Valid(c); err != nil && !cameo.User(c) {
			return fmt.Errorf("filter: %w", err)
		}
	}
	for _, q := range f.Quad {
		if q < 1 || q > 4 {
			return fmt.Errorf("filter: quad class %d out of range 1-4", q)
		}
	}
	for _, t := range f.Types {
		if _, err := ParseActorType(string(t)); err != nil {
			return fmt.Errorf("filter: %w", err)
		}
	}
	for _, m := range f.Modalities {
		if _, err := ParseModality(string(m)); err != nil || m == "" {
			return fmt.Errorf("filter: unknown modality %q", m)
		}
	}
	if f.MinEvents < 0 {
		return fmt.Errorf("filter: min-events %d is negative", f.MinEvents)
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 {
		return fmt.Errorf("filter: min-confidence %g is outside 0-1", f.MinConfidence)
	}
	if f.Level != "" && f.Level != "actor" && f.Level != "country" && f.Level != "sector" {
		return fmt.Errorf("filter: unknown level %q (want actor, country or sector)", f.Level)
	}
	for _, o := range f.Origins {
		if o != OriginKG && o != OriginImport && o != OriginGDELT && o != OriginICEWS {
			return fmt.Errorf("filter: unknown origin %q (want kg, import, gdelt or icews)", o)
		}
	}
	if len(f.Between) != 0 && len(f.Between) != 2 {
		return fmt.Errorf("filter: between takes two actors, not %d", len(f.Between))
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.LastDay().Before(f.Since.FirstDay()) {
		return fmt.Errorf("filter: until %s is before since %s", f.Until, f.Since)
	}
	return nil
}

// ParseQuad reads a quad class given as a number (1–4) or a name
// (verbal-cooperation, material-cooperation, verbal-conflict,
// material-conflict; "cooperation" and "conflict" stand for both halves).
func ParseQuad(s string) ([]int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "1", "2", "3", "4":
		return []int{int(s[0] - '0')}, nil
	case "cooperation", "coop":
		return []int{cameo.VerbalCooperation, cameo.MaterialCooperation}, nil
	case "conflict":
		return []int{cameo.VerbalConflict, cameo.MaterialConflict}, nil
	}
	if q, ok := cameo.QuadNames[s]; ok {
		return []int{q}, nil
	}
	names := make([]string, 0, len(cameo.QuadNames))
	for n := range cameo.QuadNames {
		names = append(names, n)
	}
	sort.Strings(names)
	return nil, fmt.Errorf("unknown quad class %q (want 1-4, %s, cooperation or conflict)", s, strings.Join(names, ", "))
}

// ResolveActors returns a copy of f whose Between names are actor IDs, as
// resolve finds them.
func (f Filter) ResolveActors(resolve func(name string) (id string, err error)) (Filter, error) {
	if len(f.Between) == 0 {
		return f, nil
	}
	out := make([]string, len(f.Between))
	for i, name := range f.Between {
		id, err := resolve(name)
		if err != nil {
			return f, fmt.Errorf("--between: %w", err)
		}
		out[i] = id
	}
	f.Between = out
	return f, nil
}

// ResolveDocs returns a copy of f whose Docs are document IDs: each entry may
// be an ID, a unique ID prefix of at least 6 characters, or a document name.
func (f Filter) ResolveDocs(docs []Document) (Filter, error) {
	if len(f.Docs) == 0 {
		return f, nil
	}
	out := make([]string, 0, len(f.Docs))
	for _, want := range f.Docs {
		var hits []string
		for _, d := range docs {
			if d.ID == want || d.Name == want {
				hits = []string{d.ID}
				break
			}
			if len(want) >= 6 && strings.HasPrefix(d.ID, want) {
				hits = append(hits, d.ID)
			}
		}
		switch len(hits) {
		case 0:
			return f, fmt.Errorf("unknown document %q", want)
		case 1:
			out = append(out, hits[0])
		default:
			return f, fmt.Errorf("document prefix %q is ambiguous (%d documents)", want, len(hits))
		}
	}
	sort.Strings(out)
	f.Docs = out
	return f, nil
}

// KeepEvent reports whether e passes every per-event part of f (all but
// Types, which needs the actors, and MinEvents, which needs aggregation).
func (f Filter) KeepEvent(e *Event) bool {
	if e.Negated && !f.IncludeNegated {
		return false
	}
	m := e.Modality
	if m == "" {
		m = Actual
	}
	if len(f.Modalities) == 0 {
		if m == Hypothetical {
			return false
		}
	} else if !containsModality(f.Modalities, m) {
		return false
	}
	if !f.Since.IsZero() || !f.Until.IsZero() {
		if e.Date.IsZero() {
			return false
		}
		if !f.Since.IsZero() && e.Date.LastDay().Before(f.Since.FirstDay()) {
			return false
		}
		if !f.Until.IsZero() && f.Until.LastDay().Before(e.Date.FirstDay()) {
			return false
		}
	}
	if len(f.CAMEO) > 0 {
		ok := false
		for _, p := range f.CAMEO {
			if cameo.Matches(e.CAMEO, p) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if len(f.Quad) > 0 {
		q := e.QuadClass
		if q == 0 {
			q = cameo.QuadClass(e.CAMEO)
		}
		ok := false
		for _, w := range f.Quad {
			if w == q {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if e.Confidence < f.MinConfidence {
		return false
	}
	if len(f.Origins) > 0 && !slices.Contains(f.Origins, e.Origin()) {
		return false
	}
	// At country level the two sides are countries, which only a view
	// (or a listing) that knows the actors can tell: see BetweenCountries.
	if len(f.Between) == 2 && !f.RollsUp() {
		a, b := f.Between[0], f.Between[1]
		if !(e.Source == a && e.Target == b || e.Source == b && e.Target == a) {
			return false
		}
	}
	if len(f.Docs) > 0 {
		ok := false
		for _, d := range f.Docs {
			if d == e.DocID {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// KeepActor reports whether a may be an endpoint under f.Types.
func (f Filter) KeepActor(a *Actor) bool { return f.KeepType(a.Type) }

// KeepType reports whether actors of type t pass the filter's types.
func (f Filter) KeepType(t ActorType) bool {
	if len(f.Types) == 0 {
		return true
	}
	for _, k := range f.Types {
		if k == t {
			return true
		}
	}
	return false
}

func containsModality(ms []Modality, m Modality) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}
