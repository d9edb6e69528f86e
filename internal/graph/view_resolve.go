package graph

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/adrg/strutil"
	"github.com/adrg/strutil/metrics"
)

// ActorError reports a name that names no actor, or more than one. Its
// message is one line listing the closest actors.
type ActorError struct {
	Name       string
	Ambiguous  bool
	Candidates []Actor // closest first; for Ambiguous, every match
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

// NormalizeName folds a name for lookups (the store's alias index and name
// resolution): case, punctuation and spacing do not matter, so "U.S.", "US"
// and "u.s" meet, as do "Al-Qaeda" and "al qaeda". Apostrophes and full stops
// vanish (as in Slug); other runs of non-letters become one space. It returns
// "" for a name with no letter or digit.
func NormalizeName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '.' || r == '\'' || r == '\u2019':
			// "U.S.", "Xi's": no word break
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// ResolveActor finds the actor a user means by name. The name is compared,
// case and punctuation folded, with actor IDs and canonical names first, then
// with CAMEO codes and aliases ("Moscow" finds Russia when Russia lists it as
// an alias). An unknown or ambiguous name gives an *ActorError naming the
// closest actors.
func ResolveActor(actors []Actor, name string) (Actor, error) {
	key := NormalizeName(name)
	if key == "" {
		return Actor{}, &ActorError{Name: name}
	}
	slug := Slug(name)
	var primary, secondary []int
	for i := range actors {
		a := &actors[i]
		switch {
		case a.ID == name || a.ID == slug || NormalizeName(a.Name) == key:
			primary = append(primary, i)
		case NormalizeName(a.Code) == key:
			secondary = append(secondary, i)
		default:
			for _, al := range a.Aliases {
				if NormalizeName(al) == key {
					secondary = append(secondary, i)
					break
				}
			}
		}
	}
	for _, hits := range [][]int{primary, secondary} {
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
		return Actor{}, e
	}
	return Actor{}, &ActorError{Name: name, Candidates: ClosestActors(actors, name, 5)}
}

// ClosestActors returns up to n actors whose name, code or aliases look most
// like name (Jaro-Winkler on folded forms, with a bonus for a shared prefix),
// best first; actors scoring below 0.6 are left out.
func ClosestActors(actors []Actor, name string, n int) []Actor {
	key := NormalizeName(name)
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
			f = NormalizeName(f)
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
	out := make([]Actor, len(all))
	for i, s := range all {
		out[i] = actors[s.i]
	}
	return out
}
