package extract

import (
	"strings"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
)

// This file finds the actors of the parse coder: the actors a phrase names
// or composes (a role with its country), persons' countries from the
// sentence, and what a place or a venue is not.

// actorsAt returns the actors a nominal phrase headed by h refers to,
// spreading over its conjuncts.
func (f *treeFinder) actorsAt(h int) []*actorRec {
	if h <= 0 {
		return nil
	}
	if f.owner[h-1] < 0 {
		if as := f.placeOfPart(h); len(as) > 0 {
			return as
		}
		if as := f.goodsOrigin(h); len(as) > 0 {
			return as
		}
	}
	var out []*actorRec
	heads := []int{h}
	// "Fornost and the evil awful Gondor", read as a compound of Gondor
	// with its own conjunct: a name coordinated inside a name's phrase
	// is another actor, not a modifier.
	for _, c := range f.s.ChildrenByRel(h, "compound") {
		if c < h && f.owner[c-1] >= 0 && f.owner[c-1] != f.owner[h-1] && f.s.Child(c, "conj") > 0 {
			heads = append(heads, c)
		}
	}
	for i := 0; i < len(heads) && i < 16; i++ {
		closed := false // a conjunct with "and" or "or" ended the list
		for _, c := range f.s.ChildrenByRel(heads[i], "conj") {
			if closed && f.tok(c).UPOS == "PROPN" && f.s.Child(c, "cc") <= 0 {
				// "Albanese and his counterpart, James Marape,": a name
				// after the list's last member is that member's
				// apposition, no member of its own.
				continue
			}
			closed = closed || f.s.Child(c, "cc") > 0
			if f.owner[c-1] < 0 && len(f.triggersOf(c, true)) > 0 {
				continue // "talks with Iran and a deal": an act, no co-actor
			}
			if f.possessive(c) && f.tok(heads[i]).Rel != "nmod:poss" {
				// "the invasion of East Pakistan and Soviet Army's
				// defeat": a possessor owns the next phrase, it is no
				// co-actor of a phrase that owns nothing ("India and
				// Pakistan's talks" stays a pair).
				continue
			}
			if u := f.tok(c).UPOS; u == "NOUN" || u == "PROPN" || u == "PRON" || u == "X" || u == "ADJ" || u == "NUM" {
				heads = append(heads, c)
			}
		}
	}
	var countries []*actorRec
	for i, x := range heads {
		as := f.actorOf(x)
		if len(as) == 0 && i > 0 && len(countries) > 0 {
			// "Danish media and government", "lawmakers and officials
			// in Fornost and Gondor": a bare role noun joined to a
			// country's organ is another organ of that country.
			if role := f.roleOf(x); role != "" {
				for _, c := range countries {
					as = append(as, f.composeRole(c, role))
				}
			}
		}
		if i == 0 {
			for _, a := range as {
				if a.country != nil {
					countries = append(countries, a.country)
				}
			}
		}
		out = append(out, as...)
	}
	if m := f.owner[h-1]; m >= 0 && f.ms[m].kind == mComposed {
		// "Kyrgyz and Tajik border guards": the nationality read as a
		// name of its own is the guards' country, already an organ.
		out = withoutSubsumed(out)
	}
	return dedupRecs(out)
}

// possessive reports whether the phrase of word x is followed by the
// possessive 's, wherever the parser hung the marker.
func (f *treeFinder) possessive(x int) bool {
	_, end := f.s.Span(x)
	if end < f.s.Len() {
		if l := f.low(end + 1); l == "'s" || l == "’s" || l == "'" {
			return true
		}
	}
	for _, c := range f.s.ChildrenByRel(x, "case") {
		if l := f.low(c); l == "'s" || l == "’s" {
			return true
		}
	}
	return false
}

// placeOfPart returns the place that noun h names a part of: "marched
// through the streets of Maputo", "shelled the outskirts of Kharkiv".
func (f *treeFinder) placeOfPart(h int) []*actorRec {
	if !partNouns[f.lemma(h)] {
		return nil
	}
	for _, c := range f.s.ChildrenByRel(h, "nmod") {
		if f.caseOf(c) == "of" {
			if as := f.actorsAt(c); len(as) > 0 {
				return as
			}
		}
	}
	return nil
}

// goodsOrigin returns the country goods noun h comes from: "imports
// from Russia", "imports of Japanese seafood", "tariffs on goods imported
// from Mexico", or a from-phrase the parser hung on the verb right after
// the goods ("tariffs on goods from China").
func (f *treeFinder) goodsOrigin(h int) []*actorRec {
	if !goodsNouns[f.lemma(h)] {
		return nil
	}
	for _, c := range f.s.Children(h) {
		switch t := f.tok(c); {
		case t.Rel == "nmod" && (f.caseOf(c) == "from" || f.caseOf(c) == "of"):
			if as := f.actorsAt(c); len(as) > 0 {
				return as
			}
		case t.Rel == "acl" && t.UPOS == "VERB":
			for _, o := range f.obliques(c) {
				if p := f.caseOf(o); p == "from" || p == "in" {
					if as := f.actorsAt(o); len(as) > 0 {
						return as
					}
				}
			}
		}
	}
	hd := f.tok(h).Head
	if hd <= 0 {
		return nil
	}
	// The verb's phrases, and those of the verb whose object holds the
	// goods: the from-phrase must follow the goods' phrase at once.
	cands := f.s.Children(hd)
	if f.tok(hd).Rel == "obj" || f.tok(h).Rel == "nmod" {
		cands = append(cands, f.obliques(f.tok(hd).Head)...)
	}
	_, end := f.s.Span(h)
	for _, c := range cands {
		if start, _ := f.s.Span(c); start == end+1 && strings.HasPrefix(f.tok(c).Rel, "obl") && f.caseOf(c) == "from" {
			if as := f.actorsAt(c); len(as) > 0 {
				return as
			}
		}
	}
	return nil
}

// goodsNouns name what a country sells.
var goodsNouns = toSet(`good goods import imports export exports product products shipment shipments cargo
steel aluminium aluminum car cars vehicle vehicles grain oil gas`)

// partNouns name a part of a place.
var partNouns = toSet(`street streets outskirt outskirts centre center heart suburb suburbs part parts district districts`)

// quantityWords head a phrase whose of-phrase names who: "thousands of
// Georgians", "a group of Kenyan lawmakers".
var quantityWords = toSet(`tens thousand thousands hundred hundreds dozen dozens score scores million millions
number group groups crowd crowds handful majority most some many several all both members`)

// domestic makes a protest at home one of the country's people against
// it: "thousands of Georgians demonstrated in Tbilisi" is Georgia's
// opposition (GEOOPP) against Georgia, not Georgia against itself.
func (f *treeFinder) domestic(fd *finding) {
	if cameo.Root(fd.code) != "14" {
		return
	}
	for i, a := range fd.agents {
		for _, t := range fd.targets {
			switch {
			case a == t && a.isCountry():
				fd.agents[i] = f.composeRole(a, "OPP")
				fd.domestic = true
			case a.country == t || t.country == a:
				fd.domestic = true // "Kenyan protesters blocked roads in Nairobi"
			}
		}
	}
}

// namedAt returns the actors a phrase headed by h names itself, by a
// mention of its head or of its conjuncts, or as a role of a country
// ("the Sudanese president"), not through what modifies it.
func (f *treeFinder) namedAt(h int) []*actorRec {
	if h <= 0 {
		return nil
	}
	var out []*actorRec
	for _, x := range append([]int{h}, f.s.ChildrenByRel(h, "conj")...) {
		if f.owner[x-1] >= 0 || f.roleOf(x) != "" || f.e.lex.peopleNoun(f.low(x)) {
			// "hosted a conference in Tashkent" hosts nobody: where a
			// phrase is does not name it.
			f.noPlace = true
			out = append(out, f.actorOf(x)...)
			f.noPlace = false
		}
	}
	return dedupRecs(out)
}

// agentsAt is actorsAt for a subject: a thing someone owns is not its
// owner acting ("Putin's vision offers opportunities", "Islamabad's
// move"), so a subject that is no actor's name, role or people takes no
// actor from a possessive or a prepositional modifier.
func (f *treeFinder) agentsAt(h int) []*actorRec {
	if f.owner[h-1] >= 0 || f.roleOf(h) != "" || f.peopleWord(h) ||
		quantityWords[f.lemma(h)] || f.tok(h).UPOS == "NUM" {
		return f.actorsAt(h) // "thousands of Georgians"
	}
	if u := f.tok(h).UPOS; u != "NOUN" {
		return f.actorsAt(h)
	}
	var out []*actorRec
	for _, c := range f.s.Children(h) {
		switch f.tok(c).Rel {
		case "compound", "amod", "appos", "flat":
			out = append(out, f.actorsAt(c)...)
		case "conj":
			// "vetoes shielding Iran, its gas giant's support for the
			// pipeline": a thing joined to a thing is another item of a
			// list, whose owner does not act here; a name or an organ
			// joined to it does.
			if f.owner[c-1] >= 0 || f.roleOf(c) != "" || f.peopleWord(c) {
				out = append(out, f.actorsAt(c)...)
			}
		}
	}
	return dedupRecs(out)
}

// actorOf returns the actor of one nominal word: the mention covering it,
// else one its modifiers name ("the government of Pakistan", "forces from
// Chad", "the minister, Sergei Lavrov").
func (f *treeFinder) actorOf(x int) []*actorRec {
	if a := f.initialName(x); a != nil {
		return []*actorRec{a}
	}
	if m := f.owner[x-1]; m >= 0 && f.ms[m].kind == mUnknown {
		// "Pakistan's Salalah check posts": a name found in no
		// dictionary, owned by a known actor, stands for its owner.
		for _, c := range f.s.Children(x) {
			if rel := f.tok(c).Rel; rel == "nmod:poss" || rel == "compound" {
				if as := f.mentionActors(c); len(as) > 0 && f.owner[c-1] != m {
					return as
				}
			}
		}
	}
	if as := f.mentionActors(x); len(as) > 0 {
		// "Jan Kowalski, Poland's foreign minister", "President Mario
		// Rossi of Italy", "the Sudanese RSF": a person or a name no
		// dictionary knows, the text giving no nationality inside it,
		// takes it from an apposition, a possessor, a nationality or an
		// of-phrase.
		if len(as) == 1 && as[0].Country == "" && (as[0].Type == graph.Person || as[0].unknown) {
			f.personCountry(x, as[0])
			if as[0].Country != "" {
				return as
			}
		}
		// "American and British troops": the recognizer composed the
		// last nationality with the noun; the others join it, as troops
		// too.
		role := ""
		if len(as) == 1 && f.ms[f.owner[x-1]].kind == mComposed {
			role = as[0].role
		}
		join := func(c int) {
			for _, a := range f.mentionActors(c) {
				if role != "" && a.isCountry() {
					a = f.composeRole(a, role)
				}
				as = append(as, a)
			}
		}
		for _, c := range f.s.Children(x) {
			if rel := f.tok(c).Rel; rel != "amod" && (rel != "compound" || f.owner[c-1] < 0 || f.s.Child(c, "conj") <= 0) {
				continue // "Kyrgyz and Tajik border guards": coordinated nationalities may be read as a compound
			}
			if f.owner[c-1] != f.owner[x-1] {
				join(c) // "Thai and Cambodian troops"
			}
			for _, k := range f.s.ChildrenByRel(c, "conj") {
				join(k)
			}
		}
		// "Bree Prime Minister Romendacil", "MSF Arnor": an agent
		// phrase in the name's own phrase gives the role.
		if len(as) == 1 {
			if role, before := f.phraseRole(x); role != "" {
				as[0] = f.composeRoleAt(as[0], role, before)
			}
		}
		return dedupRecs(as)
	}
	// "lawmakers in Fornost", "the government of Gondor", "officials
	// from Chad": a role noun with its country.
	if role := f.roleOf(x); role != "" {
		for _, c := range f.s.ChildrenByRel(x, "nmod") {
			if p := f.caseOf(c); p != "in" && p != "of" && p != "from" {
				continue
			}
			if f.caseOf(c) == "in" && f.namedInPhrase(x) {
				break // "UN staff members in Sanaa" are the UN's
			}
			var out []*actorRec
			for _, a := range f.actorsAt(c) {
				if f.ownPlaceName(x, []*actorRec{a}) {
					continue
				}
				out = append(out, f.composeRole(a, role))
			}
			if len(out) > 0 {
				return dedupRecs(out)
			}
		}
	}
	// A name the recognizer found only in part ("Jan Kowalski", Jan read
	// as a month), with its office in apposition.
	for _, c := range f.s.Children(x) {
		if rel := f.tok(c).Rel; rel != "flat" && rel != "compound" {
			continue
		}
		for _, p := range f.mentionActors(c) {
			if p.Country == "" && (p.Type == graph.Person || p.unknown) {
				f.personCountry(x, p)
				if p.Country != "" {
					return []*actorRec{p}
				}
			}
		}
	}
	// The doer before the place: "an attack by Osgiliath soldiers in
	// south Ithilen" is theirs; "the coup in Niger" is Niger's.
	var fallback []*actorRec
	for _, rels := range [][]string{{"appos", "compound", "amod", "flat"}, {"nmod:poss"}, {"nmod by", "nmod of", "nmod from", "acl by"}, {"nmod in"}} {
		if rels[0] == "nmod in" && (f.noPlace || venueNouns[f.lemma(x)] || pactNouns[f.lemma(x)] && f.inCity(x)) {
			break // "a peace conference in Tashkent", "a ceasefire signed in Jeddah" are nobody's
		}
		var out []*actorRec
		for _, c := range f.s.Children(x) {
			rel := f.tok(c).Rel
			if rel == "nmod" {
				rel += " " + f.caseOf(c)
			}
			if rel == "acl" {
				// "a ceasefire proposal put forward by the United
				// States": the agent of a participle is the owner.
				// Not for people: "a trafficker wanted by the United
				// States" is no American.
				if a := f.s.Child(c, "obl:agent"); a > 0 && !brokerVerbs[f.lemma(c)] && f.roleOf(x) == "" && !f.peopleWord(x) {
					rel, c = "acl by", a
				}
			}
			if !contains(rels, rel) {
				continue
			}
			// "South Korean and Japanese diplomats": each conjoined
			// modifier names one side; "NATO cross border raid": a
			// compound's own compounds too.
			mods := append([]int{c}, f.s.ChildrenByRel(c, "conj")...)
			if rel == "amod" {
				// "a Marshall Islands-flagged tanker", "US-led forces":
				// the name in a participle modifier.
				mods = append(mods, f.s.ChildrenByRel(c, "compound")...)
				mods = append(mods, f.s.ChildrenByRel(c, "obl:npmod")...)
				mods = append(mods, f.s.ChildrenByRel(c, "obl:unmarked")...) // "Greek-owned"
			}
			if rel == "compound" {
				for k := 0; k < len(mods) && k < 6; k++ {
					if f.owner[mods[k]-1] < 0 {
						// "Al Shabaab fighters", the name read as "Al"
						// with "Shabaab" flat under it.
						mods = append(mods, f.s.ChildrenByRel(mods[k], "compound")...)
						mods = append(mods, f.s.ChildrenByRel(mods[k], "flat")...)
					}
				}
			}
			for _, m := range mods {
				if rel == "compound" && f.namedForPlace(x, m) {
					continue
				}
				as := f.mentionActors(m)
				if rel == "nmod of" && f.ownPlaceName(x, as) {
					continue
				}
				out = append(out, as...)
			}
		}
		if len(out) > 0 && allUnknown(out) {
			// "Houthi-controlled ports in western Yemen": a name no
			// dictionary knows gives way to a known place further on.
			if fallback == nil {
				fallback = out
			}
			continue
		}
		if len(out) > 0 {
			// "Gondor's government", "Danish media": a role noun owned
			// by a country is that country's organ.
			if role := f.roleOf(x); role != "" {
				for i, a := range out {
					out[i] = f.composeRole(a, role)
				}
			}
			return dedupRecs(out)
		}
	}
	if len(fallback) == 0 && homeOrgans[f.lemma(x)] && f.bare(x) {
		// "the army", "the government" with no country named: the
		// document's own country, the one it names most.
		if ent := f.e.countries[f.ds.mainCountry()]; ent != nil {
			if role := f.roleOf(x); role != "" {
				return []*actorRec{f.composeRole(f.ds.entryRec(ent), role)}
			}
		}
	}
	return dedupRecs(fallback)
}

// ownPlaceName reports whether as, named in the of-phrase of place noun
// x, are the place's own name: "the village of Banjska", a name no
// dictionary knows, is no actor.
func (f *treeFinder) ownPlaceName(x int, as []*actorRec) bool {
	return placeWords[f.lemma(x)] && allUnknown(as)
}

// brokerVerbs name what a third party does for others' deal: "a deal
// brokered by China" is not China's.
var brokerVerbs = toSet(`broker mediate facilitate host sponsor arrange`)

// homeOrgans are the organs of a state that news names without their
// country when the story is about it; persons ("the president") are not
// among them.
var homeOrgans = toSet(`army military government police parliament cabinet navy junta judiciary`)

// bare reports whether noun x is "the x", with no modifier that could
// name whose it is.
func (f *treeFinder) bare(x int) bool {
	the := false
	for _, c := range f.s.Children(x) {
		switch rel := f.tok(c).Rel; {
		case rel == "det":
			the = the || f.low(c) == "the"
		case rel == "amod", rel == "compound", rel == "nmod:poss", rel == "nmod", rel == "appos", rel == "flat":
			return false
		}
	}
	return the
}

// peopleWord reports whether word x, by form or lemma, is a noun for
// people or an organisation ("protesters", "ministry").
func (f *treeFinder) peopleWord(x int) bool {
	return f.e.lex.peopleNoun(f.low(x)) || f.e.lex.peopleNoun(f.lemma(x))
}

// namedInPhrase reports whether a name modifies x in its own phrase
// (compound, nationality, possessor).
func (f *treeFinder) namedInPhrase(x int) bool {
	for _, c := range f.s.Children(x) {
		switch f.tok(c).Rel {
		case "compound", "amod", "nmod:poss":
			if len(f.mentionActors(c)) > 0 {
				return true
			}
		}
	}
	return false
}

// namedForPlace reports whether the thing x is only named for the place
// m in its compound: "the Tashkent Declaration", "the Minsk agreements",
// "the Astana process" belong to no country, unlike "the Kabul
// government".
func (f *treeFinder) namedForPlace(x, m int) bool {
	if !f.cityAt(m) {
		return false // the country itself: "the Pakistan-Russia Defence Agreement"
	}
	return f.roleOf(x) == "" && !f.peopleWord(x) && capitalized(f.tok(x).Form)
}

// cityAt reports whether word m names a city or region rather than a
// country by its name: a place of the dictionary, or a country's capital
// ("Jeddah", "Tashkent"), not a demonym or an abbreviation.
func (f *treeFinder) cityAt(m int) bool {
	k := f.owner[m-1]
	if k < 0 || f.ms[k].actor == nil {
		return false
	}
	mt := &f.ms[k]
	a := mt.actor
	if a.Type == graph.Place {
		return true
	}
	if !a.isCountry() || mt.demonym || mt.end-mt.start != 1 || f.toks[mt.start].allCaps {
		return false
	}
	return f.toks[mt.start].low != strings.ToLower(a.Name)
}

// pactNouns name what is agreed, whose city is where it was signed.
var pactNouns = toSet(`ceasefire truce agreement deal accord treaty pact declaration memorandum`)

// venue reports whether phrase c is where an act took place and no more,
// a city in an in-phrase: "signed a ceasefire in Jeddah" is not an act
// on Saudi Arabia, unlike "struck targets in Aleppo" or a visit.
func (f *treeFinder) venue(c int, r *VerbRule) bool {
	switch cameo.Root(r.Code) {
	case "04", "14", "15":
		return false // "arrived in Islamabad", "demonstrated in Tbilisi": the place is the point
	}
	return f.caseOf(c) == "in" && !forceCode(r.Code) && f.cityAt(c)
}

// inCity reports whether x has an in-phrase naming a city.
func (f *treeFinder) inCity(x int) bool {
	for _, c := range f.s.ChildrenByRel(x, "nmod") {
		if f.caseOf(c) == "in" && f.cityAt(c) {
			return true
		}
	}
	return false
}

// venueNouns name gatherings, whose place is where they meet, not who
// they are.
var venueNouns = toSet(`conference summit meeting talks forum session ceremony gathering congress convention
exhibition festival games championship tournament parade`)

func allUnknown(as []*actorRec) bool {
	for _, a := range as {
		if !a.unknown {
			return false
		}
	}
	return true
}

// personCountry sets the country of person p, named at x, from its
// apposition ("X, Poland's foreign minister") or of-phrase ("X of
// Italy"), or from the name's own head when the apposition holds the
// name ("the foreign minister of Chile, Ana Lopez").
func (f *treeFinder) personCountry(x int, p *actorRec) {
	if f.inPerson {
		return // the apposition's own actor is being looked up
	}
	f.inPerson = true
	defer func() { f.inPerson = false }()
	cands := []int{}
	for _, c := range f.s.Children(x) {
		switch rel := f.tok(c).Rel; {
		case rel == "appos", rel == "nmod:poss", rel == "amod":
			// "X, Poland's foreign minister", "Sudan's RSF", "the
			// Sudanese RSF"
			cands = append(cands, c)
		case rel == "nmod:desc" || rel == "compound" && f.roleOf(c) != "":
			// "Libya's eastern commander Khalifa Haftar": the office
			// before the name, with its country.
			cands = append(cands, c)
		case rel == "nmod" && (f.caseOf(c) == "of" || f.caseOf(c) == "in" && p.unknown):
			cands = append(cands, c)
		}
	}
	if t := f.tok(x); t.Rel == "appos" && t.Head > 0 {
		cands = append(cands, t.Head)
	}
	for _, c := range cands {
		for _, a := range f.actorOf(c) {
			country := countryCode(a)
			if a == p || country == "" || a.Type == graph.Person && f.tok(c).Rel != "appos" {
				// A person in the apposition is whose office it is:
				// "Zamir Kabulov, the Russian president's special envoy".
				continue
			}
			p.Country = country
			if p.unknown {
				p.Type = graph.Person // a name with an office is a person
			}
			role := p.role
			if role == "" && a.role != "" {
				role = a.role
			}
			if role == "" {
				role = f.roleOf(c)
			}
			p.role = role
			p.Code = country + role
			return
		}
	}
}

// phraseRole finds an agent phrase among the words that modify name x in
// its own noun phrase and that are not part of the name: "Prime Minister"
// in "Bree Prime Minister Romendacil". before is true for a code that
// goes before the country's (NGO~).
func (f *treeFinder) phraseRole(x int) (role string, before bool) {
	if f.e.hooks.Agent == nil {
		return "", false
	}
	m := f.owner[x-1]
	var words []int
	for _, c := range f.s.Children(x) {
		switch f.tok(c).Rel {
		case "compound", "nmod:desc", "amod", "flat", "appos":
		default:
			continue
		}
		for _, d := range f.s.Subtree(c) {
			if f.tok(c).Rel == "appos" && d != c && (f.tok(d).Head != c || f.tok(d).Rel != "compound") {
				// "Moscow, the first official trip by any head of
				// state": an apposition's role is its own noun's ("the
				// foreign minister"), not a modifier's or one named
				// further inside it.
				continue
			}
			if f.owner[d-1] != m || m < 0 {
				if u := f.tok(d).UPOS; u == "NOUN" || u == "PROPN" || u == "ADJ" {
					words = append(words, d)
				}
			}
		}
	}
	sortInts(words)
	for i := range words {
		var ws []string
		for _, d := range words[i:] {
			ws = append(ws, f.low(d))
		}
		if code, b, n, ok := f.e.hooks.Agent(ws); ok && n > 0 {
			return agentRole(code), b
		}
	}
	return "", false
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// initialName returns the actor a name no dictionary knows stands for
// when it opens the sentence ("Hemedti criticised Egypt"): the recognizer
// cannot tell such a capital from any other, the tagger can.
func (f *treeFinder) initialName(x int) *actorRec {
	if f.owner[x-1] >= 0 || f.tok(x).UPOS != "PROPN" || !capitalized(f.tok(x).Form) {
		return nil
	}
	for k := 1; k < x; k++ {
		if u := f.tok(k).UPOS; u != "PUNCT" {
			return nil
		}
	}
	l := f.low(x)
	if len(l) < 3 || functionWords[l] || weekdaysMonths[l] || f.s.Child(x, "flat") > 0 || f.s.Child(x, "compound") > 0 {
		return nil
	}
	if f.roleOf(x) != "" || crowdNouns[l] || f.e.lex.peopleNoun(l) {
		// "Gunmen attacked", "Protesters clashed": a capital the tagger
		// took for a name, on a noun the dictionaries give a role to.
		return nil
	}
	name := f.tok(x).Form
	a := f.ds.get("u:"+l, func() graph.Actor { return graph.Actor{Name: name, Code: "---", Type: graph.Person} })
	a.unknown = true
	return a
}

// roleOf returns the role code of a role noun (lawmakers → LEG), from
// the lexicon or the dictionary's agents and roles; "" for other words.
func (f *treeFinder) roleOf(x int) string {
	if u := f.tok(x).UPOS; u != "NOUN" && u != "PROPN" && !(u == "ADJ" && nominalRels[f.tok(x).Rel]) || f.owner[x-1] >= 0 {
		// (An adjective in a noun's place is the tagger's slip: "a
		// gunman shot dead".)
		return ""
	}
	if memberNouns[f.lemma(x)] {
		// "gang members", "gang leaders": the people of a body have its
		// role, not the one their own noun would give ("leaders" govern).
		for _, c := range f.s.ChildrenByRel(x, "compound") {
			if c < x && f.owner[c-1] < 0 && !memberNouns[f.lemma(c)] {
				if role := f.roleOf(c); role != "" {
					return role
				}
			}
		}
	}
	if h := f.e.hooks.Agent; h != nil {
		// An agent of several words ending at x, longest first: "human
		// rights activists".
		for start := max(1, x-3); start < x; start++ {
			ws, ok := []string{}, true
			for k := start; k <= x && ok; k++ {
				u := f.tok(k).UPOS
				ok = f.owner[k-1] < 0 && (u == "NOUN" || u == "ADJ" || u == "PROPN") && (k == x || f.s.Ancestor(x, k))
				ws = append(ws, f.low(k))
			}
			if !ok {
				continue
			}
			if code, before, n, ok := h(ws); ok && n == len(ws) && !before {
				return agentRole(code)
			}
		}
	}
	for _, w := range []string{f.low(x), f.lemma(x)} {
		if role, ok := f.e.lex.roles.word(w); ok {
			return role
		}
		if role, ok := f.e.lex.personRoles.word(w); ok {
			return role
		}
		if h := f.e.hooks.Agent; h != nil {
			if code, before, n, ok := h([]string{w}); ok && n == 1 && !before {
				return agentRole(code)
			}
		}
	}
	return ""
}

// agentRole is the role an agents dictionary's code gives ("~uaf" is
// UAF).
func agentRole(code string) string { return strings.ToUpper(strings.Trim(code, "~")) }

// nominalRels are the relations only a noun phrase bears.
var nominalRels = toSet(`nsubj nsubj:pass obj iobj`)

// memberNouns name the people of a body: "gang members", "cartel leaders".
var memberNouns = toSet(`member leader fighter figure boss commander operative`)

// composeRole returns the actor a role of a country is: Gondor and LEG
// give Gondor's parliament (GONLEG). Only states and bare primary actors
// take roles; others are returned as they are.
func (f *treeFinder) composeRole(a *actorRec, role string) *actorRec {
	return f.composeRoleAt(a, role, false)
}

// composeRoleAt is composeRole with the role's code placed before the
// country's when before is set (NGO~: NGOARN).
func (f *treeFinder) composeRoleAt(a *actorRec, role string, before bool) *actorRec {
	if !a.isCountry() && !(a.Type != graph.Person && len(a.Code) == 3 && a.Code != "---") {
		return a // (a name no dictionary knows has no country to give a role)
	}
	country := countryCode(a)
	code := country + role
	if before {
		code = role + country
	}
	c := f.ds.get("c:"+code, func() graph.Actor {
		name := a.Name + " " + role
		if !before {
			name = a.Name + " " + roleName(role)
		}
		return graph.Actor{Name: name, Code: code, Type: graph.Organization, Country: country}
	})
	if !before {
		c.role = role
	}
	c.country = a
	return c
}

func (f *treeFinder) mentionActors(x int) []*actorRec {
	m := f.owner[x-1]
	if m < 0 {
		return nil
	}
	mt := &f.ms[m]
	if mt.pair != nil {
		return mt.pair
	}
	a := mt.actor
	if a == nil {
		return nil
	}
	if mt.kind == mUnknown && !f.nameWords(m) {
		return nil // "Thousands of Serbians": a capital, not a name
	}
	if a.Type == graph.Place {
		// A place stands for the country holding it: occupying Crimea,
		// strikes in Waziristan.
		ent := f.e.countries[a.Country]
		if a.Country == "" || ent == nil {
			return nil
		}
		a = f.ds.entryRec(ent)
	}
	return []*actorRec{a}
}

// dropObjects removes things (helicopters, a pipeline) from a target
// list: a rule that does not take objects codes actors only.
func allObjects(as []*actorRec) bool {
	for _, a := range as {
		if a.Type != graph.Object {
			return false
		}
	}
	return true
}

func dropObjects(as []*actorRec) []*actorRec {
	out := as[:0:0]
	for _, a := range as {
		if a.Type != graph.Object {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return as // "opposes the pipeline": the thing is all there is
	}
	return out
}

// without removes from as the actors in drop.
func without(as, drop []*actorRec) []*actorRec {
	out := as[:0:0]
	for _, a := range as {
		keep := true
		for _, d := range drop {
			if a == d {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, a)
		}
	}
	return out
}

// nameWords reports whether the tagger read any word of mention m as a
// proper noun: a name the dictionary lacks, not a capitalized word.
func (f *treeFinder) nameWords(m int) bool {
	for i, o := range f.owner {
		if o == m && f.s.Tokens[i].UPOS == "PROPN" {
			return true
		}
	}
	return false
}

func dedupRecs(as []*actorRec) []*actorRec {
	out := as[:0]
	for _, a := range as {
		dup := false
		for _, b := range out {
			if a == b {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}
