package store

import (
	"context"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/kg-project/kg/internal/graph"
)

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		name   string
		damage func(txn *badger.Txn) error
		want   string // in a problem; "" for a clean store
	}{
		{"clean", nil, ""},
		{"an event gone", func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefixEvent)})
			defer it.Close()
			it.Rewind()
			return txn.Delete(it.Item().KeyCopy(nil))
		}, "events name it"},
		{"an actor gone", func(txn *badger.Txn) error { return txn.Delete(key(prefixActor, "russia")) }, `names actor "russia", which is not stored`},
		{"totals wrong", func(txn *badger.Txn) error {
			return txn.Set(keyStats, encodeCounters(counters{Documents: 9, Sentences: 1, Actors: 3, Events: 4, Edges: 3}))
		}, "2 documents stored, the store's total says 9"},
		{"a graph index count wrong", func(txn *badger.Txn) error { return bumpRow(txn, "pakistan") },
			"graph index: pakistan→russia counts 3 stored events, 2 are stored"},
		{"an adjacency key of format 2", func(txn *badger.Txn) error {
			return txn.Set(key(prefixOut, "pakistan", "russia"), encodeUint64(2))
		}, "1 adjacency keys of format 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openMem(t)
			mustPut(t, s, testDoc("a", "Pakistan met Russia.", "Russia praised Pakistan.", "Pakistan asked the UN."), false, graph.Added)
			mustPut(t, s, testDoc("b", "Pakistan fought Russia."), false, graph.Added)
			if c.damage != nil {
				if err := s.db.Update(c.damage); err != nil {
					t.Fatal(err)
				}
			}
			r, err := s.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if c.want == "" {
				if !r.OK() || r.Documents != 2 || r.Events == 0 {
					t.Errorf("clean store: %+v", r)
				}
				return
			}
			if !strings.Contains(strings.Join(r.Problems, "\n"), c.want) {
				t.Errorf("problems %q, want one with %q", r.Problems, c.want)
			}
		})
	}
}
