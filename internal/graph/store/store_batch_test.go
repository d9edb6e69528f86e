package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/kg-project/kg/internal/graph"
)

// dumpStore returns every key and value of s, so that two stores can be
// compared byte for byte.
func dumpStore(tb testing.TB, s *Store) map[string]string {
	tb.Helper()
	out := make(map[string]string)
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out[string(it.Item().KeyCopy(nil))] = string(v)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func diffDumps(tb testing.TB, got, want map[string]string) {
	tb.Helper()
	n := 0
	for k, w := range want {
		if g, ok := got[k]; !ok || g != w {
			tb.Errorf("key %q: got %q (present %v), want %q", k, g, ok, w)
			n++
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			tb.Errorf("extra key %q", k)
			n++
		}
		if n > 10 {
			tb.Fatal("too many differences")
		}
	}
}

// batchDocs returns documents that share actors, widen their seen dates,
// repeat one document and bring new aliases, so that a batch must carry
// state from one document to the next exactly as separate transactions do.
func batchDocs() []graph.Extraction {
	a := testDoc("a", "One.", "Two.")
	b := testDoc("b", "Three.", "Four.", "Five.")
	b.Actors[0].Aliases = append(b.Actors[0].Aliases, "Islamic Republic of Pakistan")
	b.Events[0].Date = graph.Date{Year: 1999}
	c := testDoc("c", "Six.")
	c.Actors = append(c.Actors, graph.Actor{ID: "india", Name: "India", Type: graph.Country, Aliases: []string{"New Delhi"}})
	c.Events[0].Target = "india"
	d := benchDoc(1, 30, 6)
	e := benchDoc(2, 30, 6)
	e.Actors[0].Code = "X1"
	return []graph.Extraction{a, b, a, c, d, e}
}

func TestPutDocumentsSameAsOneByOne(t *testing.T) {
	for _, force := range []bool{false, true} {
		t.Run(fmt.Sprintf("force=%v", force), func(t *testing.T) {
			docs := batchDocs()
			one, batch := openMem(t), openMem(t)
			// A stored document that the batch replaces when forced.
			base := testDoc("a", "One.", "Two.")
			base.Events = base.Events[:1]
			mustPut(t, one, base, false, graph.Added)
			mustPut(t, batch, base, false, graph.Added)

			var want []graph.PutStatus
			for _, x := range docs {
				st, err := one.PutDocument(x, force)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, st)
			}
			got, err := batch.PutDocuments(docs, force)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("statuses = %v, want %v", got, want)
			}
			diffDumps(t, dumpStore(t, batch), dumpStore(t, one))
		})
	}
}

// TestPutDocumentsFailureInBatch fails the third document of a batch: the
// first two are stored whole, the third and those after it not at all.
func TestPutDocumentsFailureInBatch(t *testing.T) {
	docs := batchDocs()
	tests := []struct {
		name  string
		setup func(s *Store, docs []graph.Extraction)
	}{
		{"event id clash", func(s *Store, docs []graph.Extraction) {
			// The third document reuses an event ID of a stored one.
			other := testDoc("other", "Elsewhere.")
			mustPut(t, s, other, false, graph.Added)
			docs[3].Events[0].ID = other.Events[0].ID
		}},
		{"write error", func(s *Store, docs []graph.Extraction) {
			calls := 0
			s.failPoint = func(step string) error {
				if step == "document" {
					calls++
					if calls == 3 {
						return errors.New("injected")
					}
				}
				return nil
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// docs[2] repeats docs[0]; the third document written is docs[3].
			xs := append([]graph.Extraction(nil), docs...)
			for i := range xs {
				xs[i].Events = append([]graph.Event(nil), xs[i].Events...)
			}
			s, ref := openMem(t), openMem(t)
			tt.setup(s, xs)
			if tt.name == "event id clash" {
				mustPut(t, ref, testDoc("other", "Elsewhere."), false, graph.Added)
			}
			for _, x := range xs[:3] {
				if _, err := ref.PutDocument(x, false); err != nil {
					t.Fatal(err)
				}
			}
			got, err := s.PutDocuments(xs, false)
			s.failPoint = nil
			if err == nil || !strings.Contains(err.Error(), "put document c:") {
				t.Fatalf("error = %v, want one naming document c", err)
			}
			if want := []graph.PutStatus{graph.Added, graph.Added, graph.Unchanged}; !reflect.DeepEqual(got, want) {
				t.Errorf("statuses = %v, want %v", got, want)
			}
			diffDumps(t, dumpStore(t, s), dumpStore(t, ref))
		})
	}
}

// TestPutDocumentsSplitsBatch writes a batch far larger than one Badger
// transaction admits: it is cut into several, with the same result as one
// document per transaction, and a single document too large still fails
// alone with ErrTooBig.
func TestPutDocumentsSplitsBatch(t *testing.T) {
	open := func(t *testing.T) *Store {
		s, err := Open(DefaultOptions(filepath.Join(t.TempDir(), "db")).WithMemTableSize(2 << 20))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	var docs []graph.Extraction
	for i := range 12 {
		docs = append(docs, benchDoc(uint64(i+10), 150, 12))
	}
	s, ref := open(t), open(t)
	for _, x := range docs {
		mustPut(t, ref, x, false, graph.Added)
	}
	got, err := s.PutDocuments(docs, false)
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range got {
		if st != graph.Added {
			t.Errorf("status %d = %v, want new", i, st)
		}
	}
	if len(got) != len(docs) {
		t.Errorf("%d statuses for %d documents", len(got), len(docs))
	}
	diffDumps(t, dumpStore(t, s), dumpStore(t, ref))

	small, big, after := benchDoc(100, 5, 3), benchDoc(101, 3000, 3000), benchDoc(102, 5, 3)
	got, err = s.PutDocuments([]graph.Extraction{small, big, after}, false)
	if !errors.Is(err, ErrTooBig) || !strings.Contains(err.Error(), big.Doc.Name) {
		t.Fatalf("error = %v, want ErrTooBig naming %s", err, big.Doc.Name)
	}
	if want := []graph.PutStatus{graph.Added}; !reflect.DeepEqual(got, want) {
		t.Errorf("statuses = %v, want %v", got, want)
	}
	for _, x := range []graph.Extraction{big, after} {
		if ok, err := s.HasDocument(x.Doc.ID); err != nil || ok {
			t.Errorf("HasDocument(%s) = %v, %v; want false", x.Doc.Name, ok, err)
		}
	}
}

// TestCacheAfterFailure checks that a failed batch leaves no trace in the
// writer's caches: an actor it brought is still unknown after, and its
// adjacency counts were not kept.
func TestCacheAfterFailure(t *testing.T) {
	s := openMem(t)
	x := testDoc("x", "One.")
	x.Actors = append(x.Actors, graph.Actor{ID: "ghost", Name: "Ghost", Type: graph.Person})
	x.Events[0].Target = "ghost"
	s.failPoint = func(step string) error {
		if step == "stats" {
			return errors.New("injected")
		}
		return nil
	}
	if _, err := s.PutDocuments([]graph.Extraction{x}, false); err == nil {
		t.Fatal("no error from the injected failure")
	}
	s.failPoint = nil
	// An event naming the actor without bringing it must now fail.
	y := testDoc("y", "Two.")
	y.Events[0].Target = "ghost"
	if _, err := s.PutDocument(y, false); err == nil || !strings.Contains(err.Error(), `actor "ghost"`) {
		t.Errorf("error = %v, want the unknown actor ghost", err)
	}
	if _, err := s.Actor("ghost"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Actor(ghost) error = %v, want ErrNotFound", err)
	}
	// The failed batch's adjacency counts were not kept either: storing the
	// document now gives what a store that never saw the failure holds.
	mustPut(t, s, x, false, graph.Added)
	mustPut(t, s, x, true, graph.Replaced)
	ref := openMem(t)
	mustPut(t, ref, x, false, graph.Added)
	mustPut(t, ref, x, true, graph.Replaced)
	diffDumps(t, dumpStore(t, s), dumpStore(t, ref))
}
