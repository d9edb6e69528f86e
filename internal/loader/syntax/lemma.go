package syntax

import (
	"sort"
	"strconv"
	"sync"

	"github.com/kg-project/kg/internal/loader/text"
)

// Lemmatizer gives a word's lemma from its form and Penn tag: the lemma the
// treebank most often gives that form and tag, else the suffix rewrite that
// the treebank most often applies to words of that tag ending the same way
// ("-ied" VBD → "-y"), else the form itself.
type Lemmatizer struct {
	known map[string]string    // lowerFold(form) + "\x00" + XPOS → lemma
	rules map[string]lemmaRule // XPOS + "\x00" + suffix → rewrite

	lemmasOnce sync.Once
	lemmas     map[string]bool // every lemma of known, lower case
}

// lemmaRule rewrites a word's end: drop Strip bytes, then add Add.
type lemmaRule struct {
	Strip int
	Add   string
}

const maxLemmaSuffix = 5

// Lemmatize fills Lemma of every word of s from its form and XPOS.
func (l *Lemmatizer) Lemmatize(s *Sentence) {
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Lemma = l.Lemma(t.Form, t.UPOS, t.XPOS)
	}
}

// Lemma returns the lemma of one word.
func (l *Lemmatizer) Lemma(form, upos, xpos string) string {
	low := lowerFold(form)
	// Keys are built in a buffer on the stack: a map indexed by a
	// converted byte slice makes no string of it.
	var kb [64]byte
	key := append(append(append(kb[:0], low...), 0), xpos...)
	if lem, ok := l.known[string(key)]; ok {
		return lem
	}
	proper := upos == "PROPN"
	if !proper && (upos == "NUM" || upos == "PUNCT" || upos == "SYM" || upos == "X") {
		return form
	}
	base := low
	if proper {
		// Names keep their case; only a plural ending is rewritten.
		base = form
	}
	// Each suffix length offers a rewrite; the longest is the likeliest, but
	// a rewrite that makes a word the treebank knows as a lemma, or else an
	// English word, beats it: "bombed" → "bomb", not "bombe"; "provoked" →
	// "provoke", not "provok".
	var cands []string
	for k := min(maxLemmaSuffix, len(low)); k >= 0; k-- {
		key = append(append(append(key[:0], xpos...), 0), low[len(low)-k:]...)
		r, ok := l.rules[string(key)]
		if !ok || r.Strip > len(base) {
			continue
		}
		c := base[:len(base)-r.Strip] + r.Add
		if proper {
			return c
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return base
	}
	lemmas := l.lemmaSet()
	for _, c := range cands {
		if lemmas[c] {
			return c
		}
	}
	for _, c := range cands {
		if text.IsEnglishWord(c) {
			return c
		}
	}
	return cands[0]
}

func (l *Lemmatizer) lemmaSet() map[string]bool {
	l.lemmasOnce.Do(func() {
		l.lemmas = make(map[string]bool, len(l.known))
		for _, lem := range l.known {
			l.lemmas[lowerFold(lem)] = true
		}
	})
	return l.lemmas
}

// TrainLemmatizer learns the form table and suffix rules from the treebank.
func TrainLemmatizer(train []*Sentence) *Lemmatizer {
	type count map[string]int
	known := map[string]count{}
	rules := map[string]count{}
	// Rewrites are counted by a string name, which also orders them for
	// top's tie-break; ruleOf maps the name back.
	ruleOf := map[string]lemmaRule{}
	add := func(m map[string]count, k, v string) {
		c := m[k]
		if c == nil {
			c = count{}
			m[k] = c
		}
		c[v]++
	}
	for _, s := range train {
		for _, t := range s.Tokens {
			if t.Lemma == "" || t.Lemma == "_" {
				continue
			}
			low := lowerFold(t.Form)
			add(known, low+"\x00"+t.XPOS, t.Lemma)
			if t.UPOS == "PROPN" || t.UPOS == "NUM" || t.UPOS == "PUNCT" {
				continue
			}
			lem := lowerFold(t.Lemma)
			p := commonPrefix(low, lem)
			rule := strconv.Itoa(len(low)-p) + "\x00" + lem[p:]
			ruleOf[rule] = lemmaRule{Strip: len(low) - p, Add: lem[p:]}
			for k := len(low) - p; k <= min(maxLemmaSuffix, len(low)); k++ {
				add(rules, t.XPOS+"\x00"+low[len(low)-k:], rule)
			}
		}
	}
	l := &Lemmatizer{known: map[string]string{}, rules: map[string]lemmaRule{}}
	for k, c := range known {
		l.known[k] = top(c, 1)
	}
	for k, c := range rules {
		if r := top(c, 2); r != "" {
			l.rules[k] = ruleOf[r]
		}
	}
	return l
}

// top returns the most frequent value seen at least min times, ties broken
// by value so that training is deterministic.
func top(c map[string]int, minCount int) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best, n := "", 0
	for _, k := range keys {
		if c[k] > n {
			best, n = k, c[k]
		}
	}
	if n < minCount {
		return ""
	}
	return best
}

func commonPrefix(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}
