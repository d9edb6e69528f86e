package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/adrg/strutil/metrics"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/input"
)

// fakeExtract reads a toy format, one event a line:
//
//	Source Name/CODE/type ~ 042 ~ Target Name/CODE/type
//
// A line "FAIL" makes extraction fail; "SLOW" sleeps a little, which
// shuffles the order in which workers finish.
func fakeExtract(in input.Input) (graph.Extraction, error) {
	text := string(in.Data)
	x := graph.Extraction{Doc: graph.Document{
		ID: graph.DocumentID(text), Name: in.Name, Source: in.Source, Text: text, Format: in.Format,
	}}
	seen := map[string]bool{}
	actor := func(spec string) (graph.Actor, error) {
		f := strings.Split(strings.TrimSpace(spec), "/")
		if len(f) != 3 {
			return graph.Actor{}, fmt.Errorf("bad actor %q", spec)
		}
		a := graph.Actor{ID: graph.Slug(f[0]), Name: f[0], Code: f[1], Type: graph.ActorType(f[2]), Country: f[1][:min(3, len(f[1]))]}
		if !seen[a.ID] {
			seen[a.ID] = true
			x.Actors = append(x.Actors, a)
		}
		return a, nil
	}
	off := 0
	for i, line := range strings.Split(text, "\n") {
		start := off
		off += len(line) + 1
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case line == "FAIL":
			return graph.Extraction{}, errors.New("extraction failed")
		case line == "SLOW":
			h := fnv.New32()
			h.Write(in.Data)
			time.Sleep(time.Duration(h.Sum32()%5) * time.Millisecond)
			continue
		}
		x.Doc.Sentences++
		p := strings.Split(line, "~")
		if len(p) != 3 {
			return graph.Extraction{}, fmt.Errorf("line %d: bad event %q", i+1, line)
		}
		src, err := actor(p[0])
		if err != nil {
			return graph.Extraction{}, err
		}
		dst, err := actor(p[2])
		if err != nil {
			return graph.Extraction{}, err
		}
		code := strings.TrimSpace(p[1])
		x.Events = append(x.Events, graph.Event{
			ID: graph.EventID(x.Doc.ID, i, src.ID, "rel", code, dst.ID), Source: src.ID, Target: dst.ID,
			Relation: "rel", CAMEO: code, DocID: x.Doc.ID, SentenceIndex: i, Start: start, End: start + len(line),
			Sentence: line, Modality: graph.Actual,
		})
	}
	return x, nil
}

// memSink is an in-memory store: documents by ID, and the order in which
// they were written.
type memSink struct {
	mu      sync.Mutex
	docs    map[string]graph.Extraction
	order   []string
	batches []int
	failAt  int // fail the write of this document number (1-based); 0 never
}

func newMemSink() *memSink { return &memSink{docs: map[string]graph.Extraction{}} }

func (s *memSink) HasDocument(id string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.docs[id]
	return ok, nil
}

func (s *memSink) PutDocuments(xs []graph.Extraction, force bool) ([]graph.PutStatus, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.batches = append(s.batches, len(xs))
	var out []graph.PutStatus
	for _, x := range xs {
		if s.failAt > 0 && len(s.order)+1 == s.failAt {
			return out, errors.New("disk full")
		}
		st := graph.Added
		if _, ok := s.docs[x.Doc.ID]; ok {
			st = graph.Unchanged
			if force {
				st = graph.Replaced
			}
		}
		if st != graph.Unchanged {
			s.docs[x.Doc.ID] = x
			s.order = append(s.order, x.Doc.Name)
		}
		out = append(out, st)
	}
	return out, nil
}

// dump renders the sink's documents in write order, for comparisons.
func (s *memSink) dump(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, name := range s.order {
		for _, x := range s.docs {
			if x.Doc.Name == name {
				j, err := json.Marshal(struct {
					A []graph.Actor
					E []graph.Event
					M []graph.Merge
				}{x.Actors, x.Events, x.Merges})
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&b, "%s %s\n", name, j)
			}
		}
	}
	return b.String()
}

func jaroWinkler(a, b string) (float64, bool) {
	s := metrics.NewJaroWinkler().Compare(a, b)
	return s, s >= 0.9
}

// corpus writes docs as a JSONL file, one record each, named d000, d001…
func corpus(t *testing.T, docs []string) []input.File {
	t.Helper()
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	var b strings.Builder
	for i, d := range docs {
		j, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("d%03d", i), "text": d})
		b.Write(j)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := input.Expand(context.Background(), []string{p}, func(err error) { t.Fatal(err) })
	if err != nil {
		t.Fatal(err)
	}
	return files
}

const (
	kayani = "Ashfaq Kayani/PAKMIL/person"
	kiani  = "Ashfaq Kiani/PAKMIL/person"
	kianiG = "Ashfaq Kiani/PAKGOV/person"
	sergey = "Sergey Lavrov/RUSGOV/person"
	sergei = "Sergei Lavrov/RUSGOV/person"
	rus    = "Russia/RUS/country"
	pak    = "Pakistan/PAK/country"
)

// variedCorpus has spelling variants, failures, duplicates and slow
// documents, so that worker count could change something if the pipeline
// were not ordered.
func variedCorpus(n int) []string {
	var docs []string
	for i := range n {
		var lines []string
		switch i % 7 {
		case 0:
			lines = []string{kayani + " ~ 042 ~ " + rus, sergey + " ~ 036 ~ " + pak}
		case 1:
			lines = []string{kiani + " ~ 043 ~ " + rus, "SLOW"}
		case 2:
			lines = []string{sergei + " ~ 040 ~ " + kiani, rus + " ~ 057 ~ " + pak}
		case 3:
			lines = []string{"FAIL"}
		case 4:
			lines = []string{kianiG + " ~ 111 ~ " + pak, "SLOW"}
		case 5:
			lines = []string{kayani + " ~ 042 ~ " + rus, sergey + " ~ 036 ~ " + pak} // same text as case 0
		case 6:
			lines = []string{"Actor" + fmt.Sprint(i) + "/PAKGOV/person ~ 010 ~ " + rus}
		}
		if i%7 != 5 {
			lines = append(lines, fmt.Sprintf("# document %d", i))
		}
		docs = append(docs, strings.Join(lines, "\n"))
	}
	return docs
}

func TestRunDeterministic(t *testing.T) {
	files := corpus(t, variedCorpus(60))
	var want, wantErrs string
	var wantSum Summary
	for _, workers := range []int{1, 2, 3, 8} {
		for _, batch := range []int{1, 5, 64} {
			sink := newMemSink()
			var errs []string
			sum, err := Run(context.Background(), files, fakeExtract, sink, Options{
				Workers: workers, BatchSize: batch,
				Merger:  NewMerger(nil, jaroWinkler, nil),
				OnError: func(err error) { errs = append(errs, err.Error()) },
			})
			if err != nil {
				t.Fatal(err)
			}
			got, gotErrs := sink.dump(t), strings.Join(errs, "\n")
			sum.Seconds, sum.Bytes = 0, 0
			if want == "" {
				want, wantErrs, wantSum = got, gotErrs, sum
				continue
			}
			if got != want {
				t.Errorf("workers=%d batch=%d: store differs:\n%s\nwant:\n%s", workers, batch, got, want)
			}
			if gotErrs != wantErrs {
				t.Errorf("workers=%d batch=%d: errors differ:\n%s\nwant:\n%s", workers, batch, gotErrs, wantErrs)
			}
			if sum != wantSum {
				t.Errorf("workers=%d batch=%d: summary %+v, want %+v", workers, batch, sum, wantSum)
			}
		}
	}
	// 60 documents: 9 fail (i%7==3), 8 share one text (i%7==5) so 7 of
	// them are unchanged, the other 44 are new.
	if wantSum.Failed != 9 || wantSum.Unchanged != 7 || wantSum.New != 44 {
		t.Errorf("summary %+v, want 9 failed, 7 unchanged, 44 new", wantSum)
	}
	if n := strings.Count(wantErrs, "extraction failed"); n != 9 {
		t.Errorf("%d extraction errors reported, want 9:\n%s", n, wantErrs)
	}
}

func TestMerge(t *testing.T) {
	known := []graph.Actor{
		{ID: "ashfaq-kayani", Name: "Ashfaq Kayani", Code: "PAKMIL", Type: graph.Person, Country: "PAK"},
		{ID: "sergey-lavrov", Name: "Sergey Lavrov", Code: "RUSGOV", Type: graph.Person, Country: "RUS"},
		{ID: "nawaz-sharif", Name: "Nawaz Sharif", Code: "PAKGOV", Type: graph.Person, Country: "PAK"},
		{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country, Country: "RUS"},
		{ID: "ap", Name: "AP", Code: "---", Type: graph.Organization},
	}
	forbid := func(a, b string) bool {
		return strings.Contains(a+b, "Shahbaz") && strings.Contains(a+b, "Nawaz")
	}
	tests := []struct {
		name      string
		doc       string
		wantMerge []string // from_id>into
		wantSrcs  []string // event sources after rewriting
	}{
		{"variant same code", kiani + " ~ 042 ~ " + rus, []string{"ashfaq-kiani>ashfaq-kayani"}, []string{"ashfaq-kayani"}},
		{"variant other code", kianiG + " ~ 042 ~ " + rus, nil, []string{"ashfaq-kiani"}},
		{"variant and known in one doc", sergei + " ~ 042 ~ " + rus + "\n" + sergey + " ~ 042 ~ " + rus,
			[]string{"sergei-lavrov>sergey-lavrov"}, []string{"sergey-lavrov", "sergey-lavrov"}},
		{"self loop after merge dropped", sergei + " ~ 042 ~ " + sergey, []string{"sergei-lavrov>sergey-lavrov"}, nil},
		{"forbidden pair", "Shahbaz Sharif/PAKGOV/person ~ 042 ~ " + rus, nil, []string{"shahbaz-sharif"}},
		{"countries never merge", "Rusia/RUS/country ~ 042 ~ " + pak, nil, []string{"rusia"}},
		{"placeholder codes are no affiliation", "APP/---/organization ~ 042 ~ " + pak, nil, []string{"app"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMerger(known, jaroWinkler, forbid)
			x, err := fakeExtract(input.Input{Name: "n", Data: []byte(tt.doc)})
			if err != nil {
				t.Fatal(err)
			}
			m.Resolve(&x)
			var merges, srcs []string
			for _, mg := range x.Merges {
				merges = append(merges, mg.FromID+">"+mg.Into)
				if mg.DocID != x.Doc.ID || mg.Score < 0.9 || !strings.Contains(mg.Reason, "same affiliation") {
					t.Errorf("merge record %+v", mg)
				}
			}
			for _, e := range x.Events {
				srcs = append(srcs, e.Source)
				if want := graph.EventID(x.Doc.ID, e.SentenceIndex, e.Source, e.Relation, e.CAMEO, e.Target); e.ID != want {
					t.Errorf("event id %s, want %s", e.ID, want)
				}
			}
			if fmt.Sprint(merges) != fmt.Sprint(tt.wantMerge) || fmt.Sprint(srcs) != fmt.Sprint(tt.wantSrcs) {
				t.Errorf("merges %v sources %v, want %v %v", merges, srcs, tt.wantMerge, tt.wantSrcs)
			}
			ids := map[string]bool{}
			for _, a := range x.Actors {
				if ids[a.ID] {
					t.Errorf("actor %s twice", a.ID)
				}
				ids[a.ID] = true
			}
			for _, e := range x.Events {
				if !ids[e.Source] || !ids[e.Target] {
					t.Errorf("event %s→%s refers to an actor not in the extraction", e.Source, e.Target)
				}
			}
		})
	}
}

// Once merged, a variant's spelling is an alias: the next document with it
// goes to the same actor, even with a similarity function that would refuse.
func TestMergeRemembersAlias(t *testing.T) {
	m := NewMerger([]graph.Actor{{ID: "ashfaq-kayani", Name: "Ashfaq Kayani", Code: "PAKMIL", Type: graph.Person}}, jaroWinkler, nil)
	x, _ := fakeExtract(input.Input{Data: []byte(kiani + " ~ 042 ~ " + rus)})
	m.Resolve(&x)
	a, _ := m.Actor("ashfaq-kayani")
	if !slices.Contains(a.Aliases, "Ashfaq Kiani") {
		t.Fatalf("aliases %v lack the variant", a.Aliases)
	}
	m.similar = func(string, string) (float64, bool) { return 0, false }
	y, _ := fakeExtract(input.Input{Data: []byte(kiani + " ~ 043 ~ " + pak)})
	m.Resolve(&y)
	if len(y.Merges) != 1 || y.Events[0].Source != "ashfaq-kayani" {
		t.Errorf("merges %+v events %+v", y.Merges, y.Events)
	}
}

func TestRunUnchangedAndForce(t *testing.T) {
	files := corpus(t, []string{kayani + " ~ 042 ~ " + rus, sergey + " ~ 036 ~ " + pak})
	sink := newMemSink()
	run := func(force bool) Summary {
		t.Helper()
		sum, err := Run(context.Background(), files, fakeExtract, sink, Options{Force: force})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if s := run(false); s.New != 2 || s.Events != 2 || s.Sentences != 2 || s.Actors != 4 {
		t.Errorf("first run %+v", s)
	}
	if s := run(false); s.Unchanged != 2 || s.New != 0 || s.Events != 0 {
		t.Errorf("second run %+v", s)
	}
	if s := run(true); s.Replaced != 2 || s.Events != 2 {
		t.Errorf("forced run %+v", s)
	}
}

func TestRunCancel(t *testing.T) {
	var docs []string
	for i := range 200 {
		docs = append(docs, fmt.Sprintf("A%d/PAKGOV/person ~ 042 ~ %s\nSLOW", i, rus))
	}
	files := corpus(t, docs)
	sink := newMemSink()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sum, err := Run(ctx, files, fakeExtract, sink, Options{
		Workers: 2, BatchSize: 10,
		OnProgress: func(p Progress) {
			if p.Documents == 25 {
				cancel()
			}
		},
	})
	if !errors.Is(err, context.Canceled) || !sum.Interrupted {
		t.Fatalf("err %v, summary %+v; want context.Canceled", err, sum)
	}
	// The batch in hand is written: 25 documents handled when cancelled,
	// the rest of their batch of 10 goes too.
	if sum.New < 25 || sum.New >= 200 || sum.New != len(sink.order) {
		t.Errorf("%d new, %d stored; want at least 25 and fewer than 200", sum.New, len(sink.order))
	}
	for i, name := range sink.order {
		if want := fmt.Sprintf("d%03d", i); name != want {
			t.Fatalf("document %d written is %s, want %s: not a prefix of the input", i, name, want)
		}
	}
	// Running again completes the load.
	sum2, err := Run(context.Background(), files, fakeExtract, sink, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum2.Unchanged != sum.New || sum2.New != 200-sum.New {
		t.Errorf("resumed run %+v after %d", sum2, sum.New)
	}
}

func TestRunSinkError(t *testing.T) {
	files := corpus(t, variedCorpus(20))
	sink := newMemSink()
	sink.failAt = 5
	sum, err := Run(context.Background(), files, fakeExtract, sink, Options{BatchSize: 3})
	if err == nil || !strings.Contains(err.Error(), "write documents: disk full") {
		t.Fatalf("err %v, want the sink's", err)
	}
	if sum.New != 4 {
		t.Errorf("summary %+v, want the 4 documents before the failure", sum)
	}
}

func TestRunBatchDelay(t *testing.T) {
	// A reader that produces one document then waits: the document must be
	// written after BatchDelay, not only at the end.
	pr, pw := io.Pipe()
	files := []input.File{{Path: "-", Size: -1}}
	sink := newMemSink()
	done := make(chan Summary)
	go func() {
		sum, _ := Run(context.Background(), files, fakeExtract, sink, Options{
			BatchDelay: 20 * time.Millisecond, Input: input.Options{Stdin: pr},
		})
		done <- sum
	}()
	fmt.Fprintln(pw, `{"id":"one","text":"A/PAKGOV/person ~ 042 ~ B/RUSGOV/person"}`)
	deadline := time.Now().Add(2 * time.Second)
	for {
		if ok, _ := sink.HasDocument(graph.DocumentID("A/PAKGOV/person ~ 042 ~ B/RUSGOV/person")); ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("document not written while the input stayed open")
		}
		time.Sleep(5 * time.Millisecond)
	}
	pw.Close()
	if sum := <-done; sum.New != 1 {
		t.Errorf("summary %+v", sum)
	}
}

// Two events of one sentence that differ only by the spelling of an actor
// become one event once the spellings are merged.
func TestMergeDropsDuplicateEvents(t *testing.T) {
	m := NewMerger([]graph.Actor{{ID: "sergey-lavrov", Name: "Sergey Lavrov", Code: "RUSGOV", Type: graph.Person}}, jaroWinkler, nil)
	doc := graph.Document{ID: "d1", Text: "Sergei Lavrov, or Sergey Lavrov, met Pakistan."}
	ev := func(src string) graph.Event {
		return graph.Event{ID: graph.EventID("d1", 0, src, "meet", "040", "pakistan"), Source: src, Target: "pakistan",
			Relation: "meet", CAMEO: "040", DocID: "d1", End: len(doc.Text)}
	}
	x := graph.Extraction{Doc: doc,
		Actors: []graph.Actor{
			{ID: "sergei-lavrov", Name: "Sergei Lavrov", Code: "RUSGOV", Type: graph.Person},
			{ID: "sergey-lavrov", Name: "Sergey Lavrov", Code: "RUSGOV", Type: graph.Person},
			{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country},
		},
		Events: []graph.Event{ev("sergei-lavrov"), ev("sergey-lavrov")},
	}
	m.Resolve(&x)
	if len(x.Events) != 1 || x.Events[0].ID != ev("sergey-lavrov").ID {
		t.Errorf("events %+v, want the one with the known spelling", x.Events)
	}
	if len(x.Actors) != 2 || !slices.Contains(x.Actors[1].Aliases, "Sergei Lavrov") && !slices.Contains(x.Actors[0].Aliases, "Sergei Lavrov") {
		t.Errorf("actors %+v, want Sergey Lavrov (aliased Sergei Lavrov) and Pakistan", x.Actors)
	}
}

// blockingSink holds its first write until enough documents beyond that
// batch have been extracted, recording the most documents alive at once
// (extracted but not yet written).
type blockingSink struct {
	*memSink
	extracted *atomic.Int64
	ahead     int64
	written   int64
	maxAlive  int64
	timedOut  bool
}

func (s *blockingSink) PutDocuments(xs []graph.Extraction, force bool) ([]graph.PutStatus, error) {
	if s.written == 0 {
		deadline := time.Now().Add(2 * time.Second)
		for s.extracted.Load() < int64(len(xs))+s.ahead {
			if time.Now().After(deadline) {
				s.timedOut = true
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	s.maxAlive = max(s.maxAlive, s.extracted.Load()-s.written)
	s.written += int64(len(xs))
	return s.memSink.PutDocuments(xs, force)
}

// TestRunExtractsWhileWriting checks that workers keep extracting while the
// writer is busy with a batch, up to a batch ahead, and no further.
func TestRunExtractsWhileWriting(t *testing.T) {
	const workers, batch, n = 2, 16, 80
	var docs []string
	for i := range n {
		docs = append(docs, fmt.Sprintf("Doc%d A/AAA/country ~ 042 ~ Doc%d B/BBB/country", i, i))
	}
	var extracted atomic.Int64
	extract := func(in input.Input) (graph.Extraction, error) {
		defer extracted.Add(1)
		return fakeExtract(in)
	}
	sink := &blockingSink{memSink: newMemSink(), extracted: &extracted, ahead: batch}
	sum, err := Run(context.Background(), corpus(t, docs), extract, sink,
		Options{Workers: workers, BatchSize: batch, BatchDelay: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != n {
		t.Errorf("new = %d, want %d", sum.New, n)
	}
	if sink.timedOut {
		t.Errorf("extraction stalled while the first batch was being written")
	}
	// The batch being written, the next one gathering, and the items in
	// flight between reader and writer.
	if limit := int64(2*batch + 4*workers); sink.maxAlive > limit {
		t.Errorf("%d documents alive at once, want at most %d", sink.maxAlive, limit)
	}
}
