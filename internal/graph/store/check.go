package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/kg-project/kg/internal/graph"
)

// CheckReport is what Check verified and what it found wrong.
type CheckReport struct {
	Documents, Actors, Events, Edges int
	// Problems are one line each, at most maxProblems of them.
	Problems []string
	// More counts the problems past maxProblems.
	More int
	// Unreadable says some table block failed its checksum: nothing was
	// checked past it, and nothing can be rebuilt from it.
	Unreadable bool
}

// OK reports whether Check found nothing wrong.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }

const maxProblems = 50

func (r *CheckReport) problem(format string, a ...any) { addLine(&r.Problems, &r.More, format, a...) }

// addLine appends a line to lines, at most maxProblems of them, and counts
// the others in more.
func addLine(lines *[]string, more *int, format string, a ...any) {
	if len(*lines) < maxProblems {
		*lines = append(*lines, fmt.Sprintf(format, a...))
	} else {
		*more++
	}
}

// Check verifies the whole store without changing it: the checksum of
// every table block (Badger's own verification), then kg's invariants:
// every document's events exist and name it, every event's actors exist,
// the graph index (or a store of format 1 or 2's adjacency counts) holds
// what the events say, and the totals kept in
// the store match what is there. It stops early, with ctx's error, when
// ctx is done. An error is returned only when the check itself could not
// run; what is wrong with the store is in the report.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	var r CheckReport
	if err := verifyChecksums(s.db); err != nil {
		r.problem("table checksums: %v", err)
		r.Unreadable = true
		return r, nil // the tables do not read back: nothing else can be trusted
	}
	err := s.db.View(func(txn *badger.Txn) error {
		c, err := readCounters(txn)
		if err != nil {
			r.problem("store totals: %v", err)
			c = counters{-1, -1, -1, -1, -1}
		}
		actors := map[string]bool{}
		var a graph.Actor
		if err := scan(txn, []byte(prefixActor), func(id, v []byte) error {
			actors[string(id)] = true
			if err := decodeActor(v, &a); err != nil {
				r.problem("actor %s does not decode: %v", id, err)
			}
			return ctx.Err()
		}); err != nil {
			return err
		}
		docs := map[string]bool{}
		var d graph.Document
		if err := scan(txn, []byte(prefixDoc), func(id, v []byte) error {
			docs[string(id)] = true
			if err := json.Unmarshal(v, &d); err != nil {
				r.problem("document %s does not decode: %v", graph.ShortID(string(id)), err)
			}
			return ctx.Err()
		}); err != nil {
			return err
		}
		pairs := map[actorPair]uint64{}
		ofDoc := map[string]int{}
		var e graph.Event
		if err := scan(txn, []byte(prefixEvent), func(id, v []byte) error {
			r.Events++
			if err := decodeEvent(v, &e); err != nil {
				r.problem("event %s: %v", id, err)
				return ctx.Err()
			}
			for _, a := range [2]string{e.Source, e.Target} {
				if !actors[a] {
					r.problem("event %s names actor %q, which is not stored", id, a)
				}
			}
			if !docs[e.DocID] {
				r.problem("event %s belongs to document %s, which is not stored", id, graph.ShortID(e.DocID))
			}
			ofDoc[e.DocID]++
			pairs[actorPair{e.Source, e.Target}]++
			return ctx.Err()
		}); err != nil {
			return err
		}
		for d := range docs {
			ids, err := getDocEvents(txn, d)
			if err != nil && !errors.Is(err, ErrNotFound) {
				r.problem("document %s: event list: %v", graph.ShortID(d), err)
				continue
			}
			if len(ids) != ofDoc[d] {
				r.problem("document %s lists %d events, %d events name it", graph.ShortID(d), len(ids), ofDoc[d])
			}
			if s.blocks() {
				if msg := checkBlock(txn, d, ids); msg != "" {
					r.problem("document %s: %s", graph.ShortID(d), msg)
				}
			}
			for _, id := range ids {
				var ev graph.Event
				if err := getEvent(txn, id, &ev); err != nil {
					r.problem("document %s lists event %s: %v", graph.ShortID(d), id, err)
				}
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if s.HasGraphIndex() {
			checkIndexEdges(s, txn, pairs, &r)
		} else if err := scan(txn, []byte(prefixOut), func(k, v []byte) error {
			r.Edges++
			parts := splitKey(append([]byte(prefixOut), k...), prefixOut)
			n, err := decodeUint64(v)
			switch {
			case len(parts) != 2 || err != nil:
				r.problem("adjacency key %q: malformed", k)
			case pairs[actorPair{parts[0], parts[1]}] != n:
				r.problem("adjacency %s→%s counts %d events, %d are stored", parts[0], parts[1], n, pairs[actorPair{parts[0], parts[1]}])
			}
			delete(pairs, actorPair{parts[0], parts[1]})
			return ctx.Err()
		}); err != nil {
			return err
		}
		for p, n := range pairs {
			r.problem("adjacency %s→%s is missing (%d events)", p.src, p.dst, n)
		}
		if s.HasGraphIndex() {
			if err := checkGraphIndex(ctx, txn, &r); err != nil {
				return err
			}
		}
		r.Documents, r.Actors = len(docs), len(actors)
		for _, t := range []struct {
			what string
			have int
			kept int64
		}{{"documents", r.Documents, c.Documents}, {"actors", r.Actors, c.Actors}, {"events", r.Events, c.Events}, {"edges", r.Edges, c.Edges}} {
			if c.Documents >= 0 && int64(t.have) != t.kept {
				r.problem("%d %s stored, the store's total says %d", t.have, t.what, t.kept)
			}
		}
		return nil
	})
	if err != nil {
		return r, fmt.Errorf("check store: %w", err)
	}
	return r, nil
}

// verifyChecksums is Badger's check of every table block. Badger 4.9
// dereferences a nil block when it meets a damaged one, while building the
// error that would name it; that panic is the report of a damaged table.
func verifyChecksums(db *badger.DB) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("a table block fails its checksum")
		}
	}()
	return db.VerifyChecksum()
}

// checkBlock says what is wrong with document docID's block, given the
// IDs of its events in its event list; "" when the block holds them.
func checkBlock(txn *badger.Txn, docID string, ids []string) string {
	b, err := getValue(txn, key(prefixBlock, docID))
	if err != nil {
		return fmt.Sprintf("its block of events: %v", err)
	}
	var got []string
	if err := walkBlock(b, nil, nil, func(e *graph.Event, _ byte, _, _ int32) { got = append(got, e.ID) }); err != nil {
		return fmt.Sprintf("its block of events does not decode: %v", err)
	}
	if !slices.Equal(got, ids) {
		return fmt.Sprintf("its block holds %d events, not the %d of its event list", len(got), len(ids))
	}
	return ""
}

// checkIndexEdges holds the stored events per ordered pair that the graph
// index rows give to those of the events (pairs), and finds adjacency
// keys of format 2 that a store of the graph index should not hold.
func checkIndexEdges(s *Store, txn *badger.Txn, pairs map[actorPair]uint64, r *CheckReport) {
	err := s.indexEdges(func(src, dst string, n int) error {
		r.Edges++
		p := actorPair{src, dst}
		if want := pairs[p]; want != uint64(n) {
			r.problem("graph index: %s→%s counts %d stored events, %d are stored%s", src, dst, n, want, graphIndexMend)
		}
		delete(pairs, p)
		return nil
	})
	if err != nil {
		r.problem("graph index: %v%s", err, graphIndexMend)
	}
	for p, n := range pairs {
		r.problem("graph index: %s→%s is missing (%d events)%s", p.src, p.dst, n, graphIndexMend)
		delete(pairs, p)
	}
	for _, pre := range []string{prefixOut, prefixIn} {
		if ks, err := keysWithPrefix(txn, []byte(pre)); err == nil && len(ks) > 0 {
			r.problem("%d adjacency keys of format 2 (%s) in a store of the graph index (kg check --repair removes them)", len(ks), pre)
		}
	}
}
