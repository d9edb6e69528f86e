package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
	"github.com/kg-project/kg/internal/graph/store"
)

type triplesOptions struct {
	IO     *ioStreams
	Store  func() (*store.Store, error)
	Format string

	Actors []string
	Filter graph.Filter
	// Sort is "doc" (documents by date and name, then sentences: streamed,
	// in bounded memory) or "date" (every event by its date, which holds
	// them all).
	Sort string
}

func newCmdTriples(f *factory, runF func(*triplesOptions) error) *cobra.Command {
	opts := &triplesOptions{IO: f.IO, Store: func() (*store.Store, error) { return f.openStore(true) }}
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "triples",
		Short: "List stored events as actor–relation–actor triples",
		Long: `List the stored events, one triple each, with the sentence they were found in.

The filters are those of every other command. One default differs: with no
--include-negated and no --modality, every event is listed, negated and
hypothetical ones included (marked in the status column), so that the JSONL
output (--format jsonl) can be read back by kg import into the same graph.
For the same reason every report of an event is listed, one per sentence
that tells it, where the commands that count events count them once
(--mentions and --report-days do not apply here). Triples are ordered by
document (by its date, then name) and then sentence, and written as they
are read, so a store of any size lists in little memory; --sort date
orders every event by its own date instead, which needs them all before
the first is written: up to 200,000 are sorted in memory, more in parts
in temporary files, merged as they are written.`,
		Example: `  kg triples --actor Pakistan --since 2023-01
  kg triples --between India,Pakistan --quad conflict
  kg triples --cameo 04,057 --format csv
  kg triples --format jsonl > triples.jsonl`,
		Args: noPositionalArgs,
		RunE: prologue[triplesOptions]{format: &opts.Format, formats: triplesFormats, runF: runF, run: runTriples,
			check: func(cmd *cobra.Command, _ []string) error {
				flt, err := ff.parse(cmd)
				if err != nil {
					return err
				}
				for _, name := range []string{"mentions", "report-days"} {
					if cmd.Flags().Changed(name) {
						return flagErrorf(cmd, "--%s: kg triples lists every report as stored; it applies to the commands that count events", name)
					}
				}
				if !cmd.Flags().Changed("include-negated") && !cmd.Flags().Changed("modality") {
					flt.IncludeNegated = true
					flt.Modalities = []graph.Modality{graph.Actual, graph.Planned, graph.Hypothetical}
				}
				if opts.Sort != "doc" && opts.Sort != "date" {
					return flagErrorf(cmd, "--sort must be doc or date, not %q", opts.Sort)
				}
				opts.Filter = flt
				opts.Actors = splitList(opts.Actors)
				return nil
			}}.runE(opts),
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&opts.Actors, "actor", nil, "keep events with this actor on either side (ID, name or alias; repeatable)")
	fl.StringVar(&opts.Sort, "sort", "doc", "order: doc (by document, then sentence; streamed) or date (by event date; sorted in memory up to 200,000 events, on disk beyond)")
	addFilterFlags(cmd, &ff)
	addFormatFlag(cmd, &opts.Format, triplesFormats...)
	return cmd
}

// triplesFormats are the formats kg triples writes: a listing's, and
// Parquet for pandas, R and DuckDB.
var triplesFormats = []string{formatTable, formatJSON, formatJSONL, formatCSV, formatParquet}

// tripleRow is a TripleRecord plus what ordering needs.
type tripleRow struct {
	rec  graph.TripleRecord
	date graph.Date
	pair [2]string // source and target sides, for --min-events
}

func runTriples(ctx context.Context, opts *triplesOptions) error {
	s, err := opts.Store()
	if err != nil {
		return err
	}
	docs, err := allDocuments(s)
	if err != nil {
		return err
	}
	flt, err := opts.Filter.ResolveDocs(docs)
	if err != nil {
		return err
	}
	sel, err := newTripleSelector(s, docs, flt, opts.Actors)
	if err != nil {
		return err
	}
	flt = sel.flt
	// A pair's events are spread over documents: --min-events counts them
	// in a first pass (as in the graph views, per direction).
	var pairCount map[[2]string]int
	if flt.MinEvents > 1 {
		pairCount = map[[2]string]int{}
		if err := s.Events(func(e graph.Event) error {
			if p, ok := sel.accept(&e); ok {
				pairCount[p]++
			}
			return ctx.Err()
		}); err != nil {
			return err
		}
	}
	var rw rowWriter[graph.TripleRecord]
	if opts.Format == formatParquet {
		rw, err = newParquetWriter(opts.IO.Out, opts.IO.OutTTY, tripleToParquet)
	} else {
		rw, err = newRecordWriter(opts.IO.Out, opts.Format, opts.IO.OutTTY, triplesColumns(opts.Format, opts.IO.OutTTY))
	}
	if err != nil {
		return err
	}
	emit := func(rows []tripleRow) error {
		for i := range rows {
			if pairCount != nil && pairCount[rows[i].pair] < flt.MinEvents {
				continue
			}
			if err := rw.Write(rows[i].rec); err != nil {
				return fmt.Errorf("write triples: %w", err)
			}
		}
		return nil
	}
	notice := func(n int) {
		if opts.IO.ErrTTY {
			fmt.Fprintf(opts.IO.ErrOut, "sorting by date: more than %d events, sorted in parts on disk and merged (--sort doc streams instead)\n", n-1)
		}
	}
	if err := readTriples(ctx, s, opts.Sort, docs, flt, sel.accept, sel.row, emit, notice); err != nil {
		rw.Close()
		return err
	}
	if err := rw.Close(); err != nil {
		return fmt.Errorf("write triples: %w", err)
	}
	return nil
}

// tripleSelector decides which stored events kg triples lists and makes
// their records: the filter with its names resolved, --actor, and at a
// rolled-up level the country or sector each side counts for.
type tripleSelector struct {
	flt     graph.Filter
	actors  []tripleActor
	byID    map[string]int32 // index in actors
	docName *docNames
	keep    map[string]bool // --actor, as sides; nil for all
	between [2]string       // --between at a rolled-up level, as sides
}

// tripleActor is what a listing prints of an actor, and its country for
// the rolled-up levels: two thirds of a whole record (on 200k actors,
// 21 MB where the records took 30).
type tripleActor struct {
	graph.ActorRef
	country string
}

func newTripleSelector(s *store.Store, docs []graph.Document, flt graph.Filter, names []string) (*tripleSelector, error) {
	// Every record is read only when names are to be resolved.
	var all []graph.Actor
	resolve := func(name string) (graph.Actor, error) {
		if all == nil {
			var err error
			if all, err = s.Actors(); err != nil {
				return graph.Actor{}, err
			}
		}
		return resolveActor(all, name)
	}
	var err error
	if flt, err = flt.ResolveActors(func(name string) (string, error) {
		a, err := resolve(name)
		return a.ID, err
	}); err != nil {
		return nil, err
	}
	// The actors are held once, found by index: a map of their records
	// held a second copy.
	sel := &tripleSelector{flt: flt, byID: map[string]int32{}, docName: docNameMap(docs)}
	if err := s.EachActor(func(a *graph.Actor) error {
		sel.byID[a.ID] = int32(len(sel.actors))
		sel.actors = append(sel.actors, tripleActor{a.Ref(), a.CountryCode()})
		return nil
	}); err != nil {
		return nil, err
	}
	sel.actors = slices.Clip(sel.actors)
	if len(names) > 0 {
		sel.keep = make(map[string]bool)
		for _, name := range names {
			a, err := resolve(name)
			if err != nil {
				return nil, err
			}
			sel.keep[sel.side(a.ID, "")] = true
		}
	}
	if flt.RollsUp() && len(flt.Between) == 2 {
		sel.between = [2]string{sel.side(flt.Between[0], ""), sel.side(flt.Between[1], "")}
	}
	return sel, nil
}

// side is what an event's side is matched and counted by: the actor, or
// at country or sector level what it counts for there, as in the views
// (code is the one it held on the event's date, when that differs).
func (sel *tripleSelector) side(id, code string) string {
	if !sel.flt.RollsUp() {
		return id
	}
	a := sel.actor(id)
	c := a.country
	if c == "" {
		return id
	}
	if code == "" {
		code = a.Code
	}
	if r := cameo.Role(code, c); sel.flt.Level == "sector" && r != "" {
		return "sector:" + c + r
	}
	return "country:" + c
}

// accept says whether e is listed, and what its sides count as.
func (sel *tripleSelector) accept(e *graph.Event) (pair [2]string, ok bool) {
	s, t := sel.side(e.Source, e.SourceCode), sel.side(e.Target, e.TargetCode)
	if !sel.flt.KeepEvent(e) || sel.keep != nil && !sel.keep[s] && !sel.keep[t] {
		return pair, false
	}
	if b := sel.between; b[0] != "" && !(s == b[0] && t == b[1] || s == b[1] && t == b[0]) {
		return pair, false
	}
	if len(sel.flt.Types) > 0 && (!sel.flt.KeepType(sel.actor(e.Source).Type) || !sel.flt.KeepType(sel.actor(e.Target).Type)) {
		return pair, false
	}
	return [2]string{s, t}, true
}

// row makes e's record.
func (sel *tripleSelector) row(e *graph.Event, pair [2]string) tripleRow {
	var rep *graph.ActorRef
	if e.Reporter != "" {
		a := sel.actor(e.Reporter).ActorRef
		rep = &a
	}
	src, dst := sel.actor(e.Source), sel.actor(e.Target)
	return tripleRow{rec: e.RecordOf(sel.docName.name(e.DocID), src.ActorRef, dst.ActorRef, rep), date: e.Date, pair: pair}
}

// triplesColumns are the table's columns, or in CSV every field of the
// JSON record.
func triplesColumns(format string, tty bool) []column[graph.TripleRecord] {
	sentence := func(r graph.TripleRecord) string { return r.Sentence }
	if tty && format == formatTable {
		sentence = func(r graph.TripleRecord) string { return truncateCell(r.Sentence, 60) }
	}
	cols := []column[graph.TripleRecord]{
		{"date", func(r graph.TripleRecord) string { return r.Date }},
		{"source", func(r graph.TripleRecord) string { return r.Source.Name }},
		{"relation", func(r graph.TripleRecord) string { return r.Relation }},
		{"cameo", func(r graph.TripleRecord) string { return r.CAMEO }},
		{"target", func(r graph.TripleRecord) string { return r.Target.Name }},
		// A negated, planned or hypothetical event must not read as a
		// fact: "Obama meet Zardari" from "no time to meet".
		{"status", eventStatus},
		{"doc", func(r graph.TripleRecord) string { return r.Doc }},
		{"sentence", sentence},
	}
	if format == formatCSV {
		// CSV is flat and holds every field of the JSON record, for
		// spreadsheets, R and pandas, and for kg import to read back.
		cols = []column[graph.TripleRecord]{
			{"id", func(r graph.TripleRecord) string { return r.ID }},
			{"date", func(r graph.TripleRecord) string { return r.Date }},
			{"date_precision", func(r graph.TripleRecord) string { return r.DatePrecision }},
			{"source", func(r graph.TripleRecord) string { return r.Source.Name }},
			{"source_id", func(r graph.TripleRecord) string { return r.Source.ID }},
			{"source_code", func(r graph.TripleRecord) string { return r.Source.Code }},
			{"source_type", func(r graph.TripleRecord) string { return string(r.Source.Type) }},
			{"relation", func(r graph.TripleRecord) string { return r.Relation }},
			{"cameo", func(r graph.TripleRecord) string { return r.CAMEO }},
			{"quad_class", func(r graph.TripleRecord) string { return strconv.Itoa(r.QuadClass) }},
			{"goldstein", func(r graph.TripleRecord) string { return fmtGoldstein(r.Goldstein) }},
			{"target", func(r graph.TripleRecord) string { return r.Target.Name }},
			{"target_id", func(r graph.TripleRecord) string { return r.Target.ID }},
			{"target_code", func(r graph.TripleRecord) string { return r.Target.Code }},
			{"target_type", func(r graph.TripleRecord) string { return string(r.Target.Type) }},
			{"negated", func(r graph.TripleRecord) string { return strconv.FormatBool(r.Negated) }},
			{"modality", func(r graph.TripleRecord) string { return string(r.Modality) }},
			{"symmetric", func(r graph.TripleRecord) string { return strconv.FormatBool(r.Symmetric) }},
			{"confidence", func(r graph.TripleRecord) string { return strconv.FormatFloat(r.Confidence, 'f', -1, 64) }},
			{"doc", func(r graph.TripleRecord) string { return r.Doc }},
			{"sentence_index", func(r graph.TripleRecord) string { return strconv.Itoa(r.SentenceIndex) }},
			{"start", func(r graph.TripleRecord) string { return strconv.Itoa(r.Start) }},
			{"end", func(r graph.TripleRecord) string { return strconv.Itoa(r.End) }},
			{"sentence", sentence},
			{"reporter", func(r graph.TripleRecord) string {
				if r.Reporter == nil {
					return ""
				}
				return r.Reporter.Name
			}},
			{"origin", func(r graph.TripleRecord) string { return r.Origin }},
			{"mentions", func(r graph.TripleRecord) string { return strconv.Itoa(r.Mentions) }},
			{"sources", func(r graph.TripleRecord) string { return strconv.Itoa(r.Sources) }},
		}
	}
	return cols
}

// readTriples reads the listed events in the chosen order and hands them
// to emit: by document, one document's events at a time, or all at once
// sorted by date.
func readTriples(ctx context.Context, s *store.Store, order string, docs []graph.Document, flt graph.Filter,
	accept func(*graph.Event) ([2]string, bool), row func(*graph.Event, [2]string) tripleRow, emit func([]tripleRow) error,
	notice func(n int)) error {
	if order == "date" {
		ds := &dateSorter{notice: notice}
		defer ds.close()
		if err := s.Events(func(e graph.Event) error {
			if p, ok := accept(&e); ok {
				if err := ds.add(row(&e, p)); err != nil {
					return err
				}
			}
			return ctx.Err()
		}); err != nil {
			return err
		}
		return ds.finish(ctx, emit)
	}
	docs = slices.Clone(docs)
	slices.SortFunc(docs, func(a, b graph.Document) int {
		if a.Date != b.Date {
			if a.Date.FirstDay().Before(b.Date.FirstDay()) || a.Date.FirstDay() == b.Date.FirstDay() && a.Date.Before(b.Date) {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	want := map[string]bool{}
	for _, d := range flt.Docs {
		want[d] = true
	}
	ids := make([]string, 0, len(docs))
	for _, d := range docs {
		if len(want) == 0 || want[d.ID] {
			ids = append(ids, d.ID)
		}
	}
	var rows []tripleRow
	if err := s.EventsOfDocs(ids, func(_ string, evs []graph.Event) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		rows = rows[:0]
		for i := range evs {
			if p, ok := accept(&evs[i]); ok {
				rows = append(rows, row(&evs[i], p))
			}
		}
		return emit(rows)
	}); err != nil {
		return err
	}
	return nil
}

// actor returns the stored actor, or one holding only the ID should the
// actor record be missing, so that a damaged store still lists its events.
func (sel *tripleSelector) actor(id string) tripleActor {
	if i, ok := sel.byID[id]; ok {
		return sel.actors[i]
	}
	return tripleActor{ActorRef: graph.Actor{ID: id, Name: id}.Ref()}
}

// eventStatus marks what an event is not: "not" for a negated one, its
// modality when not actual ("planned", "hypothetical"); "" for a fact.
func eventStatus(r graph.TripleRecord) string {
	var parts []string
	if r.Negated {
		parts = append(parts, "not")
	}
	if r.Modality != "" && r.Modality != graph.Actual {
		parts = append(parts, string(r.Modality))
	}
	return strings.Join(parts, ", ")
}
