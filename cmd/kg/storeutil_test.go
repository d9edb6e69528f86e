package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
)

func init() {
	// Other test files of this package may define -update too; define it
	// only once.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func updateGoldens() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// demoStore loads the demo corpus into a new store and returns the store's
// directory and the corpus folder (the articles as the demo writes them).
func demoStore(t *testing.T) (store, corpus string) {
	t.Helper()
	dir := t.TempDir()
	store, corpus = filepath.Join(dir, "kg.db"), filepath.Join(dir, "corpus")
	if err := writeDemoCorpus(corpus); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runKG(t, "", "--store", store, "load", "--quiet", corpus); code != 0 {
		t.Fatalf("load the demo corpus: %s", errOut)
	}
	return store, corpus
}

// checkGolden compares got with testdata/name, or rewrites it under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updateGoldens() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/kg -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// memStore opens an in-memory store holding xs.
func memStore(t *testing.T, xs ...graph.Extraction) *store.Store {
	t.Helper()
	s, err := store.Open(store.DefaultOptions("").WithInMemory(true).WithMemTableSize(8 << 20))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, x := range xs {
		if _, err := s.PutDocument(x, false); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// cmdResult is what a kg invocation printed and its exit status.
type cmdResult struct {
	out, errOut string
	code        int
}

// runWithStore runs kg with args against s, as if on a terminal when tty.
func runWithStore(t *testing.T, s *store.Store, tty bool, stdin string, args ...string) cmdResult {
	t.Helper()
	var out, errOut bytes.Buffer
	io := &ioStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, OutTTY: tty, ErrTTY: tty}
	f := newFactory(io)
	f.store = s
	code := exitCode(io, execute(context.Background(), f, args))
	return cmdResult{out: out.String(), errOut: errOut.String(), code: code}
}

// fixtureStore holds two hand-made documents covering what the listings
// print: aliases, a person with a country, negated and hypothetical events,
// an undated one, merges and unknown phrases.
func fixtureStore(t *testing.T) *store.Store {
	t.Helper()
	pakistan := graph.Actor{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Country: "PAK", Aliases: []string{"Islamabad"}}
	russia := graph.Actor{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country, Country: "RUS", Aliases: []string{"Moscow", "Russian Federation"}}
	putin := graph.Actor{ID: "vladimir-putin", Name: "Vladimir Putin", Code: "RUSGOV", Type: graph.Person, Country: "RUS", Aliases: []string{"Putin", "President Putin"}}
	un := graph.Actor{ID: "united-nations", Name: "United Nations", Code: "IGOUNO", Type: graph.IGO, Aliases: []string{"UN", "U.N."}}

	sentences := []string{
		"President Putin will visit Islamabad in April, the Kremlin said.",
		"Pakistan did not express an intent to cooperate with Moscow.",
		"Russia could appeal to Pakistan for energy deals, officials said.",
	}
	textA := strings.Join(sentences, " ")
	idA := graph.DocumentID(textA)
	ev := func(docID, text string, sent int, src, rel, code, dst string, date graph.Date) graph.Event {
		parts := strings.SplitAfter(text, ". ")
		start := 0
		for i := 0; i < sent; i++ {
			start += len(parts[i])
		}
		s := strings.TrimSpace(parts[sent])
		e := graph.Event{
			ID: graph.EventID(docID, sent, src, rel, code, dst), Source: src, Target: dst, Relation: rel,
			CAMEO: code, Date: date, Modality: graph.Actual, DocID: docID, SentenceIndex: sent,
			Start: start, End: start + len(s), Sentence: s, Confidence: 0.9, Extractor: "test/1",
		}
		return e
	}
	e1 := ev(idA, textA, 0, "vladimir-putin", "visit", "042", "pakistan", graph.Date{Year: 2023, Month: 4, Day: 5})
	e1.QuadClass, e1.Goldstein, e1.Modality = 1, 1.9, graph.Planned
	e2 := ev(idA, textA, 1, "pakistan", "express intent to cooperate with", "036", "russia", graph.Date{Year: 2023, Month: 4, Day: 5})
	e2.QuadClass, e2.Goldstein, e2.Negated = 1, 4, true
	e3 := ev(idA, textA, 2, "russia", "appeal to", "0233", "pakistan", graph.Date{Year: 2023, Month: 4})
	e3.QuadClass, e3.Goldstein, e3.Modality = 1, 3.4, graph.Hypothetical
	docA := graph.Extraction{
		Doc: graph.Document{ID: idA, Name: "pak-russia.txt", Title: "Putin to visit Pakistan", Date: graph.Date{Year: 2023, Month: 4, Day: 5},
			Source: "corpus/pak-russia.txt", Text: textA, Format: "txt", Sentences: 3},
		Actors:  []graph.Actor{pakistan, russia, putin},
		Events:  []graph.Event{e1, e2, e3},
		Unknown: []graph.Unknown{{Name: "Black Sea Fleet", Count: 2}},
		Merges:  []graph.Merge{{From: "Pakstan", FromID: "pakstan", Into: "pakistan", Score: 0.96, Reason: "jaro-winkler 0.96, same code PAK", DocID: idA}},
	}

	textB := "Pakistan urged the United Nations to act. The UN criticised Pakistan."
	idB := graph.DocumentID(textB)
	f1 := ev(idB, textB, 0, "pakistan", "urge", "020", "united-nations", graph.Date{Year: 2024, Month: 1, Day: 2})
	f1.QuadClass, f1.Goldstein = 1, 3
	f2 := ev(idB, textB, 1, "united-nations", "criticise", "111", "pakistan", graph.Date{})
	f2.QuadClass, f2.Goldstein = 3, -2
	docB := graph.Extraction{
		Doc: graph.Document{ID: idB, Name: "un.html", Title: "Pakistan and the UN, a long and difficult relationship over many decades",
			Date: graph.Date{Year: 2024, Month: 1, Day: 2}, Source: "https://example.org/un.html", Text: textB,
			Raw: "<html><p>" + textB + "</p></html>", Format: "html", Sentences: 2},
		Actors:  []graph.Actor{pakistan, un},
		Events:  []graph.Event{f1, f2},
		Unknown: []graph.Unknown{{Name: "Black Sea Fleet", Count: 1}, {Name: "Northern Alliance", Count: 3}},
	}
	return memStore(t, docA, docB)
}

func TestGoldenListings(t *testing.T) {
	s := fixtureStore(t)
	type variant struct {
		suffix string
		tty    bool
		args   []string
	}
	formats := []variant{
		{"table-tty", true, nil},
		{"table", false, nil},
		{"json", false, []string{"--format", "json"}},
		{"jsonl", false, []string{"--format", "jsonl"}},
		{"csv", false, []string{"--format", "csv"}},
	}
	for _, cmd := range [][]string{{"triples"}, {"actors"}, {"actors", "--merges"}, {"actors", "--unknown"}, {"docs"}, {"stats"}} {
		for _, v := range formats {
			name := strings.Join(cmd, "") + "-" + v.suffix + ".golden"
			name = strings.ReplaceAll(name, "--", "-")
			t.Run(name, func(t *testing.T) {
				r := runWithStore(t, s, v.tty, "", append(append([]string{}, cmd...), v.args...)...)
				if r.code != 0 || r.errOut != "" {
					t.Fatalf("exit %d, stderr %q", r.code, r.errOut)
				}
				checkGolden(t, name, r.out)
			})
		}
	}
}
