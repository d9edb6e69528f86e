package view

import (
	"fmt"
	"sort"
	"strings"

	"github.com/adrg/strutil"
	"github.com/adrg/strutil/metrics"
	"github.com/kg-project/kg/internal/graph"
)

// ActorError reports a name that names no actor, or more than one. Its
// message is one line listing the closest actors.
type ActorError struct {
	Name       string
	Ambiguous  bool
	Candidates []graph.Actor // closest first; for Ambiguous, every match
}

func (e *ActorError) Error() string {
	names := make([]string, len(e.Candidates))
	for i, a := range e.Candidates {
		names[i] = a.Name
		if a.Code != "" {
			names[i] += " (" + a.Code + ")"
		}
	}
	switch {
	case e.Ambiguous:
		return fmt.Sprintf("actor %q is ambiguous: %s", e.Name, strings.Join(names, ", "))
	case len(names) == 0:
		return fmt.Sprintf("unknown actor %q", e.Name)
	}
	return fmt.Sprintf("unknown actor %q; closest: %s", e.Name, strings.Join(names, ", "))
}

// ResolveActor finds the actor a user means by name. The name is compared,
// case and punctuation folded, with actor IDs and canonical names first, then
// with CAMEO codes and aliases ("Moscow" finds Russia when Russia lists it as
// an alias), then with the surnames of persons ("Zardari"). An unknown or ambiguous name gives an *ActorError naming the
// closest actors.
func ResolveActor(actors []graph.Actor, name string) (graph.Actor, error) {
	key := graph.NormalizeName(name)
	if key == "" {
		return graph.Actor{}, &ActorError{Name: name}
	}
	slug := graph.Slug(name)
	var primary, secondary, surname []int
	for i := range actors {
		a := &actors[i]
		if a.Type == graph.Person && !strings.Contains(key, " ") {
			// "Zardari", "Kayani": a person by surname, when no actor
			// answers to the name itself.
			if f := strings.Fields(graph.NormalizeName(a.Name)); len(f) > 1 && f[len(f)-1] == key {
				surname = append(surname, i)
			}
		}
		switch {
		case namesActor(a, name, key, slug):
			primary = append(primary, i)
		case graph.NormalizeName(a.Code) == key:
			secondary = append(secondary, i)
		default:
			for _, al := range a.Aliases {
				if graph.NormalizeName(al) == key {
					secondary = append(secondary, i)
					break
				}
			}
		}
	}
	for _, hits := range [][]int{primary, secondary, surname} {
		switch len(hits) {
		case 0:
			continue
		case 1:
			return actors[hits[0]], nil
		}
		e := &ActorError{Name: name, Ambiguous: true}
		for _, i := range hits {
			e.Candidates = append(e.Candidates, actors[i])
		}
		sort.Slice(e.Candidates, func(i, j int) bool { return e.Candidates[i].ID < e.Candidates[j].ID })
		return graph.Actor{}, e
	}
	return graph.Actor{}, &ActorError{Name: name, Candidates: ClosestActors(actors, name, 5)}
}

// NamesActor reports whether name designates a by its ID or canonical
// name, the first of ResolveActor's tiers: when some actor answers so,
// ResolveActor decides among those alone.
func NamesActor(a *graph.Actor, name string) bool {
	return namesActor(a, name, graph.NormalizeName(name), graph.Slug(name))
}

func namesActor(a *graph.Actor, name, key, slug string) bool {
	return key != "" && (a.ID == name || a.ID == slug || graph.NormalizeName(a.Name) == key)
}

// ClosestActors returns up to n actors whose name, code or aliases look most
// like name (Jaro-Winkler on folded forms, with a bonus for a shared prefix),
// best first; actors scoring below 0.6 are left out.
func ClosestActors(actors []graph.Actor, name string, n int) []graph.Actor {
	key := graph.NormalizeName(name)
	jw := metrics.NewJaroWinkler()
	jw.CaseSensitive = false
	type scored struct {
		i int
		s float64
	}
	var all []scored
	for i := range actors {
		a := &actors[i]
		best := 0.0
		forms := append([]string{a.Name, a.Code, a.ID}, a.Aliases...)
		for _, f := range forms {
			f = graph.NormalizeName(f)
			if f == "" {
				continue
			}
			s := strutil.Similarity(key, f, jw)
			if strings.HasPrefix(f, key) || strings.HasPrefix(key, f) {
				s = (s + 1) / 2
			}
			if s > best {
				best = s
			}
		}
		if best >= 0.6 {
			all = append(all, scored{i, best})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].s != all[j].s {
			return all[i].s > all[j].s
		}
		return actors[all[i].i].ID < actors[all[j].i].ID
	})
	if len(all) > n {
		all = all[:n]
	}
	out := make([]graph.Actor, len(all))
	for i, s := range all {
		out[i] = actors[s.i]
	}
	return out
}
