package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph/view"
	"github.com/kg-project/kg/internal/query"
)

type centralOptions struct {
	queryOptions

	Measure  query.Measure
	Weighted bool
	Top      int
	// Samples, when positive, estimates betweenness from that many
	// random sources instead of all of them.
	Samples int
}

func newCmdCentral(f *factory, runF func(*centralOptions) error) *cobra.Command {
	opts := &centralOptions{queryOptions: newIndexedQueryOptions(f)}
	var ff filterFlags
	var measure string
	names := make([]string, len(query.Measures))
	for i, m := range query.Measures {
		names[i] = string(m)
	}
	cmd := &cobra.Command{
		Use:   "central",
		Short: "Rank actors by centrality",
		Long: `Rank actors by a centrality measure on the actor graph (one directed edge per
ordered actor pair, weighted by its number of events). Values equal those of
networkx on the same directed graph:

  degree, in, out  degree_centrality and its in/out variants (share of the
                   other actors linked); --weighted: the number of events
  betweenness      betweenness_centrality(G, normalized=False); --weighted
                   uses cost 1/events (many events = close actors)
  closeness        closeness_centrality(G): distances TO the actor, scaled by
                   the share of actors that reach it; --weighted as above
  harmonic         harmonic_centrality(G): sum of 1/distance to the actor
  pagerank         pagerank(G, alpha=0.85, weight="weight"), always weighted
  hits             hits(G): authority score, with the hub score beside it;
                   always weighted
  eigenvector      eigenvector_centrality(G) (scores flow along edges);
                   --weighted uses event counts

Ties are broken by actor name, then ID.`,
		Example: `  kg central --measure betweenness --top 10
  kg central --measure pagerank --since 2012 --type country --format json
  kg central --measure degree --weighted --top 0 --format csv`,
		Args: noPositionalArgs,
		RunE: prologue[centralOptions]{format: &opts.Format, filters: &ff, filter: &opts.Filter, runF: runF, run: runCentral,
			check: func(cmd *cobra.Command, _ []string) error {
				m, err := query.ParseMeasure(measure)
				if err != nil {
					return flagErrorf(cmd, "--measure: %v", err)
				}
				opts.Measure = m
				if opts.Samples != 0 && m != query.Betweenness {
					return flagErrorf(cmd, "--samples applies to --measure betweenness")
				}
				if err := atLeast(cmd, "samples", opts.Samples, 0); err != nil {
					return err
				}
				return atLeast(cmd, "top", opts.Top, 0)
			}}.runE(opts),
	}
	fl := cmd.Flags()
	fl.StringVar(&measure, "measure", string(query.Degree), "centrality measure: "+strings.Join(names, "|"))
	fl.BoolVar(&opts.Weighted, "weighted", false, "use event counts as weights (see above)")
	fl.IntVar(&opts.Top, "top", 10, "show the N best actors (0 = all)")
	fl.IntVar(&opts.Samples, "samples", 0, "estimate betweenness from K random source actors, scaled by n/K, as networkx's k, with each score's standard error (0 = exact)")
	addFilterFlags(cmd, &ff)
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

// centralRecord is one ranked actor.
type centralRecord struct {
	Rank int `json:"rank"`
	actorRef
	Score float64  `json:"score"`
	Hub   *float64 `json:"hub,omitempty"`
	// Error is the standard error of a score estimated from sampled
	// sources (--samples).
	Error *float64 `json:"error,omitempty"`
}

func runCentral(ctx context.Context, opts *centralOptions) (err error) {
	v, _, _, err := opts.Load(opts.Filter)
	if err != nil {
		return err
	}
	defer func() { err = cmp.Or(err, v.Err()) }()
	recs, err := centralRecords(ctx, v, opts.Measure, opts.Weighted, opts.Top, opts.Samples)
	if errors.Is(err, query.ErrNoConvergence) {
		// The last iterate is still a usable ranking; say it is approximate.
		fmt.Fprintf(opts.IO.ErrOut, "kg: warning: %v; scores are approximate\n", err)
	} else if err != nil {
		return err
	}
	cols := []column[centralRecord]{
		{"rank", func(r centralRecord) string { return strconv.Itoa(r.Rank) }},
		{"name", func(r centralRecord) string { return r.Name }},
		{"code", func(r centralRecord) string { return r.Code }},
		{"type", func(r centralRecord) string { return r.Type }},
		{"score", func(r centralRecord) string { return fmtScore(r.Score) }},
	}
	if opts.Format != formatTable {
		cols = append(cols[:1], append([]column[centralRecord]{{"id", func(r centralRecord) string { return r.ID }}}, cols[1:]...)...)
	}
	if opts.Measure == query.HITS {
		cols[len(cols)-1].Name = "authority"
		cols = append(cols, column[centralRecord]{"hub", func(r centralRecord) string { return fmtScore(*r.Hub) }})
	}
	if opts.Samples > 0 && len(recs) > 0 && recs[0].Error != nil {
		cols = append(cols, column[centralRecord]{"error", func(r centralRecord) string { return fmtScore(*r.Error) }})
		fmt.Fprintf(opts.IO.ErrOut, "kg: betweenness estimated from %d sampled source actors; error is each score's standard error\n", opts.Samples)
	}
	return printRecords(opts.IO.Out, opts.Format, opts.IO.OutTTY, recs, cols)
}

func centralRecords(ctx context.Context, v *view.View, m query.Measure, weighted bool, top, samples int) ([]centralRecord, error) {
	a := query.NewAdjacency(v)
	var s query.Scores
	var se []float64 // standard errors of sampled estimates
	var err error
	if m == query.Betweenness && samples > 0 && samples < a.Len() {
		s.IDs = a.IDs
		s.Value, se, err = query.BetweennessSampled(ctx, a, weighted, samples, 1)
	} else {
		s, err = query.CentralityContext(ctx, a, m, weighted)
	}
	if err != nil && !errors.Is(err, query.ErrNoConvergence) {
		return nil, err
	}
	actors := v.Actors()
	ranked := query.Rank(s.Value, func(i int32) string { return actors[i].Name + "\x00" + actors[i].ID }, top)
	recs := make([]centralRecord, len(ranked))
	for i, r := range ranked {
		recs[i] = centralRecord{Rank: r.Rank, actorRef: refOf(v, int64(r.Index)), Score: r.Value}
		if s.Hub != nil {
			h := s.Hub[r.Index]
			recs[i].Hub = &h
		}
		if se != nil {
			e := se[r.Index]
			recs[i].Error = &e
		}
	}
	return recs, err
}
