package loader

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/graph/store"
	"github.com/kg-project/kg/internal/loader/extract"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/dict"
	"github.com/kg-project/kg/internal/loader/input"
	"github.com/kg-project/kg/internal/refdata"
)

// builtOnce is an extractor the tests of this package share, built on
// first use.
type builtOnce struct {
	once sync.Once
	x    *Extractor
	err  error
}

func (b *builtOnce) get(tb testing.TB, o Options) *Extractor {
	tb.Helper()
	b.once.Do(func() { b.x, b.err = NewWith(nil, o) })
	if b.err != nil {
		tb.Fatal(b.err)
	}
	return b.x
}

var treeX, rulesX builtOnce

// extractor is the default extractor over the embedded dictionary: the
// parse coder.
func extractor(tb testing.TB) *Extractor { return treeX.get(tb, Options{}) }

// treeExtractor is the parse coder's extractor, for tests that are about
// it whatever the default.
func treeExtractor(tb testing.TB) *Extractor { return treeX.get(tb, Options{Coder: CoderTree}) }

// rulesExtractor is the rules coder's extractor.
func rulesExtractor(tb testing.TB) *Extractor { return rulesX.get(tb, Options{Coder: CoderRules}) }

func corpus(tb testing.TB) []input.Input {
	files, err := filepath.Glob(filepath.Join(refdata.Dir(tb), "corpus", "pak-russia", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no corpus files: %v", err)
	}
	sort.Strings(files)
	var ins []input.Input
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		ins = append(ins, input.Input{Name: filepath.Base(f), Source: f, Format: "txt", Data: b})
	}
	return ins
}

func TestProcessInvariants(t *testing.T) {
	x := extractor(t)
	for _, in := range corpus(t) {
		xt, err := x.Process(in)
		if err != nil {
			t.Fatalf("%s: %v", in.Name, err)
		}
		checkExtraction(t, xt)
		if xt.Doc.Name != in.Name || xt.Doc.ID != graph.DocumentID(xt.Doc.Text) {
			t.Errorf("%s: document name %q id %q", in.Name, xt.Doc.Name, xt.Doc.ID)
		}
		if len(xt.Events) == 0 {
			t.Errorf("%s: no events", in.Name)
		}
		// ProcessText on the stored form gives the same events.
		again, err := x.ProcessText(xt.Doc)
		if err != nil {
			t.Fatal(err)
		}
		if len(again.Events) != len(xt.Events) {
			t.Errorf("%s: reprocessing gave %d events, want %d", in.Name, len(again.Events), len(xt.Events))
		}
		for i := range again.Events {
			if i < len(xt.Events) && again.Events[i].ID != xt.Events[i].ID {
				t.Errorf("%s: event %d id changed on reprocessing", in.Name, i)
			}
		}
	}
}

// checkExtraction asserts the contract every extraction keeps.
func checkExtraction(tb testing.TB, xt graph.Extraction) {
	tb.Helper()
	actors := map[string]bool{}
	for _, a := range xt.Actors {
		if a.ID != graph.Slug(a.Name) {
			tb.Errorf("actor %q has id %q, want %q", a.Name, a.ID, graph.Slug(a.Name))
		}
		if _, err := graph.ParseActorType(string(a.Type)); err != nil {
			tb.Errorf("actor %q: %v", a.Name, err)
		}
		actors[a.ID] = true
	}
	ids := map[string]bool{}
	for _, e := range xt.Events {
		if e.Start < 0 || e.End > len(xt.Doc.Text) || e.Start > e.End || xt.Doc.Text[e.Start:e.End] != e.Sentence {
			tb.Fatalf("event %s: offsets %d:%d do not slice its sentence", e.ID, e.Start, e.End)
		}
		if !actors[e.Source] || !actors[e.Target] {
			tb.Errorf("event %s refers to an actor not in the extraction", e.ID)
		}
		if e.Source == e.Target {
			tb.Errorf("event %s links %s to itself", e.ID, e.Source)
		}
		if ids[e.ID] {
			tb.Errorf("duplicate event id %s", e.ID)
		}
		ids[e.ID] = true
		if e.Extractor != Version && e.Extractor != extract.TreeVersion || e.DocID != xt.Doc.ID || e.QuadClass < 1 || e.QuadClass > 4 {
			tb.Errorf("event %s: extractor %q doc %q quad %d", e.ID, e.Extractor, e.DocID, e.QuadClass)
		}
		if e.Confidence <= 0 || e.Confidence > 1 {
			tb.Errorf("event %s: confidence %v", e.ID, e.Confidence)
		}
		if _, err := graph.ParseModality(string(e.Modality)); err != nil || e.Modality == "" {
			tb.Errorf("event %s: modality %q", e.ID, e.Modality)
		}
	}
}

func TestProcessJunk(t *testing.T) {
	x := extractor(t)
	for _, junk := range []string{
		"Home | News | Sport | Contact us\n\nCookies help us deliver our services. By using our services, you agree to our use of cookies.\n\n© 2024 All rights reserved. Privacy Policy. Terms of Use.",
		"Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nShare this: Facebook Twitter WhatsApp",
		"Subscribe to our newsletter\n\nSign up for the latest news. Click here to read more. Advertisement",
	} {
		xt, err := x.Process(input.Input{Name: "junk.txt", Format: "txt", Data: []byte(junk)})
		if err != nil {
			continue // nothing left after cleaning is fine too
		}
		if len(xt.Events) != 0 {
			t.Errorf("junk %q gave %d events, first %+v", junk[:30], len(xt.Events), xt.Events[0])
		}
	}
}

func TestProcessEmpty(t *testing.T) {
	_, err := extractor(t).Process(input.Input{Name: "empty.txt", Format: "txt", Data: []byte("  \n\n ")})
	var le *LoadError
	if err == nil || !errors.As(err, &le) || le.Doc != "empty.txt" {
		t.Fatalf("Process(empty) = %v, want a LoadError naming the document", err)
	}
}

func TestProcessDates(t *testing.T) {
	x := extractor(t)
	in := input.Input{Name: "d.txt", Format: "txt", Date: "2012-10-08",
		Data: []byte("In 2016, Russia supplied MI-35 helicopters to Pakistan. Russia signed a defence agreement with Pakistan last month. India criticised Russia.")}
	xt, err := x.Process(in)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range xt.Events {
		got[e.CAMEO] = e.Date.String() + " " + e.DatePrecision()
	}
	// A sentence with no date gives its events the document's.
	want := map[string]string{"072": "2016 year", "057": "2012-09 month", "111": "2012-10-08 document"}
	for code, d := range want {
		if g, ok := got[code]; !ok || g != d {
			t.Errorf("event %s: date %q (found %v), want %q", code, g, ok, d)
		}
	}
}

// TestProcessDateline: a dateline led by a place in title case gives the
// document date, which resolves the dates in sentences ("On October 4,",
// "on Thursday", "in June") before or after their trigger.
func TestProcessDateline(t *testing.T) {
	x := extractor(t)
	data := "Islamabad, October 8, 2012\n\nTalks in Moscow\n\n" +
		"On October 4, Pakistan's army chief, General Ashfaq Parvez Kayani, arrived in Moscow for a visit. " +
		"Russia and Pakistan signed a defence agreement in Islamabad on Thursday. " +
		"The signing follows Russia's decision in June to lift its arms embargo on Pakistan. " +
		"India criticised Russia."
	xt, err := x.Process(input.Input{Name: "d.txt", Format: "txt", Data: []byte(data)})
	if err != nil {
		t.Fatal(err)
	}
	if got := xt.Doc.Date.String(); got != "2012-10-08" {
		t.Errorf("document date %q, want 2012-10-08", got)
	}
	got := map[string]string{}
	for _, e := range xt.Events {
		got[e.CAMEO] = e.Date.String() + " " + e.DatePrecision()
	}
	want := map[string]string{"042": "2012-10-04 day", "057": "2012-10-04 day", "085": "2012-06 month", "111": "2012-10-08 document"}
	for code, d := range want {
		if g, ok := got[code]; !ok || g != d {
			t.Errorf("event %s: date %q (found %v), want %q", code, g, ok, d)
		}
	}
}

// fakeStore is an in-memory DocStore.
type fakeStore struct {
	docs   map[string]graph.Document
	events map[string]int
	puts   []graph.Extraction
}

func (s *fakeStore) Documents(fn func(graph.Document) error, withText bool) error {
	ids := make([]string, 0, len(s.docs))
	for id := range s.docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if err := fn(s.docs[id]); err != nil {
			return err
		}
	}
	return nil
}

func (s *fakeStore) Document(id string) (graph.Document, error) {
	d, ok := s.docs[id]
	if !ok {
		return d, store.ErrNotFound
	}
	return d, nil
}

func (s *fakeStore) PutDocument(x graph.Extraction, force bool) (graph.PutStatus, error) {
	s.puts = append(s.puts, x)
	return graph.Replaced, nil
}

func (s *fakeStore) DocumentEventCounts() (map[string]int, error) { return s.events, nil }

func TestReindex(t *testing.T) {
	x := extractor(t)
	text := "Russia and Pakistan signed a defence agreement. India criticised Russia."
	doc := graph.Document{ID: "doc1", Name: "a.txt", Text: text}
	st := &fakeStore{docs: map[string]graph.Document{"doc1": doc}, events: map[string]int{"doc1": 1}}
	resolved := 0
	sum, err := x.Reindex(context.Background(), st, func(*graph.Extraction) { resolved++ }, func(e error) { t.Error(e) })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 1 || sum.EventsBefore != 1 || sum.EventsAfter != 2 || resolved != 1 {
		t.Fatalf("summary %+v, resolved %d; want 1 document, 1 -> 2 events", sum, resolved)
	}
	if len(st.puts) != 1 || st.puts[0].Doc.ID != "doc1" {
		t.Fatalf("stored %d extractions, want doc1 kept", len(st.puts))
	}
}

// TestReindexSkipsImported: an imported document keeps its imported events;
// re-extracting its rebuilt text would replace them.
func TestReindexSkipsImported(t *testing.T) {
	x := extractor(t)
	text := "Russia and Pakistan signed a defence agreement."
	st := &fakeStore{docs: map[string]graph.Document{
		"doc1": {ID: "doc1", Name: "a.txt", Text: text, Format: "txt"},
		"imp1": {ID: "imp1", Name: "events.csv", Text: text, Format: ImportFormat},
		"imp2": {ID: "imp2", Name: "events.jsonl", Text: text, Format: ImportFormat},
	}, events: map[string]int{"doc1": 2, "imp1": 5, "imp2": 1}}
	sum, err := x.Reindex(context.Background(), st, nil, func(e error) { t.Error(e) })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 1 || sum.Skipped != 2 || sum.EventsBefore != 2 || sum.Failed != 0 {
		t.Errorf("summary %+v; want 1 document, 2 skipped, 2 events before", sum)
	}
	for _, p := range st.puts {
		if p.Doc.ID != "doc1" {
			t.Errorf("stored %s, an imported document", p.Doc.ID)
		}
	}
}

// TestUserVerbFields: the rule fields a user dictionary file may set reach
// the engine and change what it extracts.
func TestUserVerbFields(t *testing.T) {
	tests := []struct {
		name, rule, text, want string
	}{
		{"reverse", `{relation: take_loan, code: "071", verbs: [borrow], preps: [from], reverse: true}`,
			"Pakistan borrowed heavily from China.", "China -071-> Pakistan"},
		{"modifier_only", `{relation: procure, code: "062", verbs: [procure], direct: true, modifier_only: true}`,
			"India procured Russian frigates.", "India -062-> Russia"},
		{"symmetric_without_target", `{relation: mobilize, code: "154", verbs: [muster], requires: [troops], symmetric_without_target: true}`,
			"India and Pakistan mustered troops.", "India -154-> Pakistan"},
		{"noun_direct", `{relation: ally_with, code: "050", nouns: [comrades], noun_direct: true, symmetric: true}`,
			"The old comrades Russia and India.", "Russia -050-> India"},
		{"noun_requires", `{relation: cancel_visit, code: "161", nouns: [scrapping], noun_requires: [voyage], noun_preps: [to]}`,
			"The scrapping of Putin's voyage to Pakistan was noted.", "Vladimir Putin -161-> Pakistan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "user.yaml")
			if err := os.WriteFile(path, []byte("verbs:\n  - "+tt.rule+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			got := userEvents(t, path, tt.text)
			without := userEvents(t, "", tt.text)
			if !contains(got, tt.want) {
				t.Errorf("with the rule: %v, want %s", got, tt.want)
			}
			if contains(without, tt.want) {
				t.Errorf("without the rule already %v: the test shows nothing", without)
			}
		})
	}
	// modifier_only: "procured France" has no nationality modifier.
	path := filepath.Join(t.TempDir(), "user.yaml")
	if err := os.WriteFile(path, []byte("verbs:\n  - "+tests[1].rule+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := userEvents(t, path, "India procured France."); len(got) != 0 {
		t.Errorf("modifier_only rule on a bare object: %v", got)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// userEvents extracts text with the default dictionary plus the user file
// at path ("" for none) and returns its events as "A -code-> B", sorted.
func userEvents(t *testing.T, path, text string) []string {
	t.Helper()
	var paths []string
	if path != "" {
		paths = append(paths, path)
	}
	d, err := dict.Load(paths...)
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(d)
	if err != nil {
		t.Fatal(err)
	}
	xt, err := x.Process(input.Input{Name: "u.txt", Format: "txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, a := range xt.Actors {
		names[a.ID] = a.Name
	}
	var out []string
	for _, e := range xt.Events {
		out = append(out, names[e.Source]+" -"+e.CAMEO+"-> "+names[e.Target])
	}
	sort.Strings(out)
	return out
}

func BenchmarkProcess(b *testing.B) {
	x := extractor(b)
	ins := corpus(b)
	var buf bytes.Buffer
	for buf.Len() < 5<<20 {
		for _, in := range ins {
			buf.Write(in.Data)
			buf.WriteString("\n\n")
		}
	}
	// Documents of corpus size, about 5 MB in all.
	var docs []input.Input
	data := buf.Bytes()
	for i := 0; i < len(data); {
		j := i + 8000
		if j > len(data) {
			j = len(data)
		}
		for j < len(data) && data[j] != '\n' {
			j++
		}
		docs = append(docs, input.Input{Name: "b.txt", Format: "txt", Data: data[i:j]})
		i = j
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, in := range docs {
			if _, err := x.Process(in); err != nil && !strings.Contains(err.Error(), "no text") {
				b.Fatal(err)
			}
		}
	}
}

// TestConcurrentProcess: one Extractor serves many goroutines and gives
// each the same result as a lone call (run with -race).
func TestConcurrentProcess(t *testing.T) {
	x := extractor(t)
	ins := corpus(t)
	want := make([]int, len(ins))
	for i, in := range ins {
		xt, err := x.Process(in)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = len(xt.Events)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(ins))
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, in := range ins {
				xt, err := x.Process(in)
				if err != nil || len(xt.Events) != want[i] {
					errs <- in.Name
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for name := range errs {
		t.Errorf("%s: concurrent result differs", name)
	}
}

// TestTitledPersonCountry: a titled person the text gives no nationality
// stays without a country under both coders, however often the document
// names one.
func TestTitledPersonCountry(t *testing.T) {
	text := "President John Smith criticized Russia on Monday. Russia rejected the criticism. Russia and its allies met in Moscow."
	for _, x := range []*Extractor{extractor(t), treeExtractor(t)} {
		xt, err := x.Process(input.Input{Name: "p.txt", Format: "txt", Data: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, a := range xt.Actors {
			if !strings.Contains(a.Name, "Smith") {
				continue
			}
			found = true
			if a.Country != "" || strings.HasPrefix(a.Code, "RUS") {
				t.Errorf("%s: John Smith coded %s (country %q); want no country", x.eng.Name(), a.Code, a.Country)
			}
		}
		if !found {
			t.Errorf("%s: no event of John Smith's", x.eng.Name())
		}
	}
}

// TestDictionaryRolesTitles: the roles and titles of a user's YAML
// dictionary take effect under both coders.
func TestDictionaryRolesTitles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.yaml")
	yaml := "roles:\n  - {word: wardens, code: COP}\ntitles:\n  - {title: Grand Vizier, code: GOV}\n"
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := LoadDictionary(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []Coder{CoderRules, CoderTree} {
		x, err := NewWith(d, Options{Coder: c})
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct{ text, code string }{
			{"Kenyan wardens arrested Ugandan smugglers on Monday.", "KENCOP"},
			{"Kenyan Grand Vizier Ali Baba visited Uganda on Monday.", "KENGOV"},
		} {
			xt, err := x.Process(input.Input{Name: "r.txt", Format: "txt", Data: []byte(tc.text)})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, a := range xt.Actors {
				found = found || a.Code == tc.code
			}
			if !found {
				t.Errorf("%s: %q: no actor coded %s in %v", c, tc.text, tc.code, xt.Actors)
			}
		}
	}
}

// TestDatedCodesByEventDate: an actor with dated codes is coded with the
// one it held on the event's own date, not the document's.
func TestDatedCodesByEventDate(t *testing.T) {
	for _, x := range []*Extractor{extractor(t), treeExtractor(t)} {
		xt, err := x.Process(input.Input{Name: "d.txt", Format: "txt", Date: "2026-03-04",
			Data: []byte("In 2022, Donald Trump criticised China. On Monday Donald Trump criticised Iran.")})
		if err != nil {
			t.Fatal(err)
		}
		codes := map[string]string{}
		for _, a := range xt.Actors {
			codes[a.ID] = a.Code
		}
		got := map[string]string{}
		for _, e := range xt.Events {
			c := codes[e.Source]
			if e.SourceCode != "" {
				c = e.SourceCode
			}
			got[codes[e.Target]] = c
		}
		// Out of office in 2022 (Phoenix's and kg's dated roles), in office
		// on the document's date.
		if got["CHN"] != "USAELI" || got["IRN"] != "USAGOV" {
			t.Errorf("codes by target %v, want CHN: USAELI (2022), IRN: USAGOV (2026)", got)
		}
	}
}

// TestTwoCountriesInTheSentence: "the two countries" are the two whose
// actors the sentence has named, before the pair the document named last.
func TestTwoCountriesInTheSentence(t *testing.T) {
	text := "Afghanistan and Pakistan share a long border.\n\n" +
		"According to a statement released by Pakistan military, General Ashfaq Kayani called on Russian Federation Armed Forces Chief of General Staff General Makarov and the two military leaders expressed consensus to enhance the cooperation between the armies of the two countries."
	for _, x := range []*Extractor{extractor(t), treeExtractor(t)} {
		xt, err := x.Process(input.Input{Name: "d.txt", Format: "txt", Data: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		codes := map[string]string{}
		for _, a := range xt.Actors {
			codes[a.ID] = a.Code
		}
		for _, e := range xt.Events {
			if e.SentenceIndex == 0 {
				continue
			}
			for _, c := range []string{codes[e.Source], codes[e.Target]} {
				if strings.HasPrefix(c, "AFG") {
					t.Errorf("event %s -%s-> %s: Afghanistan is not one of the two countries", codes[e.Source], e.CAMEO, codes[e.Target])
				}
			}
		}
	}
}
