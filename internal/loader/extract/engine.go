package extract

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
	"github.com/kg-project/kg/internal/loader/dict"
	"github.com/kg-project/kg/internal/loader/syntax"
)

// Version names the extractor in every event it makes; TreeVersion is
// the name when events are coded on the parse.
const (
	Version     = "kg-rules/1"
	TreeVersion = "kg-tree/1"
)

// Engine holds the compiled dictionary and grammar. It is immutable after
// New and safe for concurrent use.
type Engine struct {
	lex  *lexicon
	trie *actorTrie
	// countries maps a country code to its entry, so that a province can
	// stand for the country holding it.
	countries map[string]*Entry
	// parser, when set, makes the engine code events on the dependency
	// parse of each sentence instead of with token-window rules.
	parser *syntax.Model
	// verbs, when set, codes the verbs the lexicon does not know (the
	// parse coder only).
	verbs *dict.VerbDict
	// synsetWords is the longest phrase, in words, of each synset of
	// verbs ("&negatvauxvrb" → 3), keyed in lower case.
	synsetWords map[string]int
	// synsetFirst holds the first words of each synset's phrases, for
	// synsets whose phrases all start with a word.
	synsetFirst map[string][]string
	// patternWords are the verb patterns split into words once.
	patternWords map[*dict.Pattern]seqWords
	hooks        Hooks
}

// Hooks let a dictionary's own vocabulary into the engine: agent nouns and
// roles that compose with a country ("Arnorian militia"), titles before
// names, and discard phrases. Each may be nil.
type Hooks struct {
	// Agent finds the longest agent phrase starting at words[0] (lower
	// case): its role code, whether the code goes before the country's
	// (NGO~), and its length in words.
	Agent func(words []string) (code string, before bool, n int, ok bool)
	// Title finds the longest title starting at words[0] (as written) and
	// the role code it implies.
	Title func(words []string) (code string, n int, ok bool)
	// Discard reports whether a sentence is not to be coded, and whether
	// its whole document is not.
	Discard func(sentence string) (story, ok bool)
}

// WithHooks returns a copy of the engine using a dictionary's hooks.
func (e *Engine) WithHooks(h Hooks) *Engine {
	c := *e
	c.hooks = h
	return &c
}

// WithParser returns a copy of the engine that codes events on the
// dependency parse m gives of each sentence.
func (e *Engine) WithParser(m *syntax.Model) *Engine {
	c := *e
	c.parser = m
	return &c
}

// New compiles an engine from actor entries and extra verb rules (added
// after the embedded ones).
func New(entries []Entry, extra []VerbRule) (*Engine, error) {
	lx, err := loadLexicon(extra)
	if err != nil {
		return nil, err
	}
	for _, r := range extra {
		if err := cameo.Valid(r.Code); err != nil {
			return nil, fmt.Errorf("verb rule %s: %w", r.Relation, err)
		}
	}
	es := append([]Entry(nil), entries...)
	countries := map[string]*Entry{}
	for i := range es {
		e := &es[i]
		// The first entry of a code is the state itself: generated
		// countries come before historical names sharing the code.
		if e.Type == graph.Country && countries[e.Code] == nil {
			countries[e.Code] = e
		}
	}
	return &Engine{lex: lx, trie: buildTrie(es), countries: countries}, nil
}

// DateSpan is a date found in a sentence, with byte offsets into it.
type DateSpan struct {
	Start, End int
	Date       graph.Date
}

// Sentence is one sentence of a document: Text == doc[Start:End].
type Sentence struct {
	Index      int
	Start, End int
	Text       string
}

// Doc is what the engine reads: a document's text cut into sentences.
type Doc struct {
	ID        string
	Text      string
	Sentences []Sentence
	// Dates, when set, finds the dates of a sentence. An event takes the
	// date nearest to its trigger word in its own sentence, else Date.
	Dates func(sentence string) []DateSpan
	// Date is the document's date (zero when unknown). An event whose
	// sentence gives no date takes it, marked as the document's.
	Date graph.Date
}

// Result is what the engine found in one document.
type Result struct {
	Actors  []graph.Actor // every actor an event refers to, sorted by ID
	Events  []graph.Event // in sentence order
	Unknown []graph.Unknown
}

// Extract runs the rules over every sentence of d. Sentences whose offsets
// do not slice d.Text are skipped, so every event's Start/End slice the
// document.
func (e *Engine) Extract(d Doc) Result {
	ds := newDocState()
	ds.date = d.Date
	rec := &recognizer{e: e, doc: ds}
	rf := &relFinder{e: e, ds: ds, used: map[int]bool{}}
	var toks []token
	var events []graph.Event
	seen := map[string]bool{}
	lists := headlineLists(d)
	discard := map[int]bool{}
	if e.hooks.Discard != nil {
		for k, s := range d.Sentences {
			if story, ok := e.hooks.Discard(s.Text); ok {
				if story {
					return e.finish(ds, nil) // a sports report, a film review
				}
				discard[k] = true
			}
		}
	}
	for k, s := range d.Sentences {
		if discard[k] {
			continue
		}
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End || d.Text[s.Start:s.End] != s.Text {
			continue
		}
		if lists[k] {
			continue
		}
		toks = tokenize(s.Text, toks)
		rec.text, rec.sent, rec.toks = s.Text, s.Index, toks
		ms := rec.run()
		sortMentions(ms)
		gs := buildGroups(toks, ms)
		for _, g := range gs {
			var cs []*actorRec
			for _, a := range g.actors {
				if a.isCountry() {
					cs = append(cs, a)
				}
			}
			if len(cs) >= 2 {
				ds.focus = [2]*actorRec{cs[0], cs[1]}
			}
		}
		rf.text, rf.toks, rf.ms, rf.gs = s.Text, toks, ms, gs
		rf.index()
		if e.parser != nil {
			rf.found = e.treeFind(ds, s.Text, toks, ms)
		} else {
			rf.run()
		}
		var dates []DateSpan
		if d.Dates != nil && len(rf.found) > 0 {
			dates = d.Dates(s.Text)
		}
		var triggers []int
		for _, fd := range rf.found {
			triggers = append(triggers, toks[fd.trig].start)
		}
		for _, fd := range rf.found {
			fd.agents, fd.targets = ds.expandCodes(fd.agents), ds.expandCodes(fd.targets)
			events = e.emit(events, d.ID, d.Date, s, toks, fd, triggers, dates, seen)
		}
		ds.prevSubject, ds.prevSubjectSent = nil, s.Index
		if len(rf.found) > 0 && len(rf.found[0].agents) > 0 && !rf.found[0].agents[0].unknown {
			ds.prevSubject = rf.found[0].agents[0]
		} else {
			for _, m := range ms {
				if m.actor != nil && m.kind != mPronoun && (m.actor.isCountry() || m.actor.Type == graph.Organization || m.actor.Type == graph.IGO) {
					ds.prevSubject = m.actor
					break
				}
			}
		}
	}
	return e.finish(ds, events)
}

// headlineLists marks the sentences that belong to a list of headlines:
// two or more lines in a row, each a paragraph of its own without final
// punctuation ("Recent posts" boxes, related-story links). Their present
// tense reads as news but they are other pages' titles.
func headlineLists(d Doc) map[int]bool {
	bare := make([]bool, len(d.Sentences))
	for k, s := range d.Sentences {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End || s.End == s.Start {
			continue
		}
		last := d.Text[s.End-1]
		ends := strings.IndexByte(".!?\"')]:;", last) >= 0 || s.End >= 3 && (d.Text[s.End-3:s.End] == "”" || d.Text[s.End-3:s.End] == "’")
		lineStart := s.Start == 0 || d.Text[s.Start-1] == '\n'
		lineEnd := s.End == len(d.Text) || d.Text[s.End] == '\n'
		bare[k] = !ends && lineStart && lineEnd
	}
	var out map[int]bool
	for k := range bare {
		if bare[k] && (k > 0 && bare[k-1] || k+1 < len(bare) && bare[k+1]) {
			if out == nil {
				out = map[int]bool{}
			}
			out[k] = true
		}
	}
	return out
}

func (e *Engine) emit(events []graph.Event, docID string, docDate graph.Date, s Sentence, toks []token, fd finding, triggers []int, dates []DateSpan, seen map[string]bool) []graph.Event {
	var pairs []actorPair
	if fd.reciprocal {
		for i := 0; i < len(fd.agents); i++ {
			for j := i + 1; j < len(fd.agents); j++ {
				pairs = append(pairs, actorPair{fd.agents[i], fd.agents[j]})
				if fd.mutual {
					pairs = append(pairs, actorPair{fd.agents[j], fd.agents[i]})
				}
			}
		}
	} else {
		for _, a := range fd.agents {
			for _, b := range fd.targets {
				pairs = append(pairs, actorPair{a, b})
			}
		}
	}
	code := fd.code
	c, ok := cameo.Lookup(code)
	if !ok {
		if !fd.userCode || !cameo.User(code) {
			return events
		}
		c = cameo.Code{Code: code} // a user's own code: no Goldstein score
	}
	ds := pickDates(s.Text, toks, fd.trig, triggers, dates)
	for k, date := range ds {
		n := len(events)
		events = e.emitDated(events, docID, s, fd, pairs, code, c.Goldstein, date, k > 0, seen)
		if date.IsZero() && !docDate.IsZero() {
			for i := n; i < len(events); i++ {
				events[i].Date, events[i].DocDate = docDate, true
			}
		}
	}
	return events
}

// emitDated appends the events of one finding with one date.
//
// A second date of the same finding ("in 2016 and 2017") would give the
// same event ID; its ID input adds the date to the relation, which keeps
// IDs unique and re-extraction idempotent.
func (e *Engine) emitDated(events []graph.Event, docID string, s Sentence, fd finding, pairs []actorPair, code string, goldstein float64, date graph.Date, extra bool, seen map[string]bool) []graph.Event {
	for _, p := range pairs {
		if p.a == p.b || p.a.Type == graph.Place || p.b.Type == graph.Place {
			continue
		}
		if p.a.Code != "" && p.a.Code == p.b.Code && p.a.isCountry() && p.b.isCountry() {
			continue // "Soviet Union" and "Russia" in one dictionary code
		}
		if !fd.domestic && (p.a.country == p.b || p.b.country == p.a || sameCountry(p.a, p.b) || sameCountry(p.b, p.a)) {
			continue // "Russian officials" and Russia: one side
		}
		idRel := fd.rule.Relation
		if extra {
			idRel += "@" + date.String()
		}
		id := graph.EventID(docID, s.Index, p.a.ID, idRel, code, p.b.ID)
		// One event per triple and sentence, even when two words of it
		// code the same act ("went on a state visit to China").
		inSentence := fmt.Sprintf("sent|%d|%s|%s|%s|%s|%v", s.Index, p.a.ID, code, p.b.ID, date, fd.negated)
		if seen["id|"+id] || seen[inSentence] {
			continue
		}
		// One event per fact and document: a repeated mention adds no
		// event unless it carries a new date.
		key := p.a.ID + "|" + fd.rule.Relation + "|" + code + "|" + p.b.ID
		if fd.negated {
			key += "|not"
		}
		if seen[key] && (date.IsZero() || seen[key+"|"+date.String()]) {
			continue
		}
		seen[key] = true
		seen[key+"|"+date.String()] = true
		seen["id|"+id], seen[inSentence] = true, true
		conf := fd.conf
		if p.a.unknown || p.b.unknown {
			conf *= 0.7
		}
		p.a.used, p.b.used = true, true
		reporter := ""
		if r := fd.reporter; r != nil && r != p.a && r != p.b && r.Type != graph.Place {
			r.used = true
			reporter = r.ID
		}
		events = append(events, graph.Event{Reporter: reporter,
			SourceCode: p.a.codeOn(date), TargetCode: p.b.codeOn(date),
			ID:     id,
			Source: p.a.ID, Target: p.b.ID, Relation: fd.rule.Relation, CAMEO: code,
			QuadClass: cameo.QuadClass(code), Goldstein: goldstein, Date: date,
			Negated: fd.negated, Modality: fd.modality, Symmetric: fd.rule.Symmetric && !fd.oneWay || fd.reciprocal && !fd.mutual,
			DocID: docID, SentenceIndex: s.Index, Start: s.Start, End: s.End, Sentence: s.Text,
			Confidence: round2(conf), Extractor: e.version(),
		})
	}
	return events
}

type actorPair struct{ a, b *actorRec }

// codeOn returns the code a dictionary actor with dated codes held on an
// event's own date when it differs from the one it has in the document,
// else "": "In 1966, Bhutto met Kosygin" in an article of 2018.
func (a *actorRec) codeOn(d graph.Date) string {
	if a.entry == nil || d.IsZero() || a.Code != a.docCode {
		return "" // no dates, or a code the text gave it ("the former president")
	}
	if c := a.entry.codeAt(d); c != a.Code {
		return c
	}
	return ""
}

// sameCountry reports whether a is an organ of country c by code, when the
// two were not linked in the text ("Pakistan Army" and the Pakistan a
// province stands for). Armed groups are no organs: the Pakistani Taliban
// do attack Pakistan.
func sameCountry(a, c *actorRec) bool {
	return c.isCountry() && a.Type == graph.Organization && a.Country != "" && a.Country == countryCode(c)
}

// pickDates returns the date of an event (see pickDate) and, when further
// dates are coordinated with it ("in 2016 and 2017", "in 2016 ... and in
// 2017 the second"), those too: one event each. No date gives one undated
// event.
func pickDates(sent string, toks []token, trig int, triggers []int, dates []DateSpan) []graph.Date {
	d := pickDate(sent, toks, trig, triggers, dates)
	out := []graph.Date{d}
	if d.IsZero() {
		return out
	}
	for _, dt := range dates {
		if dt.Date == d || dt.Date.IsZero() {
			continue
		}
		before := strings.TrimSpace(strings.ToLower(sent[:dt.Start]))
		before = strings.TrimSuffix(before, " in")
		if strings.HasSuffix(before, " and") && !clauseBetween(sent, toks[trig].start, dt.Start) {
			out = append(out, dt.Date)
		}
	}
	return out
}

// pickDate chooses the date of the event triggered at token trig: among the
// sentence's dates, those nearer to this trigger than to any other event's
// and within reach of it (or opening the sentence, "In 2016, ..."), the
// nearest, preferring dates introduced by a preposition ("in September")
// over bare ones inside names ("Druzhba 2016"). No candidate, no date.
func pickDate(sent string, toks []token, trig int, triggers []int, dates []DateSpan) graph.Date {
	if len(dates) == 0 || trig >= len(toks) {
		return graph.Date{}
	}
	at := toks[trig].start
	best, bestScore := -1, 0
	rel := relativeSpans(sent)
	for k, dt := range dates {
		dist := abs(dt.Start - at)
		opening := dt.Start < 12
		if inOtherSpan(rel, dt.Start, at) {
			continue // "Pakistan, which signed a pact in 1954, received ..."
		}
		if !opening {
			if dist > 120 {
				continue
			}
			// Another event nearer to the date takes it when a clause
			// boundary separates this one from the date ("... visit is
			// significant as it takes place before Putin's arrival in
			// October"), not when it is part of this one's object ("condemned
			// the air strike in November 2011").
			nearer := false
			for _, o := range triggers {
				if o != at && abs(dt.Start-o) < dist {
					nearer = true
				}
			}
			if nearer && clauseBetween(sent, at, dt.Start) {
				continue
			}
		}
		score := dist
		if !prepBefore(sent, dt.Start) {
			score += 1000
		}
		if best < 0 || score < bestScore {
			best, bestScore = k, score
		}
	}
	if best < 0 {
		return graph.Date{}
	}
	return dates[best].Date
}

// relativeSpans returns the byte spans of ", which ... ," and ", who ... ,"
// clauses in s.
func relativeSpans(s string) [][2]int {
	var out [][2]int
	for _, opener := range []string{", which ", ", who "} {
		for from := 0; ; {
			i := strings.Index(s[from:], opener)
			if i < 0 {
				break
			}
			i += from
			j := strings.IndexByte(s[i+len(opener):], ',')
			if j < 0 {
				break
			}
			end := i + len(opener) + j
			out = append(out, [2]int{i, end})
			from = end
		}
	}
	return out
}

// inOtherSpan reports whether offset d lies in a span that does not hold t.
func inOtherSpan(spans [][2]int, d, t int) bool {
	for _, sp := range spans {
		if d >= sp[0] && d < sp[1] && !(t >= sp[0] && t < sp[1]) {
			return true
		}
	}
	return false
}

// clauseBetween reports whether a clause boundary (a comma, a semicolon or
// a subordinating word) lies between byte offsets a and b of s.
func clauseBetween(s string, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	seg := s[a:b]
	if strings.ContainsAny(seg, ",;:") {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(seg)) {
		switch w {
		case "as", "before", "after", "when", "while", "because", "which", "who", "whereas", "although", "though", "since", "until":
			return true
		}
	}
	return false
}

// prepBefore reports whether the word before byte i of s is a preposition
// that introduces dates.
func prepBefore(s string, i int) bool {
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && s[k-1] != ' ' {
		k--
	}
	switch strings.ToLower(s[k:j]) {
	case "in", "on", "since", "during", "by", "until", "from", "of", "early", "late", "mid":
		return true
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func round2(x float64) float64 {
	if x > 1 {
		x = 1
	}
	if x < 0 {
		x = 0
	}
	return float64(int(x*100+0.5)) / 100
}

// finish settles actor codes and collects the actors events refer to.
//
// A titled person with no nationality in the text ("Army Chief Gen. X")
// stays without a country: the country a document mentions most is not
// its officials' ("President Bush criticized Russia" in a text about
// Russia).
func (e *Engine) finish(ds *docState, events []graph.Event) Result {
	var res Result
	unknown := map[string]int{}
	for _, a := range ds.order {
		if a.Type == graph.Person {
			switch {
			case a.org != "":
				a.Code = a.org
			case a.Country != "":
				a.Code = a.Country + a.role
			case a.role != "":
				a.Code = "---" + a.role
			default:
				a.Code = "---"
			}
		}
		if !a.used {
			continue
		}
		act := a.Actor
		for s := range a.aliases {
			if s != act.Name {
				act.Aliases = append(act.Aliases, s)
			}
		}
		sort.Strings(act.Aliases)
		res.Actors = append(res.Actors, act)
	}
	unknownByID := map[string]string{}
	for _, a := range ds.order {
		if a.unknown && a.used {
			unknownByID[a.ID] = a.Name
		}
	}
	if len(unknownByID) > 0 {
		for _, ev := range events {
			for _, id := range [2]string{ev.Source, ev.Target} {
				if n, ok := unknownByID[id]; ok {
					unknown[n]++
				}
			}
		}
	}
	sort.Slice(res.Actors, func(i, j int) bool { return res.Actors[i].ID < res.Actors[j].ID })
	res.Actors = dedupActors(res.Actors)
	res.Events = events
	for n, c := range unknown {
		res.Unknown = append(res.Unknown, graph.Unknown{Name: n, Count: c})
	}
	sort.Slice(res.Unknown, func(i, j int) bool { return res.Unknown[i].Name < res.Unknown[j].Name })
	return res
}

// dedupActors merges records that ended with the same ID (two surface
// routes to one canonical name).
func dedupActors(as []graph.Actor) []graph.Actor {
	out := as[:0]
	for _, a := range as {
		if n := len(out); n > 0 && out[n-1].ID == a.ID {
			out[n-1].Aliases = mergeStrings(out[n-1].Aliases, a.Aliases)
			continue
		}
		out = append(out, a)
	}
	return out
}

func mergeStrings(a, b []string) []string {
	m := map[string]bool{}
	for _, s := range a {
		m[s] = true
	}
	for _, s := range b {
		m[s] = true
	}
	out := make([]string, 0, len(m))
	for s := range m {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func countryCode(a *actorRec) string { return countryFrom(a.Country, a.Code) }

func (e *Engine) version() string {
	if e.parser != nil {
		return TreeVersion
	}
	return Version
}

// Name is the coder's name as events carry it.
func (e *Engine) Name() string { return e.version() }
