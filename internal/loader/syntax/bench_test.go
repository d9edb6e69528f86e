package syntax

import (
	"bytes"
	"path/filepath"
	"runtime"
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
// model on one goroutine and reports words per second: with the ensemble
// of kg parse, with one beam parser (Default, as the coder uses it),
// greedily (Fast), and tagging alone.
func BenchmarkParse(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ens, err := Ensemble()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("ensemble", func(b *testing.B) { benchParse(b, ens.Parse) })
	b.Run("beam", func(b *testing.B) { benchParse(b, m.Parse) })
	b.Run("fast", func(b *testing.B) { benchParse(b, m.Fast().Parse) })
	b.Run("tag", func(b *testing.B) { benchParse(b, m.Tag) })
}

// BenchmarkTokenize splits the EWT development set's sentence texts.
func BenchmarkTokenize(b *testing.B) {
	gold := benchSentences(b)
	words := 0
	for _, g := range gold {
		words += len(g.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, g := range gold {
			Tokenize(g.Text, 0)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

func benchParse(b *testing.B, parse func(*Sentence)) {
	gold := benchSentences(b)
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
			parse(s)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkLoadModel reads the embedded model and reports the heap the
// loaded model holds.
func BenchmarkLoadModel(b *testing.B) {
	benchLoad(b, func() (any, error) { return loadEmbedded() })
}

// BenchmarkLoadExtraParsers reads the ensemble's other beam parser, what
// kg parse loads on top of the model, and reports the heap it holds.
func BenchmarkLoadExtraParsers(b *testing.B) {
	benchLoad(b, func() (any, error) { return ReadParsers(bytes.NewReader(embeddedExtra)) })
}

// benchLoad times load and reports the heap what it loaded holds.
func benchLoad(b *testing.B, load func() (any, error)) {
	var v any
	for b.Loop() {
		var err error
		if v, err = load(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	v = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	v, _ = load()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-heap")
}

// BenchmarkLoadEnsemble reads the model and the extra parsers, what kg
// parse loads, and reports the heap both hold.
func BenchmarkLoadEnsemble(b *testing.B) {
	benchLoad(b, func() (any, error) { return loadEnsemble(loadEmbedded) })
}
