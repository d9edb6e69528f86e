package main

import (
	"context"
	"fmt"

	"github.com/kg-project/kg/internal/graph/store"
	"github.com/kg-project/kg/internal/loader"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/loader/pipeline"
)

type reindexOptions struct {
	IO      *ioStreams
	Dicts   []string
	Extract loader.Options
	Format  string
	Memory  int64 // soft limit of the heap, --memory
	// Store opens the store for writing; Close closes it.
	Store func() (*store.Store, error)
	Close func() error
}

func newCmdReindex(f *factory, runF func(*reindexOptions) error) *cobra.Command {
	opts := &reindexOptions{
		IO:    f.IO,
		Store: func() (*store.Store, error) { return f.openStore(false) },
		Close: func() error { return f.closeStore() },
	}
	cmd := &cobra.Command{
		Use:   "reindex",
		Short: "Re-run extraction over the stored documents",
		Long: `Reindex extracts the events of every stored document again from its clean
text, with the current rules and dictionaries (--dict, KG_DICT), and replaces
the old events. Documents keep their IDs. Use it after changing a dictionary.`,
		Example: `  kg reindex --dict my-actors.yaml`,
		Args:    noPositionalArgs,
		RunE: prologue[reindexOptions]{runF: runF, run: runReindex,
			format: &opts.Format, formats: []string{formatTable, formatJSON},
			check: func(cmd *cobra.Command, _ []string) (err error) {
				opts.Dicts, opts.Extract, err = extractorFlags(cmd)
				return err
			}}.runE(opts),
	}
	addDictFlag(cmd)
	addCoderFlag(cmd)
	addSummaryFormatFlag(cmd, &opts.Format)
	addMemoryFlag(cmd, &opts.Memory)
	return cmd
}

func runReindex(ctx context.Context, opts *reindexOptions) error {
	defer applyMemory(opts.Memory)()
	x, d, err := newExtractor(opts.Dicts, opts.Extract)
	if err != nil {
		return err
	}
	st, err := opts.Store()
	if err != nil {
		return err
	}
	known, err := st.Actors()
	if err != nil {
		return err
	}
	merger := pipeline.NewMerger(known, nameSimilarity(d), d.MergeForbidden)
	sum, err := x.Reindex(ctx, st, merger.Resolve, func(e error) {
		fmt.Fprintf(opts.IO.ErrOut, "kg: %v\n", e)
	})
	if cerr := opts.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if opts.Format == formatJSON {
		if err := writeObject(opts.IO.Out, formatJSON, sum); err != nil {
			return fmt.Errorf("write summary: %w", err)
		}
	} else {
		fmt.Fprintf(opts.IO.Out, "reindexed %d documents: %d events (before: %d)", sum.Documents, sum.EventsAfter, sum.EventsBefore)
		if sum.Skipped > 0 {
			fmt.Fprintf(opts.IO.Out, ", %d imported skipped", sum.Skipped)
		}
		if sum.Failed > 0 {
			fmt.Fprintf(opts.IO.Out, ", %d failed", sum.Failed)
		}
		fmt.Fprintln(opts.IO.Out)
	}
	if sum.Failed > 0 {
		return errSilent
	}
	return nil
}
