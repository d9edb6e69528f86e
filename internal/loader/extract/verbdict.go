package extract

import (
	"slices"
	"strings"
	"sync"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
	"github.com/kg-project/kg/internal/loader/dict"
)

// This file codes verbs with a PETRARCH verb dictionary: a verb's block
// gives its code, and the block's patterns refine it by the nouns and
// prepositional phrases around the verb. Where PETRARCH matched patterns
// against the words of a constituency tree, here a pattern's nouns are
// looked for as heads of the verb's dependents, with their modifiers:
// "- * {FINANCIAL AID}" matches "sent desperately needed financial aid".

// WithVerbs returns a copy of the engine that codes verbs its lexicon does
// not know with the verb dictionary vd (which may be nil).
func (e *Engine) WithVerbs(vd *dict.VerbDict) *Engine {
	c := *e
	c.verbs = vd
	c.synsetWords = nil
	if vd != nil {
		// The longest phrase of each synset, so that a pattern's synset
		// is tried on as many words as it can match and no more.
		c.synsetWords = map[string]int{}
		c.synsetFirst = map[string][]string{}
		for name, ps := range vd.Synsets {
			n := 1
			// The first words of its phrases, to rule a synset out of a
			// sentence before trying it word by word; not when a phrase
			// starts with another synset.
			var first []string
			open := false
			for _, p := range ps {
				k := len(p.Words)
				for _, w := range p.Words {
					if strings.HasPrefix(w, "&") {
						k = maxSynsetWords // a synset within: any length
					}
				}
				n = max(n, min(k, maxSynsetWords))
				if len(p.Words) == 0 || strings.HasPrefix(p.Words[0], "&") {
					open = true
				} else {
					first = append(first, p.Words[0])
				}
			}
			c.synsetWords[strings.ToLower(name)] = n
			if !open {
				c.synsetFirst[strings.ToLower(name)] = first
			}
		}
		c.patternWords = map[*dict.Pattern]seqWords{}
		for _, b := range vd.Blocks {
			for _, p := range b.Patterns {
				pre, post, ok := patternWords(p.Text)
				c.patternWords[p] = seqWords{pre, post, ok}
			}
		}
	}
	return &c
}

// maxSynsetWords bounds the words one synset reference is tried on.
const maxSynsetWords = 4

// dictTargetPreps introduce a target after a dictionary verb that names
// none itself: "fired at", "protested to", "sided with".
var dictTargetPreps = []string{"to", "with", "against", "on", "upon", "at", "toward", "towards", "into", "over"}

// timeNouns head phrases of duration.
var timeNouns = toSet(`second minute hour day night week weekend month year decade century time period while`)

// dictLatePreps introduce a target when no other phrase does.
var dictLatePreps = []string{"from", "in", "for", "about", "of", "at", "near", "inside", "across"}

var (
	dictRulesMu sync.Mutex
	dictRules   = map[string]*VerbRule{}
)

// dictRule is the rule standing for a dictionary code: one per code, so
// events of one code share their relation name.
func dictRule(code string) *VerbRule {
	dictRulesMu.Lock()
	defer dictRulesMu.Unlock()
	if r := dictRules[code]; r != nil {
		return r
	}
	name := code
	if n := cameo.RelationName(code); n != "" {
		name = n
	}
	r := &VerbRule{Relation: name, Code: code}
	dictRules[code] = r
	return r
}

// isDictRule reports whether r stands for a code of the verb dictionary
// rather than a rule of kg's lexicon.
func isDictRule(r *VerbRule) bool {
	dictRulesMu.Lock()
	defer dictRulesMu.Unlock()
	return r != nil && dictRules[r.Code] == r
}

// embeddedVerb reports whether a dictionary verb comes from the
// dictionaries kg embeds, which rank below its own lexicon; a user's
// dictionary ranks above it.
func embeddedVerb(w *dict.VerbWord) bool { return embeddedWhere(w.Where) }

func embeddedWhere(where string) bool {
	return strings.HasPrefix(where, "phoenix:") || strings.HasPrefix(where, "embedded:")
}

// dictVerb codes verb v with the verb dictionary's user entries
// (embedded false) or its embedded ones.
func (f *treeFinder) dictVerb(v int, embedded bool) (finding, bool) {
	vd := f.e.verbs
	if vd == nil {
		return finding{}, false
	}
	seen := map[*dict.VerbWord]bool{}
	var best *dict.VerbWord
	var bestPat *dict.Pattern
	var bestBound seqBinding
	code, alt, score := "", "", -1
	for _, key := range []string{f.low(v), f.lemma(v)} {
		for _, w := range append(vd.Form(key), vd.Lookup(key)...) {
			if seen[w] || embeddedVerb(w) != embedded || !f.verbWordFits(v, w) {
				continue
			}
			seen[w] = true
			c, a, sc := w.Code, w.Alt, len(w.Before)+len(w.After)
			var pat *dict.Pattern
			var bound seqBinding
			if w.Block != nil {
				base := sc
				for _, p := range w.Block.Patterns {
					// A user's block merged into an embedded one of the same
					// verb: each tier codes with its own patterns.
					if embeddedWhere(p.Where) != embedded {
						continue
					}
					ps, ok := f.matchPattern(v, p)
					var b seqBinding
					if !ok {
						ps, b, ok = f.matchSequence(v, p)
					}
					if ok && ps+base > sc && ps > 0 {
						c, a, sc, pat, bound = p.Code, p.Alt, ps+base, p, b
					}
				}
			}
			if c == "---" || c == "" && a == "" {
				continue
			}
			// The embedded dictionary's bare block codes fire on every
			// "sees", "seeks" and "means" of analytical prose; from it,
			// only a matched pattern codes.
			if embedded && pat == nil {
				continue
			}
			if sc > score {
				best, bestPat, code, alt, score, bestBound = w, pat, c, a, sc, bound
			}
		}
	}
	if best == nil || f.makesAppeal(v, code) {
		return finding{}, false
	}
	agents, passive := f.subject(v)
	var targets []*actorRec
	if passive {
		targets, agents = agents, f.byAgent(v)
	} else {
		for _, c := range f.s.Children(v) {
			if rel := f.tok(c).Rel; rel == "obj" || rel == "iobj" {
				as := f.actorsAt(c)
				if bestPat != nil && f.patternObject(bestPat, c) {
					// "sent U.S. troops against drug cartels" ("SEND *
					// &MILITARY"): the agent's own forces the pattern
					// names are what is sent, not whom it is sent to.
					as = slices.DeleteFunc(as, func(a *actorRec) bool { return sharesCountry(a, agents) })
				}
				targets = append(targets, as...)
			}
		}
	}
	// The pattern may say which phrase holds the target or the source:
	// "(FROM +)" after "depart", "(BY $)".
	tPreps, sPrep := dictTargetPreps, ""
	if bestPat != nil {
		if p, ok := strings.CutPrefix(bestPat.Target, "post:"); ok {
			tPreps = append([]string{p}, tPreps...)
		}
		if p, ok := strings.CutPrefix(bestPat.Source, "post:"); ok {
			sPrep = p
		}
		for _, pp := range bestPat.PostPreps {
			if pp.Object == nil {
				tPreps = append([]string{pp.Prep}, tPreps...) // "* (TO)"
			}
		}
	}
	for _, o := range f.obliques(v) {
		p := f.caseOf(o)
		switch {
		case p == sPrep && p != "":
			agents = f.actorsAt(o)
		case f.topic(o, code):
			// "a phone call on the Gaza negotiations": a topic's parties
			// are another act's.
		case contains(tPreps, p) || contains(best.After, p):
			targets = append(targets, f.actorsAt(o)...)
		}
	}
	// A sequence pattern's markers bound the actors themselves.
	if len(bestBound.source) > 0 {
		agents = bestBound.source
	}
	if len(bestBound.target) > 0 {
		targets = bestBound.target
	}
	reverse := false
	if code == "" {
		// ":110": only the event back from the target ("A offended B":
		// B disapproves of A).
		code, reverse = alt, true
	}
	r := dictRule(code)
	if len(targets) == 0 {
		targets = f.objectModifiers(v, r, dictTargetPreps)
	}
	if len(targets) == 0 {
		// As PETRARCH, the first actor after the verb in any phrase:
		// "departs from Libya", "arrived in Gondor", "marched close to
		// the border with Mordor" (through the verb's predicate
		// adjective).
		obls := f.obliques(v)
		for _, x := range f.s.ChildrenByRel(v, "xcomp") {
			if f.tok(x).UPOS == "ADJ" || f.tok(x).UPOS == "ADV" {
				obls = append(obls, f.obliques(x)...)
			}
		}
		for _, o := range obls {
			p := f.caseOf(o)
			if o < v || !contains(dictLatePreps, p) && !contains(dictTargetPreps, p) && !contains(best.After, p) {
				continue
			}
			if timeNouns[f.lemma(o)] {
				continue // "for months in solidarity with Palestinians": a span of time holds no target
			}
			if f.topic(o, code) {
				continue
			}
			if p == "for" && forceCode(code) {
				continue // "to fight for Russia": whom one fights for is on one's side
			}
			targets = append(targets, f.actorsAt(o)...)
			if len(targets) == 0 {
				// "acted on a resolution against Libya", "cordoned off
				// the roads leading into Mordor": inside the phrase.
				inner := f.s.ChildrenByRel(o, "nmod")
				for _, a := range f.s.ChildrenByRel(o, "acl") {
					inner = append(inner, f.obliques(a)...)
				}
				for _, c := range inner {
					if q := f.caseOf(c); contains(dictLatePreps, q) || contains(dictTargetPreps, q) {
						targets = append(targets, f.actorsAt(c)...)
					}
				}
			}
			if len(targets) > 0 {
				break
			}
		}
	}
	if len(targets) == 0 && bestPat != nil && bestPat.Target == "" {
		// A pattern that names no target, matched: the first actor after
		// the verb may be its clause's subject ("allowed that Mordor
		// isn't a really pleasant place").
		if c := f.s.Child(v, "ccomp"); c > v {
			for _, sb := range f.s.Children(c) {
				if rel := f.tok(sb).Rel; rel == "nsubj" || rel == "nsubj:pass" {
					targets = append(targets, f.actorsAt(sb)...)
				}
			}
		}
	}
	targets = without(dropObjects(dedupRecs(targets)), agents)
	if reverse {
		agents, targets = targets, agents
	}
	fd := finding{rule: r, code: code, trig: f.tokAt[v-1], word: v, conf: 0.7, modality: graph.Actual, userCode: !embedded, domestic: atHome(code, agents, targets)}
	fd.agents, fd.targets = dedupRecs(agents), targets
	if len(fd.targets) == 0 && len(fd.agents) >= 2 && (alt != "" && alt == code || bestBound.compound || f.tieObject(v)) {
		fd.reciprocal = true // "[031:031]": a meeting of the two
	}
	groupCode(&fd)
	f.context(&fd, v)
	if bestBound.negation {
		fd.negated = false
	}
	if !reverse && alt != "" && !fd.reciprocal && fd.code == code && f.complete(&fd) && (!embedded || alt == code && cameo.Root(code) == "04") {
		// "[042:043]": the clause implies an event back, from the
		// target to the source ("A visited B": B hosted A). The
		// embedded dictionary keeps kg's one event per act: the back
		// event only when both sides do the same thing ("[040:040]",
		// a meeting), not when one shares intelligence with the other;
		// a user's dictionary is coded as its author wrote it. An act
		// only urged, threatened or promised (its code recoded by its
		// governor) implies nothing back.
		back := fd
		back.rule, back.code = dictRule(alt), alt // userCode as fd's
		back.agents, back.targets = fd.targets, fd.agents
		f.add(back)
	}
	return fd, f.complete(&fd)
}

// verbWordFits checks the other words of a multi-word dictionary verb:
// particles after it ("cordon off") and words before it ("wire tap").
func (f *treeFinder) verbWordFits(v int, w *dict.VerbWord) bool {
	for _, a := range w.After {
		if _, ok := f.restWord(v, a); !ok {
			return false
		}
	}
	for i, b := range w.Before {
		k := v - len(w.Before) + i
		if k < 1 || f.low(k) != b {
			return false
		}
	}
	return true
}

// matchPattern matches a dictionary pattern around verb v. It returns how
// much of the pattern matched (more is more specific) and whether all of
// it did.
func (f *treeFinder) matchPattern(v int, p *dict.Pattern) (int, bool) {
	// A word the sentence does not have fails the pattern at once.
	for _, phs := range [][]dict.Phrase{p.Pre, p.Post} {
		for _, ph := range phs {
			if !f.hasWords(ph.Words) {
				return 0, false
			}
		}
	}
	for _, pps := range [][]dict.PrepPhrase{p.PrePreps, p.PostPreps} {
		for _, pp := range pps {
			if !f.hasWord(pp.Prep) || pp.Object != nil && !f.hasWords(pp.Object.Words) {
				return 0, false
			}
		}
	}
	passive := f.isPassive(v)
	var subj, objs []int
	for _, c := range f.s.Children(v) {
		switch rel := f.tok(c).Rel; {
		case rel == "nsubj" || rel == "nsubj:outer":
			subj = append(subj, c)
		case rel == "nsubj:pass":
			objs = append(objs, c) // the object side of a passive
		case rel == "obj" || rel == "iobj" || rel == "xcomp" || rel == "obl:unmarked":
			objs = append(objs, c)
		}
	}
	if passive {
		for _, o := range f.obliques(v) {
			if f.tok(o).Rel == "obl:agent" || f.caseOf(o) == "by" {
				subj = append(subj, o)
			}
		}
	}
	score := 0
	for _, ph := range p.Pre {
		if !f.phraseIn(ph, subj) {
			return 0, false
		}
		score += 2
	}
	for _, ph := range p.Post {
		if !f.phraseIn(ph, objs) {
			return 0, false
		}
		score += 2
	}
	for _, pp := range p.PrePreps {
		if !f.prepIn(v, pp, objs, true) {
			return 0, false
		}
		score += 2
	}
	for _, pp := range p.PostPreps {
		if !f.prepIn(v, pp, objs, false) {
			return 0, false
		}
		score += 2
		if pp.Object == nil {
			// A bare preposition says less than a word: "flew weapons to
			// the RSF" is "* &WEAPON" (072), not "* (TO)" (036).
			score--
		}
	}
	return score, true
}

// patternObject reports whether one of the pattern's phrases after the
// verb is the phrase headed by o itself.
func (f *treeFinder) patternObject(p *dict.Pattern, o int) bool {
	for _, ph := range p.Post {
		if ws := contentWords(ph); len(ws) > 0 && f.phraseAt(ws, o) {
			return true
		}
	}
	return false
}

// sharesCountry reports whether a is of the country of one of as.
func sharesCountry(a *actorRec, as []*actorRec) bool {
	c := countryCode(a)
	for _, b := range as {
		if c != "" && c == countryCode(b) {
			return true
		}
	}
	return false
}

// phraseIn reports whether a pattern phrase matches one of the heads or a
// noun of their phrases. A phrase of markers alone ($, +) asks for an
// actor there.
func (f *treeFinder) phraseIn(ph dict.Phrase, heads []int) bool {
	words := contentWords(ph)
	for _, h := range heads {
		if len(words) == 0 {
			if len(f.actorsAt(h)) > 0 {
				return true
			}
			continue
		}
		for _, x := range f.s.Subtree(h) {
			if f.phraseAt(words, x) {
				return true
			}
		}
	}
	return false
}

// phraseAt matches phrase words (head last) at word x: x is the head and
// the other words modify it.
func (f *treeFinder) phraseAt(words []string, x int) bool {
	if !f.wordIs(words[len(words)-1], x) {
		return false
	}
	for _, w := range words[:len(words)-1] {
		found := false
		for _, c := range f.s.Subtree(x) {
			if c != x && f.wordIs(w, c) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// wordIs matches one pattern word, or synset reference, against word x by
// form or lemma.
func (f *treeFinder) wordIs(w string, x int) bool {
	if strings.HasPrefix(w, "&") {
		return f.e.verbs.InSynset(w, []string{f.low(x)}) || f.e.verbs.InSynset(w, []string{f.lemma(x)})
	}
	return w == f.low(x) || w == f.lemma(x)
}

// prepIn matches a pattern's prepositional phrase among v's obliques (or
// those of its objects, where the parser often hangs them).
func (f *treeFinder) prepIn(v int, pp dict.PrepPhrase, objs []int, before bool) bool {
	cands := f.obliques(v)
	for _, o := range objs {
		cands = append(cands, f.s.ChildrenByRel(o, "nmod")...)
	}
	for _, c := range cands {
		if before != (c < v) || f.caseOf(c) != pp.Prep {
			continue
		}
		if pp.Object == nil {
			return true
		}
		words := contentWords(*pp.Object)
		if len(words) == 0 {
			if len(f.actorsAt(c)) > 0 {
				return true
			}
			continue
		}
		for _, x := range f.s.Subtree(c) {
			if f.phraseAt(words, x) {
				return true
			}
		}
	}
	return false
}

// contentWords drops the actor markers from a phrase.
func contentWords(ph dict.Phrase) []string {
	var out []string
	for _, w := range ph.Words {
		if !dict.IsMarker(w) {
			out = append(out, w)
		}
	}
	return out
}

// seqBinding holds the actors a sequence pattern's markers matched.
type seqBinding struct {
	source, target []*actorRec
	// negation: the pattern's own words hold the negation ("&NEGATVAUXVRB
	// * OVER EFFORTS" matching "didn't clash over"), which its code says.
	negation bool
	// compound: a "%" marker bound a coordinated actor, whose members
	// do the act to one another ("% HAVE * [191]": "Gondor and
	// Osgiliath have delayed their meeting").
	compound bool
}

// matchSequence matches a pattern the way TABARI did, as words in order
// around the verb with gaps allowed: "* EID AT ^ WITH +" matches "has
// celebrated Eid at the Emirates with Gondor". It is the fallback for
// patterns the tree does not match; markers bind actors: $ the source, +
// the target, ^ any word, % a compound of both.
func (f *treeFinder) matchSequence(v int, p *dict.Pattern) (int, seqBinding, bool) {
	sw, found := f.e.patternWords[p]
	if !found {
		sw.pre, sw.post, sw.ok = patternWords(p.Text)
	}
	pre, post, ok := sw.pre, sw.post, sw.ok
	var b seqBinding
	if !ok || len(pre)+len(post) == 0 {
		return 0, b, false
	}
	// Most patterns name a word the sentence does not have: those fail
	// here, before any matching.
	for _, ws := range [][]string{pre, post} {
		for _, w := range ws {
			if dict.IsMarker(w) || w == "^" {
				continue
			}
			if strings.HasPrefix(w, "&") {
				if !f.synsetPossible(w) {
					return 0, b, false
				}
				continue
			}
			if !f.hasWord(w) {
				return 0, b, false
			}
		}
	}
	score := 0
	// After the verb, left to right.
	k := v + 1
	for _, w := range post {
		found := false
		for ; k <= f.s.Len(); k++ {
			if f.tok(k).UPOS == "PUNCT" && (f.low(k) == ";" || f.low(k) == ".") {
				break
			}
			if n, as, ok := f.seqWord(w, k, false); ok && (dict.IsMarker(w) || w == "^" || f.inClauseOf(k, v)) {
				f.bind(&b, w, as, false)
				for j := k; j < k+n; j++ {
					b.negation = b.negation || treeNegWords[f.low(j)]
				}
				if !dict.IsMarker(w) {
					score += 2
				}
				k += n
				found = true
				break
			}
		}
		if !found {
			return 0, b, false
		}
	}
	// Before the verb, right to left.
	k = v - 1
	for i := len(pre) - 1; i >= 0; i-- {
		w := pre[i]
		found := false
		for ; k >= 1; k-- {
			if n, as, ok := f.seqWord(w, k, true); ok {
				f.bind(&b, w, as, true)
				for j := k - n + 1; j <= k; j++ {
					b.negation = b.negation || treeNegWords[f.low(j)]
				}
				if !dict.IsMarker(w) {
					score += 2
				}
				k -= n
				found = true
				break
			}
		}
		if !found {
			return 0, b, false
		}
	}
	return score, b, true
}

// clauseRels attach a clause that says something of its own: a relative
// clause or a clause set beside the main one.
var clauseRels = toSet(`acl:relcl advcl:relcl parataxis`)

// inClauseOf reports whether word k can belong to a pattern of verb v: no
// relative clause or parataxis lies between them ("takes place amid
// pressure to launch an offensive that fuels backlash in Pakistani cities"
// does not take the cities). Complements and adverbials stay in, as the
// parser often mistakes one for the other, unless an adverbial has a
// subject of its own ("detonated a car bomb, police said, as the group
// claimed responsibility for the attack" does not take "for"; a
// complement's subject is what patterns of speech are about); a word
// outside v's subtree is let through, as TABARI read words in order.
func (f *treeFinder) inClauseOf(k, v int) bool {
	for x, i := k, 0; x != v && x > 0 && i < f.s.Len(); x, i = f.tok(x).Head, i+1 {
		rel := f.tok(x).Rel
		if clauseRels[rel] {
			return false
		}
		if rel == "advcl" && (f.s.Child(x, "nsubj") > 0 || f.s.Child(x, "nsubj:pass") > 0) {
			return false
		}
	}
	return true
}

// hasWords reports whether the sentence has every plain word of a
// pattern phrase (markers and synsets aside).
func (f *treeFinder) hasWords(ws []string) bool {
	for _, w := range ws {
		if !dict.IsMarker(w) && !strings.HasPrefix(w, "&") && !f.hasWord(w) {
			return false
		}
	}
	return true
}

// synsetAt is a synset tried at a word, reading back or on; a sentence's
// patterns try the same ones again and again.
type synsetAt struct {
	name string
	k    int
	back bool
}

// hasWord reports whether the sentence has w as a form or a lemma.
func (f *treeFinder) hasWord(w string) bool {
	if f.words == nil {
		f.words = make(map[string]bool, 2*f.s.Len())
		for k := 1; k <= f.s.Len(); k++ {
			f.words[f.low(k)] = true
			f.words[f.lemma(k)] = true
		}
	}
	return f.words[w]
}

// bind records the actors a pattern's marker matched. A "%" before the
// verb is a coordinated subject acting on its own members; after the
// verb it is the target ("* WITH %": "agrees with the Philippines and
// France").
func (f *treeFinder) bind(b *seqBinding, w string, as []*actorRec, before bool) {
	switch {
	case w == "$":
		b.source = append(b.source, as...)
	case w == "+", w == "%" && !before:
		b.target = append(b.target, as...)
	case w == "%":
		b.source = append(b.source, as...)
		b.target = append(b.target, as...)
		b.compound = true
	}
}

// seqWord matches one sequence word at word k: a marker an actor mention
// (the whole of it), "^" any word, a synset or a word by form or lemma.
// It returns how many words it took.
func (f *treeFinder) seqWord(w string, k int, back bool) (int, []*actorRec, bool) {
	switch w {
	case "$", "+", "%":
		m := f.owner[k-1]
		as := f.mentionActors(k)
		if m < 0 || len(as) == 0 {
			return 0, nil, false
		}
		n := 1
		for k+n <= f.s.Len() && f.owner[k+n-1] == m {
			n++
		}
		if w == "%" {
			// The whole coordination the mention is part of.
			top := k
			for i := 0; i < 8 && f.tok(top).Rel == "conj"; i++ {
				top = f.tok(top).Head
			}
			if all := f.actorsAt(top); len(all) > len(as) {
				as = all
			}
		}
		return n, as, true
	case "^":
		return 1, nil, f.tok(k).UPOS != "PUNCT"
	}
	if strings.HasPrefix(w, "&") {
		key := synsetAt{w, k, back}
		if r, ok := f.synsetHits[key]; ok {
			return r, nil, r > 0
		}
		if f.synsetHits == nil {
			f.synsetHits = map[synsetAt]int{}
		}
		f.synsetHits[key] = 0
		// A synset's phrases may be several words ("did n't", "will
		// not"): the longest that ends at k when reading back, starts at
		// k when reading on.
		for n := f.e.synsetWords[w]; n >= 1; n-- {
			from := k
			if back {
				from = k - n + 1
			}
			if from < 1 || from+n-1 > f.s.Len() {
				continue
			}
			ws := make([]string, n)
			for i := range ws {
				ws[i] = f.low(from + i)
			}
			if f.e.verbs.InSynset(w, ws) {
				f.synsetHits[key] = n
				return n, nil, true
			}
		}
	}
	return 1, nil, f.wordIs(w, k)
}

// synsetPossible reports whether the sentence has a first word of one of
// synset w's phrases (always true for a synset that starts with another).
func (f *treeFinder) synsetPossible(w string) bool {
	first, ok := f.e.synsetFirst[w]
	if !ok {
		return true
	}
	for _, x := range first {
		if f.hasWord(x) {
			return true
		}
	}
	return false
}

// seqWords are a pattern's words, split once.
type seqWords struct {
	pre, post []string
	ok        bool
}

// patternWords splits a pattern as written into the words before and
// after its verb (*), lower case, without brackets, code or comment.
func patternWords(text string) (pre, post []string, ok bool) {
	if i := strings.IndexByte(text, '['); i >= 0 {
		text = text[:i]
	}
	text = strings.TrimPrefix(strings.TrimSpace(text), "-")
	text = strings.NewReplacer("_", " ", "(", " ", ")", " ", "{", " ", "}", " ").Replace(text)
	after := false
	for _, w := range strings.Fields(strings.ToLower(text)) {
		switch {
		case w == "*":
			after = true
		case after:
			post = append(post, w)
		default:
			pre = append(pre, w)
		}
	}
	return pre, post, after
}
