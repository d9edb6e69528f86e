package dict

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/graph/cameo"
)

// VerbDict is a PETRARCH-style verb dictionary: verbs grouped in synonym
// blocks, each block with its patterns.
//
// A block ("--- ACCELERATE [---] ---") lists synonymous verbs, each with
// its inflected forms, and the patterns that refine the block's code
// according to the nouns and prepositions around the verb. Codes are kept
// as written, in three shapes:
//
//   - "042": the event from the source (usually the subject) to the target.
//   - "042:043": a paired code. Code is the event source → target and Alt
//     the event the same clause implies back from the target to the source:
//     "A visited B" is A 042 (make a visit) B and B 043 (host a visit) A;
//     "[031:031]" makes a meeting symmetric. TABARI coded both events;
//     PETRARCH 2 reads Alt only when Code is empty.
//   - ":110": no event source → target, only the reverse one ("A offended
//     B": B 110 disapproves of A), i.e. the clause is read as if passive.
//
// "---" is the null code: the verb or pattern is recognised but codes no
// event. Codes that are not CAMEO (the PETRARCH validation set uses 212,
// 802, 915, "def"...) are kept; Warnings lists them.
//
// Patterns ("- &MILITARY * (TO BORDER) [154]") hold, in order, nouns and
// prepositional phrases before the verb (*) and after it. Nouns are
// heads: "{FINANCIAL AID}" is the phrase "financial aid" whose head, the
// last word, is "aid". "(FOR AID)" is a prepositional phrase; "(TO)" a
// bare preposition. "&NAME" stands for any phrase of that synset. Four
// marker words stand for actors:
//
//	$  the source of the event
//	+  its target
//	%  a compound actor ("Israel and Syria") that is both: each member
//	   acts on the others
//	^  an actor to skip, neither source nor target (a location: "* SUMMIT
//	   (IN ^)")
//
// They are kept as words of the phrases ("$" alone, or "+ border" in
// "(TO + BORDER)"), and Pattern.Source, Target and Compound say where they
// sit. TABARI-style patterns join words with "_" ("SUGGESTED_+",
// "IN_*"); the joined words become one phrase, and a "_" next to "*" is
// dropped: a tree-based coder does not use adjacency.
//
// Transformation lines ("~ a (a b ATTACK) SAY = a b 015") rewrite an event
// whose target is itself an event: "a said that a would attack b" is coded
// a → b 015 (threaten) rather than a SAY-event about an ATTACK-event.
// See Transform.
type VerbDict struct {
	// Synsets maps "&CURRENCY" to its phrases, plurals already generated.
	Synsets    map[string][]Phrase    `json:"synsets,omitempty"`
	Blocks     []*VerbBlock           `json:"blocks,omitempty"`
	Transforms []*Transform           `json:"transforms,omitempty"`
	byVerb     map[string][]*VerbWord // lemma of the inflected word → entries
	byForm     map[string][]*VerbWord // every form, and the lemma, → entries
}

// VerbBlock is one synonym block of a verb dictionary.
type VerbBlock struct {
	Name     string      `json:"name"`          // block label: "ACCELERATE"
	Code     string      `json:"code"`          // block default code; "---" means the bare verb codes nothing
	Alt      string      `json:"alt,omitempty"` // reverse code of a paired "[031:031]" block code
	Verbs    []*VerbWord `json:"verbs,omitempty"`
	Patterns []*Pattern  `json:"patterns,omitempty"`
	Where    string      `json:"where,omitempty"` // file:line
}

// VerbWord is one verb of a block, possibly of several words ("cordon
// off", "wire tap") of which one inflects.
type VerbWord struct {
	Lemma  string   `json:"lemma"`            // lower case; multiword joined by spaces: "cordon off", "wire tap"
	Verb   string   `json:"verb"`             // the word that inflects (marked + in multiword entries): "cordon", "tap"
	Before []string `json:"before,omitempty"` // words before the verb word: WIRE_+TAP → ["wire"]
	After  []string `json:"after,omitempty"`  // particles after it: +CORDON_OFF → ["off"]
	// Forms are the inflected forms of the verb word, lower case: those
	// given in {...} or the regular ones (see verbForms).
	Forms []string   `json:"forms,omitempty"`
	Code  string     `json:"code"`          // the word's own code, else the block's
	Alt   string     `json:"alt,omitempty"` // reverse code, as Pattern.Alt
	Block *VerbBlock `json:"-"`
	Where string     `json:"where,omitempty"` // file:line
	own   bool       // Code was given on the word's line
}

// Pattern is one pattern of a block; see VerbDict for the notation.
type Pattern struct {
	Pre       []Phrase     `json:"pre,omitempty"`        // nouns before the verb (subject side)
	PrePreps  []PrepPhrase `json:"pre_preps,omitempty"`  // prepositional phrases before the verb
	Post      []Phrase     `json:"post,omitempty"`       // nouns after the verb (object side)
	PostPreps []PrepPhrase `json:"post_preps,omitempty"` // (TO BORDER), (FOR {FINANCIAL AID})
	Code      string       `json:"code"`                 // "042"; for "[042:043]" Code is the first and Alt the second
	Alt       string       `json:"alt,omitempty"`
	// Source, Target and Compound say where the $, + and % markers sit:
	// "pre", "post", or "pre:<prep>"/"post:<prep>" inside a prepositional
	// phrase ("post:from" for "(FROM $)"); empty when unmarked.
	Source   string `json:"source,omitempty"`
	Target   string `json:"target,omitempty"`
	Compound string `json:"compound,omitempty"`
	Text     string `json:"text"`            // the pattern as written (blanks collapsed), for messages
	Where    string `json:"where,omitempty"` // file:line
}

// Phrase is a noun phrase of a pattern or synset.
type Phrase struct {
	// Words are lower case; the head is the LAST word. A synset reference
	// is kept as "&name" (lower case); $ + % ^ are actor markers.
	Words []string `json:"words"`
}

// PrepPhrase is a prepositional phrase of a pattern.
type PrepPhrase struct {
	Prep   string  `json:"prep"`             // lower case
	Object *Phrase `json:"object,omitempty"` // nil when the pattern gives only the preposition: (TO)
}

// Transform is a verb transformation: an event whose target is another
// event, matching Match, is coded Source → Target with Code instead.
// "~ a (a b ATTACK) SAY = a b 015": a says that a attacks b → a 015 b.
// Variables are letters; "." is an actor left unspecified and "_" no actor
// at all. Verbs are verb words of the dictionary, matched through their
// codes so synonyms match too; "Q" is any verb, and a Code "Q" takes the
// lower verb's code.
type Transform struct {
	Match  TransformEvent `json:"match"`
	Source string         `json:"source"`
	Target string         `json:"target"`
	Code   string         `json:"code"`
	Text   string         `json:"text"` // the line as written without the ~, blanks collapsed
	Where  string         `json:"where,omitempty"`
}

// TransformEvent is the left-hand side of a transformation: Source acts
// with Verb on Target, an actor variable, or on Event.
type TransformEvent struct {
	Source string          `json:"source"`
	Target string          `json:"target,omitempty"`
	Event  *TransformEvent `json:"event,omitempty"`
	Verb   string          `json:"verb"` // lower case ("attack"; several verbs joined by _), or "Q"
}

// Head returns the head word of the phrase, its last.
func (p Phrase) Head() string {
	if len(p.Words) == 0 {
		return ""
	}
	return p.Words[len(p.Words)-1]
}

func (p Phrase) String() string { return strings.Join(p.Words, " ") }

// IsMarker reports whether w is one of the actor markers $ + % ^.
func IsMarker(w string) bool { return w == "$" || w == "+" || w == "%" || w == "^" }

// Lookup returns the entries whose inflecting word has this lemma (lower case).
func (v *VerbDict) Lookup(lemma string) []*VerbWord {
	if v == nil {
		return nil
	}
	return v.byVerb[strings.ToLower(lemma)]
}

// Form returns the entries one of whose forms (or lemma) equals the word (lower case), for text that was not lemmatised.
func (v *VerbDict) Form(word string) []*VerbWord {
	if v == nil {
		return nil
	}
	return v.byForm[strings.ToLower(word)]
}

// InSynset reports whether the lower-case phrase words match synset name (with plurals).
func (v *VerbDict) InSynset(name string, words []string) bool {
	return v != nil && v.inSynset(name, words, 0)
}

// maxSynsetDepth bounds synsets nested in synsets (and cycles among them).
const maxSynsetDepth = 8

func (v *VerbDict) inSynset(name string, words []string, depth int) bool {
	if depth > maxSynsetDepth || len(words) == 0 {
		return false
	}
	for _, p := range v.Synsets[synsetKey(name)] {
		if v.matchWords(p.Words, words, depth+1) {
			return true
		}
	}
	return false
}

func (v *VerbDict) matchWords(pw, ws []string, depth int) bool {
	if len(pw) == 0 {
		return len(ws) == 0
	}
	if strings.HasPrefix(pw[0], "&") {
		for k := 1; k <= len(ws); k++ {
			if v.inSynset(pw[0], ws[:k], depth) && v.matchWords(pw[1:], ws[k:], depth) {
				return true
			}
		}
		return false
	}
	return len(ws) > 0 && pw[0] == ws[0] && v.matchWords(pw[1:], ws[1:], depth)
}

// synsetKey is the map key of a synset reference: "&currency", "CURRENCY"
// and "&CURRENCY" are all "&CURRENCY".
func synsetKey(name string) string {
	return "&" + strings.ToUpper(strings.TrimPrefix(name, "&"))
}

// reindex rebuilds the look-up maps from the blocks.
func (v *VerbDict) reindex() {
	v.byVerb = map[string][]*VerbWord{}
	v.byForm = map[string][]*VerbWord{}
	for _, b := range v.Blocks {
		for _, w := range b.Verbs {
			v.byVerb[w.Verb] = append(v.byVerb[w.Verb], w)
			seen := map[string]bool{}
			for _, f := range append([]string{w.Verb}, w.Forms...) {
				if !seen[f] {
					seen[f] = true
					v.byForm[f] = append(v.byForm[f], w)
				}
			}
		}
	}
}

// codeOK reports whether c is a CAMEO event code or the null code.
func codeOK(c string) bool { return c == "---" || cameo.Valid(c) == nil }

// joinCode writes a code and its reverse as in the files: "042",
// "042:043", ":110".
func joinCode(code, alt string) string {
	if alt == "" {
		return code
	}
	return code + ":" + alt
}

// parseCode reads the inside of a [...] code.
func parseCode(s string) (code, alt string, err error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, ":")
	if len(parts) > 2 {
		return "", "", fmt.Errorf("bad code [%s]: at most one ':'", s)
	}
	code = strings.TrimSpace(parts[0])
	if len(parts) == 2 {
		alt = strings.TrimSpace(parts[1])
	}
	if code == "" && alt == "" {
		return "", "", fmt.Errorf("empty code []")
	}
	if strings.ContainsAny(code+alt, " \t[]{}()") {
		return "", "", fmt.Errorf("bad code [%s]", s)
	}
	return code, alt, nil
}

// Warnings lists what a coder cannot use although the file reads: codes
// that are neither CAMEO nor "---", synsets that are used but never
// defined (a pattern naming one never matches), and transformations naming
// verbs the dictionary lacks.
func (v *VerbDict) Warnings() []Problem {
	if v == nil {
		return nil
	}
	var out []Problem
	warn := func(where, format string, args ...any) {
		p := problemAt(where, fmt.Sprintf(format, args...))
		p.Warning = true
		out = append(out, p)
	}
	checkCode := func(where, what, code, alt string) {
		for _, c := range []string{code, alt} {
			switch {
			case c == "" || codeOK(c):
			case cameo.User(c):
				warn(where, "%s: %q is not a CAMEO event code; coded as given, with no Goldstein score or quad class", what, c)
			default:
				warn(where, "%s: %q is not a CAMEO event code", what, c)
			}
		}
	}
	checkRefs := func(where, what string, ps []Phrase) {
		for _, p := range ps {
			for _, w := range p.Words {
				if _, ok := v.Synsets[synsetKey(w)]; strings.HasPrefix(w, "&") && !ok {
					warn(where, "%s: synset %s is not defined", what, strings.ToUpper(w))
				}
			}
		}
	}
	names := make([]string, 0, len(v.Synsets))
	for k := range v.Synsets {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		for _, p := range v.Synsets[k] {
			for _, w := range p.Words {
				if _, ok := v.Synsets[synsetKey(w)]; strings.HasPrefix(w, "&") && !ok {
					out = append(out, Problem{Msg: fmt.Sprintf("synset %s: member %s is not defined", k, strings.ToUpper(w)), Warning: true})
				}
			}
		}
	}
	for _, b := range v.Blocks {
		checkCode(b.Where, "block "+b.Name, b.Code, b.Alt)
		for _, w := range b.Verbs {
			if w.own {
				checkCode(w.Where, "verb "+w.Lemma, w.Code, w.Alt)
			}
		}
		for _, p := range b.Patterns {
			checkCode(p.Where, "pattern "+p.Text, p.Code, p.Alt)
			checkRefs(p.Where, "pattern "+p.Text, p.Pre)
			checkRefs(p.Where, "pattern "+p.Text, p.Post)
			for _, pp := range append(append([]PrepPhrase(nil), p.PrePreps...), p.PostPreps...) {
				if pp.Object != nil {
					checkRefs(p.Where, "pattern "+p.Text, []Phrase{*pp.Object})
				}
			}
		}
	}
	for _, t := range v.Transforms {
		if t.Code != "Q" {
			checkCode(t.Where, "transformation "+t.Text, t.Code, "")
		}
		for e := &t.Match; e != nil; e = e.Event {
			if e.Verb == "Q" {
				continue
			}
			for _, vb := range strings.Split(e.Verb, "_") {
				if len(v.Lookup(vb)) == 0 {
					warn(t.Where, "transformation %s: no verb %q in the dictionary", t.Text, vb)
				}
			}
		}
	}
	return out
}

// readVerbs reads a PETRARCH verb dictionary; see VerbDict.
func readVerbs(r *textReader, lines []srcLine) *VerbDict {
	v := &VerbDict{Synsets: map[string][]Phrase{}}
	known := map[string]bool{}
	for _, l := range lines {
		if t, _ := l.trimmed(); t[0] == '&' {
			name, _ := synsetHeader(t)
			known[name] = true
		}
	}
	var (
		block     *VerbBlock
		syn       string // synset being defined; "" outside one
		synPlural bool
		synLine   = map[string]int{}
	)
	for _, l := range lines {
		t, col := l.trimmed()
		if syn != "" && t[0] == '+' {
			p, err := synsetPhrase(t[1:], known)
			if err != nil {
				r.errf(l.n, col+1, "synset %s: %v", syn, err)
				continue
			}
			v.Synsets[syn] = addPhrase(v.Synsets[syn], p)
			if synPlural && !strings.HasSuffix(strings.TrimSpace(t), "_") {
				if pl, ok := pluralPhrase(p); ok {
					v.Synsets[syn] = addPhrase(v.Synsets[syn], pl)
				}
			}
			continue
		}
		syn = ""
		switch {
		case strings.HasPrefix(t, "---"):
			name, code, alt, err := blockHeader(r, l.n, col, t)
			if err != nil {
				r.errf(l.n, col, "%v", err)
				block = nil
				continue
			}
			block = &VerbBlock{Name: name, Code: code, Alt: alt, Where: r.where(l.n)}
			v.Blocks = append(v.Blocks, block)
		case t[0] == '&':
			name, plural := synsetHeader(t)
			if !synsetNameRe.MatchString(name) {
				r.errf(l.n, col, "bad synset name %q: want &NAME (letters, digits, _ and -)", strings.Fields(t)[0])
				continue
			}
			if rest := strings.TrimSpace(strings.TrimLeft(t, "&ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")); rest != "" {
				r.warnf(l.n, col, "text after the synset name ignored: %q", rest)
			}
			if _, dup := v.Synsets[name]; dup {
				r.warnf(l.n, col, "synset %s defined again: its members are added", name)
			} else {
				v.Synsets[name] = nil
				synLine[name] = l.n
			}
			syn, synPlural = name, plural
		case t[0] == '-':
			if block == nil {
				r.errf(l.n, col, "pattern before any verb block (--- NAME [code] ---)")
				continue
			}
			p, errCol, err := parsePattern(t[1:], known, func(c int, format string, args ...any) {
				r.warnf(l.n, col+1+c, format, args...)
			})
			if err != nil {
				// PETRARCH skips a pattern it cannot read; so does the
				// reader, saying so.
				r.warnf(l.n, col+1+errCol, "%v; pattern skipped", err)
				continue
			}
			p.Where = r.where(l.n)
			block.Patterns = append(block.Patterns, p)
		case t[0] == '~':
			tr, err := parseTransform(t[1:])
			if err != nil {
				r.warnf(l.n, col, "%v; skipped", err)
				continue
			}
			tr.Where = r.where(l.n)
			v.Transforms = append(v.Transforms, tr)
		default:
			if block == nil {
				r.errf(l.n, col, "verb %q before any verb block (--- NAME [code] ---)", t)
				continue
			}
			w, errCol, err := parseVerbLine(t, func(c int, format string, args ...any) {
				r.warnf(l.n, col+c, format, args...)
			})
			if err != nil {
				r.errf(l.n, col+errCol, "%v", err)
				continue
			}
			w.Where = r.where(l.n)
			block.addVerb(w)
		}
	}
	for _, l := range lines {
		if t, col := l.trimmed(); t[0] == '&' {
			if name, _ := synsetHeader(t); synLine[name] == l.n && len(v.Synsets[name]) == 0 {
				r.warnf(l.n, col, "synset %s has no members", name)
			}
		}
	}
	v.reindex()
	return v
}

// addVerb adds w to b; a word without its own code takes the block's.
func (b *VerbBlock) addVerb(w *VerbWord) {
	w.Block = b
	if !w.own {
		w.Code, w.Alt = b.Code, b.Alt
	}
	b.Verbs = append(b.Verbs, w)
}

// synsetHeader reads "&NAME" or "&NAME_" (no plurals for its phrases).
func synsetHeader(t string) (name string, plural bool) {
	tok := t
	if i := strings.IndexAny(t, " \t"); i >= 0 {
		tok = t[:i]
	}
	plural = !strings.HasSuffix(tok, "_")
	return synsetKey(strings.TrimRight(tok, "_")), plural
}

// blockHeader reads "--- NAME [CODE] ---".
func blockHeader(r *textReader, line, col int, t string) (name, code, alt string, err error) {
	s := strings.TrimLeft(t, "-")
	off := len(t) - len(s)
	code = "---"
	if i := strings.IndexByte(s, '['); i >= 0 {
		name = s[:i]
		rest := s[i+1:]
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return "", "", "", fmt.Errorf("missing ] in block header")
		}
		if code, alt, err = parseCode(rest[:j]); err != nil {
			return "", "", "", err
		}
		if tail := strings.Trim(rest[j+1:], " \t-"); tail != "" {
			r.warnf(line, col+off+i+j+2, "text after the block code ignored: %q", tail)
		}
	} else {
		name = s
	}
	name = strings.Join(strings.Fields(strings.TrimRight(strings.TrimSpace(name), "-")), " ")
	if name == "" {
		return "", "", "", fmt.Errorf("block header without a name")
	}
	return name, code, alt, nil
}

// synsetPhrase reads a synset member. Markers are not allowed.
func synsetPhrase(s string, known map[string]bool) (Phrase, error) {
	ws := groupWords(strings.TrimSpace(s), known)
	if len(ws) == 0 {
		return Phrase{}, fmt.Errorf("empty member")
	}
	for _, w := range ws {
		if IsMarker(w) {
			return Phrase{}, fmt.Errorf("member %q holds the marker %s", strings.TrimSpace(s), w)
		}
	}
	return Phrase{Words: ws}, nil
}

// pluralPhrase is p with its last word made plural, unless that word is a
// synset reference or has no letter.
func pluralPhrase(p Phrase) (Phrase, bool) {
	last := p.Head()
	if last == "" || strings.HasPrefix(last, "&") || strings.IndexFunc(last, func(r rune) bool { return r >= 'a' && r <= 'z' }) < 0 {
		return Phrase{}, false
	}
	pl := nounPlural(last)
	if pl == "" {
		return Phrase{}, false
	}
	ws := append(append([]string(nil), p.Words[:len(p.Words)-1]...), pl)
	return Phrase{Words: ws}, true
}

// maxSynsetParts bounds the "_"-separated parts a synset name is looked
// for in.
const maxSynsetParts = 8

// groupWords splits a token or group on blanks and "_" into lower-case
// words. Inside one blank-separated token, "&A_B" is the synset &A_B when
// the file defines it, else &A followed by b when &A is defined (TABARI's
// "&NEGATIVE_WANT"), else the synset &A_B all the same.
func groupWords(s string, known map[string]bool) []string {
	var out []string
	for _, tok := range strings.Fields(s) {
		parts := words(tok)
		for i := 0; i < len(parts); i++ {
			p := parts[i]
			if !strings.HasPrefix(p, "&") || len(p) == 1 {
				out = append(out, strings.ToLower(p))
				continue
			}
			take := len(parts) - i
			for k := min(take, maxSynsetParts); k >= 1; k-- {
				if known[synsetKey(strings.Join(parts[i:i+k], "_"))] {
					take = k
					break
				}
			}
			out = append(out, strings.ToLower(strings.Join(parts[i:i+take], "_")))
			i += take - 1
		}
	}
	return out
}

type warnFunc func(col int, format string, args ...any)

// parsePattern reads a pattern without its leading "-": nouns and
// prepositional phrases, "*", more of them, then "[code]". The column of
// an error is returned (0-based within src).
func parsePattern(src string, known map[string]bool, warn warnFunc) (*Pattern, int, error) {
	open := strings.LastIndexByte(src, '[')
	if open < 0 {
		return nil, len(src), fmt.Errorf("pattern without a [code]")
	}
	closeAt := strings.IndexByte(src[open:], ']')
	if closeAt < 0 {
		return nil, open, fmt.Errorf("missing ] after the pattern code")
	}
	code, alt, err := parseCode(src[open+1 : open+closeAt])
	if err != nil {
		return nil, open, err
	}
	if tail := strings.TrimSpace(src[open+closeAt+1:]); tail != "" {
		warn(open+closeAt+1, "text after the pattern code ignored: %q", tail)
	}
	body := src[:open]
	p := &Pattern{Code: code, Alt: alt}
	var sides [2]struct {
		nouns []Phrase
		preps []PrepPhrase
	}
	side, stars := 0, 0
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '*':
			if stars++; stars > 1 {
				return nil, i, fmt.Errorf("more than one * in the pattern")
			}
			side = 1
			i++
		case c == '{':
			inner, col, err := bracketed(body, i, '}', "{()*")
			if err != nil {
				return nil, col, err
			}
			j := len(inner)
			ws := groupWords(inner, known)
			if len(ws) == 0 {
				return nil, i, fmt.Errorf("empty {}")
			}
			checkSlash(warn, i, ws)
			sides[side].nouns = append(sides[side].nouns, Phrase{Words: ws})
			i += j + 2
		case c == '(':
			inner, col, err := bracketed(body, i, ')', "(*")
			if err != nil {
				return nil, col, err
			}
			j := len(inner)
			pp, errCol, err := parsePrep(inner, known)
			if err != nil {
				return nil, i + 1 + errCol, err
			}
			if pp.Object != nil {
				checkSlash(warn, i, pp.Object.Words)
			}
			sides[side].preps = append(sides[side].preps, pp)
			i += j + 2
		case strings.IndexByte("})[]|", c) >= 0:
			if c == '|' {
				return nil, i, fmt.Errorf("alternatives with | are not supported: use a synset")
			}
			return nil, i, fmt.Errorf("unexpected %q", c)
		default:
			j := i
			for j < len(body) && strings.IndexByte(" \t*{}()[]|", body[j]) < 0 {
				j++
			}
			if ws := groupWords(body[i:j], known); len(ws) > 0 {
				checkSlash(warn, i, ws)
				sides[side].nouns = append(sides[side].nouns, Phrase{Words: ws})
			}
			i = j
		}
	}
	if stars == 0 {
		return nil, 0, fmt.Errorf("pattern without * (the verb)")
	}
	p.Pre, p.PrePreps = sides[0].nouns, sides[0].preps
	p.Post, p.PostPreps = sides[1].nouns, sides[1].preps
	mark := func(where string, ws []string) {
		for _, w := range ws {
			var dst *string
			switch w {
			case "$":
				dst = &p.Source
			case "+":
				dst = &p.Target
			case "%":
				dst = &p.Compound
			default:
				continue
			}
			if *dst != "" {
				warn(0, "marker %s appears more than once; the first (%s) counts", w, *dst)
				continue
			}
			*dst = where
		}
	}
	for s, name := range []string{"pre", "post"} {
		for _, n := range sides[s].nouns {
			mark(name, n.Words)
		}
		for _, pp := range sides[s].preps {
			if pp.Object != nil {
				mark(name+":"+pp.Prep, pp.Object.Words)
			}
		}
	}
	p.Text = strings.Join(strings.Fields(body), " ") + " [" + joinCode(code, alt) + "]"
	return p, 0, nil
}

// checkSlash warns about TABARI's "A/B" alternatives, which a pattern
// matches only as the literal word.
func checkSlash(warn warnFunc, col int, ws []string) {
	for _, w := range ws {
		if i := strings.IndexByte(w, '/'); i > 0 && i < len(w)-1 {
			warn(col, "%q is matched as one word: alternatives with / are not supported, use a synset", w)
		}
	}
}

// parsePrep reads the inside of "(PREP object)".
func parsePrep(inner string, known map[string]bool) (PrepPhrase, int, error) {
	s := strings.TrimLeft(inner, " \t")
	off := len(inner) - len(s)
	if s == "" {
		return PrepPhrase{}, 0, fmt.Errorf("empty ()")
	}
	if s[0] == '{' {
		return PrepPhrase{}, off, fmt.Errorf("prepositional phrase must start with a preposition")
	}
	end := strings.IndexAny(s, " \t{")
	if end < 0 {
		end = len(s)
	}
	prepWords := groupWords(s[:end], known)
	pp := PrepPhrase{Prep: strings.Join(prepWords, " ")}
	for _, w := range prepWords {
		if IsMarker(w) || strings.HasPrefix(w, "&") {
			return PrepPhrase{}, off, fmt.Errorf("prepositional phrase must start with a preposition, not %s", w)
		}
	}
	var obj []string
	rest := s[end:]
	for i := 0; i < len(rest); {
		switch c := rest[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '{':
			j := strings.IndexByte(rest[i:], '}')
			if j < 0 {
				return PrepPhrase{}, off + end + i, fmt.Errorf("missing }")
			}
			ws := groupWords(rest[i+1:i+j], known)
			if len(ws) == 0 {
				return PrepPhrase{}, off + end + i, fmt.Errorf("empty {}")
			}
			obj = append(obj, ws...)
			i += j + 1
		case c == '}':
			return PrepPhrase{}, off + end + i, fmt.Errorf("unexpected '}'")
		default:
			j := i
			for j < len(rest) && strings.IndexByte(" \t{}", rest[j]) < 0 {
				j++
			}
			obj = append(obj, groupWords(rest[i:j], known)...)
			i = j
		}
	}
	if len(obj) > 0 {
		pp.Object = &Phrase{Words: obj}
	}
	return pp, 0, nil
}

// parseVerbLine reads a verb of a block: "HURRY {HURRIES HURRYING
// HURRIED} [073]", "+CORDON_OFF {+CORDONED_OFF ...}", "WIRE_+TAP".
func parseVerbLine(t string, warn warnFunc) (*VerbWord, int, error) {
	w := &VerbWord{}
	if i := strings.LastIndexByte(t, '['); i >= 0 {
		body := t[i+1:]
		if j := strings.IndexByte(body, ']'); j >= 0 {
			if tail := strings.TrimSpace(body[j+1:]); tail != "" {
				warn(i+j+1, "text after the verb code ignored: %q", tail)
			}
			body = body[:j]
		} else {
			warn(i, "missing ]")
		}
		code, alt, err := parseCode(body)
		if err != nil {
			return nil, i, err
		}
		w.Code, w.Alt, w.own = code, alt, true
		t = t[:i]
	}
	var forms []string
	braces := false
	if i := strings.IndexByte(t, '{'); i >= 0 {
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			return nil, i, fmt.Errorf("missing } after the verb forms")
		}
		if tail := strings.TrimSpace(t[i+j+1:]); tail != "" {
			warn(i+j+1, "text after the verb forms ignored: %q", tail)
		}
		forms = strings.Fields(t[i+1 : i+j])
		braces = true
		t = t[:i]
	}
	parts := words(strings.Join(strings.Fields(t), "_"))
	if len(parts) == 0 {
		return nil, 0, fmt.Errorf("verb line without a verb")
	}
	verbAt := -1
	for k, p := range parts {
		if strings.HasPrefix(p, "+") {
			if verbAt >= 0 {
				return nil, 0, fmt.Errorf("more than one + in the multiword verb %q", strings.TrimSpace(t))
			}
			verbAt = k
		}
	}
	if verbAt < 0 {
		verbAt = 0
		if len(parts) > 1 {
			warn(0, "multiword verb %q without +: its first word inflects", strings.TrimSpace(t))
		}
	}
	for k, p := range parts {
		p = strings.ToLower(strings.TrimPrefix(p, "+"))
		switch {
		case k < verbAt:
			w.Before = append(w.Before, p)
		case k == verbAt:
			w.Verb = p
		default:
			w.After = append(w.After, p)
		}
	}
	if w.Verb == "" {
		return nil, 0, fmt.Errorf("+ marks no word in %q", strings.TrimSpace(t))
	}
	for _, x := range append(append([]string{w.Verb}, w.Before...), w.After...) {
		if !verbWordRe.MatchString(x) {
			return nil, 0, fmt.Errorf("bad verb word %q", x)
		}
	}
	w.Lemma = strings.Join(append(append(append([]string(nil), w.Before...), w.Verb), w.After...), " ")
	if !braces {
		w.Forms = verbForms(w.Verb)
		return w, 0, nil
	}
	for _, f := range forms {
		fp := words(f)
		at := -1
		for k, p := range fp {
			if strings.HasPrefix(p, "+") {
				at = k
			}
		}
		switch {
		case at < 0 && len(fp) == 1:
			at = 0
		case at < 0 && len(fp) == len(parts):
			at = verbAt
		case at < 0:
			warn(0, "form %q of a multiword verb has no +; skipped", f)
			continue
		}
		if len(fp) > 1 && (at != len(w.Before) || len(fp)-at-1 != len(w.After)) {
			warn(0, "form %q does not have the words of %q around its verb", f, w.Lemma)
		}
		form := strings.ToLower(strings.TrimPrefix(fp[at], "+"))
		if !verbWordRe.MatchString(form) {
			return nil, 0, fmt.Errorf("bad verb form %q", fp[at])
		}
		if !slices.Contains(w.Forms, form) {
			w.Forms = append(w.Forms, form)
		}
	}
	return w, 0, nil
}

// parseTransform reads a transformation without its leading "~".
func parseTransform(s string) (*Transform, error) {
	text := strings.Join(strings.Fields(s), " ")
	left, right, ok := strings.Cut(text, "=")
	if !ok || strings.Contains(right, "=") {
		return nil, fmt.Errorf("transformation %q: want one '=' between the pattern and the result", text)
	}
	toks := strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(left))
	var ev TransformEvent
	rest, err := transformEvent(toks, &ev, 0)
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected %q", strings.Join(rest, " "))
	}
	if err != nil {
		return nil, fmt.Errorf("transformation %q: %v", text, err)
	}
	res := strings.Fields(right)
	if len(res) != 3 || !transformVar(res[0]) || !transformVar(res[1]) {
		return nil, fmt.Errorf("transformation %q: want a result \"source target code\" such as \"a b 138\"", text)
	}
	return &Transform{Match: ev, Source: res[0], Target: res[1], Code: res[2], Text: text}, nil
}

// transformEvent reads "source target verb" where target may be a
// parenthesised event.
func transformEvent(toks []string, ev *TransformEvent, depth int) ([]string, error) {
	if depth > 8 {
		return nil, fmt.Errorf("events nested too deep")
	}
	if len(toks) < 3 {
		return nil, fmt.Errorf("want \"source target verb\"")
	}
	if !transformVar(toks[0]) {
		return nil, fmt.Errorf("bad actor variable %q: want a letter, . or _", toks[0])
	}
	ev.Source = toks[0]
	toks = toks[1:]
	if toks[0] == "(" {
		ev.Event = &TransformEvent{}
		var err error
		if toks, err = transformEvent(toks[1:], ev.Event, depth+1); err != nil {
			return nil, err
		}
		if len(toks) == 0 || toks[0] != ")" {
			return nil, fmt.Errorf("missing )")
		}
		toks = toks[1:]
	} else {
		if !transformVar(toks[0]) {
			return nil, fmt.Errorf("bad actor variable %q: want a letter, . or _", toks[0])
		}
		ev.Target = toks[0]
		toks = toks[1:]
	}
	if len(toks) == 0 || toks[0] == "(" || toks[0] == ")" {
		return nil, fmt.Errorf("missing verb")
	}
	verb := toks[0]
	for _, r := range verb {
		if !(r == '_' || r == '-' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return nil, fmt.Errorf("bad verb %q", verb)
		}
	}
	if verb != "Q" {
		verb = strings.ToLower(verb)
	}
	ev.Verb = verb
	return toks[1:], nil
}

func transformVar(s string) bool {
	return s == "." || s == "_" || len(s) == 1 && s[0] >= 'a' && s[0] <= 'z'
}

// verbMerger layers verb dictionaries: a later block that shares its first
// verb (or, failing that, its name) with an earlier block extends it — its
// patterns are appended, its code replaces the block's, its verbs join the
// block — and a verb lists once, in the latest block naming it. Synsets of
// the same name pool their phrases; transformations add up.
type verbMerger struct {
	v       *VerbDict
	byLemma map[string]*VerbBlock
	byName  map[string]*VerbBlock
}

func newVerbMerger() *verbMerger {
	return &verbMerger{v: &VerbDict{Synsets: map[string][]Phrase{}}, byLemma: map[string]*VerbBlock{}, byName: map[string]*VerbBlock{}}
}

func (m *verbMerger) add(src *VerbDict) {
	if src == nil {
		return
	}
	for k, ps := range src.Synsets {
		m.v.Synsets[k] = appendPhrases(m.v.Synsets[k], ps)
	}
	for _, sb := range src.Blocks {
		var tb *VerbBlock
		if len(sb.Verbs) > 0 {
			tb = m.byLemma[sb.Verbs[0].Lemma]
		}
		if tb == nil {
			tb = m.byName[strings.ToUpper(sb.Name)]
		}
		if tb == nil {
			tb = &VerbBlock{Name: sb.Name, Code: sb.Code, Alt: sb.Alt, Where: sb.Where}
			m.v.Blocks = append(m.v.Blocks, tb)
			m.byName[strings.ToUpper(sb.Name)] = tb
		} else {
			tb.Code, tb.Alt = sb.Code, sb.Alt
			for _, w := range tb.Verbs {
				if !w.own {
					w.Code, w.Alt = tb.Code, tb.Alt
				}
			}
		}
		for _, sw := range sb.Verbs {
			nw := *sw
			if ob := m.byLemma[nw.Lemma]; ob != nil {
				kept := ob.Verbs[:0:0]
				for _, x := range ob.Verbs {
					if x.Lemma != nw.Lemma {
						kept = append(kept, x)
					}
				}
				ob.Verbs = kept
			}
			tb.addVerb(&nw)
			m.byLemma[nw.Lemma] = tb
		}
		tb.Patterns = append(tb.Patterns, sb.Patterns...)
	}
	m.v.Transforms = append(m.v.Transforms, src.Transforms...)
}

func (m *verbMerger) result() *VerbDict {
	m.v.reindex()
	return m.v
}

// addPhrase appends p to ps unless it is there already.
func addPhrase(ps []Phrase, p Phrase) []Phrase {
	for _, q := range ps {
		if slices.Equal(q.Words, p.Words) {
			return ps
		}
	}
	return append(ps, p)
}

func appendPhrases(dst, src []Phrase) []Phrase {
	out := append([]Phrase(nil), dst...)
	seen := map[string]bool{}
	for _, p := range out {
		seen[p.String()] = true
	}
	for _, p := range src {
		if !seen[p.String()] {
			seen[p.String()] = true
			out = append(out, p)
		}
	}
	return out
}

// bracketed returns what stands between the opening bracket at body[i] and
// the first close after it, refusing any of the characters in forbidden
// inside; on error, the column it names.
func bracketed(body string, i int, close byte, forbidden string) (string, int, error) {
	open := body[i]
	j := strings.IndexByte(body[i+1:], close)
	if j < 0 {
		return "", i, fmt.Errorf("missing %c", close)
	}
	inner := body[i+1 : i+1+j]
	if k := strings.IndexAny(inner, forbidden); k >= 0 {
		return "", i + 1 + k, fmt.Errorf("unexpected %q inside %c...%c", inner[k], open, close)
	}
	return inner, i, nil
}
