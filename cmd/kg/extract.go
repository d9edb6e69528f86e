package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/input"
)

type extractOptions struct {
	IO      *ioStreams
	Paths   []string
	Dicts   []string
	MaxSize int64
}

func newCmdExtract(f *factory, runF func(*extractOptions) error) *cobra.Command {
	opts := &extractOptions{IO: f.IO}
	var maxSize string
	cmd := &cobra.Command{
		Use:   "extract [PATH...]",
		Short: "Print the triples found in documents, without a store",
		Long: `Extract reads documents (files, folders, JSON Lines) and prints the triples
found in them as JSON Lines, one event a line, in the format of
'kg triples --format jsonl'. Nothing is stored.

With no path, or the path "-", it reads JSON Lines documents from stdin (fields
id, text or body or content, and optionally title, date, url) and writes each
document's triples as soon as it is done, so it can run as a streaming filter
(Spark pipe(), Hadoop streaming). A bad document is reported on stderr with its
name and skipped; the exit status is then 1.`,
		Example: `  kg extract article.txt
  kg extract corpus/ > triples.jsonl
  cat docs.jsonl | kg extract --dict my-actors.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := input.ParseSize(maxSize)
			if err != nil {
				return flagErrorf(cmd, "invalid --max-size: %v", err)
			}
			opts.MaxSize = n
			opts.Paths = args
			opts.Dicts = dictFlagPaths(cmd)
			if runF != nil {
				return runF(opts)
			}
			return runExtract(cmd.Context(), opts)
		},
	}
	addDictFlag(cmd)
	cmd.Flags().StringVar(&maxSize, "max-size", "50MB", "largest document accepted (`size`: 10MB, 1GB)")
	return cmd
}

func runExtract(ctx context.Context, opts *extractOptions) error {
	x, _, err := newExtractor(opts.Dicts)
	if err != nil {
		return err
	}
	files := []input.File{{Path: "-", Size: -1, Format: "jsonl"}}
	failed := false
	onErr := func(err error) {
		failed = true
		fmt.Fprintf(opts.IO.ErrOut, "kg: %v\n", err)
	}
	paths := opts.Paths
	if len(paths) == 1 && paths[0] == "-" {
		paths = nil
	}
	if len(paths) > 0 {
		if files, err = input.Expand(ctx, paths, onErr); err != nil {
			return err
		}
	}
	w := bufio.NewWriterSize(opts.IO.Out, 64<<10)
	read := input.Options{MaxSize: opts.MaxSize, Stdin: opts.IO.In}
	err = input.Read(ctx, files, read, func(in input.Input) error {
		xt, err := x.Process(in)
		if err != nil {
			onErr(fmt.Errorf("%s: %w", in.Source, err))
			return nil
		}
		if err := writeTriples(w, xt); err != nil {
			return err
		}
		// One document in, its triples out: flush so a streaming caller
		// sees them now.
		return w.Flush()
	}, onErr)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if failed {
		return errSilent
	}
	return nil
}

// writeTriples prints an extraction's events as triple records.
func writeTriples(w io.Writer, xt graph.Extraction) error {
	actors := make(map[string]graph.Actor, len(xt.Actors))
	for _, a := range xt.Actors {
		actors[a.ID] = a
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range xt.Events {
		if err := enc.Encode(e.Record(xt.Doc.Name, actors[e.Source], actors[e.Target])); err != nil {
			return fmt.Errorf("write triples: %w", err)
		}
	}
	return nil
}
