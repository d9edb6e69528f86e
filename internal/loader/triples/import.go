package triples

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
)

// Formats of pre-extracted triples that an Importer reads.
const (
	TriplesCSV   = "csv"
	TriplesTSV   = "tsv"
	TriplesJSONL = "jsonl"
)

// TriplesFormat picks a format from a file name's extension, or from the
// first bytes of the content when the extension says nothing: a '{' means
// JSONL, a tab in the first line TSV, anything else CSV.
func TriplesFormat(name string, head []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return TriplesCSV
	case ".tsv", ".tab":
		return TriplesTSV
	case ".jsonl", ".ndjson", ".json":
		return TriplesJSONL
	}
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(head) > 0 && head[0] == '{' {
		return TriplesJSONL
	}
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if bytes.IndexByte(head, '\t') >= 0 {
		return TriplesTSV
	}
	return TriplesCSV
}

// ImportError is a bad line of an imported file.
type ImportError struct {
	File string
	Line int
	Err  error
}

func (e *ImportError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *ImportError) Unwrap() error { return e.Err }

// Importer turns pre-extracted triples into one Extraction per document. It
// reads any number of files first and builds the extractions at the end, so
// a document whose rows are spread over several files is still written as
// one.
//
// CSV and TSV files need a header naming at least source, target, and
// relation or cameo. Optional columns: id, doc, date, sentence,
// sentence_index, negated, modality, symmetric, confidence, weight (a
// positive count of identical events), source_id, source_code, source_type,
// target_id, target_code, target_type. Unknown columns are reported once
// and ignored. JSONL files hold the TripleRecord lines that `kg triples`
// prints, so its output imports back into the same graph.
type Importer struct {
	docs map[string]*importDoc
	// Warnings collects remarks that are not errors, such as ignored
	// columns.
	Warnings []string

	// Streaming (see Census and Stream): rows counts the rows read so
	// far; in a census, last records the count at each document's last
	// row, and a stream hands a document over when the count reaches it.
	mode     importMode
	rows     int64
	last     map[string]int64
	bad      map[string]bool
	resolve  func(graph.Actor) graph.Actor
	complete func(graph.Extraction) error
	err      error // the first error of complete
}

type importMode int

const (
	collect importMode = iota // keep every row until Extractions
	census                    // keep no row, learn where documents end
	stream                    // hand each document over at its last row
)

type importDoc struct {
	name   string
	source string
	rows   []importRow
	bad    int
}

// importRow is one event before its document's ID and text are known.
type importRow struct {
	e          graph.Event // Source and Target hold actor IDs; DocID is unset
	src, dst   graph.Actor
	rep        *graph.Actor // the reporter, when the record names one
	hasOffsets bool
	copyIndex  int // >0 for the extra copies of a weighted CSV row
	// byName marks a source or target that a CSV row named without an
	// ID, which ResolveActors may replace.
	byName [2]bool
}

// NewImporter returns an empty Importer.
func NewImporter() *Importer { return &Importer{docs: make(map[string]*importDoc)} }

// Read adds the triples in r, named file in messages, in the given format
// (TriplesCSV, TriplesTSV, TriplesJSONL or TriplesGDELT). Rows without a document name go
// to a document named after the file's base name. It returns one
// *ImportError per bad line; the documents those lines belong to are left
// out of Extractions.
func (im *Importer) Read(r io.Reader, file, format string) []error {
	defDoc := filepath.Base(file)
	if file == "-" {
		defDoc, file = "stdin", "stdin"
	}
	switch format {
	case TriplesJSONL:
		return im.readJSONL(r, file, defDoc)
	case TriplesCSV:
		return im.readCSV(r, file, defDoc, ',')
	case TriplesTSV:
		return im.readCSV(r, file, defDoc, '\t')
	case TriplesGDELT:
		return im.readGDELT(r, file, gdeltDefaultDoc(defDoc))
	case TriplesICEWS:
		return im.readICEWS(r, file)
	}
	return []error{fmt.Errorf("%s: unknown triples format %q", file, format)}
}

// Census makes the next reads a first pass over the input: rows are
// parsed and checked, errors returned as usual, but none is kept; the
// importer learns where each document's last row is and which documents
// have bad lines. Stream then reads the same input again.
func (im *Importer) Census() {
	im.mode, im.rows, im.last = census, 0, map[string]int64{}
}

// Stream makes the next reads a second pass over the input that Census
// read: actors named without an ID go through resolve (as ResolveActors),
// and each document is handed to complete as soon as its last row is
// read, then forgotten, so that memory holds only the documents under
// way. Documents with bad lines are left out, as by Extractions. Reads
// return the errors of the census again; Err returns complete's first.
func (im *Importer) Stream(resolve func(graph.Actor) graph.Actor, complete func(graph.Extraction) error) {
	im.bad = map[string]bool{}
	for _, n := range im.Skipped() {
		im.bad[n] = true
	}
	im.mode, im.rows, im.docs = stream, 0, map[string]*importDoc{}
	im.resolve, im.complete = memoResolver(resolve), complete
}

// Err returns the first error of Stream's complete function.
func (im *Importer) Err() error { return im.err }

// Rows returns the number of rows read, kept or not.
func (im *Importer) Rows() int64 { return im.rows }

// add appends the rows of a good line to document d, as the mode says.
func (im *Importer) add(d *importDoc, rows ...importRow) {
	im.rows += int64(len(rows))
	switch im.mode {
	case census:
		im.last[d.name] = im.rows
		return
	case stream:
		for i := range rows {
			im.resolveRow(&rows[i])
		}
	}
	d.rows = append(d.rows, rows...)
	if im.mode == stream && im.rows == im.last[d.name] && !im.bad[d.name] {
		delete(im.docs, d.name)
		if im.err == nil {
			im.err = im.complete(d.extraction())
		}
	}
}

func (im *Importer) resolveRow(r *importRow) {
	if r.byName[0] {
		r.src = im.resolve(r.src)
		r.e.Source = r.src.ID
	}
	if r.byName[1] {
		r.dst = im.resolve(r.dst)
		r.e.Target = r.dst.ID
	}
}

func (im *Importer) doc(name, file string) *importDoc {
	d, ok := im.docs[name]
	if !ok {
		d = &importDoc{name: name, source: file}
		im.docs[name] = d
	}
	return d
}

// Skipped returns the names of documents left out because of bad lines,
// sorted.
func (im *Importer) Skipped() []string {
	var out []string
	for n, d := range im.docs {
		if d.bad > 0 {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

func (im *Importer) readJSONL(r io.Reader, file, defDoc string) []error {
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var rec graph.TripleRecord
		err := json.Unmarshal(b, &rec)
		name := rec.Doc
		if name == "" {
			name = defDoc
		}
		var row importRow
		if err == nil {
			err = checkNames(name, rec.ID)
		}
		if err == nil {
			row, err = recordRow(rec)
		}
		d := im.doc(name, file)
		if err != nil {
			d.bad++
			errs = append(errs, &ImportError{File: file, Line: line, Err: err})
			continue
		}
		im.add(d, row)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &ImportError{File: file, Line: line + 1, Err: err})
		im.doc(defDoc, file).bad++
	}
	return errs
}

// checkNames refuses the NUL byte in names the store uses inside keys.
func checkNames(doc, id string) error {
	if strings.IndexByte(doc, 0) >= 0 {
		return errors.New("document name contains a NUL byte")
	}
	if strings.IndexByte(id, 0) >= 0 {
		return errors.New("id contains a NUL byte")
	}
	return nil
}

func recordRow(rec graph.TripleRecord) (importRow, error) {
	src, err := refActor(rec.Source, "source")
	if err != nil {
		return importRow{}, err
	}
	dst, err := refActor(rec.Target, "target")
	if err != nil {
		return importRow{}, err
	}
	if rec.Relation == "" && rec.CAMEO == "" {
		return importRow{}, errors.New("neither relation nor cameo given")
	}
	date, err := graph.ParseDate(rec.Date)
	if err != nil {
		return importRow{}, err
	}
	mod, err := graph.ParseModality(string(rec.Modality))
	if err != nil {
		return importRow{}, err
	}
	var rep *graph.Actor
	if rec.Reporter != nil {
		a, err := refActor(*rec.Reporter, "reporter")
		if err != nil {
			return importRow{}, err
		}
		rep = &a
	}
	e := graph.Event{
		ID: rec.ID, Source: src.ID, Target: dst.ID, Relation: rec.Relation, CAMEO: rec.CAMEO,
		QuadClass: rec.QuadClass, Goldstein: rec.Goldstein, Date: date, DocDate: rec.DatePrecision == graph.DocumentPrecision, Negated: rec.Negated,
		Modality: mod, Symmetric: rec.Symmetric, SentenceIndex: rec.SentenceIndex,
		Start: rec.Start, End: rec.End, Sentence: rec.Sentence, Confidence: rec.Confidence,
		Extractor: importOrigin(rec.Origin), Mentions: counted(rec.Mentions), Sources: counted(rec.Sources),
	}
	if e.SentenceIndex < 0 {
		return importRow{}, fmt.Errorf("negative sentence_index %d", e.SentenceIndex)
	}
	if err := codeEvent(&e, e.QuadClass == 0); err != nil {
		return importRow{}, err
	}
	if rep != nil {
		e.Reporter = rep.ID
	}
	// A row's codes are the actors' codes on the event's date: kept on
	// the event, so that an actor coded differently in two rows (a
	// minister, later in opposition) reads back as written.
	e.SourceCode, e.TargetCode = src.Code, dst.Code
	return importRow{e: e, src: src, dst: dst, rep: rep, hasOffsets: rec.End > 0}, nil
}

func refActor(r graph.ActorRef, side string) (graph.Actor, error) {
	a := graph.Actor{ID: r.ID, Name: strings.TrimSpace(r.Name), Code: r.Code, Type: r.Type, Aliases: r.Aliases}
	if a.Name == "" && a.ID == "" {
		return a, fmt.Errorf("%s has neither name nor id", side)
	}
	if a.ID == "" {
		a.ID = graph.Slug(a.Name)
	}
	if a.Name == "" {
		a.Name = a.ID
	}
	if strings.IndexByte(a.ID, 0) >= 0 {
		return a, fmt.Errorf("%s id contains a NUL byte", side)
	}
	if a.Type != "" {
		t, err := graph.ParseActorType(string(a.Type))
		if err != nil {
			return a, fmt.Errorf("%s: %w", side, err)
		}
		a.Type = t
	}
	return a, nil
}

// codeEvent checks the CAMEO code and fills what follows from it: the quad
// class and Goldstein score when fill is set, and a relation when none was
// given.
func codeEvent(e *graph.Event, fill bool) error {
	if e.CAMEO == "" {
		return nil
	}
	c, ok := cameo.Lookup(e.CAMEO)
	if !ok {
		if cameo.User(e.CAMEO) {
			// A code of the user's own dictionary: kept as given, with
			// no quad class and the Goldstein score the row has.
			if e.Relation == "" {
				e.Relation = e.CAMEO
			}
			return nil
		}
		if err := cameo.Valid(e.CAMEO); err != nil {
			return err
		}
		return fmt.Errorf("unknown CAMEO code %q", e.CAMEO)
	}
	if fill {
		e.QuadClass = cameo.QuadClass(e.CAMEO)
		e.Goldstein = c.Goldstein
	}
	if e.Relation == "" {
		// The name extraction gives an event of this code when no
		// lexicon names it, so imported and extracted relations match.
		e.Relation = cameo.RelationName(e.CAMEO)
	}
	return nil
}

// csvColumns are the header names an Importer understands.
var csvColumns = []string{
	"id", "doc", "date", "date_precision", "source", "source_id", "source_code", "source_type",
	"target", "target_id", "target_code", "target_type", "relation", "cameo",
	"sentence", "sentence_index", "negated", "modality", "symmetric", "confidence", "weight",
	// Written by kg triples --format csv and derived again on import (from
	// the CAMEO code, and the sentence's place in the rebuilt text).
	"quad_class", "goldstein", "start", "end", "reporter",
	"origin", "mentions", "sources",
}

// importOrigin is the Extractor of an imported event: an event keeps the
// origin its record gives (kg's, GDELT's), so that what kg triples writes
// reads back the same; a row that gives none is an import.
func importOrigin(origin string) string {
	switch origin {
	case graph.OriginGDELT, graph.OriginICEWS, graph.OriginKG:
		return origin
	}
	return graph.OriginImport
}

// counted keeps a mention or source count above the one a record stands
// for by default.
func counted(n int) int {
	if n > 1 {
		return n
	}
	return 0
}

// maxLine is the longest line an import reads: a record of a kg triple,
// sentence included, is far shorter; a file without line breaks (a binary,
// /dev/zero) stops here instead of filling memory.
const maxLine = 4 << 20

// errLineTooLong reports a line over maxLine bytes.
var errLineTooLong = fmt.Errorf("line longer than %d MiB", maxLine>>20)

// lineLimit passes r through, failing with errLineTooLong once maxLine
// bytes go by without a line break.
type lineLimit struct {
	r   io.Reader
	run int
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, b := range p[:n] {
		if b == '\n' {
			l.run = 0
		} else if l.run++; l.run > maxLine {
			return 0, errLineTooLong
		}
	}
	return n, err
}

func (im *Importer) readCSV(r io.Reader, file, defDoc string, sep rune) []error {
	cr := csv.NewReader(&lineLimit{r: r})
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	if sep == '\t' {
		cr.LazyQuotes = true
	}
	fail := func(line int, err error) []error {
		im.doc(defDoc, file).bad++
		return []error{&ImportError{File: file, Line: line, Err: err}}
	}
	head, err := cr.Read()
	if err == io.EOF {
		return fail(1, errors.New("empty file: want a header line"))
	}
	if err != nil {
		return fail(1, err)
	}
	col := make(map[string]int)
	var ignored []string
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		known := false
		for _, c := range csvColumns {
			if h == c {
				known = true
			}
		}
		if !known {
			ignored = append(ignored, h)
			continue
		}
		if _, dup := col[h]; dup {
			return fail(1, fmt.Errorf("column %q appears twice", h))
		}
		col[h] = i
	}
	var missing []string
	for _, c := range []string{"source", "target"} {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	_, hasRel := col["relation"]
	_, hasCAMEO := col["cameo"]
	if !hasRel && !hasCAMEO {
		missing = append(missing, "relation or cameo")
	}
	if len(missing) > 0 {
		return fail(1, fmt.Errorf("header lacks %s (have %s)", strings.Join(missing, ", "), strings.Join(head, ",")))
	}
	if len(ignored) > 0 {
		im.Warnings = append(im.Warnings, fmt.Sprintf("%s: ignoring unknown columns %s", file, strings.Join(ignored, ", ")))
	}

	var errs []error
	ordinal := make(map[string]int) // next sentence index per document, for rows without one
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
				err = pe.Err
			}
			errs = append(errs, &ImportError{File: file, Line: line, Err: err})
			im.doc(defDoc, file).bad++
			if pe == nil {
				break
			}
			continue
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // blank line inside a TSV
		}
		line, _ := cr.FieldPos(0)
		name := get("doc")
		if name == "" {
			name = defDoc
		}
		d := im.doc(name, file)
		err = checkNames(name, get("id"))
		var rows []importRow
		if err == nil {
			rows, err = csvRows(get, ordinal[name])
		}
		if err != nil {
			d.bad++
			errs = append(errs, &ImportError{File: file, Line: line, Err: err})
			continue
		}
		if _, given := col["sentence_index"]; !given || get("sentence_index") == "" {
			ordinal[name]++
		}
		im.add(d, rows...)
	}
	return errs
}

// csvRows reads one CSV row, which stands for weight identical events.
func csvRows(get func(string) string, ordinal int) ([]importRow, error) {
	src, err := csvActor(get, "source")
	if err != nil {
		return nil, err
	}
	dst, err := csvActor(get, "target")
	if err != nil {
		return nil, err
	}
	e := graph.Event{
		ID: get("id"), Source: src.ID, Target: dst.ID, Relation: get("relation"), CAMEO: get("cameo"),
		Sentence: get("sentence"), SentenceIndex: ordinal, Extractor: importOrigin(get("origin")), Confidence: 1,
	}
	for _, c := range []struct {
		name string
		dst  *int
	}{{"mentions", &e.Mentions}, {"sources", &e.Sources}} {
		if s := get(c.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("bad %s %q (want a whole number from 0)", c.name, s)
			}
			*c.dst = counted(n)
		}
	}
	if e.Relation == "" && e.CAMEO == "" {
		return nil, errors.New("neither relation nor cameo given")
	}
	if e.Date, err = graph.ParseDate(get("date")); err != nil {
		return nil, err
	}
	e.DocDate = get("date_precision") == graph.DocumentPrecision
	if e.Modality, err = graph.ParseModality(get("modality")); err != nil {
		return nil, err
	}
	if e.Negated, err = parseBool("negated", get("negated")); err != nil {
		return nil, err
	}
	if e.Symmetric, err = parseBool("symmetric", get("symmetric")); err != nil {
		return nil, err
	}
	if s := get("sentence_index"); s != "" {
		if e.SentenceIndex, err = strconv.Atoi(s); err != nil || e.SentenceIndex < 0 {
			return nil, fmt.Errorf("bad sentence_index %q (want a whole number from 0)", s)
		}
	}
	if s := get("confidence"); s != "" {
		if e.Confidence, err = strconv.ParseFloat(s, 64); err != nil || e.Confidence < 0 || e.Confidence > 1 {
			return nil, fmt.Errorf("bad confidence %q (want a number from 0 to 1)", s)
		}
	}
	weight := 1
	if s := get("weight"); s != "" {
		if weight, err = strconv.Atoi(s); err != nil || weight < 1 || weight > 1_000_000 {
			return nil, fmt.Errorf("bad weight %q (want a whole number from 1)", s)
		}
	}
	if err := codeEvent(&e, true); err != nil {
		return nil, err
	}
	rows := make([]importRow, weight)
	for i := range rows {
		rows[i] = importRow{e: e, src: src, dst: dst, copyIndex: i,
			byName: [2]bool{get("source_id") == "", get("target_id") == ""}}
		if i > 0 {
			rows[i].e.ID = ""
		}
	}
	return rows, nil
}

func csvActor(get func(string) string, side string) (graph.Actor, error) {
	ref := graph.ActorRef{Name: get(side), ID: get(side + "_id"), Code: strings.ToUpper(get(side + "_code")),
		Type: graph.ActorType(get(side + "_type"))}
	if ref.Name == "" && ref.ID == "" {
		return graph.Actor{}, fmt.Errorf("empty %s", side)
	}
	return refActor(ref, side)
}

func parseBool(name, s string) (bool, error) {
	switch strings.ToLower(s) {
	case "", "false", "f", "0", "no", "n":
		return false, nil
	case "true", "t", "1", "yes", "y":
		return true, nil
	}
	return false, fmt.Errorf("bad %s %q (want true or false)", name, s)
}

// ResolveActors replaces each actor that a CSV row named without an ID
// ("RUS", "Moscow", "Kayani") with the one resolve finds for it, so that
// imported events meet the actors extraction makes; resolve returns its
// argument when it knows no better. Actors given by ID, and those of JSONL
// records (which always carry one), are left alone.
func (im *Importer) ResolveActors(resolve func(graph.Actor) graph.Actor) {
	im.resolve = memoResolver(resolve)
	for _, d := range im.docs {
		for i := range d.rows {
			im.resolveRow(&d.rows[i])
		}
	}
}

// memoEntries bounds the names memoResolver remembers: two generations of
// this many. An import names its actors again and again, but a large one
// names more of them than memory should hold (200k actors kept 43 MB).
const memoEntries = 1 << 15

// memoResolver asks resolve once for each name, code and type it has met
// recently: the same name and code resolve the same way. The memo holds
// the names of this generation and of the last; a name met in neither is
// resolved again.
func memoResolver(resolve func(graph.Actor) graph.Actor) func(graph.Actor) graph.Actor {
	type key struct{ name, code, typ string }
	cur, prev := map[key]graph.Actor{}, map[key]graph.Actor{}
	return func(a graph.Actor) graph.Actor {
		k := key{a.Name, a.Code, string(a.Type)}
		if r, ok := cur[k]; ok {
			return r
		}
		r, ok := prev[k]
		if !ok {
			r = resolve(a)
		}
		if len(cur) == memoEntries {
			cur, prev = make(map[key]graph.Actor, memoEntries), cur
		}
		cur[k] = r
		return r
	}
}

// ImportDocumentID is the ID given to an imported document: imports carry no
// text to hash, so the name stands for it.
func ImportDocumentID(name string) string { return graph.DocumentID("import\x00" + name) }

// Extractions returns one extraction per document without bad lines, sorted
// by document name. Each document gets ImportDocumentID(name), format
// "import", the earliest event date, and a text rebuilt from its sentences
// so that event offsets slice it: where the input gave offsets that agree
// with the sentences, they are kept; otherwise sentences are laid out one
// after another and offsets assigned.
func (im *Importer) Extractions() []graph.Extraction {
	names := make([]string, 0, len(im.docs))
	for n, d := range im.docs {
		if d.bad == 0 && len(d.rows) > 0 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	out := make([]graph.Extraction, 0, len(names))
	for _, n := range names {
		out = append(out, im.docs[n].extraction())
	}
	return out
}

func (d *importDoc) extraction() graph.Extraction {
	doc := graph.Document{ID: ImportDocumentID(d.name), Name: d.name, Source: d.source, Format: "import"}
	text, sentences, ok := layoutGiven(d.rows)
	if !ok {
		text, sentences = layoutSequential(d.rows)
	}
	doc.Text = text
	doc.Sentences = sentences

	actors := make(map[string]graph.Actor)
	add := func(a graph.Actor) {
		if old, ok := actors[a.ID]; ok {
			a = old.Union(a)
		}
		actors[a.ID] = a
	}
	events := make([]graph.Event, 0, len(d.rows))
	for _, r := range d.rows {
		e := r.e
		e.DocID = doc.ID
		if e.ID == "" {
			rel := e.Relation
			if r.copyIndex > 0 {
				rel = fmt.Sprintf("%s\x00%d", rel, r.copyIndex)
			}
			e.ID = graph.EventID(doc.ID, e.SentenceIndex, e.Source, rel, e.CAMEO, e.Target)
		}
		if !e.Date.IsZero() && (doc.Date.IsZero() || e.Date.Before(doc.Date)) {
			doc.Date = e.Date
		}
		add(r.src)
		add(r.dst)
		if r.rep != nil {
			add(*r.rep)
		}
		events = append(events, e)
	}
	x := graph.Extraction{Doc: doc, Events: events}
	ids := make([]string, 0, len(actors))
	for id := range actors {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		x.Actors = append(x.Actors, actors[id])
	}
	return x
}

// layoutGiven rebuilds a text in which every row's own offsets slice its
// sentence, padding the gaps with spaces. It fails if any row lacks offsets
// or two sentences claim the same bytes differently.
func layoutGiven(rows []importRow) (string, int, bool) {
	size, placed := 0, false
	for _, r := range rows {
		if r.e.Sentence == "" && r.e.Start == r.e.End && r.e.Start >= 0 {
			size = max(size, r.e.End)
			continue // an event without a sentence points at an empty span
		}
		if !r.hasOffsets || r.e.Start < 0 || r.e.End-r.e.Start != len(r.e.Sentence) {
			return "", 0, false
		}
		size = max(size, r.e.End)
		placed = true
	}
	if !placed {
		return "", 0, false
	}
	if size > 64<<20 {
		return "", 0, false
	}
	buf := bytes.Repeat([]byte{' '}, size)
	set := make([]bool, size)
	seen := make(map[[2]int]bool)
	for _, r := range rows {
		if r.e.Sentence == "" {
			continue
		}
		for i := 0; i < len(r.e.Sentence); i++ {
			p := r.e.Start + i
			if set[p] && buf[p] != r.e.Sentence[i] {
				return "", 0, false
			}
			buf[p], set[p] = r.e.Sentence[i], true
		}
		seen[[2]int{r.e.Start, r.e.End}] = true
	}
	return string(buf), len(seen), true
}

// layoutSequential joins the distinct sentences in sentence order, one space
// apart, and points every row at its sentence.
func layoutSequential(rows []importRow) (string, int) {
	type sent struct {
		index int
		text  string
	}
	var order []sent
	pos := make(map[sent]int)
	for _, r := range rows {
		s := sent{r.e.SentenceIndex, r.e.Sentence}
		if s.text == "" {
			continue
		}
		if _, ok := pos[s]; !ok {
			pos[s] = 0
			order = append(order, s)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].index < order[j].index })
	var b strings.Builder
	for i, s := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		pos[s] = b.Len()
		b.WriteString(s.text)
	}
	for i := range rows {
		e := &rows[i].e
		if e.Sentence == "" {
			e.Start, e.End = 0, 0
			continue
		}
		e.Start = pos[sent{e.SentenceIndex, e.Sentence}]
		e.End = e.Start + len(e.Sentence)
	}
	return b.String(), len(order)
}
