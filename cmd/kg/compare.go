package main

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/query"
)

type compareOptions struct {
	queryOptions
	A, B  string // the two origins
	By    string
	Level string
}

func newCmdCompare(f *factory, runF func(*compareOptions) error) *cobra.Command {
	opts := &compareOptions{queryOptions: newQueryOptions(f)}
	ff := filterFlags{defaultLevel: "country"}
	origins := []string{graph.OriginKG, graph.OriginImport, graph.OriginGDELT, graph.OriginICEWS}
	cmd := &cobra.Command{
		Use:   "compare ORIGIN ORIGIN",
		Short: "Set two origins' events side by side, dyad by period, with their correlation",
		Long: `Compare the events of two origins (kg: extracted by kg; import: triples
imported; gdelt, icews: the events of those data sets) dyad by period: for
each directed pair of countries (--level country, the default), sectors or
actors, and each year (or --by month, --by day) in which either has events,
the events of each by quad class and their mean Goldstein score.

The summary gives the events of each (a symmetric event counts in both
directions, as in kg panel), the dyad-periods both have events in and those
only one has, and Pearson's correlation of the two event counts (over every
row) and of the two mean Goldstein scores (over the rows both have events
in): the table a validity section reports. The filters apply to both.`,
		Example: `  kg compare kg gdelt
  kg compare kg gdelt --by month --since 2023 --format csv > compare.csv`,
		Args: exactArgs(2),
		RunE: prologue[compareOptions]{format: &opts.Format, filters: &ff, filter: &opts.Filter, runF: runF, run: runCompare,
			check: func(cmd *cobra.Command, args []string) (err error) {
				opts.A, opts.B = args[0], args[1]
				for _, o := range args {
					if !slices.Contains(origins, o) {
						return flagErrorf(cmd, "unknown origin %q (want kg, import, gdelt or icews)", o)
					}
				}
				if opts.A == opts.B {
					return flagErrorf(cmd, "compare needs two different origins")
				}
				if cmd.Flags().Changed("origin") {
					return flagErrorf(cmd, "--origin: compare takes its two origins as arguments")
				}
				opts.Level, err = panelLevel(cmd, opts.By, ff.level)
				return err
			}}.runE(opts),
	}
	cmd.Flags().StringVar(&opts.By, "by", "year", "period: year, month or day")
	addFilterFlags(cmd, &ff)
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

// compareSide is one origin's events in one dyad-period.
type compareSide struct {
	Events              int      `json:"events"`
	VerbalCooperation   int      `json:"verbal_cooperation"`
	MaterialCooperation int      `json:"material_cooperation"`
	VerbalConflict      int      `json:"verbal_conflict"`
	MaterialConflict    int      `json:"material_conflict"`
	GoldsteinMean       *float64 `json:"goldstein_mean"` // null without events
}

func sideOf(r query.PanelRow) compareSide {
	s := compareSide{Events: r.Events, VerbalCooperation: r.Quad[0], MaterialCooperation: r.Quad[1],
		VerbalConflict: r.Quad[2], MaterialConflict: r.Quad[3]}
	if m, ok := r.GoldsteinMean(); ok {
		m = round(m, 3)
		s.GoldsteinMean = &m
	}
	return s
}

type compareRow struct {
	Period string      `json:"period"`
	Source panelUnit   `json:"source"`
	Target panelUnit   `json:"target"`
	A      compareSide `json:"a"`
	B      compareSide `json:"b"`
}

type compareRecord struct {
	A          string       `json:"a"` // the origins
	B          string       `json:"b"`
	By         string       `json:"by"`
	EventsA    int          `json:"events_a"`
	EventsB    int          `json:"events_b"`
	Both       int          `json:"both"`
	OnlyA      int          `json:"only_a"`
	OnlyB      int          `json:"only_b"`
	EventsR    *float64     `json:"events_r"`    // null when undefined
	GoldsteinR *float64     `json:"goldstein_r"` // null when undefined
	Rows       []compareRow `json:"rows"`
}

func runCompare(ctx context.Context, opts *compareOptions) error {
	var panels [2][]query.PanelRow
	for i, origin := range []string{opts.A, opts.B} {
		flt := opts.Filter
		flt.Origins = []string{origin}
		v, _, _, err := opts.Load(flt)
		if err != nil {
			return err
		}
		if panels[i], _, err = query.Panel(v, query.PanelOptions{By: opts.By, Level: opts.Level}); err != nil {
			return err
		}
	}
	c := query.Compare(panels[0], panels[1])
	rec := compareRecord{A: opts.A, B: opts.B, By: opts.By, EventsA: c.EventsA, EventsB: c.EventsB,
		Both: c.Both, OnlyA: c.OnlyA, OnlyB: c.OnlyB, EventsR: nullable(c.EventsR), GoldsteinR: nullable(c.GoldsteinR),
		Rows: make([]compareRow, len(c.Rows))}
	for i, r := range c.Rows {
		rec.Rows[i] = compareRow{Period: r.Period, Source: panelUnit{r.Source.Key, r.Source.Name, r.Source.Code},
			Target: panelUnit{r.Target.Key, r.Target.Name, r.Target.Code}, A: sideOf(r.A), B: sideOf(r.B)}
	}
	w := opts.IO.Out
	switch opts.Format {
	case formatJSON, formatJSONL:
		if err := writeObject(w, opts.Format, rec); err != nil {
			return fmt.Errorf("write comparison: %w", err)
		}
		return nil
	case formatTable:
		if opts.IO.OutTTY {
			fmt.Fprintf(w, "%s: %d %s, %s: %d %s; %d dyad-periods in both, %d only in %s, %d only in %s\n",
				rec.A, rec.EventsA, plural(rec.EventsA, "event", "events"), rec.B, rec.EventsB, plural(rec.EventsB, "event", "events"),
				rec.Both, rec.OnlyA, rec.A, rec.OnlyB, rec.B)
			fmt.Fprintf(w, "correlation of event counts r = %s, of mean Goldstein scores r = %s\n\n", fmtR(c.EventsR), fmtR(c.GoldsteinR))
		}
	}
	cols := []column[compareRow]{{"period", func(r compareRow) string { return r.Period }}}
	for _, s := range []struct {
		name string
		get  func(compareRow) panelUnit
	}{{"source", func(r compareRow) panelUnit { return r.Source }}, {"target", func(r compareRow) panelUnit { return r.Target }}} {
		cols = append(cols,
			column[compareRow]{s.name, func(r compareRow) string { return s.get(r).Name }},
			column[compareRow]{s.name + "_id", func(r compareRow) string { return s.get(r).ID }},
			column[compareRow]{s.name + "_code", func(r compareRow) string { return s.get(r).Code }})
	}
	for _, side := range []struct {
		name string
		get  func(compareRow) compareSide
	}{{rec.A, func(r compareRow) compareSide { return r.A }}, {rec.B, func(r compareRow) compareSide { return r.B }}} {
		for _, f := range []struct {
			name string
			val  func(compareSide) int
		}{
			{"events", func(s compareSide) int { return s.Events }},
			{"verbal_cooperation", func(s compareSide) int { return s.VerbalCooperation }},
			{"material_cooperation", func(s compareSide) int { return s.MaterialCooperation }},
			{"verbal_conflict", func(s compareSide) int { return s.VerbalConflict }},
			{"material_conflict", func(s compareSide) int { return s.MaterialConflict }},
		} {
			cols = append(cols, column[compareRow]{side.name + "_" + f.name, func(r compareRow) string { return strconv.Itoa(f.val(side.get(r))) }})
		}
		cols = append(cols, column[compareRow]{side.name + "_goldstein_mean", func(r compareRow) string {
			if m := side.get(r).GoldsteinMean; m != nil {
				return fmtGoldstein(*m)
			}
			return ""
		}})
	}
	return printRecords(w, opts.Format, opts.IO.OutTTY, rec.Rows, cols)
}

// nullable is x, or null (nil) for NaN, which JSON cannot hold.
func nullable(x float64) *float64 {
	if math.IsNaN(x) {
		return nil
	}
	x = round(x, 3)
	return &x
}

func fmtR(x float64) string {
	if math.IsNaN(x) {
		return "undefined"
	}
	return strconv.FormatFloat(round(x, 3), 'f', -1, 64)
}
