package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
	"github.com/kg-project/kg/internal/graph/store"
	"github.com/kg-project/kg/internal/graph/view"
	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/loader/dict"
	"github.com/kg-project/kg/internal/query"
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
	minConfidence  float64
	between        []string
	level          string
	mentions       bool
	reportDays     int
	origins        []string
	// defaultLevel is --level's default: actor unless the command sets it
	// before addFilterFlags.
	defaultLevel string
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
	fl.Float64Var(&ff.minConfidence, "min-confidence", 0, "keep events the extractor was at least this sure of (0-1)")
	fl.StringSliceVar(&ff.between, "between", nil, "keep the events between two actors, either direction: --between India,Pakistan")
	def := ff.defaultLevel
	if def == "" {
		def = "actor"
	}
	fl.StringVar(&ff.level, "level", def, "actor; country: every actor counts for its country (its government, army, leaders); sector: for its country's sector (government, military, rebels…) its CAMEO code names")
	fl.StringSliceVar(&ff.origins, "origin", nil, "keep events of these origins: kg (extracted), import, gdelt, icews")
	fl.BoolVar(&ff.mentions, "mentions", false, "count every report of an event; by default reports of one event (same actors, CAMEO root, modality, agreeing dates) count once")
	fl.IntVar(&ff.reportDays, "report-days", graph.DefaultReportDays, "days apart that two reports dated to the day may be and tell of one event")
}

// parse validates the filter flags of cmd; a bad value is a usage error.
func (ff *filterFlags) parse(cmd *cobra.Command) (graph.Filter, error) {
	f, err := ff.filter()
	if err != nil {
		return graph.Filter{}, flagErrorf(cmd, "%v", err)
	}
	return f, nil
}

// filter validates the flags and turns them into a graph.Filter. Errors are
// plain; parse makes them usage errors.
func (ff *filterFlags) filter() (graph.Filter, error) {
	var f graph.Filter
	var err error
	if f.Since, err = graph.ParseDate(ff.since); err != nil {
		return f, fmt.Errorf("--since: %w", err)
	}
	if f.Until, err = graph.ParseDate(ff.until); err != nil {
		return f, fmt.Errorf("--until: %w", err)
	}
	f.CAMEO = splitList(ff.cameo)
	for _, q := range splitList(ff.quad) {
		qs, err := graph.ParseQuad(q)
		if err != nil {
			return f, fmt.Errorf("--quad: %w", err)
		}
		f.Quad = append(f.Quad, qs...)
	}
	if f.Types, err = parseList(ff.types, "--type", graph.ParseActorType); err != nil {
		return f, err
	}
	f.MinEvents = ff.minEvents
	f.Docs = splitList(ff.docs)
	f.IncludeNegated = ff.includeNegated
	if f.Modalities, err = parseList(ff.modalities, "--modality", graph.ParseModality); err != nil {
		return f, err
	}
	f.MinConfidence = ff.minConfidence
	f.Between = splitList(ff.between)
	if ff.level != "actor" {
		f.Level = ff.level // "" is the actor level
	}
	f.Mentions = ff.mentions
	f.Origins = splitList(ff.origins)
	switch {
	case ff.reportDays < 0:
		return f, fmt.Errorf("--report-days must be 0 or more, not %d", ff.reportDays)
	case ff.reportDays == 0:
		f.ReportDays = -1 // the same day only
	case ff.reportDays == graph.DefaultReportDays:
		// The zero Filter's, so that no flag gives the zero Filter.
	default:
		f.ReportDays = ff.reportDays
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

// addEvidenceFlag defines --evidence N, which means the same in every
// command: quote up to N sentences behind each item of the answer, 0 none.
func addEvidenceFlag(cmd *cobra.Command, n *int, def int, per string) {
	cmd.Flags().IntVar(n, "evidence", def, "quote up to N sentences per "+per+" (0: none)")
}

// loadView opens the store read-only and builds the filtered view; it also
// returns every stored actor, for name resolution.
func loadView(f *factory, flt graph.Filter) (*view.View, []graph.Actor, error) {
	v, actors, _, err := loadQuery(f, flt, false)
	if err != nil {
		return nil, nil, err
	}
	list, err := actors.all()
	return v, list, err
}

// loadQuery is loadView that also returns the document names by ID, which
// evidence quotes. With indexed, a view that the filters allow to is built
// from the store's graph index (view.LoadIndexedView): right for a query
// that reports a few pairs and nodes, as path, link, neighbors and central
// do; and the actors are read only if the alias index cannot resolve a
// name.
func loadQuery(f *factory, flt graph.Filter, indexed bool) (*view.View, *storedActors, *docNames, error) {
	s, err := f.openStore(true)
	if err != nil {
		return nil, nil, nil, err
	}
	indexed = indexed && graphIndexQueries && s.HasGraphIndex() && view.Indexable(flt)
	actors := &storedActors{load: s.Actors}
	if indexed {
		actors.byName = s.ActorsByAlias
	} else if _, err := actors.all(); err != nil {
		return nil, nil, nil, err
	}
	// A view from the graph index reads the documents of the evidence it
	// quotes, not the list of every document (100,000 at 10M events).
	var docs []graph.Document
	names := &docNames{names: map[string]string{}, read: s.DocumentMeta}
	if !indexed {
		if docs, err = allDocuments(s); err != nil {
			return nil, nil, nil, fmt.Errorf("list documents: %w", err)
		}
		names = docNameMap(docs)
		if flt, err = flt.ResolveDocs(docs); err != nil {
			return nil, nil, nil, err
		}
	}
	if flt, err = flt.ResolveActors(func(name string) (string, error) {
		a, err := actors.resolve(name)
		if err != nil {
			return "", err
		}
		return a.ID, nil
	}); err != nil {
		return nil, nil, nil, err
	}
	var v *view.View
	if indexed {
		v, err = view.LoadIndexedView(s, flt)
	} else {
		v, err = view.LoadView(storeSource{s, actors.list, docs}, flt)
	}
	if err != nil {
		return nil, nil, nil, err
	}
	return v, actors, names, nil
}

// graphIndexQueries lets queries read the graph index; tests turn it off
// to hold the answers to those of a view of every event.
var graphIndexQueries = true

// docNames names documents by ID for the evidence a query quotes. It
// holds every name, or reads a document the first time its name is asked
// for.
type docNames struct {
	names map[string]string
	read  func(id string) (graph.Document, error) // nil: names holds all
}

// docNameMap holds the names of docs.
func docNameMap(docs []graph.Document) *docNames {
	d := &docNames{names: make(map[string]string, len(docs))}
	for _, doc := range docs {
		d.names[doc.ID] = doc.Name
	}
	return d
}

// name returns document id's name; "" for a document the store lacks, as
// with a list of every document.
func (d *docNames) name(id string) string {
	n, ok := d.names[id]
	if ok || d.read == nil {
		return n
	}
	if doc, err := d.read(id); err == nil {
		n = doc.Name
	}
	d.names[id] = n
	return n
}

// storedActors finds the stored actors that names on the command line
// mean. It holds every stored actor, or reads them only when the store's
// alias index finds none that answers to a name by ID or canonical name
// (the first of view.ResolveActor's tiers, which decides whenever it
// finds any): a query naming two actors then reads two, not 200,000.
type storedActors struct {
	list   []graph.Actor
	load   func() ([]graph.Actor, error)            // reads list; nil once read
	byName func(name string) ([]graph.Actor, error) // nil: always use the list
}

// actorList is a storedActors that holds list.
func actorList(list []graph.Actor) *storedActors { return &storedActors{list: list} }

// all returns every stored actor, reading them on first use.
func (s *storedActors) all() ([]graph.Actor, error) {
	if s.load != nil {
		list, err := s.load()
		if err != nil {
			return nil, fmt.Errorf("read actors: %w", err)
		}
		s.list, s.load = list, nil
	}
	return s.list, nil
}

// resolve is resolveActor over every stored actor.
func (s *storedActors) resolve(name string) (graph.Actor, error) {
	if s.load != nil && s.byName != nil {
		var cands []graph.Actor
		seen := map[string]bool{}
		for _, n := range []string{name, graph.Slug(name)} {
			found, err := s.byName(n)
			if err != nil {
				return graph.Actor{}, err
			}
			for _, a := range found {
				if !seen[a.ID] {
					seen[a.ID] = true
					cands = append(cands, a)
				}
			}
		}
		for i := range cands {
			if view.NamesActor(&cands[i], name) {
				return view.ResolveActor(cands, name)
			}
		}
	}
	list, err := s.all()
	if err != nil {
		return graph.Actor{}, err
	}
	return resolveActor(list, name)
}

// storeSource reuses the actors and documents already read for name
// resolution, so that the view does not read them again.
type storeSource struct {
	*store.Store
	actors []graph.Actor
	docs   []graph.Document
}

func (s storeSource) Actors() ([]graph.Actor, error) { return s.actors, nil }

func (s storeSource) Documents(fn func(graph.Document) error, _ bool) error {
	for _, d := range s.docs {
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// queryOptions are the options of every command that questions the graph:
// where it prints, how it loads the view, its output format and filters.
type queryOptions struct {
	IO     *ioStreams
	Load   viewLoader
	Format string
	Filter graph.Filter
}

// loadNamed loads the filtered view and finds the nodes of the actors
// named on the command line, in order; it also returns every stored actor,
// for names resolved later, and the document names by ID.
func (o *queryOptions) loadNamed(names ...string) (*view.View, []int64, *storedActors, *docNames, error) {
	v, actors, docs, err := o.Load(o.Filter)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	nodes := make([]int64, len(names))
	for i, n := range names {
		if nodes[i], err = resolveNode(v, actors, n); err != nil {
			return nil, nil, nil, nil, err
		}
	}
	return v, nodes, actors, docs, nil
}

func newQueryOptions(f *factory) queryOptions {
	return queryOptions{IO: f.IO, Load: storeViewLoader(f, false)}
}

// newIndexedQueryOptions are the options of a query that reports a few
// pairs and nodes of the graph, and so builds its view from the graph
// index when its filters allow (loadQuery).
func newIndexedQueryOptions(f *factory) queryOptions {
	return queryOptions{IO: f.IO, Load: storeViewLoader(f, true)}
}

// viewLoader builds the filtered view and returns every stored actor, which
// name resolution searches (an actor may exist but have no event under the
// filters), and the document names by ID. Commands take it as an option so
// tests can hand in a view.
type viewLoader func(graph.Filter) (*view.View, *storedActors, *docNames, error)

func storeViewLoader(f *factory, indexed bool) viewLoader {
	return func(flt graph.Filter) (*view.View, *storedActors, *docNames, error) {
		return loadQuery(f, flt, indexed)
	}
}

// resolveNode finds the view node an actor name designates. A name no
// stored actor answers to is looked up in the dictionary, whose aliases the
// text may not have used ("USSR", "Russian Federation"). Unknown and
// ambiguous names give one line listing the closest actors.
func resolveNode(v *view.View, actors *storedActors, name string) (int64, error) {
	a, err := actors.resolve(name)
	if err != nil {
		return 0, err
	}
	n, ok := v.NodeOf(a.ID)
	if !ok && v.Filter().RollsUp() && a.CountryCode() != "" {
		// At country level a person or an organ counts for its country:
		// "kg path Kayani India --level country" starts from Pakistan; at
		// sector level for its country's sector (Pakistan military).
		want, typ := a.CountryCode(), graph.Country
		if r := cameo.Role(a.Code, want); v.Filter().Level == "sector" && r != "" {
			want, typ = want+r, ""
		}
		for i, c := range v.Actors() {
			if c.Code == want && (c.Type == typ || typ == "" && c.Type != graph.Person && c.Type != graph.Country) {
				return int64(i), nil
			}
		}
	}
	if !ok {
		return 0, fmt.Errorf("actor %s (%s) takes part in no event under the current filters", a.Name, a.ID)
	}
	return n, nil
}

// resolveActor finds the stored actor a name designates, through the
// dictionary's aliases when no stored actor answers to it.
func resolveActor(actors []graph.Actor, name string) (graph.Actor, error) {
	a, err := view.ResolveActor(actors, name)
	var ae *view.ActorError
	if errors.As(err, &ae) && !ae.Ambiguous {
		if d, derr := queryDictionary(); derr == nil {
			if e, ok := d.ActorByName(name); ok {
				for _, alt := range []string{e.Name, e.Code} {
					if b, berr := view.ResolveActor(actors, alt); berr == nil && alt != "" {
						return b, nil
					}
				}
			}
		}
	}
	return a, err
}

// actorRef is how query output names an actor in JSON.
type actorRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Code string `json:"code"`
	Type string `json:"type"`
}

func refOf(v *view.View, n int64) actorRef { return actorRefOf(v.Actor(n)) }

// actorRefOf is actor a as it is named in every output.
func actorRefOf(a *graph.Actor) actorRef {
	return actorRef{ID: a.ID, Name: a.Name, Code: a.Code, Type: string(a.Type)}
}

// evidenceRecord is one event quoted as evidence.
type evidenceRecord struct {
	ID        string   `json:"id"`
	Source    actorRef `json:"source"`
	Relation  string   `json:"relation"`
	Target    actorRef `json:"target"`
	CAMEO     string   `json:"cameo"`
	Goldstein float64  `json:"goldstein"`
	Date      string   `json:"date"`
	Doc       string   `json:"doc"`    // document name
	DocID     string   `json:"doc_id"` // document ID
	Sentence  string   `json:"sentence"`
	// Mentions counts the reports of the event: this one and Reports.
	Mentions int            `json:"mentions"`
	Reports  []reportRecord `json:"reports"`
}

// reportRecord is another report of an evidence event: the same event
// told in another sentence or document.
type reportRecord struct {
	Date     string `json:"date"`
	Doc      string `json:"doc"`
	DocID    string `json:"doc_id"`
	Sentence string `json:"sentence"`
}

func evidenceOf(v *view.View, docs *docNames, idx []int32, limit int) []evidenceRecord {
	out := []evidenceRecord{}
	for _, i := range idx {
		if limit > 0 && len(out) >= limit {
			break
		}
		e := v.Event(int(i))
		s, t := v.EventEnds(int(i))
		r := evidenceRecord{ID: e.ID, Source: refOf(v, s), Relation: e.Relation, Target: refOf(v, t),
			CAMEO: e.CAMEO, Goldstein: e.Goldstein, Date: e.Date.String(), Doc: docs.name(e.DocID), DocID: e.DocID, Sentence: e.Sentence,
			Reports: []reportRecord{}}
		for _, o := range v.Reports(int(i)) {
			r.Reports = append(r.Reports, reportRecord{Date: o.Date.String(), Doc: docs.name(o.DocID), DocID: o.DocID, Sentence: o.Sentence})
		}
		r.Mentions = 1 + len(r.Reports)
		out = append(out, r)
	}
	return out
}

// relationRecord is the JSON form of a query.Relation.
type relationRecord struct {
	From      actorRef         `json:"from"`
	To        actorRef         `json:"to"`
	Events    int              `json:"events"`
	Forward   int              `json:"forward"`
	Backward  int              `json:"backward"`
	Relations []string         `json:"relations"`
	Goldstein float64          `json:"goldstein"`
	Sign      int              `json:"sign"`
	First     string           `json:"first_date"`
	Last      string           `json:"last_date"`
	Evidence  []evidenceRecord `json:"evidence,omitempty"`
}

func relationOf(v *view.View, docs *docNames, r query.Relation, evidence int) relationRecord {
	rec := relationRecord{From: refOf(v, r.From), To: refOf(v, r.To), Events: r.Count(), Forward: r.Forward, Backward: r.Backward,
		Relations: r.Relations, Goldstein: round(r.Goldstein, 3), Sign: r.Sign, First: r.First.String(), Last: r.Last.String()}
	if rec.Relations == nil {
		rec.Relations = []string{}
	}
	if evidence != 0 {
		rec.Evidence = evidenceOf(v, docs, r.Events, evidence)
	}
	return rec
}

// fmtGoldstein writes a Goldstein score, or a sum or mean of them, the one
// way every table and CSV does: to three decimals at most, no trailing
// zeros (1.9, -10, 5.233), the value JSON gives.
func fmtGoldstein(x float64) string { return strconv.FormatFloat(round(x, 3), 'f', -1, 64) }

// actorColumns gives the columns of an actor field: in a table its name,
// in CSV (flat, every field of the JSON) its name, id, code and type.
func actorColumns[T any](format, name string, get func(T) actorRef) []column[T] {
	cols := []column[T]{{name, func(r T) string { return get(r).Name }}}
	if format == formatCSV {
		cols = append(cols,
			column[T]{name + "_id", func(r T) string { return get(r).ID }},
			column[T]{name + "_code", func(r T) string { return get(r).Code }},
			column[T]{name + "_type", func(r T) string { return get(r).Type }})
	}
	return cols
}

// stepColumns are a step's counts after its two ends: in CSV the events
// each way and the sign too, which a table's arrow and mean stand for.
func stepColumns[T any](format string, get func(T) relationRecord) []column[T] {
	cols := []column[T]{{"events", func(r T) string { return strconv.Itoa(get(r).Events) }}}
	if format == formatCSV {
		cols = append(cols,
			column[T]{"forward", func(r T) string { return strconv.Itoa(get(r).Forward) }},
			column[T]{"backward", func(r T) string { return strconv.Itoa(get(r).Backward) }},
			column[T]{"sign", func(r T) string { return strconv.Itoa(get(r).Sign) }})
	}
	cols = append(cols,
		column[T]{"relations", func(r T) string { return strings.Join(get(r).Relations, "; ") }},
		column[T]{"goldstein", func(r T) string { return fmtGoldstein(get(r).Goldstein) }})
	return append(cols, dateColumns(format, func(r T) string { return get(r).First }, func(r T) string { return get(r).Last })...)
}

// dateColumns gives an event span's columns: in a table one "dates" cell
// (1971..2016), in CSV two of plain dates, first_date and last_date, that
// a spreadsheet, R or pandas reads as dates.
func dateColumns[T any](format string, first, last func(T) string) []column[T] {
	if format == formatCSV {
		return []column[T]{{"first_date", first}, {"last_date", last}}
	}
	return []column[T]{{"dates", func(r T) string { return dateSpanStr(first(r), last(r)) }}}
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// fmtScore prints a score compactly but exactly enough to compare runs.
func fmtScore(x float64) string { return strconv.FormatFloat(x, 'g', 8, 64) }

// arrow shows which way the events on a hop run.
func arrow(r relationRecord) string {
	switch {
	case r.Forward > 0 && r.Backward > 0:
		return "<->"
	case r.Backward > 0:
		return "<-"
	}
	return "->"
}

func dateSpanStr(first, last string) string {
	switch {
	case first == "":
		return ""
	case first == last:
		return first
	}
	return first + ".." + last
}

func joinEvidence(ev []evidenceRecord, format string) string {
	parts := make([]string, len(ev))
	for i, e := range ev {
		s := e.Sentence
		if format == formatTable {
			s = truncateCell(s, 120)
		}
		parts[i] = s + reportsNote(e)
	}
	return strings.Join(parts, " | ")
}

// reportsNote tells, after an evidence sentence, how many more reports
// of its event there are.
func reportsNote(e evidenceRecord) string {
	switch n := len(e.Reports); n {
	case 0:
		return ""
	case 1:
		return " (+1 report)"
	default:
		return fmt.Sprintf(" (+%d reports)", n)
	}
}

// queryDictionary is the dictionary (the embedded one with KG_DICT's files)
// that name resolution falls back on, read once and only when needed.
var queryDictionary = sync.OnceValues(func() (*dict.Dictionary, error) {
	return loader.LoadDictionary(dict.Paths(nil)...)
})

// parseList parses each item of a comma-separated flag value, naming the
// flag in the error of the first that does not parse.
func parseList[T any](value []string, flag string, parse func(string) (T, error)) ([]T, error) {
	var out []T
	for _, item := range splitList(value) {
		v, err := parse(item)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", flag, err)
		}
		out = append(out, v)
	}
	return out, nil
}
