package main

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
)

// demoCorpus holds short news-style articles on Russia–Pakistan–India–US–
// Afghanistan relations, written for this demo from facts reported in
// 2012–2017 coverage.
//
//go:embed demodata/*.txt
var demoCorpus embed.FS

type demoOptions struct {
	IO  *ioStreams
	Out string // folder for demo.graphml and demo.dot
	// Keep names a store directory to build and keep; empty means a
	// temporary store removed at the end.
	Keep string
	// Corpus names a new folder to write the articles into and load them
	// from, so the user can load, read or edit them afterwards; empty
	// means a temporary one.
	Corpus string
}

func newCmdDemo(f *factory, runF func(*demoOptions) error) *cobra.Command {
	opts := &demoOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Build a graph from the embedded demo corpus and question it",
		Long: `Build a temporary store from a small demo corpus embedded in kg (eight short
articles on Russia, Pakistan, India, the United States and Afghanistan), then
show what kg does with it:

  1. load the articles (cleaning, sentences, dates, actors, CAMEO events);
  2. rank the most central actors (PageRank);
  3. answer "how does India link Russia and Pakistan", with evidence sentences;
  4. write demo.graphml (for Gephi) and demo.dot (for Graphviz).

The store is removed afterwards unless --keep names a folder for it;
--corpus writes the articles into a new folder and loads them from there,
so that they can be loaded again, read or edited.`,
		Example: `  kg demo
  kg demo --out /tmp/kg-demo --keep /tmp/kg-demo/store
  kg demo --corpus demo --keep demo.db    # the store and the articles the README's tour uses`,
		Args: noPositionalArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runDemo(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", ".", "folder to write demo.graphml and demo.dot into")
	cmd.Flags().StringVar(&opts.Keep, "keep", "", "build the store in this folder and keep it")
	cmd.Flags().StringVar(&opts.Corpus, "corpus", "", "write the articles into this new folder and load them from it")
	return cmd
}

func runDemo(ctx context.Context, opts *demoOptions) error {
	tmp, err := os.MkdirTemp("", "kg-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(tmp)

	corpus := filepath.Join(tmp, "corpus")
	if opts.Corpus != "" {
		// Loading a folder that holds other files would load those too.
		if entries, err := os.ReadDir(opts.Corpus); err == nil && len(entries) > 0 {
			return fmt.Errorf("demo: %s is not empty; --corpus needs a new or empty folder", opts.Corpus)
		}
		corpus = opts.Corpus
	}
	if err := writeDemoCorpus(corpus); err != nil {
		return err
	}
	store := opts.Keep
	if store == "" {
		store = filepath.Join(tmp, "store")
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return fmt.Errorf("demo: create %s: %w", opts.Out, err)
	}
	graphml := filepath.Join(opts.Out, "demo.graphml")
	dot := filepath.Join(opts.Out, "demo.dot")

	// Tables read better with headers and alignment, whatever stdout is.
	io := *opts.IO
	io.OutTTY = true
	io.ErrTTY = false
	steps := []struct {
		title string
		args  []string
	}{
		{"Loading the demo corpus", []string{"load", corpus}},
		{"Most central actors (PageRank on the actor graph)", []string{"central", "--measure", "pagerank", "--top", "8"}},
		{"How does India link Russia and Pakistan?", []string{"link", "India", "Russia", "Pakistan"}},
		{"Exporting", []string{"export", "--format", "graphml", "-o", graphml}},
		{"", []string{"export", "--format", "dot", "-o", dot}},
	}
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if s.title != "" {
			fmt.Fprintf(io.Out, "\n== %s\n\n", s.title)
		}
		args := append([]string{"--store", store}, s.args...)
		if code := run(args, &io); code != 0 {
			return fmt.Errorf("demo: kg %v failed (exit status %d)", s.args, code)
		}
	}
	fmt.Fprintf(io.Out, "\nOpen %s in Gephi, or render %s with: dot -Tsvg %s -o demo.svg\n", graphml, dot, dot)
	if opts.Keep != "" {
		fmt.Fprintf(io.Out, "The store is kept in %s: try kg --store %s triples --actor India\n", opts.Keep, opts.Keep)
	}
	return nil
}

// writeDemoCorpus copies the embedded articles into dir, so that the demo
// loads them exactly as a user's folder would be loaded.
func writeDemoCorpus(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	entries, err := fs.ReadDir(demoCorpus, "demodata")
	if err != nil {
		return fmt.Errorf("demo: read embedded corpus: %w", err)
	}
	if len(entries) == 0 {
		return errors.New("demo: embedded corpus is empty")
	}
	for _, e := range entries {
		b, err := demoCorpus.ReadFile("demodata/" + e.Name())
		if err != nil {
			return fmt.Errorf("demo: read %s: %w", e.Name(), err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			return fmt.Errorf("demo: write %s: %w", e.Name(), err)
		}
	}
	return nil
}
