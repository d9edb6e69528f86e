package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
	"github.com/kg-project/kg/internal/graph/view"
)

type statsOptions struct {
	IO    *ioStreams
	Store func() (*store.Store, error)
	// Edges counts the edges of the graph the query commands see by
	// default.
	Edges  func() (int, error)
	Format string
}

func newCmdStats(f *factory, runF func(*statsOptions) error) *cobra.Command {
	opts := &statsOptions{IO: f.IO, Store: func() (*store.Store, error) { return f.openStore(true) },
		Edges: func() (int, error) { return defaultEdges(f) }}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count the stored documents, sentences, actors, events and edges",
		Long: `Count what the store holds: documents, sentences, actors and events (every
stored event, negated and hypothetical ones included). Edges are those of the
graph that the query commands and kg export use by default: ordered actor
pairs with at least one actual or planned, not negated event between them, a
symmetric event linking both ways. It is the number of edges kg export writes
without filters. JSON output is one object with the keys documents,
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
	// The stored count of ordered pairs is the store's own bookkeeping (it
	// counts negated events, and a symmetric event once); an analyst
	// compares this number with the graph's, so it is the graph's.
	if st.Edges, err = opts.Edges(); err != nil {
		return err
	}
	w := opts.IO.Out
	switch opts.Format {
	case formatJSON, formatJSONL:
		if err := writeObject(w, opts.Format, st); err != nil {
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

// defaultEdges counts the edges of the default graph: from the graph
// index's rows when the store keeps one, else from a view of every event.
func defaultEdges(f *factory) (int, error) {
	s, err := f.openStore(true)
	if err != nil {
		return 0, err
	}
	if s.HasGraphIndex() {
		return view.IndexedEdges(s)
	}
	v, _, err := loadView(f, graph.Filter{})
	if err != nil {
		return 0, err
	}
	return len(v.Pairs()), nil
}
