package loader

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/dict"
	"github.com/kg-project/kg/internal/loader/extract"
	"github.com/kg-project/kg/internal/loader/input"
	"github.com/kg-project/kg/internal/loader/syntax"
	"github.com/kg-project/kg/internal/loader/text"
)

// Version names the extractor in every event it makes.
const Version = extract.Version

// LoadError is an extraction failure with the document (and sentence, when
// known) it happened in.
type LoadError struct {
	Doc      string
	Sentence int // -1 when the whole document failed
	Err      error
}

func (e *LoadError) Error() string {
	if e.Sentence >= 0 {
		return fmt.Sprintf("extract %s, sentence %d: %v", e.Doc, e.Sentence, e.Err)
	}
	return fmt.Sprintf("extract %s: %v", e.Doc, e.Err)
}

func (e *LoadError) Unwrap() error { return e.Err }

// ErrEmpty is returned for a document with no text left after cleaning.
var ErrEmpty = errors.New("no text after cleaning")

// Extractor runs the whole extraction for one document. It is immutable
// after New and safe for concurrent use by many goroutines.
type Extractor struct {
	d   *dict.Dictionary
	eng *extract.Engine
}

// New builds an extractor over dictionary d (nil means the embedded
// default). Verb patterns that d adds to the embedded ones (from user
// dictionary files) become extra rules.
func New(d *dict.Dictionary) (*Extractor, error) { return NewWith(d, Options{}) }

// Coder names a way of coding events.
type Coder string

const (
	// CoderRules codes with token-window rules over the lexicon.
	CoderRules Coder = "rules"
	// CoderTree codes on the dependency parse of each sentence.
	CoderTree Coder = "tree"
)

// ParseCoder validates a coder name; the empty string is CoderTree.
func ParseCoder(s string) (Coder, error) {
	switch Coder(strings.ToLower(strings.TrimSpace(s))) {
	case CoderRules:
		return CoderRules, nil
	case "", CoderTree:
		return CoderTree, nil
	}
	return "", fmt.Errorf("unknown coder %q (want rules or tree)", s)
}

// DefaultDictionary is the dictionary events are coded with when given
// none: the standard one, kg's YAML with the Phoenix dictionaries.
func DefaultDictionary() (*dict.Dictionary, error) { return dict.Standard() }

// LoadDictionary is DefaultDictionary with the files at paths merged
// over it.
func LoadDictionary(paths ...string) (*dict.Dictionary, error) {
	return dict.LoadStandard(paths...)
}

// Options are the choices an extractor is built with; the zero value is
// the parse coder with its beam of four.
type Options struct {
	Coder Coder
	// FastParse makes the parse coder parse greedily instead of with a
	// beam of four: the whole load about 1.7 times faster, coding a little
	// worse (BENCHMARKS.md).
	FastParse bool
}

// parseBeam is the beam the parse coder parses with: on the phenomenon
// cases and the development articles it codes as well as the model's
// default beam of sixteen, four times faster.
const parseBeam = 4

// NewWith builds an extractor over dictionary d (nil means the embedded
// default) with options o.
func NewWith(d *dict.Dictionary, o Options) (*Extractor, error) {
	if d == nil {
		var err error
		if d, err = DefaultDictionary(); err != nil {
			return nil, fmt.Errorf("load dictionary: %w", err)
		}
	}
	verbs, err := userVerbs(d)
	if err != nil {
		return nil, err
	}
	eng, err := extract.New(Entries(d), verbs)
	if err != nil {
		return nil, fmt.Errorf("build extractor: %w", err)
	}
	if len(d.Issues) > 0 {
		// kg codes events, not issues: an issue list would be read and
		// then ignored.
		return nil, fmt.Errorf("%s: issue lists are not used in coding events; leave the file out", issuesFile(d))
	}
	if o.Coder == CoderRules {
		// The rules coder has no use for verb patterns: a user's verb
		// dictionary would be read and then ignored.
		if where := userVerbDict(d); where != "" {
			return nil, fmt.Errorf("%s: PETRARCH verb dictionaries code events with --coder tree only", where)
		}
	}
	eng = eng.WithHooks(extract.HooksOf(d))
	if o.Coder != CoderRules {
		m, err := syntax.Default()
		if err != nil {
			return nil, fmt.Errorf("build extractor: %w", err)
		}
		if o.FastParse {
			m = m.Fast()
		} else {
			m = m.WithBeam(parseBeam)
		}
		eng = eng.WithParser(m).WithVerbs(d.VerbDict)
	}
	return &Extractor{d: d, eng: eng}, nil
}

// Entries converts the dictionary's actors into the engine's entries.
func Entries(d *dict.Dictionary) []extract.Entry { return extract.EntriesOf(d) }

// userVerbs returns the verb rules of d that the embedded dictionary does
// not have (those of user dictionary files) as engine rules; the engine's
// own lexicon already holds the default grammar.
func userVerbs(d *dict.Dictionary) ([]extract.VerbRule, error) {
	def, err := dict.Default()
	if err != nil {
		return nil, fmt.Errorf("load dictionary: %w", err)
	}
	known := map[string]bool{}
	for _, v := range def.Verbs {
		known[verbKey(v)] = true
	}
	var out []extract.VerbRule
	for _, v := range d.Verbs {
		if known[verbKey(v)] {
			continue
		}
		out = append(out, VerbRule(v))
	}
	return out, nil
}

func verbKey(v dict.VerbEntry) string {
	return v.Relation + "\x00" + v.Code + "\x00" + strings.Join(v.Verbs, "|") + "\x00" + strings.Join(v.Nouns, "|") +
		"\x00" + strings.Join(v.Requires, "|") + "\x00" + strings.Join(v.NounRequires, "|")
}

// VerbRule converts a dictionary verb entry; the two share their fields.
func VerbRule(v dict.VerbEntry) extract.VerbRule {
	r := extract.VerbRule{
		Relation: v.Relation, Code: v.Code, Verbs: v.Verbs, Forms: v.Forms, Nouns: v.Nouns,
		Preps: v.Preps, NounPreps: v.NounPreps, Direct: v.Direct, Requires: v.Requires,
		RequiresBefore: v.RequiresBefore, Symmetric: v.Symmetric, GroupCode: v.GroupCode,
		Intent: v.Intent, ModifierTarget: v.ModifierTarget, Objects: v.Objects,
		TargetTypes: v.TargetTypes, NounWindow: v.NounWindow, DirectAfterRequire: v.DirectAfterRequire,
		Reverse: v.Reverse, ModifierOnly: v.ModifierOnly, SymmetricWithoutTarget: v.SymmetricWithoutTarget,
		NounDirect: v.NounDirect, NounRequires: v.NounRequires, AgentRoles: v.AgentRoles,
	}
	for _, w := range v.Words {
		r.Words = append(r.Words, extract.WordCode{Code: w.Code, Words: w.Words})
	}
	return r
}

// Process cleans one input and extracts its events: Prepare, then
// ProcessText.
func (x *Extractor) Process(in input.Input) (graph.Extraction, error) {
	doc, err := x.Prepare(in)
	if err != nil {
		return graph.Extraction{}, err
	}
	return x.ProcessText(doc)
}

// Prepare cleans one input into the document Process would store, ID
// included, without extracting anything. It is the cheap part of Process:
// a caller can look the ID up and skip documents already stored.
func (x *Extractor) Prepare(in input.Input) (graph.Document, error) {
	art, err := text.Clean(in.Data, in.Format, text.CleanOptions{KnownWord: x.d.KnownWord})
	if err != nil {
		return graph.Document{}, &LoadError{Doc: in.Name, Sentence: -1, Err: err}
	}
	if strings.TrimSpace(art.Text) == "" {
		return graph.Document{}, &LoadError{Doc: in.Name, Sentence: -1, Err: ErrEmpty}
	}
	doc := graph.Document{
		ID: graph.DocumentID(art.Text), Name: in.Name, Title: in.Title, Source: in.Source,
		Text: art.Text, Raw: string(in.Data), Format: in.Format,
	}
	if doc.Title == "" {
		doc.Title = art.Title
	}
	if in.Date != "" {
		if d, err := graph.ParseDate(in.Date); err == nil {
			doc.Date = d
		}
	}
	if doc.Date.IsZero() {
		doc.Date = art.Date
	}
	if doc.Source == "" {
		doc.Source = in.URL
	}
	return doc, nil
}

// ProcessText extracts the events of a document whose text is already
// clean (a stored document being re-indexed). doc.ID is kept if set.
//
// Dates: an event takes the date mentioned in its own sentence nearest to
// its trigger word, resolved against the document date ("last month"). A
// sentence with no date gives the event the document's date, marked as
// such (date_precision "document"): news text mixes history with the
// present, so it says only that the event was reported by then.
func (x *Extractor) ProcessText(doc graph.Document) (graph.Extraction, error) {
	if doc.ID == "" {
		doc.ID = graph.DocumentID(doc.Text)
	}
	sents := text.Sentences(doc.Text)
	doc.Sentences = len(sents)
	es := make([]extract.Sentence, len(sents))
	for i, s := range sents {
		es[i] = extract.Sentence{Index: s.Index, Start: s.Start, End: s.End, Text: s.Text}
	}
	ref := doc.Date
	res := x.eng.Extract(extract.Doc{
		ID: doc.ID, Text: doc.Text, Sentences: es, Date: doc.Date,
		Dates: func(sentence string) []extract.DateSpan {
			ms := text.FindDates(sentence, ref)
			out := make([]extract.DateSpan, len(ms))
			for i, m := range ms {
				out[i] = extract.DateSpan{Start: m.Start, End: m.End, Date: m.Date}
			}
			return out
		},
	})
	seen(res.Actors, res.Events, doc.Date)
	return graph.Extraction{Doc: doc, Actors: res.Actors, Events: res.Events, Unknown: res.Unknown}, nil
}

// seen sets each actor's first and last dates from its events, falling
// back on the document date.
func seen(actors []graph.Actor, events []graph.Event, docDate graph.Date) {
	idx := make(map[string]int, len(actors))
	for i := range actors {
		idx[actors[i].ID] = i
	}
	for _, e := range events {
		if e.Date.IsZero() {
			continue
		}
		for _, id := range []string{e.Source, e.Target} {
			i, ok := idx[id]
			if !ok {
				continue
			}
			a := &actors[i]
			if a.FirstSeen.IsZero() || e.Date.Before(a.FirstSeen) {
				a.FirstSeen = e.Date
			}
			if a.LastSeen.IsZero() || a.LastSeen.Before(e.Date) {
				a.LastSeen = e.Date
			}
		}
	}
	for i := range actors {
		if actors[i].FirstSeen.IsZero() {
			actors[i].FirstSeen, actors[i].LastSeen = docDate, docDate
		}
	}
}

// userVerbDict returns where a verb of a user's PETRARCH verb dictionary
// was read, or "" when d has none beyond the embedded ones.
func userVerbDict(d *dict.Dictionary) string {
	for _, b := range d.VerbDict.Blocks {
		for _, w := range b.Verbs {
			if !strings.HasPrefix(w.Where, "phoenix:") && !strings.HasPrefix(w.Where, "embedded:") {
				file, _, _ := strings.Cut(w.Where, ":")
				return file
			}
		}
	}
	return ""
}

// issuesFile returns where d's first issue entry was read.
func issuesFile(d *dict.Dictionary) string {
	file, _, _ := strings.Cut(d.Issues[0].Where, ":")
	return file
}
