package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph/store"
)

type checkOptions struct {
	IO     *ioStreams
	Store  func() (*store.Store, error)
	Format string
}

func newCmdCheck(f *factory, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{IO: f.IO, Store: func() (*store.Store, error) { return f.openStore(true) }}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify the store: every table's checksums and kg's own invariants",
		Long: `Verify the whole store without changing it: the checksum of every block of
every table, then that each document's events exist and name it, that each
event's actors exist, that the adjacency counts are the events' pair counts,
and that the totals kg keeps match what is stored.

It prints what it checked, or one line per problem (at most 50, then a
count) and exits 1. A store too damaged to open at all is reported the same
way as by any other command.`,
		Example: `  kg check
  kg --store other.db check --format json`,
		Args: noPositionalArgs,
		RunE: prologue[checkOptions]{format: &opts.Format, formats: []string{formatTable, formatJSON}, runF: runF, run: runCheck}.runE(opts),
	}
	cmd.Flags().StringVar(&opts.Format, "format", formatTable, "output format: table or json")
	return cmd
}

// checkRecord is kg check's JSON output.
type checkRecord struct {
	OK        bool     `json:"ok"`
	Documents int      `json:"documents"`
	Actors    int      `json:"actors"`
	Events    int      `json:"events"`
	Pairs     int      `json:"pairs"`
	Problems  []string `json:"problems"`
	More      int      `json:"more_problems,omitempty"`
}

func runCheck(ctx context.Context, opts *checkOptions) error {
	s, err := opts.Store()
	if err != nil {
		return err
	}
	r, err := s.Check(ctx)
	if err != nil {
		return err
	}
	rec := checkRecord{OK: r.OK(), Documents: r.Documents, Actors: r.Actors, Events: r.Events, Pairs: r.Edges, Problems: r.Problems, More: r.More}
	if rec.Problems == nil {
		rec.Problems = []string{}
	}
	if opts.Format == formatJSON {
		if err := writeObject(opts.IO.Out, formatJSON, rec); err != nil {
			return fmt.Errorf("write check report: %w", err)
		}
	} else {
		if rec.OK {
			fmt.Fprintf(opts.IO.Out, "ok: %d documents, %d actors, %d events, %d actor pairs; every table block's checksum verified\n",
				rec.Documents, rec.Actors, rec.Events, rec.Pairs)
		}
		for _, p := range rec.Problems {
			fmt.Fprintf(opts.IO.ErrOut, "kg: check: %s\n", p)
		}
		if rec.More > 0 {
			fmt.Fprintf(opts.IO.ErrOut, "kg: check: %d more problems\n", rec.More)
		}
	}
	if !rec.OK {
		return errSilent
	}
	return nil
}
