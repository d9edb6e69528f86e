package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/kg-project/kg/internal/graph"
)

func firstKey(txn *badger.Txn, prefix string) []byte {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix)})
	defer it.Close()
	it.Rewind()
	return it.Item().KeyCopy(nil)
}

// docID is the ID of the document named name.
func docID(txn *badger.Txn, name string) string {
	k := firstKey(txn, string(key(prefixDocName, name, "")))
	return splitKey(k, prefixDocName)[1]
}

// TestRepair damages kg's invariants one way at a time, as a bug or a
// partial write could, and checks that Repair restores them: Check finds
// nothing afterwards, what Repair did is reported, and only the events
// that cannot be kept are gone.
func TestRepair(t *testing.T) {
	for _, c := range []struct {
		name       string
		damage     func(txn *badger.Txn) error
		change     string // in a reported change
		lostEvents int
	}{
		{"an event gone", func(txn *badger.Txn) error { return txn.Delete(firstKey(txn, prefixEvent)) }, "listed 3 events, 2 are stored", 1},
		{"an actor gone", func(txn *badger.Txn) error { return txn.Delete(key(prefixActor, "russia")) },
			"actor russia, named by events, was missing", 0},
		{"an actor that does not decode", func(txn *badger.Txn) error { return txn.Set(key(prefixActor, "russia"), []byte("{")) },
			"actor russia did not decode", 0},
		{"totals wrong", func(txn *badger.Txn) error {
			return txn.Set(keyStats, encodeCounters(counters{Documents: 9, Sentences: 1, Actors: 3, Events: 4, Edges: 3}))
		}, "store totals rewritten: 2 documents, 4 sentences", 0},
		{"a graph index count wrong", func(txn *badger.Txn) error { return bumpRow(txn, "pakistan") },
			"graph index rebuilt (graph index row of pakistan does not add up to its events)", 0},
		{"a graph index row gone", func(txn *badger.Txn) error { return txn.Delete(key(prefixGraphRow, "russia")) },
			"graph index rebuilt", 0},
		{"an event's digest gone", func(txn *badger.Txn) error { return txn.Delete(firstKey(txn, prefixGraphPair)) },
			"graph index rebuilt", 0},
		{"adjacency keys of format 2", func(txn *badger.Txn) error {
			if err := txn.Set(key(prefixOut, "russia", "un"), encodeUint64(3)); err != nil {
				return err
			}
			return txn.Set(key(prefixIn, "un", "russia"), encodeUint64(3))
		}, "removed 2 adjacency keys of format 2", 0},
		{"a document gone", func(txn *badger.Txn) error { return txn.Delete(key(prefixDoc, docID(txn, "b"))) },
			"its document", 1},
		{"a document that does not decode", func(txn *badger.Txn) error { return txn.Set(key(prefixDoc, docID(txn, "b")), []byte("[")) },
			"its record does not decode", 1},
		{"a block gone", func(txn *badger.Txn) error { return txn.Delete(key(prefixBlock, docID(txn, "a"))) },
			"block of events rebuilt", 0},
		{"a block that does not decode", func(txn *badger.Txn) error {
			return txn.Set(key(prefixBlock, docID(txn, "b")), []byte{blockCodec, 0, 9})
		},
			"block of events rebuilt", 0},
		{"an event that does not decode", func(txn *badger.Txn) error { return txn.Set(firstKey(txn, prefixEvent), []byte{0xff}) },
			"does not decode", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openMem(t)
			mustPut(t, s, testDoc("a", "Pakistan met Russia.", "Russia praised Pakistan.", "Pakistan asked the UN."), false, graph.Added)
			mustPut(t, s, testDoc("b", "Pakistan fought Russia."), false, graph.Added)
			before, err := s.Stats()
			if err != nil {
				t.Fatal(err)
			}
			if err := s.db.Update(c.damage); err != nil {
				t.Fatal(err)
			}
			if r, err := s.Check(context.Background()); err != nil || r.OK() {
				t.Fatalf("the damage went unseen: %+v, %v", r, err)
			}
			rep, err := s.Repair(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(rep.Changes, "\n"), c.change) {
				t.Errorf("changes %q, want one with %q", rep.Changes, c.change)
			}
			r, err := s.Check(context.Background())
			if err != nil || !r.OK() {
				t.Fatalf("after repair: %+v, %v", r, err)
			}
			if r.Events != before.Events-c.lostEvents {
				t.Errorf("%d events after repair, want %d", r.Events, before.Events-c.lostEvents)
			}
			// A second repair finds nothing to do.
			if again, err := s.Repair(context.Background()); err != nil || len(again.Changes) > 0 {
				t.Errorf("second repair: %q, %v", again.Changes, err)
			}
			// The store takes writes again: replacing a document adjusts
			// the rebuilt counts.
			mustPut(t, s, testDoc("c", "Russia met Pakistan."), false, graph.Added)
			if r, err := s.Check(context.Background()); err != nil || !r.OK() {
				t.Fatalf("after a write: %+v, %v", r, err)
			}
		})
	}
}

func TestRepairRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(DefaultOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, testDoc("a", "Pakistan met Russia."), false, graph.Added)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(DefaultOptions(dir).WithReadOnly(true))
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Repair(context.Background()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only repair: %v, want ErrReadOnly", err)
	}
}

// bumpRow adds one stored event to the first edge of actor id's
// graph-index row, as a bug or a partial write could.
func bumpRow(txn *badger.Txn, id string) error {
	b, err := getValue(txn, key(prefixGraphRow, id))
	if err != nil {
		return err
	}
	var r graph.IndexRow
	if err := decodeRow(id, b, &r, nil); err != nil {
		return err
	}
	r.Out[0].Stored++
	return txn.Set(key(prefixGraphRow, id), encodeRow(&r))
}
