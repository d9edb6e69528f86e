package syntax

import "sync"

// Model is a trained tagger, lemmatiser and parser. It is safe for
// concurrent use.
type Model struct {
	tagger *Tagger
	lemmas *Lemmatizer
	parser *Parser
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
func (m *Model) Parse(s *Sentence) {
	m.Tag(s)
	m.parser.Parse(s)
	s.Reindex()
}

// Tag fills UPOS, XPOS and Lemma of every word of s.
func (m *Model) Tag(s *Sentence) {
	m.tagger.Tag(s)
	m.lemmas.Lemmatize(s)
}
