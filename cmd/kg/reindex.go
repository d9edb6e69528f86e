package main

import (
	"context"
	"fmt"

	"github.com/kg-project/kg/internal/graph"
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
	// Graph rebuilds the graph index from the stored events instead of
	// extracting again.
	Graph bool
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
the old events. Documents keep their IDs. Use it after changing a dictionary.

--graph leaves the events as they are and rebuilds the graph index from them:
the per-pair counts that path, link, neighbors and central read instead of
every event. Every write keeps the index, and a store of an older format gets
it when first opened for writing; rebuild it if kg check or a query reports
that it disagrees with the events.`,
		Example: `  kg reindex --dict my-actors.yaml
  kg reindex --graph`,
		Args: noPositionalArgs,
		RunE: prologue[reindexOptions]{runF: runF, run: runReindex,
			format: &opts.Format, formats: []string{formatTable, formatJSON},
			check: func(cmd *cobra.Command, _ []string) (err error) {
				if opts.Graph {
					for _, name := range []string{"dict", "coder", "fast"} {
						if cmd.Flags().Changed(name) {
							return flagErrorf(cmd, "--graph rebuilds the graph index and extracts nothing: --%s has no effect with it", name)
						}
					}
				}
				opts.Dicts, opts.Extract, err = extractorFlags(cmd)
				return err
			}}.runE(opts),
	}
	cmd.Flags().BoolVar(&opts.Graph, "graph", false, "rebuild the graph index from the stored events; extract nothing")
	addDictFlag(cmd)
	addCoderFlag(cmd)
	addSummaryFormatFlag(cmd, &opts.Format)
	addMemoryFlag(cmd, &opts.Memory)
	return cmd
}

func runReindex(ctx context.Context, opts *reindexOptions) error {
	defer applyMemory(opts.Memory)()
	if opts.Graph {
		return rebuildGraph(ctx, opts)
	}
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

// rebuildGraph is reindex --graph.
func rebuildGraph(ctx context.Context, opts *reindexOptions) error {
	st, err := opts.Store()
	if err != nil {
		return err
	}
	err = st.RebuildGraphIndex(ctx)
	var stats graph.Stats
	if err == nil {
		stats, err = st.Stats()
	}
	if cerr := opts.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	sum := struct {
		Events int `json:"events"`
		Actors int `json:"actors"`
	}{stats.Events, stats.Actors}
	if opts.Format == formatJSON {
		if err := writeObject(opts.IO.Out, formatJSON, sum); err != nil {
			return fmt.Errorf("write summary: %w", err)
		}
		return nil
	}
	fmt.Fprintf(opts.IO.Out, "rebuilt the graph index of %d events among %d actors\n", sum.Events, sum.Actors)
	return nil
}
