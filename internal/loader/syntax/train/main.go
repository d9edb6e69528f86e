// Command train builds kg's syntax model from the UD English Web Treebank
// and prints its scores on the development and test sets.
//
//	go run ./internal/loader/syntax/train -ud ../shared/ud
//
// Training is deterministic for a given seed.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kg-project/kg/internal/loader/syntax"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run() error {
	ud := flag.String("ud", "../shared/ud", "folder holding en_ewt-ud-{train,dev,test}.conllu")
	out := flag.String("o", "internal/loader/syntax/model/en_ewt.kgm", "where to write the model")
	tagEpochs := flag.Int("tagger-epochs", 8, "tagger passes over the training set")
	parseEpochs := flag.Int("parser-epochs", 26, "parser passes over the training set")
	folds := flag.Int("folds", 5, "jackknife folds for the parser's training tags (1: gold tags)")
	seed := flag.Uint64("seed", 1, "random seed")
	fast := flag.Bool("fast", true, "also train a greedy parser for speed")
	beam := flag.Int("beam", 16, "beam width of the parsers (1: greedy, trained with a dynamic oracle)")
	prune := flag.Float64("prune", 0.005, "drop beam parser weights smaller than this fraction of the largest")
	pruneFast := flag.Float64("prune-fast", 0.015, "drop fast parser weights smaller than this fraction of the largest")
	from := flag.String("from", "", "prune and score this model instead of training one")
	parsers := flag.String("parsers", "l2r,l2r2", "parsers to train and combine, comma-separated (l2r, r2l, l2r2, ...)")
	add := flag.String("add", "", "with -from: join the beam parsers of this model (trained apart, e.g. -parsers l2r2 -fast=false) to those of -from")
	flag.Parse()

	read := func(part string) ([]*syntax.Sentence, error) {
		return syntax.ReadFile(filepath.Join(*ud, "en_ewt-ud-"+part+".conllu"))
	}
	train, err := read("train")
	if err != nil {
		return err
	}
	dev, err := read("dev")
	if err != nil {
		return err
	}
	test, err := read("test")
	if err != nil {
		return err
	}
	start := time.Now()
	logf := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "[%5.0fs] %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, args...))
	}
	opts := syntax.ModelOptions{
		TaggerEpochs: *tagEpochs, ParserEpochs: *parseEpochs, Folds: *folds, Seed: *seed, Log: logf,
		Parsers: strings.Split(*parsers, ","), Beam: *beam, Fast: *fast,
	}
	var m *syntax.Model
	if *from != "" {
		if m, err = syntax.ReadModelFiles(*from); err != nil {
			return err
		}
		if *add != "" {
			o, err := syntax.ReadModelFile(*add)
			if err != nil {
				return err
			}
			m = m.Join(o)
		}
	} else {
		m = syntax.Train(train, dev, opts)
	}
	m.Prune(*prune, *pruneFast)
	if err := m.WriteFiles(*out); err != nil {
		return err
	}
	// Score the model as written, so that the figures are those of the files.
	m, err = syntax.ReadModelFiles(*out)
	if err != nil {
		return err
	}
	for _, path := range []string{*out, syntax.ExtraPath(*out)} {
		if fi, err := os.Stat(path); err == nil {
			fmt.Printf("model %s: %.1f MB\n", path, float64(fi.Size())/1e6)
		}
	}
	if f := m.Fast(); f != m {
		start := time.Now()
		sc := f.Evaluate(dev)
		fmt.Printf("dev  fast: UAS %.2f  LAS %.2f  (%.0f words/s)\n", sc.UASAcc(), sc.LAS(), float64(sc.Words())/time.Since(start).Seconds())
		sc = f.Evaluate(test)
		fmt.Printf("test fast: UPOS %.2f  UAS %.2f  LAS %.2f\n", sc.UPOSAcc(), sc.UASAcc(), sc.LAS())
	}
	// The model's own beam is scored on dev below, with the test set.
	for k := 1; k < m.Beam(); k *= 2 {
		start := time.Now()
		sc := m.WithBeam(k).Evaluate(dev)
		fmt.Printf("dev  beam %2d: UAS %.2f  LAS %.2f  (%.0f words/s)\n", k, sc.UASAcc(), sc.LAS(),
			float64(sc.Words())/time.Since(start).Seconds())
	}
	if m.Parsers() > 1 {
		for i := 0; i < m.Parsers(); i++ {
			sc := m.WithParsers(i).Evaluate(dev)
			fmt.Printf("dev  parser %d alone: UAS %.2f  LAS %.2f\n", i, sc.UASAcc(), sc.LAS())
		}
		if m.Parsers() > 2 {
			sc := m.WithParsers(0, 1).Evaluate(dev)
			fmt.Printf("dev  parsers 0+1: UAS %.2f  LAS %.2f\n", sc.UASAcc(), sc.LAS())
		}
	}
	for _, set := range []struct {
		name string
		s    []*syntax.Sentence
	}{{"dev", dev}, {"test", test}} {
		start := time.Now()
		sc := m.Evaluate(set.s)
		fmt.Printf("%-4s words %6d  UPOS %.2f  XPOS %.2f  Lemma %.2f  UAS %.2f  LAS %.2f  beam %d (%.0f words/s)\n",
			set.name, sc.Words(), sc.UPOSAcc(), sc.XPOSAcc(), sc.LemmaAcc(), sc.UASAcc(), sc.LAS(), m.Beam(),
			float64(sc.Words())/time.Since(start).Seconds())
	}
	return nil
}
