package syntax

import (
	"path/filepath"
	"testing"
)

func benchSentences(b *testing.B) []*Sentence {
	b.Helper()
	dir := udDir(b)
	gold, err := ReadFile(filepath.Join(dir, "en_ewt-ud-dev.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	return gold
}

// BenchmarkParse tags and parses the EWT development set with the embedded
// model on one goroutine and reports words per second.
func BenchmarkParse(b *testing.B) {
	gold := benchSentences(b)
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	for _, g := range gold {
		words += len(g.Tokens)
	}
	blank := make([]*Sentence, len(gold))
	for i, g := range gold {
		blank[i] = blankCopy(g)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range blank {
			m.Parse(s)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkLoadModel reads the embedded model.
func BenchmarkLoadModel(b *testing.B) {
	for b.Loop() {
		if _, err := loadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}
