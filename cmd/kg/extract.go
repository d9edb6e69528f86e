package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/kg-project/kg/internal/loader"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/input"
)

type extractOptions struct {
	IO      *ioStreams
	Paths   []string
	Dicts   []string
	Extract loader.Options
	MaxSize int64
}

func newCmdExtract(f *factory, runF func(*extractOptions) error) *cobra.Command {
	opts := &extractOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "extract [PATH...]",
		Short: "Print the triples found in documents, without a store",
		Long: `Extract reads documents (files, folders, JSON Lines) and prints the triples
found in them as JSON Lines, one event a line, in the format of
'kg triples --format jsonl'. Nothing is stored. Documents are worked on by
one goroutine per core and written in input order.

With no path, or the path "-", it reads JSON Lines documents from stdin (fields
id, text or body or content, and optionally title, date, url) and writes each
document's triples as soon as it is done, so it can run as a streaming filter
(Spark pipe(), Hadoop streaming). A bad document is reported on stderr with its
name and skipped; the exit status is then 1.`,
		Example: `  kg extract article.txt
  kg extract corpus/ > triples.jsonl
  cat docs.jsonl | kg extract --dict my-actors.yaml`,
		RunE: prologue[extractOptions]{runF: runF, run: runExtract,
			check: func(cmd *cobra.Command, args []string) (err error) {
				opts.Paths = args
				opts.Dicts, opts.Extract, err = extractorFlags(cmd)
				return err
			}}.runE(opts),
	}
	addDictFlag(cmd)
	addCoderFlag(cmd)
	addMaxSizeFlag(cmd, &opts.MaxSize)
	return cmd
}

func runExtract(ctx context.Context, opts *extractOptions) error {
	x, _, err := newExtractor(opts.Dicts, opts.Extract)
	if err != nil {
		return err
	}
	docs := docStream{IO: opts.IO, Paths: opts.Paths, MaxSize: opts.MaxSize, StdinFormat: "jsonl",
		WriteErr: func(err error) error { return fmt.Errorf("write triples: %w", err) }}
	return docs.run(ctx, func(w *bufio.Writer, in input.Input, report func(error)) error {
		xt, err := x.Process(in)
		if err != nil {
			report(fmt.Errorf("%s: %w", in.Source, err))
			return nil
		}
		return writeTriples(w, xt)
	})
}

// writeTriples prints an extraction's events as triple records.
func writeTriples(w io.Writer, xt graph.Extraction) error {
	if err := loader.WriteRecords(w, xt); err != nil {
		return fmt.Errorf("write triples: %w", err)
	}
	return nil
}
