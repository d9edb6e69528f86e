package extract

import (
	"strings"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/dict"
)

// Entry is one actor of the dictionary the engine matches: a canonical name
// with its CAMEO code, type, country and surface forms.
type Entry struct {
	Name    string
	Code    string
	Type    graph.ActorType
	Country string
	Aliases []string
	// Demonyms are adjectives and plural nouns of nationality (Russian,
	// Russians); before a common noun they modify it ("Afghan soil").
	Demonyms []string
	// Prefixes are combining forms matched only before a hyphen ("Indo" in
	// "Indo-Pak").
	Prefixes []string
	// Spans are codes the actor held over periods (a leader's term);
	// outside all of them Code applies.
	Spans []CodeSpan
}

// CodeSpan is a code an actor held from From to Until, both inclusive;
// zero bounds are open.
type CodeSpan struct {
	Code        string
	From, Until graph.Date
}

// codeAt returns the entry's code on date d: the code of the span that
// covers it, else Code. A zero date gets Code.
func (e *Entry) codeAt(d graph.Date) string {
	if d.IsZero() {
		return e.Code
	}
	for _, s := range e.Spans {
		if (s.From.IsZero() || !d.Before(s.From)) && (s.Until.IsZero() || !s.Until.Before(d)) {
			return s.Code
		}
	}
	return e.Code
}

// trieNode is a node of the token trie built over every alias.
type trieNode struct {
	next    map[string]*trieNode
	entry   *Entry
	demonym bool
	// caseRule: 0 any case, 1 the text must start with a capital,
	// 2 every letter must be upper case (acronyms such as "US").
	caseRule int
}

type actorTrie struct{ root trieNode }

func (t *actorTrie) add(e *Entry, alias string, prefix bool) *trieNode {
	toks := tokenize(alias, nil)
	if len(toks) == 0 {
		return nil
	}
	n := &t.root
	for _, tk := range toks {
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[tk.low]
		if c == nil {
			c = &trieNode{}
			n.next[tk.low] = c
		}
		n = c
	}
	rule := 0
	// "The West" and "the West" are one name: an article's case says
	// nothing, the word after it does.
	first := toks[0]
	if first.low == "the" && len(toks) > 1 {
		first = toks[1]
	}
	switch {
	case prefix:
		rule = 3
	case toks[0].allCaps && len(toks) == 1 && len(toks[0].text) <= 3:
		// Short acronyms must be written in capitals ("US", not "us");
		// longer names in capitals are how PETRARCH files write every
		// name ("BREE", "ARNOR") and match as capitalized words.
		rule = 2
	case first.cap:
		rule = 1
	}
	if n.entry == nil || rule > n.caseRule {
		// The first entry wins; a stricter case rule for the same tokens
		// is kept so that "US" never matches the pronoun "us".
		if n.entry == nil {
			n.entry = e
		}
		n.caseRule = rule
	}
	return n
}

// isDemonym reports whether toks[i:j] is a demonym of the entry it matched.
func (t *actorTrie) isDemonym(toks []token, i, j int) bool {
	n := &t.root
	for k := i; k < j; k++ {
		if n = n.next[toks[k].low]; n == nil {
			return false
		}
	}
	return n.demonym
}

// longest returns the entry and token count of the longest alias starting at
// toks[i], honouring each alias's case rule.
func (t *actorTrie) longest(toks []token, i int) (*Entry, int) {
	n := &t.root
	var best *Entry
	bestLen := 0
	first := toks[i]
	if first.low == "the" && i+1 < len(toks) {
		first = toks[i+1]
	}
	for k := i; k < len(toks); k++ {
		if n.next == nil {
			break
		}
		c := n.next[toks[k].low]
		if c == nil {
			break
		}
		n = c
		if n.entry != nil && caseOK(n.caseRule, first) && (n.caseRule != 3 || k+1 < len(toks) && toks[k+1].low == "-" && !toks[k+1].space) {
			best, bestLen = n.entry, k-i+1
		}
	}
	return best, bestLen
}

func caseOK(rule int, t token) bool {
	switch rule {
	case 1, 3:
		return t.cap || !t.word
	case 2:
		return t.allCaps || strings.Contains(t.text, ".")
	}
	return true
}

func buildTrie(entries []Entry) *actorTrie {
	t := &actorTrie{}
	for i := range entries {
		e := &entries[i]
		t.add(e, e.Name, false)
		for _, a := range e.Aliases {
			t.add(e, a, false)
		}
		for _, a := range e.Demonyms {
			if n := t.add(e, a, false); n != nil && n.entry == e {
				n.demonym = true
			}
		}
		for _, a := range e.Prefixes {
			t.add(e, a, true)
		}
	}
	return t
}

// EntriesOf converts a dictionary's actors into the engine's entries.
func EntriesOf(d *dict.Dictionary) []Entry {
	es := make([]Entry, 0, len(d.Actors))
	for _, a := range d.Actors {
		e := Entry{Name: a.Name, Code: a.Code, Type: a.Type, Country: a.Country,
			Demonyms: a.Demonyms, Prefixes: a.Prefixes}
		for _, r := range a.Roles {
			e.Spans = append(e.Spans, CodeSpan{Code: r.Code, From: r.From, Until: r.Until})
		}
		if a.Official != "" {
			e.Aliases = append(e.Aliases, a.Official)
		}
		e.Aliases = append(e.Aliases, a.Aliases...)
		e.Aliases = append(e.Aliases, a.Places...)
		e.Aliases = append(e.Aliases, a.Abbrevs...)
		es = append(es, e)
	}
	return es
}

// HooksOf lets a dictionary's agents and roles, titles and discards into
// the engine.
func HooksOf(d *dict.Dictionary) Hooks {
	return Hooks{
		Agent: func(words []string) (string, bool, int, bool) {
			if code, before, n, ok := d.AgentMatch(words); ok {
				return code, before, n, true
			}
			if len(words) > 0 {
				if code, ok := d.Role(words[0]); ok {
					return code, false, 1, true
				}
			}
			return "", false, 0, false
		},
		Title: func(words []string) (string, int, bool) {
			for n := len(words); n > 0; n-- {
				if code, ok := d.Title(strings.Join(words[:n], " ")); ok {
					return code, n, true
				}
			}
			return "", 0, false
		},
		Discard: func(sentence string) (bool, bool) {
			dd, ok := d.DiscardMatch(sentence)
			return dd.Story, ok
		},
	}
}
