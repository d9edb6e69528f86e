package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/loader/input"
	"github.com/kg-project/kg/internal/loader/syntax"
	"github.com/kg-project/kg/internal/loader/text"
)

// What kg parse reads.
const (
	parseInputText   = "text"
	parseInputCoNLLU = "conllu"
)

type parseOptions struct {
	IO      *ioStreams
	Paths   []string
	Input   string
	Fast    bool
	Dicts   []string
	MaxSize int64
}

func newCmdParse(f *factory, runF func(*parseOptions) error) *cobra.Command {
	opts := &parseOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "parse [PATH...|-]",
		Short: "Print the Universal Dependencies parse of documents as CoNLL-U",
		Long: `Parse cleans documents exactly as 'kg load' does, splits them into sentences,
and prints each sentence tagged, lemmatised and parsed into a Universal
Dependencies tree, in CoNLL-U. The model is kg's own, trained on the UD
English Web Treebank and embedded in the binary.

Columns, tab-separated, one word a line:
  ID      word number in the sentence, from 1; "3-4" is a multiword token
          ("don't" over the words "do" and "n't")
  FORM    the word as written
  LEMMA   its dictionary form
  UPOS    universal part of speech (NOUN, VERB, PROPN...)
  XPOS    Penn Treebank tag (NN, VBD, NNP...)
  FEATS   morphological features; kg predicts none ("_")
  HEAD    ID of the word this one depends on; 0 for the root
  DEPREL  UD relation to the head (nsubj, obj, nsubj:pass...)
  DEPS    enhanced dependencies; "_"
  MISC    Offset=START:END, the word's byte offsets in the cleaned document
          text (the offsets kg's events carry), and SpaceAfter=No
Each document starts with "# newdoc id = NAME"; its sentences are numbered
"# sent_id = NAME-1", "NAME-2"..., with the sentence in "# text = ...".

Documents are read as by 'kg extract': files of any format kg reads, folders,
JSON Lines. With no path, or "-", stdin is read and its format guessed: JSON
Lines when the first line is a JSON object, HTML when it looks like a web
page, plain text otherwise. Each document is written as soon as it is
parsed. A bad document is reported on stderr with its name and skipped; the
exit status is then 1.

With --input conllu, the files (or stdin) are CoNLL-U instead: their words,
multiword tokens, comments and sentence IDs are kept, and LEMMA, UPOS, XPOS,
HEAD and DEPREL are replaced by the model's. FEATS and MISC are kept. DEPS
is cleared, as the enhanced graph of the input would no longer agree with
the new tree; empty nodes ("8.1") are copied unchanged. The output can be
scored against the input treebank with the CoNLL 2018 shared task's
evaluation script. A malformed file stops with its name and line.

The parser searches with a beam (several analyses kept at every step);
--fast uses a greedy parser instead, about ten times faster and about 1.5
points less accurate (BENCHMARKS.md has the figures). Sentences of more
than 300 words (a page with no full stop) are always parsed greedily.`,
		Example: `  kg parse article.txt
  echo 'Russia and Pakistan signed a defence agreement.' | kg parse
  kg parse corpus/ > corpus.conllu
  kg parse --input conllu en_ewt-ud-test.conllu > pred.conllu
  python conll18_ud_eval.py -v en_ewt-ud-test.conllu pred.conllu`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Input != parseInputText && opts.Input != parseInputCoNLLU {
				return flagErrorf(cmd, "unknown --input %q (want %s or %s)", opts.Input, parseInputText, parseInputCoNLLU)
			}
			opts.Paths = args
			opts.Dicts = dictFlagPaths(cmd)
			if runF != nil {
				return runF(opts)
			}
			return runParse(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Input, "input", parseInputText, "what the paths hold: text (documents) or conllu (sentences to re-parse)")
	cmd.Flags().BoolVar(&opts.Fast, "fast", false, "parse greedily: about ten times faster, 1.5 points less accurate")
	// The dictionary matters to cleaning (it repairs run-together words), so
	// it is needed here for the offsets to match those of kg load.
	addDictFlag(cmd)
	addMaxSizeFlag(cmd, &opts.MaxSize)
	return cmd
}

func runParse(ctx context.Context, opts *parseOptions) error {
	// The fast parser needs none of the beam parsers; the default reads
	// the second one too and combines their trees.
	load := syntax.Ensemble
	if opts.Fast {
		load = syntax.Default
	}
	m, err := load()
	if err != nil {
		return err
	}
	if opts.Fast {
		m = m.Fast()
	}
	if opts.Input == parseInputCoNLLU {
		return reparseCoNLLU(ctx, m, opts)
	}
	return parseDocuments(ctx, m, opts)
}

// parseDocuments parses text documents, one CoNLL-U document each.
func parseDocuments(ctx context.Context, m *syntax.Model, opts *parseOptions) error {
	x, _, err := newExtractor(opts.Dicts, loader.Options{})
	if err != nil {
		return err
	}
	// Unlike kg extract, a bare stdin is sniffed: piping a sentence into
	// kg parse to see its tree is the common case, and JSON Lines still
	// work because their first line gives them away.
	docs := docStream{IO: opts.IO, Paths: opts.Paths, MaxSize: opts.MaxSize,
		WriteErr: func(err error) error { return fmt.Errorf("write CoNLL-U: %w", err) }}
	return docs.run(ctx, func(w *bufio.Writer, in input.Input, report func(error)) error {
		doc, err := x.Prepare(in)
		if err != nil {
			// The loader's error speaks of extraction; here only its cause
			// is news.
			var le *loader.LoadError
			if errors.As(err, &le) {
				err = le.Err
			}
			report(fmt.Errorf("%s: %w", in.Source, err))
			return nil
		}
		return writeParsedDoc(ctx, w, m, doc.Name, doc.Text)
	})
}

// writeParsedDoc splits cleaned text into sentences and writes each parsed.
// Tokens are placed at their offsets in the whole text, so MISC carries the
// offsets that events of the same document have.
func writeParsedDoc(ctx context.Context, w *bufio.Writer, m *syntax.Model, name, cleaned string) error {
	n := 0
	for _, sent := range text.Sentences(cleaned) {
		if err := ctx.Err(); err != nil {
			return err
		}
		s := syntax.Tokenize(sent.Text, sent.Start)
		if s == nil || s.Len() == 0 {
			continue
		}
		m.Parse(s)
		n++
		if n == 1 {
			s.Comments = append([]string{"newdoc id = " + name}, s.Comments...)
		}
		s.ID = name + "-" + strconv.Itoa(n)
		s.Text = sent.Text
		if err := syntax.Write(w, s); err != nil {
			return fmt.Errorf("write CoNLL-U: %w", err)
		}
	}
	return nil
}

// reparseCoNLLU replaces the analysis of CoNLL-U sentences with the model's.
// A malformed file cannot be resynchronised reliably, so the rest of it is
// skipped; the other files are still parsed.
func reparseCoNLLU(ctx context.Context, m *syntax.Model, opts *parseOptions) error {
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	w := bufio.NewWriterSize(opts.IO.Out, 64<<10)
	failed := false
	for _, p := range paths {
		err := reparseFile(ctx, w, m, p, opts.IO.In)
		var werr *writeError
		if errors.As(err, &werr) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		if err != nil {
			failed = true
			fmt.Fprintf(opts.IO.ErrOut, "kg: %v\n", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write CoNLL-U: %w", err)
	}
	if failed {
		return errSilent
	}
	return nil
}

// writeError marks a failure of the output, which ends the command, as
// opposed to a bad input file, which only ends that file.
type writeError struct{ err error }

func (e *writeError) Error() string { return "write CoNLL-U: " + e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

func reparseFile(ctx context.Context, w *bufio.Writer, m *syntax.Model, path string, stdin io.Reader) error {
	var r io.Reader
	name := path
	if path == "-" {
		if stdin == nil {
			return errors.New("stdin is not available")
		}
		r, name = stdin, "stdin"
	} else {
		fh, err := os.Open(path)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				return fmt.Errorf("%s: %w", path, pe.Err)
			}
			return err
		}
		defer fh.Close()
		// Treebanks come as a few named files, so folders are not walked.
		if fi, err := fh.Stat(); err == nil && fi.IsDir() {
			return fmt.Errorf("%s: is a folder; --input conllu reads files", path)
		}
		r = fh
	}
	rd := syntax.NewReader(r, name)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		m.Parse(s)
		for i := range s.Tokens {
			s.Tokens[i].Deps = "_"
		}
		if err := syntax.Write(w, s); err != nil {
			return &writeError{err}
		}
		// Parsing a sentence costs far more than a write, and flushing lets
		// kg parse --input conllu sit in a pipe and answer line by line.
		if err := w.Flush(); err != nil {
			return &writeError{err}
		}
	}
}
