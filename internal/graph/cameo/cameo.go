// Package cameo knows the CAMEO event codes kg uses: their names, Goldstein
// scores and quad classes. The table is data (codes.tsv), embedded at build.
package cameo

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed codes.tsv
var codesTSV string

// Code describes one CAMEO event code.
type Code struct {
	Code      string
	Name      string
	Goldstein float64
}

// Quad classes, as in GDELT: roots 01–05 are verbal cooperation, 06–08
// material cooperation, 09–13 verbal conflict and 14–20 material conflict.
const (
	VerbalCooperation   = 1
	MaterialCooperation = 2
	VerbalConflict      = 3
	MaterialConflict    = 4
)

// QuadNames maps the flag spellings of quad classes to their numbers.
var QuadNames = map[string]int{
	"verbal-cooperation":   VerbalCooperation,
	"material-cooperation": MaterialCooperation,
	"verbal-conflict":      VerbalConflict,
	"material-conflict":    MaterialConflict,
}

var (
	once  sync.Once
	table map[string]Code
)

func load() {
	table = make(map[string]Code)
	for _, line := range strings.Split(codesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			panic("cameo: malformed embedded table line: " + line) // build-time data, covered by tests
		}
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			panic("cameo: malformed Goldstein score in embedded table: " + line)
		}
		table[f[0]] = Code{Code: f[0], Name: f[2], Goldstein: g}
	}
}

// Lookup returns what is known of code. A code missing from the table but
// with a known parent (first three digits, then the root) inherits the
// parent's Goldstein score; ok is false only when not even the root is known.
func Lookup(code string) (c Code, ok bool) {
	once.Do(load)
	if c, ok := table[code]; ok {
		return c, true
	}
	if err := Valid(code); err != nil {
		return Code{}, false
	}
	for _, p := range []string{prefix(code, 3), prefix(code, 2)} {
		if c, ok := table[p]; ok {
			return Code{Code: code, Name: c.Name, Goldstein: c.Goldstein}, true
		}
	}
	return Code{}, false
}

// Known reports whether code is one of CAMEO's own event codes, exactly:
// what an event data set coded with CAMEO may hold.
func Known(code string) bool {
	once.Do(load)
	_, ok := table[code]
	return ok
}

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

// User reports whether code is an event code of a user's own, outside
// CAMEO: two to four digits that CAMEO does not define. Researchers'
// TABARI and PETRARCH dictionaries carry such codes (PETRARCH's own test
// suite uses 345 and 901–915); kg keeps them as given, with no Goldstein
// score and no quad class. A root alone ("99") is no code of a verb.
func User(code string) bool {
	if len(code) < 3 || len(code) > 4 {
		return false
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return false
		}
	}
	_, ok := Lookup(code)
	return !ok
}

// Valid checks the shape of an event code: two to four digits, root 01–20.
func Valid(code string) error {
	if len(code) < 2 || len(code) > 4 {
		return fmt.Errorf("CAMEO code %q: want 2 to 4 digits", code)
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return fmt.Errorf("CAMEO code %q: want digits only", code)
		}
	}
	if r, _ := strconv.Atoi(code[:2]); r < 1 || r > 20 {
		return fmt.Errorf("CAMEO code %q: root must be 01 to 20", code)
	}
	return nil
}

// Root returns the two-digit root of a code.
func Root(code string) string { return prefix(code, 2) }

// QuadClass returns the quad class (1–4) of a code, or 0 if it is invalid.
func QuadClass(code string) int {
	if Valid(code) != nil {
		return 0
	}
	r, _ := strconv.Atoi(code[:2])
	switch {
	case r <= 5:
		return VerbalCooperation
	case r <= 8:
		return MaterialCooperation
	case r <= 13:
		return VerbalConflict
	}
	return MaterialConflict
}

// Matches reports whether code falls under pattern, where pattern is a code
// or a prefix of one ("19" matches "190" and "1951"; "042" matches "042").
func Matches(code, pattern string) bool { return strings.HasPrefix(code, pattern) }

// All returns every code in the table, sorted.
func All() []Code {
	once.Do(load)
	out := make([]Code, 0, len(table))
	for _, c := range table {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// RelationName is the relation name of a code when no lexicon names it,
// made from its CAMEO name: 042 "Make a visit" is make_a_visit, 100
// "Demand, not specified" is demand. It is "" for an unknown code.
func RelationName(code string) string {
	c, ok := Lookup(code)
	if !ok {
		return ""
	}
	s := strings.ToLower(c.Name)
	if i := strings.Index(s, ", not specified"); i >= 0 {
		s = s[:i]
	}
	var b strings.Builder
	sep := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = false
			b.WriteRune(r)
		} else {
			sep = true
		}
	}
	return b.String()
}
