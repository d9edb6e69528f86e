package syntax

import (
	"fmt"
	"os"
	"sync"
)

// ReadFile reads every sentence of a CoNLL-U file.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read treebank: %w", err)
	}
	defer f.Close()
	return ReadAll(f, path)
}

// ModelOptions controls Train.
type ModelOptions struct {
	TaggerEpochs int
	ParserEpochs int
	// Folds is the number of parts the training set is cut into to give the
	// parser tags predicted by a tagger that did not see them.
	Folds int
	// Parsers lists the parsers to train and combine: "l2r" reads left to
	// right, "r2l" right to left; a digit after the name varies the seed
	// ("l2r2").
	Parsers []string
	// Beam is the width of the parsers' beam search; 1 trains greedy
	// parsers.
	Beam int
	// Fast also trains a greedy parser for Model.Fast.
	Fast bool
	Seed uint64
	Log  func(format string, args ...any)
}

func (o ModelOptions) logf(format string, args ...any) {
	if o.Log != nil {
		o.Log(format, args...)
	}
}

// Train builds a model from a treebank's training and development sets.
func Train(train, dev []*Sentence, o ModelOptions) *Model {
	logf := o.logf
	topts := TrainOptions{Epochs: o.TaggerEpochs, Seed: o.Seed, Log: o.Log}
	tagger := TrainTagger(train, dev, topts)
	lemmas := TrainLemmatizer(train)

	tagged := jackknifeTags(train, o)
	m := &Model{tagger: tagger, lemmas: lemmas, parsers: make([]*Parser, len(o.Parsers))}
	// Parsers train independently, so they train side by side.
	var wg sync.WaitGroup
	for i, name := range o.Parsers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seed := o.Seed
			if len(name) > 3 {
				seed += uint64(name[3]-'0') * 1000
			}
			log := func(format string, args ...any) { logf(name+" "+format, args...) }
			m.parsers[i] = TrainParser(tagged, dev, tagger, name[:3] == "r2l", o.Beam,
				TrainOptions{Epochs: o.ParserEpochs, Seed: seed, Log: log})
		}()
	}
	if o.Fast {
		wg.Add(1)
		go func() {
			defer wg.Done()
			log := func(format string, args ...any) { logf("fast "+format, args...) }
			m.fast = TrainParser(tagged, dev, tagger, false, 1, TrainOptions{Epochs: o.ParserEpochs, Seed: o.Seed, Log: log})
		}()
	}
	wg.Wait()
	return m
}

// jackknifeTags returns copies of train whose UPOS and XPOS are those of
// taggers that did not see the sentence, so that the parser learns to live
// with the tagger's mistakes.
func jackknifeTags(train []*Sentence, o ModelOptions) []*Sentence {
	tagged := make([]*Sentence, len(train))
	for i, s := range train {
		tagged[i] = s.clone()
	}
	if o.Folds <= 1 {
		return tagged
	}
	for k := 0; k < o.Folds; k++ {
		ft := TrainTagger(foldOut(train, o.Folds, k), nil, TrainOptions{Epochs: o.TaggerEpochs, Seed: o.Seed + uint64(k) + 1})
		for i := k; i < len(train); i += o.Folds {
			ft.Tag(tagged[i]) // reads the forms only
		}
		o.logf("jackknife fold %d/%d tagged", k+1, o.Folds)
	}
	return tagged
}

// foldOut returns the sentences of train outside fold k of n.
func foldOut(train []*Sentence, n, k int) []*Sentence {
	var in []*Sentence
	for i, s := range train {
		if i%n != k {
			in = append(in, s)
		}
	}
	return in
}

// Evaluate parses blank copies of gold and scores them.
func (m *Model) Evaluate(gold []*Sentence) Scores {
	var sc Scores
	for _, g := range gold {
		s := blankCopy(g)
		m.Parse(s)
		sc.Add(g, s)
	}
	return sc
}

// identity returns 0, 1, …, n-1: the order of the training sentences
// before each epoch shuffles it.
func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
