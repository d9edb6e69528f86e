package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
)

type statsOptions struct {
	IO     *ioStreams
	Store  func() (*store.Store, error)
	Format string
}

func newCmdStats(f *factory, runF func(*statsOptions) error) *cobra.Command {
	opts := &statsOptions{IO: f.IO, Store: func() (*store.Store, error) { return f.openStore(true) }}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count the stored documents, sentences, actors, events and edges",
		Long: `Count what the store holds. Edges are ordered actor pairs with at least one
event between them. JSON output is one object with the keys documents,
sentences, actors, events and edges.`,
		Args: noPositionalArgs,
		RunE: prologue[statsOptions]{format: &opts.Format, runF: runF, run: runStats}.runE(opts),
	}
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func runStats(ctx context.Context, opts *statsOptions) error {
	s, err := opts.Store()
	if err != nil {
		return err
	}
	st, err := s.Stats()
	if err != nil {
		return err
	}
	w := opts.IO.Out
	switch opts.Format {
	case formatJSON, formatJSONL:
		enc := json.NewEncoder(w)
		if opts.Format == formatJSON {
			enc.SetIndent("", "  ")
		}
		if err := enc.Encode(st); err != nil {
			return fmt.Errorf("write stats: %w", err)
		}
		return nil
	case formatCSV:
		// One row under a header of the JSON keys, like any other listing.
		return printRecords(w, formatCSV, false, []graph.Stats{st}, []column[graph.Stats]{
			{"documents", func(s graph.Stats) string { return strconv.Itoa(s.Documents) }},
			{"sentences", func(s graph.Stats) string { return strconv.Itoa(s.Sentences) }},
			{"actors", func(s graph.Stats) string { return strconv.Itoa(s.Actors) }},
			{"events", func(s graph.Stats) string { return strconv.Itoa(s.Events) }},
			{"edges", func(s graph.Stats) string { return strconv.Itoa(s.Edges) }},
		})
	}
	for _, r := range []struct {
		k string
		v int
	}{{"documents", st.Documents}, {"sentences", st.Sentences}, {"actors", st.Actors},
		{"events", st.Events}, {"edges", st.Edges}} {
		// Tab-separated for scripts; aligned, without a header, on a terminal.
		format := "%s\t%d\n"
		if opts.IO.OutTTY {
			format = "%-10s %d\n"
		}
		if _, err := fmt.Fprintf(w, format, r.k, r.v); err != nil {
			return fmt.Errorf("write stats: %w", err)
		}
	}
	return nil
}
