package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/query"
)

type panelOptions struct {
	queryOptions

	By    string
	Level string
}

func newCmdPanel(f *factory, runF func(*panelOptions) error) *cobra.Command {
	opts := &panelOptions{queryOptions: newQueryOptions(f)}
	// Country is the panel's default level; panelLevel says how the view
	// and query.Panel share the roll-up.
	ff := filterFlags{defaultLevel: "country"}
	cmd := &cobra.Command{
		Use:   "panel",
		Short: "Write the dyad-by-period table for time-series and regression work",
		Long: `Write one row per directed pair of actors (a dyad) and period: its event
count, the counts by quad class (verbal and material cooperation, verbal and
material conflict), the sum and mean of the Goldstein scores and the dates
of its first and last event in the period. Every dyad with a dated event
gets a row for every period from the first dated event to the last, the
periods without events as zeros: the balanced panel that regression and
time-series tools expect. A symmetric event ("met", "signed an agreement")
counts for both directions.

--level country counts each person, organ and unit for its country
(Pakistan's army and its prime minister both count as Pakistan), as the
country codes of GDELT and ICEWS are used; international organisations and
groups of no country stay themselves, and events within one country make
its domestic dyad (Pakistan, Pakistan). --level actor keeps every actor
apart.

Undated events cannot be placed in a period; their number is said on
stderr. With --by month an event dated to its year only is such an event,
and so on. The filters (--since, --cameo, --quad, --modality...) choose the
events as in every other command.`,
		Example: `  kg panel --level country --format csv > dyad-years.csv
  kg panel --by month --since 2012 --until 2014 --quad conflict --format csv
  kg panel --level actor --format jsonl | jq -c "select(.events > 0) | [.period, .source.name, .target.name, .events]"`,
		Args: noPositionalArgs,
		RunE: prologue[panelOptions]{format: &opts.Format, formats: panelFormats, filters: &ff, filter: &opts.Filter, runF: runF, run: runPanel,
			check: func(cmd *cobra.Command, args []string) error {
				var err error
				opts.Level, err = panelLevel(cmd, opts.By, ff.level)
				return err
			}}.runE(opts),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.By, "by", "year", "period: year, month or day")
	addFilterFlags(cmd, &ff)
	addFormatFlag(cmd, &opts.Format, panelFormats...)
	return cmd
}

// panelFormats are the formats kg panel writes, CSV first: the panel is
// a table for R, pandas and DuckDB, which read Parquet too.
var panelFormats = []string{formatCSV, formatJSONL, formatJSON, formatTable, formatParquet}

// panelLevel checks --by and --level for a panel (kg panel, kg compare)
// and returns the level query.Panel rolls up to. The view rolls actors up
// to their countries or sectors (so that --between names them and reports
// of one event meet); at country level the panel's own roll-up then names
// each unit by its code, at sector level each node is a unit.
func panelLevel(cmd *cobra.Command, by, level string) (string, error) {
	switch by {
	case "year", "month", "day":
	default:
		return "", flagErrorf(cmd, "--by must be year, month or day, not %q", by)
	}
	switch level {
	case "actor", "country":
		return level, nil
	case "sector":
		return "actor", nil
	}
	return "", flagErrorf(cmd, "--level must be actor, country or sector, not %q", level)
}

// panelRecord is one row of the panel. As in kg triples, JSON names each
// side with an object and CSV flattens it.
type panelRecord struct {
	Period              string    `json:"period"`
	Source              panelUnit `json:"source"`
	Target              panelUnit `json:"target"`
	Events              int       `json:"events"`
	VerbalCooperation   int       `json:"verbal_cooperation"`
	MaterialCooperation int       `json:"material_cooperation"`
	VerbalConflict      int       `json:"verbal_conflict"`
	MaterialConflict    int       `json:"material_conflict"`
	GoldsteinSum        float64   `json:"goldstein_sum"`
	GoldsteinMean       *float64  `json:"goldstein_mean"` // null in a period without events
	First               string    `json:"first_date"`     // "" in a period without events
	Last                string    `json:"last_date"`
}

// panelUnit is one side of a dyad: an actor, or at country level a country
// (its code as ID). In CSV its fields are flattened as in kg triples:
// source, source_id, source_code.
type panelUnit struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Code string `json:"code"`
}

func runPanel(ctx context.Context, opts *panelOptions) error {
	v, _, _, _, err := opts.loadNamed()
	if err != nil {
		return err
	}
	rows, undated, err := query.Panel(v, query.PanelOptions{By: opts.By, Level: opts.Level})
	if err != nil {
		return err
	}
	recs := make([]panelRecord, len(rows))
	for i, r := range rows {
		rec := panelRecord{
			Period:            r.Period,
			Source:            panelUnit{r.Source.Key, r.Source.Name, r.Source.Code},
			Target:            panelUnit{r.Target.Key, r.Target.Name, r.Target.Code},
			Events:            r.Events,
			VerbalCooperation: r.Quad[0], MaterialCooperation: r.Quad[1],
			VerbalConflict: r.Quad[2], MaterialConflict: r.Quad[3],
			GoldsteinSum: round(r.GoldsteinSum, 3),
		}
		if m, ok := r.GoldsteinMean(); ok {
			m = round(m, 3)
			rec.GoldsteinMean = &m
		}
		if r.Events > 0 {
			rec.First, rec.Last = r.First.String(), r.Last.String()
		}
		recs[i] = rec
	}
	if opts.Format == formatParquet {
		pw, err := newParquetWriter(opts.IO.Out, opts.IO.OutTTY, panelToParquet)
		if err != nil {
			return err
		}
		for _, r := range recs {
			if err := pw.Write(r); err != nil {
				return fmt.Errorf("write panel: %w", err)
			}
		}
		if err := pw.Close(); err != nil {
			return fmt.Errorf("write panel: %w", err)
		}
		return nil
	}
	num := fmtGoldstein
	err = printRecords(opts.IO.Out, opts.Format, opts.IO.OutTTY, recs, []column[panelRecord]{
		{"period", func(r panelRecord) string { return r.Period }},
		{"source", func(r panelRecord) string { return r.Source.Name }},
		{"source_id", func(r panelRecord) string { return r.Source.ID }},
		{"source_code", func(r panelRecord) string { return r.Source.Code }},
		{"target", func(r panelRecord) string { return r.Target.Name }},
		{"target_id", func(r panelRecord) string { return r.Target.ID }},
		{"target_code", func(r panelRecord) string { return r.Target.Code }},
		{"events", func(r panelRecord) string { return strconv.Itoa(r.Events) }},
		{"verbal_cooperation", func(r panelRecord) string { return strconv.Itoa(r.VerbalCooperation) }},
		{"material_cooperation", func(r panelRecord) string { return strconv.Itoa(r.MaterialCooperation) }},
		{"verbal_conflict", func(r panelRecord) string { return strconv.Itoa(r.VerbalConflict) }},
		{"material_conflict", func(r panelRecord) string { return strconv.Itoa(r.MaterialConflict) }},
		{"goldstein_sum", func(r panelRecord) string { return num(r.GoldsteinSum) }},
		{"goldstein_mean", func(r panelRecord) string {
			if r.GoldsteinMean == nil {
				return ""
			}
			return num(*r.GoldsteinMean)
		}},
		{"first_date", func(r panelRecord) string { return r.First }},
		{"last_date", func(r panelRecord) string { return r.Last }},
	})
	if err != nil {
		return err
	}
	if undated > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "%d undated %s left out (no %s to place them in)\n", undated, plural(undated, "event", "events"), opts.By)
	}
	return nil
}
