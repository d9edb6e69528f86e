package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
)

// filterFlags holds the event filter flags shared by every query and export
// command, as typed on the command line.
type filterFlags struct {
	since, until   string
	cameo          []string
	quad           []string
	types          []string
	minEvents      int
	docs           []string
	includeNegated bool
	modalities     []string
}

// addFilterFlags registers the shared filter flags on cmd.
func addFilterFlags(cmd *cobra.Command, ff *filterFlags) {
	fl := cmd.Flags()
	fl.StringVar(&ff.since, "since", "", "keep events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&ff.until, "until", "", "keep events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringSliceVar(&ff.cameo, "cameo", nil, "keep events with these CAMEO codes or roots (comma-separated, e.g. 04,057)")
	fl.StringSliceVar(&ff.quad, "quad", nil, "keep these quad classes: 1-4, verbal-cooperation, material-cooperation, verbal-conflict, material-conflict, cooperation, conflict")
	fl.StringSliceVar(&ff.types, "type", nil, "keep events whose two actors have these types (country, person, organization, igo, group, object, place)")
	fl.IntVar(&ff.minEvents, "min-events", 0, "drop actor pairs with fewer events than this")
	fl.StringSliceVar(&ff.docs, "doc", nil, "keep events from these documents (names, ids or id prefixes)")
	fl.BoolVar(&ff.includeNegated, "include-negated", false, "keep negated events (\"did not sign\")")
	fl.StringSliceVar(&ff.modalities, "modality", nil, "keep these modalities: actual, planned, hypothetical (default actual,planned)")
}

// filter validates the flags and turns them into a graph.Filter. Errors are
// plain: callers wrap them as usage errors.
func (ff *filterFlags) filter() (graph.Filter, error) {
	var f graph.Filter
	var err error
	if f.Since, err = graph.ParseDate(ff.since); err != nil {
		return f, fmt.Errorf("--since: %w", err)
	}
	if f.Until, err = graph.ParseDate(ff.until); err != nil {
		return f, fmt.Errorf("--until: %w", err)
	}
	for _, c := range splitList(ff.cameo) {
		f.CAMEO = append(f.CAMEO, c)
	}
	for _, q := range splitList(ff.quad) {
		qs, err := graph.ParseQuad(q)
		if err != nil {
			return f, fmt.Errorf("--quad: %w", err)
		}
		f.Quad = append(f.Quad, qs...)
	}
	for _, t := range splitList(ff.types) {
		at, err := graph.ParseActorType(t)
		if err != nil {
			return f, fmt.Errorf("--type: %w", err)
		}
		f.Types = append(f.Types, at)
	}
	f.MinEvents = ff.minEvents
	f.Docs = splitList(ff.docs)
	f.IncludeNegated = ff.includeNegated
	for _, m := range splitList(ff.modalities) {
		mod, err := graph.ParseModality(m)
		if err != nil {
			return f, fmt.Errorf("--modality: %w", err)
		}
		f.Modalities = append(f.Modalities, mod)
	}
	if err := f.Validate(); err != nil {
		return f, fmt.Errorf("%w", err)
	}
	return f, nil
}

// splitList trims entries and drops empty ones.
func splitList(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// loadView opens the store read-only and builds the filtered view.
func loadView(f *factory, flt graph.Filter) (*graph.View, []graph.Actor, error) {
	s, err := f.openStore(true)
	if err != nil {
		return nil, nil, err
	}
	actors, err := s.Actors()
	if err != nil {
		return nil, nil, fmt.Errorf("read actors: %w", err)
	}
	v, err := graph.LoadView(storeSource{s, actors}, flt)
	if err != nil {
		return nil, nil, err
	}
	return v, actors, nil
}

// storeSource reuses the actor list already read for name resolution.
type storeSource struct {
	*graph.Store
	actors []graph.Actor
}

func (s storeSource) Actors() ([]graph.Actor, error) { return s.actors, nil }
