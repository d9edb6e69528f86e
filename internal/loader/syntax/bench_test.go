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
	var m *Model
	for b.Loop() {
		var err error
		if m, err = loadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	m = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, _ = loadEmbedded()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(m)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-heap")
}

// BenchmarkLoadExtraParsers reads the ensemble's other beam parser, what
// kg parse loads on top of the model, and reports the heap it holds.
func BenchmarkLoadExtraParsers(b *testing.B) {
	var ps []*Parser
	for b.Loop() {
		var err error
		if ps, err = ReadParsers(bytes.NewReader(embeddedExtra)); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	ps = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	ps, _ = ReadParsers(bytes.NewReader(embeddedExtra))
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(ps)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-heap")
}
