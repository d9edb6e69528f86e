package dict

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The YAML sections below hold what PETRARCH files hold, so that `kg dict
// import` can write any of them as kg YAML and Parse reads it back to the
// same model:
//
//	agents:
//	  - {word: foreign minister, code: GOV}              # plurals: regular ones made
//	  - {word: police, code: COP, plurals: []}           # no plural
//	  - {word: human rights body, code: NGO, before: true}
//	discards: ["+academy award", world cup, batsman_]    # or {phrase, story, exact}
//	issues:
//	  - {text: "n:atrocity", code: ID_ATROCITY, category: ID_ATROCITY}
//	  - {text: saturday night massacre, ignore: sentence}
//	synsets:
//	  "&CURRENCY": [money, moneys, dollar, dollars]      # as listed: no plurals made
//	verb_blocks:
//	  - name: ACCELERATE
//	    code: "---"                                      # "042", "042:043", ":110"; absent: ---
//	    verbs:
//	      - accelerate                                   # regular forms made; "shoot down": first word inflects
//	      - {verb: hurry, forms: [hurries, hurrying, hurried]}
//	      - {verb: tap, before: [wire], code: "1711"}
//	    patterns:                                        # PETRARCH notation, code included
//	      - "* (TO BORDER) [154]"
//	verb_transforms:
//	  - "a (a b ATTACK) SAY = a b 015"

// parserWarnf records a warning at node n.
func (p *parser) warnf(n *yaml.Node, col int, format string, args ...any) {
	pr := Problem{File: p.file, Msg: fmt.Sprintf(format, args...), Warning: true}
	if n != nil {
		pr.Line, pr.Col = n.Line, n.Column+col+quoteOffset(n)
	}
	p.warns = append(p.warns, pr)
}

// errAt reports an error at column col (0-based) inside the scalar n.
func (p *parser) errAt(n *yaml.Node, col int, format string, args ...any) {
	p.probs = append(p.probs, Problem{File: p.file, Line: n.Line, Col: n.Column + col + quoteOffset(n), Msg: fmt.Sprintf(format, args...)})
}

func quoteOffset(n *yaml.Node) int {
	if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
		return 1
	}
	return 0
}

// phraseText lower-cases a phrase and separates its words by one blank.
func phraseText(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func (p *parser) where(n *yaml.Node) string { return fmt.Sprintf("%s:%d", p.file, n.Line) }

func (p *parser) agent(n *yaml.Node) (RoleEntry, bool) {
	var a RoleEntry
	var plurals, codeNode *yaml.Node
	if !p.fields(n, "agent", map[string]func(*yaml.Node){
		"word":    func(v *yaml.Node) { a.Word = phraseText(p.str(v)) },
		"code":    func(v *yaml.Node) { a.Code, codeNode = p.agentCode(v), v },
		"plurals": func(v *yaml.Node) { plurals = v },
		"before":  func(v *yaml.Node) { a.Before = p.boolean(v) },
	}) {
		return a, false
	}
	if a.Word == "" {
		p.errf(n, "agent without a word")
		return a, false
	}
	if a.Code == "" {
		if codeNode == nil {
			p.errf(n, "agent %q without a code", a.Word)
		}
		return a, false
	}
	if plurals == nil {
		a.Plurals = pluralsOf(a.Word)
	} else {
		a.Plurals = []string{}
		for _, s := range p.strs(plurals) {
			a.Plurals = append(a.Plurals, phraseText(s))
		}
	}
	a.Where = p.where(n)
	return a, true
}

func (p *parser) agentCode(n *yaml.Node) string {
	s := p.str(n)
	if !agentCodeRe.MatchString(s) || len(s) > maxCodeLen {
		p.errf(n, "bad agent code %q: want upper-case letters and digits such as GOV, MIL, NGO (at most %d)", s, maxCodeLen)
		return ""
	}
	return s
}

// discardNotation reads "+phrase" (story) and "phrase_" (exact).
func discardNotation(s string) Discard {
	var d Discard
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "+") {
		d.Story, s = true, s[1:]
	}
	if strings.HasSuffix(s, "_") {
		d.Exact, s = true, strings.TrimRight(s, "_")
	}
	d.Phrase = strings.Join(lowerWords(s), " ")
	return d
}

func (p *parser) discard(n *yaml.Node) (Discard, bool) {
	var d Discard
	if n.Kind == yaml.ScalarNode {
		d = discardNotation(p.str(n))
	} else {
		if !p.fields(n, "discard", map[string]func(*yaml.Node){
			"phrase": func(v *yaml.Node) { d.Phrase = strings.Join(lowerWords(p.str(v)), " ") },
			"story":  func(v *yaml.Node) { d.Story = p.boolean(v) },
			"exact":  func(v *yaml.Node) { d.Exact = p.boolean(v) },
		}) {
			return d, false
		}
	}
	if d.Phrase == "" {
		p.errf(n, "discard without a phrase")
		return d, false
	}
	d.Where = p.where(n)
	return d, true
}

var issueCodeRe = regexp.MustCompile(`^[^\s\[\]{}]+$`)

func (p *parser) issue(n *yaml.Node) (IssueEntry, bool) {
	var e IssueEntry
	var textNode, ignoreNode *yaml.Node
	if !p.fields(n, "issue", map[string]func(*yaml.Node){
		"text":     func(v *yaml.Node) { e.Text, textNode = phraseText(p.str(v)), v },
		"code":     func(v *yaml.Node) { e.Code = p.issueCode(v) },
		"category": func(v *yaml.Node) { e.Category = p.str(v) },
		"category_type": func(v *yaml.Node) {
			e.CategoryType = p.str(v)
		},
		"ignore": func(v *yaml.Node) {
			ignoreNode = v
			switch s := p.str(v); s {
			case "", IgnoreSentence, IgnoreStory:
				e.Ignore = s
			default:
				p.errf(v, "ignore %q: want %s or %s", s, IgnoreSentence, IgnoreStory)
			}
		},
	}) {
		return e, false
	}
	if e.Text == "" {
		p.errf(n, "issue without a text")
		return e, false
	}
	if e.Code == "" && e.Ignore == "" {
		if ignoreNode == nil {
			p.errf(n, "issue %q without a code (or ignore: sentence|story)", e.Text)
		}
		return e, false
	}
	ps, err := expandIssue(e.Text)
	if err != nil {
		p.errf(textNode, "issue %q %v", e.Text, err)
		return e, false
	}
	e.Phrases = ps
	e.Where = p.where(n)
	return e, true
}

func (p *parser) issueCode(n *yaml.Node) string {
	s := p.str(n)
	if s != "" && !issueCodeRe.MatchString(s) {
		p.errf(n, "bad issue code %q: want one word such as NUCLEAR_WEAPONS", s)
		return ""
	}
	return s
}

var synsetNameRe = regexp.MustCompile(`^&[A-Za-z0-9][A-Za-z0-9_-]*$`)

// verbDict reads the synsets, verb_blocks and verb_transforms sections.
func (p *parser) verbDict(syn, blocks, trans *yaml.Node) *VerbDict {
	v := &VerbDict{Synsets: map[string][]Phrase{}}
	known := map[string]bool{}
	if syn != nil {
		if syn.Kind != yaml.MappingNode {
			if !(syn.Kind == yaml.ScalarNode && syn.Tag == "!!null") {
				p.errf(syn, "synsets: want a mapping of &NAME to phrases, got %s", kindName(syn))
			}
		} else {
			for i := 0; i+1 < len(syn.Content); i += 2 {
				if k := syn.Content[i]; synsetNameRe.MatchString(k.Value) {
					known[synsetKey(k.Value)] = true
				}
			}
			seen := map[string]int{}
			for i := 0; i+1 < len(syn.Content); i += 2 {
				k, val := syn.Content[i], deref(syn.Content[i+1])
				if !synsetNameRe.MatchString(k.Value) {
					p.errf(k, "bad synset name %q: want &NAME", k.Value)
					continue
				}
				key := synsetKey(k.Value)
				if line, dup := seen[key]; dup {
					p.errf(k, "synset %s repeated (first at line %d)", key, line)
					continue
				}
				seen[key] = k.Line
				v.Synsets[key] = nil
				if val == nil {
					continue
				}
				p.seq(val, func(e *yaml.Node) {
					s := p.str(e)
					if e.Kind != yaml.ScalarNode {
						return
					}
					ph, err := synsetPhrase(s, known)
					if err != nil {
						p.errf(e, "synset %s: %v", key, err)
						return
					}
					v.Synsets[key] = addPhrase(v.Synsets[key], ph)
				})
			}
		}
	}
	if blocks != nil {
		p.seq(blocks, func(e *yaml.Node) {
			if b, ok := p.verbBlock(e, known); ok {
				v.Blocks = append(v.Blocks, b)
			}
		})
	}
	if trans != nil {
		p.seq(trans, func(e *yaml.Node) {
			s := p.str(e)
			if e.Kind != yaml.ScalarNode {
				return
			}
			t, err := parseTransform(s)
			if err != nil {
				p.errf(e, "%v", err)
				return
			}
			t.Where = p.where(e)
			v.Transforms = append(v.Transforms, t)
		})
	}
	v.reindex()
	return v
}

func (p *parser) blockCode(n *yaml.Node) (code, alt string, ok bool) {
	s := p.str(n)
	code, alt, err := parseCode(s)
	if err != nil {
		p.errf(n, "%v", err)
		return "", "", false
	}
	return code, alt, true
}

func (p *parser) verbBlock(n *yaml.Node, known map[string]bool) (*VerbBlock, bool) {
	b := &VerbBlock{Code: "---"}
	var verbs, patterns *yaml.Node
	if !p.fields(n, "verb block", map[string]func(*yaml.Node){
		"name": func(v *yaml.Node) { b.Name = strings.Join(strings.Fields(p.str(v)), " ") },
		"code": func(v *yaml.Node) {
			if c, a, ok := p.blockCode(v); ok {
				b.Code, b.Alt = c, a
			}
		},
		"verbs":    func(v *yaml.Node) { verbs = v },
		"patterns": func(v *yaml.Node) { patterns = v },
	}) {
		return nil, false
	}
	if b.Name == "" {
		p.errf(n, "verb block without a name")
		return nil, false
	}
	b.Where = p.where(n)
	if verbs != nil {
		p.seq(verbs, func(e *yaml.Node) {
			if w, ok := p.verbWord(e); ok {
				b.addVerb(w)
			}
		})
	}
	if patterns != nil {
		p.seq(patterns, func(e *yaml.Node) {
			s := p.str(e)
			if e.Kind != yaml.ScalarNode {
				return
			}
			pat, col, err := parsePattern(e.Value, known, func(c int, format string, args ...any) {
				p.warnf(e, c, format, args...)
			})
			if err != nil {
				p.errAt(e, col, "pattern %q: %v", s, err)
				return
			}
			pat.Where = p.where(e)
			b.Patterns = append(b.Patterns, pat)
		})
	}
	return b, true
}

// verbWordRe is one word of a verb entry: no blanks, brackets or markers.
var verbWordRe = regexp.MustCompile(`^[^\s\[\]{}()*$+%^&_]+$`)

func (p *parser) verbWord(n *yaml.Node) (*VerbWord, bool) {
	w := &VerbWord{Where: p.where(n)}
	if n.Kind == yaml.ScalarNode {
		ws := strings.Fields(strings.ToLower(p.str(n)))
		if len(ws) == 0 {
			p.errf(n, "empty verb")
			return nil, false
		}
		for _, x := range ws {
			if !verbWordRe.MatchString(x) {
				p.errf(n, "bad verb word %q", x)
				return nil, false
			}
		}
		w.Verb = ws[0]
		if len(ws) > 1 {
			w.After = ws[1:]
		}
		w.Forms = verbForms(w.Verb)
		w.Lemma = strings.Join(ws, " ")
		return w, true
	}
	var forms *yaml.Node
	word := func(v *yaml.Node) []string {
		var out []string
		for _, s := range p.strs(v) {
			s = strings.ToLower(s)
			if !verbWordRe.MatchString(s) {
				p.errf(v, "bad verb word %q: want one word", s)
				continue
			}
			out = append(out, s)
		}
		return out
	}
	var verbNode *yaml.Node
	if !p.fields(n, "verb", map[string]func(*yaml.Node){
		"verb": func(v *yaml.Node) {
			verbNode = v
			switch ws := strings.Fields(strings.ToLower(p.str(v))); {
			case len(ws) > 1:
				p.errf(v, "verb: want the one word that inflects; put the others in before or after")
			case len(ws) == 1 && !verbWordRe.MatchString(ws[0]):
				p.errf(v, "bad verb word %q: want one word", ws[0])
			case len(ws) == 1:
				w.Verb = ws[0]
			}
		},
		"before": func(v *yaml.Node) { w.Before = word(v) },
		"after":  func(v *yaml.Node) { w.After = word(v) },
		"forms":  func(v *yaml.Node) { forms = v },
		"code": func(v *yaml.Node) {
			if c, a, ok := p.blockCode(v); ok {
				w.Code, w.Alt, w.own = c, a, true
			}
		},
	}) {
		return nil, false
	}
	if w.Verb == "" {
		if verbNode == nil {
			p.errf(n, "verb entry without a verb")
		}
		return nil, false
	}
	if forms == nil {
		w.Forms = verbForms(w.Verb)
	} else {
		w.Forms = word(forms)
	}
	w.Lemma = strings.Join(append(append(append([]string(nil), w.Before...), w.Verb), w.After...), " ")
	return w, true
}
