package extract

import (
	"strings"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
)

// group is a coordination of mentions ("Pakistan, the West and Saudi
// Arabia", "US/Pakistan", "Pak-Russia") or a single mention.
type group struct {
	start, end int // token span
	ms         []*mention
	actors     []*actorRec
	poss       bool
	weak       bool // only unknown single words: usable in few positions
	modifier   bool // a lone demonym before a common noun
	weapon     bool // a country's arms: "Russian missiles"
}

// finding is one relation found in a sentence, before it becomes events.
type finding struct {
	rule       *VerbRule
	code       string
	agents     []*actorRec
	targets    []*actorRec
	reciprocal bool // targets are the agents themselves ("each other", "the two countries held")
	mutual     bool // reciprocal, but each side acts on the other: one event per direction
	trig       int
	word       int       // the parse coder's trigger word (ID in the parse); 0 for the rules coder
	reporter   *actorRec // who the text says reported it
	// oneWay: a symmetric rule's event recoded as one side's act (an
	// appeal, intent or threat to meet), which holds one way only.
	oneWay bool
	// domestic: a country's own people acting against it (a protest at
	// home), which the one-side rule must not drop.
	domestic bool
	negated  bool
	modality graph.Modality
	conf     float64
	// userCode: the code is one a user's verb dictionary defines outside
	// CAMEO, coded as given.
	userCode bool
}

var connectors = toSet(`, and / & or the former both`)

// buildGroups joins mentions separated only by connectors. A list joined by
// commas alone is split again unless it ends with "and" or "or", so that
// appositions and clause commas do not glue actors together.
func buildGroups(toks []token, ms []mention) []group {
	var gs []group
	for k := 0; k < len(ms); {
		g := group{start: ms[k].start, end: ms[k].end}
		g.ms = append(g.ms, &ms[k])
		hasAnd := false
		commas := []int{}
		k2 := k + 1
		for k2 < len(ms) && !ms[k2-1].poss && !(ms[k2].poss && (ms[k2].end+1 >= len(toks) || toks[ms[k2].end+1].low != "and")) {
			gap := toks[ms[k2-1].end:ms[k2].start]
			if len(gap) == 0 || len(gap) > 3 {
				break
			}
			ok, and, comma := true, false, false
			for _, t := range gap {
				switch {
				case t.low == "-" && !t.space && len(gap) == 1:
					and = true
				case t.low == "and" || t.low == "or" || t.low == "/" || t.low == "&":
					and = true
				case t.low == ",":
					comma = true
				case connectors[t.low]:
				default:
					ok = false
				}
			}
			if !ok || (!and && !comma) {
				break
			}
			if comma && !and && hasAnd {
				break // "Russia and Pakistan, Lavrov visited": the list ended at "and"
			}
			if comma && !and {
				commas = append(commas, len(g.ms))
			}
			hasAnd = hasAnd || and
			g.ms = append(g.ms, &ms[k2])
			g.end = ms[k2].end
			k2++
		}
		if !hasAnd && len(commas) > 0 {
			g.ms = g.ms[:1]
			g.end = g.ms[0].end
			k2 = k + 1
		}
		g.poss = g.ms[len(g.ms)-1].poss
		weak := true
		for _, m := range g.ms {
			if !m.single {
				weak = false
			}
			if m.pair != nil {
				for _, a := range m.pair {
					g.actors = appendActor(g.actors, a)
				}
				continue
			}
			if m.actor != nil {
				g.actors = appendActor(g.actors, m.actor)
			}
		}
		g.weak = weak
		g.modifier = len(g.ms) == 1 && g.ms[0].modifier
		g.weapon = len(g.ms) == 1 && g.ms[0].weapon
		if len(g.actors) > 0 {
			gs = append(gs, g)
		}
		k = k2
	}
	return gs
}

// appendActor adds a to as unless it is there already (groups are short).
func appendActor(as []*actorRec, a *actorRec) []*actorRec {
	for _, b := range as {
		if a == b {
			return as
		}
	}
	return append(as, a)
}

var (
	prepositions = toSet(`in on at to for from with of about against between into onto over under through
toward towards across beyond within among amongst near like via despite including`)
	determiners = toSet(`the a an this that these those his her its their our some any no every each
another such both all two three several many much more most first second`)
	auxWords = toSet(`is are was were be been being has have had do does did will would shall should can
could may might must 'll to not never also now later recently then thereafter continuously successfully
further already still just even reportedly jointly formally finally officially once again soon
currently actually eventually subsequently allegedly reportedly apparently quickly immediately no longer
yet about going`)
	raisingWords = toSet(`expected likely set scheduled planning planned plans plan intends intended intend
intending wants wanted want seeks sought seek seeking agreed agree agrees offered offer offers keen ready
willing decided decides decide believed said reported trying tried try tries continue continues
continued promised pledged vowed hopes hoped aims aimed unlikely able unable refused declined failed
moved move poised eager interested prepared determined due supposed expecting hoping hope aiming
proposed proposes propose started starts begun began begin help helps helped helping threatened
threatens threaten threatening refuses refuse refusing declines decline declining`)
	clauseStops = toSet(`; : that which who whom whose while whereas because although though but if
unless since when where after before`)
	lightVerbs = toSet(`pay pays paid paying make makes made making undertake undertakes undertook
undertaken undertaking hold holds held holding conduct conducts conducted launch launches launched
lodge lodged lodges extend extends extended express expressed expresses begin began begun start started
offer offered provide provided give gave given announce announced voice voiced carry carried end ended complete
completed expand expands expanded expanding boost boosts boosted deepen deepens deepened deepening
increase increases increased strengthen strengthens strengthened resume resumed resumes open opened
opens bolster bolsters bolstered enhance enhances enhanced broaden broadens broadened intensify
intensifies intensified`)
	plannedWords = toSet(`will shall 'll expected scheduled set planning planned plans plan intends
intended intend intending going due upcoming forthcoming proposed prospective future poised`)
	hypoWords = toSet(`would could might may should must can likely unlikely possible potential if
perhaps probably hope hopes hoped hoping`)
	intentWords = toSet(`agreed agree agrees offered offer offers keen ready willing promised pledged
vowed eager interested prepared wants wanted want seeks sought seek seeking proposed proposes propose
determined`)
	negWords     = toSet(`not never no n't without failed unable cannot`)
	refuseWords  = toSet(`refused refuses refuse refusing declined declines decline declining rejected`)
	beWords      = toSet(`is are was were be been being`)
	possPronouns = toSet(`his her its their`)
	speechVerbs  = toSet(`said says say told tells stated states added adds argued noted claimed claims
announced insisted warned believes believed`)
	nounCues = toSet(`the a an his her its their our this that these those 's upcoming planned first
proposed forthcoming expected recent latest official historic landmark secret staunch unwavering
state second last next maiden new own further fresh`)
)

// sentenceRelations finds the relations of one sentence.
type relFinder struct {
	e          *Engine
	ds         *docState
	text       string
	toks       []token
	ms         []mention
	gs         []group
	byTok      []int // token -> index of the group that covers it, or -1
	mByTok     []int // token -> index of the mention that covers it, or -1
	found      []finding
	lastAgents []*actorRec
	used       map[int]bool // tokens a rule consumed (required words, later verb words)
}

func (f *relFinder) index() {
	f.byTok = resize(f.byTok, len(f.toks))
	f.mByTok = resize(f.mByTok, len(f.toks))
	for k := range f.ms {
		for t := f.ms[k].start; t < f.ms[k].end && t < len(f.toks); t++ {
			f.mByTok[t] = k
		}
	}
	for k := range f.gs {
		for t := f.gs[k].start; t < f.gs[k].end && t < len(f.toks); t++ {
			f.byTok[t] = k
		}
	}
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		s = make([]int, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = -1
	}
	return s
}

// groupAt returns the group starting within skip words after i (skipping
// determiners and up to maxAdj other lower-case words), or nil.
func (f *relFinder) groupAt(i, maxAdj int) *group {
	adj := 0
	for k := i; k < len(f.toks) && k < i+8; k++ {
		if g := f.byTok[k]; g >= 0 {
			if possPronouns[f.toks[k].low] && k+1 < len(f.toks) && f.toks[k+1].word {
				continue // "met his Pakistani counterpart": "his" is a determiner here
			}
			return &f.gs[g]
		}
		t := f.toks[k]
		if !t.word {
			if t.low == "-" || t.low == "'" || t.low == "'s" || t.low == "\"" || t.low == "‘" || t.low == "’" {
				continue
			}
			return nil
		}
		if determiners[t.low] || t.low == "'s" {
			continue
		}
		if maxAdj > 2 && (t.low == "like" || t.low == "including" || t.low == "such" || t.low == "as") {
			continue
		}
		if clauseStops[t.low] || prepositions[t.low] || beWords[t.low] || f.e.lex.triggers[t.low] != nil {
			return nil
		}
		adj++
		if adj > maxAdj {
			return nil
		}
	}
	return nil
}

// headOf follows "Pakistan's arch-rival India": a possessive group followed
// closely by another group yields the latter.
func (f *relFinder) headOf(g *group) *group {
	if g != nil && g.modifier {
		// "Chinese multi-billion project China-Pakistan Economic
		// Corridor": the nationality qualifies the named thing after it.
		for k := g.end; k < len(f.toks) && k < g.end+6; k++ {
			if h := f.byTok[k]; h >= 0 {
				if hg := &f.gs[h]; !hg.weak && !hg.modifier {
					return hg
				}
				break
			}
			if t := f.toks[k]; !(t.word || t.low == "-") || functionWords[t.low] {
				break
			}
		}
	}
	if g == nil || !g.poss {
		return g
	}
	for k := g.end + 1; k < len(f.toks) && k <= g.end+4; k++ {
		if h := f.byTok[k]; h >= 0 {
			if hg := &f.gs[h]; hg != g && !hg.weak {
				return hg
			}
			break
		}
		t := f.toks[k]
		if !(t.word && !t.cap && !functionWords[t.low] && !beWords[t.low] || t.low == "-") {
			break
		}
		if strings.HasSuffix(t.low, "ing") || strings.HasSuffix(t.low, "ed") {
			break // "India's statement blaming Pakistan"
		}
	}
	return g
}

func (f *relFinder) run() {
	f.found = f.found[:0]
	f.lastAgents = nil
	for k := range f.used {
		delete(f.used, k)
	}
	for i := 0; i < len(f.toks); i++ {
		t := f.toks[i]
		if !t.word || f.mByTok[i] >= 0 || f.used[i] {
			continue
		}
		trs := f.e.lex.triggers[t.low]
		if len(trs) == 0 {
			continue
		}
		nounOK := f.nounContext(i)
		// The subject of a verb of the lexicon counts for "and V" later
		// even when none of its rules yields an event ("Khan declined the
		// invitation and went to Washington").
		var clauseSubj []*actorRec
		if v := firstVerb(trs); v != nil && !(nounOK && hasNoun(trs) && !v.pastPart && !v.gerund) {
			ax := f.aux(i)
			if s := ax.start - 1; s >= 0 && f.toks[s].low != "and" && f.toks[s].low != "but" && f.toks[s].low != "," {
				clauseSubj, _ = f.subjectOf(ax, v.pastPart)
			}
		}
		found := false
		for _, tr := range trs {
			var fd finding
			var ok bool
			if tr.noun {
				if !nounOK {
					continue
				}
				fd, ok = f.noun(i, tr)
			} else {
				if nounOK && hasNoun(trs) && !tr.pastPart && !tr.gerund {
					continue
				}
				if i > 0 && (determiners[f.toks[i-1].low] || f.toks[i-1].low == "'s") && f.toks[i-1].low != "that" {
					continue // "the massing of troops": a noun
				}
				fd, ok = f.verb(i, tr)
			}
			if ok {
				f.found = append(f.found, fd)
				if len(fd.agents) > 0 && !tr.noun && !fd.reciprocal {
					f.lastAgents = fd.agents
				}
				found = true
				break
			}
		}
		if !found && len(clauseSubj) > 0 {
			f.lastAgents = clauseSubj
		}
	}
	f.judgements()
}

// badWords judge what they are said of: "said the Russian approach was
// wrong" is a criticism by the speaker.
var badWords = toSet(`wrong mistaken misguided unacceptable regrettable unfortunate irresponsible
counterproductive counter-productive provocative unjustified unjustifiable baseless deplorable
destabilising destabilizing hostile biased illegal unhelpful`)

// judgements finds "X said (that) <Y's thing> was wrong": a criticism of
// Y by X.
func (f *relFinder) judgements() {
	if f.e.lex.criticize == nil {
		return
	}
	for i := 2; i < len(f.toks); i++ {
		if !badWords[f.toks[i].low] || !beWords[f.toks[i-1].low] {
			continue
		}
		// The judged: an actor in the few words before the verb.
		var tg *group
		k := i - 2
		for ; k >= 0 && k >= i-5; k-- {
			if g := f.byTok[k]; g >= 0 {
				tg = &f.gs[g]
				k = tg.start - 1
				break
			}
			if t := f.toks[k]; (!t.word && t.low != "'s") || clauseStops[t.low] || beWords[t.low] || prepositions[t.low] {
				break
			}
		}
		if tg == nil {
			continue
		}
		for k >= 0 && (determiners[f.toks[k].low] || f.toks[k].low == "that") {
			k--
		}
		if k >= 1 && f.toks[k].low == "and" && f.toks[k+1].low == "that" {
			// "said these could create problems and that ...": the
			// second reported clause of the same verb.
			j := k - 1
			for ; j >= 0 && j > k-14 && !speechVerbs[f.toks[j].low] && f.toks[j].low != ";"; j-- {
			}
			k = j
		}
		if k < 0 || !speechVerbs[f.toks[k].low] || f.mByTok[k] >= 0 {
			continue
		}
		ax := f.aux(k)
		agents, conf := f.subjectOf(ax, false)
		if len(agents) == 0 || ax.negated {
			continue
		}
		f.found = append(f.found, finding{rule: f.e.lex.criticize, code: f.e.lex.criticize.Code, agents: agents,
			targets: tg.actors, trig: i, modality: ax.modality, conf: conf - 0.1})
	}
}

func firstVerb(trs []trigger) *trigger {
	for k := range trs {
		if !trs[k].noun {
			return &trs[k]
		}
	}
	return nil
}

func hasNoun(trs []trigger) bool {
	for _, t := range trs {
		if t.noun {
			return true
		}
	}
	return false
}

// nounContext reports whether the word at i reads as a noun: after a
// determiner, a possessive, an adjective or a modifying actor.
func (f *relFinder) nounContext(i int) bool {
	if i == 0 {
		return false
	}
	p := f.toks[i-1]
	if nounCues[p.low] || lightVerbs[p.low] {
		return true
	}
	if m := f.mByTok[i-1]; m >= 0 {
		// "Kayani's Moscow visit", "the Moscow journey", "US drone attacks"
		ms := f.ms[m]
		if ms.start > 0 {
			q := f.toks[ms.start-1].low
			if q == "'s" || determiners[q] || ms.kind == mPronoun {
				return true
			}
		}
		return ms.kind == mDict && ms.actor != nil && ms.actor.Type != graph.Person && !f.verbLike(i)
	}
	if p.word && (!p.cap || i == 1) && !functionWords[p.low] && !auxWords[p.low] && !raisingWords[p.low] &&
		!strings.HasSuffix(p.low, "ly") && f.e.lex.triggers[p.low] == nil && !beWords[p.low] {
		return true
	}
	return false
}

// verbLike: after an actor, a bare noun/verb form is a verb when an actor or
// determiner follows ("Russia supports India").
func (f *relFinder) verbLike(i int) bool {
	if i+1 >= len(f.toks) {
		return false
	}
	n := f.toks[i+1]
	return f.byTok[i+1] >= 0 || determiners[n.low]
}

// auxInfo is what the words before a verb say about it.
type auxInfo struct {
	start    int // first token of the auxiliary chain
	chain    int // words in it
	negated  bool
	modality graph.Modality
	intent   bool
	passive  bool
	refused  bool // "refused to", "declined to": a rejection by the agent
	threat   bool // the verb is what someone threatened to do
}

func (f *relFinder) aux(i int) auxInfo {
	a := auxInfo{start: i, modality: graph.Actual}
	planned, hypo := false, false
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		t := f.toks[k]
		l := t.low
		if l == "'" || l == "’" || l == "t" && k > 0 && (f.toks[k-1].low == "'" || f.toks[k-1].low == "’") {
			if l == "t" {
				a.negated = true
			}
			a.start = k
			continue
		}
		if !t.word || f.mByTok[k] >= 0 {
			break
		}
		// "had refused for years to sell": a duration between the
		// raising verb and its infinitive is skipped.
		if n := f.durationBefore(k); n > 0 && k+1 < len(f.toks) && f.toks[k+1].low == "to" {
			k -= n - 1
			a.start = k
			continue
		}
		if !(auxWords[l] || raisingWords[l] || strings.HasSuffix(l, "ly") && !t.cap || l == "didn" || l == "doesn" || l == "don" || l == "wasn" || l == "isn" || l == "won" || l == "wouldn" || l == "hasn" || l == "haven" || l == "hadn") {
			// "had no time to meet", "has no plans to visit"
			if k > 0 && f.toks[k-1].low == "no" && k+1 < len(f.toks) && f.toks[k+1].low == "to" {
				a.negated = true
			}
			break
		}
		a.start = k
		a.chain++
		if negWords[l] || l == "longer" {
			a.negated = true
		}
		if refuseWords[l] {
			a.refused = true
		}
		if l == "threatened" || l == "threatens" || l == "threaten" || l == "threatening" {
			a.threat = true
		}
		if l == "to" && k > 0 && beWords[f.toks[k-1].low] && k == a.start {
			planned = true // "is to visit", "are to become"
		}
		if plannedWords[l] {
			planned = true
		}
		if hypoWords[l] {
			hypo = true
		}
		if intentWords[l] {
			a.intent = true
		}
		if beWords[l] && k == i-1 || beWords[l] && k == i-2 && (strings.HasSuffix(f.toks[i-1].low, "ly") || f.toks[i-1].low == "not") {
			a.passive = true
		}
	}
	switch {
	case hypo:
		a.modality = graph.Hypothetical
	case planned:
		a.modality = graph.Planned
	}
	if a.intent && a.modality == graph.Planned {
		a.modality = graph.Actual
	}
	return a
}

var durationNouns = toSet(`years decades months weeks days ages time while`)

// durationBefore returns the length of a duration phrase ending at token k
// ("for years", "for many years", "for a long time"), or 0.
func (f *relFinder) durationBefore(k int) int {
	if !durationNouns[f.toks[k].low] {
		return 0
	}
	for n := 1; n <= 3 && k-n >= 0; n++ {
		switch l := f.toks[k-n].low; {
		case l == "for":
			return n + 1
		case l == "a" || l == "long" || l == "many" || l == "several" || l == "some" || l == "two" || l == "three":
		default:
			return 0
		}
	}
	return 0
}

// subjectOf finds the agent of a verb from its auxiliary chain. A past form
// right after an actor reads as "US-backed" even after a preposition; a
// bare infinitive after an object ("enter Pakistan to conduct") does not
// take that object as its subject.
func (f *relFinder) subjectOf(ax auxInfo, past bool) ([]*actorRec, float64) {
	s := ax.start
	if s > 0 && f.byTok[s-1] >= 0 {
		g := &f.gs[f.byTok[s-1]]
		if past && g.end == s && !g.weak && !g.modifier && g.start > 0 && prepositions[f.toks[g.start-1].low] {
			// "defeat in US/Pakistan backed Afghan Jihad": unless a
			// proper subject stands further left.
			if a, _, poss := f.subjectFull(s, false); a == nil || poss {
				return g.actors, 0.7
			}
		}
		if f.toks[s].low == "to" && ax.chain == 1 && g.start > 1 && f.toks[g.start-1].low == "by" && !f.toks[g.start-2].cap {
			return g.actors, 0.7 // "the attempt by Russia to reach out"
		}
		if f.toks[s].low == "to" && ax.chain == 1 && g.start > 0 {
			p := f.toks[g.start-1]
			if p.word && !p.cap && !prepositions[p.low] && !functionWords[p.low] && !beWords[p.low] {
				// "invited Lavrov to visit": the infinitive is wished
				// for, not done; no event.
				return nil, 0
			}
		}
	}
	return f.subject(s)
}

// subject finds the agent of a verb whose auxiliary chain starts at s.
func (f *relFinder) subject(s int) ([]*actorRec, float64) { return f.subjectAny(s, false) }

// subjectAny is subject; modifiers are accepted when mod is set (the
// patient of a passive: "a US spy plane was shot down").
func (f *relFinder) subjectAny(s int, mod bool) ([]*actorRec, float64) {
	a, c, _ := f.subjectFull(s, mod)
	return a, c
}

// subjectFull is subjectAny that also says whether the subject found is a
// possessive ("Soviet Army's defeat").
func (f *relFinder) subjectFull(s int, mod bool) ([]*actorRec, float64, bool) {
	k := s - 1
	if k < 0 {
		return nil, 0, false
	}
	t := f.toks[k]
	switch {
	case t.low == "and" || t.low == "but" || t.low == "," && f.lastAgents != nil && f.openingComma(k) < 0:
		if f.lastAgents != nil {
			return f.lastAgents, 0.7, false
		}
	case t.low == "who" || t.low == "which" || t.low == "that":
		j := k - 1
		if j >= 0 && f.toks[j].low == "," {
			j--
		}
		if j >= 0 && f.byTok[j] >= 0 {
			return f.gs[f.byTok[j]].actors, 0.8, false
		}
		if t.low == "who" && j >= 0 && f.toks[j].word {
			return nil, 0, false // "militants who attack": the subject is no actor
		}
	}
	for ; k >= 0; k-- {
		t := f.toks[k]
		if t.low == ";" || t.low == ":" {
			return nil, 0, false
		}
		if speechVerbs[t.low] && f.mByTok[k] < 0 {
			return nil, 0, false // the reported clause's subject is not left of "said"
		}
		if t.low == "whose" && k > 0 && f.byTok[k-1] >= 0 {
			return f.gs[f.byTok[k-1]].actors, 0.7, false // "a force of Taliban whose focus should remain to fight"
		}
		if t.low == "," {
			// Skip a relative clause or apposition closed by this comma:
			// "Kabulov, who is Russia's envoy, met ...".
			if j := f.openingComma(k); j >= 0 {
				k = j
				continue
			}
		}
		g := f.byTok[k]
		if g < 0 {
			continue
		}
		gr := &f.gs[g]
		k = gr.start
		if gr.start > 0 && prepositions[f.toks[gr.start-1].low] && !f.roleBefore(gr.start-1) {
			continue
		}
		if gr.modifier && !mod && !(gr.end+1 == s && agentNoun(f.toks[gr.end].low)) {
			continue
		}
		if gr.start > 1 && determiners[f.toks[gr.start-1].low] && prepositions[f.toks[gr.start-2].low] && !f.roleBefore(gr.start-2) {
			continue
		}
		if gr.weak && !(gr.end == s || gr.poss) {
			continue
		}
		if h := f.copula(gr); h != nil {
			gr = h
		}
		// "The American U-2 spy plane": the nationality stands for the
		// unnamed or object phrase it modifies.
		if m := gr.ms[0]; (m.kind == mUnknown || m.kind == mObject) && gr.start > 0 && f.mByTok[gr.start-1] >= 0 && f.ms[f.mByTok[gr.start-1]].demonym {
			gr = &f.gs[f.byTok[gr.start-1]]
		}
		conf := 0.8
		if s-gr.end > 6 {
			conf = 0.6
		}
		return gr.actors, conf, gr.poss
	}
	return nil, 0, false
}

// helpedVerb returns the rule of a bare verb at token k (or after "to")
// that takes objects or a direct object, and its token; nil when there is
// none.
func (f *relFinder) helpedVerb(k int) (*VerbRule, int) {
	if k < len(f.toks) && f.toks[k].low == "to" {
		k++
	}
	if k >= len(f.toks) || f.byTok[k] >= 0 {
		return nil, 0
	}
	for _, tr := range f.e.lex.triggers[f.toks[k].low] {
		if !tr.noun && !tr.pastPart && !tr.gerund && len(tr.rest) == 0 && len(tr.rule.Requires) == 0 &&
			(tr.rule.Objects || tr.rule.Direct) && !strings.HasPrefix(tr.rule.Code, "07") {
			return tr.rule, k
		}
	}
	return nil, 0
}

// agentNoun reports whether w is a plural noun of people acting for a
// country a demonym names ("Russian engineers helped", "Chinese experts
// built"): the country is the agent.
func agentNoun(w string) bool {
	for _, suf := range []string{"ers", "ists", "ors", "ians", "ants", "ents"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// openingComma finds, for the comma at k, an earlier comma that opens the
// clause it closes: a relative clause (", who", ", which") or an apposition
// after a person (", the Russian president's special envoy,").
func (f *relFinder) openingComma(k int) int {
	for j := k - 1; j >= 0 && j >= k-20; j-- {
		switch f.toks[j].low {
		case ",":
			if j+1 < k && (f.toks[j+1].low == "who" || f.toks[j+1].low == "which" || f.toks[j+1].low == "whose") {
				return j
			}
			if j+1 < k && (f.toks[j+1].low == "the" || f.toks[j+1].low == "a" || f.toks[j+1].low == "then") && j > 0 && f.byTok[j-1] >= 0 {
				if g := f.gs[f.byTok[j-1]]; len(g.actors) == 1 && g.actors[0].Type == graph.Person {
					return j
				}
			}
			return -1
		case ";", ":":
			return -1
		}
	}
	return -1
}

// roleBefore: "leaders in the United States", "officials of Pakistan": the
// group after the preposition at p stands for the role noun before it.
func (f *relFinder) roleBefore(p int) bool {
	l := f.toks[p].low
	if p == 0 || !(l == "in" || l == "of" || l == "from") {
		return false
	}
	w := f.toks[p-1].low
	_, n := f.e.lex.roles.match(f.toks, p-1)
	return n == 1 || w == "leaders" || w == "officials" || w == "government" || w == "representatives" ||
		w == "delegates" || w == "envoys" || w == "delegations" || w == "ministers"
}

// copula maps a predicate nominal to its subject: in "Fradkov was the first
// Russian prime minister to visit", the agent is Fradkov.
func (f *relFinder) copula(g *group) *group {
	k := g.start - 1
	for n := 0; k >= 0 && n < 4 && (determiners[f.toks[k].low] || !f.toks[k].cap && f.toks[k].word && !beWords[f.toks[k].low] && !functionWords[f.toks[k].low]); n++ {
		k--
	}
	if k < 1 || !(f.toks[k].low == "was" || f.toks[k].low == "is" || f.toks[k].low == "became") {
		return nil
	}
	if h := f.byTok[k-1]; h >= 0 && &f.gs[h] != g {
		return &f.gs[h]
	}
	return nil
}

// after finds the first word of set within n tokens after i, not crossing a
// clause stop; it returns its index or -1.
func (f *relFinder) after(i, n int, set []string) int {
	for k := i; k < len(f.toks) && k < i+n; k++ {
		l := f.toks[k].low
		if l == ";" || l == ":" || (k > i && clauseStops[l] && l != "that") {
			return -1
		}
		for _, w := range set {
			if l == w {
				return k
			}
		}
	}
	return -1
}

// before reports whether one of set stands within n tokens before i.
func (f *relFinder) before(i, n int, set []string) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		for _, w := range set {
			if f.toks[k].low == w {
				return true
			}
		}
	}
	return false
}

// target finds the target of a rule after token i: through one of preps,
// else as a direct object when direct is set.
func (f *relFinder) target(r *VerbRule, i int, preps []string, direct bool, window int) (*group, bool) {
	if direct {
		if i < len(f.toks) && f.toks[i].low == "each" && i+1 < len(f.toks) && f.toks[i+1].low == "other" {
			return nil, true
		}
		if g := f.groupAt(i, 2); g != nil && !g.weak && (!r.ModifierOnly || g.modifier || g.weapon) {
			return f.headOf(g), false
		}
	}
	// Each preposition in reach in turn: "threatened to retaliate against
	// India" passes over "to".
	for from := i; len(preps) > 0 && from < i+window; {
		p := f.after(from, i+window-from, preps)
		if p < 0 {
			break
		}
		from = p + 1
		maxAdj := 2
		if r.NounWindow > 0 {
			maxAdj = r.NounWindow
		}
		at := p + 1
		if at < len(f.toks) && strings.HasSuffix(f.toks[at].low, "ing") && f.byTok[at] < 0 {
			at++ // "interest in purchasing Russian hardware"
		}
		if g := f.groupAt(at, maxAdj); g != nil && !g.weak {
			if f.toks[p].low == "between" && len(g.actors) < 2 {
				return nil, false
			}
			return f.headOf(g), f.toks[p].low == "between"
		}
		if f.toks[p].low == "for" {
			// "assistance for the modernization of Pakistan Steel Mills"
			if o := f.after(p+1, 6, []string{"of"}); o >= 0 && f.objectGap(p+1, o) {
				if g := f.groupAt(o+1, 1); g != nil && !g.weak {
					return g, false
				}
			}
		}
	}
	if direct && !r.ModifierOnly {
		// "criticised the joint exercises of Russia and Pakistan", "the
		// nuclear test by North Korea": the actor behind the object.
		if p := f.after(i, 5, []string{"of", "by"}); p >= 0 && f.objectGap(i, p) {
			if g := f.groupAt(p+1, 1); g != nil && !g.weak {
				return g, false
			}
		}
	}
	return nil, false
}

// objectGap reports whether tokens [i, p) are a short noun phrase: words
// that are neither verbs of a rule nor clause words.
func (f *relFinder) objectGap(i, p int) bool {
	for k := i; k < p; k++ {
		t := f.toks[k]
		if !t.word || f.byTok[k] >= 0 || clauseStops[t.low] || beWords[t.low] || prepositions[t.low] {
			return false
		}
	}
	return p > i
}

// restMatch checks the later words of a multi-word verb and returns the
// token after the last one, or -1.
func (f *relFinder) restMatch(i int, rest []string) int {
	k := i + 1
	for _, w := range rest {
		found := false
		for j := k; j < len(f.toks) && j < k+3; j++ {
			if f.toks[j].low == w {
				k, found = j+1, true
				break
			}
			if !f.toks[j].word {
				break
			}
		}
		if !found {
			return -1
		}
	}
	return k
}

func (f *relFinder) codeFor(r *VerbRule, lo, hi int, targets []*actorRec) string {
	code := r.Code
	for _, wc := range r.Words {
		if f.nearWord(lo, hi, wc.Words) {
			code = wc.Code
			break
		}
	}
	if r.GroupCode != "" {
		for _, t := range targets {
			if t.Type == graph.Group || strings.HasSuffix(t.Code, "REB") || strings.HasSuffix(t.Code, "INS") || strings.HasSuffix(t.Code, "SEP") {
				code = r.GroupCode
			}
		}
	}
	return code
}

// directiveWords introduce the act a directive verb asks for: "told X
// to", "told X that it must".
var directiveWords = []string{"to", "must", "should"}

func (f *relFinder) nearWord(lo, hi int, words []string) bool {
	if lo < 0 {
		lo = 0
	}
	for k := lo; k < hi && k < len(f.toks); k++ {
		l := f.toks[k].low
		for _, w := range words {
			if l == w || strings.HasPrefix(l, w+"-") {
				return true
			}
		}
	}
	return false
}

func typeAllowed(r *VerbRule, g *group, f *relFinder) bool {
	if len(r.TargetTypes) == 0 || g == nil {
		return true
	}
	for _, a := range g.actors {
		for _, t := range r.TargetTypes {
			if string(a.Type) == t {
				return true
			}
		}
	}
	// "joined the US camp"
	if g.end < len(f.toks) && (f.toks[g.end].low == "camp" || f.toks[g.end].low == "bloc") {
		return true
	}
	return false
}

func (f *relFinder) verb(i int, tr trigger) (finding, bool) {
	r := tr.rule
	end := i + 1
	if len(tr.rest) > 0 {
		if end = f.restMatch(i, tr.rest); end < 0 {
			return finding{}, false
		}
	}
	if tr.gerund && i > 0 && prepositions[f.toks[i-1].low] {
		return finding{}, false // "a pact on sharing intelligence", "accused X of arming Y"
	}
	if r.Directive && !f.nearWord(end, end+8, directiveWords) {
		return finding{}, false
	}
	objStart := end
	var modTarget *group
	var consumed []int
	for k := i + 1; k < end; k++ {
		consumed = append(consumed, k)
	}
	if len(r.Requires) > 0 {
		k := f.after(end, 9, r.Requires)
		if k < 0 && tr.pastPart {
			// A passive names its object first: "the agreement was signed".
			if ax := f.aux(i); ax.passive && f.before(ax.start, 7, r.Requires) {
				k = end - 1
			}
		}
		if k < 0 {
			return finding{}, false
		}
		consumed = append(consumed, k)
		if r.ModifierTarget {
			for j := end; j < k; j++ {
				if g := f.byTok[j]; g >= 0 && f.gs[g].ms[0].kind != mObject {
					modTarget = &f.gs[g]
					break
				}
			}
			// "a request from India", "an invitation from Moscow"
			if modTarget == nil && k+1 < len(f.toks) && (f.toks[k+1].low == "from" || f.toks[k+1].low == "by") {
				modTarget = f.groupAt(k+2, 1)
			}
		}
		objStart = k + 1
	}
	ax := f.aux(i)
	if ax.threat && r.Relation != "threaten" {
		return finding{}, false // what was threatened is not an event; the threat is
	}
	fd := finding{rule: r, trig: i, negated: ax.negated, modality: ax.modality, conf: 0.8}
	var tg *group
	between := false
	reduced := false
	if tr.pastPart && !ax.passive && end < len(f.toks) && f.toks[end].low == "by" && ax.chain == 0 && i > 0 && f.byTok[i-1] >= 0 {
		ax.passive, reduced = true, true // "mujahideen backed by Pakistan"
	}
	if ax.passive && tr.pastPart {
		// "was shot down by the Soviet Army": the agent follows "by".
		patients, _ := f.subjectAny(ax.start, true)
		if reduced {
			patients = f.gs[f.byTok[i-1]].actors
		}
		var prepTarget *group
		if len(r.Preps) > 0 {
			if p := f.after(objStart, 6, r.Preps); p >= 0 {
				prepTarget = f.groupAt(p+1, 2)
			}
		}
		if b := f.after(end, 8, []string{"by"}); b >= 0 {
			if g := f.groupAt(b+1, 1); g != nil && !g.modifier {
				fd.agents = g.actors
				switch {
				case prepTarget != nil:
					fd.targets = prepTarget.actors
				case r.Symmetric && len(g.actors) >= 2:
					fd.reciprocal = true
				default:
					fd.targets = patients
				}
			}
		} else if r.Symmetric && len(patients) >= 2 {
			fd.agents, fd.reciprocal = patients, true
		}
		if len(fd.agents) == 0 {
			return finding{}, false
		}
	} else {
		if ax.start > 0 && f.toks[ax.start-1].low == "by" {
			return finding{}, false // "by supplying weapons": the agent is elsewhere
		}
		agents, conf := f.subjectOf(ax, tr.pastPart)
		fd.agents, fd.conf = agents, conf
		if modTarget != nil {
			tg = modTarget
		} else {
			direct := r.Direct || r.DirectAfterRequire && objStart > end
			if r.Objects && f.groupAt(objStart, 2) == nil {
				if a := f.objectNP(objStart); a != nil {
					fd.targets = []*actorRec{a}
				}
			}
			if len(fd.targets) == 0 {
				tg, between = f.target(r, objStart, r.Preps, direct, 10)
			}
			if tg == nil && between {
				fd.reciprocal = true
			}
		}
		if tg == nil && len(fd.targets) == 0 && r.Objects {
			if a := f.objectNP(objStart); a != nil {
				fd.targets = []*actorRec{a}
			}
		}
		if tg != nil && tg.weapon && tg.actors[0].country != nil {
			// "interest in purchasing Chinese drones": the country
			tg = &group{start: tg.start, end: tg.end, actors: []*actorRec{tg.actors[0].country}, modifier: true}
		}
		tg = f.territory(tg)
		if tg != nil && onlyPlaces(tg) {
			tg = nil // "along the Line of Control": where, not whom
		}
		if tg == nil && len(fd.targets) == 0 && (len(r.Requires) > 0 || r.Direct) {
			// "jets flown by the Indian Air Force", "islands claimed by
			// Vietnam": the holder of the object is the target.
			tg = f.holderAfter(objStart)
		}
		if tg == nil && len(fd.targets) == 0 && r.SymmetricWithoutTarget && len(fd.agents) >= 2 {
			// "India and Pakistan massed troops": each against the other,
			// two acts; "Japan and South Korea will share intelligence":
			// one act of both, as the tree coder codes it.
			fd.reciprocal, fd.mutual = true, !r.Symmetric && cameo.QuadClass(r.Code) >= cameo.VerbalConflict
		}
		if tg != nil {
			if !typeAllowed(r, tg, f) {
				return finding{}, false
			}
			if between && len(fd.agents) == 0 {
				fd.agents, fd.reciprocal = tg.actors, true
			} else {
				fd.targets = tg.actors
			}
		}
		if len(fd.targets) == 0 && !fd.reciprocal && r.Symmetric && len(fd.agents) >= 2 {
			fd.reciprocal = true
		}
		if len(fd.agents) == 0 || len(fd.targets) == 0 && !fd.reciprocal || !agentsAllowed(r, fd.agents) {
			return finding{}, false
		}
	}
	fd.code = f.codeFor(r, i-3, objStart+6, fd.targets)
	if tg != nil && strings.HasPrefix(r.Code, "07") {
		// "helped Pakistan build a steel mill": the help is the
		// cooperation the next verb names, given to the one helped.
		if hr, k := f.helpedVerb(tg.end); hr != nil {
			fd.rule, fd.code = hr, hr.Code
			consumed = append(consumed, k)
		}
	}
	if ax.intent && r.Intent != "" {
		fd.code = r.Intent
	}
	if r.Relation == "visit" && ax.chain == 0 && fd.modality == graph.Actual && strings.HasSuffix(f.toks[i].low, "s") && !strings.HasSuffix(f.toks[i].low, "ss") && !tr.noun {
		// "Kayani travels to Moscow this month": news present for a trip
		// to come.
		fd.modality = graph.Planned
	}
	if ax.refused {
		// "refused to join": a rejection by the agent, not a negated join.
		fd.code, fd.negated = "120", false
	}
	if r.Reverse && !fd.reciprocal {
		fd.agents, fd.targets = fd.targets, fd.agents
	}
	for _, k := range consumed {
		f.used[k] = true
	}
	return fd, true
}

// territory maps the places of target group g to the countries holding
// them, as a capital stands for its state: occupying Crimea, drone strikes
// in Waziristan or a visit to the tribal areas concern the country.
func (f *relFinder) territory(g *group) *group {
	if g == nil || !onlyPlaces(g) {
		return g
	}
	var as []*actorRec
	for _, a := range g.actors {
		if ent := f.e.countries[a.Country]; a.Country != "" && ent != nil {
			as = appendActor(as, f.ds.entryRec(ent))
		}
	}
	if len(as) == 0 {
		return g
	}
	return &group{start: g.start, end: g.end, ms: g.ms, actors: as}
}

// forceCode reports whether code is a use of force (CAMEO 18-20).
func forceCode(code string) bool {
	return len(code) >= 2 && code[:2] >= "18" && code[:2] <= "20"
}

// whereAfter finds "in|on|against <country or province>" within the clause
// after token i, relative clauses included, and returns the country.
func (f *relFinder) whereAfter(i int) *group {
	for k := i; k+1 < len(f.toks) && k < i+14; k++ {
		l := f.toks[k].low
		if l == ";" || l == ":" || l == "," || l == "." || l == "but" || l == "while" || l == "because" || speechVerbs[l] {
			return nil
		}
		if l != "in" && l != "on" && l != "against" {
			continue
		}
		g := f.groupAt(k+1, 2)
		if g == nil || g.weak {
			continue
		}
		g = f.territory(g)
		if onlyPlaces(g) {
			return nil
		}
		return g
	}
	return nil
}

var holderVerbs = toSet(`flown held owned built made run used operated controlled claimed occupied
manned possessed administered governed inhabited bought ordered`)

// holderAfter finds "<participle> by X" within a short noun phrase starting
// at token i and returns X's group, or nil.
func (f *relFinder) holderAfter(i int) *group {
	for k := i; k+2 < len(f.toks) && k < i+8; k++ {
		t := f.toks[k]
		if f.byTok[k] >= 0 || !t.word || clauseStops[t.low] || beWords[t.low] {
			return nil
		}
		if holderVerbs[t.low] && f.toks[k+1].low == "by" {
			if g := f.groupAt(k+2, 1); g != nil && !g.weak && !g.modifier {
				return f.territory(g)
			}
			return nil
		}
	}
	return nil
}

func onlyPlaces(g *group) bool {
	for _, a := range g.actors {
		if a.Type != graph.Place {
			return false
		}
	}
	return true
}

// objectNP makes an object actor of a lower-case phrase such as "a steel
// mill" when a rule takes objects.
func (f *relFinder) objectNP(i int) *actorRec {
	for k := i; k < len(f.toks) && k < i+5; k++ {
		t := f.toks[k]
		if !t.word || clauseStops[t.low] || prepositions[t.low] {
			return nil
		}
		if _, n := f.e.lex.objects.match(f.toks, k); n > 0 {
			s := i
			for s < k && determiners[f.toks[s].low] {
				s++
			}
			name := f.text[f.toks[s].start:f.toks[k+n-1].end]
			a := f.doc().get("o:"+strings.ToLower(name), func() graph.Actor {
				return graph.Actor{Name: name, Code: "OBJ", Type: graph.Object}
			})
			a.aliases[name] = true
			return a
		}
	}
	return nil
}

func (f *relFinder) doc() *docState { return f.ds }

func (f *relFinder) noun(i int, tr trigger) (finding, bool) {
	r := tr.rule
	if len(r.RequiresBefore) > 0 && !f.nearWord(i-3, i, r.RequiresBefore) {
		return finding{}, false
	}
	fd := finding{rule: r, trig: i, modality: graph.Actual, conf: 0.7}
	if len(r.NounRequires) > 0 {
		k := f.after(i+1, 6, r.NounRequires)
		if k < 0 {
			return finding{}, false
		}
		var agent *group
		for j := i + 1; j < k; j++ {
			if g := f.byTok[j]; g >= 0 {
				agent = &f.gs[g]
			}
		}
		if agent == nil {
			return finding{}, false
		}
		tg, _ := f.target(r, k+1, r.NounPreps, false, 2)
		if tg == nil {
			return finding{}, false
		}
		f.used[k] = true // the cancelled trip is no visit
		fd.agents, fd.targets, fd.code = agent.actors, tg.actors, r.Code
		return fd, true
	}
	if r.NounDirect {
		if i+1 < len(f.toks) && f.byTok[i+1] >= 0 {
			if g := &f.gs[f.byTok[i+1]]; len(g.actors) >= 2 {
				fd.agents, fd.reciprocal = g.actors, true
				fd.code = r.Code
				return fd, true
			}
		}
		return finding{}, false
	}
	var agent, tgt *group
	// Left side: adjectives, then a possessive or modifying actor.
	k := i - 1
	for n := 0; k >= 0 && n < 4; n++ {
		t := f.toks[k]
		if f.byTok[k] >= 0 || t.low == "'s" {
			break
		}
		if !t.word && t.low != "-" {
			break
		}
		// "its economic and security cooperation": coordinated adjectives.
		adjAnd := t.low == "and" && k > 0 && f.toks[k-1].word && !f.toks[k-1].cap && !functionWords[f.toks[k-1].low] && f.byTok[k-1] < 0
		if t.word && (functionWords[t.low] && t.low != "first" && !adjAnd || t.cap) && !(t.low[0] >= '0' && t.low[0] <= '9') {
			break
		}
		if plannedWords[t.low] {
			fd.modality = graph.Planned
		}
		k--
	}
	if k >= 0 && f.toks[k].low == "'s" {
		k--
	}
	if k >= 0 && f.byTok[k] >= 0 {
		g := &f.gs[f.byTok[k]]
		if g.poss || f.mByTok[k] >= 0 && f.ms[f.mByTok[k]].kind == mPronoun {
			agent = g
		} else if r.ModifierTarget {
			tgt = g
			j := g.start - 1
			if j >= 0 && f.toks[j].low == "'s" {
				j--
			}
			if j >= 0 && f.byTok[j] >= 0 && f.gs[f.byTok[j]].poss {
				agent = &f.gs[f.byTok[j]]
			}
		} else if !g.weak {
			agent = g
		}
	}
	if k >= 0 && !f.toks[k].word && f.byTok[k] < 0 {
		k = -1
	}
	window := 2
	if r.NounWindow > 0 {
		window = r.NounWindow
	}
	// "his first foreign visit would be to Pakistan"
	for k := i + 1; k < len(f.toks) && k < i+4 && (auxWords[f.toks[k].low] || beWords[f.toks[k].low]) && f.toks[k].low != "to"; k++ {
		window++
	}
	between := false
	if tgt == nil {
		// "the visit of X to Y": X is the agent.
		if o := f.after(i+1, 2, []string{"of"}); o >= 0 && r.ModifierTarget && agent == nil {
			if g := f.groupAt(o+1, 1); g != nil {
				if t := f.after(g.end, 3, []string{"to"}); t >= 0 {
					agent = g
				}
			}
		}
		from := i + 1
		if agent != nil && agent.start > i {
			from = agent.end
		}
		var g *group
		g, between = f.target(r, from, r.NounPreps, false, window)
		if g != nil && g != agent && (!r.ModifierOnly || g.modifier || g.weapon || f.toks[g.start-1].low == "from") {
			tgt = f.territory(g)
		}
	}
	// "a secret visit to China by Henry Kissinger"
	from := i + 1
	if tgt != nil {
		from = tgt.end
	}
	if b := f.after(from, 1, []string{"by"}); b >= 0 {
		if g := f.groupAt(b+1, 1); g != nil {
			agent = g
		}
	}
	if tgt == nil && agent != nil && !agent.weak && forceCode(r.Code) {
		// "US drone attacks that fuel a backlash in Pakistani cities":
		// an attack named by its agent alone lands where the clause
		// after it places it.
		tgt = f.whereAfter(from)
	}

	if agent == nil && !between {
		// "paid an official visit to the US": the light verb's subject.
		j := i - 1
		for n := 0; j >= 0 && n < 4 && f.byTok[j] < 0 && f.toks[j].word && !lightVerbs[f.toks[j].low] &&
			!prepositions[f.toks[j].low] && f.e.lex.triggers[f.toks[j].low] == nil; n++ {
			j--
		}
		if j >= 0 && lightVerbs[f.toks[j].low] {
			ax := f.aux(j)
			if ax.negated {
				fd.negated = true
			}
			if ax.modality != graph.Actual {
				fd.modality = ax.modality
			}
			a, conf := f.subjectOf(ax, false)
			if len(a) > 0 {
				agent = &group{actors: a}
				fd.conf = conf - 0.1
			}
		}
	}
	switch {
	case agent != nil && tgt != nil:
		fd.agents, fd.targets = agent.actors, tgt.actors
	case agent == nil && tgt != nil && (between || r.Symmetric && len(tgt.actors) >= 2):
		// "talks between X and Y", "the joint exercises of X and Y"
		fd.agents, fd.reciprocal = tgt.actors, true
	case agent != nil && between:
		fd.agents, fd.reciprocal = agent.actors, true
	case agent != nil && r.Symmetric && len(agent.actors) >= 2:
		fd.agents, fd.reciprocal = agent.actors, true
	default:
		return finding{}, false
	}
	if agent != nil && agent.weak && !agent.poss && tgt != agent {
		return finding{}, false
	}
	if fd.modality == graph.Actual && i > 0 {
		ax := f.aux(k + 1)
		if ax.negated {
			fd.negated = true
		}
	}
	// "Putin's arrival in Islamabad is planned for October"
	if e := f.after(i+1, 8, []string{"is", "was", "are"}); e >= 0 && e+1 < len(f.toks) && plannedWords[f.toks[e+1].low] && fd.modality == graph.Actual {
		fd.modality = graph.Planned
	}
	fd.code = f.codeFor(r, i-3, i+window, fd.targets)
	return fd, true
}
