package syntax

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// The model trained by ./train on the UD English Web Treebank (CC BY-SA 4.0;
// see NOTICE at the repository root): the tagger, the lemmatiser, the first
// beam parser and the fast parser in one file, the other beam parser of the
// ensemble in another, read only by Ensemble.
//
//go:embed model/en_ewt.kgm
var embeddedModel []byte

//go:embed model/en_ewt.extra.kgm
var embeddedExtra []byte

func loadEmbedded() (*Model, error) {
	m, err := ReadModel(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("load embedded syntax model: %w", err)
	}
	return m, nil
}

var (
	ensembleOnce  sync.Once
	ensembleModel *Model
	ensembleErr   error
)

// Ensemble returns the embedded model with its other beam parser joined:
// the trees of both and of the fast parser are combined, about a third of
// a point more accurate than Default's and half as fast (BENCHMARKS.md).
// The extra parser is read on the first call.
func Ensemble() (*Model, error) {
	ensembleOnce.Do(func() { ensembleModel, ensembleErr = loadEnsemble(Default) })
	return ensembleModel, ensembleErr
}

// loadEnsemble reads the extra parsers while base loads the model: on two
// cores the two loads take about as long as the longer one.
func loadEnsemble(base func() (*Model, error)) (*Model, error) {
	type parsers struct {
		ps  []*Parser
		err error
	}
	extra := make(chan parsers, 1)
	go func() {
		ps, err := ReadParsers(bytes.NewReader(embeddedExtra))
		extra <- parsers{ps, err}
	}()
	m, err := base()
	x := <-extra
	if err != nil {
		return nil, err
	}
	if x.err != nil {
		return nil, fmt.Errorf("load embedded syntax parsers: %w", x.err)
	}
	return m.join(x.ps), nil
}
