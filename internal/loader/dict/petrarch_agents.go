package dict

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Discard is a phrase that stops coding: a sentence (or, with Story, the
// whole story) containing it yields no events. PETRARCH uses it for sport,
// entertainment and history ("WORLD CUP", "+ACADEMY AWARD", "1914").
type Discard struct {
	Phrase string `json:"phrase"`          // lower case, words separated by one blank
	Story  bool   `json:"story,omitempty"` // written "+PHRASE": discard the whole story
	Exact  bool   `json:"exact,omitempty"` // written "PHRASE_": must end at a blank or punctuation; else a stem
	Where  string `json:"where,omitempty"` // file:line of the entry
}

// String writes d in PETRARCH's notation: "+" before a story discard, "_"
// after an exact one.
func (d Discard) String() string {
	s := d.Phrase
	if d.Story {
		s = "+" + s
	}
	if d.Exact {
		s += "_"
	}
	return s
}

// IssueEntry is one line of a PETRARCH issues file: phrases that tag an
// event with an issue code, or, with Ignore, phrases that cancel the
// coding of issues.
type IssueEntry struct {
	// Text is the phrase as written, lower case, with its expansions:
	// "n:word" (singular and plural), "v:word" (the regular verb forms),
	// "a+b" (both "a b" and "a-b").
	Text         string   `json:"text"`
	Code         string   `json:"code,omitempty"`          // issue code; empty on ignore phrases
	Category     string   `json:"category,omitempty"`      // CATEGORY of the enclosing <ISSUE> section
	CategoryType string   `json:"category_type,omitempty"` // its TYPE attribute (ALL, COUNTEVENT)
	Ignore       string   `json:"ignore,omitempty"`        // "sentence" (~phrase) or "story" (~~phrase)
	Phrases      []string `json:"phrases"`                 // Text expanded
	Where        string   `json:"where,omitempty"`
}

// Ignore values of an IssueEntry.
const (
	IgnoreSentence = "sentence"
	IgnoreStory    = "story"
)

// maxIssueForms bounds the expansion of one issue line: each n:, v: and +
// multiplies the phrases.
const maxIssueForms = 1024

// expandIssue expands the n:, v: and + markers of a lower-case issue text.
func expandIssue(text string) ([]string, error) {
	forms := []string{""}
	tooMany := fmt.Errorf("expands to more than %d phrases", maxIssueForms)
	for _, tok := range strings.Fields(text) {
		parts := strings.Split(tok, "+")
		if slices.Contains(parts, "") {
			parts = []string{tok} // a stray + is a character, not an expansion
		}
		alts := []string{""}
		for i, p := range parts {
			var pf []string
			switch {
			case strings.HasPrefix(p, "n:") && len(p) > 2:
				pf = append([]string{p[2:]}, pluralsOf(p[2:])...)
			case strings.HasPrefix(p, "v:") && len(p) > 2:
				pf = append([]string{p[2:]}, verbForms(p[2:])...)
			default:
				pf = []string{p}
			}
			seps := []string{""}
			if i > 0 {
				seps = []string{" ", "-"}
			}
			if len(alts)*len(seps)*len(pf) > maxIssueForms {
				return nil, tooMany
			}
			var next []string
			for _, a := range alts {
				for _, sep := range seps {
					for _, f := range pf {
						next = append(next, a+sep+f)
					}
				}
			}
			alts = next
		}
		if len(forms)*len(alts) > maxIssueForms {
			return nil, tooMany
		}
		var next []string
		for _, f := range forms {
			for _, a := range alts {
				if f == "" {
					next = append(next, a)
				} else {
					next = append(next, f+" "+a)
				}
			}
		}
		if len(next) > maxIssueForms {
			return nil, tooMany
		}
		forms = next
	}
	out := forms[:0]
	seen := map[string]bool{}
	for _, f := range forms {
		if f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out, nil
}

var (
	issueAttrRe = regexp.MustCompile(`(\w+)\s*=\s*"([^"]*)"`)
	issuePairRe = regexp.MustCompile(`([^\[\]]*)\[([^\]\[]*)\]`)
)

// readIssues reads a PETRARCH issues file. Lines are "phrase [CODE]" (two
// pairs on a line are two entries), "~phrase" and "~~phrase" ignore
// phrases for the sentence and the story, inside <ISSUE CATEGORY="..."
// TYPE="..."> ... </ISSUE> sections. PETRARCH skips a line without a code;
// so does the reader, with a warning.
func readIssues(r *textReader, lines []srcLine) []IssueEntry {
	var out []IssueEntry
	var cat, typ string
	add := func(l srcLine, col int, text, code, ignore string) {
		text = strings.Join(strings.Fields(strings.ToLower(text)), " ")
		if text == "" {
			r.warnf(l.n, col, "issue code [%s] without a phrase; skipped", code)
			return
		}
		ps, err := expandIssue(text)
		if err != nil {
			r.errf(l.n, col, "issue phrase %q %v", text, err)
			return
		}
		out = append(out, IssueEntry{Text: text, Code: code, Category: cat, CategoryType: typ, Ignore: ignore, Phrases: ps, Where: r.where(l.n)})
	}
	for _, l := range lines {
		t, col := l.trimmed()
		switch {
		case issueTagRe.MatchString(t):
			if strings.HasPrefix(t, "</") {
				cat, typ = "", ""
				continue
			}
			cat, typ = "", ""
			for _, m := range issueAttrRe.FindAllStringSubmatch(t, -1) {
				switch strings.ToUpper(m[1]) {
				case "CATEGORY":
					cat = m[2]
				case "TYPE":
					typ = m[2]
				}
			}
		case strings.HasPrefix(t, "<"):
			r.warnf(l.n, col, "unknown tag %s ignored", t)
		case strings.HasPrefix(t, "~~"):
			add(l, col+2, t[2:], "", IgnoreStory)
		case strings.HasPrefix(t, "~"):
			add(l, col+1, t[1:], "", IgnoreSentence)
		default:
			ms := issuePairRe.FindAllStringSubmatchIndex(t, -1)
			if len(ms) == 0 {
				r.warnf(l.n, col, "issue phrase %q without a [CODE]; skipped", t)
				continue
			}
			end := 0
			for _, m := range ms {
				code := strings.TrimSpace(t[m[4]:m[5]])
				if code == "" {
					r.warnf(l.n, col+m[4], "empty issue code []; skipped")
				} else {
					add(l, col+m[2], t[m[2]:m[3]], code, "")
				}
				end = m[1]
			}
			if rest := strings.TrimSpace(t[end:]); rest != "" {
				r.warnf(l.n, col+end, "text after the last code ignored: %q", rest)
			}
		}
	}
	return out
}

// readDiscards reads a discard list: one phrase a line, "+" in front for
// a story discard, "_" after for a phrase that must end at a word
// boundary. Underscores inside a phrase are blanks.
func readDiscards(r *textReader, lines []srcLine) []Discard {
	var out []Discard
	for _, l := range lines {
		t, col := l.trimmed()
		d := Discard{Where: r.where(l.n)}
		if strings.HasPrefix(t, "+") {
			d.Story = true
			t = t[1:]
		}
		if strings.HasSuffix(t, "_") {
			d.Exact = true
			t = strings.TrimRight(t, "_")
		}
		d.Phrase = strings.Join(lowerWords(t), " ")
		if d.Phrase == "" {
			r.warnf(l.n, col, "empty discard phrase")
			continue
		}
		out = append(out, d)
	}
	return out
}

// readAgents reads an agents file: "phrase {plural} [~CODE]" lines and
// "!NAME! = A, B, C" substitution sets. The phrase and its plural are
// lower-cased word lists (blanks and underscores both separate words; the
// extractor matches them as consecutive words). Without {...} the regular
// plural is made (see nounPlural); "{}" means none; "{X}" gives X. A
// phrase holding !NAME! stands for one phrase per member of the set, with
// no plural. "~CODE" adds the code after the actor's (PAKGOV); "CODE~"
// puts it before (NGOPAK): Before. PETRARCH skips a line without a code;
// so does the reader, with a warning.
func readAgents(r *textReader, lines []srcLine) []RoleEntry {
	var out []RoleEntry
	subst := map[string][]string{}
	for _, l := range lines {
		t, col := l.trimmed()
		if m := substDefRe.FindString(t); m != "" {
			name := strings.ToUpper(strings.Trim(strings.TrimSpace(strings.TrimSuffix(m, "=")), "!"))
			var items []string
			for _, it := range strings.Split(t[len(m):], ",") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, it)
				}
			}
			if len(items) == 0 {
				r.errf(l.n, col, "substitution set !%s! is empty", name)
				continue
			}
			subst[name] = items
			continue
		}
		open := strings.IndexByte(t, '[')
		if open < 0 {
			r.warnf(l.n, col, "agent %q without a [code]; skipped", t)
			continue
		}
		phrase, codePart := t[:open], t[open+1:]
		if end := strings.IndexAny(codePart, "]}"); end >= 0 {
			if codePart[end] == '}' {
				r.warnf(l.n, col+open, "code closed with } instead of ]")
			}
			if rest := strings.TrimSpace(codePart[end+1:]); rest != "" {
				r.warnf(l.n, col+open+end+1, "text after the code ignored: %q", rest)
			}
			codePart = codePart[:end]
		} else {
			r.warnf(l.n, col+open, "missing ]")
		}
		code, before, err := agentCode(codePart)
		if err != nil {
			r.errf(l.n, col+open+1, "%v", err)
			continue
		}
		var plural *string
		if i := strings.IndexByte(phrase, '{'); i >= 0 {
			j := strings.IndexByte(phrase[i:], '}')
			if j < 0 {
				r.warnf(l.n, col+i, "missing } after the plural; line skipped")
				continue
			}
			if rest := strings.TrimSpace(phrase[i+j+1:]); rest != "" {
				r.warnf(l.n, col+i+j+1, "text after the plural ignored: %q", rest)
			}
			p := strings.Join(lowerWords(phrase[i+1:i+j]), " ")
			plural = &p
			phrase = phrase[:i]
		}
		phrase = strings.TrimSpace(phrase)
		where := r.where(l.n)
		if strings.ContainsRune(phrase, '!') {
			forms, err := substitute(phrase, subst)
			if err != nil {
				r.warnf(l.n, col, "%v; line skipped", err)
				continue
			}
			if plural != nil && *plural != "" {
				r.warnf(l.n, col, "plural of a phrase with a substitution set ignored")
			}
			for _, f := range forms {
				if w := strings.Join(lowerWords(f), " "); w != "" {
					out = append(out, RoleEntry{Word: w, Code: code, Before: before, Plurals: []string{}, Where: where})
				}
			}
			continue
		}
		w := strings.Join(lowerWords(phrase), " ")
		if w == "" {
			r.warnf(l.n, col, "agent code [%s] without a phrase; skipped", strings.TrimSpace(codePart))
			continue
		}
		e := RoleEntry{Word: w, Code: code, Before: before, Where: where}
		switch {
		case plural == nil:
			e.Plurals = pluralsOf(w)
		case *plural == "":
			e.Plurals = []string{}
		default:
			e.Plurals = []string{*plural}
		}
		out = append(out, e)
	}
	return out
}

// agentCode reads "~GOV" (after the actor's code) or "NGO~" (before).
func agentCode(s string) (code string, before bool, err error) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	switch {
	case strings.HasPrefix(s, "~") && !strings.HasSuffix(s, "~"):
		code = s[1:]
	case strings.HasSuffix(s, "~") && !strings.HasPrefix(s, "~"):
		code, before = s[:len(s)-1], true
	case !strings.Contains(s, "~"):
		code = s
	default:
		return "", false, fmt.Errorf("bad agent code %q: want ~CODE or CODE~", s)
	}
	if !agentCodeRe.MatchString(code) || len(code) > maxCodeLen {
		return "", false, fmt.Errorf("bad agent code %q: want letters and digits such as ~GOV, ~MIL, NGO~", s)
	}
	return code, before, nil
}

var agentCodeRe = regexp.MustCompile(`^[A-Z0-9]+$`)

// maxSubstForms bounds the phrases one agent line may stand for, and
// maxSubstDepth the sets named inside sets.
const (
	maxSubstForms = 4096
	maxSubstDepth = 8
)

// substitute expands every !NAME! marker of phrase. Members may hold
// markers themselves, to a depth of maxSubstDepth.
func substitute(phrase string, sets map[string][]string) ([]string, error) {
	out := []string{phrase}
	for round := 0; ; round++ {
		var next []string
		changed := false
		for _, p := range out {
			i := strings.IndexByte(p, '!')
			if i < 0 {
				next = append(next, p)
				continue
			}
			j := strings.IndexByte(p[i+1:], '!')
			if j < 0 {
				return nil, fmt.Errorf("substitution marker in %q not closed with !", phrase)
			}
			name := strings.ToUpper(p[i+1 : i+1+j])
			items, ok := sets[name]
			if !ok {
				return nil, fmt.Errorf("substitution set !%s! is not defined above", name)
			}
			if len(next)+len(items) > maxSubstForms {
				return nil, fmt.Errorf("%q stands for more than %d phrases", phrase, maxSubstForms)
			}
			for _, it := range items {
				next = append(next, p[:i]+it+p[i+2+j:])
			}
			changed = true
		}
		out = next
		if !changed {
			return out, nil
		}
		if round == maxSubstDepth {
			return nil, fmt.Errorf("substitution sets in %q nest deeper than %d", phrase, maxSubstDepth)
		}
	}
}

// agentIndex finds agent phrases, singular or plural, in word sequences.
type agentIndex struct {
	root  agentNode
	byKey map[string]int // norm(phrase) → index in Dictionary.Agents
}

type agentNode struct {
	next  map[string]*agentNode
	entry int // index in Dictionary.Agents + 1; 0: no phrase ends here
}

func newAgentIndex(agents []RoleEntry) *agentIndex {
	ix := &agentIndex{byKey: map[string]int{}}
	for i, a := range agents {
		for _, p := range append([]string{a.Word}, a.Plurals...) {
			ws := strings.Fields(p)
			if len(ws) == 0 {
				continue
			}
			n := &ix.root
			for _, w := range ws {
				if n.next == nil {
					n.next = map[string]*agentNode{}
				}
				c := n.next[w]
				if c == nil {
					c = &agentNode{}
					n.next[w] = c
				}
				n = c
			}
			n.entry = i + 1
			ix.byKey[norm(p)] = i
		}
	}
	return ix
}

// AgentMatch finds the longest agent phrase (singular or plural) that
// starts at words[0]. Words are compared in lower case. It returns the
// agent's code, whether the code goes before the actor's code (NGO~), and
// how many words matched.
func (d *Dictionary) AgentMatch(words []string) (code string, before bool, n int, ok bool) {
	if d.agents == nil || len(words) == 0 {
		return "", false, 0, false
	}
	node := &d.agents.root
	best := 0
	for i, w := range words {
		node = node.next[strings.ToLower(w)]
		if node == nil {
			break
		}
		if node.entry > 0 {
			best, n = node.entry, i+1
		}
	}
	if best == 0 {
		return "", false, 0, false
	}
	a := d.Agents[best-1]
	return a.Code, a.Before, n, true
}

// DiscardMatch reports whether sentence holds a discard phrase: the phrase,
// in any case, preceded by a blank or the start of the sentence, and, for
// an exact phrase, followed by a blank, punctuation or the end (a plain
// phrase is a stem: "BASEBALL" matches "baseballs"). Runs of blanks in the
// sentence count as one. A story discard is preferred when both kinds match.
func (d *Dictionary) DiscardMatch(sentence string) (Discard, bool) {
	if len(d.Discards) == 0 {
		return Discard{}, false
	}
	words := strings.Fields(strings.ToLower(sentence))
	s := ""
	// Only the discards whose first word starts one of the sentence's
	// words can match; the index finds them without trying all.
	found := -1
	try := func(i int) {
		if found >= 0 && (found < i && (d.Discards[found].Story || !d.Discards[i].Story) || d.Discards[found].Story && !d.Discards[i].Story) {
			return // a story discard, or an earlier one, already stands
		}
		if s == "" {
			s = " " + strings.Join(words, " ")
		}
		if discardIn(s, d.discardNeedles[i], d.Discards[i].Exact) {
			found = i
		}
	}
	for _, w := range words {
		for _, i := range d.discardFirst[w] {
			try(i)
		}
		// Stems are keyed by their first three bytes, shorter ones whole.
		for n := 1; n <= 3 && n <= len(w); n++ {
			for _, i := range d.discardStem[w[:n]] {
				if strings.HasPrefix(w, d.Discards[i].Phrase) {
					try(i)
				}
			}
		}
	}
	if found < 0 {
		return Discard{}, false
	}
	return d.Discards[found], true
}

// discardIn looks for needle (" " + phrase) in s.
func discardIn(s, needle string, exact bool) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], needle)
		if i < 0 {
			return false
		}
		end := off + i + len(needle)
		if !exact || end == len(s) || !isWordAt(s, end) {
			return true
		}
		off += i + 1
	}
}

// stemKey is the key one-word discards are indexed by: their first three
// bytes, all of a shorter one.
func stemKey(w string) string {
	if len(w) > 3 {
		return w[:3]
	}
	return w
}
