package extract

import (
	"strings"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
)

// This file reads what governs an event on the parse: negation, modality,
// reported speech, and the verbs and nouns of intent, threat, appeal,
// demand and refusal that recode it.

var (
	// The sets below hold the nouns of the same meaning too: a noun with
	// a complement governs it as its verb would ("showed interest in
	// buying", "announced plans to visit", "its refusal to withdraw").
	intentVerbs = verbSet(`agree offer promise pledge vow propose commit volunteer undertake ready willing prepared keen eager
interested interest willingness readiness intention desire commitment determination eagerness proposal`)
	// planVerbs make their complement a plan: "plans to travel", "is
	// expected to visit".
	planVerbs        = verbSet(`plan intend expect schedule decide hope want seek aim prepare set due slate resolve arrange bid`)
	treePlannedWords = verbSet(`upcoming planned proposed scheduled forthcoming expected prospective`)
	threatVerbs      = verbSet(`threaten threat ultimatum`)
	appealVerbs      = verbSet(`urge ask call appeal press request encourage implore beg plea apply application`)
	demandVerbs      = verbSet(`demand insist order`)
	directiveVerbs   = verbSet(`tell instruct`)
	rejectVerbs      = verbSet(`refuse decline reject refusal rejection`)
	refuseVerbs      = verbSet(`fail stop cease halt quit suspend avoid`)
	cancelVerbs      = verbSet(`cancel postpone scrap abandon delay shelve drop`)
	// easeVerbs end what their object names; ending pressure is a
	// yielding (see easeCode).
	easeVerbs = verbSet(`end cancel halt stop cease suspend abandon lift scrap`)
	// allegeVerbs accuse someone of their complement, which is alleged.
	allegeVerbs = verbSet(`accuse blame charge suspect`)
	// considerVerbs weigh their complement as an option (014): "is
	// considering expelling the ambassador".
	considerVerbs = verbSet(`consider weigh mull contemplate`)
	treeNegWords  = toSet(`not n't never no`)
	hypoAux       = toSet(`would could might may should can`)
	planAux       = toSet(`will shall 'll`)
	hypoMarkers   = toSet(`if unless whether`)
	topicMarks    = toSet(`about against`)
	denyVerbs     = verbSet(`deny refute`)
	// involvementNouns name a part in an act: "denied involvement in".
	involvementNouns = toSet(`involvement role part responsibility hand complicity`)
	inviteVerbs      = verbSet(`invite`)
	reportedVerb     = verbSet(`say tell report claim state announce add note allege`)
)

// deniedPart returns the verb of denial when x names the act whose
// involvement noun it denies ("denied any involvement in an armed raid",
// the phrase hung on the noun or, by the parser, on the verb), else 0.
func (f *treeFinder) deniedPart(x int) int {
	t := f.tok(x)
	h := t.Head
	if h <= 0 {
		return 0
	}
	switch {
	case t.Rel == "nmod" && involvementNouns[f.lemma(h)] && f.tok(h).Rel == "obj" && f.is(denyVerbs, f.tok(h).Head):
		return f.tok(h).Head
	case t.Rel == "obl" && f.is(denyVerbs, h):
		if o := f.s.Child(h, "obj"); o > 0 && o < x && involvementNouns[f.lemma(o)] {
			return h
		}
	}
	return 0
}

// context reads what governs predicate p: negation, auxiliaries, a
// conditional clause, and a verb of intent, threat, appeal, demand or
// refusal above it, recoding fd when one is found.
func (f *treeFinder) context(fd *finding, p int) {
	defer f.announced(fd, p)
	f.reportedBy(fd, p)
	for _, c := range f.s.Children(p) {
		t := f.tok(c)
		switch {
		case t.Rel == "advmod" && treeNegWords[f.low(c)]:
			fd.negated = !fd.negated
		case t.Rel == "aux" && hypoAux[f.low(c)]:
			fd.modality = graph.Hypothetical
		case t.Rel == "aux" && planAux[f.low(c)] && fd.modality == graph.Actual:
			fd.modality = graph.Planned
			if cameo.Root(fd.code) == "07" {
				// "Japan will provide $12 million in food aid to Sudan":
				// aid announced is a commitment to it (033); nothing has
				// changed hands yet. (Cooperation announced, "will share
				// intelligence", stays the act, planned.)
				if ic := intentCode(fd.rule, fd.code); ic != "" {
					fd.code = ic
				}
			}
		case t.Rel == "mark" && hypoMarkers[f.low(c)]:
			fd.modality = graph.Hypothetical
		case t.Rel == "mark" && f.low(c) == "without":
			fd.negated = !fd.negated // "without informing Pakistan"
		case (t.Rel == "aux" || t.Rel == "cop") && f.lemma(c) == "be" && f.s.Child(p, "mark") > 0 && f.low(f.s.Child(p, "mark")) == "to" && fd.modality == graph.Actual:
			fd.modality = graph.Planned // "are to become members"
		}
	}
	for depth, x := 0, p; depth < 4; depth++ {
		t := f.tok(x)
		if t.Head == 0 {
			return
		}
		if f.speakerParticiple(x) {
			x = f.rootOf(x) // the sentence's speaker's act: what its clause is in governs it
			continue
		}
		if d := f.deniedPart(x); d > 0 {
			// "denied any involvement in an armed raid": the act one
			// denies a part in is told as not done by them.
			fd.negated = !fd.negated
			f.setReporter(fd, d)
			return
		}
		h := t.Head
		accused := f.is(allegeVerbs, h) ||
			// "accused the Emirates of arming", read as the object's clause
			t.Rel == "acl" && f.tok(h).Rel == "obj" && f.is(allegeVerbs, f.tok(h).Head)
		if (t.Rel == "advcl" || t.Rel == "acl") && accused {
			if m := f.markOf(x); m == "of" || m == "for" {
				// "accused Pakistan of arming rebels": what one is
				// accused of is the accusation's, not a fact to code.
				fd.agents, fd.targets = nil, nil
				return
			}
		}
		switch {
		case (t.Rel == "acl" || t.Rel == "ccomp") && chargeNouns[f.lemma(h)] && f.tok(h).Rel != "root" && f.is(denyVerbs, f.tok(h).Head):
			// "Kenya denied reports that its police had killed
			// protesters": what denied reports tell is not done, as
			// what is denied outright.
			fd.negated = !fd.negated
			f.setReporter(fd, f.tok(h).Head)
			return
		case (t.Rel == "xcomp" || t.Rel == "advcl" && f.toClause(x)) && f.is(inviteVerbs, h):
			// "invited Lavrov to visit Islamabad": what one is invited
			// to do is the invitation's content, coded with it.
			fd.agents, fd.targets = nil, nil
			return
		case t.Rel == "advcl" && f.toClause(x) && f.controlClass(h) != nil:
			f.governed(fd, h, false) // "urged China on Tuesday to release"
		case t.Rel == "advcl" && f.markOf(x) == "in" && f.is(intentVerbs, h):
			f.governed(fd, h, false) // "is interested in buying"
		case (t.Rel == "acl" || t.Rel == "xcomp" || t.Rel == "advcl" && f.toClause(x)) && f.governorNoun(f.nounGovernorOf(x)):
			// "showed interest in buying"; "announced plans to buy" and
			// "expressed its willingness to mediate" read as the verb's
			// clause.
			f.governed(fd, f.nounGovernorOf(x), false)
			return
		case t.Rel == "xcomp" || t.Rel == "acl" && f.s.Child(h, "nsubj") > 0:
			f.governed(fd, h, false)
		case t.Rel == "ccomp":
			// "demanded that Russia withdraw": only verbs that act through
			// their clause recode it; reported speech is coded as said,
			// with the speaker kept as its reporter.
			if f.is(appealVerbs, h) || f.is(demandVerbs, h) || f.is(threatVerbs, h) || f.is(intentVerbs, h) || f.demanding(h) {
				f.governed(fd, h, true)
			} else if f.is(denyVerbs, h) {
				// "denied that its troops had opened fire": what is
				// denied is reported as not done, by whoever denies it.
				fd.negated = !fd.negated
				f.setReporter(fd, h)
			} else if f.is(reportedVerb, h) {
				f.setReporter(fd, h)
			}
			return
		case (t.Rel == "advcl" || t.Rel == "acl") && topicMarks[f.markOf(x)] && f.tok(x).UPOS == "VERB":
			// "voiced pessimism about reaching a deal", "talked about
			// imposing sanctions", "warned Finland against joining
			// NATO": what is spoken of or warned against is a topic,
			// not an act.
			fd.agents, fd.targets = nil, nil
			return
		case t.Rel == "advcl":
			for _, m := range f.s.ChildrenByRel(x, "mark") {
				if hypoMarkers[f.low(m)] {
					fd.modality = graph.Hypothetical
				}
			}
			if f.toClause(x) && f.insideAllegation(h) {
				// "accused Rwanda of deploying troops to support the
				// M23": the purpose of an alleged act is alleged too.
				fd.agents, fd.targets = nil, nil
			}
			if ht := f.tok(h); f.toClause(x) && ht.Rel == "ccomp" && f.is(denyVerbs, ht.Head) {
				// "denied that its troops had crossed into Congo to
				// fight the army": so is the purpose of a denied act.
				fd.negated = !fd.negated
				f.setReporter(fd, ht.Head)
			}
			return
		case t.Rel == "conj":
		default:
			return
		}
		x = h
		f.reportedBy(fd, x)
	}
}

// insideAllegation reports whether predicate x is what someone is
// accused of: "accused Pakistan of arming rebels".
func (f *treeFinder) insideAllegation(x int) bool {
	t := f.tok(x)
	if t.Rel != "advcl" && t.Rel != "acl" || t.Head == 0 {
		return false
	}
	if m := f.markOf(x); m != "of" && m != "for" {
		return false
	}
	h := t.Head
	return f.is(allegeVerbs, h) || t.Rel == "acl" && f.tok(h).Rel == "obj" && f.is(allegeVerbs, f.tok(h).Head)
}

// tailSpeaker reads a closing attribution (", President Erdogan said.")
// from the words, whatever the parser made of it: its speaker is the
// reporter of the events before it and no participant in them.
func (f *treeFinder) tailSpeaker() {
	n := f.s.Len()
	for n > 0 && f.tok(n).UPOS == "PUNCT" && f.low(n) != "," {
		n--
	}
	if n < 3 || !f.is(reportedVerb, n) {
		return
	}
	comma := 0
	for k := n - 1; k >= 1 && k >= n-8; k-- {
		if f.low(k) == "," {
			comma = k
			break
		}
	}
	if comma == 0 {
		return
	}
	var rep *actorRec
	for k := comma + 1; k < n; k++ {
		if u := f.tok(k).UPOS; u == "VERB" || u == "PUNCT" && f.low(k) != "." {
			return // a clause, not a speaker
		}
		if as := f.mentionActors(k); len(as) > 0 && rep == nil {
			rep = as[0]
		}
	}
	for k := comma + 1; k < n; k++ {
		f.owner[k-1] = -1
	}
	f.tailRep, f.tailAt = rep, comma
}

// announced recodes an act a speaker says its actor will do ("Berlin
// would send wheat to Yemen, the ministry said"; "Turkey will launch a
// ground operation, Erdogan said"): the statement is the event, an
// intent to cooperate or a threat of force.
func (f *treeFinder) announced(fd *finding, p int) {
	if fd.reporter == nil || fd.negated {
		return
	}
	future := false
	for _, c := range f.s.Children(p) {
		switch t := f.tok(c); {
		case t.Rel == "mark" && hypoMarkers[f.low(c)]:
			return
		case t.Rel == "aux" && (planAux[f.low(c)] || f.low(c) == "would"):
			future = true
		}
	}
	if !future {
		return
	}
	switch root := cameo.Root(fd.code); {
	case root >= "04" && root <= "08":
		if ic := intentCode(fd.rule, fd.code); ic != "" {
			fd.code, fd.modality, fd.oneWay = ic, graph.Actual, true
		}
	case root >= "15" && root <= "20" && root != "16":
		fd.code, fd.modality, fd.oneWay = threatCode(fd.code), graph.Actual, true
	}
}

// setReporter makes the subject of speech verb h the reporter of fd.
func (f *treeFinder) setReporter(fd *finding, h int) {
	if fd.reporter != nil {
		return
	}
	if as, passive := f.subject(h); len(as) > 0 && !passive {
		fd.reporter = as[0]
	}
}

// reportedBy finds the reporter a clause names itself: a parenthetical
// "X said" hung on it, or "according to X".
func (f *treeFinder) reportedBy(fd *finding, p int) {
	defer func() {
		if fd.reporter == nil && f.tailRep != nil && p < f.tailAt {
			fd.reporter = f.tailRep
		}
	}()
	for _, c := range f.s.Children(p) {
		switch t := f.tok(c); {
		case t.Rel == "parataxis" && f.is(reportedVerb, c):
			f.setReporter(fd, c) // "..., officials said"
		case strings.HasPrefix(t.Rel, "obl") && f.caseOf(c) == "according to":
			if as := f.actorsAt(c); len(as) > 0 && fd.reporter == nil {
				fd.reporter = as[0]
			}
		}
	}
}

// governed recodes fd for the verb h (lemma hl) that governs it.
func (f *treeFinder) governed(fd *finding, h int, clause bool) {
	code := fd.code
	defer func() {
		if fd.code != code {
			fd.oneWay = true // "agreed to hold talks with" is Ethiopia's act
			// "warned it would retaliate": the threat was made, whatever
			// the mood of what it threatens.
			fd.modality = graph.Actual
		}
	}()
	inner := fd.negated // what is governed is not to be done
	for _, c := range f.s.Children(h) {
		if f.tok(c).Rel == "advmod" && treeNegWords[f.low(c)] {
			fd.negated = !fd.negated
		}
	}
	switch {
	case fd.word > 0 && f.declinesComment(h, fd.word):
		fd.code, fd.negated = "011", inner // "declined to comment on the proposal": 011, done
	case f.is(denyVerbs, h):
		// "Pyongyang denied sending troops": what is denied is reported
		// as not done, by whoever denies it.
		fd.negated = !fd.negated
		f.setReporter(fd, h)
	case f.is(considerVerbs, h) && f.tok(h).UPOS == "VERB":
		fd.code, fd.modality = "014", graph.Actual // weighing it is the act
	case f.is(rejectVerbs, h):
		fd.code = rejectCode(fd.code) // "refused to join" rejects
	case f.is(refuseVerbs, h):
		fd.negated = !fd.negated
	case f.is(planVerbs, h):
		if fd.modality == graph.Actual {
			fd.modality = graph.Planned
		}
	case f.is(intentVerbs, h) && forceCode(fd.code) && f.lemma(h) != "agree":
		// "vowed to retaliate against Kyiv", "promised to strike": force
		// promised to someone is a threat.
		fd.code = threatCode(fd.code)
	case f.is(intentVerbs, h):
		if ic := intentCode(fd.rule, fd.code); ic != "" {
			fd.code = ic
		} else {
			fd.modality = graph.Planned
		}
	case f.is(threatVerbs, h):
		fd.code = threatCode(fd.code)
	case f.is(appealVerbs, h) || f.demanding(h):
		orig, rally := fd.targets, rallyCode(fd.code)
		if f.demanding(h) {
			rally = ""
		}
		code := appealCode(fd.code)
		if inner {
			// "urged Washington to stop arming Taiwan", "urged Iran not
			// to retaliate": an appeal that an act stop is made all the
			// same, and is none of the appeals for that act.
			code, fd.negated, rally = "020", fd.negated != inner, ""
		}
		if f.demanding(h) {
			code = "10" + code[2:]
		}
		fd.code = code
		// The appeal is the governing verb's subject's, to whoever it
		// urges: "the UN urged Sudan to release them".
		as, passive := f.subject(h)
		var ts []*actorRec
		if passive {
			// "Putin was requested to condemn the attack": the one asked
			// is the subject; with nobody named asking, there is no
			// appeal to code, and what was asked was not done.
			if ts, as = as, f.byAgent(h); len(as) == 0 {
				fd.agents, fd.targets = nil, nil
				return
			}
		}
		if o := f.object(h); o > 0 && !passive {
			ts = f.objectActors(h, o)
		}
		if len(ts) == 0 {
			for _, o := range f.obliques(h) {
				if p := f.caseOf(o); p == "on" || p == "upon" {
					ts = f.actorsAt(o)
				}
			}
		}
		if rally != "" && !fd.negated && !passive && f.object(h) > 0 && len(as) > 0 && len(orig) > 0 && !shareActor(ts, orig) && !shareActor(as, orig) {
			// "Ukraine urged Germany to impose sanctions on Russia",
			// "France urged its partners to back Moldova": asking a
			// third party to act for or against someone rallies
			// support for them or opposition against them.
			fd.code, fd.agents, fd.targets, fd.reciprocal = rally, dedupRecs(as), dedupRecs(orig), false
			return
		}
		if len(ts) == 0 && clause {
			ts = fd.agents // "demanded that Russia withdraw"
		}
		if len(as) > 0 && len(ts) > 0 {
			fd.agents, fd.targets, fd.reciprocal = dedupRecs(as), dedupRecs(ts), false
		}
	}
}

// rallyCode is what asking a third party to act with the given code does
// to that act's target: support rallied on its behalf (053), or
// opposition rallied against it (113); "" for other acts.
func rallyCode(code string) string {
	switch cameo.Root(code) {
	case "05":
		return "053"
	case "11", "12", "16", "17":
		return "113"
	}
	return ""
}

// shareActor reports whether a and b have an actor in common.
func shareActor(a, b []*actorRec) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// intentCode maps a cooperative code to the intent to do it (03x); other
// codes keep their own and are planned.
func intentCode(r *VerbRule, code string) string {
	if r != nil && r.Intent != "" {
		return r.Intent
	}
	switch cameo.Root(code) {
	case "04":
		if code == "045" {
			return "039"
		}
		return "036"
	case "05":
		return "032"
	case "06":
		switch code {
		case "061":
			return "0311"
		case "062":
			return "0312"
		}
		return "031"
	case "07":
		return "033"
	case "08":
		return "035"
	case "03":
		return code
	}
	return ""
}

// rejectCode maps an action to the refusal to do it (12x).
func rejectCode(code string) string {
	switch cameo.Root(code) {
	case "04":
		if code == "045" {
			return "126"
		}
		return "125"
	case "06":
		switch code {
		case "061":
			return "1211"
		case "062":
			return "1212"
		}
		return "121"
	case "07":
		return "122"
	case "08":
		return "124"
	case "12":
		return code
	}
	return "120"
}

// threatCode maps an action to the threat of it (13x).
func threatCode(code string) string {
	switch {
	case code == "161":
		return "1313"
	case code == "162" || strings.HasPrefix(code, "162"):
		return "1311"
	case code == "163":
		return "1312"
	case code == "164":
		return "134"
	case code == "165":
		return "135"
	case code == "166" || strings.HasPrefix(code, "166"):
		return "136"
	}
	switch cameo.Root(code) {
	case "14":
		return "133"
	case "17":
		return "137"
	case "15", "18", "19", "20":
		return "138"
	case "13":
		return code
	}
	return "130"
}

// appealCode maps the action appealed for to its appeal code (02x).
func appealCode(code string) string {
	switch cameo.Root(code) {
	case "04":
		if code == "045" {
			return "028"
		}
		return "026"
	case "05":
		return "022"
	case "06":
		return "021"
	case "07":
		return "023"
	case "08":
		switch code[:3] {
		case "081":
			return "0251"
		case "082":
			return "0252"
		case "084":
			return "0253"
		case "085":
			return "0254"
		case "086":
			return "0255"
		case "087":
			return "0256"
		}
		return "025"
	case "02":
		return code
	}
	return "020"
}

// declinesComment reports whether verb h declines or refuses to comment
// (c, its complement): CAMEO's 011, done, not a refusal of the topic.
func (f *treeFinder) declinesComment(h, c int) bool {
	return f.lemma(c) == "comment" && (f.is(rejectVerbs, h) || f.is(refuseVerbs, h))
}

// complementTrigger returns the trigger that says what complement c
// does. A rule that holds only for targets of some type ("withdrew from
// ECOWAS") says nothing of a clause whose target is unknown; the word's
// general rule does. So does a rule whose required words the clause lacks
// ("withdraw troops" is no recall of an envoy). A verb with no rule that
// fits takes the act from an event noun of its own phrases: "urged the
// two sides to return to negotiations" is an appeal to negotiate.
func (f *treeFinder) complementTrigger(c int) (trigger, bool) {
	var trs []trigger
	consumed := len(f.consumed)
	for _, t := range f.triggersOf(c, false) {
		// A verb of several words needs its other words: "take part"
		// is no "take hostage".
		rest := true
		for _, w := range t.rest {
			_, ok := f.restWord(c, w)
			rest = rest && ok
		}
		f.consumed = f.consumed[:consumed]
		if rest {
			trs = append(trs, t)
		}
	}
	for _, t := range trs {
		if len(t.rule.TargetTypes) == 0 && (len(t.rule.Requires) == 0 || f.requires(c, t.rule.Requires)) {
			return t, true
		}
	}
	for _, k := range f.s.Children(c) {
		if rel := f.tok(k).Rel; rel != "obj" && !strings.HasPrefix(rel, "obl") {
			continue
		}
		if nts := f.triggersOf(k, true); len(nts) > 0 {
			return nts[0], true
		}
	}
	if len(trs) > 0 {
		return trs[0], true
	}
	return trigger{}, false
}

// complement returns the clause v governs (xcomp, or ccomp for verbs of
// appeal, demand, threat and intent), or 0.
func (f *treeFinder) complement(v int) int {
	if c := f.s.Child(v, "xcomp"); c > 0 && f.tok(c).UPOS == "VERB" {
		return c
	}
	if c := f.s.Child(v, "ccomp"); c > 0 {
		return c // a clause, copular ones included: "agree that the border is fair"
	}
	for _, c := range f.s.ChildrenByRel(v, "advcl") {
		if f.toClause(c) {
			return c
		}
	}
	// "called on Myanmar's military government to release Aung San Suu
	// Kyi": the infinitive hung on the addressee.
	for _, o := range append(f.s.ChildrenByRel(v, "obj"), f.obliques(v)...) {
		for _, c := range f.s.ChildrenByRel(o, "acl") {
			if f.toClause(c) && len(f.namedAt(o)) > 0 {
				return c
			}
		}
	}
	return 0
}

// demanding reports whether verb v demands its complement: a verb of
// demand, or one of telling that directs ("told Belarus to free").
func (f *treeFinder) demanding(v int) bool {
	return f.is(demandVerbs, v) || f.is(directiveVerbs, v) && f.directs(v)
}

// directs reports whether verb v directs someone to act: its complement
// is a to-clause, or a that-clause with a modal of obligation.
func (f *treeFinder) directs(v int) bool {
	c := f.complement(v)
	if c == 0 {
		return false
	}
	if f.tok(c).Rel != "ccomp" {
		return f.toClause(c) || f.tok(c).Rel == "xcomp"
	}
	for _, a := range f.s.ChildrenByRel(c, "aux") {
		if w := f.low(a); w == "must" || w == "should" {
			return true
		}
	}
	return false
}

// toClause reports whether clause c is an infinitive ("to release"), the
// parser's other reading of a complement.
func (f *treeFinder) toClause(c int) bool {
	if f.tok(c).UPOS != "VERB" {
		return false
	}
	for _, m := range f.s.ChildrenByRel(c, "mark") {
		if f.low(m) == "to" {
			return true
		}
	}
	return false
}

// A control class is a verb class that codes its complement: what it
// codes when the complement itself codes nothing ("threatened to close
// the strait" is a threat all the same).
type controlClass struct {
	set  map[string]bool
	rule *VerbRule
	// appeal: the target is whom the verb addresses, not the
	// complement's.
	appeal bool
}

var controlClasses = []controlClass{
	{threatVerbs, &VerbRule{Relation: "threaten", Code: "130"}, false},
	{demandVerbs, &VerbRule{Relation: "demand", Code: "100"}, true},
	{appealVerbs, &VerbRule{Relation: "appeal", Code: "020"}, true},
	{intentVerbs, &VerbRule{Relation: "express_intent", Code: "030"}, false},
	{rejectVerbs, &VerbRule{Relation: "reject", Code: "120"}, false},
}

// governors codes the verbs of threat, appeal, demand, intent and
// refusal whose complement gave no event.
func (f *treeFinder) governors() {
	for v := 1; v <= f.s.Len(); v++ {
		cc := f.controlClass(v)
		if cc == nil || f.coded[v] {
			continue // coded by a user's verb dictionary
		}
		c := f.complement(v)
		if c == 0 || f.codedUnder(c) {
			continue
		}
		if f.expulsion(v, c) {
			continue
		}
		agents, passive := f.subject(v)
		var targets []*actorRec
		if passive {
			targets, agents = agents, f.byAgent(v)
		}
		if cc.appeal {
			if o := f.object(v); o > 0 && !passive {
				targets = f.objectActors(v, o)
			}
			for _, o := range f.obliques(v) {
				if p := f.caseOf(o); p == "on" || p == "upon" || p == "to" {
					targets = append(targets, f.actorsAt(o)...)
				}
			}
			if len(targets) == 0 && f.tok(c).Rel == "ccomp" {
				targets, _ = f.subject(c)
			}
		}
		if len(targets) == 0 && cc.rule.Code == "030" {
			// "Eriador agrees with the Philippines that ...".
			for _, o := range f.obliques(v) {
				if f.caseOf(o) == "with" {
					targets = append(targets, f.actorsAt(o)...)
				}
			}
		}
		if len(targets) == 0 {
			// The complement's own object or oblique: "threatened to
			// close the strait to American shipping".
			for _, k := range f.s.Children(c) {
				if rel := f.tok(k).Rel; rel == "obj" || rel == "iobj" || strings.HasPrefix(rel, "obl") {
					targets = append(targets, f.actorsAt(k)...)
				}
			}
		}
		if len(targets) == 0 && f.governorNoun(f.object(v)) {
			targets = f.actorsAt(f.object(v)) // "rejected Pakistan's offer to hold talks"
		}
		fd := finding{rule: cc.rule, code: cc.rule.Code, trig: f.tokAt[v-1], word: v, conf: 0.6, modality: graph.Actual}
		fd.agents, fd.targets = dedupRecs(agents), without(dedupRecs(targets), agents)
		if len(fd.targets) == 0 && len(fd.agents) >= 2 && cc.rule.Code == "030" {
			fd.reciprocal, fd.mutual = true, true // "the Philippines and France agree that ..."
		}
		if f.lemma(v) == "agree" && f.tok(c).Rel == "ccomp" && len(f.triggersOf(c, false)) == 0 {
			// Agreeing that something is so is accord (019); agreeing
			// to do something, an intent.
			fd.code = "019"
		}
		// What is threatened, urged or promised, when the complement's verb
		// is in the vocabulary though its clause named no target:
		// "urged Sudan to release the prisoners" is an appeal to release.
		if tr, ok := f.complementTrigger(c); ok {
			inner := finding{rule: tr.rule, code: tr.rule.Code}
			f.codeWords(&inner, c)
			switch {
			case f.is(threatVerbs, v):
				fd.code = threatCode(inner.code)
			case f.demanding(v):
				fd.code = "10" + appealCode(inner.code)[2:]
			case f.is(appealVerbs, v):
				fd.code = appealCode(inner.code)
			case f.is(intentVerbs, v):
				if ic := intentCode(inner.rule, inner.code); ic != "" {
					fd.code = ic
				}
			case f.declinesComment(v, c):
				fd.code = "011" // "declined to comment on Poland's demand"
			case f.is(rejectVerbs, v):
				fd.code = rejectCode(inner.code)
			}
		}
		f.context(&fd, v)
		if f.complete(&fd) {
			f.add(fd)
		}
	}
}

// departVerbs are what one is ordered to do when expelled.
var departVerbs = verbSet(`leave depart quit exit`)

// expulsion codes "ordered the French ambassador to leave the country" as
// the lexicon codes "expelled the French ambassador": a demand that its
// object leave is an expulsion of it. It reports whether it coded one.
func (f *treeFinder) expulsion(v, c int) bool {
	if !f.demanding(v) || !f.is(departVerbs, c) || f.object(v) == 0 || f.isPassive(v) {
		return false
	}
	for _, tr := range f.e.lex.triggers["expel"] {
		if tr.noun || len(tr.rest) > 0 {
			continue
		}
		if fd, ok := f.verbEvent(v, tr); ok {
			f.add(fd)
			return true
		}
	}
	return false
}

// codedUnder reports whether an event was coded from c or a word below it.
func (f *treeFinder) codedUnder(c int) bool {
	for w := range f.coded {
		if w == c || f.s.Ancestor(c, w) {
			return true
		}
	}
	return false
}

func (f *treeFinder) controlClass(v int) *controlClass {
	if f.tok(v).UPOS != "VERB" {
		return nil
	}
	for i := range controlClasses {
		if f.is(controlClasses[i].set, v) {
			return &controlClasses[i]
		}
	}
	return nil
}
