package triples

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
)

// TriplesICEWS names the ICEWS coded-event files as an import format.
const TriplesICEWS = "icews"

// icewsColumns are the columns of an ICEWS event file kg reads, by the
// names of its header line.
var icewsColumns = []string{"Event ID", "Event Date", "Source Name", "CAMEO Code", "Intensity", "Target Name", "Story ID"}

// readICEWS adds the events of an ICEWS coded-event file: tab-separated,
// with a header line naming the columns (Event ID, Event Date, Source
// Name, Source Sectors, Source Country, Event Text, CAMEO Code, Intensity,
// Target Name, …, Story ID, Sentence Number, Publisher, …). Each story is
// a document. Actors keep ICEWS's names ("Nawaz Sharif", "Police
// (Pakistan)"); ResolveActors maps them onto kg's.
func (im *Importer) readICEWS(r io.Reader, file string) []error {
	var errs []error
	fail := func(line int, err error) {
		errs = append(errs, &ImportError{File: file, Line: line, Err: err})
	}
	cr := csv.NewReader(&lineLimit{r: r})
	cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord, cr.ReuseRecord = '\t', true, -1, true
	head, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return []error{fmt.Errorf("%s: empty file", file)}
		}
		return []error{&ImportError{File: file, Line: 1, Err: err}}
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range icewsColumns {
		if _, ok := col[c]; !ok {
			return []error{&ImportError{File: file, Line: 1, Err: fmt.Errorf("no %q column: not an ICEWS event file (its header names %s)", c, strings.Join(icewsColumns, ", "))}}
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	line := 1
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line++
		if err != nil {
			fail(line, err)
			if errors.Is(err, errLineTooLong) {
				break
			}
			continue
		}
		story := get(rec, "Story ID")
		doc := "icews:" + story
		if story == "" {
			doc = "icews:" + file
		}
		d := im.doc(doc, file)
		row, err := icewsRow(get, rec)
		if err != nil {
			d.bad++
			fail(line, err)
			continue
		}
		im.add(d, row)
	}
	return errs
}

// icewsRow makes the event of one ICEWS line.
func icewsRow(get func([]string, string) string, rec []string) (importRow, error) {
	bad := func(name string, err error) (importRow, error) {
		return importRow{}, fmt.Errorf("column %q: %w", name, err)
	}
	id := get(rec, "Event ID")
	if id == "" {
		return bad("Event ID", errors.New("empty"))
	}
	date, err := graph.ParseDate(get(rec, "Event Date"))
	if err != nil || date.Precision() != graph.Day {
		return bad("Event Date", fmt.Errorf("%q is not a date YYYY-MM-DD", get(rec, "Event Date")))
	}
	src, dst := get(rec, "Source Name"), get(rec, "Target Name")
	if src == "" {
		return bad("Source Name", errors.New("empty"))
	}
	if dst == "" {
		return bad("Target Name", errors.New("empty"))
	}
	code := icewsCode(get(rec, "CAMEO Code"))
	if !cameo.Known(code) {
		return bad("CAMEO Code", fmt.Errorf("%q is not a CAMEO event code", get(rec, "CAMEO Code")))
	}
	gold, err := strconv.ParseFloat(get(rec, "Intensity"), 64)
	if err != nil || gold < -10 || gold > 10 {
		return bad("Intensity", fmt.Errorf("%q is not a score from -10 to 10", get(rec, "Intensity")))
	}
	sentence := 0
	if s := get(rec, "Sentence Number"); s != "" {
		if sentence, err = strconv.Atoi(s); err != nil || sentence < 0 {
			return bad("Sentence Number", fmt.Errorf("%q is not a number", s))
		}
	}
	a, b := graph.Actor{ID: graph.Slug(src), Name: src}, graph.Actor{ID: graph.Slug(dst), Name: dst}
	e := graph.Event{
		ID: "icews-" + id, Source: a.ID, Target: b.ID, CAMEO: code, QuadClass: cameo.QuadClass(code), Goldstein: gold,
		Date: date, Modality: graph.Actual, SentenceIndex: sentence, Extractor: graph.OriginICEWS, Confidence: 1,
	}
	if err := codeEvent(&e, false); err != nil {
		return bad("CAMEO Code", err)
	}
	return importRow{e: e, src: a, dst: b, byName: [2]bool{true, true}}, nil
}

// icewsCode restores the leading zero that some ICEWS files lose when a
// CAMEO code passed through a number ("42" for 042).
func icewsCode(s string) string {
	if cameo.Known(s) || s == "" {
		return s
	}
	if z := "0" + s; len(s) < 4 && cameo.Known(z) {
		return z
	}
	return s
}
