package dict

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/kg-project/kg/internal/graph"
)

// A PETRARCH actor file is a series of records:
//
//	HAMID_KARZAI_  [AFGELI]        primary phrase, optional default code
//	+KARZAI_                       synonyms
//		[AFGGOV >011222]           dated codes, one per line (tab-indented)
//
// readActors turns each record into an ActorEntry:
//
//   - Name is the primary phrase through displayName (blanks for
//     underscores, capitals title-cased); synonyms become Aliases.
//   - Code is the default code: the bracket on the primary line or a dated
//     line without dates ("[AFGELI]"). Codes are upper-cased ("[pse]").
//   - Dated codes become Roles in file order, so the first span covering a
//     date wins, as in PETRARCH: "<date" is Until, ">date" From, "d1-d2"
//     both, all inclusive. YYMMDD years 00–30 are 20xx and others 19xx (the
//     KEDS/TABARI convention PETRARCH keeps). A bare date is read as ">date".
//   - Type is inferred: dated codes make a person; an IGO code an igo; a
//     REB, INS, IMG, UAF or SEP block a group; a lone three-letter
//     country code a country; everything else an organization.
//   - Country is the first three letters of the code (else of the first
//     role) when they are an ISO 3166 code.
//
// TABARI allowed dated codes on the primary line ("JOHN_MCCLOY_
// [IGOUNODEVWBK 470301-490630]"); so does the reader. A surface form given
// to two actors goes to the later one, as PETRARCH's trie does; the earlier
// actor loses it with a warning.
func readActors(r *textReader, lines []srcLine) []ActorEntry {
	var (
		out []ActorEntry
		cur *actorRecord
	)
	flush := func() {
		if cur != nil {
			if a, ok := cur.entry(r); ok {
				out = append(out, a)
			}
		}
		cur = nil
	}
	for _, l := range lines {
		t, col := l.trimmed()
		switch t[0] {
		case '[':
			if cur == nil {
				r.errf(l.n, col, "dated code %s before any actor", t)
				continue
			}
			cur.brackets(r, l.n, col, t)
		case '+':
			if cur == nil {
				r.errf(l.n, col, "synonym %s before any actor", t)
				continue
			}
			phrase, rest := cutBracket(t[1:])
			if name := displayName(phrase); name != "" {
				cur.aliases = append(cur.aliases, name)
			} else {
				r.warnf(l.n, col, "empty synonym")
			}
			if rest != "" {
				at := col + len(t) - len(rest)
				r.warnf(l.n, at, "code on a synonym line applies to the whole actor")
				cur.brackets(r, l.n, at, rest)
			}
		default:
			flush()
			phrase, rest := cutBracket(t)
			cur = &actorRecord{name: displayName(phrase), line: l.n, col: col, where: r.where(l.n)}
			if cur.name == "" {
				r.errf(l.n, col, "actor without a name")
				cur = nil
				continue
			}
			if rest != "" {
				cur.brackets(r, l.n, col+len(t)-len(rest), rest)
			}
		}
	}
	flush()
	return resolveClaims(r, qualifiedForms(out))
}

// qualifiedForms adds the forms that text writes of names that a
// dictionary qualifies in parentheses: "NATIONAL_LIBERATION_ARMY_
// (COLOMBIA)_" is written "National Liberation Army", and
// "BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_" also "ETA"; no text writes the
// parenthesis, so without them the entry never matched. A form left when
// the qualifier goes that several actors share ("National Liberation
// Army" of Colombia and of Bolivia) is ambiguous and added to none.
func qualifiedForms(actors []ActorEntry) []ActorEntry {
	forms := make([][]string, len(actors))
	owners := map[string]map[int]bool{}
	claim := func(i int, form string) {
		k := norm(form)
		if k == "" {
			return
		}
		if owners[k] == nil {
			owners[k] = map[int]bool{}
		}
		owners[k][i] = true
	}
	for i, a := range actors {
		claim(i, a.Name)
		for _, s := range a.Aliases {
			claim(i, s)
		}
		for _, s := range append([]string{a.Name}, a.Aliases...) {
			base, inner, ok := cutQualifier(s)
			if !ok {
				continue
			}
			forms[i] = append(forms[i], base)
			if acronym(inner, base) {
				forms[i] = append(forms[i], inner)
			}
		}
		for _, f := range forms[i] {
			claim(i, f)
		}
	}
	for i := range actors {
		for _, f := range forms[i] {
			if len(owners[norm(f)]) == 1 && !slices.Contains(actors[i].Aliases, f) && norm(f) != norm(actors[i].Name) {
				actors[i].Aliases = append(actors[i].Aliases, f)
			}
		}
	}
	return actors
}

// cutQualifier splits "National Liberation Army (Colombia)" into the name
// and what its closing parenthesis holds.
func cutQualifier(s string) (base, inner string, ok bool) {
	s = strings.TrimSpace(s)
	open := strings.LastIndex(s, " (")
	if open <= 0 || !strings.HasSuffix(s, ")") {
		return "", "", false
	}
	base, inner = strings.TrimSpace(s[:open]), strings.TrimSpace(s[open+2:len(s)-1])
	return base, inner, base != "" && inner != ""
}

// acronym reports whether s is a short form of name: written in
// capitals, of at least three letters (two-letter ones, "AN", "CA", are
// words too often), and beginning as the name does ("DFLP" for the
// Democratic Front for the Liberation of Palestine, not "SOUTH" for
// Korea or "GREECE" for Direct Action, which qualify a name instead).
func acronym(s, name string) bool {
	if len(s) < 3 || len(s) > 8 || !strings.EqualFold(s[:1], name[:1]) {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9', r == '-':
		default:
			return false
		}
	}
	return letters >= 3
}

// cutBracket splits "PHRASE [CODE...] [...]" at the first bracket.
func cutBracket(s string) (phrase, rest string) {
	if i := strings.IndexByte(s, '['); i >= 0 {
		return strings.TrimSpace(s[:i]), s[i:]
	}
	return strings.TrimSpace(s), ""
}

type actorRecord struct {
	name      string
	aliases   []string
	code      string
	codeLine  int
	roles     []RoleSpan
	line, col int
	where     string
}

// dateRestriction splits "<D", ">D", "D-D" or "D" as a regexp with the
// groups ([<>])(D) | (D)-(D) | (D) would, without one.
func dateRestriction(s string) []string {
	digits := func(s string) bool {
		if s == "" {
			return false
		}
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	m := make([]string, 6)
	switch {
	case s == "":
		return nil
	case s[0] == '<' || s[0] == '>':
		if !digits(s[1:]) {
			return nil
		}
		m[1], m[2] = s[:1], s[1:]
	case strings.IndexByte(s, '-') >= 0:
		a, b, _ := strings.Cut(s, "-")
		if !digits(a) || !digits(b) {
			return nil
		}
		m[3], m[4] = a, b
	default:
		if !digits(s) {
			return nil
		}
		m[5] = s
	}
	return m
}

// brackets reads the [CODE restriction] groups of s into the record.
func (a *actorRecord) brackets(r *textReader, line, col int, s string) {
	for len(s) > 0 {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			if strings.TrimSpace(s) != "" {
				r.warnf(line, col, "text after the code ignored: %q", strings.TrimSpace(s))
			}
			return
		}
		if strings.TrimSpace(s[:i]) != "" {
			r.warnf(line, col, "text before the code ignored: %q", strings.TrimSpace(s[:i]))
		}
		col += i + 1
		s = s[i+1:]
		j := strings.IndexAny(s, "]")
		body := s
		if j < 0 {
			r.warnf(line, col, "missing ]")
			s = ""
		} else {
			body, s = s[:j], s[j+1:]
		}
		a.restriction(r, line, col, body)
		col += len(body) + 1
	}
}

// restriction reads one "CODE", "CODE <date", "CODE >date" or
// "CODE date-date".
func (a *actorRecord) restriction(r *textReader, line, col int, body string) {
	fs := strings.Fields(body)
	if len(fs) == 0 {
		r.warnf(line, col, "empty code []")
		return
	}
	code := strings.ToUpper(fs[0])
	if !validActorCode(code) {
		r.errf(line, col, "bad actor code %q: want letters and digits such as AFG, AFGGOV, IGOUNO (at most %d characters)", fs[0], maxCodeLen)
		return
	}
	rest := strings.Join(fs[1:], "")
	if rest == "" {
		if a.code != "" && a.code != code {
			r.warnf(line, col, "default code %s replaces %s (line %d)", code, a.code, a.codeLine)
		}
		a.code, a.codeLine = code, line
		return
	}
	m := dateRestriction(rest)
	if m == nil {
		r.warnf(line, col, "bad date restriction %q for %s: want <date, >date or date-date; dropped", rest, code)
		return
	}
	span := RoleSpan{Code: code}
	var ok1, ok2 = true, true
	switch {
	case m[1] == "<":
		span.Until, ok1 = tabariDate(r, line, col, m[2])
	case m[1] == ">":
		span.From, ok1 = tabariDate(r, line, col, m[2])
	case m[3] != "":
		span.From, ok1 = tabariDate(r, line, col, m[3])
		span.Until, ok2 = tabariDate(r, line, col, m[4])
	default:
		r.warnf(line, col, "date %s without < or >: read as >%s", m[5], m[5])
		span.From, ok1 = tabariDate(r, line, col, m[5])
	}
	if !ok1 || !ok2 {
		r.warnf(line, col, "restriction %s %s dropped", code, rest)
		return
	}
	if !span.From.IsZero() && !span.Until.IsZero() && span.Until.Before(span.From) {
		r.warnf(line, col, "restriction %s %s ends before it starts; dropped", code, rest)
		return
	}
	a.roles = append(a.roles, span)
}

// tabariDate reads YYMMDD or YYYYMMDD. Longer runs of digits whose last
// eight are a date (a doubled century, "1920030320") are read as those
// eight, with a warning.
func tabariDate(r *textReader, line, col int, s string) (graph.Date, bool) {
	var y, m, d int
	switch {
	case len(s) == 6:
		y, _ = strconv.Atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, _ = strconv.Atoi(s[2:4])
		d, _ = strconv.Atoi(s[4:6])
	case len(s) == 8:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:8])
	case len(s) > 8 && len(s) <= 12:
		if dt, ok := tabariDate(&textReader{}, line, col, s[len(s)-8:]); ok {
			r.warnf(line, col, "date %s has %d digits: read as %s", s, len(s), dt)
			return dt, true
		}
		fallthrough
	default:
		r.warnf(line, col, "bad date %q: want YYMMDD or YYYYMMDD", s)
		return graph.Date{}, false
	}
	dt := graph.Date{Year: y, Month: m, Day: d}
	if m < 1 || m > 12 || d < 1 || !dt.Valid() {
		r.warnf(line, col, "bad date %q: no such day", s)
		return graph.Date{}, false
	}
	return dt, true
}

func (a *actorRecord) entry(r *textReader) (ActorEntry, bool) {
	e := ActorEntry{Name: a.name, Code: a.code, Roles: a.roles, Where: a.where}
	seen := map[string]bool{norm(a.name): true}
	for _, s := range a.aliases {
		k := norm(s)
		if k == "" {
			r.warnf(a.line, a.col, "actor %q: synonym %q has no letters or digits; dropped", a.name, s)
			continue
		}
		if !seen[k] {
			seen[k] = true
			e.Aliases = append(e.Aliases, s)
		}
	}
	if norm(a.name) == "" {
		r.errf(a.line, a.col, "actor %q has no letters or digits", a.name)
		return e, false
	}
	e.Type = inferType(e)
	e.Country = codeCountry(e)
	return e, true
}

var groupBlocks = map[string]bool{"REB": true, "INS": true, "IMG": true, "UAF": true, "SEP": true}

// inferType guesses the kind of actor from its codes; see readActors.
func inferType(e ActorEntry) graph.ActorType {
	code := currentCode(e)
	// A state whose code changed (Eritrea was coded as part of Ethiopia
	// before 1993) ends on a bare country code; a person's dated codes
	// are roles.
	if len(code) == 3 && countryCodes()[code] {
		return graph.Country
	}
	for _, r := range e.Roles {
		if !r.From.IsZero() || !r.Until.IsZero() {
			return graph.Person
		}
	}
	if strings.HasPrefix(code, "IGO") {
		return graph.IGO
	}
	for i := 0; i+3 <= len(code); i += 3 {
		if groupBlocks[code[i:i+3]] {
			return graph.Group
		}
	}
	if len(code) == 3 && len(e.Roles) == 0 && countryCodes()[code] {
		return graph.Country
	}
	return graph.Organization
}

// codeCountry is the country the actor's current code starts with, if
// any.
func codeCountry(e ActorEntry) string {
	code := currentCode(e)
	if len(code) >= 3 && countryCodes()[code[:3]] {
		return code[:3]
	}
	return ""
}

// currentCode is the code an actor has today: its default code, else
// the code of the dated span that is still open or ended last.
func currentCode(e ActorEntry) string {
	if e.Code != "" {
		return e.Code
	}
	best := -1
	for i, r := range e.Roles {
		switch {
		case best < 0:
			best = i
		case r.Until.IsZero():
			best = i
		case !e.Roles[best].Until.IsZero() && e.Roles[best].Until.Before(r.Until):
			best = i
		}
		if r.Until.IsZero() && !r.From.IsZero() {
			best = i
			break
		}
	}
	if best < 0 {
		return ""
	}
	return e.Roles[best].Code
}

var countryCodes = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	data, err := embedded.ReadFile("data/countries.yaml")
	if err != nil {
		return out
	}
	for _, m := range regexp.MustCompile(`(?m)^\s+code: ([A-Z]{3})\s*$`).FindAllSubmatch(data, -1) {
		out[string(m[1])] = true
	}
	return out
})

// resolveClaims gives each surface form to one actor of the file, the
// later one, as a PETRARCH phrase listed twice means what it last said.
// Two records of the same name are one actor (they merge on loading), so
// they share their forms freely. An actor's canonical name is never taken
// from it: the later alias is dropped instead.
func resolveClaims(r *textReader, actors []ActorEntry) []ActorEntry {
	type claim struct {
		actor int
		name  bool
	}
	owner := map[string]claim{}
	drop := map[[2]int]bool{} // (actor, alias index)
	aliasAt := map[string][2]int{}
	for i := range actors {
		a := &actors[i]
		key := norm(a.Name)
		if c, ok := owner[key]; ok && norm(actors[c.actor].Name) != key {
			// An earlier actor has this name as an alias: it goes.
			if at, ok := aliasAt[key]; ok && !drop[at] {
				drop[at] = true
				r.warnAt(a.Where, "%q is an alias of %q (%s) and the name of a later actor: the later one keeps it",
					a.Name, actors[c.actor].Name, actors[c.actor].Where)
			}
		}
		owner[key] = claim{i, true}
		for j, s := range a.Aliases {
			k := norm(s)
			c, ok := owner[k]
			switch {
			case !ok || norm(actors[c.actor].Name) == key:
			case c.name:
				drop[[2]int{i, j}] = true
				r.warnAt(a.Where, "synonym %q of %q is the name of %q (%s); dropped", s, a.Name, actors[c.actor].Name, actors[c.actor].Where)
				continue
			default:
				if at, ok := aliasAt[k]; ok {
					drop[at] = true
				}
				r.warnAt(a.Where, "synonym %q of %q also names %q (%s): the later one keeps it", s, a.Name, actors[c.actor].Name, actors[c.actor].Where)
			}
			owner[k] = claim{i, false}
			aliasAt[k] = [2]int{i, j}
		}
	}
	if len(drop) == 0 {
		return actors
	}
	for i := range actors {
		a := &actors[i]
		var keep []string
		for j, s := range a.Aliases {
			if !drop[[2]int{i, j}] {
				keep = append(keep, s)
			}
		}
		a.Aliases = keep
	}
	return actors
}
