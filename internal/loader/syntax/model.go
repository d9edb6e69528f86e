package syntax

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"strings"
	"sync"
)

// Model is a trained tagger, lemmatiser and parser. It is safe for
// concurrent use.
type Model struct {
	tagger *Tagger
	lemmas *Lemmatizer
	// parsers are combined when there are several; the first is trusted
	// most.
	parsers []*Parser
	// fast, when there is one, is a greedy parser trained apart (with the
	// dynamic oracle) for callers that need speed more than the beam's
	// accuracy; see Fast.
	fast *Parser
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, reading it on the first call.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = loadEmbedded()
	})
	return defaultModel, defaultErr
}

// Parse fills UPOS, XPOS, Lemma, Head and Rel of every word of s, keeping
// its words and their forms. The result is always a tree.
func (m *Model) Parse(s *Sentence) { m.ParseKeeping(s, nil) }

// ParseKeeping is Parse, except that the words whose keep flag is set
// keep the UPOS and XPOS they have: a caller that knows more than the
// tagger (a gazetteer that found a country's name) says so.
func (m *Model) ParseKeeping(s *Sentence, keep []bool) {
	m.tagger.tag(s, keep)
	m.lemmas.Lemmatize(s)
	m.ParseTagged(s)
}

// ParseRetagged is ParseKeeping for a sentence that Tag already tagged
// and whose kept words the caller then retagged: only the words from the
// first kept one on are tagged again, the ones before it keeping their
// tags, which cannot change. It gives what ParseKeeping gives.
func (m *Model) ParseRetagged(s *Sentence, keep []bool) {
	from := len(s.Tokens)
	for i, k := range keep {
		if k {
			from = i
			break
		}
	}
	m.tagger.tagFrom(s, keep, from)
	m.lemmas.Lemmatize(s)
	m.ParseTagged(s)
}

// ParseTagged fills Head and Rel of every word of s, whose tags and
// lemmas Tag (or the caller) already set: a caller that tagged a sentence
// to decide whether to parse it does not pay for tagging twice.
func (m *Model) ParseTagged(s *Sentence) {
	if len(s.Tokens) > maxBeamWords && m.parsers[0].beam > 1 {
		m.parseLong(s)
		return
	}
	m.parsers[0].Parse(s)
	if voters := m.voters(); len(voters) > 1 && len(s.Tokens) <= maxReparse {
		trees := make([][]Token, len(voters))
		trees[0] = append([]Token(nil), s.Tokens...)
		for k, p := range voters[1:] {
			p.Parse(s)
			trees[k+1] = append([]Token(nil), s.Tokens...)
		}
		combine(s, trees, weights(len(voters)))
	}
	s.Reindex()
}

// voters are the parsers whose trees are combined: the beam parsers, and
// the fast parser beside them when there are two or more. Two voters alone
// would always give the first one's tree; a third breaks their ties, and
// the greedy parser, trained apart, disagrees with the beam parsers in
// other places than they disagree with each other.
func (m *Model) voters() []*Parser {
	if len(m.parsers) < 2 {
		return m.parsers
	}
	v := m.parsers[:len(m.parsers):len(m.parsers)]
	if m.fast != nil {
		v = append(v, m.fast)
	}
	return v
}

// Join returns a model with m's tagger and parsers followed by the beam
// parsers of o, whose trees are combined with m's: two parsers trained
// apart (with different seeds) make fewer mistakes together. o must have
// been trained on the same treebank with the same tagger options.
func (m *Model) Join(o *Model) *Model { return m.join(o.parsers) }

func (m *Model) join(ps []*Parser) *Model {
	c := *m
	c.parsers = append(m.parsers[:len(m.parsers):len(m.parsers)], ps...)
	return &c
}

// ExtraPath is the file in which WriteFiles keeps the extra parsers of the
// model written to path.
func ExtraPath(path string) string { return strings.TrimSuffix(path, ".kgm") + ".extra.kgm" }

// WriteFiles writes the model to path and, when it has more than one beam
// parser, its first parser there and the others to ExtraPath(path).
func (m *Model) WriteFiles(path string) error {
	if len(m.parsers) == 1 {
		return m.WriteFile(path)
	}
	if err := m.WithParsers(0).WriteFile(path); err != nil {
		return err
	}
	return m.WriteParsersFile(ExtraPath(path))
}

// ReadModelFiles reads a model written by WriteFiles, its extra parsers
// joined when their file is there.
func ReadModelFiles(path string) (*Model, error) {
	m, err := ReadModelFile(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(ExtraPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	defer f.Close()
	ps, err := ReadParsers(f)
	if err != nil {
		return nil, fmt.Errorf("read model %s: %w", ExtraPath(path), err)
	}
	return m.join(ps), nil
}

// maxBeamWords is the longest sentence parsed with the beam. The beam copies
// each configuration it keeps at every step, a cost that grows with the
// square of the sentence's length; longer "sentences" (a page of text with
// no full stop, a table flattened into one line) are parsed greedily, in
// time linear in their length. No sentence of the treebank is this long.
const maxBeamWords = 300

func (m *Model) parseLong(s *Sentence) {
	p := m.fast
	if p == nil {
		q := *m.parsers[0]
		q.beam = 1
		p = &q
	}
	p.Parse(s)
	s.Reindex()
}

// weights are the votes of n parsers: one each, and a little more for the
// first so that it breaks ties.
func weights(n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1
	}
	w[0] = 1.01
	return w
}

// Tag fills UPOS, XPOS and Lemma of every word of s.
func (m *Model) Tag(s *Sentence) {
	m.tagger.Tag(s)
	m.lemmas.Lemmatize(s)
}

// Parsers is the number of parsers the model combines.
func (m *Model) Parsers() int { return len(m.parsers) }

// WithParsers returns a model that shares m's tagger and uses only the
// parsers with the given indexes, to measure what each adds.
func (m *Model) WithParsers(idx ...int) *Model {
	c := *m
	c.parsers = nil
	for _, i := range idx {
		c.parsers = append(c.parsers, m.parsers[i])
	}
	return &c
}

// Beam is the beam width the model's parsers search with.
func (m *Model) Beam() int { return m.parsers[0].beam }

// Fast returns a model that parses greedily with the model's fast parser,
// about ten times faster than the beam search and 1.5 points less
// accurate; m itself when it has no fast parser.
func (m *Model) Fast() *Model {
	if m.fast == nil {
		return m
	}
	c := *m
	c.parsers = []*Parser{m.fast}
	return &c
}

// WithBeam returns a model that shares m's weights and searches with a beam
// of width k: wider is more accurate and proportionally slower; 1 is
// greedy.
func (m *Model) WithBeam(k int) *Model {
	c := *m
	c.parsers = make([]*Parser, len(m.parsers))
	for i, p := range m.parsers {
		q := *p
		q.beam = max(k, 1)
		c.parsers[i] = &q
	}
	return &c
}

// Prune drops the weights of the beam parsers whose magnitude is below
// frac of the largest, and those of the fast parser below fastFrac. Most
// features of a trained parser carry weights too small to change a
// decision; dropping them shrinks the model file and the memory it takes.
// The tagger is left whole: it is small.
func (m *Model) Prune(frac, fastFrac float64) {
	prune := func(p *Parser, frac float64) {
		if minAbs := int16(min(frac*math.MaxInt16, math.MaxInt16)); p != nil && minAbs > 1 {
			p.weights = p.weights.pruned(minAbs)
		}
	}
	for _, p := range m.parsers {
		prune(p, frac)
	}
	prune(m.fast, fastFrac)
}
