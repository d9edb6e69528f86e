package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/kg-project/kg/internal/graph"
)

// RepairReport says what Repair changed, one line per change (at most
// maxProblems, then a count).
type RepairReport struct {
	Changes []string
	More    int
	// Documents and Events are what the store holds after the repair.
	Documents, Events int
}

func (r *RepairReport) change(format string, a ...any) { addLine(&r.Changes, &r.More, format, a...) }

// Repair rebuilds what kg derives from a store's records so that Check
// finds its invariants again. Documents, events and actors are the
// records; the rest is rebuilt from them:
//   - an event that does not decode, or whose document is not stored, is
//     removed; an actor an event names but the store lacks is stored again
//     under its ID, so no event is lost for want of it;
//   - a document that does not decode is removed with its events (load it
//     again);
//   - each document's event list, the alias index of the actors stored
//     again, the unknown-actor totals and the store's totals are written
//     anew, and the graph index when it does not hold what the events
//     say (a store opened for writing is of the current format, so the
//     adjacency keys of format 2 it still holds are removed).
//
// It refuses a store whose table blocks fail their checksums: what they
// held cannot be read, so nothing can be rebuilt from it (restore a
// backup). The writes are not one transaction, as a large store's would
// not fit one; a repair cut short leaves a store that Repair finishes.
func (s *Store) Repair(ctx context.Context) (RepairReport, error) {
	var r RepairReport
	if s.opts.ReadOnly {
		return r, fmt.Errorf("repair store: %w", ErrReadOnly)
	}
	if err := verifyChecksums(s.db); err != nil {
		return r, &storeError{msg: fmt.Sprintf("store %s: %v; nothing can be rebuilt from blocks that do not read: restore a backup (kg restore)", s.name(), err), sentinel: ErrDamaged}
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	// The writer's caches may hold what the repair changes.
	s.actors, s.rows = nil, nil

	plan := repairPlan{blocks: s.blocks()}
	if err := s.db.View(func(txn *badger.Txn) error { return plan.read(ctx, txn, &r) }); err != nil {
		return r, fmt.Errorf("repair store %s: %w", s.name(), err)
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	if err := plan.write(wb); err != nil {
		return r, fmt.Errorf("repair store %s: %w", s.name(), err)
	}
	if err := wb.Flush(); err != nil {
		return r, fmt.Errorf("repair store %s: %w", s.name(), err)
	}
	// The graph index is derived from the events alone: when it does not
	// hold what the repair kept, it is written again from them.
	if s.HasGraphIndex() {
		idx := CheckReport{Events: plan.events}
		if err := s.db.View(func(txn *badger.Txn) error { return checkGraphIndex(ctx, txn, &idx) }); err != nil {
			return r, fmt.Errorf("repair store %s: %w", s.name(), err)
		}
		if !idx.OK() {
			if err := s.rebuildGraphIndex(ctx); err != nil {
				return r, fmt.Errorf("repair store %s: %w", s.name(), err)
			}
			r.change("graph index rebuilt (%s)", strings.TrimSuffix(idx.Problems[0], graphIndexMend))
		}
	}
	r.Documents, r.Events = len(plan.docs), plan.events
	return r, nil
}

// repairPlan is what a repair read and the keys it will write or delete.
type repairPlan struct {
	blocks  bool // the store keeps document blocks
	docs    map[string]graph.Document
	events  int
	sets    []kv
	deletes [][]byte
}

type kv struct{ k, v []byte }

func (p *repairPlan) set(k, v []byte) { p.sets = append(p.sets, kv{k, v}) }
func (p *repairPlan) del(k []byte)    { p.deletes = append(p.deletes, k) }

func (p *repairPlan) read(ctx context.Context, txn *badger.Txn, r *RepairReport) error {
	p.docs = map[string]graph.Document{}
	badDocs := map[string]bool{}
	if err := scan(txn, []byte(prefixDoc), func(id, v []byte) error {
		var d graph.Document
		if err := json.Unmarshal(v, &d); err != nil {
			badDocs[string(id)] = true
			return ctx.Err()
		}
		p.docs[string(id)] = d
		return ctx.Err()
	}); err != nil {
		return err
	}
	actors := map[string]bool{}
	if err := scan(txn, []byte(prefixActor), func(id, v []byte) error {
		var a graph.Actor
		actors[string(id)] = decodeActor(v, &a) == nil
		return ctx.Err()
	}); err != nil {
		return err
	}

	pairs := map[actorPair]uint64{}
	ofDoc := map[string][]string{}
	restored := map[string]bool{}
	var e graph.Event
	if err := scan(txn, []byte(prefixEvent), func(rest, v []byte) error {
		id := string(rest)
		if err := decodeEvent(v, &e); err != nil {
			r.change("removed event %s: it does not decode (%v)", id, err)
			p.del(key(prefixEvent, id))
			return ctx.Err()
		}
		if _, ok := p.docs[e.DocID]; !ok {
			why := "is not stored"
			if badDocs[e.DocID] {
				why = "does not decode"
			}
			r.change("removed event %s: its document %s %s", id, graph.ShortID(e.DocID), why)
			p.del(key(prefixEvent, id))
			return ctx.Err()
		}
		for _, a := range [2]string{e.Source, e.Target} {
			if _, stored := actors[a]; !stored {
				restored[a] = true
			}
		}
		ofDoc[e.DocID] = append(ofDoc[e.DocID], id)
		pairs[actorPair{e.Source, e.Target}]++
		p.events++
		return ctx.Err()
	}); err != nil {
		return err
	}
	for id, decodes := range actors {
		if !decodes {
			restored[id] = true
		}
	}
	for _, id := range slices.Sorted(maps.Keys(restored)) {
		a := graph.Actor{ID: id, Name: id}
		if _, stored := actors[id]; stored {
			r.change("actor %s did not decode: stored again under its ID", id)
		} else {
			r.change("actor %s, named by events, was missing: stored again under its ID", id)
		}
		p.set(key(prefixActor, id), encodeActor(&a))
		for _, k := range aliasKeys(a) {
			p.set(key(prefixAlias, k, id), nil)
		}
		actors[id] = true
	}
	for id := range badDocs {
		r.change("removed document %s: its record does not decode; load it again", graph.ShortID(id))
		for _, pre := range []string{prefixDoc, prefixText, prefixRaw, prefixDocEvents, prefixBlock, prefixDocUnknown} {
			p.del(key(pre, id))
		}
		if err := p.delPrefix(txn, key(prefixMerge, id, "")); err != nil {
			return err
		}
	}
	if err := p.docEvents(txn, ofDoc, r); err != nil {
		return err
	}
	if err := p.oldAdjacency(txn, r); err != nil {
		return err
	}
	if err := p.unknownTotals(txn, r); err != nil {
		return err
	}
	if err := p.totals(txn, len(actors), len(pairs), r); err != nil {
		return err
	}
	if len(p.sets)+len(p.deletes) > 0 {
		// Readers that cache by version must see a new one.
		v, err := getUint64(txn, keyVersion)
		if err != nil && !errors.Is(err, ErrNotFound) {
			v = 0
		}
		p.set(keyVersion, encodeUint64(v+1))
	}
	return nil
}

func (p *repairPlan) delPrefix(txn *badger.Txn, prefix []byte) error {
	ks, err := keysWithPrefix(txn, prefix)
	if err != nil {
		return err
	}
	for _, k := range ks {
		p.del(k)
	}
	return nil
}

// docEvents rewrites each document's event list that differs from the
// events naming it.
func (p *repairPlan) docEvents(txn *badger.Txn, ofDoc map[string][]string, r *RepairReport) error {
	for id := range p.docs {
		want := ofDoc[id]
		sort.Strings(want)
		have, err := getDocEvents(txn, id)
		if err != nil && !errors.Is(err, ErrNotFound) {
			have = nil
		}
		if slices.Equal(have, want) && (err == nil || len(want) == 0) {
			continue
		}
		if len(have) > len(want) {
			r.change("document %s listed %d events, %d are stored: load it again (kg load --force) to find the others", graph.ShortID(id), len(have), len(want))
		} else {
			r.change("document %s: event list rebuilt (%d events)", graph.ShortID(id), len(want))
		}
		p.set(key(prefixDocEvents, id), encodeStrings(want))
	}
	if !p.blocks {
		return nil
	}
	// Blocks that do not hold exactly the stored events are written again
	// from the events.
	for id, d := range p.docs {
		want := ofDoc[id]
		if checkBlock(txn, id, want) == "" {
			continue
		}
		events := make([]graph.Event, len(want))
		for i, eid := range want {
			if err := getEvent(txn, eid, &events[i]); err != nil {
				return fmt.Errorf("event %s: %w", eid, err)
			}
		}
		text, err := getValue(txn, key(prefixText, id))
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		r.change("document %s (%s): block of events rebuilt", graph.ShortID(id), d.Name)
		p.set(key(prefixBlock, id), encodeBlock(events, string(text)))
	}
	return nil
}

// oldAdjacency removes the adjacency keys of format 2 from a store that
// keeps the graph index instead.
func (p *repairPlan) oldAdjacency(txn *badger.Txn, r *RepairReport) error {
	n := 0
	for _, pre := range []string{prefixOut, prefixIn} {
		ks, err := keysWithPrefix(txn, []byte(pre))
		if err != nil {
			return err
		}
		for _, k := range ks {
			p.del(k)
		}
		n += len(ks)
	}
	if n > 0 {
		r.change("removed %d adjacency keys of format 2, which the graph index replaces", n)
	}
	return nil
}

// unknownTotals rewrites the unknown-actor totals as the sums of the
// stored documents' shares.
func (p *repairPlan) unknownTotals(txn *badger.Txn, r *RepairReport) error {
	want := map[string]uint64{}
	for id := range p.docs {
		var unk []graph.Unknown
		if err := getJSON(txn, key(prefixDocUnknown, id), &unk); err != nil {
			if !errors.Is(err, ErrNotFound) {
				p.del(key(prefixDocUnknown, id))
				r.change("document %s: its unknown actors did not decode and are dropped", graph.ShortID(id))
			}
			continue
		}
		for _, u := range unk {
			want[u.Name] += uint64(u.Count)
		}
	}
	fixed := 0
	seen := map[string]bool{}
	if err := scan(txn, []byte(prefixUnknown), func(k, v []byte) error {
		name := string(k)
		seen[name] = true
		n, err := decodeUint64(v)
		if w := want[name]; err != nil || n != w {
			fixed++
			if w == 0 {
				p.del(key(prefixUnknown, name))
			} else {
				p.set(key(prefixUnknown, name), encodeUint64(w))
			}
		}
		return nil
	}); err != nil {
		return err
	}
	for name, n := range want {
		if !seen[name] {
			fixed++
			p.set(key(prefixUnknown, name), encodeUint64(n))
		}
	}
	if fixed > 0 {
		r.change("unknown-actor totals rebuilt: %d corrected", fixed)
	}
	return nil
}

// totals rewrites the store's totals when they differ from what it holds.
func (p *repairPlan) totals(txn *badger.Txn, actors, edges int, r *RepairReport) error {
	var c counters
	c.Documents, c.Actors, c.Events, c.Edges = int64(len(p.docs)), int64(actors), int64(p.events), int64(edges)
	for _, d := range p.docs {
		c.Sentences += int64(d.Sentences)
	}
	have, err := readCounters(txn)
	if err == nil && have == c {
		return nil
	}
	r.change("store totals rewritten: %d documents, %d sentences, %d actors, %d events, %d actor pairs",
		c.Documents, c.Sentences, c.Actors, c.Events, c.Edges)
	p.set(keyStats, encodeCounters(c))
	return nil
}

// write applies the plan: deletions first, so that a key both removed and
// rewritten ends up written.
func (p *repairPlan) write(wb *badger.WriteBatch) error {
	for _, k := range p.deletes {
		if err := wb.Delete(k); err != nil {
			return err
		}
	}
	for _, e := range p.sets {
		if err := wb.Set(e.k, e.v); err != nil {
			return err
		}
	}
	return nil
}
