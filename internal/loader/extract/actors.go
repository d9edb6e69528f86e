package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/graph"
)

type mentionKind uint8

const (
	mDict     mentionKind = iota // dictionary entry
	mComposed                    // country + role noun: "Indian Army"
	mPerson                      // titled or known person
	mUnknown                     // capitalized phrase in no dictionary
	mPronoun                     // he, his, it, its
	mPair                        // "the two countries"
	mObject                      // project, pipeline, helicopters
)

// mention is one actor reference in a sentence, over tokens [start, end).
type mention struct {
	start, end int
	actor      *actorRec
	pair       []*actorRec // members of a pair anaphor
	kind       mentionKind
	poss       bool // followed by 's
	single     bool // one capitalized word found in no dictionary
	modifier   bool // a demonym before a common noun ("Afghan soil")
	demonym    bool // the surface is a nationality adjective or noun
	weapon     bool // a country's arms ("Russian missiles")
}

// actorRec is a document-level actor under construction.
type actorRec struct {
	graph.Actor
	aliases  map[string]bool
	role     string    // role block of a person or composed actor (GOV, MIL...)
	country  *actorRec // the country a composed actor belongs to
	nameToks []string
	unknown  bool // built from a phrase found in no dictionary
	mentions int
	used     bool
	// entry is the dictionary entry the actor comes from, for the codes
	// it held on other dates than the document's.
	entry   *Entry
	docCode string // the entry's code on the document's date
	// org is the code of the organisation whose office the text gives a
	// person ("U.N. Secretary-General Antonio Guterres"): the person's
	// code, over the country of a dictionary's catch-all entry.
	org string
}

func (a *actorRec) isCountry() bool { return a.Type == graph.Country }

// docState carries what later sentences of a document need to know about
// earlier ones: actors, surnames, the last person, the pair in focus.
type docState struct {
	byKey           map[string]*actorRec
	byEntry         map[*Entry]*actorRec
	order           []*actorRec
	surnames        map[string]*actorRec
	lastPerson      *actorRec
	lastPSent       int
	focus           [2]*actorRec
	lastCountries   []*actorRec
	prevSubject     *actorRec
	prevSubjectSent int
	lastPersons     []*actorRec // the last persons named, most recent last
	// acronyms are the short forms the text defined in parentheses after a
	// name ("the National Liberation Army (ELN)"), for the rest of the
	// document.
	acronyms map[string]*actorRec
	// countryMentions counts the mentions of each country so far, its
	// organs, people and places included, keyed by country code.
	countryMentions map[string]int
	// date is the document's date: dated codes apply by it.
	date graph.Date
}

func newDocState() *docState {
	return &docState{byKey: map[string]*actorRec{}, byEntry: map[*Entry]*actorRec{}, surnames: map[string]*actorRec{}, lastPSent: -10}
}

func (d *docState) get(key string, mk func() graph.Actor) *actorRec {
	if a := d.byKey[key]; a != nil {
		return a
	}
	a := &actorRec{Actor: mk(), aliases: map[string]bool{}}
	a.ID = graph.Slug(a.Name)
	d.byKey[key] = a
	d.order = append(d.order, a)
	return a
}

func (d *docState) noteCountry(a *actorRec) {
	if a.country != nil {
		a = a.country
	}
	if !a.isCountry() {
		return
	}
	d.lastCountries = touchRecent(d.lastCountries, a)
}

// touchRecent moves a to the end of the list of the last actors named,
// which keeps four.
func touchRecent(list []*actorRec, a *actorRec) []*actorRec {
	if i := slices.Index(list, a); i >= 0 {
		list = append(list[:i], list[i+1:]...)
	}
	list = append(list, a)
	if len(list) > 4 {
		list = list[1:]
	}
	return list
}

// expandCodes replaces an actor with several codes ("FRO/BIL/SAM", a
// dictionary's way of saying that a name stands for several actors) by one
// actor per code.
func (d *docState) expandCodes(as []*actorRec) []*actorRec {
	var out []*actorRec
	for _, a := range as {
		if !strings.Contains(a.Code, "/") {
			out = append(out, a)
			continue
		}
		for _, code := range strings.Split(a.Code, "/") {
			if code == "" {
				continue
			}
			v := d.get("v:"+a.ID+":"+code, func() graph.Actor {
				return graph.Actor{Name: a.Name + " (" + code + ")", Code: code, Type: a.Type, Country: a.Country}
			})
			v.unknown = a.unknown
			out = append(out, v)
		}
	}
	return out
}

// mainCountry returns the code of the country the document has named
// most so far, when one leads all others; "" otherwise.
func (d *docState) mainCountry() string {
	best, bestN, second := "", 0, 0
	for c, n := range d.countryMentions {
		switch {
		case n > bestN || n == bestN && c < best:
			best, bestN, second = c, n, max(second, bestN)
		case n > second:
			second = n
		}
	}
	if bestN == 0 || bestN == second {
		return ""
	}
	return best
}

// sentencePair is the pair of countries that the actors named so far in
// the sentence belong to, when they belong to exactly two: "General
// Kayani called on General Makarov, and the two military leaders agreed
// to enhance cooperation between the armies of the two countries".
func (r *recognizer) sentencePair() []*actorRec {
	var codes []string
	for _, m := range r.ms {
		if m.actor == nil || m.kind == mPronoun {
			continue
		}
		c := m.actor.Country
		if c == "" || slices.Contains(codes, c) {
			continue
		}
		codes = append(codes, c)
	}
	if len(codes) != 2 {
		return nil
	}
	var out []*actorRec
	for _, c := range codes {
		ent := r.e.countries[c]
		if ent == nil {
			return nil
		}
		out = append(out, r.doc.entryRec(ent))
	}
	return out
}

// focusPair is the pair "the two countries" refers to: the last two countries
// named together, else the last two named.
func (d *docState) focusPair() []*actorRec {
	if d.focus[0] != nil {
		return []*actorRec{d.focus[0], d.focus[1]}
	}
	if n := len(d.lastCountries); n >= 2 {
		return []*actorRec{d.lastCountries[n-2], d.lastCountries[n-1]}
	}
	return nil
}

// pairPhrases are anaphors for the pair of countries in focus.
var pairPhrases = func() *phraseSet {
	p := newPhraseSet()
	for _, s := range []string{"the two countries", "both countries", "both the countries", "both sides",
		"the two sides", "the two nations", "both nations", "both governments", "the two governments",
		"the two neighbours", "the two neighbors", "both neighbours", "both neighbors", "the two states",
		"both states", "the two capitals", "both capitals", "the two allies", "the two rivals",
		"the two nuclear-armed neighbours", "the two nuclear-armed neighbors"} {
		p.add(s, "pair")
	}
	return p
}()

// function words never start or continue a name.
var functionWords = toSet(`a an the this that these those his her its their our your my and or but nor
of in on at to for from by with about against between into onto over under after before during since
until while when where whereas although though because as if than then so yet also not no never
is are was were be been being has have had do does did will would shall should can could may might must
he she it they we i you him them us who whom whose which what there here some any all both each
every either neither other another such same own more most many much few less least very just only
even still already now today yesterday tomorrow recently later earlier meanwhile however moreover
furthermore thus hence therefore indeed first second third last next new according said says`)

var weekdaysMonths = toSet(`monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec`)

// nameStarters are function words that also begin names ("New York",
// "First Capital Bank").
var nameStarters = toSet(`new first`)

var nameParticles = toSet(`bin ibn al el ul ud de da di du van von der den la le abu`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// recognizer finds the actor mentions of one sentence.
type recognizer struct {
	e    *Engine
	text string
	doc  *docState
	sent int
	toks []token
	ms   []mention
}

func (r *recognizer) run() []mention {
	r.ms = r.ms[:0]
	toks := r.toks
	for i := 0; i < len(toks); {
		t := toks[i]
		if n := r.acronymDefinition(i); n > 0 {
			i += n
			continue
		}
		if !t.word {
			i++
			continue
		}
		if a := r.doc.acronyms[t.text]; a != nil {
			r.add(mention{start: i, end: i + 1, actor: a, kind: mDict})
			i++
			continue
		}
		if _, n := pairPhrases.match(toks, i); n > 0 {
			p := r.sentencePair()
			if p == nil {
				p = r.doc.focusPair()
			}
			if p != nil {
				r.ms = append(r.ms, mention{start: i, end: i + n, pair: p, kind: mPair})
			}
			i += n
			continue
		}
		if kind, n := groupPhrases.match(toks, i); n > 0 {
			// "the two leaders", "all three countries": the last persons
			// or countries named, as many as the phrase says.
			if g := r.doc.lastGroup(kind); g != nil {
				r.ms = append(r.ms, mention{start: i, end: i + n, pair: g, kind: mPair})
			}
			i += n
			continue
		}
		if t.low == "the" && i+1 < len(toks) && !toks[i+1].cap {
			if a := r.objectAnaphor(toks[i+1].low); a != nil && (i+2 >= len(toks) || !toks[i+2].word || functionWords[toks[i+2].low]) {
				r.ms = append(r.ms, mention{start: i, end: i + 2, actor: a, kind: mObject})
				i += 2
				continue
			}
		}
		if m, ok := r.counterpart(i); ok {
			r.ms = append(r.ms, m)
			i = m.end
			continue
		}
		if m, ok := r.pronoun(i); ok {
			r.ms = append(r.ms, m)
			i = m.end
			continue
		}
		if ent, n := r.e.trie.longest(toks, i); n > 0 && !r.longerName(ent, i+n) {
			if i > 1 && toks[i-1].low == "of" && toks[i-2].cap && waterNouns[toks[i-2].low] {
				// "the Sea of Japan", "the Gulf of Mexico": a place
				// named after a country is not the country.
				i += n
				continue
			}
			i = r.afterEntry(ent, i, i+n)
			continue
		}
		if t.cap {
			if j := r.titled(i, nil); j > i {
				i = j
				continue
			}
			if j := r.capitalized(i); j > i {
				i = j
				continue
			}
		}
		i++
	}
	r.titlesIntoNames()
	for k := range r.ms {
		m := &r.ms[k]
		if m.end < len(toks) && toks[m.end].low == "'s" {
			m.poss = true
		}
		if m.actor != nil {
			m.actor.mentions++
			r.doc.noteCountry(m.actor)
			if c := m.actor.Country; c != "" && m.kind != mPronoun {
				if r.doc.countryMentions == nil {
					r.doc.countryMentions = map[string]int{}
				}
				r.doc.countryMentions[c]++
			}
		}
	}
	return r.ms
}

// titlesIntoNames joins to a person's mention the dictionary office
// right before it that ends in a title word: "German Chancellor Olaf
// Scholz" is one person, not the chancellery beside him.
func (r *recognizer) titlesIntoNames() {
	out := r.ms[:0]
	for k, m := range r.ms {
		if k+1 < len(r.ms) {
			next := &r.ms[k+1]
			_, title := r.e.lex.titleRole[r.toks[m.end-1].low]
			if m.kind == mDict && m.actor != nil && m.actor.Type != graph.Person && !m.actor.isCountry() &&
				next.start == m.end && next.actor != nil && next.actor.Type == graph.Person && title {
				next.start = m.start
				continue
			}
		}
		out = append(out, m)
	}
	r.ms = out
}

func (r *recognizer) surface(i, j int) string {
	toks := r.toks
	for i < j && (toks[i].low == "the" || toks[i].low == "a" || toks[i].low == "an") {
		i++
	}
	if i >= j {
		return ""
	}
	return r.text[toks[i].start:toks[j-1].end]
}

func (r *recognizer) add(m mention) {
	if m.actor != nil {
		if s := r.surface(m.start, m.end); s != "" {
			m.actor.aliases[s] = true
		}
	}
	r.ms = append(r.ms, m)
}

// pronoun resolves he/his/him to the last person (within three sentences)
// and it/its to the nearest earlier country or organisation of the
// sentence, else the previous sentence's subject.
func (r *recognizer) pronoun(i int) (mention, bool) {
	switch r.toks[i].low {
	case "he", "his", "him", "she", "her":
		// The previous sentence's subject when it was a person, else the
		// last person named.
		if p := r.doc.prevSubject; p != nil && p.Type == graph.Person && r.doc.prevSubjectSent == r.sent-1 && !r.personInSentence() {
			return mention{start: i, end: i + 1, actor: p, kind: mPronoun}, true
		}
		if r.doc.lastPerson != nil && r.sent-r.doc.lastPSent <= 3 {
			return mention{start: i, end: i + 1, actor: r.doc.lastPerson, kind: mPronoun}, true
		}
	case "it", "its":
		if i+1 < len(r.toks) && r.toks[i].low == "it" && (r.toks[i+1].low == "is" || r.toks[i+1].low == "was") {
			return mention{}, false // expletive "it is premature", "it was during"
		}
		for k := len(r.ms) - 1; k >= 0; k-- {
			if a := r.ms[k].actor; a != nil && (a.Type == graph.Country || a.Type == graph.IGO || a.Type == graph.Organization) {
				return mention{start: i, end: i + 1, actor: a, kind: mPronoun}, true
			}
		}
		if a := r.doc.prevSubject; a != nil {
			return mention{start: i, end: i + 1, actor: a, kind: mPronoun}, true
		}
	}
	return mention{}, false
}

// counterNouns name one side of a pair by its relation to the other.
var counterNouns = toSet(`rival arch-rival archrival foe adversary enemy neighbour neighbor ally partner
competitor nemesis`)

// counterpart resolves "its cold war rival", "the one time South Asian foe":
// a definite phrase headed by a relation noun names the country of the pair
// in focus that the sentence has not named yet (or, if it has named none,
// the one that was not the last subject).
func (r *recognizer) counterpart(i int) (mention, bool) {
	toks := r.toks
	switch toks[i].low {
	case "the", "its", "their":
	default:
		return mention{}, false
	}
	j := i + 1
	for ; j < len(toks) && j <= i+5; j++ {
		t := toks[j]
		if counterNouns[t.low] {
			break
		}
		if !(t.word || t.low == "-") || t.low != "-" && functionWords[t.low] && t.low != "one" {
			return mention{}, false
		}
		if _, n := r.e.trie.longest(toks, j); n > 0 && !r.e.trie.isDemonym(toks, j, j+n) {
			return mention{}, false // "the rival Indian Army": a name
		}
	}
	if j >= len(toks) || !counterNouns[toks[j].low] {
		return mention{}, false
	}
	if j+1 < len(toks) && toks[j+1].cap {
		return mention{}, false // "its arch-rival India": the name follows
	}
	pair := r.doc.focusPair()
	if len(pair) != 2 {
		return mention{}, false
	}
	named := [2]bool{}
	for _, m := range r.ms {
		a := m.actor
		if a != nil && a.country != nil {
			a = a.country
		}
		for k := range pair {
			if a == pair[k] {
				named[k] = true
			}
		}
	}
	var a *actorRec
	switch {
	case named[0] && !named[1]:
		a = pair[1]
	case named[1] && !named[0]:
		a = pair[0]
	case !named[0] && !named[1] && r.doc.prevSubject == pair[0]:
		a = pair[1]
	case !named[0] && !named[1] && r.doc.prevSubject == pair[1]:
		a = pair[0]
	default:
		return mention{}, false
	}
	return mention{start: i, end: j + 1, actor: a, kind: mPronoun}, true
}

// objectAnaphor resolves "the project", "the pipeline" to the latest object
// actor whose name ends in that head.
func (r *recognizer) objectAnaphor(head string) *actorRec {
	if r.e.lex.objects.first[head] == nil {
		return nil
	}
	for k := len(r.doc.order) - 1; k >= 0; k-- {
		a := r.doc.order[k]
		if a.Type == graph.Object && a.mentions > 0 {
			n := strings.ToLower(a.Name)
			if strings.HasSuffix(n, head) || strings.Contains(n, head+" ") {
				return a
			}
			for al := range a.aliases {
				if strings.HasSuffix(strings.ToLower(al), head) {
					return a
				}
			}
		}
	}
	return nil
}

// personInSentence reports whether a person was already named in this
// sentence (then "he" is more likely that person).
func (r *recognizer) personInSentence() bool {
	for _, m := range r.ms {
		if m.actor != nil && m.actor.Type == graph.Person {
			return true
		}
	}
	return false
}

// afterEntry handles a dictionary match over [i, j): a following title and
// name make a person of that country, a role noun makes a composed actor,
// an object head makes an object.
func (r *recognizer) afterEntry(ent *Entry, i, j int) int {
	toks := r.toks
	k := j
	if k < len(toks) && toks[k].low == "'s" {
		k++
	}
	if ent.Type == graph.Country || ent.Country != "" || primaryCode(ent) {
		if k < len(toks) && toks[k].word {
			if end := r.titled(k, ent); end > k {
				// The country is part of the person's title.
				r.ms[len(r.ms)-1].start = i
				return end
			}
		}
		if end, ok := r.composed(ent, i, k); ok {
			return end
		}
	}
	// "the UN secretary-general", "NATO officials": an organisation's
	// office holders act for it.
	if (ent.Type == graph.IGO || ent.Type == graph.Organization) && !primaryCode(ent) {
		if _, n := r.e.lex.personRoles.match(toks, k); n > 0 && r.nextIsName(k+n) && ent.Type == graph.IGO {
			// "U.N. Secretary-General Antonio Guterres": the office
			// holder acts for the organisation, whatever country a
			// dictionary gives the person at large.
			if end := r.titled(k, nil); end > k {
				m := &r.ms[len(r.ms)-1]
				if m.actor != nil && m.actor.Type == graph.Person {
					m.start = i
					m.actor.org = r.entryActor(ent).Code
				}
				return end
			}
		}
		if _, n := r.e.lex.personRoles.match(toks, k); n > 0 && !r.nextIsName(k+n) {
			r.add(mention{start: i, end: k + n, actor: r.entryActor(ent), kind: mDict})
			return k + n
		}
		if role, n := r.e.lex.roles.match(toks, k); n > 0 && role == "GOV" {
			r.add(mention{start: i, end: k + n, actor: r.entryActor(ent), kind: mDict})
			return k + n
		}
	}
	demonym := r.e.trie.isDemonym(toks, i, j)
	if !demonym && !(j < len(toks) && weaponHeads[toks[j].low]) {
		if end, ok := r.objectAfter(i, j); ok {
			return end
		}
	}
	a := r.entryActor(ent)
	m := mention{start: i, end: j, actor: a, kind: mDict, demonym: demonym}
	if demonym && j < len(toks) && toks[j].word && !toks[j].cap && !functionWords[toks[j].low] && !auxWords[toks[j].low] && r.e.lex.triggers[toks[j].low] == nil {
		m.modifier = true
	}
	// "the US mindset", "a Pakistan airbase": a name used as a noun
	// modifier. Words that may be verbs (-s, -ed, -ly) are left alone, and
	// participles ("Balochistan bordering Afghanistan").
	if !demonym && j < len(toks) && toks[j].word && !toks[j].cap && !functionWords[toks[j].low] &&
		!auxWords[toks[j].low] && !raisingWords[toks[j].low] && r.e.lex.triggers[toks[j].low] == nil &&
		!strings.HasSuffix(toks[j].low, "s") && !strings.HasSuffix(toks[j].low, "ed") && !strings.HasSuffix(toks[j].low, "ly") &&
		!strings.HasSuffix(toks[j].low, "ing") && toks[j].low[0] > '9' && !(j+1 < len(toks) && (toks[j+1].low == "'" || toks[j+1].low == "’")) {
		m.modifier = true
	}
	r.add(m)
	return j
}

// acronymDefinition reads "(ELN)" right after a name's mention as the
// name's short form for the rest of the document, and makes the
// parenthesis part of the mention; it returns the number of tokens read,
// 0 when toks[i] opens no such definition.
func (r *recognizer) acronymDefinition(i int) int {
	toks := r.toks
	if toks[i].text != "(" || i+2 >= len(toks) || toks[i+2].text != ")" || len(r.ms) == 0 {
		return 0
	}
	short := toks[i+1]
	m := &r.ms[len(r.ms)-1]
	if !short.word || !short.allCaps || len(short.text) < 2 || len(short.text) > 8 || m.end != i || m.actor == nil || m.kind == mPronoun {
		return 0
	}
	if r.doc.acronyms == nil {
		r.doc.acronyms = map[string]*actorRec{}
	}
	r.doc.acronyms[short.text] = m.actor
	m.actor.aliases[short.text] = true
	m.end = i + 3
	return 3
}

// entryRec returns the document's record of dictionary entry ent.
func (d *docState) entryRec(ent *Entry) *actorRec {
	a := d.byEntry[ent]
	if a == nil {
		a = d.get("e:"+ent.Name, func() graph.Actor {
			return graph.Actor{Name: ent.Name, Code: ent.codeAt(d.date), Type: ent.Type, Country: ent.Country}
		})
		if len(ent.Spans) > 0 {
			a.entry, a.docCode = ent, a.Code
		}
		d.byEntry[ent] = a
	}
	return a
}

func (r *recognizer) entryActor(ent *Entry) *actorRec {
	a := r.doc.entryRec(ent)
	if ent.Type == graph.Person {
		if a.Country == "" && len(a.Code) >= 3 && a.Code[:3] != "---" {
			a.Country = a.Code[:3]
		}
		if a.nameToks == nil {
			a.nameToks = strings.Fields(strings.ToLower(ent.Name))
			if len(a.Code) >= 6 {
				a.role = a.Code[3:6]
			}
			r.doc.surnames[a.nameToks[len(a.nameToks)-1]] = a
		}
		r.touchPerson(a)
	}
	return a
}

func countryOf(ent *Entry) string { return countryFrom(ent.Country, ent.Code) }

// countryFrom is the country of an actor with this country and CAMEO code:
// the country when set, else the code's first three letters.
func countryFrom(country, code string) string {
	if country != "" {
		return country
	}
	if len(code) >= 3 {
		return strings.ToUpper(code[:3])
	}
	return ""
}

// composed recognises "Indian Army", "Russian officials", "Pakistan's
// military leadership", "the Russian leader" after a country entry that
// ended at token i0 (k is past an optional 's).
func (r *recognizer) composed(ent *Entry, i0, k int) (int, bool) {
	toks := r.toks
	if ent.Type != graph.Country && !primaryCode(ent) {
		return 0, false
	}
	if role, n := r.e.lex.personRoles.match(toks, k); n > 0 && !r.nextIsName(k+n) && !(k+n < len(toks) && toks[k+n].low == "-" && !toks[k+n].space) {
		r.office(ent, role, i0, k+n)
		return k + n, true
	}
	role, n := r.e.lex.roles.match(toks, k)
	if n == 0 {
		return r.dictAgent(ent, i0, k)
	}
	end := k + n
	// "Russian military hardware": the role word is an adjective here.
	if end < len(toks) && toks[end].word && !toks[end].cap && !r.e.lex.roleExt[toks[end].low] &&
		(toks[k].low == "military" || toks[k].low == "government" || toks[k].low == "intelligence") &&
		!functionWords[toks[end].low] && !strings.HasSuffix(toks[end].low, "ed") &&
		(r.e.lex.triggers[toks[end].low] == nil || end+1 < len(toks) && toks[end+1].low == "-" && !toks[end+1].space) {
		return 0, false // "military hardware", "military build-up"
	}
	for end < len(toks) && r.e.lex.roleExt[toks[end].low] {
		end++
	}
	country := countryOf(ent)
	var a *actorRec
	switch role {
	case "REB", "INS":
		name := r.surface(i0, end)
		name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
		a = r.doc.get("g:"+strings.ToLower(name), func() graph.Actor {
			return graph.Actor{Name: name, Code: country + role, Type: graph.Group, Country: country}
		})
	default:
		a = r.doc.get("c:"+country+role, func() graph.Actor {
			return graph.Actor{Name: ent.Name + " " + roleName(role), Code: country + role, Type: graph.Organization, Country: country}
		})
	}
	a.role = role
	a.country = r.entryActor(ent)
	r.add(mention{start: i0, end: end, actor: a, kind: mComposed, weapon: weaponHeads[toks[end-1].low]})
	return end, true
}

// primaryCode reports whether an entry's code is a bare primary code of
// three letters (a state, or a people of a world of one's own: ARN), to
// which roles compose, though no countries file declared it a country.
func primaryCode(ent *Entry) bool {
	if ent.Type == graph.Person || ent.Type == graph.Place || len(ent.Code) != 3 || ent.Code == "---" {
		return false
	}
	for _, r := range ent.Code {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// dictAgent composes a country entry ending before token k with an agent
// phrase of the dictionary: "Arnorian militia" → ARNMIL, "MSF Arnor" →
// NGOARN.
func (r *recognizer) dictAgent(ent *Entry, i0, k int) (int, bool) {
	if r.e.hooks.Agent == nil {
		return 0, false
	}
	toks := r.toks
	var words []string
	for j := k; j < len(toks) && j < k+6 && toks[j].word; j++ {
		words = append(words, toks[j].low)
	}
	code, before, n, ok := r.e.hooks.Agent(words)
	if !ok || n == 0 {
		return 0, false
	}
	// A civil title word modifies the agent noun after it, which is the
	// head and gives the role: "deputy president" is GOV although
	// "deputy" alone is a police rank.
	if n == 1 && r.e.lex.titleRole[words[0]] == "GOV" {
		if c2, b2, n2, ok2 := r.e.hooks.Agent(words[1:]); ok2 && n2 > 0 {
			code, before, n = c2, b2, 1+n2
		}
	}
	// An agent phrase may end in a function word (Phoenix's EMBASSY_IN,
	// "embassy in"); the mention, and the name, stop before it, so that
	// the parse reads it as the preposition it is.
	for n > 1 && functionWords[words[n-1]] {
		n--
	}
	end := k + n
	country := countryOf(ent)
	role := agentRole(code)
	full := country + role
	if before {
		full = role + country
	}
	a := r.doc.get("c:"+full, func() graph.Actor {
		return graph.Actor{Name: ent.Name + " " + strings.Join(words[:n], " "), Code: full, Type: graph.Organization, Country: country}
	})
	if !before {
		a.role = role
	}
	a.country = r.entryActor(ent)
	r.add(mention{start: i0, end: end, actor: a, kind: mComposed})
	return end, true
}

var roleNoun = map[string]string{
	"GOV": "government", "MIL": "military", "BUS": "business", "LEG": "parliament", "MED": "media",
	"COP": "police", "SPY": "intelligence", "CVL": "civilians", "OPP": "opposition",
	"REB": "rebels", "INS": "insurgents", "JUD": "judiciary", "REF": "refugees", "LAB": "labour",
	"ELI": "elites", "CRM": "criminals", "HLH": "health", "EDU": "education", "UAF": "armed forces",
	"AGR": "agriculture", "ENV": "environment", "RAD": "radicals",
}

// roleName names a role code in an actor's name: MIL is "military", and
// a code of several roles (a junta's GOVMIL) names each; a role without
// a name keeps its code.
func roleName(role string) string {
	if len(role) == 0 || len(role)%3 != 0 {
		return role
	}
	parts := make([]string, 0, len(role)/3)
	for i := 0; i < len(role); i += 3 {
		n, ok := roleNoun[role[i:i+3]]
		if !ok {
			return role
		}
		parts = append(parts, n)
	}
	return strings.Join(parts, " ")
}

func (r *recognizer) nextIsName(k int) bool {
	return k < len(r.toks) && r.toks[k].cap && r.toks[k].word && !functionWords[r.toks[k].low]
}

// personOf returns the most recently seen person of a country, preferring
// one with the given role.
func (r *recognizer) personOf(country, role string) *actorRec {
	var any *actorRec
	for k := len(r.doc.order) - 1; k >= 0; k-- {
		a := r.doc.order[k]
		if a.Type != graph.Person || a.Country != country {
			continue
		}
		if a.role == role || role == "" {
			return a
		}
		if any == nil && a.role == "" {
			any = a
		}
	}
	return any
}

// titled recognises a title followed by a personal name ("Air Chief Marshal
// Tahir Rafiq Butt", "Gen. Kayani", "President Putin"). ent is the country
// entry just before the title, if any. It returns the token after the name,
// or i when there is none.
func (r *recognizer) titled(i int, ent *Entry) int {
	toks := r.toks
	lx := r.e.lex
	j := i
	mil, gov := false, false
	if h := r.e.hooks.Title; h != nil && toks[i].cap {
		// A dictionary's titles first: "Air Chief Marshal" is one.
		var words []string
		for k := i; k < len(toks) && k < i+5 && toks[k].word; k++ {
			words = append(words, toks[k].text)
		}
		if code, n, ok := h(words); ok && n > 0 {
			mil = mil || strings.Contains(code, "MIL")
			gov = gov || !strings.Contains(code, "MIL") && code != ""
			j += n
		}
	}
	for j < len(toks) {
		t := toks[j]
		if role, ok := lx.titleRole[t.low]; ok && t.word && (t.cap || t.allCaps || ent != nil) {
			mil = mil || role == "MIL"
			gov = gov || role == "GOV"
			j++
			continue
		}
		if j > i && (t.low == "." || t.low == "-") && !t.space {
			j++
			continue
		}
		if j > i && t.low == "of" && j+1 < len(toks) && toks[j+1].cap {
			j++
			continue
		}
		if j > i && t.low == "(" && j+2 < len(toks) && toks[j+1].allCaps && toks[j+2].low == ")" {
			j += 3
			continue
		}
		break
	}
	if j == i {
		return i
	}
	if end, ok := r.officeOf(i, j, mil, gov); ok {
		return end
	}
	// Names: capitalized words that are neither titles, function words nor
	// dictionary entries.
	k := j
	for k < len(toks) && k-j < 4 {
		t := toks[k]
		if len(t.text) == 1 && t.cap && k+2 < len(toks) && toks[k+1].low == "." && !toks[k+1].space && toks[k+2].cap && toks[k+2].word {
			k += 2 // an initial: "S. Jaishankar"
			continue
		}
		if t.word && t.cap && !t.allCaps && !functionWords[t.low] && !weekdaysMonths[t.low] && !documentHeads[t.low] && !lx.orgHeads[t.low] {
			// A title word inside a name is part of it: "Hassan Sheikh
			// Mohamud".
			if _, isTitle := lx.titleRole[t.low]; isTitle && (k == j || k+1 >= len(toks) || !toks[k+1].cap || !toks[k+1].word) {
				break
			}
			if e, n := r.e.trie.longest(toks, k); n > 0 && e.Type != graph.Person {
				break
			}
			k++
			continue
		}
		if k > j && nameParticles[t.low] && k+1 < len(toks) && toks[k+1].cap {
			k++
			continue
		}
		if k > j && t.low == "-" && !t.space && k+1 < len(toks) && toks[k+1].cap {
			k++
			continue
		}
		break
	}
	if k == j {
		return i
	}
	if k < len(toks) && toks[k].cap && lx.orgHeads[toks[k].low] {
		// "National Liberation Army", "Popular Mobilisation Forces": the
		// capitalized words run on into an organisation's head word, so
		// they name the organisation, not a titled person.
		return i
	}
	role := ""
	switch {
	case mil:
		role = "MIL"
	case gov:
		role = "GOV"
	}
	country := ""
	if ent != nil {
		country = countryOf(ent)
	}
	// A dictionary name that takes in the last title word ("King
	// Abdullah" is Jordan's) before the name alone ("Abdullah", a Saudi
	// king).
	// The sentence's country outranks a namesake's in the dictionary:
	// "Jordan's King Abdullah" is no Saudi.
	var pe *Entry
	n := 0
	fits := func(e *Entry) bool {
		c := countryOf(e)
		return e.Type == graph.Person && (country == "" || c == "" || c == country)
	}
	if e, m := r.e.trie.longest(toks, j); m > 0 && fits(e) {
		pe, n = e, m
	}
	if j > i {
		if e, m := r.e.trie.longest(toks, j-1); m > 1 && fits(e) {
			pe, n = e, m-1
		}
	}
	if n > 0 && j+n < k {
		// "Air Commodore Khalid Iqbal": the name goes on past the
		// dictionary's "Khalid"; it is someone else.
		n = 0
	}
	if n > 0 {
		p := r.entryActor(pe)
		if (p.role == "" || p.role == "ELI") && role != "" {
			// The title in the text tells the office better than a
			// dictionary's catch-all "elite" role.
			p.role = role
		}
		r.add(mention{start: i, end: j + n, actor: p, kind: mPerson})
		return j + n
	}
	p := r.person(j, k, country, role)
	r.add(mention{start: i, end: k, actor: p, kind: mPerson})
	return k
}

// longerName reports whether a person entry matched before word end is
// only the first part of a longer name the dictionary does not know:
// "Khalid Iqbal" is not King Khalid.
func (r *recognizer) longerName(ent *Entry, end int) bool {
	if ent.Type != graph.Person || end >= len(r.toks) {
		return false
	}
	t := r.toks[end]
	if !t.word || !t.cap || t.allCaps || functionWords[t.low] || weekdaysMonths[t.low] {
		return false
	}
	if _, isTitle := r.e.lex.titleRole[t.low]; isTitle {
		return false
	}
	_, n := r.e.trie.longest(r.toks, end)
	return n == 0
}

// officeOf recognises an office named by its title and country with no
// personal name, "the President of France", "the Emir of Qatar": the
// title words [i, j) end with "of" and the country follows. It stands
// for the person of that country and office already met, else for the
// country's government (or military), as "the French president" does.
func (r *recognizer) officeOf(i, j int, mil, gov bool) (int, bool) {
	toks := r.toks
	if j < i+2 || toks[j-1].low != "of" || !mil && !gov {
		return 0, false
	}
	ent, n := r.e.trie.longest(toks, j)
	if n == 0 || ent.Type != graph.Country && !primaryCode(ent) {
		return 0, false
	}
	end := j + n
	if end < len(toks) && toks[end].cap && toks[end].word && !functionWords[toks[end].low] {
		return 0, false // "the President of France Emmanuel Macron": a name follows
	}
	role := "GOV"
	if mil {
		role = "MIL"
	}
	r.office(ent, role, i, end)
	return end, true
}

// office adds the mention [i, end) of an office of country entry ent with
// no name given ("the Russian leader", "the President of France"): the
// person of that country and role already met in the document, else the
// country's government (or military) as an actor.
func (r *recognizer) office(ent *Entry, role string, i, end int) {
	country := countryOf(ent)
	if p := r.personOf(country, role); p != nil {
		r.add(mention{start: i, end: end, actor: p, kind: mPerson})
		return
	}
	a := r.doc.get("c:"+country+role, func() graph.Actor {
		return graph.Actor{Name: ent.Name + " " + roleName(role), Code: country + role, Type: graph.Organization, Country: country}
	})
	a.role = role
	a.country = r.entryActor(ent)
	r.add(mention{start: i, end: end, actor: a, kind: mComposed})
}

// person finds or creates the person named by tokens [i, j): a known
// surname or full name resolves to the person already met.
func (r *recognizer) person(i, j int, country, role string) *actorRec {
	toks := r.toks
	var words []string
	for k := i; k < j; k++ {
		if toks[k].word {
			words = append(words, toks[k].low)
		}
	}
	last := words[len(words)-1]
	name := r.text[toks[i].start:toks[j-1].end]
	if p := r.doc.surnames[last]; p != nil && (country == "" || p.Country == "" || p.Country == country) {
		if p.Country == "" {
			p.Country = country
		}
		if p.role == "" {
			p.role = role
		}
		if len(words) > len(p.nameToks) {
			// a fuller form of the name: keep it as an alias only; the
			// canonical name stays the first full mention.
			p.aliases[name] = true
		}
		r.touchPerson(p)
		return p
	}
	p := r.doc.get("p:"+strings.ToLower(name), func() graph.Actor {
		return graph.Actor{Name: name, Type: graph.Person, Country: country}
	})
	p.role = role
	p.nameToks = words
	if len(words) >= 1 {
		r.doc.surnames[last] = p
		if len(words) >= 2 {
			r.doc.surnames[strings.Join(words, " ")] = p
		}
	}
	r.touchPerson(p)
	return p
}

func (r *recognizer) touchPerson(p *actorRec) {
	r.doc.lastPerson = p
	r.doc.lastPSent = r.sent
	r.doc.lastPersons = touchRecent(r.doc.lastPersons, p)
}

// groupPhrases are plural references to the last persons or countries
// named: the value says which and how many.
var groupPhrases = func() *phraseSet {
	p := newPhraseSet()
	for _, s := range []string{"the two leaders", "both leaders", "the two presidents", "both presidents",
		"the two prime ministers", "the two ministers", "the two foreign ministers", "both ministers"} {
		p.add(s, "persons 2")
	}
	for _, s := range []string{"the three countries", "all three countries", "the three nations", "all three nations",
		"the three states", "all three states", "the three governments", "all three governments"} {
		p.add(s, "countries 3")
	}
	return p
}()

// lastGroup returns the actors a plural reference of kind ("persons 2",
// "countries 3") stands for, or nil when the document has not named as
// many.
func (d *docState) lastGroup(kind string) []*actorRec {
	what, count, _ := strings.Cut(kind, " ")
	n := int(count[0] - '0')
	src := d.lastCountries
	if what == "persons" {
		src = d.lastPersons
	}
	if len(src) < n {
		return nil
	}
	return append([]*actorRec(nil), src[len(src)-n:]...)
}

// objectAfter extends a dictionary match into an object phrase when an
// object head follows within three lower-case words: "the Iran-Pakistan
// gas pipeline project", "Pakistan Steel Mills".
func (r *recognizer) objectAfter(i, j int) (int, bool) {
	toks := r.toks
	k := j
	// "Iran-Pakistan": a second entry joined by a hyphen.
	if k+1 < len(toks) && toks[k].low == "-" && !toks[k].space {
		if _, n := r.e.trie.longest(toks, k+1); n > 0 {
			k = k + 1 + n
		}
	}
	for step := 0; step < 4 && k < len(toks); step++ {
		if _, n := r.e.lex.objects.match(toks, k); n > 0 {
			end := k + n
			for end < len(toks) && r.e.lex.objects.first[toks[end].low] != nil {
				end++
			}
			r.addObject(i, end)
			return end, true
		}
		t := toks[k]
		if !t.word || functionWords[t.low] || r.e.lex.triggers[t.low] != nil {
			break
		}
		k++
	}
	return 0, false
}

func (r *recognizer) addObject(i, end int) *actorRec {
	name := r.surface(i, end)
	a := r.doc.get("o:"+strings.ToLower(name), func() graph.Actor {
		return graph.Actor{Name: name, Code: "OBJ", Type: graph.Object}
	})
	r.add(mention{start: i, end: end, actor: a, kind: mObject})
	return a
}

// capitalized handles a run of capitalized words found in no dictionary:
// a known surname, an organisation, an object or a candidate person.
func (r *recognizer) capitalized(i int) int {
	toks := r.toks
	start := i
	// A capitalized function word opens many sentences ("The", "After"),
	// and so does a number ("Hundreds of Filipino fishermen").
	for start < len(toks) && toks[start].cap && (functionWords[toks[start].low] && !nameStarters[toks[start].low] || weekdaysMonths[toks[start].low] || quantityWords[toks[start].low]) {
		if start > i {
			// "The US lifted ...": "US" is no pronoun after "The" but a
			// name the dictionary knows.
			if _, n := r.e.trie.longest(toks, start); n > 0 {
				break
			}
		}
		start++
	}
	if start > i {
		return start
	}
	j := i
	for j < len(toks) && j-i < 6 {
		t := toks[j]
		if t.word && (t.cap || t.allCaps || (j > i && toks[j-1].low == "-" && !t.space)) && (!functionWords[t.low] || j == i && nameStarters[t.low] && j+1 < len(toks) && toks[j+1].cap) && !weekdaysMonths[t.low] {
			if j > i {
				if _, n := r.e.trie.longest(toks, j); n > 0 {
					break
				}
			}
			j++
			continue
		}
		if j > i && (nameParticles[t.low] || t.low == "of" || t.low == "-" && !t.space) && j+1 < len(toks) && toks[j+1].word && (toks[j+1].cap || toks[j+1].allCaps || t.low == "-") {
			j++
			continue
		}
		break
	}
	if j == i {
		return i
	}
	// "Belt and Road Initiative": "and" inside a name that ends in an
	// organisation or object head.
	if j+1 < len(toks) && toks[j].low == "and" && toks[j+1].cap {
		k := j + 1
		for k < len(toks) && k-j < 4 && toks[k].cap && toks[k].word && !functionWords[toks[k].low] {
			k++
		}
		if r.e.lex.orgHeads[toks[k-1].low] {
			j = k
		}
	}
	last := toks[j-1].low
	if documentHeads[last] || j < len(toks) && documentHeads[toks[j].low] {
		return j // "the Pakistan-Russia Defence Agreement" names a text, not an actor
	}
	// "New Jamshoro Power Plant of 500MW": the phrase ends at its
	// object head; "Intercontinental Ballistic Missile" is all object.
	for h := i + 1; h < j; h++ {
		if r.e.lex.objects.first[toks[h].low] != nil && toks[h].cap {
			if _, n := r.e.lex.objects.match(toks, h); n > 0 && h+n <= j {
				r.addObject(i, h+n)
				return h + n
			}
		}
	}
	// Object: "Thar Coal project", "MI-35 assault helicopters".
	if end, ok := r.objectAfter(i, j); ok {
		_ = end
		return end
	}
	if r.e.lex.orgHeads[last] && j-i >= 2 {
		name := r.surface(i, j)
		typ := graph.Organization
		low := strings.ToLower(name)
		if strings.Contains(low, "treaty") || strings.Contains(low, "nations") || strings.Contains(low, "international") || strings.Contains(low, "cooperation organi") {
			typ = graph.IGO
		}
		a := r.doc.get("u:"+low, func() graph.Actor { return graph.Actor{Name: name, Code: "---", Type: typ} })
		a.unknown = true
		r.add(mention{start: i, end: j, actor: a, kind: mUnknown})
		return j
	}
	words, titles := 0, 0
	for k := i; k < j; k++ {
		if toks[k].word {
			words++
			if _, ok := r.e.lex.titleRole[toks[k].low]; ok {
				titles++
			}
		}
	}
	if titles == words {
		return j // "retired Air Commodore and former chief": an office, no name
	}
	if p := r.doc.surnames[last]; p != nil && words <= 3 {
		r.touchPerson(p)
		r.add(mention{start: i, end: j, actor: p, kind: mPerson})
		return j
	}
	if words == 1 && i == 0 && !(j < len(toks) && toks[j].low == "'s") {
		return j // a sentence-initial capital says nothing, unless possessive
	}
	name := r.surface(i, j)
	typ := graph.Person
	if toks[i].allCaps || words > 4 {
		typ = graph.Organization
	}
	for k := i; k < j; k++ {
		if !toks[k].word && toks[k].low != "-" && toks[k].low != "." {
			typ = graph.Organization
		}
		if toks[k].word && toks[k].low[0] >= '0' && toks[k].low[0] <= '9' {
			typ = graph.Organization
		}
	}
	if typ == graph.Person && (isPlace(toks[i:j]) || i > 0 && locatives[toks[i-1].low] ||
		i > 1 && toks[i-1].low == "of" && placeNouns[toks[i-2].low] ||
		j < len(toks) && (placeNouns[toks[j].low] || toks[j].low == "area" ||
			j+1 < len(toks) && !toks[j].cap && toks[j].word && placeNouns[toks[j+1].low])) {
		// "in New York", "at Chebarkul", "the border town of Naqoura",
		// "the Croix-des-Bouquets area", "the Artibonite region", "the
		// Golovnoi water facility"
		typ = graph.Place
	}
	if typ == graph.Person {
		known := r.doc.surnames[last] != nil
		prev, prevSent := r.doc.lastPerson, r.doc.lastPSent
		p := r.person(i, j, "", "")
		if !known {
			p.unknown = true
			if words == 1 {
				// A lone unknown word is too weak to be "he" later.
				r.doc.lastPerson, r.doc.lastPSent = prev, prevSent
			}
		}
		r.add(mention{start: i, end: j, actor: p, kind: mUnknown, single: words == 1})
		return j
	}
	a := r.doc.get("u:"+strings.ToLower(name), func() graph.Actor { return graph.Actor{Name: name, Code: "---", Type: typ} })
	a.unknown = true
	r.add(mention{start: i, end: j, actor: a, kind: mUnknown, single: words == 1})
	return j
}

// weaponHeads after an actor name are its arms, not an object of their own:
// "NATO helicopters attacked" is NATO attacking.
var weaponHeads = toSet(`helicopters helicopter jets aircraft missiles missile tanks submarines drones
warships warplanes fighters artillery defences defenses`)

var documentHeads = toSet(`agreement agreements declaration accord accords treaty pact charter protocol
memorandum resolution resolutions act bill doctrine plan strategy policy summit conference`)

var locatives = toSet(`in at near from outside inside across`)

// waterNouns head the names of seas and straits: "the Sea of Japan".
var waterNouns = toSet(`sea gulf bay strait straits ocean`)

// placeNouns name a kind of place before the name of one: "the town of
// Naqoura", "the Golovnoi water facility".
var placeNouns = toSet(`town city village region province district state county port island islands valley enclave camp municipality capital
facility checkpoint outpost`)

var placeWords = toSet(`asia europe africa america east west north south central ocean sea gulf river valley
province city island islands mountains region district county town village border kashmir state
line strait peninsula crossing pass coast`)

// isPlace reports whether a capitalized phrase looks like a place name.
func isPlace(toks []token) bool {
	for _, t := range toks {
		if placeWords[t.low] {
			return true
		}
	}
	return false
}

// sortMentions orders mentions by position (recognition is left to right,
// but titled persons may be widened to the left).
func sortMentions(ms []mention) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
}
