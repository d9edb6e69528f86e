package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
	"github.com/kg-project/kg/internal/loader/syntax"
)

// This file codes events on the dependency parse of a sentence. The
// vocabulary (which words trigger which codes, which prepositions introduce
// a target) is data: the lexicon and, when loaded, a PETRARCH verb
// dictionary. What is here is the structure, a few rules over the tree that
// hold for every trigger:
//
//   - the agent is the subject, or the by-phrase of a passive, or the
//     subject a clause inherits (coordinated verbs, control verbs, relative
//     clauses, participles);
//   - the target is the object or an oblique whose preposition the trigger
//     lists; a noun trigger takes its agent from a possessive, a
//     nationality modifier, a by-phrase or the subject of a light verb, and
//     its target from its prepositional modifiers;
//   - coordination spreads over agents and targets;
//   - a trigger under a verb of intent, threat, appeal, demand or refusal
//     is recoded (agreed to meet → 036, threatened to attack → 138, urged X
//     to withdraw → 0256) or negated, and conditions and futures set the
//     modality.

// treeFinder codes one parsed sentence.
type treeFinder struct {
	e     *Engine
	ds    *docState
	s     *syntax.Sentence
	toks  []token
	ms    []mention
	owner []int // word ID-1 → index of the mention covering it, or -1
	tokAt []int // word ID-1 → index of the extract token it starts in
	found []finding
	coded map[int]bool // words an event was coded from
	// consumed are the words a multi-word verb used up ("war" in "wage
	// war"): they code no event of their own.
	consumed []int
	inPerson bool            // personCountry is looking up an apposition
	words    map[string]bool // the sentence's forms and lemmas, lower case, built on first use
	// synsetHits caches how many words a synset matched at a word (0:
	// none).
	synsetHits map[synsetAt]int
	// tailRep is the speaker of a closing ", X said." and tailAt the
	// comma before it: what comes before is X's report.
	tailRep *actorRec
	tailAt  int
	noPlace bool // namedAt: a phrase's place does not name it
}

// parseSentence tokenizes and parses one sentence with the engine's
// model. The names the recognizer found are tagged as names before the
// tagger runs: a tagger trained on web text reads a sentence-initial
// "Beijing" as an auxiliary and "Soviet troops occupied" as a noun phrase.
func (e *Engine) parseSentence(text string, toks []token, ms []mention) *syntax.Sentence {
	s := syntax.Tokenize(text, 0)
	if s.Len() == 0 {
		return s
	}
	// The tagger's own reading first; only where it contradicts the
	// gazetteer (a name read as an auxiliary, a verb or a number) is the
	// word retagged before parsing.
	e.parser.Tag(s)
	keep := make([]bool, s.Len())
	for k := range ms {
		m := &ms[k]
		if m.kind != mDict && m.kind != mPerson && m.kind != mUnknown && m.kind != mComposed {
			continue
		}
		start, end := toks[m.start].start, toks[m.end-1].end
		for i := range s.Tokens {
			w := &s.Tokens[i]
			if m.kind == mComposed && w.End == end && w.Start >= start && !capitalized(w.Form) {
				// "Kenyan protesters": the role noun of a composed actor
				// is a noun, whatever the tagger made of it.
				if w.UPOS != "NOUN" && w.UPOS != "PROPN" {
					w.UPOS, w.XPOS = "NOUN", "NN"
					if strings.HasSuffix(w.Form, "s") {
						w.XPOS = "NNS"
					}
					keep[i] = true
				}
				continue
			}
			// A particle inside a person's name ("Lula da Silva", "Ursula
			// von der Leyen") is part of it.
			inner := m.kind == mPerson && w.Start > start && w.End < end && nameParticles[w.Form]
			if w.Start < start || w.End > end || w.Start < 0 || !capitalized(w.Form) && !inner {
				continue
			}
			switch w.UPOS {
			case "PROPN":
				continue
			case "NOUN", "ADJ", "X":
				if !inner {
					continue
				}
			}
			next := ""
			if i+1 < len(s.Tokens) {
				next = s.Tokens[i+1].Form
			}
			if m.demonym && next != "" && !capitalized(next) {
				w.UPOS, w.XPOS = "ADJ", "JJ"
			} else {
				w.UPOS, w.XPOS = "PROPN", "NNP"
			}
			keep[i] = true
		}
	}
	compounds := e.compoundNouns(s, keep)
	retagNumbers(s, keep)
	adjectivalParticiples(s, keep)
	verbAfterWeekday(s, keep)
	e.nounAfterDeterminer(s, keep)
	e.verbAfterModal(s, keep)
	e.passiveOfAdjective(s, keep)
	e.verbOfVerbless(s, keep)
	retag := false
	for _, k := range keep {
		retag = retag || k
	}
	if retag {
		for _, x := range compounds {
			keep[x] = true
		}
		e.parser.ParseRetagged(s, keep)
	} else {
		e.parser.ParseTagged(s)
	}
	objectConjuncts(s)
	return s
}

// objectConjuncts hangs on a verb's object the noun phrase the parser
// coordinated with the verb itself: "accused the United States and South
// Korea of rehearsing an invasion", read with "South Korea" a conjunct of
// "accused". A conjunct of a verb that is a noun with no clause of its own
// (no subject, object or auxiliary) and that follows the object right
// after its "and" is the object's.
func objectConjuncts(s *syntax.Sentence) {
	moved := false
	for i := range s.Tokens {
		c := &s.Tokens[i]
		if c.Rel != "conj" || c.UPOS != "NOUN" && c.UPOS != "PROPN" || c.Head <= 0 || s.Tokens[c.Head-1].UPOS != "VERB" {
			continue
		}
		id := i + 1
		cc, own := 0, false
		for _, k := range s.Children(id) {
			switch s.Tokens[k-1].Rel {
			case "cc":
				cc = k
			case "nsubj", "nsubj:pass", "obj", "aux", "aux:pass", "cop", "mark":
				own = true
			}
		}
		if cc == 0 || own {
			continue
		}
		o := s.Child(c.Head, "obj")
		if o <= 0 || o > id {
			continue
		}
		start, _ := s.Span(id)
		if _, end := s.Span(o); end+1 == start && start == cc {
			c.Head = o
			moved = true
		}
	}
	if moved {
		s.Reindex()
	}
}

// compoundNouns retags as nouns the words of a lexicon noun of several
// words that the tagger read as a verb: "police fired tear gas at
// protesters", "tear" read as the verb. It returns the positions of the
// compounds' nouns, which a sentence tagged again must keep: the tagger
// may read "tear" otherwise once "fired" is retagged before it.
func (e *Engine) compoundNouns(s *syntax.Sentence, keep []bool) (nouns []int) {
	for i := range s.Tokens {
		for _, ph := range e.lex.compounds.first[strings.ToLower(s.Tokens[i].Form)] {
			// The words in order, a hyphen allowed between two of them
			// ("wreath-laying" is three tokens).
			k, match := i, true
			for j, w := range ph.words {
				if j > 0 && k < len(s.Tokens) && s.Tokens[k].Form == "-" {
					k++
				}
				match = match && k < len(s.Tokens) && strings.EqualFold(s.Tokens[k].Form, w)
				k++
			}
			if !match {
				continue
			}
			for x := i; x < k; x++ {
				if w := &s.Tokens[x]; w.UPOS == "VERB" {
					w.UPOS, w.XPOS = "NOUN", "NN"
					keep[x] = true
				}
				if s.Tokens[x].UPOS == "NOUN" {
					nouns = append(nouns, x)
				}
			}
			break
		}
	}
	return nouns
}

// nounAfterDeterminer retags as a noun a noun trigger of the lexicon that
// the tagger read as a verb right after an article: "issued a warrant for
// Putin".
func (e *Engine) nounAfterDeterminer(s *syntax.Sentence, keep []bool) {
	for i := 1; i < len(s.Tokens); i++ {
		w, prev := &s.Tokens[i], &s.Tokens[i-1]
		if w.UPOS != "VERB" || prev.UPOS != "DET" || !articles[strings.ToLower(prev.Form)] {
			continue
		}
		for _, tr := range e.lex.triggers[strings.ToLower(w.Form)] {
			if tr.noun {
				w.UPOS, w.XPOS = "NOUN", "NN"
				keep[i] = true
				break
			}
		}
	}
}

// retagNumbers retags as numbers the number words the tagger read as
// something else: "Several hundred Myanmar exiles rallied" read "hundred"
// as the sentence's verb, "arrested eleven Chinese fishermen" "eleven" as
// a preposition.
func retagNumbers(s *syntax.Sentence, keep []bool) {
	for i := range s.Tokens {
		w := &s.Tokens[i]
		if w.UPOS == "NUM" || w.UPOS == "NOUN" {
			continue
		}
		switch low := strings.ToLower(w.Form); {
		case numberWords[low]:
			w.UPOS, w.XPOS = "NUM", "CD"
		case numberWords[strings.TrimSuffix(low, "s")] && (w.UPOS == "VERB" || w.UPOS == "AUX"):
			w.UPOS, w.XPOS = "NOUN", "NNS" // "hundreds of"
		default:
			continue
		}
		keep[i] = true
	}
}

// numberWords name numbers ("one" is also a pronoun, and left out).
var numberWords = toSet(`two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen
million billion trillion`)

// adjectivalParticiples retags as adjectives the participles that news
// uses as adjectives before a noun ("relations with neighbouring
// Djibouti", "the ruling party"), which the tagger read as verbs taking
// the noun as object, and a past participle between an article or a
// count and its noun ("released six detained American citizens", "the
// jailed journalist"), where no verb can stand.
func adjectivalParticiples(s *syntax.Sentence, keep []bool) {
	for i := 0; i+1 < len(s.Tokens); i++ {
		w, next := &s.Tokens[i], &s.Tokens[i+1]
		if w.UPOS != "VERB" || !nounWord(next) && next.UPOS != "ADJ" {
			continue
		}
		if !participleAdjectives[strings.ToLower(w.Form)] && !(i > 0 && pastForm(w) && countOrArticle(&s.Tokens[i-1])) {
			continue
		}
		w.UPOS, w.XPOS = "ADJ", "JJ"
		keep[i] = true
	}
}

// pastForm reports whether w is tagged a past form and ends in -ed.
func pastForm(w *syntax.Token) bool {
	return (w.XPOS == "VBD" || w.XPOS == "VBN") && strings.HasSuffix(strings.ToLower(w.Form), "ed")
}

// countOrArticle reports whether w is an article or a count, not a year
// ("in 2019 passed laws").
func countOrArticle(w *syntax.Token) bool {
	if articles[strings.ToLower(w.Form)] {
		return true
	}
	if w.UPOS != "NUM" {
		return false
	}
	if n, err := strconv.Atoi(w.Form); err == nil && n >= 1800 && n <= 2100 {
		return false
	}
	return true
}

// verbAfterWeekday retags as a past-tense verb a participle right after
// "on" and a weekday: wire leads put the day between subject and verb
// ("The European Union on Monday imposed sanctions on ..."), and the
// tagger, reading "Monday imposed" as a noun and its modifier, loses the
// sentence's verb.
func verbAfterWeekday(s *syntax.Sentence, keep []bool) {
	for i := 2; i < len(s.Tokens); i++ {
		w := &s.Tokens[i]
		if w.UPOS != "VERB" || w.XPOS != "VBN" || !weekdays[strings.ToLower(s.Tokens[i-1].Form)] || !strings.EqualFold(s.Tokens[i-2].Form, "on") {
			continue
		}
		w.XPOS = "VBD"
		keep[i] = true
	}
}

var weekdays = toSet(`monday tuesday wednesday thursday friday saturday sunday`)

// participleAdjectives are participles that, before a noun, describe it.
var participleAdjectives = toSet(`neighbouring neighboring ruling governing warring outgoing incoming`)

// articles are the determiners no verb follows.
var articles = toSet(`a an the`)

// modalWords take a bare verb after them.
var modalWords = toSet(`must will would shall should can could may might`)

// verbAfterModal retags as a verb a word of the verb vocabulary that the
// tagger read otherwise right after a modal ("must free the journalists",
// "will abandon the talks") or after "to" as an adjective or adverb
// ("told Belarus to free"): a trigger the tagger misses codes nothing.
func (e *Engine) verbAfterModal(s *syntax.Sentence, keep []bool) {
	for i := 1; i < len(s.Tokens); i++ {
		w, prev := &s.Tokens[i], strings.ToLower(s.Tokens[i-1].Form)
		if w.UPOS == "VERB" || w.UPOS == "AUX" || capitalized(w.Form) {
			continue
		}
		afterTo := prev == "to" && (w.UPOS == "ADJ" || w.UPOS == "ADV" ||
			// "asked NATO allies to station more troops": a noun right
			// before a determiner is no noun.
			w.UPOS == "NOUN" && i+1 < len(s.Tokens) && objectStart(&s.Tokens[i+1]))
		if !modalWords[prev] && !afterTo {
			continue
		}
		low := strings.ToLower(w.Form)
		if !e.isVerbWord(low) {
			continue
		}
		w.UPOS, w.XPOS, w.Lemma = "VERB", "VB", low
		keep[i] = true
	}
}

// verbOfVerbless retags as a past-tense verb the first word of the verb
// vocabulary in a past form (-ed, or an irregular one such as "set") when
// the tagger found no finite verb in the sentence: "RSF fighters
// massacred hundreds of civilians" read "massacred" as an adjective, "The
// European Union imposed sanctions on 17 Belarusian officials" as a
// participle modifying "sanctions", and a sentence of news without a verb
// is a misreading. A participle is retagged only after a noun and before
// an object, or after a plural noun and before a phrase an intransitive
// verb takes ("activists rallied outside the embassy"), not a by-phrase
// ("troops deployed by NATO").
func (e *Engine) verbOfVerbless(s *syntax.Sentence, keep []bool) {
	for i := range s.Tokens {
		w := &s.Tokens[i]
		// ("according to" is a preposition, whatever its tag; "..., a
		// rights group said" tells who reported the sentence, not what
		// it reports)
		if (w.UPOS == "VERB" || w.UPOS == "AUX") && finiteTags[w.XPOS] && !strings.EqualFold(w.Form, "according") && !attribution(s, i) {
			return
		}
	}
	for i := 1; i < len(s.Tokens); i++ {
		w := &s.Tokens[i]
		low := strings.ToLower(w.Form)
		if capitalized(w.Form) || !strings.HasSuffix(low, "ed") && !e.isPastVerbWord(low) {
			continue
		}
		switch w.UPOS {
		case "ADJ", "NOUN":
		case "VERB":
			if w.XPOS != "VBN" || i+1 == len(s.Tokens) {
				continue
			}
			prev, next := &s.Tokens[i-1], &s.Tokens[i+1]
			if !nounWord(prev) || !opensNounPhrase(next) && !(opensAdjunct(next) && plural(prev)) {
				continue
			}
		default:
			continue
		}
		if !e.isVerbWord(low) {
			continue
		}
		w.UPOS, w.XPOS = "VERB", "VBD"
		keep[i] = true
		return
	}
}

// finiteTags are the tags of finite verbs: a base form ("to break") and
// participles are not.
var finiteTags = toSet(`VBD VBZ VBP MD`)

// attribution reports whether word i is the verb of a trailing
// attribution: a verb of saying after a comma, with nothing but the
// speaker between ("..., a rights group said on Tuesday").
func attribution(s *syntax.Sentence, i int) bool {
	if !attributionVerbs[strings.ToLower(s.Tokens[i].Form)] {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		switch f := s.Tokens[k].Form; {
		case f == ",":
			return true
		case s.Tokens[k].UPOS == "VERB" || s.Tokens[k].UPOS == "AUX" || s.Tokens[k].UPOS == "PUNCT":
			return false
		}
	}
	return false
}

// attributionVerbs are the past and present forms of the verbs news
// attributes a report with.
var attributionVerbs = toSet(`said says told tells reported reports added adds stated states`)

func nounWord(w *syntax.Token) bool { return w.UPOS == "NOUN" || w.UPOS == "PROPN" }

func plural(w *syntax.Token) bool { return w.XPOS == "NNS" || w.XPOS == "NNPS" }

// opensAdjunct reports whether w can begin a phrase an intransitive verb
// takes ("rallied outside the embassy"), a by-phrase excepted: after a
// participle it names the doer of a passive.
func opensAdjunct(w *syntax.Token) bool {
	return (w.UPOS == "ADP" || w.UPOS == "ADV") && !strings.EqualFold(w.Form, "by")
}

// opensNounPhrase reports whether w can begin a noun phrase.
func opensNounPhrase(w *syntax.Token) bool {
	switch w.UPOS {
	case "DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON":
		return true
	}
	return false
}

// objectStart reports whether w can only open a noun phrase of its own:
// a determiner, a number or a quantity.
func objectStart(w *syntax.Token) bool {
	switch w.UPOS {
	case "DET", "NUM":
		return true
	}
	switch strings.ToLower(w.Form) {
	case "more", "fewer", "its", "their", "his", "her":
		return true
	}
	return false
}

// isVerbWord reports whether w is a verb of the lexicon or of the verb
// dictionary.
// isPastVerbWord reports whether w is a past form of a verb of the
// vocabulary ("set", "struck", "banned").
func (e *Engine) isPastVerbWord(w string) bool {
	for _, tr := range e.lex.triggers[w] {
		if !tr.noun && tr.pastPart {
			return true
		}
	}
	return false
}

// passiveOfAdjective retags as a passive participle a past form of the
// verb vocabulary that the tagger read as an adjective after a form of
// "be", when a by-phrase follows: "the embassy was set on fire by
// protesters" is an act with its doer, not a state.
func (e *Engine) passiveOfAdjective(s *syntax.Sentence, keep []bool) {
	by := -1
	for i := len(s.Tokens) - 1; i >= 0; i-- {
		if strings.EqualFold(s.Tokens[i].Form, "by") {
			by = i
			break
		}
	}
	for i := 1; i < by; i++ {
		w := &s.Tokens[i]
		low := strings.ToLower(w.Form)
		if w.UPOS != "ADJ" || !beWords[strings.ToLower(s.Tokens[i-1].Form)] {
			continue
		}
		if (strings.HasSuffix(low, "ed") && e.isVerbWord(low)) || e.isPastVerbWord(low) {
			w.UPOS, w.XPOS = "VERB", "VBN"
			keep[i] = true
		}
	}
}

func (e *Engine) isVerbWord(w string) bool {
	for _, tr := range e.lex.triggers[w] {
		if !tr.noun {
			return true
		}
	}
	return e.verbs != nil && (len(e.verbs.Form(w)) > 0 || len(e.verbs.Lookup(w)) > 0)
}

func capitalized(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// treeFind codes the events of one sentence from its parse. ms are the
// actor mentions the recognizer found over toks.
func (e *Engine) treeFind(ds *docState, text string, toks []token, ms []mention) []finding {
	if !e.worthParsing(toks, ms) {
		return nil
	}
	s := e.parseSentence(text, toks, ms)
	if s.Len() == 0 {
		return nil
	}
	found := e.findOn(ds, s, toks, ms)
	if s2, cut := withoutFronted(s); s2 != nil {
		// "Soon after independence in 1947, government leaders in the
		// United States and the Soviet Union invited ...", read with a
		// noun as its root: the clause parsed without its fronted
		// phrase, whose own events are kept.
		e.parser.ParseTagged(s2)
		if r := s2.Root(); r > 0 && s2.Token(r).UPOS == "VERB" {
			var kept []finding
			for _, fd := range found {
				if toks[fd.trig].end <= cut {
					kept = append(kept, fd)
				}
			}
			found = append(kept, e.findOn(ds, s2, toks, ms)...)
		}
	}
	// The parse lost the clause's verb when nothing was found, or when its
	// root is no verb: "U.N. Secretary-General Antonio Guterres on
	// Wednesday called on ...", read with the title as root and the
	// verb as a modifier of the name. The clause is parsed again without
	// what threw the parser, and that reading is taken when it finds
	// something with a verb as root (or when nothing was found at all).
	lost := func() bool {
		r := s.Root()
		return len(found) == 0 || r > 0 && s.Token(r).UPOS != "VERB"
	}
	retry := func(s2 *syntax.Sentence, needVerb bool) bool {
		e.parser.ParseTagged(s2)
		r := s2.Root()
		if (needVerb || len(found) > 0) && (r <= 0 || s2.Token(r).UPOS != "VERB") {
			return false
		}
		if f2 := e.findOn(ds, s2, toks, ms); len(f2) > 0 || len(found) == 0 {
			found = f2
			return len(f2) > 0
		}
		return false
	}
	if lost() {
		// "Kenya on Monday denied accusations by Uganda": a date between
		// subject and verb.
		if s2 := withoutDate(s); s2 != nil && retry(s2, false) {
			return found
		}
		// "Serbian President Aleksandar Vucic and Kosovo Prime Minister
		// Albin Kurti held talks": a run of titles and names the parser
		// lost the subject or the verb in; the clause parsed with the
		// names alone.
		if s2 := e.withoutTitles(s, toks, ms); s2 != nil {
			retry(s2, true)
		}
	}
	return found
}

// withoutTitles returns a copy of tagged sentence s without the words
// before the personal names of titled persons ("Serbian President" of
// "Serbian President Aleksandar Vucic", and a title phrase of its own
// right before a name, "Kosovo Prime Minister" before "Albin Kurti"),
// unparsed; nil when there are none. The names keep their actors, which
// carry the titles' country and role.
func (e *Engine) withoutTitles(s *syntax.Sentence, toks []token, ms []mention) *syntax.Sentence {
	var cuts [][2]int // character spans to leave out
	for k, m := range ms {
		if m.actor == nil {
			continue
		}
		if k > 0 && ms[k-1].end == m.start && ms[k-1].kind == mComposed && ms[k-1].actor != nil {
			if _, title := e.lex.titleRole[toks[m.start-1].low]; title {
				cuts = append(cuts, [2]int{toks[ms[k-1].start].start, toks[m.start].start})
			}
		}
		if m.actor.Type != graph.Person || len(m.actor.nameToks) == 0 {
			continue
		}
		var words []int
		for i := m.start; i < m.end; i++ {
			if toks[i].word {
				words = append(words, i)
			}
		}
		if n := len(m.actor.nameToks); len(words) > n {
			cuts = append(cuts, [2]int{toks[m.start].start, toks[words[len(words)-n]].start})
		}
	}
	if len(cuts) == 0 {
		return nil
	}
	return sentenceOf(s, func(_ int, t *syntax.Token) bool {
		return !slices.ContainsFunc(cuts, func(c [2]int) bool { return t.Start >= c[0] && t.Start < c[1] })
	})
}

// sentenceOf returns a copy of tagged sentence s with the words keep
// keeps, unparsed: for parsing a clause again without a phrase that threw
// the parser.
func sentenceOf(s *syntax.Sentence, keep func(i int, t *syntax.Token) bool) *syntax.Sentence {
	s2 := &syntax.Sentence{Text: s.Text}
	for i, t := range s.Tokens {
		if !keep(i, &t) {
			continue
		}
		t.ID, t.Head, t.Rel = len(s2.Tokens)+1, 0, ""
		s2.Tokens = append(s2.Tokens, t)
	}
	return s2
}

// findOn codes the parsed sentence s.
func (e *Engine) findOn(ds *docState, s *syntax.Sentence, toks []token, ms []mention) []finding {
	f := &treeFinder{e: e, ds: ds, s: s, toks: toks, ms: ms, coded: map[int]bool{}}
	f.align()
	f.tailSpeaker()
	for id := 1; id <= s.Len(); id++ {
		f.word(id)
	}
	f.governors()
	return f.dropNested(f.found)
}

// withoutDate returns a copy of tagged sentence s without its first "on
// Monday" or "on May 20" standing between a noun and a verb, unparsed;
// nil when it has none.
func withoutDate(s *syntax.Sentence) *syntax.Sentence {
	ts := s.Tokens
	for k := 1; k+2 < len(ts); k++ {
		if !strings.EqualFold(ts[k].Form, "on") || !weekdaysMonths[strings.ToLower(ts[k+1].Form)] {
			continue
		}
		end := k + 2
		for end < len(ts) && (ts[end].UPOS == "NUM" || ts[end].Form == ",") && end < k+5 {
			end++
		}
		if end >= len(ts) || ts[end].UPOS != "VERB" && ts[end].UPOS != "AUX" {
			continue
		}
		if u := ts[k-1].UPOS; u != "PROPN" && u != "NOUN" {
			continue
		}
		return sentenceOf(s, func(i int, _ *syntax.Token) bool { return i < k || i >= end })
	}
	return nil
}

// withoutFronted returns a copy of tagged sentence s without the
// adverbial phrase before its first comma, and the byte offset where the clause starts,
// when the parse has no verb as its root though a verb follows the comma;
// nil when there is nothing to cut.
func withoutFronted(s *syntax.Sentence) (*syntax.Sentence, int) {
	r := s.Root()
	if r == 0 || s.Token(r).UPOS == "VERB" {
		return nil, 0
	}
	ts := s.Tokens
	if u := ts[0].UPOS; u != "ADV" && u != "ADP" && u != "SCONJ" {
		return nil, 0 // not an adverbial: "Sudan, which expelled ..."
	}
	comma := -1
	for k := 1; k < len(ts) && k < 15; k++ {
		if ts[k].Form == "," {
			comma = k
			break
		}
	}
	if comma < 0 || comma+3 >= len(ts) {
		return nil, 0
	}
	verb := false
	for _, t := range ts[comma+1:] {
		verb = verb || t.UPOS == "VERB"
	}
	if !verb {
		return nil, 0
	}
	return sentenceOf(s, func(i int, _ *syntax.Token) bool { return i > comma }), ts[comma].End
}

// dropNested drops an event whose trigger noun lies in the object of a
// verb coded with the same root and the same actors: "paid an official
// visit to the US" is one visit, coded by the verb pattern.
func (f *treeFinder) dropNested(found []finding) []finding {
	out := make([]finding, 0, len(found))
	for i, b := range found {
		nested := false
		for j, a := range found {
			if i == j || a.word == b.word || f.tok(a.word).UPOS != "VERB" || f.tok(b.word).UPOS == "VERB" {
				continue
			}
			if cameo.Root(a.code) != cameo.Root(b.code) || !sameRecs(a.agents, b.agents) || !sameRecs(a.targets, b.targets) {
				continue
			}
			if o := f.s.Child(a.word, "obj"); o > 0 && (o == b.word || f.s.Ancestor(o, b.word)) {
				nested = true
				break
			}
		}
		// "Russia intended to host peace talks between Pakistan and
		// India": a verb whose complement was coded with the same actors
		// is that act's intent or plan, which the complement's event
		// carries as its modality or code; not so a verb that stops
		// its complement ("stopped inviting", coded as a reduction).
		// A verb a user's dictionary codes ("URGE [102]") keeps its code,
		// and the complement recoded under it goes instead.
		if c := f.complement(b.word); c > 0 && f.tok(b.word).UPOS == "VERB" && !b.userCode {
			for j, a := range found {
				if j != i && a.word == c && !a.negated && sameRecs(a.agents, b.agents) && sameRecs(a.targets, b.targets) {
					nested = true
					break
				}
			}
		}
		if !nested && !b.userCode && isDictRule(b.rule) && f.tok(b.word).UPOS == "VERB" {
			// "issued arrest warrants for": the embedded dictionary's
			// pattern ISSUE WARRANT codes the verb with its noun (100),
			// the lexicon the noun itself (173); the lexicon ranks above
			// it, and one act gets one code. (Codes of one root are one
			// act already, see above.)
			if o := f.s.Child(b.word, "obj"); o > 0 {
				for j, a := range found {
					if j != i && !isDictRule(a.rule) && a.word == o && cameo.Root(a.code) != cameo.Root(b.code) && sameRecs(a.agents, b.agents) && sameRecs(a.targets, b.targets) {
						nested = true
						break
					}
				}
			}
		}
		if t := f.tok(b.word); !nested && (t.Rel == "xcomp" || t.Rel == "ccomp" || t.Rel == "advcl") {
			for j, a := range found {
				if j != i && a.userCode && a.word == t.Head && f.complement(a.word) == b.word && sameRecs(a.agents, b.agents) && sameRecs(a.targets, b.targets) {
					nested = true
					break
				}
			}
		}
		if !nested {
			out = append(out, b)
		}
	}
	return out
}

// sameRecs reports whether a and b hold the same actors, in any order.
func sameRecs(a, b []*actorRec) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// worthParsing reports whether a sentence can yield an event, so that only
// those are parsed: it needs two actors (or a pair, "the two countries")
// and a word of the vocabulary.
func (e *Engine) worthParsing(toks []token, ms []mention) bool {
	var first *actorRec
	actors := 0
	for i := range ms {
		m := &ms[i]
		switch {
		case m.pair != nil:
			actors += 2
		case m.actor != nil && m.actor != first:
			if first == nil {
				first = m.actor
			}
			actors++
		}
	}
	if actors == 1 && len(toks) > 0 && toks[0].cap && toks[0].word && !functionWords[toks[0].low] && (len(ms) == 0 || ms[0].start > 0) {
		actors++ // a name opening the sentence, which the tagger may confirm
	}
	if actors == 1 {
		// "Eritrean security forces tortured detained journalists": force
		// against people the text gives no country, who are the agent's;
		// "Kenyan teachers went on strike": a protest at home.
		// "Haiti's opposition parties demanded the resignation of the
		// prime minister": a state's organ named without its country.
		return e.forceOnPeopleIn(toks, ms) || e.protestIn(toks) || e.bareOfficeIn(toks, ms) && e.triggerIn(toks)
	}
	if actors < 2 {
		return false
	}
	return e.triggerIn(toks)
}

// triggerIn reports whether a word of toks is in the vocabulary.
func (e *Engine) triggerIn(toks []token) bool {
	for i := range toks {
		if e.lex.triggers[toks[i].low] != nil || len(e.verbs.Form(toks[i].low)) > 0 {
			return true
		}
	}
	return false
}

// bareOfficeIn reports whether a word outside any actor's name names a
// state organ or office, or the armed groups and opposition a state
// faces at home: "the prime minister", "the police", "the rebels".
func (e *Engine) bareOfficeIn(toks []token, ms []mention) bool {
	covered := coveredBy(toks, ms)
	for i, t := range toks {
		if covered[i] || !t.word {
			continue
		}
		if role, ok := e.lex.roles.word(t.low); ok && (stateRoles[role] || role == "REB" || role == "INS" || role == "OPP") {
			return true // "the prime minister", "a truce with the rebels"
		}
		if _, ok := e.lex.personRoles.word(t.low); ok {
			return true
		}
		if h := e.hooks.Agent; h != nil {
			// "A gunman shot dead a Pakistani judge": an armed agent no
			// text gives a country to acts in the country of the other.
			if code, before, n, ok := h([]string{t.low}); ok && n == 1 && !before && armedRoles[agentRole(code)] {
				return true
			}
		}
	}
	return false
}

// coveredBy marks the tokens inside an actor's mention.
func coveredBy(toks []token, ms []mention) []bool {
	covered := make([]bool, len(toks))
	for _, m := range ms {
		for k := m.start; k < m.end && k < len(toks); k++ {
			covered[k] = true
		}
	}
	return covered
}

// forceOnPeopleIn reports whether a sentence has a verb of force against
// people (arrest, torture, killing) and a noun for people outside any
// actor's name.
func (e *Engine) forceOnPeopleIn(toks []token, ms []mention) bool {
	covered := coveredBy(toks, ms)
	force, people := false, false
	for i, t := range toks {
		for _, tr := range e.lex.triggers[t.low] {
			force = force || !tr.noun && forceOnPeople(tr.rule.Code)
		}
		people = people || !covered[i] && e.lex.peopleNoun(t.low)
	}
	return force && people
}

// forceOnPeople reports whether code is a use of force or coercion that
// falls on people: arrest, torture, killing, mass violence.
// protestIn reports whether a word of toks can name a protest (14).
func (e *Engine) protestIn(toks []token) bool {
	for i, t := range toks {
		keys := []string{t.low}
		if i+1 < len(toks) {
			keys = append(keys, t.low+" "+toks[i+1].low) // "on strike"
		}
		for _, k := range keys {
			for _, tr := range e.lex.triggers[k] {
				if cameo.Root(tr.rule.Code) == "14" {
					return true
				}
			}
		}
	}
	return false
}

func forceOnPeople(code string) bool {
	switch cameo.Root(code) {
	case "17", "18", "19", "20":
		return true
	}
	return false
}

// atHome reports whether an act of force is done by an organ of a country
// to that country or its people: "Kenyan police arrested protesters in
// Nairobi" is an event between the organ and its country's people; so
// is a show of force there ("deployed riot police in Islamabad").
func atHome(code string, agents, targets []*actorRec) bool {
	if !forceOnPeople(code) && cameo.Root(code) != "15" || len(agents) != 1 || agents[0].country == nil {
		return false
	}
	for _, t := range targets {
		if t == agents[0].country || t.country == agents[0].country {
			return true
		}
	}
	return false
}

// align maps the parser's words onto the recognizer's tokens and mentions
// by byte offsets; both tokenizers cut the same text.
func (f *treeFinder) align() {
	n := f.s.Len()
	f.owner = make([]int, n)
	f.tokAt = make([]int, n)
	k := 0
	for i := range f.owner {
		f.owner[i] = -1
		w := f.s.Token(i + 1)
		start := w.Start
		if start < 0 && i > 0 {
			start = f.s.Token(i).End // a contraction's second part
		}
		for k+1 < len(f.toks) && f.toks[k+1].start <= start {
			k++
		}
		f.tokAt[i] = k
	}
	for m := range f.ms {
		ms, me := f.toks[f.ms[m].start].start, f.toks[f.ms[m].end-1].end
		for i := range f.owner {
			w := f.s.Token(i + 1)
			if w.Start >= ms && w.End <= me && w.Start >= 0 {
				f.owner[i] = m
			}
		}
	}
}

func (f *treeFinder) tok(id int) *syntax.Token { return f.s.Token(id) }

func (f *treeFinder) low(id int) string { return strings.ToLower(f.tok(id).Form) }

func (f *treeFinder) lemma(id int) string { return strings.ToLower(f.tok(id).Lemma) }

// word tries every trigger the word can be.
func (f *treeFinder) word(id int) {
	t := f.tok(id)
	switch t.UPOS {
	case "VERB":
		f.verb(id)
	case "ADJ":
		// A predicate adjective of the lexicon ("was confident that
		// Cambodia would settle", "is interested in buying") codes as
		// its verbs do; a verb dictionary's patterns are for verbs.
		if f.s.Child(id, "cop") > 0 || t.Rel == "ccomp" || t.Rel == "xcomp" || t.Rel == "root" {
			f.lexiconVerb(id)
		}
	case "NOUN", "PROPN":
		if f.owner[id-1] >= 0 && t.UPOS == "PROPN" {
			return // part of an actor's name
		}
		f.noun(id)
	}
}

// triggersOf returns the lexicon triggers of a word, by form and by lemma.
func (f *treeFinder) triggersOf(id int, noun bool) []trigger {
	type key struct {
		rule *VerbRule
		rest string
	}
	var out []trigger
	seen := map[key]bool{}
	keys := []string{f.low(id), f.lemma(id)}
	if noun && id > 1 {
		// Nouns of two words: "air strike", "hunger strike", "ethnic
		// cleansing", "atomic bombing", before the head alone; split at
		// a hyphen, "wreath-laying".
		prev := f.low(id - 1)
		if prev == "-" && id > 2 {
			prev = f.low(id - 2)
		}
		keys = append([]string{prev + " " + f.low(id), prev + " " + f.lemma(id)}, keys...)
	}
	for _, w := range keys {
		for _, tr := range f.e.lex.triggers[w] {
			// One rule has several multi-word verbs ("host talks", "host
			// a peace conference"): each is a trigger of its own.
			k := key{tr.rule, strings.Join(tr.rest, " ")}
			if tr.noun != noun || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, tr)
		}
	}
	if !noun {
		sort.SliceStable(out, func(i, j int) bool { return specificity(out[i]) > specificity(out[j]) })
	}
	return out
}

// ----- verbs -----

func (f *treeFinder) verb(v int) {
	if f.haltsObject(v) {
		return // the event noun codes the halt: "broke off negotiations"
	}
	// A verb dictionary a user loaded speaks for the verbs it lists, verbs
	// of appeal or intent included ("URGE [102]"); the lexicon for the
	// others.
	if fd, ok := f.dictVerb(v, false); ok {
		f.add(fd)
		return
	}
	if f.lexiconVerb(v) {
		return
	}
	if fd, ok := f.dictVerb(v, true); ok {
		f.add(fd)
	}
}

// lexiconVerb codes predicate v by the lexicon's verb rules, or leaves it
// to its complement (see governors); it reports whether v is dealt with.
func (f *treeFinder) lexiconVerb(v int) bool {
	if f.controlClass(v) != nil && f.complement(v) > 0 {
		return true
	}
	for _, tr := range f.triggersOf(v, false) {
		if fd, ok := f.verbEvent(v, tr); ok {
			f.add(fd)
			return true
		}
	}
	return false
}

// otherSense reports whether verb v, of a rule whose targets come by its
// prepositions and whose object is an instrument (its Words: one fires
// rockets at someone), has an object that is none of those and no
// prepositional target: "shot a documentary", "fired an aide" are other
// verbs.
func (f *treeFinder) otherSense(v int, r *VerbRule) bool {
	o := f.s.Child(v, "obj")
	if o <= 0 || len(f.actorsAt(o)) > 0 {
		return false
	}
	for _, wc := range r.Words {
		if f.requiredIn(o, wc.Words) {
			return false
		}
	}
	for _, c := range f.obliques(v) {
		// "disbursed $150 million in grants": the thing the rule asks
		// for may come in a phrase of its own.
		if contains(r.Preps, f.caseOf(c)) || f.wordIn(r.Requires, c) {
			return false
		}
	}
	return true
}

// verbEvent codes verb v under one trigger.
func (f *treeFinder) verbEvent(v int, tr trigger) (finding, bool) {
	r := tr.rule
	if v > 2 && f.low(v-1) == "-" && f.tok(v-2).UPOS == "NOUN" && !f.toks[f.tokAt[v-2]].space && !f.toks[f.tokAt[v-1]].space {
		// "earthquake-hit Afghanistan", "war-torn Sudan": a compound
		// adjective, whatever the parse made of its verb.
		return finding{}, false
	}
	if f.tok(v).Rel == "amod" && len(f.s.Children(v)) == 0 {
		// "targeted sanctions", "a besieged city": a participle that
		// only describes its noun names no act of its own here.
		return finding{}, false
	}
	restPrep := ""
	consumed := len(f.consumed)
	for _, w := range tr.rest {
		p, ok := f.restWord(v, w)
		if !ok {
			f.consumed = f.consumed[:consumed]
			return finding{}, false
		}
		if p != "" {
			restPrep = p
		}
	}
	if len(r.Requires) > 0 && restPrep != "" && !verbParticles[restPrep] && !f.requiredAfter(v, restPrep, r.Requires) {
		// "withdraw from" an agreement: the word is what the verb's own
		// preposition governs, not "withdrew from villages under the
		// terms of the ceasefire agreement".
		f.consumed = f.consumed[:consumed]
		return finding{}, false
	}
	if len(r.Requires) > 0 && !f.requires(v, r.Requires) || r.Directive && !f.directs(v) {
		f.consumed = f.consumed[:consumed]
		return finding{}, false
	}
	if r.Code == "042" && len(tr.rest) == 0 {
		// Word sense: one flies or travels to a place, but "flew weapons
		// to the RSF" carries a thing.
		if o := f.s.Child(v, "obj"); o > 0 && len(f.actorsAt(o)) == 0 && !venueNouns[f.lemma(o)] {
			f.consumed = f.consumed[:consumed]
			return finding{}, false // (attending a summit somewhere is a visit there)
		}
	}
	if f.makesAppeal(v, r.Code) {
		f.consumed = f.consumed[:consumed]
		return finding{}, false
	}
	if q := cameo.QuadClass(r.Code); q == cameo.MaterialConflict && cameo.Root(r.Code) >= "18" {
		if o := f.s.Child(v, "obj"); o > 0 && measureNouns[f.lemma(o)] {
			// "targeted sanctions on South Sudan", "hit Chinese goods
			// with tariffs": a measure aimed at someone is no force.
			f.consumed = f.consumed[:consumed]
			return finding{}, false
		}
	}
	if r.PeopleOnly {
		if p := f.patient(v, f.isPassive(v)); p > 0 && f.tok(p).UPOS == "NOUN" && len(f.namedAt(p)) == 0 &&
			f.roleOf(p) == "" && !f.peopleWord(p) && !quantityWords[f.lemma(p)] {
			f.consumed = f.consumed[:consumed]
			return finding{}, false // "executed its strategy", "killed the deal": another sense
		}
	}
	if !r.Direct && len(r.Words) > 0 && len(tr.rest) == 0 && f.otherSense(v, r) {
		f.consumed = f.consumed[:consumed]
		return finding{}, false
	}
	if f.tok(v).UPOS == "ADJ" {
		if fd, ok := f.judgement(v, r); ok {
			return fd, true
		}
	}
	agents, passive := f.subject(v)
	var targets []*actorRec
	home := false // the agent's own people as the target
	if passive {
		targets = agents
		agents = f.byAgent(v)
	} else {
		if r.Direct || len(tr.rest) > 0 && restPrep == "" {
			objs := f.s.ChildrenByRel(v, "obj")
			if len(objs) == 0 {
				// "hosted Indian and Pakistani leaders", its object read
				// as a predicate: a name there is the object.
				for _, x := range f.s.ChildrenByRel(v, "xcomp") {
					if f.tok(x).UPOS != "VERB" && f.owner[x-1] >= 0 {
						objs = append(objs, x)
					}
				}
			}
			for _, o := range objs {
				if len(tr.rest) > 0 && slices.Contains(f.consumed[consumed:], o) {
					continue // the verb's own word: "hosted a peace conference in Tashkent"
				}
				if m := f.owner[o-1]; r.ModifierOnly && m >= 0 && !f.ms[m].modifier && !f.ms[m].weapon {
					continue // the rule takes "procured Russian frigates", not "procured France"
				}
				if cameo.Root(r.Code) == "04" || r.NamedOnly {
					// One visits, hosts or meets an actor, not what it
					// owns: "welcomed Russia's offer" hosts nobody.
					targets = append(targets, f.namedAt(o)...)
					continue
				}
				targets = append(targets, f.objectActors(v, o)...)
			}
		}
		for _, o := range f.s.ChildrenByRel(v, "iobj") {
			targets = append(targets, f.actorsAt(o)...)
		}
	}
	preps := r.Preps
	if restPrep != "" {
		preps = append([]string{restPrep}, preps...)
	}
	// With a target named as the object, a city the act happened in is
	// where that target was: "stormed the Swedish embassy in Baghdad".
	objectNamed := len(targets) > 0
	for _, o := range f.obliques(v) {
		if objectNamed && f.caseOf(o) == "in" && f.cityAt(o) {
			continue
		}
		if p := f.caseOf(o); p != "" && contains(preps, p) && !f.venue(o, r) {
			if f.topic(o, r.Code) {
				continue // "a call on the Gaza negotiations": a topic, whose parties are another act's
			}
			as := f.actorsAt(o)
			if len(as) > 0 && len(without(as, agents)) == 0 {
				// "sent troops to its border with Belarus": the agent's
				// own place faces the neighbour it names.
				for _, c := range f.s.ChildrenByRel(o, "nmod") {
					if f.caseOf(c) == "with" {
						as = append(as, f.actorsAt(c)...)
					}
				}
			}
			targets = append(targets, as...)
		}
	}
	named := len(targets) > 0 // by the object or the rule's own prepositions
	if len(targets) == 0 {
		// "shared intelligence on the plot with the United States": the
		// target's phrase hung on another phrase of the verb.
		for _, o := range f.obliques(v) {
			if o < v || contains(preps, f.caseOf(o)) || len(f.triggersOf(o, true)) > 0 && !f.wordIn(r.Requires, o) {
				// "engaged in a gun battle with": the event noun's own
				// target; but the thing the rule asks for ("disbursed
				// $150 million in grants to Kenya") is this act's.
				continue
			}
			targets = append(targets, f.hungTargets(o, preps)...)
		}
	}
	if len(targets) == 0 && !passive {
		// "airlifted tents, blankets and medical supplies to Morocco":
		// the parse hung the verb's phrase on its object; "the
		// sanctions that the EU imposed on Russia": on the noun its
		// relative clause lacks as object.
		objs := f.s.ChildrenByRel(v, "obj")
		if h := f.gapObject(v); h > 0 {
			objs = append(objs, h)
		}
		for _, o := range objs {
			targets = append(targets, f.hungTargets(o, preps)...)
			for _, c := range f.s.ChildrenByRel(o, "conj") {
				targets = append(targets, f.hungTargets(c, preps)...)
			}
		}
	}
	if len(targets) == 0 && (len(r.Requires) > 0 || cameo.Root(r.Code) == "01") {
		targets = f.deeperTargets(v, preps)
	}
	if len(targets) == 0 && cameo.Root(r.Code) == "01" {
		// A statement's target is whom its clause is about: "was
		// confident that Cambodia would settle the border".
		if c := f.s.Child(v, "ccomp"); c > 0 {
			if as, pass := f.subject(c); !pass {
				targets = as
			}
		}
	}
	if len(targets) == 0 && len(r.Requires) > 0 && !passive {
		// "suspended Sudan's membership", "froze the assets of Russia's
		// central bank": the owner of the thing the rule asks for.
		for _, o := range f.s.ChildrenByRel(v, "obj") {
			if !f.wordIn(r.Requires, o) {
				continue
			}
			for _, c := range f.s.Children(o) {
				if rel := f.tok(c).Rel; rel == "nmod:poss" || rel == "nmod" && f.caseOf(c) == "of" {
					targets = append(targets, f.actorsAt(c)...)
				}
			}
		}
	}
	if len(targets) == 0 && !passive && contains(r.Preps, "to") {
		targets = f.recipientInObject(v)
	}
	if len(targets) == 0 && !passive && contains(r.Preps, "to") && len(r.Requires) > 0 {
		// "sent Ukraine two more air-defence systems": with the thing
		// sent named elsewhere, an actor as the object is the recipient.
		if o := f.s.Child(v, "obj"); o > 0 && !f.requiredIn(o, r.Requires) {
			targets = append(targets, f.namedAt(o)...)
		}
	}
	if len(targets) == 0 && !passive && cameo.Root(r.Code) == "04" {
		targets = f.meetingParticipants(v)
	}
	if len(targets) == 0 && !passive && contains(r.Preps, "to") && len(r.Requires) > 0 {
		// "sent 40 trucks loaded with food, flour and medical supplies
		// to Syria": the to-phrase the parser hung deep in what is given.
		targets = f.recipients(v)
	}
	// "massed troops on its border with Ukraine": the agent's own place
	// is no target; the fallbacks below look further. (A protest at home
	// is the people against their country, see domestic.)
	if as := f.postedTo(v, agents); len(as) > 0 {
		targets = as
	}
	if cameo.Root(r.Code) != "14" {
		targets = without(targets, agents)
	}
	if len(targets) == 0 && !passive && r.ModifierTarget {
		// "treated India as an ally": the object is whose the required
		// thing is.
		for _, o := range f.s.ChildrenByRel(v, "obj") {
			targets = append(targets, f.namedAt(o)...)
		}
	}
	if len(targets) == 0 && !passive {
		targets = f.sharedObject(v, r)
	}
	if ag := agents; len(targets) == 0 && !passive && forceOnPeople(r.Code) && f.tok(v).XPOS != "VBG" && f.clauseCountry(v) != nil {
		if len(ag) == 0 {
			ag = f.bareRole(f.subjectWord(v), v, nil) // "ELN guerrillas"
		}
		known := len(ag) > 0 && !allUnknown(ag)
		// "kidnapped a soldier and two police officers at a roadblock in
		// Colombia's Arauca department": a state's forces named by their
		// role alone, where the act happened, are that country's; the
		// place is no target of its own. (A participle's toll, "killing
		// 12 people", adds nothing to its clause's act.)
		for _, t := range f.bareRole(f.object(v), v, nil) {
			if known && stateRoles[roleOfActor(t)] {
				targets = append(targets, t)
			}
		}
	}
	if len(targets) == 0 {
		targets = f.objectModifiers(v, r, preps)
	}
	if len(targets) == 0 && cameo.Root(r.Code) == "09" {
		// "investigated human rights abuses in Myanmar": wrongs looked
		// into are the country's where they were done.
		if o := f.object(v); o > 0 && wrongNouns[f.lemma(o)] {
			// (The parser hangs the place on the verb as often as on
			// the wrongs.)
			for _, c := range append(f.s.ChildrenByRel(o, "nmod"), f.s.ChildrenByRel(v, "obl")...) {
				if f.caseOf(c) == "in" {
					for _, a := range f.actorsAt(c) {
						if a.isCountry() {
							targets = append(targets, a)
						}
					}
				}
			}
		}
	}
	if len(targets) > 0 && allObjects(targets) && contains(preps, "to") {
		// "supplied MI-35 helicopters worth $153 million to Pakistan":
		// the recipient before the thing given, wherever in the clause
		// the parser hung its to-phrase.
		if rs := f.recipients(v); len(rs) > 0 {
			targets = rs
		}
	}
	if len(targets) == 0 && !passive && len(agents) > 0 && oneCountry(agents) && forceOnPeople(r.Code) {
		// People no text gives a country to, at the hands of an organ of
		// a country, are that country's: "Eritrean security forces
		// tortured detained journalists".
		o := f.object(v)
		if o > 0 && f.roleOf(o) == "" && !f.peopleWord(o) {
			// "used sarin against civilians": the people are in the
			// phrase the weapon is used against.
			for _, b := range f.obliques(v) {
				if p := f.caseOf(b); (p == "against" || p == "on") && (f.roleOf(b) != "" || f.peopleWord(b)) {
					o = b
					break
				}
			}
		}
		if o > 0 && len(f.actorsAt(o)) == 0 {
			o = f.counted(o) // "hundreds of demonstrators"
			c := agents[0].country
			if p := f.clauseCountry(v); p != nil && c != nil && p.ID != c.ID {
				// "Israeli warplanes struck a building in Gaza City,
				// killing 12 people": people where the act happened.
				c = p
			}
			if c != nil && agents[0] != c {
				role := f.roleOf(o)
				if role == "" && f.peopleWord(o) {
					role = "CVL"
				}
				if abroad := f.sentTo(v, c); role != "" && abroad != nil {
					// "deployed police officers to Haiti to help fight
					// gangs": the people are where the agent was sent.
					targets = []*actorRec{f.composeRole(abroad, role)}
				} else if role != "" {
					targets = []*actorRec{f.composeRole(c, role)}
					home = true
				}
			}
		}
	}
	if len(agents) == 0 && !passive {
		agents = f.bareRole(f.subjectWord(v), v, targets)
	}
	if len(targets) == 0 && !passive {
		targets = f.meansTargets(v)
	}
	if len(targets) == 0 && !passive && len(agents) > 0 && oneCountry(agents) {
		if home := f.homeOf(agents[0]); home != nil {
			targets = f.homeAdversaries(v, preps, home, forceOnPeople(r.Code))
		}
	}
	if len(targets) == 0 && !passive {
		targets = f.homeOffice(v, agents)
	}
	between := false
	if len(agents) == 0 && len(targets) == 0 && !passive && f.s.Child(v, "nsubj") <= 0 {
		// "Fighting between Sudan and Chad continued", the gerund read
		// as a verb: its two sides act on each other, as the noun's do.
		if as := f.betweenSides(v); as != nil {
			agents, between = as, true
		}
	}
	home = home || atHome(r.Code, agents, targets)
	if !r.Objects {
		targets = dropObjects(targets)
	}
	if targets = f.typed(r, targets, v); len(targets) == 0 && len(r.TargetTypes) > 0 || !agentsAllowed(r, agents) {
		f.consumed = f.consumed[:consumed]
		return finding{}, false // the rule holds only for the targets or agents it names
	}
	if cameo.Root(r.Code) == "14" {
		if len(targets) == 0 {
			targets = protestHome(agents)
		}
		probe := finding{code: r.Code, agents: agents, targets: targets}
		f.domestic(&probe)
		agents, home = probe.agents, probe.domestic
	}
	// "fought alongside Malian troops against the rebels": a phrase
	// marked as a partner's acts with the agent, not on it.
	for _, o := range f.s.Children(v) {
		if rel := f.tok(o).Rel; (rel == "obj" || strings.HasPrefix(rel, "obl")) && f.partner(o) {
			co := f.actorsAt(o)
			agents, targets = dedupRecs(append(agents, co...)), without(targets, co)
		}
	}
	if len(targets) == 0 && !passive && (cameo.Root(r.Code) == "12" || f.is(denyVerbs, v)) {
		targets = f.rebutted(v)
	}
	if len(targets) == 0 {
		// "Allegations that Sri Lankan troops tortured detainees are
		// being investigated": whoever a charge's clause accuses.
		if p := f.patient(v, passive); p > 0 && chargeNouns[f.lemma(p)] {
			for _, c := range f.s.Children(p) {
				if rel := f.tok(c).Rel; rel == "acl" || rel == "ccomp" {
					if sub := f.s.Child(c, "nsubj"); sub > 0 {
						targets = f.agentsAt(sub)
					}
				}
			}
		}
	}
	if r.NamedOnly {
		// Only what the object (or passive subject) names, whatever the
		// fallbacks above found in its phrase.
		k := f.s.Child(v, "obj")
		if passive {
			k = f.s.Child(v, "nsubj:pass")
		}
		targets = f.namedAt(k)
	}
	targets = without(targets, agents) // "massed troops on its border"
	if !named && r.Symmetric && len(agents) >= 2 {
		// "The government and the M23 signed a declaration in Doha after
		// talks mediated by Qatar": two sides of a joint act are each
		// other's; a third found further off than the object's own
		// phrase ("signed a trade agreement with Tanzania") is no party.
		var own []*actorRec
		for _, o := range f.s.ChildrenByRel(v, "obj") {
			own = append(own, f.hungTargets(o, r.Preps)...)
		}
		targets = slices.DeleteFunc(targets, func(a *actorRec) bool { return !slices.Contains(own, a) })
	}
	fd := finding{rule: r, code: r.Code, trig: f.tokAt[v-1], word: v, conf: 0.8, modality: graph.Actual, domestic: home}
	if len(targets) == 0 && len(agents) >= 2 && (between || r.Symmetric || r.SymmetricWithoutTarget || f.tieObject(v)) {
		fd.reciprocal = true // "India and Pakistan fought a war"
	}
	if r.Reverse {
		agents, targets = targets, agents
	}
	fd.agents, fd.targets = dedupRecs(agents), dedupRecs(targets)
	f.codeWords(&fd, v)
	f.attemptCode(&fd, v)
	groupCode(&fd)
	if strings.HasPrefix(fd.code, "145") && armed(agents) {
		// "Al-Shabaab fighters stormed an African Union base": armed men
		// storming a place attack it; a crowd that storms it riots.
		fd.code = "190"
	}
	if root := cameo.Root(fd.code); (root == "18" || root == "19") && !passive && f.crowdSubject(v) {
		// "Congolese protesters attacked the embassies of Rwanda and
		// France": force by a crowd of protesters is a violent protest.
		fd.code = "145"
	} else if p := f.patient(v, passive); p > 0 && (root == "18" || root == "19") && crowdNouns[f.lemma(p)] && stateForce(agents) {
		// "Kenyan police attacked protesters": force by the state on a
		// crowd of protest is repression.
		fd.code = "175"
	}
	if p := f.patient(v, passive); p > 0 && forceOnPeople(fd.code) && proposalNouns[f.lemma(p)] {
		// "bulldozed India's security concern", "the peace plan was
		// torpedoed": force done to a proposal rejects it.
		fd.code = "120"
	}
	f.context(&fd, v)
	ok := f.complete(&fd)
	if !ok {
		f.consumed = f.consumed[:consumed]
	}
	return fd, ok
}

// meansTargets returns whom the means of verb v's act is aimed at, by a
// gerund after "by": "violated the truce by firing mortars at a Tajik
// border post".
func (f *treeFinder) meansTargets(v int) []*actorRec {
	var out []*actorRec
	for _, c := range f.s.ChildrenByRel(v, "advcl") {
		if f.markOf(c) != "by" || f.tok(c).XPOS != "VBG" {
			continue
		}
		for _, k := range f.s.Children(c) {
			if rel := f.tok(k).Rel; rel == "obj" || strings.HasPrefix(rel, "obl") {
				out = append(out, f.actorsAt(k)...)
			}
		}
	}
	return out
}

// homeOf returns the country record of a's state organ: its own country
// for a composed actor ("the Colombian government"), the country its
// code names for a dictionary's organ ("Sudanese Armed Forces",
// SDNMIL); nil for the others.
func (f *treeFinder) homeOf(a *actorRec) *actorRec {
	if a.country != nil {
		return a.country
	}
	code := a.Code
	if code == "" {
		code = a.Country // a titled person, coded when the document ends
	}
	if !stateRoles[roleOfActor(a)] || len(code) < 3 {
		return nil
	}
	if ent := f.e.countries[code[:3]]; ent != nil {
		return f.ds.entryRec(ent)
	}
	return nil
}

// homeAdversaries returns the armed groups or opposition a state's
// organ acts on, named by their role alone in v's object or in a phrase
// of its prepositions: "the Colombian government declared a ceasefire
// with the rebels" are Colombia's rebels (or those of the country the
// clause an act of force happens in). Elsewhere a place names a venue,
// and whose rebels met there is not known.
func (f *treeFinder) homeAdversaries(v int, preps []string, home *actorRec, force bool) []*actorRec {
	c := home
	if p := f.clauseCountry(v); p != nil && p != home {
		if !force {
			return nil
		}
		c = p
	}
	var out []*actorRec
	for _, o := range f.s.Children(v) {
		rel := f.tok(o).Rel
		if rel != "obj" && !(strings.HasPrefix(rel, "obl") && contains(preps, f.caseOf(o))) || len(f.actorsAt(o)) > 0 {
			continue
		}
		if role := f.roleOf(o); role == "REB" || role == "INS" || role == "OPP" {
			out = append(out, f.composeRole(c, role))
		}
	}
	return out
}

// crowdSubject reports whether the subject of verb v is a crowd of
// protesters ("protesters", "thousands of demonstrators", "a mob").
func (f *treeFinder) crowdSubject(v int) bool {
	x := f.counted(f.subjectWord(v))
	return x > 0 && crowdNouns[f.lemma(x)]
}

// counted returns the noun a count or quantity x counts by its of-phrase
// ("hundreds of protesters", "a group of Kenyan lawmakers"), else x.
func (f *treeFinder) counted(x int) int {
	// "tens of thousands of opposition supporters": a count of counts.
	for depth := 0; depth < 3 && x > 0 && (quantityWords[f.lemma(x)] || f.tok(x).UPOS == "NUM"); depth++ {
		next := x
		for _, c := range f.s.ChildrenByRel(x, "nmod") {
			if f.caseOf(c) == "of" {
				next = c
			}
		}
		if next == x {
			break
		}
		x = next
	}
	return x
}

// subjectWord returns the head of v's subject, or of the subject of the
// verb it is coordinated with or the complement of ("Rebels tried to
// kill"; under "urged the rebels to disarm" the object is the one that
// acts); 0 when none.
func (f *treeFinder) subjectWord(v int) int {
	for depth := 0; depth < 3 && v > 0; depth++ {
		if x := f.s.Child(v, "nsubj"); x > 0 {
			return x
		}
		t := f.tok(v)
		if t.Rel != "conj" && t.Rel != "xcomp" || t.Head <= 0 {
			return 0
		}
		if t.Rel == "xcomp" && f.is(objectControl, t.Head) {
			return f.object(t.Head)
		}
		v = t.Head
	}
	return 0
}

// roleOfActor is a's role: the one it was composed with ("Kenyan
// police"), else the one its code names (SDNMIL); "" for none.
func roleOfActor(a *actorRec) string {
	if a.role != "" {
		return a.role
	}
	if len(a.Code) >= 6 {
		return a.Code[3:6]
	}
	return ""
}

// allRoles reports whether every one of as has one of roles.
func allRoles(as []*actorRec, roles map[string]bool) bool {
	for _, a := range as {
		if !roles[roleOfActor(a)] {
			return false
		}
	}
	return len(as) > 0
}

// armed reports whether every agent bears arms: a state's forces, rebels,
// insurgents, militias.
func armed(as []*actorRec) bool { return allRoles(as, armedRoles) }

// stateForce reports whether every agent is a state's force of order.
func stateForce(as []*actorRec) bool { return allRoles(as, forceRoles) }

var (
	armedRoles = toSet(`MIL REB INS UAF COP SPY`)
	forceRoles = toSet(`MIL COP SPY`)
)

// crowdNouns name crowds of protest.
var crowdNouns = toSet(`protester protesters protestor protestors demonstrator demonstrators rioter rioters mob mobs crowd crowds`)

// supposed reports whether predicate h is said of a supposed case: "would
// cripple", "could cost", "if talks resume".
func (f *treeFinder) supposed(h int) bool {
	for _, a := range f.s.ChildrenByRel(h, "aux") {
		if l := f.low(a); l == "would" || l == "could" || l == "might" || l == "may" {
			return true
		}
	}
	// "If talks between Washington and Pyongyang ever resume": a
	// condition's subject is supposed too.
	for _, m := range f.s.ChildrenByRel(h, "mark") {
		if hypoMarkers[f.low(m)] {
			return true
		}
	}
	return false
}

// makesAppeal reports whether verb v only makes the appeal or demand its
// object names, so that it codes nothing of its own but an appeal: in
// "issued an appeal to the UN for humanitarian aid" the noun codes the
// appeal, and what is asked for is not given.
func (f *treeFinder) makesAppeal(v int, code string) bool {
	if root := cameo.Root(code); root == "02" || root == "10" {
		return false
	}
	o := f.s.Child(v, "obj")
	return o > 0 && f.is(treeLightVerbs, v) && appealNouns[f.lemma(o)]
}

// appealNouns name an appeal or demand made to someone.
var appealNouns = toSet(`appeal plea request demand call`)

// roundNouns count or stage an event noun: "a round of talks", "a
// series of strikes", "a wave of arrests".
var roundNouns = toSet(`round rounds series wave waves spate string batch phase stage`)

// measureNouns name steps short of force that one aims at someone.
var measureNouns = toSet(`sanction sanctions tariff tariffs measure measures restriction restrictions embargo levy levies duty duties`)

// proposalNouns name what is put forward to be accepted or refused; an
// act of force done to one is a figure of speech for refusing it.
var proposalNouns = toSet(`proposal plan idea offer bid request demand concern objection resolution motion bill initiative suggestion deal agreement accord draft hope hopes effort`)

// patient is the word verb v acts on: its object, or its subject when
// it is passive (0 when none).
func (f *treeFinder) patient(v int, passive bool) int {
	if passive {
		return f.s.Child(v, "nsubj:pass")
	}
	return f.object(v)
}

// doers are who do what verb v says: its subject, or its by-phrase when
// it is passive.
func (f *treeFinder) doers(v int) []*actorRec {
	as, passive := f.subject(v)
	if passive {
		return f.byAgent(v)
	}
	return as
}

// restWord checks the later word of a multi-word verb ("call on", "shoot
// down", "hold talks"): a particle, the preposition of an oblique, or an
// object. It returns the preposition when the word is one, so that its
// phrase becomes the target.
func (f *treeFinder) restWord(v int, w string) (prep string, ok bool) {
	for _, c := range f.s.Children(v) {
		t := f.tok(c)
		switch {
		case t.Rel == "compound:prt" && f.low(c) == w:
			return "", true
		case t.Rel == "obj" || t.Rel == "nsubj:pass":
			// The object or a word of its phrase: "host peace talks".
			for _, d := range f.s.Subtree(c) {
				if f.low(d) == w || f.lemma(d) == w {
					f.consumed = append(f.consumed, d)
					return "", true
				}
			}
		case strings.HasPrefix(t.Rel, "obl") && f.caseOf(c) == w:
			return w, true
		case strings.HasPrefix(t.Rel, "obl") && (f.low(c) == w || f.lemma(c) == w) && f.owner[c-1] < 0:
			// The noun of an idiom's prepositional phrase: "fire" in "set
			// on fire", "custody" in "take into custody".
			f.consumed = append(f.consumed, c)
			return "", true
		}
	}
	// A particle the parser attached elsewhere, right after the verb, or
	// after its object ("handed 18 soldiers back to Cambodia", the
	// particle read as the next phrase's adverb).
	if v < f.s.Len() && f.low(v+1) == w {
		return "", true
	}
	if verbParticles[w] {
		for k := v + 1; k <= f.s.Len() && k <= v+6; k++ {
			if t := f.tok(k); f.low(k) == w && (t.Rel == "advmod" || t.Rel == "compound:prt") && f.s.Ancestor(v, k) {
				return "", true
			}
			if f.tok(k).UPOS == "VERB" || f.low(k) == "," {
				break
			}
		}
	}
	return "", false
}

// verbParticles end phrasal verbs ("pull out"), whose object is the
// verb's, not the particle's: "pulling its aid staff out of Niger".
var verbParticles = toSet(`out up down off back away over`)

// requiredAfter reports whether one of words is in a phrase of verb v
// that preposition prep introduces.
func (f *treeFinder) requiredAfter(v int, prep string, words []string) bool {
	for _, c := range f.s.Children(v) {
		if strings.HasPrefix(f.tok(c).Rel, "obl") && f.caseOf(c) == prep && f.requiredIn(c, words) {
			return true
		}
	}
	return false
}

// requiredIn reports whether one of words is in the phrase headed by h.
func (f *treeFinder) requiredIn(h int, words []string) bool {
	for _, d := range f.s.Subtree(h) {
		if f.wordIn(words, d) {
			return true
		}
	}
	return false
}

// wordIn reports whether token k is one of words: as written, as its
// lemma, or as the lemma's regular plural, so that a list written with
// "systems" or "supplies" also takes "an air defence system".
func (f *treeFinder) wordIn(words []string, k int) bool {
	l := f.lemma(k)
	if contains(words, f.low(k)) || contains(words, l) || contains(words, l+"s") || contains(words, l+"es") {
		return true
	}
	if n := len(l); n > 1 && l[n-1] == 'y' && contains(words, l[:n-1]+"ies") {
		return true
	}
	// A phrase of several words ending at k: "diplomatic staff".
	for _, w := range words {
		if !strings.Contains(w, " ") {
			continue
		}
		parts := strings.Fields(w)
		start := k - len(parts) + 1
		if start < 1 || !f.wordIn(parts[len(parts)-1:], k) {
			continue
		}
		ok := true
		for i, p := range parts[:len(parts)-1] {
			ok = ok && f.low(start+i) == p
		}
		if ok {
			return true
		}
	}
	return false
}

// requires reports whether one of words heads or modifies a dependent of v
// ("sign ... agreement", "lodge ... protest").
func (f *treeFinder) requires(v int, words []string) bool {
	if h := f.gapObject(v); h > 0 && f.requiredIn(h, words) {
		return true
	}
	for _, c := range f.s.Children(v) {
		rel := f.tok(c).Rel
		if rel == "nsubj" || rel == "punct" || rel == "conj" || rel == "parataxis" || (rel == "advcl" || rel == "obl") && sceneMarks[f.markOf(c)] {
			continue
		}
		if rel == "advcl" && f.toClause(c) {
			continue // a purpose: "deployed peacekeepers to Somalia to help government forces"
		}
		for _, d := range f.s.Subtree(c) {
			if f.wordIn(words, d) {
				return true
			}
		}
	}
	// The parser sometimes hangs the object elsewhere ("sent Ukraine two
	// more Patriot air-defence systems, the ministry said"): the words
	// right after the verb, up to the clause's end, count too.
	for k := v + 1; k <= f.s.Len() && k <= v+8; k++ {
		if l := f.low(k); l == "," || l == ";" || l == "." || f.tok(k).Rel == "mark" {
			break // a clause of its own begins: "sent peacekeepers to Haiti to help"
		}
		if f.wordIn(words, k) {
			return true
		}
	}
	return false
}

// homeOffice returns the state organ that verb v's object names without
// a country when the agents are a country's people, not its state:
// "Haiti's opposition parties demanded the resignation of the prime
// minister", "Kenyan protesters denounced the police". An office no text
// gives a country to is the country whose politics the clause is about.
func (f *treeFinder) homeOffice(v int, agents []*actorRec) []*actorRec {
	if len(agents) == 0 || !oneCountry(agents) || agents[0].country == nil {
		return nil
	}
	for _, a := range agents {
		if stateRoles[a.role] || a.isCountry() {
			return nil
		}
	}
	o := f.object(v)
	if o <= 0 {
		return nil
	}
	phrase := []int{o}
	for _, c := range f.s.ChildrenByRel(o, "nmod") {
		if f.caseOf(c) == "of" {
			phrase = append(phrase, c) // "the resignation of the prime minister"
		}
	}
	for _, x := range phrase {
		if len(f.actorsAt(x)) > 0 {
			return nil
		}
		if role := f.roleOf(x); stateRoles[role] {
			return []*actorRec{f.composeRole(agents[0].country, role)}
		}
	}
	return nil
}

// stateRoles are the roles of a state's own organs.
var stateRoles = toSet(`GOV MIL COP JUD LEG SPY`)

// oneCountry reports whether the actors are organs of one country
// ("soldiers and police in Yangon").
func oneCountry(as []*actorRec) bool {
	for _, a := range as[1:] {
		if a.country != as[0].country {
			return false
		}
	}
	return true
}

// sceneMarks open a clause that tells when or why an act was done, not
// what it was: "sent condolences to Somalia's president after a car bomb
// killed 20 people" sends no bomb.
var sceneMarks = toSet(`after before when whenever while as since because although though until once`)

// subject finds the agent of predicate v: its subject, or the subject it
// shares with the clause it hangs from. passive is true when the subject
// found is the patient.
func (f *treeFinder) subject(v int) (agents []*actorRec, passive bool) {
	passive = f.isPassive(v)
	for depth := 0; depth < 6 && v > 0; depth++ {
		for _, c := range f.s.Children(v) {
			switch f.tok(c).Rel {
			case "nsubj", "nsubj:pass", "nsubj:outer":
				// "which"/"who" start a relative clause however the parser
				// attached it; "that" only where it said so.
				if rel := f.tok(v).Rel; f.relativePronoun(c) && (strings.HasPrefix(rel, "acl") || rel == "advcl:relcl" || f.low(c) != "that") {
					return f.actorsAt(f.antecedent(v, c)), passive
				}
				if f.tok(c).Rel == "nsubj:pass" {
					return f.actorsAt(c), passive // the patient: "a request from Pakistan was turned down"
				}
				as := f.agentsAt(c)
				if k := f.s.Child(v, "vocative"); k > 0 && k < c && f.s.Child(c, "conj") > 0 {
					// "Pakistan, the United States and Saudi Arabia
					// armed the mujahideen": the head of a list the
					// parser read as someone addressed.
					as = append(f.actorsAt(k), as...)
				}
				if len(as) == 0 && speakerPronouns[f.low(c)] && f.tok(v).Rel == "ccomp" {
					// "Armenia said it was ready to sign", "China warned
					// it would retaliate": a pronoun no mention resolved,
					// subject of a complement clause, is the main
					// clause's subject.
					if sp, pass := f.subject(f.tok(v).Head); !pass {
						as = sp
					}
				}
				return as, passive
			}
		}
		t := f.tok(v)
		switch {
		case t.Rel == "advcl" && t.XPOS == "VBG" && f.is(placeParticiples, v) && v > 1 && f.tok(v-1).UPOS == "NOUN" && f.tok(v-1).Head == t.Head:
			// "fired rockets at a base hosting U.S. troops", the
			// participle hung on the verb: it tells of the noun before
			// it, which holds them.
			return f.actorOf(v - 1), passive
		case t.Rel == "acl" && f.toClause(v) && f.tok(t.Head).Rel == "obj" && f.is(sendVerbs, f.tok(t.Head).Head) && len(f.actorsAt(t.Head)) == 0:
			// "China sent a special envoy to mediate between Russia and
			// Ukraine": who is sent to act acts for the sender.
			v = f.tok(t.Head).Head
			continue
		case (t.Rel == "acl" || (t.Rel == "advcl" || t.Rel == "xcomp") && f.toClause(v)) && f.governorNoun(f.nounGovernorOf(v)):
			// "Iran's offer to mediate", "Pakistan has shown interest in
			// buying": the noun's owner, else the subject of the verb
			// whose object the noun is.
			n := f.nounGovernorOf(v)
			if p := f.s.Child(n, "nmod:poss"); p > 0 {
				return f.actorsAt(p), passive
			}
			if as := f.actOwners(n); len(as) > 0 {
				return as, passive // "the U.S. decision to return it to the list"
			}
			if as := f.hungByPhrase(n); len(as) > 0 {
				return as, passive // "dismissed calls by the Arab League to withdraw"
			}
			if f.tok(n).Rel != "obj" {
				return nil, passive
			}
			v = f.tok(n).Head
		case f.speakerParticiple(v):
			v = f.rootOf(v)
		case t.Rel == "ccomp" && t.XPOS == "VBG" && v > 1 && f.low(v-1) == ",":
			// "the White House said, thanking Doha for its efforts": a
			// participle set off after a verb of saying, read as what
			// was said, is the sayer's.
			v = t.Head
			continue
		case t.Rel == "conj" || t.Rel == "xcomp" || t.Rel == "advcl" || t.Rel == "acl" && f.tok(t.Head).UPOS == "VERB":
			if t.Rel == "advcl" || t.Rel == "acl" {
				// "accused Pakistan of arming rebels": the object does it.
				if m := f.markOf(v); m == "of" || m == "for" {
					if o := f.s.Child(t.Head, "obj"); o > 0 {
						return f.actorsAt(o), passive
					}
				}
			}
			if t.Rel == "xcomp" || t.Rel == "advcl" && f.toClause(v) {
				if o := f.object(t.Head); o > 0 && f.is(objectControl, t.Head) {
					return f.objectActors(t.Head, o), passive
				}
			}
			// "was attacked and killed": a bare participle shares its
			// partner's voice; a complement has its own ("is expected to
			// visit": the subject visits).
			if t.Rel == "conj" && t.XPOS == "VBN" && f.s.Child(v, "aux") == 0 && f.isPassive(t.Head) {
				passive = true
			}
			v = t.Head
		case t.Rel == "parataxis" && (f.tok(t.Head).UPOS == "NOUN" || f.tok(t.Head).UPOS == "PROPN") && f.tok(t.Head).Rel == "root":
			// "Then prime minister, Liaquat Ali Khan, declined ...": the
			// parser made the subject the root and the verb a parenthesis.
			return f.actorsAt(t.Head), passive
		case t.Rel == "acl:relcl" || t.Rel == "advcl:relcl":
			return f.actorsAt(t.Head), passive
		case t.Rel == "acl" && f.s.Child(t.Head, "nsubj") > 0:
			// "Imran Khan plans to travel": the tagger read the verb
			// "plans" as a noun; a noun with a subject is a predicate.
			v = t.Head
		case t.Rel == "root" && t.UPOS == "VERB" && f.s.Child(v, "mark") > 0:
			// "Apart from holding talks with Kabul, the leader will
			// attend a summit", read with the subordinate clause as the
			// root: its subject is the clause the parser hung on it.
			for _, c := range f.s.Children(v) {
				if rel := f.tok(c).Rel; (rel == "parataxis" || rel == "conj") && c > v && f.s.Child(c, "nsubj") > 0 {
					return f.agentsAt(f.s.Child(c, "nsubj")), passive
				}
			}
			return nil, passive
		case t.Rel == "acl":
			// "troops sent by Russia": a participle's head is its patient,
			// unless that head is the sentence's root and the participle
			// its only verb, the tagger's misreading of "Indian and Chinese
			// troops clashed".
			if t.XPOS == "VBN" && !(f.tok(t.Head).Rel == "root" && f.s.Child(v, "obl:agent") == 0) {
				return f.actorsAt(t.Head), true
			}
			if f.owner[t.Head-1] < 0 {
				// "India's statement blaming Pakistan" is India's; "two
				// vetoes shielding Iran, its gas giant's support for the
				// pipeline": the other items of a list do not act.
				return f.actorOf(t.Head), passive
			}
			return f.actorsAt(t.Head), passive
		default:
			return nil, passive
		}
	}
	return nil, passive
}

// actNouns name an act whose clause says what was done, by the noun's
// owner: "Islamabad's move to sever the supplies".
var actNouns = toSet(`move moves step steps decision decisions`)

// governorNoun reports whether n is a noun of intent, plan, threat,
// appeal, demand, refusal or act, one that governs a complement.
func (f *treeFinder) governorNoun(n int) bool {
	if n <= 0 || f.tok(n).UPOS != "NOUN" || f.s.Child(n, "nsubj") > 0 {
		return false // "Imran Khan plans to travel": a noun with a subject is the tagger's reading of a verb
	}
	for _, set := range []map[string]bool{intentVerbs, planVerbs, threatVerbs, appealVerbs, demandVerbs, rejectVerbs, actNouns} {
		if f.is(set, n) {
			return true
		}
	}
	return false
}

// nounGovernorOf returns the noun that governs clause v: its head when v
// is the noun's clause, or the object of the verb whose infinitive v is
// when the parser hung the clause on the verb.
func (f *treeFinder) nounGovernorOf(v int) int {
	t := f.tok(v)
	switch {
	case t.Rel == "acl":
		return t.Head
	case t.Rel == "advcl" || t.Rel == "xcomp":
		if o := f.s.Child(t.Head, "obj"); o > 0 && o < v {
			return o
		}
		// "concerned about Japan's plan to deploy missiles": the noun of
		// an oblique that the clause follows right after.
		start, _ := f.s.Span(v)
		for _, o := range f.obliques(t.Head) {
			if _, end := f.s.Span(o); o < v && end+1 == start {
				return o
			}
		}
	}
	return 0
}

// objectControl verbs pass their object to the subject of their
// complement: "urged Iran to halt".
var objectControl = verbSet(`urge ask call press invite encourage persuade request tell order force pressure
allow permit help enable warn advise appeal implore beg prompt compel oblige lead cause push spur drive
provoke invite authorize authorise mandate`)

// object returns v's direct object, or its indirect one when the parser
// read the object as that ("urged Sudan to release"), or 0.
func (f *treeFinder) object(v int) int {
	for _, o := range f.s.ChildrenByRel(v, "obj") {
		// "said on Friday that Accra had asked Nigeria to extradite":
		// a "that" before the verb, read as its object, is the
		// clause's complementizer.
		if o > v || f.low(o) != "that" {
			return o
		}
	}
	return f.s.Child(v, "iobj")
}

// sentTo returns the country, other than home, that the clause of verb v
// or a clause it completes sends its agent to or places it in ("deployed
// troops to Haiti to fight gangs", "forces in Mali fought insurgents");
// nil when none.
func (f *treeFinder) sentTo(v int, home *actorRec) *actorRec {
	for depth := 0; depth < 4 && v > 0; depth++ {
		for _, o := range f.obliques(v) {
			if p := f.caseOf(o); p != "to" && p != "in" && p != "into" {
				continue
			}
			for _, a := range f.actorsAt(o) {
				if a.isCountry() && a != home {
					return a
				}
			}
		}
		switch f.tok(v).Rel {
		case "xcomp", "advcl", "conj":
			v = f.tok(v).Head
		default:
			return nil
		}
	}
	return nil
}

// markOf returns the subordinator or preposition introducing clause v.
func (f *treeFinder) markOf(v int) string {
	for _, c := range f.s.Children(v) {
		if rel := f.tok(c).Rel; rel == "mark" || rel == "case" {
			return f.low(c)
		}
	}
	return ""
}

func (f *treeFinder) isPassive(v int) bool {
	subj := false
	for _, c := range f.s.Children(v) {
		switch f.tok(c).Rel {
		case "aux:pass":
			return true
		case "nsubj:pass":
			subj = true
		}
	}
	// A passive subject with no passive auxiliary and a direct object
	// is the parser's slip on an active clause: "From 1950 onwards
	// Russia treated India as an ally".
	return subj && (f.s.Child(v, "obj") == 0 || f.tok(v).XPOS == "VBN" && f.tok(f.s.Child(v, "obj")).UPOS != "PROPN")
}

// antecedent returns the noun a relative clause v (with pronoun pron)
// is about: its head, or, when the parser hung the clause on a verb, the
// noun right before the pronoun ("supported the Mujahideen who were
// waging a war").
func (f *treeFinder) antecedent(v, pron int) int {
	h := f.tok(v).Head
	if h > 0 {
		if u := f.tok(h).UPOS; u != "VERB" && u != "AUX" {
			return h
		}
	}
	k := pron - 1
	for k > 0 && f.tok(k).UPOS == "PUNCT" {
		k--
	}
	if k > 0 {
		if u := f.tok(k).UPOS; u == "NOUN" || u == "PROPN" || u == "PRON" {
			return k
		}
	}
	return h
}

func (f *treeFinder) relativePronoun(id int) bool {
	if f.owner[id-1] >= 0 {
		return false // "the WHO criticised Israel": a name
	}
	switch f.low(id) {
	case "who", "which", "that", "whom":
		return true
	}
	return false
}

// byAgent returns the agent of a passive: "by Russia".
func (f *treeFinder) byAgent(v int) []*actorRec {
	var out []*actorRec
	for _, o := range f.obliques(v) {
		if f.tok(o).Rel == "obl:agent" || f.caseOf(o) == "by" {
			out = append(out, f.actorsAt(o)...)
		}
	}
	if len(out) == 0 {
		// The parser often hangs the by-phrase on the object: "was
		// promised debt relief by Germany".
		for _, o := range f.s.ChildrenByRel(v, "obj") {
			for _, c := range f.s.ChildrenByRel(o, "nmod") {
				if f.caseOf(c) == "by" {
					out = append(out, f.actorsAt(c)...)
				}
			}
		}
	}
	return out
}

// obliques returns v's prepositional dependents, including those the parser
// hung on v's object ("attacked positions near the border").
func (f *treeFinder) obliques(v int) []int {
	var out []int
	for _, c := range f.s.Children(v) {
		if rel := f.tok(c).Rel; strings.HasPrefix(rel, "obl") || rel == "nmod" {
			out = append(out, c)
		}
	}
	return out
}

// recipients returns the actors of the to-phrases in v's clause, not in
// clauses below it.
func (f *treeFinder) recipients(v int) []*actorRec {
	var out []*actorRec
	queue := []int{v}
	for depth := 0; depth < 5 && len(queue) > 0; depth++ {
		var next []int
		for _, x := range queue {
			for _, c := range f.s.Children(x) {
				switch rel := f.tok(c).Rel; {
				case rel == "acl" && x == v || rel == "advcl" || rel == "ccomp" || rel == "xcomp" || rel == "csubj" || rel == "acl:relcl" || rel == "punct" || rel == "nsubj":
					// (a participle describing the thing given is its
					// phrase: "sent 40 trucks loaded with food to Syria")
					continue
				case rel == "conj" && f.tok(c).UPOS == "VERB" || rel == "parataxis" && f.tok(c).UPOS == "VERB":
					continue
				case (strings.HasPrefix(rel, "obl") || strings.HasPrefix(rel, "nmod")) && f.caseOf(c) == "to":
					for _, a := range f.actorsAt(c) {
						if a.Type != graph.Object {
							out = append(out, a)
						}
					}
					continue
				}
				next = append(next, c)
			}
		}
		queue = next
	}
	return dedupRecs(out)
}

// coordAfter returns the actor named right after "and" at the end of the
// phrase headed by c, which the parser hung elsewhere: "cooperation
// between Russia and Pakistan is increasing", with Pakistan read as the
// verb's subject.
func (f *treeFinder) coordAfter(c int) []*actorRec {
	_, end := f.s.Span(c)
	if end+2 > f.s.Len() || f.low(end+1) != "and" {
		return nil
	}
	k := end + 2
	for k < f.s.Len() && f.tok(k).UPOS == "DET" {
		k++
	}
	if f.owner[k-1] < 0 {
		return nil
	}
	for f.tok(k).Head > 0 && f.owner[f.tok(k).Head-1] == f.owner[k-1] {
		k = f.tok(k).Head // the mention's head word: "the United States"
	}
	return f.mentionActors(k)
}

// objectActors returns the actors of v's object o. An object naming none
// and standing for people takes them from an in- or from-phrase right
// after it that the parser hung on the verb: "urged the warring parties
// in Sudan to agree".
func (f *treeFinder) objectActors(v, o int) []*actorRec {
	as := f.actorsAt(o)
	if len(as) == 0 && f.tok(o).UPOS == "PRON" {
		return f.objectAntecedent(v, o)
	}
	if len(as) > 0 || f.tok(o).UPOS != "NOUN" {
		return as
	}
	if !(f.roleOf(o) != "" || f.peopleWord(o) || quantityWords[f.lemma(o)]) {
		return nil // "release the film in South Korea": a thing's place is no actor
	}
	_, end := f.s.Span(o)
	for _, c := range f.obliques(v) {
		if c <= end {
			continue
		}
		if start, _ := f.s.Span(c); start == end+1 && (f.caseOf(c) == "in" || f.caseOf(c) == "from") {
			return f.actorsAt(c)
		}
	}
	return nil
}

// objectAntecedent resolves object pronoun o of a participle or
// coordinated verb v to the object of the verb v hangs from, when they
// agree in number: "detained two traders, accusing them of smuggling",
// "arrested the opposition leader and charged him with treason".
func (f *treeFinder) objectAntecedent(v, o int) []*actorRec {
	t := f.tok(v)
	if t.Head <= 0 || t.Rel != "advcl" && t.Rel != "conj" {
		return nil
	}
	low := f.low(o)
	if low != "them" && low != "him" && low != "her" {
		return nil
	}
	for _, c := range f.s.ChildrenByRel(t.Head, "obj") {
		as := f.actorsAt(c)
		if c > o || len(as) == 0 {
			continue
		}
		many := plural(f.tok(c)) || f.s.Child(c, "conj") > 0
		if low == "them" && many || low != "them" && !many && len(as) == 1 && as[0].Type == graph.Person {
			return as
		}
	}
	return nil
}

// caseOf returns the preposition of a nominal dependent, lower case;
// multi-word prepositions give their first word with "fixed" parts joined.
func (f *treeFinder) caseOf(n int) string {
	for _, c := range f.s.Children(n) {
		if f.tok(c).Rel == "case" {
			p := f.low(c)
			for _, x := range f.s.ChildrenByRel(c, "fixed") {
				p += " " + f.low(x)
			}
			return p
		}
	}
	return ""
}

// sharedObject gives a coordinated verb its partner's object: "attacked
// and killed the soldiers".
func (f *treeFinder) sharedObject(v int, r *VerbRule) []*actorRec {
	if !r.Direct {
		return nil
	}
	t := f.tok(v)
	var partner int
	switch {
	case t.Rel == "conj":
		partner = t.Head
	default:
		for _, c := range f.s.ChildrenByRel(v, "conj") {
			if f.tok(c).UPOS == "VERB" {
				partner = c
				break
			}
		}
	}
	if partner == 0 || f.tok(partner).UPOS != "VERB" {
		return nil
	}
	o := f.s.Child(partner, "obj")
	if o == 0 || o < v {
		return nil
	}
	return f.actorsAt(o)
}

// locatives introduce the place of an action; the country holding the
// place is the target of a use of force there ("struck targets in Syria").
var placePreps = []string{"in", "inside", "into", "near", "across", "along", "on", "at", "over", "within", "through", "throughout"}

// objectModifiers finds the target inside v's object when the object
// itself is no actor: "signed an agreement with Russia", "brokered a deal
// between Russia and Ukraine", "struck targets in Syria".
func (f *treeFinder) objectModifiers(v int, r *VerbRule, preps []string) []*actorRec {
	var out []*actorRec
	force := forceCode(r.Code) || cameo.Root(r.Code) == "15"
	// What is praised or condemned happened somewhere, and where it
	// happened is the target when nothing else is: "criticised the
	// closure of guest houses in Bree".
	judged := !force && (cameo.Root(r.Code) == "05" || cameo.Root(r.Code) == "11" || cameo.Root(r.Code) == "12")
	// owned is a place's actors, else its owner's or neighbour's: "on
	// its border with Ukraine", "near islands claimed by Vietnam".
	owned := func(o int) []*actorRec {
		for _, c := range f.s.ChildrenByRel(o, "nmod") {
			if f.caseOf(c) == "with" {
				if as := f.actorsAt(c); len(as) > 0 {
					return as // "on its border with Ukraine": the neighbour
				}
			}
		}
		as := f.actorsAt(o)
		if len(as) > 0 {
			if allUnknown(as) {
				return nil // "at the Torkham crossing": a place no dictionary knows
			}
			return as
		}
		for _, c := range f.s.Children(o) {
			if rel := f.tok(c).Rel; rel == "nmod" || rel == "acl" || rel == "nmod:poss" {
				as = append(as, f.actorsAt(c)...)
				for _, g := range f.s.Children(c) {
					if strings.HasPrefix(f.tok(g).Rel, "obl") {
						as = append(as, f.actorsAt(g)...)
					}
				}
			}
		}
		return as
	}
	for _, o := range f.s.Children(v) {
		// "cancelled his visit to Islamabad": an object that is a
		// thing, whoever owns it, holds the target in its phrase; so
		// does a passive's subject ("funding for the UN agency was
		// suspended").
		rel := f.tok(o).Rel
		if rel != "obj" && rel != "xcomp" && rel != "nsubj:pass" || len(f.mentionActors(o)) > 0 {
			continue
		}
		if r.ModifierTarget && (rel == "obj" || rel == "nsubj:pass") {
			// "declined the Soviet invitation", "rejected a request from
			// India": whose the required thing is.
			out = append(out, f.actorOf(o)...)
			for _, c := range f.s.ChildrenByRel(o, "nmod") {
				if f.caseOf(c) == "from" {
					out = append(out, f.actorsAt(c)...)
				}
			}
			if len(out) == 0 {
				// The from-phrase right after the object, hung on the verb:
				// "turned down a request from India to call off".
				_, end := f.s.Span(o)
				for _, b := range f.obliques(v) {
					if q := f.caseOf(b); (q == "from" || q == "by") && b > end && b <= end+3 {
						out = append(out, f.actorsAt(b)...)
					}
				}
			}
		}
		if f.tok(o).Rel == "obj" && !f.isPassive(v) {
			// "criticised the nuclear test by North Korea": the parser
			// hangs the object's by-phrase on the verb.
			for _, b := range f.obliques(v) {
				if b > o && f.caseOf(b) == "by" {
					out = append(out, f.actorsAt(b)...)
				}
			}
		}
		// Down the object's phrase, not into clauses: "supplied
		// helicopters worth $153 million to Pakistan".
		queue := []int{o}
		for depth := 0; depth < 3 && len(queue) > 0; depth++ {
			var next []int
			for _, x := range queue {
				for _, c := range f.s.Children(x) {
					rel := f.tok(c).Rel
					if force && rel == "acl" {
						// "placed troops stationed along the line with
						// Kosovo on alert": where the force is, told by
						// the participle that describes it.
						next = append(next, c)
						continue
					}
					if rel == "obl" && force && f.tok(x).Rel == "acl" {
						rel = "nmod"
					}
					if rel != "nmod" && rel != "obj" {
						continue
					}
					p := f.caseOf(c)
					if rel == "nmod" && (contains(preps, p) || p == "between" || p == "with" && r.Symmetric) {
						if !f.venue(c, r) {
							out = append(out, f.actorsAt(c)...)
						}
						continue
					}
					if rel == "nmod" && force && contains(placePreps, p) {
						out = append(out, owned(c)...)
						continue
					}
					if rel == "nmod" && judged && p == "in" && !f.cityAt(c) {
						out = append(out, f.actorsAt(c)...)
						continue
					}
					if rel == "nmod" && judged && (p == "by" || p == "of" && f.owner[c-1] < 0 && f.roleOf(c) == "" && !f.peopleWord(c)) {
						// "opposed the sale of U.S. weapons to Taiwan":
						// whoever does what is judged, or owns what it
						// is done with ("the killing of Kenyan protesters"
						// names its victims instead).
						if as := f.actorsAt(c); len(as) > 0 {
							out = append(out, as...)
							continue
						}
					}
					next = append(next, c)
				}
			}
			queue = next
		}
	}
	if len(out) == 0 && force && !f.namesOwnTarget(v, preps) {
		for _, o := range f.obliques(v) {
			if contains(placePreps, f.caseOf(o)) {
				out = append(out, owned(o)...)
			}
		}
	}
	if len(out) == 0 && judged {
		// The object's in-phrase hung on the verb: "criticised the
		// treatment of minorities in Bangladesh". A city there is where
		// the words were said.
		obj := f.s.Child(v, "obj")
		for _, o := range f.obliques(v) {
			if obj > 0 && o > obj && f.caseOf(o) == "in" && !f.cityAt(o) {
				out = append(out, f.actorsAt(o)...)
			}
		}
	}
	return out
}

// namesOwnTarget reports whether verb v has a phrase of the rule's own
// prepositions that is no place ("used sarin against civilians near
// Damascus"): the act's target is named there, by a word that is no
// actor, and where it happened is not its target.
func (f *treeFinder) namesOwnTarget(v int, preps []string) bool {
	for _, o := range f.obliques(v) {
		if p := f.caseOf(o); contains(preps, p) && !contains(placePreps, p) {
			return true
		}
	}
	return false
}

// codeWords applies a rule's word-dependent codes ("attack ... with
// drones" → 195) from v's dependents other than its subject.
func (f *treeFinder) codeWords(fd *finding, v int) {
	r := fd.rule
	if len(r.Words) == 0 {
		return
	}
	// The subject counts too: "drones struck" is an air strike.
	for _, c := range f.s.Children(v) {
		if rel := f.tok(c).Rel; rel == "punct" || rel == "conj" || rel == "parataxis" || rel == "ccomp" || rel == "advcl" {
			continue
		}
		for _, d := range f.s.Subtree(c) {
			for _, wc := range r.Words {
				if f.phraseStarts(wc.Words, d) {
					fd.code = wc.Code
					return
				}
			}
		}
	}
}

// attemptCode gives an act the code its rule has for the attempt at it,
// when one is made or foiled but not said to succeed: "tried to
// assassinate", "an attempt to kill", "an assassination attempt on", "a
// failed assassination".
func (f *treeFinder) attemptCode(fd *finding, x int) {
	if fd.rule.Attempt == "" {
		return
	}
	t := f.tok(x)
	switch h := t.Head; {
	case h > 0 && (t.Rel == "xcomp" || t.Rel == "advcl" && f.toClause(x)) && f.is(attemptVerbs, h),
		h > 0 && (t.Rel == "acl" || t.Rel == "compound") && attemptNouns[f.lemma(h)]:
		fd.code = fd.rule.Attempt
		return
	}
	for _, c := range f.s.ChildrenByRel(x, "amod") {
		if attemptNouns[f.lemma(c)] || failedWords[f.low(c)] {
			fd.code = fd.rule.Attempt
			return
		}
	}
}

var (
	attemptVerbs = verbSet(`try attempt seek`)
	attemptNouns = toSet(`attempt bid plot`)
	failedWords  = toSet(`failed foiled botched thwarted attempted abortive`)
)

// nounWords applies a rule's word-dependent codes from a noun trigger's
// own phrase: "drone attacks" are air strikes.
func (f *treeFinder) nounWords(fd *finding, n int) {
	r := fd.rule
	if len(r.Words) == 0 {
		return
	}
	for _, d := range f.s.Subtree(n) {
		if d == n {
			continue
		}
		for _, wc := range r.Words {
			if f.phraseStarts(wc.Words, d) {
				fd.code = wc.Code
				return
			}
		}
	}
}

// phraseStarts reports whether one of words, of one word or several
// ("tear gas", "air strike"), starts at word d; the last word may match by
// its lemma.
func (f *treeFinder) phraseStarts(words []string, d int) bool {
	for _, w := range words {
		parts := strings.Fields(w)
		if d+len(parts)-1 > f.s.Len() {
			continue
		}
		ok := true
		for k, p := range parts {
			x := d + k
			ok = ok && (f.low(x) == p || k == len(parts)-1 && f.lemma(x) == p)
		}
		if ok {
			return true
		}
	}
	return false
}

// ----- nouns -----

func (f *treeFinder) noun(n int) {
	for _, c := range f.consumed {
		if c == n {
			return
		}
	}
	for _, tr := range f.triggersOf(n, true) {
		if fd, ok := f.nounEvent(n, tr); ok {
			f.add(fd)
			return
		}
	}
}

// joins reports whether event noun n, standing where t does, is the
// phrase of a verb of taking part or going back to it: "took part in
// talks", "returned to the negotiations".
func (f *treeFinder) joins(n int, t *syntax.Token) bool {
	if t.Head <= 0 || !strings.HasPrefix(t.Rel, "obl") {
		return false
	}
	p := f.caseOf(n)
	return p == "in" && f.is(partakeVerbs, t.Head) || p == "to" && f.lemma(t.Head) == "return"
}

// treeLightVerbs lend their subject to an event noun they govern: "held
// talks", "launched strikes", "paid a visit".
// partakeVerbs take their event noun in an in-phrase: "engaged in
// clashes", "took part in talks", "participated in exercises".
var partakeVerbs = verbSet(`engage participate take join involve`)

var treeLightVerbs = verbSet(`hold have conduct launch carry stage make pay begin start resume continue undertake
mount wage step intensify escalate sign conclude ink reach impose announce extend deliver provide give take
open lodge file issue express host expand boost increase deepen strengthen`)

// withPhrase reports whether noun n has a with-phrase.
func (f *treeFinder) withPhrase(n int) bool {
	for _, c := range f.s.ChildrenByRel(n, "nmod") {
		if f.caseOf(c) == "with" {
			return true
		}
	}
	return false
}

// meetingVerb reports whether verb v is itself a meeting's: "will meet
// the leaders during a visit" is one encounter, coded once.
func (f *treeFinder) meetingVerb(v int) bool {
	for _, tr := range f.triggersOf(v, false) {
		if cameo.Root(tr.rule.Code) == "04" {
			return true
		}
	}
	return f.is(meetVerbs, v)
}

// meetVerbs meet, whatever a dictionary codes them as.
var meetVerbs = verbSet(`meet host receive visit welcome consult`)

// occasionPreps introduce the occasion of an act: "during talks with",
// "at a meeting with".
var occasionPreps = toSet(`during at in after before on`)

// fearNouns name an act that may come: "fears of a war", "the risk of
// clashes".
var fearNouns = toSet(`fear risk danger prospect possibility spectre specter likelihood`)

// nounEvent codes event noun n under one trigger.
func (f *treeFinder) nounEvent(n int, tr trigger) (finding, bool) {
	r := tr.rule
	t := f.tok(n)
	if t.Rel == "conj" && t.Head > 0 && f.tok(t.Head).UPOS == "NOUN" && len(f.actorsAt(t.Head)) == 0 {
		// "staged air and naval drills around Taiwan", "air" read as the
		// object and the drills as its conjunct: the event noun stands
		// where its first conjunct does.
		if rel := f.tok(t.Head).Rel; rel == "obj" || rel == "nsubj:pass" || strings.HasPrefix(rel, "obl") {
			t = f.tok(t.Head)
		}
	}
	planned := false
	if t.Rel == "nmod" && f.caseOf(n) == "of" && roundNouns[f.lemma(t.Head)] {
		// "A planned round of talks was called off", "carried out a
		// wave of strikes": the phrase that counts the event noun
		// stands for it in the clause.
		for _, c := range f.s.ChildrenByRel(t.Head, "amod") {
			planned = planned || f.is(treePlannedWords, c)
		}
		t = f.tok(t.Head)
	}
	if len(r.RequiresBefore) > 0 && !f.before(n, r.RequiresBefore) {
		return finding{}, false
	}
	if t.Rel == "nsubj" && f.is(amountVerbs, t.Head) && cameo.Root(r.Code) == "02" {
		// Word sense: a request does not grow or wane, an attraction
		// does: "Portugal's appeal to British retirees has grown".
		// (Attacks and cooperation that increase are still acts.)
		return finding{}, false
	}
	var agents, targets, ofs []*actorRec
	reciprocal := false
	for _, c := range f.s.Children(n) {
		ct := f.tok(c)
		switch {
		case ct.Rel == "nmod:poss":
			as := f.actorsAt(c)
			if len(as) == 0 {
				// "India and Pakistan resumed their talks": the talks
				// are between the conjuncts of the clause's subject;
				// "opposition parties called off their strike": the
				// strike is the subject's own.
				if as = f.theirs(n, c); len(as) >= 2 && f.low(c) == "their" && (r.Symmetric || r.SymmetricWithoutTarget) {
					reciprocal = true
				}
			}
			agents = append(agents, as...)
		case (ct.Rel == "amod" || ct.Rel == "compound") && f.is(treePlannedWords, c):
			planned = true // "the upcoming talks"
		case ct.Rel == "amod" || ct.Rel == "compound":
			if f.owner[c-1] < 0 {
				// "NATO cross border raid": the name in a compound's own
				// compound.
				if ct.Rel == "compound" {
					for k, d := 0, f.s.Child(c, "compound"); d > 0 && k < 3; k, d = k+1, f.s.Child(d, "compound") {
						if f.owner[d-1] >= 0 {
							agents = append(agents, f.actorsAt(d)...)
							break
						}
					}
				}
				continue
			}
			if m := f.owner[c-1]; ct.Rel == "compound" && f.ms[m].kind == mUnknown && forceCode(r.Code) {
				continue // "the Uri attack": a name no dictionary knows before an act of force is where it happened
			}
			if r.ModifierTarget {
				targets = append(targets, f.actorsAt(c)...)
			} else {
				agents = append(agents, f.actorsAt(c)...)
			}
		case strings.HasPrefix(ct.Rel, "nmod") || ct.Rel == "acl" || ct.Rel == "obj":
			p := f.caseOf(c)
			if ct.Rel == "obj" && p == "" {
				// A noun takes no object: the parser's reading of its
				// complement when a year took the "of" ("backing of 1971
				// Indian Army's invasion").
				p = "of"
			}
			switch {
			case p == "by" || p == "from" && !r.Reverse:
				agents = append(agents, f.actorsAt(c)...)
			case p == "between" || p == "among":
				if as := f.sides(c); as != nil {
					agents, reciprocal = append(agents, as...), true
				}
			case p == "of":
				as := f.actorsAt(c)
				ofs = append(ofs, as...)
				if len(as) > 0 {
					// "the visit of Wang Yi to Kabul", the to-phrase hung
					// on the visitor.
					for _, g := range f.s.ChildrenByRel(c, "nmod") {
						if q := f.caseOf(g); q != "of" && contains(r.NounPreps, q) {
							targets = append(targets, f.actorOf(g)...) // its head only: a list there may be the next clause's subject
						}
					}
				}
				if len(as) == 0 {
					// "pledge of 20,000 tonnes of food aid to Somalia"
					targets = append(targets, f.nestedTargets(c, r, 2)...)
				}
			case contains(r.NounPreps, p) || p == "with" && r.Symmetric:
				targets = append(targets, f.actorsAt(c)...)
			}
		}
	}
	if h := t.Head; t.Rel == "nsubj" && h > 0 && len(agents) == 0 && len(targets) == 0 && f.tok(h).UPOS == "VERB" {
		// "Fighting broke out between M23 and the army": the sides
		// hung on the verb the event noun is the subject of.
		if as := f.betweenSides(h); as != nil {
			agents, reciprocal = as, true
		}
	}
	if h := t.Head; t.Rel == "nsubj" && h > 0 && len(targets) == 0 && f.s.Child(h, "cop") > 0 {
		// "his first foreign visit will be to Pakistan", "the talks were
		// with Iran": the copula's predicate is the noun's own phrase.
		if p := f.caseOf(h); contains(r.NounPreps, p) || p == "with" && r.Symmetric {
			targets = append(targets, f.actorsAt(h)...)
		}
	}
	// "of": "exercises of Russia and Pakistan" are theirs, "the visit of
	// Wang Yi to Kabul" is his, "the invasion of Iraq" is done to it.
	switch {
	case len(ofs) == 0:
	case r.Symmetric && len(ofs) >= 2 && len(agents) == 0:
		agents, reciprocal = ofs, true
	case len(agents) == 0 && (len(targets) > 0 || !r.Direct && !contains(r.NounPreps, "of")):
		agents = ofs
	default:
		targets = append(targets, ofs...)
	}
	if len(agents) == 0 && len(targets) > 0 && t.Rel == "nmod" && f.caseOf(n) == "in" && len(f.triggersOf(t.Head, true)) > 0 && !f.insideAllegation(t.Head) {
		// "the Soviet invasion of Afghanistan in support of Taraki": an
		// act done "in" another's name, inside an act's own phrase, is
		// that act's doer's, as it is a verb's.
		agents = without(f.actOwners(t.Head), targets)
	}
	if len(agents) == 0 && len(targets) > 0 && strings.HasPrefix(t.Rel, "obl") && occasionPreps[f.caseOf(n)] &&
		cameo.Root(r.Code) == "04" && f.tok(t.Head).UPOS == "VERB" && !f.meetingVerb(t.Head) && f.withPhrase(n) {
		// "promised aid to Ukraine during a phone call with Zelensky":
		// a meeting with someone that is the occasion of the clause's
		// act has the clause's doer at it.
		agents = without(f.doers(t.Head), targets)
	}
	if len(agents) == 0 && t.Rel == "nmod" && f.caseOf(n) == "of" && lightNouns[f.lemma(t.Head)] {
		// "Thailand's declaration of a ceasefire with Cambodia", "Russia's
		// resumption of air strikes": the act is the light noun's owner's.
		agents = f.actOwners(t.Head)
		for _, c := range f.s.ChildrenByRel(t.Head, "nmod") {
			if p := f.caseOf(c); len(targets) == 0 && p != "by" && contains(r.NounPreps, p) {
				targets = append(targets, f.actorsAt(c)...)
			}
		}
	}
	if h := t.Head; len(agents) == 0 && len(targets) == 0 && t.Rel == "obj" && f.is(drawVerbs, h) {
		// "test-fired a missile, drawing condemnation from Washington":
		// what one draws from others is their act on one.
		for _, o := range f.s.Children(n) {
			if f.tok(o).Rel == "nmod" && f.caseOf(o) == "from" {
				agents = f.actorsAt(o)
			}
		}
		for _, o := range f.obliques(h) {
			if len(agents) == 0 && f.caseOf(o) == "from" {
				agents = f.actorsAt(o)
			}
		}
		if len(agents) > 0 {
			if targets = f.doers(h); len(targets) == 0 {
				targets = f.actorsAt(f.s.Child(h, "nsubj")) // "Pakistan's move drew praise"
			}
		}
	}
	if len(agents) == 0 {
		// "engaged in a gun battle", "took part in talks": the event noun
		// of a verb of taking part.
		// "went on strike", "went on a state visit to Japan": going on
		// an event does it, and so does returning to it ("returned to
		// the negotiations").
		// "Israel and Lebanon agreed on a ceasefire": agreeing to a
		// concession makes it.
		agreed := t.Head > 0 && (strings.HasPrefix(t.Rel, "obl") && (f.caseOf(n) == "on" || f.caseOf(n) == "to") || t.Rel == "obj") &&
			f.lemma(t.Head) == "agree" && cameo.Root(r.Code) == "08"
		inPart := f.joins(n, t) || strings.HasPrefix(t.Rel, "obl") && f.caseOf(n) == "on" && f.lemma(t.Head) == "go" || agreed
		halted := t.Rel == "obj" && cameo.Root(r.Code) == "04" && f.halts(t.Head) // "broke off negotiations"
		if h := t.Head; h > 0 && (t.Rel == "obj" || t.Rel == "nsubj:pass" || inPart) && (f.is(treeLightVerbs, h) || inPart || halted) {
			agents = f.doers(h)
			if len(targets) == 0 {
				for _, o := range f.obliques(h) {
					if p := f.caseOf(o); contains(r.NounPreps, p) || contains(r.Preps, p) {
						targets = append(targets, f.actorsAt(o)...)
					}
				}
			}
		}
	}
	if len(targets) == 0 && t.Rel == "obj" {
		// "announced their withdrawal from ECOWAS", its from-phrase hung
		// on the verb: a phrase right after the noun is the noun's.
		_, end := f.s.Span(n)
		for _, o := range f.obliques(t.Head) {
			if start, _ := f.s.Span(o); start == end+1 && contains(r.NounPreps, f.caseOf(o)) {
				if as := f.actorsAt(o); !allUnknown(as) && !f.cityAt(o) {
					targets = append(targets, as...) // not "in the Kurdistan region", a place
				}
			}
		}
	}
	if len(agents) == 0 && len(targets) > 0 && strings.HasPrefix(t.Rel, "obl") && f.caseOf(n) == "in" && f.tok(t.Head).UPOS == "VERB" && !f.insideAllegation(t.Head) {
		// "invaded Afghanistan in support of its government", "fired
		// missiles in retaliation for the strike": an act done "in"
		// another's name is its doer's (unless the act is only alleged:
		// "accused Rwanda of deploying troops in support of the M23").
		agents = f.doers(t.Head)
	}
	if len(agents) > 0 && len(targets) == 0 && strings.HasPrefix(t.Rel, "obl") && f.caseOf(n) == "under" && f.tok(t.Head).UPOS == "VERB" {
		// "Kagame and Tshisekedi met in Doha under Qatari mediation",
		// "signed the accord under pressure from Washington": the act
		// is done to whoever does what it is the frame of.
		if as, passive := f.subject(t.Head); !passive {
			targets = without(as, agents)
		}
	}
	if len(agents) == 0 && len(targets) == 0 && r.NounDirect {
		// "long-term allies Pakistan and the United States": the pair
		// named right with the noun.
		for _, c := range f.s.Children(n) {
			switch f.tok(c).Rel {
			case "appos", "flat", "compound", "nmod:unmarked", "conj":
				if c > n {
					agents = append(agents, f.actorsAt(c)...)
				}
			}
		}
		if t.Rel == "compound" || t.Rel == "nmod:desc" {
			agents = append(agents, f.actorsAt(t.Head)...)
		}
		if len(agents) == 0 && n < f.s.Len() && f.owner[n] >= 0 && f.tok(n+1).UPOS == "PROPN" {
			// The pair right after the noun, however the parser hung it:
			// "relations between long-term allies Pakistan and the
			// United States have hit a low".
			agents = append(agents, f.actorsAt(n+1)...)
		}
		agents = dedupRecs(agents)
		if len(agents) >= 2 {
			reciprocal = true
		}
	}
	if len(agents) == 0 && f.s.Child(n, "cop") > 0 {
		// "Nigerian doctors have been on strike since March": the
		// subject of a copula whose predicate is the event noun.
		if sub := f.s.Child(n, "nsubj"); sub > 0 {
			agents = f.agentsAt(sub)
		}
	}
	if len(agents) == 0 && len(targets) >= 2 && r.Symmetric {
		agents, targets = targets, nil
	}
	if len(targets) == 0 && len(agents) >= 2 && r.Symmetric {
		reciprocal = true
	}
	if len(targets) == 0 && len(agents) > 0 && !reciprocal && cameo.Root(r.Code) != "04" {
		// "the condemnation of the coup in Niger": the place of what is
		// judged or done, when nothing else is its target.
		// A show or use of force is aimed at where it happens: "China's
		// military drills around Taiwan".
		force := forceCode(r.Code) || cameo.Root(r.Code) == "15"
		for _, c := range f.s.ChildrenByRel(n, "nmod") {
			if !force && f.cityAt(c) {
				continue // "a ceasefire signed in Jeddah": a venue
			}
			if p := f.caseOf(c); p == "in" || p == "inside" || force && (contains(placePreps, p) || p == "around" || p == "off") {
				targets = append(targets, f.actorsAt(c)...)
			}
		}
	}
	if !r.Objects {
		targets = dropObjects(targets)
	}
	if targets = f.typed(r, targets, n); len(targets) == 0 && len(r.TargetTypes) > 0 || !agentsAllowed(r, agents) {
		return finding{}, false
	}
	domestic := false
	if cameo.Root(r.Code) == "14" && !r.Reverse {
		if len(targets) == 0 && !reciprocal {
			targets = f.protestersPlace(n, agents)
		}
		if len(targets) == 0 && !reciprocal {
			targets = protestHome(agents)
		}
		probe := finding{code: r.Code, agents: agents, targets: targets}
		f.domestic(&probe)
		agents, domestic = probe.agents, probe.domestic
	}
	fd := finding{rule: r, code: r.Code, trig: f.tokAt[n-1], word: n, conf: 0.7, modality: graph.Actual, reciprocal: reciprocal, domestic: domestic}
	if t.Rel == "nmod" && f.caseOf(n) == "of" && haltNouns[f.lemma(t.Head)] {
		// "the breakdown of Ethiopia's talks with Egypt" halts them.
		if hc := haltCode(fd.code); hc != "" {
			fd.code, fd.oneWay = hc, false
		}
	}
	if t.Rel == "nsubj" && f.s.Child(t.Head, "cop") > 0 {
		if a := f.s.Child(t.Head, "aux"); a > 0 && (planAux[f.low(a)] || f.low(a) == "would") {
			planned = true // "his first visit would be to Pakistan"
		}
	}
	for _, x := range []int{n, t.Head} {
		// "A Chinese blockade of Taiwan, if it ever happened, would
		// disrupt supplies": an act supposed, not done.
		for _, c := range f.s.ChildrenByRel(x, "advcl") {
			if hypoMarkers[f.markOf(c)] && (x == n || t.Rel == "nsubj") {
				fd.modality = graph.Hypothetical
			}
		}
	}
	if t.Rel == "nmod" && f.caseOf(n) == "of" && fearNouns[f.lemma(t.Head)] {
		// "amid fears of a new war between the two neighbours": an act
		// feared, not done.
		fd.modality = graph.Hypothetical
	}
	if planned || t.Rel == "nsubj:pass" && f.is(planVerbs, t.Head) {
		fd.modality = graph.Planned // "Putin's arrival is planned for October"
	}
	if r.Reverse {
		agents, targets = targets, agents
	}
	fd.agents, fd.targets = dedupRecs(agents), dedupRecs(targets)
	if neg := f.s.Child(n, "det"); neg > 0 && f.low(neg) == "no" {
		fd.negated = true
	} else if strings.HasPrefix(t.Rel, "nsubj") && (neg > 0 && f.low(neg) == "any" || f.supposed(t.Head)) {
		// "Any deployment of an AU force to Sudan would require its
		// consent", "a Chinese blockade of Taiwan would cripple
		// supplies": an act supposed, whatever befalls it.
		fd.modality = graph.Hypothetical
	}
	f.nounWords(&fd, n)
	f.attemptCode(&fd, n)
	groupCode(&fd)
	if d := f.deniedPart(n); d > 0 {
		fd.negated = !fd.negated // "denied any involvement in an armed raid"
		f.setReporter(&fd, d)
	}
	if h := t.Head; h > 0 && (f.joins(n, t) || strings.HasPrefix(t.Rel, "obl") && (f.caseOf(n) == "to" || f.caseOf(n) == "on") && f.lemma(h) == "agree") {
		// "urged both sides to return to negotiations", "urged the army
		// and the RSF to agree to a truce": an appeal for the act.
		f.context(&fd, h)
	}
	if h := t.Head; h > 0 && (t.Rel == "obj" || t.Rel == "nsubj:pass") && f.is(violateVerbs, h) {
		return finding{}, false // "violated the ceasefire": the violation is the act, no truce made
	}
	if h := t.Head; h > 0 && (t.Rel == "obj" || t.Rel == "nsubj:pass") {
		if f.is(treeLightVerbs, h) && !f.calledOff(h) {
			f.context(&fd, h) // "agreed to hold talks" is an intent to meet
		} else if ec := easeCode(fd.code); ec != "" && f.endsAct(h) {
			// "called off their strike", "halted its attacks on
			// Ukraine", "lifted the blockade": ending pressure yields.
			fd.code = ec
		} else if cameo.Root(fd.code) == "04" && f.halts(h) {
			// "broke off negotiations with Hamas": a meeting under way,
			// halted, by one side. (Verbs that halt help, trade or ties
			// have rules of their own.)
			fd.code, fd.oneWay = haltCode(fd.code), true
		} else if f.is(refuseVerbs, h) || f.cancels(h) || f.is(rejectVerbs, h) {
			fd.negated = !fd.negated // "cancelled his visit", "a planned meeting was called off"
		} else if t.Rel == "obj" && f.lemma(h) != "agree" && (f.is(intentVerbs, h) || f.is(appealVerbs, h) || f.is(demandVerbs, h)) {
			// "proposed a ceasefire between Israel and Hezbollah",
			// "demanded talks": what is proposed or asked for is not
			// yet done.
			fd.modality = graph.Planned
		} else if fd.modality == graph.Actual && f.tok(h).UPOS == "VERB" && t.Rel == "obj" {
			// "intended to host talks between X and Y": the talks are
			// someone else's plan, not yet an event of theirs.
			probe := fd
			f.context(&probe, h)
			fd.negated = probe.negated
			if probe.code != fd.code || probe.modality != graph.Actual {
				fd.modality = graph.Planned
			}
		}
	}
	return fd, f.complete(&fd)
}

// speakerPronouns stand for the subject of the clause a complement
// clause depends on.
var speakerPronouns = toSet(`it he she they we`)

// deeperPreps head the phrase inside a rule's phrase that names the other
// side of what it is about.
var deeperPreps = toSet(`with against on to between`)

// typed keeps the targets of the types a rule asks for (target_types:
// one joins an alliance, not a country). A rule that asks for a type
// and finds none codes nothing, so that another rule of the word may.
func (f *treeFinder) typed(r *VerbRule, targets []*actorRec, w int) []*actorRec {
	if len(r.TargetTypes) == 0 {
		return targets
	}
	if o := f.s.Child(w, "obj"); o > 0 && blocNouns[f.lemma(o)] {
		return targets // "joined the US camp": a country's side is a bloc
	}
	var out []*actorRec
	for _, t := range targets {
		if slices.Contains(r.TargetTypes, string(t.Type)) {
			out = append(out, t)
		}
	}
	return out
}

// blocNouns name a side one joins with a country.
var blocNouns = toSet(`camp bloc side axis`)

// chargeNouns name an accusation.
var chargeNouns = toSet(`charge charges accusation accusations allegation allegations claim claims report reports`)

// rebutted returns the accusers whose charge verb v rejects or denies,
// named in the clause the charge sums up: "Pakistan blamed India for the
// attack, a charge New Delhi rejected" (India rejects Pakistan's charge).
func (f *treeFinder) rebutted(v int) []*actorRec {
	// The charge is a word of the verb's own phrases before it, however
	// the parser hung "a charge Abu Dhabi rejected", or the noun a
	// relative clause hangs on ("a charge that Abu Dhabi rejected").
	charge := false
	for k := max(1, v-6); k < v && !charge; k++ {
		charge = chargeNouns[f.lemma(k)] && f.s.Ancestor(v, k)
	}
	start := v
	if t := f.tok(v); !charge && strings.HasPrefix(t.Rel, "acl") && chargeNouns[f.lemma(t.Head)] {
		charge, start = true, t.Head
	}
	if !charge {
		return nil
	}
	for x, depth := start, 0; x > 0 && depth < 4; depth++ {
		x = f.tok(x).Head
		if x > 0 && f.tok(x).UPOS == "VERB" && f.is(allegeVerbs, x) {
			if as, passive := f.subject(x); !passive {
				return as
			}
			return nil
		}
	}
	return nil
}

// partner reports whether phrase o is marked as acting with the clause's
// agent ("alongside Malian troops", "together with Chad").
func (f *treeFinder) partner(o int) bool {
	if p := f.caseOf(o); p == "alongside" || p == "together with" {
		return true
	}
	for _, c := range f.s.Children(o) {
		if c < o && f.low(c) == "alongside" {
			return true // the parser's reading of "alongside" as an adverb
		}
	}
	return false
}

// topic reports whether phrase o, introduced by "on", "about" or "over",
// names an act (an event noun) that is the topic of an act of code, not
// its target: "spoke on the Gaza negotiations". Force is aimed at what it
// is on: "strikes on Hamas positions".
func (f *treeFinder) topic(o int, code string) bool {
	switch f.caseOf(o) {
	case "on", "about", "over":
	default:
		return false
	}
	return f.owner[o-1] < 0 && len(f.triggersOf(o, true)) > 0 && !forceCode(code)
}

// placeParticiples tell what a place holds ("a base hosting troops").
var placeParticiples = verbSet(`host house shelter hold contain store harbour harbor accommodate`)

// stanceVerbs take a stand on another actor: their participle, set off
// by a comma, tells what the speaker of the sentence did.
var stanceVerbs = verbSet(`accuse blame charge criticise criticize condemn denounce praise urge warn cite describe`)

// speakerParticiple reports whether v is the participle of a stance verb
// set off by a comma that the parser hung inside a relative or complement
// clause: "demanded that Serbia hand over the gunmen who fled, accusing
// Belgrade of sheltering them" tells what the sentence's speaker did,
// wherever in it the parser hung it.
func (f *treeFinder) speakerParticiple(v int) bool {
	t := f.tok(v)
	return t.Rel == "advcl" && t.XPOS == "VBG" && v > 1 && f.low(v-1) == "," && f.is(stanceVerbs, v) && f.embedded(t.Head)
}

// embedded reports whether word x is inside a relative or complement
// clause of the sentence.
func (f *treeFinder) embedded(x int) bool {
	for depth := 0; x > 0 && depth < 8; x, depth = f.tok(x).Head, depth+1 {
		switch f.tok(x).Rel {
		case "acl:relcl", "advcl:relcl", "ccomp":
			return true
		}
	}
	return false
}

// rootOf returns the root word of the tree x is in.
func (f *treeFinder) rootOf(x int) int {
	for depth := 0; depth < len(f.s.Tokens) && f.tok(x).Head > 0; depth++ {
		x = f.tok(x).Head
	}
	return x
}

// meetingParticipants returns whom the meeting verb v's object names as
// taking part, by a participle describing it: "will attend a summit
// involving the leaders of Tajikistan and Afghanistan", "a conference
// attended by leaders of Pakistan and Afghanistan".
func (f *treeFinder) meetingParticipants(v int) []*actorRec {
	o := f.object(v)
	if o <= 0 || len(f.actorsAt(o)) > 0 {
		return nil
	}
	var out []*actorRec
	parts := f.s.ChildrenByRel(o, "acl")
	for _, a := range f.s.ChildrenByRel(v, "advcl") {
		if a > o && (f.tok(a).XPOS == "VBG" || f.tok(a).XPOS == "VBN") {
			parts = append(parts, a) // the participle hung on the verb
		}
	}
	for _, a := range parts {
		switch {
		case f.is(involveVerbs, a):
			for _, x := range f.s.ChildrenByRel(a, "obj") {
				out = append(out, f.actorsAt(x)...)
			}
		case f.lemma(a) == "attend":
			for _, x := range f.obliques(a) {
				if f.caseOf(x) == "by" {
					out = append(out, f.actorsAt(x)...)
				}
			}
		}
	}
	return out
}

// involveVerbs name whom a meeting has taking part.
var involveVerbs = verbSet(`involve include gather`)

// drawVerbs get an act from others: "drew condemnation from Washington".
var drawVerbs = verbSet(`draw attract earn receive prompt provoke spark`)

// sendVerbs send someone to act.
var sendVerbs = verbSet(`send dispatch deploy appoint name`)

// actOwners returns whose the act named by noun h is: its possessor, an
// actor modifying it, or its by-phrase ("Thailand's declaration", "the
// Soviet invasion", "the attack by Osgiliath soldiers").
func (f *treeFinder) actOwners(h int) []*actorRec {
	var out []*actorRec
	for _, c := range f.s.Children(h) {
		switch rel := f.tok(c).Rel; {
		case rel == "nmod:poss", (rel == "amod" || rel == "compound") && f.owner[c-1] >= 0:
			out = append(out, f.actorsAt(c)...)
		case rel == "nmod" && f.caseOf(c) == "by":
			out = append(out, f.actorsAt(c)...)
		}
	}
	return out
}

// hungByPhrase returns the actors of the by-phrase that the parser hung
// on the verb of object n right after it: "dismissed calls by the Arab
// League to withdraw", the League's calls.
func (f *treeFinder) hungByPhrase(n int) []*actorRec {
	if f.tok(n).Rel != "obj" {
		return nil
	}
	_, end := f.s.Span(n)
	for _, o := range f.obliques(f.tok(n).Head) {
		if start, _ := f.s.Span(o); start == end+1 && f.caseOf(o) == "by" {
			return f.actorsAt(o)
		}
	}
	return nil
}

// postedTo returns the country that the agent's own envoy, verb v's
// object, is posted to: "Canada recalled its ambassador to China" acts on
// China, not on its own diplomat. Nil when the object is no envoy, is
// another state's ("expelled the Russian ambassador"), or names no post.
func (f *treeFinder) postedTo(v int, agents []*actorRec) []*actorRec {
	o := f.object(v)
	if o <= 0 || !envoyNouns[f.lemma(o)] || len(agents) == 0 {
		return nil
	}
	home := countryCode(agents[0])
	for _, a := range f.actorsAt(o) {
		if home == "" || countryCode(a) != home {
			return nil
		}
	}
	for _, c := range f.s.ChildrenByRel(o, "nmod") {
		if p := f.caseOf(c); p != "to" && p != "in" {
			continue
		}
		for _, a := range f.actorsAt(c) {
			if a.isCountry() && countryCode(a) != home {
				return []*actorRec{a}
			}
		}
	}
	return nil
}

// wrongNouns name wrongs that an inquiry looks into.
var wrongNouns = toSet(`abuse abuses violation violations crime crimes atrocity atrocities killing killings massacre
massacres torture corruption fraud disappearance disappearances allegation allegations`)

// envoyNouns name a state's envoys abroad.
var envoyNouns = toSet(`ambassador envoy emissary diplomat consul`)

// bareRole returns the actor that role noun x, which names no country,
// stands for in verb v's clause: the role of the country the clause
// happens in ("Bandits kidnapped two Turkish engineers in Nigeria's
// Zamfara state"), else of the state whose organ is among the others
// ("Insurgents ambushed a Mozambican army convoy"). Nil when x is no
// role noun or the clause names neither.
func (f *treeFinder) bareRole(x, v int, others []*actorRec) []*actorRec {
	x = f.counted(x) // "Hundreds of protesters marched"
	if x <= 0 || len(f.actorsAt(x)) > 0 {
		return nil
	}
	var roles []string
	for _, y := range append([]int{x}, f.s.ChildrenByRel(x, "conj")...) {
		// "Soldiers and police in Yangon rounded up"
		if role := f.roleOf(y); role != "" && len(f.actorsAt(y)) == 0 && !slices.Contains(roles, role) {
			roles = append(roles, role)
		}
	}
	if len(roles) == 0 {
		return nil
	}
	c := f.clauseCountry(v)
	for _, o := range others {
		if c == nil && !o.isCountry() {
			c = f.homeOf(o) // "Insurgents killed Malian President Keita"
		}
	}
	if c == nil {
		return nil
	}
	out := make([]*actorRec, len(roles))
	for i, role := range roles {
		out[i] = f.composeRole(c, role)
	}
	return out
}

// clauseCountry returns the country that a place phrase of verb v, of its
// object or of its subject names: "in Mozambique's Cabo Delgado
// province", "near the border in Chad".
func (f *treeFinder) clauseCountry(v int) *actorRec {
	var phrases []int
	for x, depth := v, 0; x > 0 && depth < 2; x, depth = f.tok(x).Head, depth+1 {
		// A participle's clause happens where its verb's does: "struck
		// a building in Gaza City, killing 12 people".
		phrases = append(phrases, f.obliques(x)...)
		for _, o := range append(f.s.ChildrenByRel(x, "obj"), f.s.ChildrenByRel(x, "nsubj")...) {
			// "struck a hospital in Gaza", "police in Yangon rounded up"
			phrases = append(phrases, f.s.ChildrenByRel(o, "nmod")...)
			for _, c := range f.s.ChildrenByRel(o, "conj") {
				phrases = append(phrases, f.s.ChildrenByRel(c, "nmod")...)
			}
		}
		if rel := f.tok(x).Rel; rel != "advcl" && rel != "xcomp" && rel != "conj" {
			break
		}
	}
	for _, p := range phrases {
		if !contains(placePreps, f.caseOf(p)) {
			continue
		}
		for _, d := range f.s.Subtree(p) {
			for _, a := range f.mentionActors(d) {
				if a.isCountry() {
					return a
				}
			}
		}
	}
	return nil
}

// sides returns the two or more sides a between- or among-phrase c names
// ("between Sudan and Chad"), or nil.
func (f *treeFinder) sides(c int) []*actorRec {
	as := f.actorsAt(c)
	if len(as) == 1 {
		as = append(as, f.coordAfter(c)...)
	}
	if len(as) < 2 {
		return nil
	}
	return as
}

// betweenSides returns the sides that a between-phrase of predicate v
// names, or nil.
func (f *treeFinder) betweenSides(v int) []*actorRec {
	for _, o := range f.obliques(v) {
		if p := f.caseOf(o); p == "between" || p == "among" {
			if as := f.sides(o); as != nil {
				return as
			}
		}
	}
	return nil
}

// gapObject returns the noun a relative clause's verb v lacks as its
// object ("the tariff that Quito had imposed"), or 0.
func (f *treeFinder) gapObject(v int) int {
	t := f.tok(v)
	if t.Rel != "acl:relcl" || f.s.Child(v, "nsubj") <= 0 || f.isPassive(v) {
		return 0
	}
	if o := f.s.Child(v, "obj"); o > 0 && !relativizers[f.low(o)] {
		return 0 // the clause has an object of its own
	}
	if f.tok(t.Head).UPOS != "NOUN" {
		return 0
	}
	return t.Head
}

// relativizers open a relative clause, standing for the noun it
// describes.
var relativizers = toSet(`that which who whom`)

// hungTargets returns the actors of the phrases of noun o that a verb's
// prepositions introduce (of and in excepted: they name o's owner or
// place).
func (f *treeFinder) hungTargets(o int, preps []string) []*actorRec {
	var out []*actorRec
	// "imposed a travel ban, an asset freeze and an arms embargo on five
	// gang leaders": the phrase may hang on the list's last member.
	for _, x := range append([]int{o}, f.s.ChildrenByRel(o, "conj")...) {
		for _, c := range f.s.ChildrenByRel(x, "nmod") {
			if q := f.caseOf(c); q != "of" && q != "in" && contains(preps, q) {
				out = append(out, f.actorsAt(c)...)
			}
		}
	}
	return out
}

// recipientInObject returns the recipient the parser read into the
// object of giving verb v: "lent Pakistan one billion dollars", read as
// one phrase, where a name opens the object right after the verb and a
// number follows it.
func (f *treeFinder) recipientInObject(v int) []*actorRec {
	o := f.s.Child(v, "obj")
	if o <= 0 {
		return nil
	}
	start, _ := f.s.Span(o)
	m := -1
	if start == v+1 && start != o && f.tok(start).Rel == "compound" {
		m = f.owner[start-1]
	}
	if m < 0 {
		return nil
	}
	next := start + 1 // the first word after the name
	for next < o && f.owner[next-1] == m {
		next++
	}
	if next < o && f.tok(next).UPOS == "NUM" {
		return f.mentionActors(start)
	}
	return nil
}

// tieNouns name what two sides have with each other.
var tieNouns = toSet(`relation relations tie ties contact contacts link links dialogue`)

// tieObject reports whether verb v's object is a tie between sides
// ("Saudi Arabia and Iran restored diplomatic relations"): coordinated
// agents with no other target then act towards each other.
func (f *treeFinder) tieObject(v int) bool {
	o := f.s.Child(v, "obj")
	return o > 0 && (tieNouns[f.low(o)] || tieNouns[f.lemma(o)])
}

// judgement codes a predicate adjective of approval or disapproval said
// of a thing, not of an actor: the judge is who said or called it so, the
// target whose the thing is ("the Indian ambassador said the Russian
// approach was wrong", "Egypt called Israel's move irresponsible"). It
// reports false when the adjective's subject is itself an actor, which
// the rule codes as usual ("Japan is optimistic").
func (f *treeFinder) judgement(v int, r *VerbRule) (finding, bool) {
	if root := cameo.Root(r.Code); root != "11" && root != "05" && root != "12" {
		return finding{}, false
	}
	// "said these could create problems and that the approach was
	// wrong": a conjoined clause is said as its first is.
	c := v
	for k := 0; k < 4 && f.tok(c).Rel == "conj"; k++ {
		c = f.tok(c).Head
	}
	t := f.tok(c)
	var thing int
	switch t.Rel {
	case "ccomp":
		thing = f.s.Child(v, "nsubj")
	case "xcomp":
		thing = f.object(t.Head) // "called the move irresponsible"
	}
	if thing <= 0 || f.tok(thing).UPOS != "NOUN" || len(f.namedAt(thing)) > 0 || !f.is(judgeVerbs, t.Head) {
		return finding{}, false
	}
	agents, passive := f.subject(t.Head)
	if passive {
		return finding{}, false
	}
	fd := finding{rule: r, code: r.Code, trig: f.tokAt[v-1], word: v, conf: 0.6, modality: graph.Actual}
	fd.agents = agents
	fd.targets = without(f.actorsAt(thing), agents)
	f.context(&fd, v)
	if !f.complete(&fd) {
		return finding{}, false
	}
	return fd, true
}

// judgeVerbs say or call something good or bad.
var judgeVerbs = verbSet(`say call describe term deem consider brand label find`)

// deeperTargets looks one phrase further into the phrases of verb v that
// its rule asks for, when they name nobody themselves: "admitted
// responsibility for the collision with a Swedish trawler", "voiced
// pessimism about reaching a deal with Ethiopia".
func (f *treeFinder) deeperTargets(v int, preps []string) []*actorRec {
	var out []*actorRec
	for _, o := range append(f.obliques(v), f.s.ChildrenByRel(v, "advcl")...) {
		p := f.caseOf(o)
		if p == "" {
			p = f.markOf(o)
		}
		if !contains(preps, p) || len(f.actorsAt(o)) > 0 {
			continue
		}
		heads := []int{o}
		for _, c := range f.s.ChildrenByRel(o, "nmod") {
			if f.caseOf(c) == "of" && len(f.actorsAt(c)) == 0 {
				heads = append(heads, c) // "optimistic about the future of relations with Saudi Arabia"
			}
		}
		for _, h := range heads {
			for _, c := range f.s.Children(h) {
				if rel := f.tok(c).Rel; (rel == "nmod" || rel == "obl") && deeperPreps[f.caseOf(c)] {
					out = append(out, f.actorsAt(c)...)
				}
			}
		}
	}
	return out
}

// protestersPlace is the target of a protest named by noun n when the
// protesters are somewhere another actor holds: "the hunger strike by
// Palestinian prisoners in Israeli jails".
func (f *treeFinder) protestersPlace(n int, agents []*actorRec) []*actorRec {
	for _, c := range f.s.Children(n) {
		if rel := f.tok(c).Rel; rel != "nmod:poss" && (rel != "nmod" || f.caseOf(c) != "by") {
			continue
		}
		for _, g := range f.s.ChildrenByRel(c, "nmod") {
			if p := f.caseOf(g); p == "in" || p == "inside" {
				if as := without(f.actorsAt(g), agents); len(as) > 0 {
					return as
				}
			}
		}
	}
	return nil
}

// protestHome is the target of a protest that names none: the country of
// protesters who are a part of its people ("Kenyan teachers went on
// strike", "opposition parties in Bangladesh called off their strike"),
// whose government a protest at home is aimed at. A state or its organs
// protest to someone else ("Algeria lodged a protest"), so they get none.
func protestHome(agents []*actorRec) []*actorRec {
	var out []*actorRec
	for _, a := range agents {
		if a.country == nil || len(a.Code) < 6 || stateOrgans[a.Code[3:6]] {
			return nil
		}
		out = append(out, a.country)
	}
	return dedupRecs(out)
}

// stateOrgans are the CAMEO roles of a state's own institutions.
var stateOrgans = toSet(`GOV MIL COP SPY JUD LEG`)

// amountVerbs say that a quantity changed.
var amountVerbs = verbSet(`grow increase rise decline fall wane diminish surge soar shrink dwindle`)

// ownPronouns are the possessives a clause's subject uses of its own acts.
var ownPronouns = toSet(`their its his her`)

// theirs resolves a possessive pronoun (token p) that no mention resolved,
// owning the event noun n, to the subject of the clause the noun belongs
// to: "resumed their talks", "called off their strike".
func (f *treeFinder) theirs(n, p int) []*actorRec {
	if f.tok(p).UPOS != "PRON" || !ownPronouns[f.low(p)] {
		return nil
	}
	h := n
	for k := 0; k < 3 && h > 0; k++ {
		t := f.tok(h)
		if t.Rel != "obj" && !strings.HasPrefix(t.Rel, "obl") && t.Rel != "nmod" && t.Rel != "xcomp" {
			return nil
		}
		h = t.Head
		if h > 0 && f.tok(h).UPOS == "VERB" {
			as, passive := f.subject(h)
			if passive {
				return nil
			}
			return dedupRecs(as)
		}
	}
	return nil
}

// groupCode applies a rule's code for armed-group targets: support for
// rebels is aid (070), not diplomatic backing.
func groupCode(fd *finding) {
	r := fd.rule
	if r.GroupCode == "" || fd.code != r.Code {
		return
	}
	for _, t := range fd.targets {
		if t.Type == graph.Group || strings.HasSuffix(t.Code, "REB") || strings.HasSuffix(t.Code, "INS") || strings.HasSuffix(t.Code, "SEP") {
			fd.code = r.GroupCode
			return
		}
	}
}

// nestedTargets finds the target of a noun trigger inside its of-phrase
// c, down to depth levels.
func (f *treeFinder) nestedTargets(c int, r *VerbRule, depth int) []*actorRec {
	var out []*actorRec
	for _, k := range f.s.ChildrenByRel(c, "nmod") {
		p := f.caseOf(k)
		switch {
		case contains(r.NounPreps, p) && p != "of" || p == "like" || p == "such as" || p == "including":
			// "membership of alliances like SEATO"
			out = append(out, f.actorsAt(k)...)
		case p == "of" && depth > 1:
			out = append(out, f.nestedTargets(k, r, depth-1)...)
		}
	}
	return out
}

// before reports whether one of words modifies noun n or stands in the
// three words before it ("joint exercises").
func (f *treeFinder) before(n int, words []string) bool {
	for _, c := range f.s.Children(n) {
		if c < n && (contains(words, f.low(c)) || contains(words, f.lemma(c))) {
			return true
		}
	}
	for k := n - 1; k >= 1 && k >= n-3; k-- {
		if contains(words, f.low(k)) {
			return true
		}
	}
	return false
}

// complete reports whether a finding has sides to emit.
func (f *treeFinder) complete(fd *finding) bool {
	if _, ok := cameo.Lookup(fd.code); !ok && !(fd.userCode && cameo.User(fd.code)) {
		return false
	}
	if fd.reciprocal {
		return len(fd.agents) >= 2
	}
	return len(fd.agents) > 0 && len(fd.targets) > 0
}

func (f *treeFinder) add(fd finding) {
	f.ownOrgan(&fd)
	if root := cameo.Root(fd.code); root < "09" && !fd.reciprocal && !fd.domestic {
		// "Putin's vision to restore Russia": cooperation is between
		// actors, not an organ and its own country.
		var ts []*actorRec
		for _, t := range fd.targets {
			own := false
			for _, a := range fd.agents {
				own = own || t.isCountry() && a != t && (a.country == t || a.Country != "" && a.Country == t.Code)
			}
			if !own {
				ts = append(ts, t)
			}
		}
		if len(ts) == 0 {
			f.coded[fd.word] = true
			return
		}
		fd.targets = ts
	}
	fd.targets = withoutSubsumed(fd.targets)
	if !fd.reciprocal {
		// A thing does nothing: "test firing of an Intercontinental
		// Ballistic Missile to counter the American plans".
		var as []*actorRec
		for _, a := range fd.agents {
			if a.Type != graph.Object {
				as = append(as, a)
			}
		}
		if fd.agents = as; len(as) == 0 {
			f.coded[fd.word] = true
			return
		}
	}
	f.found = append(f.found, fd)
	f.coded[fd.word] = true
}

// ownOrgan makes a state that investigates or coerces one of its own
// organs act through its government: "Indonesia investigated its police
// chief" is Indonesia's government against Indonesia's police, at home,
// where a state and its own organ would otherwise be one side with
// nothing between them.
func (f *treeFinder) ownOrgan(fd *finding) {
	if root := cameo.Root(fd.code); root != "09" && root != "17" || fd.domestic || fd.reciprocal || len(fd.agents) != 1 || len(fd.targets) == 0 || !fd.agents[0].isCountry() {
		return // (what a state demands for its own soldiers is no act on them)
	}
	a := fd.agents[0]
	for _, t := range fd.targets {
		if t.country != a || t.role == "" || t.role == "GOV" {
			return
		}
	}
	if gov := f.composeRole(a, "GOV"); gov != a {
		fd.agents, fd.domestic = []*actorRec{gov}, true
	}
}

// withoutSubsumed drops a country whose own organ or group is also among
// as: "struck Houthi-held ports in Yemen" is aimed at the Houthis, not at
// them and at Yemen besides.
func withoutSubsumed(as []*actorRec) []*actorRec {
	var out []*actorRec
	for _, a := range as {
		sub := false
		for _, b := range as {
			sub = sub || b != a && a.isCountry() && (b.country == a || len(b.Code) > len(a.Code) && strings.HasPrefix(b.Code, a.Code))
		}
		if !sub {
			out = append(out, a)
		}
	}
	return out
}

// haltNouns end the act their of-phrase names.
var haltNouns = toSet(`breakdown collapse suspension end halt termination`)

// haltCode is the code of halting an act of code: negotiations (164),
// mediation (165), aid (162), diplomatic cooperation (161); "" for acts
// CAMEO has no halting code for.
// easeCode is the yielding (08) that ending an act of pressure of the
// given code is: calling off a protest eases dissent, lifting sanctions or
// a blockade eases them, halting attacks de-escalates. It is "" for codes
// whose end is no yielding.
func easeCode(code string) string {
	switch {
	case cameo.Root(code) == "14":
		return "082"
	case strings.HasPrefix(code, "172"):
		if len(code) == 4 {
			return "081" + code[3:] // curfew, emergency, bans
		}
		return "081"
	case strings.HasPrefix(code, "163"):
		return "085"
	case strings.HasPrefix(code, "191"):
		return "0872"
	case cameo.Root(code) == "18", cameo.Root(code) == "19", cameo.Root(code) == "20":
		return "087"
	}
	return ""
}

// endsAct reports whether verb h ends what its object names: "ended",
// "halted", "called off".
func (f *treeFinder) endsAct(h int) bool {
	return f.is(easeVerbs, h) || f.calledOff(h)
}

// cancels reports whether verb h calls off what its object names.
func (f *treeFinder) cancels(h int) bool { return f.is(cancelVerbs, h) || f.calledOff(h) }

// halts reports whether verb h halts what is under way: "suspended
// talks", "broke off negotiations", "froze aid".
func (f *treeFinder) halts(h int) bool {
	if prt := f.s.Child(h, "compound:prt"); prt > 0 && f.low(prt) == "off" && f.lemma(h) == "break" {
		return true
	}
	return f.is(haltVerbs, h)
}

// haltsObject reports whether verb v halts a meeting its object names
// ("broke off negotiations with Hamas"), which the noun codes as halted.
func (f *treeFinder) haltsObject(v int) bool {
	if !f.halts(v) {
		return false
	}
	o := f.s.Child(v, "obj")
	if o <= 0 {
		return false
	}
	for _, tr := range f.triggersOf(o, true) {
		if cameo.Root(tr.rule.Code) == "04" {
			return true
		}
	}
	return false
}

// violateVerbs break what their object names.
var violateVerbs = verbSet(`violate breach flout`)

// haltVerbs stop what is under way.
var haltVerbs = verbSet(`suspend halt freeze terminate interrupt`)

// calledOff reports whether verb h is "call off".
func (f *treeFinder) calledOff(h int) bool {
	prt := f.s.Child(h, "compound:prt")
	return prt > 0 && f.lemma(h) == "call" && f.low(prt) == "off"
}

func haltCode(code string) string {
	switch {
	case code == "045" || strings.HasPrefix(code, "045"):
		return "165"
	case cameo.Root(code) == "04":
		return "164"
	case cameo.Root(code) == "07":
		return "162"
	case cameo.Root(code) == "05":
		return "161"
	}
	return ""
}

// lightNouns name the doing of an act their of-phrase names.
var lightNouns = toSet(`declaration announcement signing conclusion launch start resumption imposition extension
lifting suspension opening holding provision delivery renewal continuation escalation grant offer`)

// verbSet holds the lemmas of s and their inflected forms, so that a word
// is found whether or not the lemmatiser got it right ("waging").
func verbSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		forms, _ := inflect(w)
		for _, f := range forms {
			m[f] = true
		}
	}
	return m
}

// is reports whether word id, by form or lemma, is in set.
func (f *treeFinder) is(set map[string]bool, id int) bool {
	return set[f.low(id)] || set[f.lemma(id)]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
