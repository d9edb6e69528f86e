package pipeline

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/kg-project/kg/internal/graph"
)

// SimilarFunc scores two actor names, 0 to 1, and says whether they are
// close enough to be one name spelt two ways.
type SimilarFunc func(a, b string) (float64, bool)

// ForbiddenFunc says that two names must never be merged, whatever their
// similarity (two brothers, two cities with near names).
type ForbiddenFunc func(a, b string) bool

// Merger folds spelling variants met in new documents (Kiani, Pervaiz,
// Sergei) into actors already known (Kayani, Pervez, Sergey). It keeps the
// table of known actors: those stored before the run, then those of every
// document it has resolved.
//
// An actor of a new document is merged into a known one when its ID is not
// known itself, both have the same type (person, organization, IGO or
// group), the same affiliation (equal CAMEO codes, or, when either has no
// code or a placeholder such as "---", equal non-empty countries), the names
// are similar, and the pair is not forbidden. Among several candidates the highest score wins, then the
// smaller ID. A name already recorded as an alias of a known actor goes to
// that actor without a score. The decisions depend only on the table and the
// document, so a loader that resolves documents in input order gets the same
// merges whatever its parallelism.
type Merger struct {
	similar   SimilarFunc
	forbidden ForbiddenFunc
	byID      map[string]graph.Actor
	byAlias   map[string]string          // slug of a name or alias → actor ID
	byAffil   map[string][]string        // "code:PAKMIL" or "country:PAK" → actor IDs, in order added
	names     map[string]map[string]bool // actor ID → names and aliases already indexed
}

// NewMerger starts a table with the known actors. forbidden may be nil.
func NewMerger(known []graph.Actor, similar SimilarFunc, forbidden ForbiddenFunc) *Merger {
	m := &Merger{
		similar: similar, forbidden: forbidden,
		byID: map[string]graph.Actor{}, byAlias: map[string]string{}, byAffil: map[string][]string{},
		names: map[string]map[string]bool{},
	}
	known = slices.Clone(known)
	slices.SortFunc(known, func(a, b graph.Actor) int { return cmp.Compare(a.ID, b.ID) })
	for _, a := range known {
		m.add(a)
	}
	return m
}

// Len is the number of actors known.
func (m *Merger) Len() int { return len(m.byID) }

// Actor returns the known actor with the given ID.
func (m *Merger) Actor(id string) (graph.Actor, bool) {
	a, ok := m.byID[id]
	return a, ok
}

// code returns a's CAMEO code, or "" for none or a placeholder such as
// "---", which says nothing about affiliation.
func code(a graph.Actor) string {
	if strings.Trim(a.Code, "-") == "" {
		return ""
	}
	return a.Code
}

// mergeable types: spelling variants are a matter of transliterated
// names. Countries, places and objects come from dictionaries or are
// generic; near names there are different things (Austria, Australia).
func mergeable(t graph.ActorType) bool {
	switch t {
	case graph.Person, graph.Organization, graph.IGO, graph.Group:
		return true
	}
	return false
}

func affiliation(a graph.Actor) []string {
	var keys []string
	if code(a) != "" {
		keys = append(keys, "code:"+a.Code)
	}
	if a.Country != "" {
		keys = append(keys, "country:"+a.Country)
	}
	return keys
}

// add puts a into the table, or widens the entry it already has.
func (m *Merger) add(a graph.Actor) {
	old, ok := m.byID[a.ID]
	if ok {
		// Most documents mention known actors by known names: skip the
		// alias union, which allocates, when nothing would change.
		if m.covers(old, a) {
			return
		}
		a = old.Union(a)
	} else {
		for _, k := range affiliation(a) {
			m.byAffil[k] = append(m.byAffil[k], a.ID)
		}
		m.names[a.ID] = map[string]bool{}
	}
	m.byID[a.ID] = a
	seen := m.names[a.ID]
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if seen[n] {
			continue
		}
		seen[n] = true
		s := graph.Slug(n)
		if _, taken := m.byAlias[s]; !taken {
			m.byAlias[s] = a.ID
		}
	}
}

// covers reports whether the table's entry old already holds every name
// and date of a.
func (m *Merger) covers(old, a graph.Actor) bool {
	seen := m.names[old.ID]
	if !seen[a.Name] {
		return false
	}
	for _, n := range a.Aliases {
		if !seen[n] {
			return false
		}
	}
	for _, d := range []graph.Date{a.FirstSeen, a.LastSeen} {
		if !d.IsZero() && (old.FirstSeen.IsZero() || d.Before(old.FirstSeen) || old.LastSeen.Before(d)) {
			return false
		}
	}
	return (old.Code != "" || a.Code == "") && (old.Country != "" || a.Country == "") && (old.Type != "" || a.Type == "")
}

// compatible says whether a and b have the same affiliation.
func compatible(a, b graph.Actor) bool {
	if a.Type != b.Type || !mergeable(a.Type) {
		return false
	}
	if ca, cb := code(a), code(b); ca != "" && cb != "" {
		return ca == cb
	}
	return a.Country != "" && a.Country == b.Country
}

// match finds the known actor a new actor should be merged into.
func (m *Merger) match(a graph.Actor) (into graph.Actor, score float64, reason string, ok bool) {
	if id, found := m.byAlias[graph.Slug(a.Name)]; found && id != a.ID {
		k := m.byID[id]
		forbidden := m.forbidden != nil && m.forbidden(a.Name, k.Name)
		if k.Type == a.Type && mergeable(a.Type) && !forbidden && (code(a) == "" || code(k) == "" || code(a) == code(k)) {
			return k, 1, "known alias of " + k.Name, true
		}
	}
	if m.similar == nil {
		return graph.Actor{}, 0, "", false
	}
	var cands []string
	for _, key := range affiliation(a) {
		cands = append(cands, m.byAffil[key]...)
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	for _, id := range cands {
		k := m.byID[id]
		if !compatible(a, k) {
			continue
		}
		s, similar := m.similar(a.Name, k.Name)
		if !similar || m.forbidden != nil && m.forbidden(a.Name, k.Name) {
			continue
		}
		if !ok || s > score {
			into, score, ok = k, s, true
		}
	}
	if ok {
		affil := code(a)
		if affil == "" || affil != code(into) {
			affil = a.Country
		}
		reason = fmt.Sprintf("similar names %.2f, same affiliation %s", score, affil)
	}
	return into, score, reason, ok
}

// Resolve rewrites x so that its new actors that are variants of known ones
// use the known IDs: actors, event endpoints and event IDs change, events
// that become duplicates are dropped, and each merge is recorded in
// x.Merges. Then x's actors join the table.
func (m *Merger) Resolve(x *graph.Extraction) {
	rename := map[string]string{}
	order := slices.Clone(x.Actors)
	slices.SortFunc(order, func(a, b graph.Actor) int { return cmp.Compare(a.ID, b.ID) })
	for _, a := range order {
		if _, known := m.byID[a.ID]; known {
			continue
		}
		into, score, reason, ok := m.match(a)
		if !ok {
			continue
		}
		rename[a.ID] = into.ID
		x.Merges = append(x.Merges, graph.Merge{
			From: a.Name, FromID: a.ID, Into: into.ID, Score: score, Reason: reason, DocID: x.Doc.ID,
		})
	}
	if len(rename) > 0 {
		m.rewrite(x, rename)
	}
	for _, a := range x.Actors {
		m.add(a)
	}
}

// rewrite applies rename to x's actors and events.
func (m *Merger) rewrite(x *graph.Extraction, rename map[string]string) {
	var actors []graph.Actor
	at := map[string]int{}
	for _, a := range x.Actors {
		if into, ok := rename[a.ID]; ok {
			k := m.byID[into]
			// The variant's spelling becomes an alias of the known actor.
			v := a
			v.ID, v.Name, v.Code, v.Type, v.Country = k.ID, k.Name, k.Code, k.Type, k.Country
			v.Aliases = append(slices.Clone(a.Aliases), a.Name)
			a = k.Union(v)
		}
		if i, ok := at[a.ID]; ok {
			actors[i] = actors[i].Union(a)
			continue
		}
		at[a.ID] = len(actors)
		actors = append(actors, a)
	}
	x.Actors = actors

	events := x.Events[:0]
	seen := map[string]bool{}
	for _, e := range x.Events {
		src, dst := e.Source, e.Target
		if r, ok := rename[e.Reporter]; ok {
			e.Reporter = r
		}
		if r, ok := rename[src]; ok {
			src = r
		}
		if r, ok := rename[dst]; ok {
			dst = r
		}
		if src != e.Source || dst != e.Target {
			if src == dst {
				continue // "Kiani met Kayani" once both are one person
			}
			e.Source, e.Target = src, dst
			docID := e.DocID
			if docID == "" {
				docID = x.Doc.ID
			}
			e.ID = graph.EventID(docID, e.SentenceIndex, src, e.Relation, e.CAMEO, dst)
		}
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		events = append(events, e)
	}
	x.Events = events
}
