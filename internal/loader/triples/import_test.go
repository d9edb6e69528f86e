package triples

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
)

func importString(t *testing.T, file, format, in string) ([]graph.Extraction, []error) {
	t.Helper()
	im := NewImporter()
	errs := im.Read(strings.NewReader(in), file, format)
	return im.Extractions(), errs
}

func TestTriplesFormat(t *testing.T) {
	tests := []struct {
		name, head, want string
	}{
		{"a.csv", "{", TriplesCSV},
		{"a.TSV", "", TriplesTSV},
		{"a.jsonl", "source,target", TriplesJSONL},
		{"-", "  {\"id\":1}", TriplesJSONL},
		{"-", "source\ttarget\tcameo\nA\tB\t042", TriplesTSV},
		{"-", "source,target,cameo\nA,B,\"x\ty\"", TriplesCSV},
		{"edges.txt", "", TriplesCSV},
	}
	for _, tt := range tests {
		if got := TriplesFormat(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("TriplesFormat(%q, %q) = %s, want %s", tt.name, tt.head, got, tt.want)
		}
	}
}

func TestImportCSV(t *testing.T) {
	in := "Source,Target,cameo,relation,date,doc,sentence,negated,modality,source_code,source_type,weight,notes\n" +
		"Pakistan,Russia,042,,2023-04-05,d1,Pakistan visited Russia.,,,PAK,country,,x\n" +
		"Russia,Pakistan,,praised,2023-04,d1,Russia praised Pakistan.,true,planned,,,2,\n" +
		"Russia,U.N.,1123,,,d2,,no,,,,,\n"
	xs, errs := importString(t, "in.csv", TriplesCSV, in)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(xs) != 2 {
		t.Fatalf("%d extractions, want 2", len(xs))
	}
	d1 := xs[0]
	if d1.Doc.Name != "d1" || d1.Doc.ID != ImportDocumentID("d1") || d1.Doc.Format != "import" ||
		d1.Doc.Date != (graph.Date{Year: 2023, Month: 4, Day: 0}) || d1.Doc.Sentences != 2 {
		t.Errorf("document = %+v", d1.Doc)
	}
	if d1.Doc.Text != "Pakistan visited Russia. Russia praised Pakistan." {
		t.Errorf("text = %q", d1.Doc.Text)
	}
	if len(d1.Events) != 3 {
		t.Fatalf("%d events in d1, want 3 (weight 2)", len(d1.Events))
	}
	e := d1.Events[0]
	want := graph.Event{
		ID: e.ID, Source: "pakistan", Target: "russia", Relation: "make_a_visit", CAMEO: "042",
		QuadClass: 1, Goldstein: 1.9, Date: graph.Date{Year: 2023, Month: 4, Day: 5}, Modality: graph.Actual, DocID: d1.Doc.ID,
		SentenceIndex: 0, Start: 0, End: 24, Sentence: "Pakistan visited Russia.", Confidence: 1, Extractor: "import",
	}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("event:\n got %+v\nwant %+v", e, want)
	}
	if e.ID != graph.EventID(d1.Doc.ID, 0, "pakistan", "make_a_visit", "042", "russia") {
		t.Errorf("event id %s is not derived from its content", e.ID)
	}
	e2, e3 := d1.Events[1], d1.Events[2]
	if e2.ID == e3.ID || e2.Relation != "praised" || e2.CAMEO != "" || e2.QuadClass != 0 || !e2.Negated ||
		e2.Modality != graph.Planned || d1.Doc.Text[e2.Start:e2.End] != e2.Sentence || e3.Start != e2.Start {
		t.Errorf("weighted events: %+v / %+v", e2, e3)
	}
	if got := d1.Actors[0]; got.ID != "pakistan" || got.Code != "PAK" || got.Type != graph.Country {
		t.Errorf("actor = %+v", got)
	}
	d2 := xs[1]
	if d2.Events[0].Target != "un" || d2.Events[0].Relation != "accuse_of_aggression" || d2.Doc.Text != "" {
		t.Errorf("d2 = %+v", d2)
	}
	s := openMem(t)
	for _, x := range xs {
		mustPut(t, s, x, false, graph.Added)
	}
}

func TestImportTSVDefaultDoc(t *testing.T) {
	in := "source\ttarget\tcameo\nA\tB\t190\n\nB\tA\t190\n"
	xs, errs := importString(t, "dir/edges.tsv", TriplesTSV, in)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(xs) != 1 || xs[0].Doc.Name != "edges.tsv" || len(xs[0].Events) != 2 {
		t.Fatalf("extractions = %+v", xs)
	}
	// Rows without sentence_index are numbered, so identical rows stay two events.
	if xs[0].Events[0].SentenceIndex != 0 || xs[0].Events[1].SentenceIndex != 1 {
		t.Errorf("sentence indexes %d, %d", xs[0].Events[0].SentenceIndex, xs[0].Events[1].SentenceIndex)
	}
}

func TestImportErrors(t *testing.T) {
	tests := []struct {
		name, format, in string
		want             []string
		docs             []string // documents still imported
	}{
		{"no header", TriplesCSV, "", []string{"f:1: empty file"}, nil},
		{"missing columns", TriplesCSV, "source,relation\n", []string{"f:1: header lacks target"}, nil},
		{"no relation column", TriplesCSV, "source,target\n", []string{"f:1: header lacks relation or cameo"}, nil},
		{"duplicate column", TriplesCSV, "source,target,cameo,cameo\n", []string{`f:1: column "cameo" appears twice`}, nil},
		{"bad rows", TriplesCSV, "source,target,cameo,date,doc\n" +
			"A,B,042,2023,good\n" +
			"A,,042,,bad1\n" +
			"A,B,99,,bad2\n" +
			"A,B,042,2023-13,bad3\n" +
			"A,B,,,bad4\n" +
			"A,B,0423,,good2\n",
			[]string{"f:3: empty target", `f:4: CAMEO code "99": root must be 01 to 20`, `f:5: bad date "2023-13": out of range`,
				"f:6: neither relation nor cameo given"},
			[]string{"good", "good2"}},
		{"bad values", TriplesCSV, "source,target,relation,negated,confidence,weight,source_type,modality,sentence_index\n" +
			"A,B,r,maybe,,,,,\n" +
			"A,B,r,,2,,,,\n" +
			"A,B,r,,,0,,,\n" +
			"A,B,r,,,,planet,,\n" +
			"A,B,r,,,,,sometimes,\n" +
			"A,B,r,,,,,,-1\n",
			[]string{`f:2: bad negated "maybe"`, `f:3: bad confidence "2"`, `f:4: bad weight "0"`,
				`f:5: source: unknown actor type "planet"`, `f:6: unknown modality "sometimes"`, `f:7: bad sentence_index "-1"`},
			nil},
		{"csv syntax", TriplesCSV, "source,target,cameo\nA,\"B,042\n", []string{"f:2:"}, nil},
		{"jsonl", TriplesJSONL, `{"doc":"a","source":{"name":"A"},"target":{"name":"B"},"cameo":"042"}` + "\n" +
			"\n" +
			`{"doc":"b","source":{"name":"A"},"target":{"name":"B"},"cameo":"042"` + "\n" +
			`{"doc":"c","source":{},"target":{"name":"B"},"cameo":"042"}` + "\n" +
			`{"doc":"d","source":{"name":"A"},"target":{"name":"B"},"cameo":"042","date":"20x"}` + "\n",
			[]string{"f:3: unexpected end of JSON input", "f:4: source has neither name nor id", `f:5: bad date "20x"`},
			[]string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			xs, errs := importString(t, "f", tt.format, tt.in)
			var got []string
			for _, err := range errs {
				var ie *ImportError
				if !errors.As(err, &ie) {
					t.Errorf("error %v is not an *ImportError", err)
				}
				got = append(got, err.Error())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("errors = %q, want %d like %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("error %d = %q, want prefix %q", i, got[i], tt.want[i])
				}
			}
			var docs []string
			for _, x := range xs {
				docs = append(docs, x.Doc.Name)
			}
			if !reflect.DeepEqual(docs, tt.docs) {
				t.Errorf("imported documents = %v, want %v", docs, tt.docs)
			}
		})
	}
}

// storeRecords lists a store's events as the records kg triples prints, in ID
// order.
func storeRecords(t *testing.T, s *store.Store) []graph.TripleRecord {
	t.Helper()
	actors, err := s.Actors()
	if err != nil {
		t.Fatal(err)
	}
	byID := make(map[string]graph.Actor)
	for _, a := range actors {
		byID[a.ID] = a
	}
	names := make(map[string]string)
	s.Documents(func(d graph.Document) error { names[d.ID] = d.Name; return nil }, false)
	var out []graph.TripleRecord
	for _, e := range collectEvents(t, s) {
		var rep *graph.Actor
		if a, ok := byID[e.Reporter]; ok {
			rep = &a
		}
		out = append(out, e.Record(names[e.DocID], byID[e.Source], byID[e.Target], rep))
	}
	// Stores list events by document, and documents imported again may
	// have other IDs: compare in event ID order.
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func TestImportJSONLRoundTrip(t *testing.T) {
	src := openMem(t)
	mustPut(t, src, testDoc("a.html", "Pakistan met Russia.", "Russia praised Pakistan.", "Pakistan asked the UN."), false, graph.Added)
	mustPut(t, src, testDoc("b.html", "Second document here.", "And more."), false, graph.Added)
	recs := storeRecords(t, src)

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, r := range recs {
		enc.Encode(r)
	}
	jsonl := buf.String()
	for round := 0; round < 2; round++ {
		xs, errs := importString(t, "t.jsonl", TriplesJSONL, jsonl)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		dst := openMem(t)
		for _, x := range xs {
			mustPut(t, dst, x, false, graph.Added)
			for _, e := range x.Events {
				if x.Doc.Text[e.Start:e.End] != e.Sentence {
					t.Errorf("event %s: text does not hold its sentence at its offsets", e.ID)
				}
			}
		}
		if got := storeRecords(t, dst); !reflect.DeepEqual(got, recs) {
			t.Errorf("round %d: records differ:\n got %+v\nwant %+v", round, got, recs)
		}
		srcActors, _ := src.Actors()
		dstActors, _ := dst.Actors()
		for i := range srcActors {
			a, b := srcActors[i], dstActors[i]
			if a.ID != b.ID || a.Name != b.Name || a.Code != b.Code || a.Type != b.Type || !reflect.DeepEqual(a.Aliases, b.Aliases) {
				t.Errorf("actor %d: %+v became %+v", i, a, b)
			}
		}
		// The import's own output must import to the same records again.
		buf.Reset()
		for _, r := range storeRecords(t, dst) {
			enc.Encode(r)
		}
		jsonl = buf.String()
	}
}

func FuzzImporter(f *testing.F) {
	f.Add("source,target,cameo,sentence,doc\nA,B,042,Hello there.,d\nB,A,190,,d\n")
	f.Add("source\ttarget\trelation\tweight\nA\tB\tmet\t3\n")
	f.Add("source,target,relation,doc,id\nA,B,r,x\x00y,\nA,B,r,d,i\x00\n")
	f.Add(`{"doc":"a","source":{"name":"A"},"target":{"name":"B"},"cameo":"042","sentence":"xy","start":3,"end":5}` + "\n" +
		`{"doc":"a","source":{"name":"B"},"target":{"name":"A"},"relation":"r","sentence":"zz","start":4,"end":6}`)
	f.Fuzz(func(t *testing.T, in string) {
		for _, format := range []string{TriplesCSV, TriplesTSV, TriplesJSONL} {
			im := NewImporter()
			im.Read(strings.NewReader(in), "f", format)
			for _, x := range im.Extractions() {
				// Everything an import yields must be storable.
				nx, err := store.Normalize(x)
				if err != nil {
					t.Fatalf("%s: extraction refused by the store: %v", format, err)
				}
				have := make(map[string]bool)
				for _, a := range nx.Actors {
					have[a.ID] = true
				}
				for _, e := range nx.Events {
					if !have[e.Source] || !have[e.Target] {
						t.Fatalf("%s: event %s names an actor not in the extraction", format, e.ID)
					}
				}
			}
		}
	})
}

// TestImportUserCode: a code of a user's own dictionary (PETRARCH's 901)
// imports as given, without a quad class.
func TestImportUserCode(t *testing.T) {
	in := "source,target,cameo,doc\nArnor,Gondor,901,d\n"
	xs, errs := importString(t, "edges.csv", TriplesCSV, in)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(xs) != 1 || len(xs[0].Events) != 1 {
		t.Fatalf("extractions = %+v", xs)
	}
	e := xs[0].Events[0]
	if e.CAMEO != "901" || e.QuadClass != 0 || e.Relation != "901" {
		t.Errorf("event = %+v, want code 901, quad class 0, relation 901", e)
	}
}

// endless is an unending stream of one byte, as /dev/zero.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// TestImportEndlessLine: a file without line breaks stops at the line
// limit with an error, in every format, instead of filling memory.
func TestImportEndlessLine(t *testing.T) {
	for _, format := range []string{TriplesCSV, TriplesTSV, TriplesJSONL} {
		im := NewImporter()
		errs := im.Read(endless(0), "zero", format)
		if len(errs) == 0 || !strings.Contains(errs[len(errs)-1].Error(), "longer than") && !strings.Contains(errs[len(errs)-1].Error(), "too long") {
			t.Errorf("%s: errors %v, want a line too long", format, errs)
		}
	}
}

// TestMemoResolverBounded: the memo of resolved names answers a name met
// recently without asking again, forgets names two generations old (so an
// import of millions of actors holds a bounded memo), and answers a
// forgotten name the same way once asked again.
func TestMemoResolverBounded(t *testing.T) {
	calls := map[string]int{}
	resolve := memoResolver(func(a graph.Actor) graph.Actor {
		calls[a.Name]++
		return graph.Actor{ID: "id-" + a.Name, Name: a.Name}
	})
	name := func(i int) string { return "actor" + strconv.Itoa(i) }
	for i := range 3 * memoEntries {
		if got := resolve(graph.Actor{Name: name(i)}); got.ID != "id-"+name(i) {
			t.Fatalf("resolve(%s) = %+v", name(i), got)
		}
		// a name met just before is remembered
		resolve(graph.Actor{Name: name(i)})
	}
	for _, c := range []struct {
		i     int
		calls int
	}{
		{3*memoEntries - 1, 1}, // this generation
		{2*memoEntries - 1, 1}, // the last
		{0, 2},                 // forgotten, asked again
	} {
		if got := resolve(graph.Actor{Name: name(c.i)}); got.ID != "id-"+name(c.i) {
			t.Errorf("resolve(%s) = %+v", name(c.i), got)
		}
		if calls[name(c.i)] != c.calls {
			t.Errorf("%s resolved %d times, want %d", name(c.i), calls[name(c.i)], c.calls)
		}
	}
}
