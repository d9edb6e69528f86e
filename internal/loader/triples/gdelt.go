package triples

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
)

// TriplesGDELT names GDELT's event files as an import format.
const TriplesGDELT = "gdelt"

// gdeltLayout is where the fields kg keeps stand in one of GDELT's event
// file layouts. The first 35 columns are the same in all of them; the
// geography blocks that follow have an ADM2 code in 2.0 and not in 1.0,
// which moves DATEADDED and SOURCEURL.
type gdeltLayout struct {
	name string
	url  int // column of SOURCEURL, -1 when the layout has none
}

// gdeltLayouts by number of columns: GDELT 2.0 events, GDELT 1.0 daily
// files (with SOURCEURL since April 2013) and the 1.0 historical backfile.
var gdeltLayouts = map[int]gdeltLayout{
	61: {"GDELT 2.0", 60},
	58: {"GDELT 1.0", 57},
	57: {"GDELT 1.0 (historical)", -1},
}

// Columns of the fields kg reads, the same in every layout.
const (
	gdID          = 0
	gdDate        = 1 // SQLDATE, YYYYMMDD
	gdActor1Code  = 5
	gdActor1Name  = 6
	gdActor1Ctry  = 7
	gdActor2Code  = 15
	gdActor2Name  = 16
	gdActor2Ctry  = 17
	gdEventCode   = 26
	gdQuadClass   = 29
	gdGoldstein   = 30
	gdNumMentions = 31
	gdNumSources  = 32
)

// gdeltColumnNames name the columns kg reads, for error messages.
var gdeltColumnNames = map[int]string{
	gdID: "GLOBALEVENTID", gdDate: "SQLDATE", gdEventCode: "EventCode", gdQuadClass: "QuadClass",
	gdGoldstein: "GoldsteinScale", gdNumMentions: "NumMentions", gdNumSources: "NumSources",
}

// readGDELT adds the events of a GDELT event file: tab-separated, no
// header, one event a line. Each event's article (SOURCEURL) is its
// document; a layout without one puts the file's events in one document
// named after the file. Actors keep GDELT's names and codes here
// (ResolveActors maps them onto kg's); an event with only one actor, of
// which GDELT has many, cannot be a triple and is counted in Warnings.
func (im *Importer) readGDELT(r io.Reader, file, defDoc string) []error {
	var errs []error
	fail := func(line int, err error) {
		errs = append(errs, &ImportError{File: file, Line: line, Err: err})
	}
	sc := bufio.NewScanner(&lineLimit{r: r})
	sc.Buffer(make([]byte, 64<<10), maxLine)
	line, oneSided := 0, 0
	var layout gdeltLayout
	ordinal := map[string]int{}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			continue
		}
		cols := strings.Split(text, "\t")
		l, ok := gdeltLayouts[len(cols)]
		switch {
		case !ok:
			fail(line, fmt.Errorf("%d tab-separated columns; GDELT 2.0 events have 61, GDELT 1.0 events 57 or 58", len(cols)))
			continue
		case layout.name == "":
			layout = l
		case l.name != layout.name:
			fail(line, fmt.Errorf("%d columns where the file's first line has the layout of %s", len(cols), layout.name))
			continue
		}
		doc := defDoc
		if layout.url >= 0 && strings.TrimSpace(cols[layout.url]) != "" {
			doc = strings.TrimSpace(cols[layout.url])
		}
		src, dst := gdeltActor(cols[gdActor1Code], cols[gdActor1Name], cols[gdActor1Ctry]),
			gdeltActor(cols[gdActor2Code], cols[gdActor2Name], cols[gdActor2Ctry])
		if src.ID == "" || dst.ID == "" {
			oneSided++
			continue
		}
		d := im.doc(doc, file)
		row, err := gdeltRow(cols, src, dst, ordinal[doc])
		if err != nil {
			d.bad++
			fail(line, err)
			continue
		}
		ordinal[doc]++
		im.add(d, row)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = errLineTooLong
		}
		fail(line+1, err)
	}
	if oneSided > 0 {
		what := "events"
		if oneSided == 1 {
			what = "event"
		}
		im.Warnings = append(im.Warnings, fmt.Sprintf("%s: %d %s with one actor left out (a triple needs two)", file, oneSided, what))
	}
	return errs
}

// gdeltActor is one side of a GDELT event as GDELT names it: its name in
// the case people write it ("PAKISTAN" is Pakistan), its CAMEO code and
// country. No name and no code is no actor.
func gdeltActor(code, name, country string) graph.Actor {
	code, name, country = strings.TrimSpace(code), strings.TrimSpace(name), strings.TrimSpace(country)
	if name == "" {
		name = code
	}
	if name == "" {
		return graph.Actor{}
	}
	name = titleCase(name)
	return graph.Actor{ID: graph.Slug(name), Name: name, Code: strings.ToUpper(code), Country: strings.ToUpper(country)}
}

// titleCase writes GDELT's upper-case names as names are written: GEORGE
// W BUSH is George W Bush. Words of one or two letters other than the
// first stay as they are, mostly initials.
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && len(w) <= 2 && w != "al" {
			words[i] = strings.ToUpper(w)
			continue
		}
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// gdeltRow makes the event of one GDELT line.
func gdeltRow(cols []string, src, dst graph.Actor, ordinal int) (importRow, error) {
	bad := func(col int, err error) (importRow, error) {
		return importRow{}, fmt.Errorf("column %d (%s): %w", col+1, gdeltColumnNames[col], err)
	}
	id := strings.TrimSpace(cols[gdID])
	if _, err := strconv.ParseUint(id, 10, 64); err != nil {
		return bad(gdID, fmt.Errorf("%q is not an event number", id))
	}
	date, err := gdeltDate(cols[gdDate])
	if err != nil {
		return bad(gdDate, err)
	}
	e := graph.Event{
		ID: "gdelt-" + id, Source: src.ID, Target: dst.ID, CAMEO: strings.TrimSpace(cols[gdEventCode]),
		Date: date, Modality: graph.Actual, SentenceIndex: ordinal, Extractor: graph.OriginGDELT, Confidence: 1,
	}
	if !cameo.Known(e.CAMEO) {
		return bad(gdEventCode, fmt.Errorf("%q is not a CAMEO event code", e.CAMEO))
	}
	if e.QuadClass, err = strconv.Atoi(strings.TrimSpace(cols[gdQuadClass])); err != nil || e.QuadClass < 1 || e.QuadClass > 4 {
		return bad(gdQuadClass, fmt.Errorf("%q is not 1 to 4", cols[gdQuadClass]))
	}
	if e.Goldstein, err = strconv.ParseFloat(strings.TrimSpace(cols[gdGoldstein]), 64); err != nil || e.Goldstein < -10 || e.Goldstein > 10 {
		return bad(gdGoldstein, fmt.Errorf("%q is not a score from -10 to 10", cols[gdGoldstein]))
	}
	for _, c := range []struct {
		col int
		dst *int
	}{{gdNumMentions, &e.Mentions}, {gdNumSources, &e.Sources}} {
		n, err := strconv.Atoi(strings.TrimSpace(cols[c.col]))
		if err != nil || n < 0 {
			return bad(c.col, fmt.Errorf("%q is not a count", cols[c.col]))
		}
		*c.dst = counted(n)
	}
	// GDELT's quad class and Goldstein score are kept as given; the code
	// must still be CAMEO's, and names the relation.
	if err := codeEvent(&e, false); err != nil {
		return bad(gdEventCode, err)
	}
	return importRow{e: e, src: src, dst: dst, byName: [2]bool{true, true}}, nil
}

// gdeltDate reads SQLDATE, YYYYMMDD.
func gdeltDate(s string) (graph.Date, error) {
	s = strings.TrimSpace(s)
	if len(s) != 8 {
		return graph.Date{}, fmt.Errorf("%q is not a date YYYYMMDD", s)
	}
	d, err := graph.ParseDate(s[:4] + "-" + s[4:6] + "-" + s[6:])
	if err != nil {
		return graph.Date{}, fmt.Errorf("%q is not a date YYYYMMDD", s)
	}
	return d, nil
}

// gdeltDefaultDoc names the document of a file's events that have no
// article: the file's base name.
func gdeltDefaultDoc(file string) string { return "gdelt:" + filepath.Base(file) }
