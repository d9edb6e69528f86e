package store

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/graphtest"
)

func openMem(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(DefaultOptions("").WithInMemory(true).WithMemTableSize(8 << 20))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func openDir(tb testing.TB, dir string, ro bool) *Store {
	tb.Helper()
	s, err := Open(DefaultOptions(dir).WithReadOnly(ro))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// testDoc builds a small but complete extraction: three actors, one event
// per sentence, an unknown phrase and a merge. Sentences are laid out so that
// every event's offsets slice the text.
var testDoc = graphtest.Extraction

func collectEvents(tb testing.TB, s *Store) []graph.Event {
	tb.Helper()
	var out []graph.Event
	if err := s.Events(func(e graph.Event) error { out = append(out, e); return nil }); err != nil {
		tb.Fatal(err)
	}
	return out
}

func mustStats(tb testing.TB, s *Store) graph.Stats {
	tb.Helper()
	st, err := s.Stats()
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

func mustPut(tb testing.TB, s *Store, x graph.Extraction, force bool, want graph.PutStatus) {
	tb.Helper()
	got, err := s.PutDocument(x, force)
	if err != nil {
		tb.Fatal(err)
	}
	if got != want {
		tb.Fatalf("PutDocument(%s, force=%v) = %v, want %v", x.Doc.Name, force, got, want)
	}
}

func TestStoreRoundTrip(t *testing.T) {
	s := openMem(t)
	x := testDoc("a.html", "Pakistan met Russia.", "Russia praised Pakistan.", "Pakistan asked the UN.", "Pakistan fought Russia.")
	mustPut(t, s, x, false, graph.Added)

	d, err := s.Document(x.Doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d, x.Doc) {
		t.Errorf("Document:\n got %+v\nwant %+v", d, x.Doc)
	}
	meta := x.Doc
	meta.Text, meta.Raw = "", ""
	if d, err := s.DocumentMeta(x.Doc.ID); err != nil || !reflect.DeepEqual(d, meta) {
		t.Errorf("DocumentMeta = %+v, %v; want %+v", d, err, meta)
	}
	if _, err := s.DocumentMeta("feed"); !errors.Is(err, ErrNotFound) {
		t.Errorf("DocumentMeta(missing) error = %v, want ErrNotFound", err)
	}
	if d, err = s.DocumentByName("a.html"); err != nil || d.ID != x.Doc.ID || d.Text != x.Doc.Text {
		t.Errorf("DocumentByName = %+v, %v", d, err)
	}
	for id, want := range map[string]bool{x.Doc.ID: true, "feed": false} {
		if got, err := s.HasDocument(id); err != nil || got != want {
			t.Errorf("HasDocument(%s) = %v, %v; want %v", id, got, err, want)
		}
	}
	if _, err := s.EventsOfDoc("feed"); !errors.Is(err, ErrNotFound) {
		t.Errorf("EventsOfDoc(missing) error = %v, want ErrNotFound", err)
	}
	if _, err := s.DocumentByName("b.html"); !errors.Is(err, ErrNotFound) {
		t.Errorf("DocumentByName(missing) error = %v, want ErrNotFound", err)
	}
	for _, withText := range []bool{false, true} {
		var docs []graph.Document
		if err := s.Documents(func(d graph.Document) error { docs = append(docs, d); return nil }, withText); err != nil {
			t.Fatal(err)
		}
		want := x.Doc
		if !withText {
			want.Text, want.Raw = "", ""
		}
		if len(docs) != 1 || !reflect.DeepEqual(docs[0], want) {
			t.Errorf("Documents(withText=%v) = %+v", withText, docs)
		}
	}

	got := collectEvents(t, s)
	want := append([]graph.Event(nil), x.Events...)
	sortEventsByID(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Events:\n got %+v\nwant %+v", got, want)
	}
	ofDoc, err := s.EventsOfDoc(x.Doc.ID)
	if err != nil || !reflect.DeepEqual(ofDoc, x.Events) {
		t.Errorf("EventsOfDoc = %+v, %v", ofDoc, err)
	}
	for _, e := range ofDoc {
		if x.Doc.Text[e.Start:e.End] != e.Sentence {
			t.Errorf("event %s offsets do not slice its sentence", e.ID)
		}
	}

	actors, err := s.Actors()
	if err != nil {
		t.Fatal(err)
	}
	wantActors := []graph.Actor{
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Country: "PAK", Aliases: []string{"Islamabad", "Pakistan"},
			FirstSeen: graph.Date{Year: 2023, Month: 4, Day: 1}, LastSeen: graph.Date{Year: 2023, Month: 4, Day: 4}},
		{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country, Country: "RUS", Aliases: []string{"Moscow", "Russian Federation"},
			FirstSeen: graph.Date{Year: 2023, Month: 4, Day: 1}, LastSeen: graph.Date{Year: 2023, Month: 4, Day: 4}},
		{ID: "un", Name: "United Nations", Code: "IGOUNO", Type: graph.IGO, Aliases: []string{"U.N."},
			FirstSeen: graph.Date{Year: 2023, Month: 4, Day: 3}, LastSeen: graph.Date{Year: 2023, Month: 4, Day: 3}},
	}
	if !reflect.DeepEqual(actors, wantActors) {
		t.Errorf("Actors:\n got %+v\nwant %+v", actors, wantActors)
	}
	if a, err := s.Actor("un"); err != nil || !reflect.DeepEqual(a, wantActors[2]) {
		t.Errorf("Actor(un) = %+v, %v", a, err)
	}
	if _, err := s.Actor("nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Actor(missing) error = %v", err)
	}

	merges, err := s.Merges()
	if err != nil || !reflect.DeepEqual(merges, x.Merges) {
		t.Errorf("Merges = %+v, %v", merges, err)
	}
	unk, err := s.Unknown()
	if err != nil || !reflect.DeepEqual(unk, x.Unknown) {
		t.Errorf("Unknown = %+v, %v", unk, err)
	}
	wantStats := graph.Stats{Documents: 1, Sentences: 4, Actors: 3, Events: 4, Edges: 3}
	if st := mustStats(t, s); st != wantStats {
		t.Errorf("Stats = %+v, want %+v", st, wantStats)
	}
	if v, err := s.Version(); err != nil || v != 1 {
		t.Errorf("Version = %d, %v; want 1", v, err)
	}
	counts, err := s.ActorEventCounts()
	if err != nil || !reflect.DeepEqual(counts, map[string]int{"pakistan": 4, "russia": 3, "un": 1}) {
		t.Errorf("ActorEventCounts = %v, %v", counts, err)
	}
	dc, err := s.DocumentEventCounts()
	if err != nil || !reflect.DeepEqual(dc, map[string]int{x.Doc.ID: 4}) {
		t.Errorf("DocumentEventCounts = %v, %v", dc, err)
	}
	out, in, err := s.Neighbors("pakistan")
	if err != nil || !reflect.DeepEqual(out, map[string]int{"russia": 2, "un": 1}) || !reflect.DeepEqual(in, map[string]int{"russia": 1}) {
		t.Errorf("Neighbors(pakistan) = %v, %v, %v", out, in, err)
	}
}

func sortEventsByID(es []graph.Event) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].ID < es[j-1].ID; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

func TestActorsByAlias(t *testing.T) {
	s := openMem(t)
	mustPut(t, s, testDoc("a", "One.", "Two.", "Three."), false, graph.Added)
	tests := []struct {
		name string
		want []string
	}{
		{"Pakistan", []string{"pakistan"}},
		{"PAKISTAN", []string{"pakistan"}},
		{"islamabad", []string{"pakistan"}},
		{"russian-federation", []string{"russia"}},
		{"  Russian   Federation ", []string{"russia"}},
		{"UN", []string{"un"}},
		{"u.n.", []string{"un"}},
		{"united nations", []string{"un"}},
		{"Moscowx", nil},
		{"...", nil},
	}
	for _, tt := range tests {
		got, err := s.ActorsByAlias(tt.name)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range got {
			ids = append(ids, a.ID)
		}
		if !reflect.DeepEqual(ids, tt.want) {
			t.Errorf("ActorsByAlias(%q) = %v, want %v", tt.name, ids, tt.want)
		}
	}
}

func TestActorUpsert(t *testing.T) {
	s := openMem(t)
	x := testDoc("a", "One.")
	mustPut(t, s, x, false, graph.Added)
	y := testDoc("b", "Another text here.")
	y.Actors = []graph.Actor{
		// Code, type and name stay; aliases are united; seen dates widen.
		{ID: "pakistan", Name: "Islamic Republic", Code: "", Type: "", Aliases: []string{"Pak", "Islamabad"},
			FirstSeen: graph.Date{Year: 2001}, LastSeen: graph.Date{Year: 2024, Month: 1, Day: 0}},
		{ID: "russia", Name: "Russia"},
		{ID: "un", Name: "UN"},
	}
	mustPut(t, s, y, false, graph.Added)
	a, err := s.Actor("pakistan")
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Actor{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Country: "PAK",
		Aliases: []string{"Islamabad", "Pak", "Pakistan"}, FirstSeen: graph.Date{Year: 2001}, LastSeen: graph.Date{Year: 2024, Month: 1, Day: 0}}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("upserted actor:\n got %+v\nwant %+v", a, want)
	}
	if got, _ := s.ActorsByAlias("pak"); len(got) != 1 || got[0].ID != "pakistan" {
		t.Errorf("new alias not indexed: %v", got)
	}
	if st := mustStats(t, s); st.Actors != 3 {
		t.Errorf("actors = %d after upsert, want 3", st.Actors)
	}
}

func TestPutUnchanged(t *testing.T) {
	s := openMem(t)
	x := testDoc("a", "One.", "Two.")
	mustPut(t, s, x, false, graph.Added)
	st, v := mustStats(t, s), mustVersion(t, s)
	// A changed extraction of the same document is still a no-op without force.
	x.Events = x.Events[:1]
	mustPut(t, s, x, false, graph.Unchanged)
	if got := mustStats(t, s); got != st {
		t.Errorf("stats changed on reload: %+v → %+v", st, got)
	}
	if got := mustVersion(t, s); got != v {
		t.Errorf("version changed on reload: %d → %d", v, got)
	}
	if n := len(collectEvents(t, s)); n != 2 {
		t.Errorf("%d events, want 2", n)
	}
}

func mustVersion(tb testing.TB, s *Store) uint64 {
	tb.Helper()
	v, err := s.Version()
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

func TestForceReplace(t *testing.T) {
	s := openMem(t)
	other := testDoc("other", "Other one.", "Other two.")
	mustPut(t, s, other, false, graph.Added)
	x := testDoc("a", "One.", "Two.", "Three.")
	mustPut(t, s, x, false, graph.Added)

	y := testDoc("a-renamed", "One.", "Two.", "Three.")
	// Keep only the third event and change the unknown counts and merges.
	y.Events = []graph.Event{y.Events[2]}
	y.Events[0].Relation = "changed"
	y.Unknown = []graph.Unknown{{Name: "Mystery Group", Count: 5}}
	y.Merges = nil
	mustPut(t, s, y, true, graph.Replaced)

	got, err := s.EventsOfDoc(x.Doc.ID)
	if err != nil || !reflect.DeepEqual(got, y.Events) {
		t.Errorf("events after replace = %+v, %v", got, err)
	}
	want := graph.Stats{Documents: 2, Sentences: 5, Actors: 3, Events: 3, Edges: 3}
	if st := mustStats(t, s); st != want {
		t.Errorf("stats after replace = %+v, want %+v", st, want)
	}
	unk, _ := s.Unknown()
	wantUnk := []graph.Unknown{{Name: "Mystery Group", Count: 7}, {Name: "Other Thing", Count: 1}}
	if !reflect.DeepEqual(unk, wantUnk) {
		t.Errorf("unknown after replace = %+v, want %+v", unk, wantUnk)
	}
	if m, _ := s.Merges(); len(m) != 1 || m[0].DocID != other.Doc.ID {
		t.Errorf("merges after replace = %+v", m)
	}
	if _, err := s.DocumentByName("a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("old name still indexed: %v", err)
	}
	if d, err := s.DocumentByName("a-renamed"); err != nil || d.ID != x.Doc.ID {
		t.Errorf("new name = %+v, %v", d, err)
	}
	// Pair counts must match a recount from the events.
	recount := make(map[[2]string]int)
	for _, e := range collectEvents(t, s) {
		recount[[2]string{e.Source, e.Target}]++
	}
	stored := make(map[[2]string]int)
	s.Edges(func(src, dst string, n int) error { stored[[2]string{src, dst}] = n; return nil })
	if !reflect.DeepEqual(stored, recount) {
		t.Errorf("adjacency %v, recount %v", stored, recount)
	}
	// Replacing with the original restores the original counts.
	mustPut(t, s, x, true, graph.Replaced)
	want = graph.Stats{Documents: 2, Sentences: 5, Actors: 3, Events: 5, Edges: 3}
	if st := mustStats(t, s); st != want {
		t.Errorf("stats after second replace = %+v, want %+v", st, want)
	}
}

// TestAtomicity fails a document's transaction at the first and at the last
// write of each kind and checks that nothing of it was stored and that the
// store still works.
func TestAtomicity(t *testing.T) {
	steps := []string{"document", "text", "raw", "document name", "actor", "alias", "event",
		"document events", "graph index", "merge", "unknown", "version", "stats",
		"delete event", "delete document", "delete merge"}
	// setup returns a store holding one document and the extraction to put
	// next; for the delete steps that extraction replaces a stored one.
	setup := func(t *testing.T, force bool) (*Store, graph.Extraction) {
		s := openMem(t)
		mustPut(t, s, testDoc("base", "Base one.", "Base two."), false, graph.Added)
		x := testDoc("x", "One.", "Two.", "Three.", "Four.")
		x.Actors = append(x.Actors, graph.Actor{ID: "new-actor", Name: "New Actor", Type: graph.Person})
		x.Events[3].Target = "new-actor"
		if force {
			mustPut(t, s, x, false, graph.Added)
			x = testDoc("x", "One.", "Two.", "Three.", "Four.")
			x.Events = x.Events[:1]
		}
		return s, x
	}
	for _, step := range steps {
		force := strings.HasPrefix(step, "delete")
		s, x := setup(t, force)
		total := 0
		s.failPoint = func(got string) error {
			if got == step {
				total++
			}
			return nil
		}
		if _, err := s.PutDocument(x, force); err != nil {
			t.Fatal(err)
		}
		if total == 0 {
			t.Fatalf("step %q never reached", step)
		}
		nths := []int{1}
		if total > 1 {
			nths = append(nths, total)
		}
		for _, nth := range nths {
			t.Run(fmt.Sprintf("%s#%d", step, nth), func(t *testing.T) {
				s, x := setup(t, force)
				beforeStats, beforeVersion := mustStats(t, s), mustVersion(t, s)
				beforeEvents := collectEvents(t, s)
				beforeActors, _ := s.Actors()
				beforeUnknown, _ := s.Unknown()
				beforeMerges, _ := s.Merges()

				calls := 0
				s.failPoint = func(got string) error {
					if got == step {
						calls++
						if calls == nth {
							return errors.New("injected")
						}
					}
					return nil
				}
				_, err := s.PutDocument(x, force)
				s.failPoint = nil
				if err == nil || !strings.Contains(err.Error(), "injected") {
					t.Fatalf("PutDocument error = %v, want the injected one", err)
				}
				if got := mustStats(t, s); got != beforeStats {
					t.Errorf("stats changed: %+v → %+v", beforeStats, got)
				}
				if got := mustVersion(t, s); got != beforeVersion {
					t.Errorf("version changed: %d → %d", beforeVersion, got)
				}
				if got := collectEvents(t, s); !reflect.DeepEqual(got, beforeEvents) {
					t.Errorf("events changed")
				}
				if got, _ := s.Actors(); !reflect.DeepEqual(got, beforeActors) {
					t.Errorf("actors changed")
				}
				if got, _ := s.Unknown(); !reflect.DeepEqual(got, beforeUnknown) {
					t.Errorf("unknown changed")
				}
				if got, _ := s.Merges(); !reflect.DeepEqual(got, beforeMerges) {
					t.Errorf("merges changed")
				}
				if got, _ := s.ActorsByAlias("New Actor"); len(got) != 0 && !force {
					t.Errorf("alias of the failed document indexed")
				}
				// The store is still usable and the document goes in cleanly.
				want := graph.Added
				if force {
					want = graph.Replaced
				}
				mustPut(t, s, x, force, want)
				wantEvents := beforeStats.Events + len(x.Events)
				if force {
					wantEvents -= 4
				}
				if got := mustStats(t, s); got.Events != wantEvents {
					t.Errorf("events after retry = %d, want %d", got.Events, wantEvents)
				}
			})
		}
	}
}

func TestEventIDClash(t *testing.T) {
	s := openMem(t)
	x := testDoc("a", "One.")
	mustPut(t, s, x, false, graph.Added)
	y := testDoc("b", "Two.")
	y.Events[0].ID = x.Events[0].ID
	_, err := s.PutDocument(y, false)
	if err == nil || !strings.Contains(err.Error(), "already used by document "+x.Doc.ID) {
		t.Fatalf("error = %v", err)
	}
}

func TestDuplicateEventsInDocument(t *testing.T) {
	s := openMem(t)
	x := testDoc("a", "One.", "Two.")
	x.Events = append(x.Events, x.Events[0])
	mustPut(t, s, x, false, graph.Added)
	if st := mustStats(t, s); st.Events != 2 || st.Edges != 2 {
		t.Errorf("stats = %+v, want 2 events and 2 edges", st)
	}
}

func TestPutDocuments(t *testing.T) {
	s := openMem(t)
	a, b := testDoc("a", "One."), testDoc("b", "Two.")
	got, err := s.PutDocuments([]graph.Extraction{a, b, a}, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := []graph.PutStatus{graph.Added, graph.Added, graph.Unchanged}; !reflect.DeepEqual(got, want) {
		t.Errorf("statuses = %v, want %v", got, want)
	}
	bad := testDoc("c", "Three.")
	bad.Events[0].End = 100
	got, err = s.PutDocuments([]graph.Extraction{testDoc("d", "Four."), bad, testDoc("e", "Five.")}, false)
	if err == nil || len(got) != 1 {
		t.Errorf("PutDocuments with a bad document = %v, %v", got, err)
	}
	if st := mustStats(t, s); st.Documents != 3 {
		t.Errorf("documents = %d, want 3", st.Documents)
	}
}

func TestOnDiskReopen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	s, err := Open(DefaultOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	x := testDoc("a", "One.", "Two.")
	mustPut(t, s, x, false, graph.Added)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}

	// Several read-only handles at once.
	var handles []*Store
	for i := 0; i < 3; i++ {
		handles = append(handles, openDir(t, dir, true))
	}
	var wg sync.WaitGroup
	for _, h := range handles {
		wg.Add(1)
		go func(h *Store) {
			defer wg.Done()
			if st, err := h.Stats(); err != nil || st.Events != 2 {
				t.Errorf("read-only stats = %+v, %v", st, err)
			}
		}(h)
	}
	wg.Wait()
	if _, err := handles[0].PutDocument(testDoc("b", "Three."), false); !errors.Is(err, ErrReadOnly) {
		t.Errorf("write through read-only handle: %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	_, err := Open(DefaultOptions(missing).WithReadOnly(true))
	if want := "no store at " + missing + ": run kg load first"; err == nil || err.Error() != want || !errors.Is(err, ErrNoStore) {
		t.Errorf("read-only open of missing dir: %v, want %q", err, want)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("read-only open created %s", missing)
	}
	for _, o := range []Options{
		DefaultOptions(""),
		DefaultOptions("").WithInMemory(true).WithReadOnly(true),
		DefaultOptions("x").WithMemTableSize(10),
		DefaultOptions("x").WithValueLogFileSize(3 << 30),
		DefaultOptions("x").WithBlockCacheSize(0),
	} {
		if _, err := Open(o); err == nil {
			t.Errorf("Open(%+v) succeeded", o)
		}
	}
}

func TestFormatVersion(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(txn *badger.Txn) error
		want  string
	}{
		{"newer", func(txn *badger.Txn) error { return txn.Set(keyFormat, encodeUint32(formatVersion+1)) },
			fmt.Sprintf("has format version %d; this kg reads versions %d to %d", formatVersion+1, oldestFormat, formatVersion)},
		{"older", func(txn *badger.Txn) error { return txn.Delete(keyFormat) },
			fmt.Sprintf("has format version 0; this kg reads versions %d to %d", oldestFormat, formatVersion)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := Open(DefaultOptions(dir))
			if err != nil {
				t.Fatal(err)
			}
			mustPut(t, s, testDoc("a", "One."), false, graph.Added)
			if err := s.db.Update(tc.write); err != nil {
				t.Fatal(err)
			}
			s.Close()
			for _, ro := range []bool{false, true} {
				_, err := Open(DefaultOptions(dir).WithReadOnly(ro))
				want := "store " + dir + " " + tc.want
				if err == nil || err.Error() != want || !errors.Is(err, ErrFormat) {
					t.Errorf("Open(readOnly=%v) = %v, want %q", ro, err, want)
				}
			}
		})
	}
}

func TestMeta(t *testing.T) {
	dir := t.TempDir()
	w := openDir(t, dir, false)
	mustPut(t, w, testDoc("a", "One."), false, graph.Added)
	w.Close()
	stores := []*Store{openMem(t), openDir(t, dir, true)}
	for _, s := range stores {
		v := mustVersion(t, s)
		if _, err := s.GetMeta("view"); !errors.Is(err, ErrNotFound) {
			t.Errorf("GetMeta(absent) = %v", err)
		}
		for _, val := range []string{"first", "second"} {
			if err := s.PutMeta("view", []byte(val)); err != nil {
				t.Fatal(err)
			}
			if got, err := s.GetMeta("view"); err != nil || string(got) != val {
				t.Errorf("GetMeta = %q, %v; want %q", got, err, val)
			}
		}
		if got := mustVersion(t, s); got != v {
			t.Errorf("PutMeta changed the version: %d → %d", v, got)
		}
		for _, bad := range []string{"", "../x", "a/b", ".hidden"} {
			if err := s.PutMeta(bad, nil); err == nil {
				t.Errorf("PutMeta(%q) accepted", bad)
			}
		}
	}
	// Badger must not mind the cache directory in its own.
	stores[1].Close()
	w = openDir(t, dir, false)
	mustPut(t, w, testDoc("b", "Two."), false, graph.Added)
	if got, err := w.GetMeta("view"); err != nil || string(got) != "second" {
		t.Errorf("GetMeta after reopening = %q, %v", got, err)
	}
	w.Close()
	r := openDir(t, dir, true)
	if st := mustStats(t, r); st.Documents != 2 {
		t.Errorf("documents = %d, want 2", st.Documents)
	}
}

// The tests below need a second process, because Badger's directory lock is
// an flock and a crash is a process exiting without Close. The test binary
// re-runs itself with KG_STORE_HELPER set.

func TestHelperProcess(t *testing.T) {
	mode := os.Getenv("KG_STORE_HELPER")
	if mode == "" {
		t.Skip("helper process only")
	}
	dir := os.Getenv("KG_STORE_DIR")
	s, err := Open(DefaultOptions(dir))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	switch mode {
	case "hold":
		fmt.Println("ready")
		bufio.NewReader(os.Stdin).ReadString('\n') // until the parent closes stdin
		s.Close()
		os.Exit(0)
	case "crash":
		for i := 0; i < 20; i++ {
			if _, err := s.PutDocument(testDoc(fmt.Sprint("doc", i), fmt.Sprintf("Sentence %d.", i), "Two."), false); err != nil {
				fmt.Println("put:", err)
				os.Exit(3)
			}
		}
		os.Exit(0) // no Close: the memtable is never flushed
	}
}

func helper(t *testing.T, mode, dir string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "KG_STORE_HELPER="+mode, "KG_STORE_DIR="+dir)
	return cmd
}

func TestSecondWriterRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	cmd := helper(t, "hold", dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("helper said %q, %v", line, err)
	}
	want := "store " + dir + " is in use by another kg process"
	for _, ro := range []bool{false, true} {
		_, err := Open(DefaultOptions(dir).WithReadOnly(ro))
		if err == nil || err.Error() != want || !errors.Is(err, ErrLocked) {
			t.Errorf("Open(readOnly=%v) while held = %v, want %q", ro, err, want)
		}
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper: %v", err)
	}
	s := openDir(t, dir, false) // the lock is released with the process
	s.Close()
}

func TestReadAfterCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	out, err := helper(t, "crash", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	// Badger alone refuses this store read-only; Open must recover it.
	if db, err := badger.Open(DefaultOptions(dir).WithReadOnly(true).badger()); err == nil {
		db.Close()
		t.Fatal("badger opened a crashed store read-only: the recovery path is not exercised")
	} else if !strings.Contains(err.Error(), "Log truncate required") {
		t.Fatalf("badger read-only open after a crash: %v", err)
	}
	s, err := Open(DefaultOptions(dir).WithReadOnly(true))
	if err != nil {
		t.Fatalf("read-only open after a crashed writer: %v", err)
	}
	defer s.Close()
	if st := mustStats(t, s); st.Documents != 20 || st.Events != 40 {
		t.Errorf("stats after crash = %+v, want 20 documents and 40 events", st)
	}
}

func FuzzDecodeEvent(f *testing.F) {
	for _, e := range testDoc("a", "One.", "Two.", "Three.").Events {
		f.Add(encodeEvent(&e))
	}
	f.Add([]byte{eventCodec, 0})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		var e graph.Event
		if err := decodeEvent(b, &e); err != nil {
			return
		}
		// Whatever decodes must survive a round trip through the encoder.
		once := encodeEvent(&e)
		var e2 graph.Event
		if err := decodeEvent(once, &e2); err != nil {
			t.Fatalf("decode of an encoded event: %v", err)
		}
		if twice := encodeEvent(&e2); string(twice) != string(once) {
			t.Errorf("re-encoding differs:\n%x\n%x", once, twice)
		}
	})
}

func TestNormAlias(t *testing.T) {
	tests := map[string]string{
		"U.S.":                "us",
		"us":                  "us",
		"Al-Qaeda":            "al qaeda",
		"  al   qaeda ":       "al qaeda",
		"Xi's":                "xis",
		"Côte d’Ivoire":       "côte divoire",
		"...":                 "",
		"pakistan-army":       "pakistan army",
		"Pakistan Army":       "pakistan army",
		"NATO/OTAN":           "nato otan",
		"Ministry of Defence": "ministry of defence",
	}
	for in, want := range tests {
		if got := graph.NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDocumentTooBig(t *testing.T) {
	s, err := Open(DefaultOptions(t.TempDir()).WithMemTableSize(1 << 20))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustPut(t, s, testDoc("small", "One."), false, graph.Added)
	before := mustStats(t, s)
	big := benchDoc(1, 3000, 3000)
	_, err = s.PutDocument(big, false)
	if !errors.Is(err, ErrTooBig) || !strings.Contains(err.Error(), "3000 events") {
		t.Fatalf("error = %v, want ErrTooBig naming the event count", err)
	}
	if got := mustStats(t, s); got != before {
		t.Errorf("stats changed: %+v → %+v", before, got)
	}
	mustPut(t, s, benchDoc(2, 20, 10), false, graph.Added)

	// An in-memory store has no value log: a text above the value threshold
	// is refused with a one-line message.
	m, err := Open(DefaultOptions("").WithInMemory(true).WithMemTableSize(1 << 20))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	_, err = m.PutDocument(benchDoc(3, 2000, 10), false)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "write text") {
		t.Errorf("error = %v, want a one-line message about the text", err)
	}
}

func TestStoreErrorUnwrap(t *testing.T) {
	err := error(&storeError{msg: "m", sentinel: ErrFormat})
	var se *storeError
	var pe *os.PathError
	if !errors.As(err, &se) || errors.As(err, &pe) || !errors.Is(err, ErrFormat) || errors.Is(err, ErrLocked) {
		t.Errorf("storeError does not unwrap as documented")
	}
}

// TestEventCodecDocDate: an event dated by its document keeps the mark
// through the store codec and the triple record, and reads back from it.
func TestEventCodecDocDate(t *testing.T) {
	for _, doc := range []bool{false, true} {
		e := testDoc("a", "One.").Events[0]
		e.Date, e.DocDate = graph.Date{Year: 2012, Month: 10, Day: 8}, doc
		var back graph.Event
		if err := decodeEvent(encodeEvent(&e), &back); err != nil {
			t.Fatal(err)
		}
		if back.DocDate != doc {
			t.Errorf("DocDate %v came back %v", doc, back.DocDate)
		}
		want := "day"
		if doc {
			want = "document"
		}
		if got := e.Record("a", graph.Actor{}, graph.Actor{}, nil).DatePrecision; got != want {
			t.Errorf("DocDate %v: date_precision %q, want %q", doc, got, want)
		}
	}
}

// TestEventCodecDatedCodes: the codes the actors held on the event's date
// go through the store codec, replace the actors' own in the triple
// record, and come back from an imported row.
func TestEventCodecDatedCodes(t *testing.T) {
	for _, codes := range [][2]string{{"", ""}, {"USAELI", ""}, {"", "PAKGOV"}, {"USAELI", "PAKGOV"}} {
		e := testDoc("a", "One.").Events[0]
		e.SourceCode, e.TargetCode = codes[0], codes[1]
		e.Reporter = "" // the codes follow the reporter in the encoding
		var back graph.Event
		if err := decodeEvent(encodeEvent(&e), &back); err != nil {
			t.Fatal(err)
		}
		if back.SourceCode != codes[0] || back.TargetCode != codes[1] {
			t.Errorf("codes %v came back %q, %q", codes, back.SourceCode, back.TargetCode)
		}
		rec := e.Record("a", graph.Actor{ID: "s", Name: "S", Code: "USAGOV"}, graph.Actor{ID: "t", Name: "T", Code: "PAK"}, nil)
		wantS, wantT := "USAGOV", "PAK"
		if codes[0] != "" {
			wantS = codes[0]
		}
		if codes[1] != "" {
			wantT = codes[1]
		}
		if rec.Source.Code != wantS || rec.Target.Code != wantT {
			t.Errorf("codes %v: record codes %s, %s; want %s, %s", codes, rec.Source.Code, rec.Target.Code, wantS, wantT)
		}
	}
	// With a reporter too, and an old record with neither flag still reads.
	e := testDoc("a", "One.").Events[0]
	e.Reporter, e.SourceCode = "r", "USAELI"
	var back graph.Event
	if err := decodeEvent(encodeEvent(&e), &back); err != nil || back.Reporter != "r" || back.SourceCode != "USAELI" {
		t.Errorf("with a reporter: %+v, %v", back, err)
	}
}

// TestConcurrentReadsAfterCrash: readers that start together after a
// killed writer all read; one recovers the store, the others wait for it.
func TestConcurrentReadsAfterCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	if out, err := helper(t, "crash", dir).CombinedOutput(); err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := Open(DefaultOptions(dir).WithReadOnly(true))
			// On a loaded machine the recovery can outlast a reader's own
			// wait; the command line then waits on (--wait), as here.
			for deadline := time.Now().Add(30 * time.Second); errors.Is(err, ErrLocked) && time.Now().Before(deadline); {
				time.Sleep(100 * time.Millisecond)
				s, err = Open(DefaultOptions(dir).WithReadOnly(true))
			}
			if err == nil {
				_, err = s.Stats()
				s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("reader: %v", err)
		}
	}
}

// TestEventsOfDocs: documents come back in the order asked, each with its
// events in text order, the same as EventsOfDoc gives one at a time.
func TestEventsOfDocs(t *testing.T) {
	s := openMem(t)
	var ids []string
	for i := range 40 {
		x := testDoc(fmt.Sprintf("doc%02d", i), fmt.Sprintf("Pakistan met Russia %d times.", i), "India criticised China.", "Russia praised India.")
		mustPut(t, s, x, false, graph.Added)
		ids = append(ids, x.Doc.ID)
	}
	slices.Reverse(ids)
	var got []string
	err := s.EventsOfDocs(ids, func(doc string, evs []graph.Event) error {
		got = append(got, doc)
		want, err := s.EventsOfDoc(doc)
		if err != nil || !reflect.DeepEqual(evs, want) {
			t.Errorf("%s: %d events, want %d as EventsOfDoc gives (%v)", doc, len(evs), len(want), err)
		}
		return nil
	})
	if err != nil || !slices.Equal(got, ids) {
		t.Errorf("documents %v, want %v (%v)", got, ids, err)
	}
	if err := s.EventsOfDocs([]string{"no-such-document"}, func(string, []graph.Event) error { return nil }); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown document: %v, want ErrNotFound", err)
	}
}

// TestEventCodecCounts: an event of another data set keeps its mention and
// source counts and its origin through the store codec and the record; an
// event kg found stands for one report in one source.
func TestEventCodecCounts(t *testing.T) {
	for _, tt := range []struct {
		mentions, sources int
		extractor, origin string
		recM, recS        int
	}{
		{0, 0, "kg-tree/1", graph.OriginKG, 1, 1},
		{12, 3, graph.OriginGDELT, graph.OriginGDELT, 12, 3},
		{0, 0, graph.OriginImport, graph.OriginImport, 1, 1},
	} {
		e := testDoc("a", "One.").Events[0]
		e.Mentions, e.Sources, e.Extractor = tt.mentions, tt.sources, tt.extractor
		var back graph.Event
		if err := decodeEvent(encodeEvent(&e), &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, e) {
			t.Errorf("%+v came back %+v", e, back)
		}
		r := back.Record("a", graph.Actor{}, graph.Actor{}, nil)
		if r.Origin != tt.origin || r.Mentions != tt.recM || r.Sources != tt.recS {
			t.Errorf("%s: record origin %q mentions %d sources %d", tt.extractor, r.Origin, r.Mentions, r.Sources)
		}
	}
}
