package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph/view"
	"github.com/kg-project/kg/internal/query"
)

type timelineOptions struct {
	queryOptions

	A, B  string
	By    string
	Level string
	Plot  string
}

func newCmdTimeline(f *factory, runF func(*timelineOptions) error) *cobra.Command {
	opts := &timelineOptions{queryOptions: newQueryOptions(f)}
	// The level is the timeline's own, country by default: the view stays
	// at actor level and query.SideFor makes a country count with its
	// actors.
	ff := filterFlags{defaultLevel: "country"}
	cmd := &cobra.Command{
		Use:   "timeline A B",
		Short: "Show how relations between two actors evolved",
		Long: `Count the events between A and B (either direction) per year or month:
cooperation (quad classes 1-2), conflict (3-4) and the mean Goldstein score.
Every period from the first to the last dated event is listed, empty ones
included. On a terminal the table ends with sparklines.

A country named counts with all of its own actors (--level country, the
default): "kg timeline Pakistan Russia" counts a Pakistani general's visit
to Moscow, as an analyst of the two countries' relations expects. --level
actor counts only the events of the two actors named. A person or an
organisation named is always counted alone.

--plot FILE draws the series (bars for cooperation and conflict, a line for
the mean Goldstein score); the extension picks the format: .svg, .png, .pdf
or .eps.`,
		Example: `  kg timeline Russia Pakistan
  kg timeline India Pakistan --by month --since 2012 --plot india-pakistan.svg
  kg timeline USA Taliban --format csv`,
		Args: exactArgs(2),
		RunE: prologue[timelineOptions]{format: &opts.Format, filters: &ff, filter: &opts.Filter, runF: runF, run: runTimeline,
			check: func(cmd *cobra.Command, args []string) error {
				opts.A, opts.B = args[0], args[1]
				if opts.By != "year" && opts.By != "month" {
					return flagErrorf(cmd, "--by must be year or month, not %q", opts.By)
				}
				if ff.level == "sector" {
					return flagErrorf(cmd, "--level sector: a timeline follows two actors or countries; kg panel --level sector --between A,B gives sectors' series")
				}
				if ff.level != "actor" && ff.level != "country" {
					return flagErrorf(cmd, "--level must be actor or country, not %q", ff.level)
				}
				opts.Level, ff.level = ff.level, "actor"
				if opts.Plot != "" {
					if _, err := plotFormat(opts.Plot); err != nil {
						return flagErrorf(cmd, "--plot: %v", err)
					}
				}
				return nil
			}}.runE(opts),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.By, "by", "year", "period: year or month")
	fl.StringVar(&opts.Plot, "plot", "", "also draw the timeline to this file (.svg, .png, .pdf, .eps)")
	addFilterFlags(cmd, &ff)
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func plotFormat(path string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	switch ext {
	case "svg", "png", "pdf", "eps":
		return ext, nil
	}
	return "", fmt.Errorf("unknown plot format %q (want .svg, .png, .pdf or .eps)", filepath.Ext(path))
}

type periodRecord struct {
	Period      string   `json:"period"`
	Events      int      `json:"events"`
	Cooperation int      `json:"cooperation"`
	Conflict    int      `json:"conflict"`
	Goldstein   *float64 `json:"goldstein"` // null in a period without events, as in kg panel
}

type timelineRecord struct {
	A       actorRef       `json:"a"`
	B       actorRef       `json:"b"`
	By      string         `json:"by"`
	Undated int            `json:"undated"`
	Periods []periodRecord `json:"periods"`
}

func runTimeline(ctx context.Context, opts *timelineOptions) error {
	v, actors, _, err := opts.Load(opts.Filter)
	if err != nil {
		return err
	}
	var sides [2]query.Side
	var refs [2]actorRef
	for i, name := range []string{opts.A, opts.B} {
		if sides[i], refs[i], err = timelineSide(v, actors, name, opts.Level); err != nil {
			return err
		}
	}
	periods, undated, err := query.TimelineOf(v, sides[0], sides[1], opts.By)
	if err != nil {
		return err
	}
	rec := timelineRecord{A: refs[0], B: refs[1], By: opts.By, Undated: undated, Periods: []periodRecord{}}
	for _, p := range periods {
		pr := periodRecord{Period: p.Period, Events: p.Events, Cooperation: p.Cooperation, Conflict: p.Conflict}
		if p.Events > 0 {
			g := round(p.Goldstein, 3)
			pr.Goldstein = &g
		}
		rec.Periods = append(rec.Periods, pr)
	}
	if opts.Plot != "" {
		if err := writeTimelinePlot(opts.Plot, periods, rec.A.Name+" – "+rec.B.Name); err != nil {
			return err
		}
	}
	w := opts.IO.Out
	if opts.Format == formatJSON {
		return writeObject(w, formatJSON, rec)
	}
	err = printRecords(w, opts.Format, opts.IO.OutTTY, rec.Periods, []column[periodRecord]{
		{"period", func(p periodRecord) string { return p.Period }},
		{"events", func(p periodRecord) string { return strconv.Itoa(p.Events) }},
		{"cooperation", func(p periodRecord) string { return strconv.Itoa(p.Cooperation) }},
		{"conflict", func(p periodRecord) string { return strconv.Itoa(p.Conflict) }},
		{"goldstein", func(p periodRecord) string {
			if p.Goldstein == nil {
				return ""
			}
			return fmtGoldstein(*p.Goldstein)
		}},
	})
	if err != nil || opts.Format != formatTable || !opts.IO.OutTTY {
		return err
	}
	if len(periods) == 0 {
		fmt.Fprintf(opts.IO.ErrOut, "no dated events between %s and %s under the current filters\n", rec.A.Name, rec.B.Name)
		return nil
	}
	coop, conf, gold := make([]float64, len(periods)), make([]float64, len(periods)), make([]float64, len(periods))
	for i, p := range periods {
		coop[i], conf[i], gold[i] = float64(p.Cooperation), float64(p.Conflict), p.Goldstein
		if p.Events == 0 {
			gold[i] = math.NaN() // no events, no mean: a gap
		}
	}
	fmt.Fprintf(w, "\ncooperation  %s\nconflict     %s\ngoldstein    %s\n", query.Sparkline(coop), query.Sparkline(conf), query.Sparkline(gold))
	if undated > 0 {
		fmt.Fprintf(w, "(%d undated %s left out)\n", undated, plural(undated, "event", "events"))
	}
	return nil
}

// timelineSide is the side of the timeline a name stands for. At country
// level a country counts with all of its own actors, even when it has no
// event of its own under the filters (only its ministers do); any other
// actor counts alone and must take part in some event.
func timelineSide(v *view.View, actors *storedActors, name, level string) (query.Side, actorRef, error) {
	a, err := actors.resolve(name)
	if err != nil {
		return nil, actorRef{}, err
	}
	n, ok := v.NodeOf(a.ID)
	ref := actorRefOf(&a)
	switch {
	case ok:
		ref = refOf(v, n)
	case query.CountsAsCountry(&a, level):
		n = -1
	default:
		return nil, actorRef{}, fmt.Errorf("actor %s (%s) takes part in no event under the current filters", a.Name, a.ID)
	}
	return query.SideFor(v, &a, n, level), ref, nil
}

func writeTimelinePlot(path string, periods []query.Period, title string) (err error) {
	format, err := plotFormat(path)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create plot: %w", err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close plot %s: %w", path, cerr)
		}
	}()
	if err := query.WriteTimelinePlot(f, periods, title, format); err != nil {
		return fmt.Errorf("plot %s: %w", path, err)
	}
	return nil
}
