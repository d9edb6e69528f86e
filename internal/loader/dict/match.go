package dict

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind says what sort of dictionary entry a mention matched.
type Kind uint8

// Kinds of mention. Actor kinds come first; KindRole and KindTitle matches
// carry a role code and no actor.
const (
	KindName    Kind = iota // canonical or official name: Pakistan, Islamic Republic of Pakistan
	KindAlias               // other name: Britain, Kayani
	KindDemonym             // Pakistani, Russians
	KindPlace               // capital or seat of power: Moscow, the Kremlin
	KindAbbrev              // US, U.K., UNSC
	KindPrefix              // combining form before a hyphen: Indo-, Sino-
	KindTitle               // personal title: President, Air Chief Marshal
	KindRole                // common noun with a role: minister, army
)

var kindNames = [...]string{"name", "alias", "demonym", "place", "abbrev", "prefix", "title", "role"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// IsActor reports whether a match of kind k names an actor.
func (k Kind) IsActor() bool { return k <= KindPrefix }

// Match is one dictionary mention in a text. Text[Start:End] == Surface.
type Match struct {
	Start, End int
	// Entry is the actor named; nil for titles and roles.
	Entry   *ActorEntry
	Surface string
	Kind    Kind
	// Code is the actor's code, or for titles and roles the role code (GOV).
	Code string
}

// Matcher finds dictionary mentions in text. It is a trie over lower-cased
// word tokens, so matching costs one map look-up per token whatever the size
// of the dictionary; case rules are checked on the surface afterwards.
type Matcher struct {
	d    *Dictionary
	root *node
	pool sync.Pool // *scratch
}

type node struct {
	next  map[string]*node
	terms []term
}

type caseMode uint8

const (
	caseFold   caseMode = iota // any case: "minister", "armed forces"
	caseProper                 // capitalized alias words need a capital: Turkey, not turkey
	caseExact                  // short abbreviations must match exactly: US, not us
)

type term struct {
	entry int // index in Dictionary.Actors, or -1
	kind  Kind
	code  string
	toks  []string // alias tokens as written, dots removed
	mode  caseMode
}

// Matcher returns the dictionary's matcher, built on first use. It is safe
// for concurrent use.
func (d *Dictionary) Matcher() *Matcher {
	d.matcherOnce.Do(func() { d.matcher = newMatcher(d) })
	return d.matcher
}

func newMatcher(d *Dictionary) *Matcher {
	m := &Matcher{d: d, root: &node{}}
	m.pool.New = func() any { return new(scratch) }
	for i := range d.Actors {
		a := &d.Actors[i]
		for _, s := range a.surfaces() {
			m.add(s.text, term{entry: i, kind: s.kind, code: a.Code, mode: actorCase(s.text)})
		}
	}
	for _, t := range d.Titles {
		m.add(t.Title, term{entry: -1, kind: KindTitle, code: t.Code, mode: actorCase(t.Title)})
	}
	for _, r := range d.Roles {
		m.add(r.Word, term{entry: -1, kind: KindRole, code: r.Code, mode: wordCase(r.Word)})
	}
	return m
}

func (m *Matcher) add(alias string, t term) {
	var sc scratch
	toks := sc.tokenize(alias)
	if len(toks) == 0 {
		return
	}
	n := m.root
	t.toks = make([]string, len(toks))
	for i, tk := range toks {
		k := string(sc.key(tk))
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[k]
		if c == nil {
			c = &node{}
			n.next[k] = c
		}
		n = c
		t.toks[i] = stripDots(alias[tk.start:tk.end])
	}
	for _, old := range n.terms {
		if old.entry == t.entry && old.kind == t.kind && old.mode == t.mode && old.code == t.code {
			return
		}
	}
	// Actors before titles before roles; stable otherwise.
	at := len(n.terms)
	for at > 0 && n.terms[at-1].kind > t.kind && t.kind >= KindTitle {
		at--
	}
	n.terms = append(n.terms, term{})
	copy(n.terms[at+1:], n.terms[at:])
	n.terms[at] = t
}

// actorCase picks the case rule of an actor alias: short ones holding a
// capital (US, UK, Pak, UN) must match exactly, other capitalized ones need
// their capitals, lower-case ones match in any case.
func actorCase(alias string) caseMode {
	letters, upper := 0, false
	for _, r := range alias {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters++
		}
		upper = upper || unicode.IsUpper(r)
	}
	switch {
	case upper && letters <= 4:
		return caseExact
	case upper:
		return caseProper
	}
	return caseFold
}

// wordCase is the rule for role words, which are as often lower case as not
// ("the army chief"): only short capitalized forms (PM, MP) are exact.
// Titles use actorCase: "President Putin" is a title, "the president" a role.
func wordCase(w string) caseMode {
	if actorCase(w) == caseExact {
		return caseExact
	}
	return caseFold
}

// token is one word of the text: a run of letters and digits, or a dotted
// abbreviation such as U.S.A. (dots included in the span, not in the key).
type token struct {
	start, end int // span in the text
	ks, ke     int // key in scratch.keys
}

type scratch struct {
	toks []token
	keys []byte
}

func (s *scratch) key(t token) []byte { return s.keys[t.ks:t.ke] }

// asciiLower maps an ASCII letter or digit to its lower case, and every
// other byte to 0.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c] = c
		t[c-'a'+'A'] = c
	}
	return t
}()

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := runeAt(s, i)
	return unicode.IsLetter(r)
}

func isWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := runeAt(s, i)
	return isWordRune(r)
}

// tokenize splits text into word tokens with their lower-cased keys.
func (s *scratch) tokenize(text string) []token {
	s.toks, s.keys = s.toks[:0], s.keys[:0]
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiLower[c] == 0 {
				i++
				continue
			}
		} else if r, w := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			i += w
			continue
		}
		start, ks := i, len(s.keys)
		for i < len(text) {
			// ASCII fast path: most news text is ASCII words and spaces.
			if c := text[i]; c < utf8.RuneSelf {
				l := asciiLower[c]
				if l == 0 {
					break
				}
				s.keys = append(s.keys, l)
				i++
				continue
			}
			r, w := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			s.appendLower(r)
			i += w
		}
		// A single letter followed by ".X" is an abbreviation: U.S., U.K., U.S.A.
		if i-start == 1 && i+1 < len(text) && text[i] == '.' && isLetterAt(text, i+1) {
			j, ok := i, false
			for j+1 < len(text) && text[j] == '.' && isLetterAt(text, j+1) {
				_, w2 := runeAt(text, j+1)
				if isWordAt(text, j+1+w2) {
					break
				}
				r2, _ := runeAt(text, j+1)
				s.appendLower(r2)
				j += 1 + w2
				ok = true
			}
			if ok {
				i = j
				if i < len(text) && text[i] == '.' {
					i++
				}
			} else {
				s.keys = s.keys[:ks+1]
			}
		}
		s.toks = append(s.toks, token{start: start, end: i, ks: ks, ke: len(s.keys)})
	}
	return s.toks
}

// gapOK reports whether toks[j] and toks[j+1] may be words of one name:
// the gap between them holds only spaces, hyphens, apostrophes and dots.
// It is computed on demand, as most tokens start no dictionary name.
func gapOK(text string, toks []token, j int) bool {
	return j+1 < len(toks) && joinable(text[toks[j].end:toks[j+1].start])
}

// hyphenAfter reports whether toks[j] is directly followed by a hyphen and
// another word, as "Indo" in "Indo-Pak".
func hyphenAfter(text string, toks []token, j int) bool {
	if toks[j].end >= len(text) {
		return false
	}
	r, _ := runeAt(text, toks[j].end)
	return isDash(r) && gapOK(text, toks, j)
}

func (s *scratch) appendLower(r rune) {
	if r < utf8.RuneSelf {
		c := byte(r)
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		s.keys = append(s.keys, c)
		return
	}
	s.keys = utf8.AppendRune(s.keys, unicode.ToLower(r))
}

func isDash(r rune) bool { return r == '-' || r == '‐' || r == '‑' || r == '–' }

// joinable reports whether gap may separate two words of one name.
func joinable(gap string) bool {
	if len(gap) > 8 {
		return false
	}
	for _, r := range gap {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\u00a0':
		case isDash(r), r == '.', r == '\'', r == '’':
		default:
			return false
		}
	}
	return true
}

func stripDots(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r != '.' {
			out = append(out, r)
		}
	}
	return string(out)
}

// Find returns the dictionary mentions in text, left to right, without
// overlaps: at each word the longest mention wins (UN Security Council over
// UN). Mentions are whole words; a possessive 's is left outside the span;
// both parts of a hyphen compound match (Pak-Russia). Text is typically one
// sentence.
func (m *Matcher) Find(text string) []Match {
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	toks := sc.tokenize(text)
	var out []Match
	for i := 0; i < len(toks); {
		n := m.root.next[string(sc.key(toks[i]))]
		bestEnd, best := -1, (*term)(nil)
		for j := i; n != nil; {
			for ti := range n.terms {
				t := &n.terms[ti]
				if t.kind == KindPrefix && !hyphenAfter(text, toks, j) {
					continue
				}
				if caseOK(t, text, toks[i:j+1]) {
					bestEnd, best = j, t
					break
				}
			}
			if n.next == nil || !gapOK(text, toks, j) {
				break
			}
			j++
			n = n.next[string(sc.key(toks[j]))]
		}
		if best == nil {
			i++
			continue
		}
		mt := Match{Start: toks[i].start, End: toks[bestEnd].end, Kind: best.kind, Code: best.code}
		mt.Surface = text[mt.Start:mt.End]
		if best.entry >= 0 {
			mt.Entry = &m.d.Actors[best.entry]
		}
		out = append(out, mt)
		i = bestEnd + 1
	}
	return out
}

func caseOK(t *term, text string, toks []token) bool {
	if t.mode == caseFold {
		return true
	}
	for k, tk := range toks {
		want := t.toks[k]
		got := text[tk.start:tk.end]
		switch t.mode {
		case caseExact:
			if !equalNoDots(got, want) {
				return false
			}
		case caseProper:
			w, _ := utf8.DecodeRuneInString(want)
			if unicode.IsUpper(w) {
				g, _ := utf8.DecodeRuneInString(got)
				if !unicode.IsUpper(g) {
					return false
				}
			}
		}
	}
	return true
}

// equalNoDots compares got with want ignoring dots in got (U.S. = US).
func equalNoDots(got, want string) bool {
	j := 0
	for i := 0; i < len(got); i++ {
		if got[i] == '.' {
			continue
		}
		if j >= len(want) || got[i] != want[j] {
			return false
		}
		j++
	}
	return j == len(want)
}
