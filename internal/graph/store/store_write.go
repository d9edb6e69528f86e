package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/kg-project/kg/internal/graph"
)

// PutDocument stores one extraction in a single transaction: the document,
// its events, the actors they involve, its merges and its unknown-actor
// counts are all written, or none are.
//
// A document whose ID is already stored is left alone (graph.Unchanged) unless
// force is set, in which case its old events, merges and unknown counts are
// removed and the new ones written in the same transaction (graph.Replaced).
// Actors are upserted: aliases are united, first/last seen widened (also by
// the dates of the document's events), and a stored name, code, type or
// country is kept unless it is empty. Actors are never deleted.
//
// Every event must name actors present in x.Actors or already stored, carry
// the document's ID (or none; it is filled in) and have offsets inside the
// document's text. A document too large for one Badger transaction fails
// with ErrTooBig rather than being split.
func (s *Store) PutDocument(x graph.Extraction, force bool) (graph.PutStatus, error) {
	if s.opts.ReadOnly {
		return 0, fmt.Errorf("put document %s: %w", x.Doc.Name, ErrReadOnly)
	}
	x, err := Normalize(x)
	if err != nil {
		return 0, fmt.Errorf("put document %s: %w", x.Doc.Label(), err)
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	st, err := s.putLocked([]graph.Extraction{x}, force)
	if err != nil {
		return 0, err
	}
	return st[0], nil
}

// PutDocuments stores each extraction as PutDocument does and returns their
// statuses in order. It stops at the first document that fails: those
// before it are stored and their statuses returned with the error; nothing
// of the failed document or of those after it is stored.
//
// Several documents share one Badger transaction, which commits or fails
// as a whole, so each document is still all or nothing; the store's
// counters, graph-index rows and unknown-actor keys are then read and written once
// per transaction rather than once per document. A failure in one document
// discards the transaction and the documents before it are committed again
// without it; a transaction that outgrows Badger's limit is cut before the
// document that overflowed it.
func (s *Store) PutDocuments(xs []graph.Extraction, force bool) ([]graph.PutStatus, error) {
	if s.opts.ReadOnly {
		return nil, fmt.Errorf("put documents: %w", ErrReadOnly)
	}
	nxs := make([]graph.Extraction, 0, len(xs))
	var normErr error
	for _, x := range xs {
		nx, err := Normalize(x)
		if err != nil {
			normErr = fmt.Errorf("put document %s: %w", x.Doc.Label(), err)
			break
		}
		nxs = append(nxs, nx)
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	out, err := s.putLocked(nxs, force)
	if err != nil {
		return out, err
	}
	return out, normErr
}

// releaseEvery is how often a long read lets go of the store's mapped
// pages: a pass over the process's mappings takes well under a
// millisecond. (A writable store lets go more often, in the background:
// see startReleaser.)
const releaseEvery = 100 * time.Millisecond

// letGo lets go of the store's mapped pages (releaseMapped) when it has
// not done so for releaseEvery. Safe for concurrent use: a page let go
// while another goroutine reads it is mapped again on that read.
func (s *Store) letGo() {
	if s.opts.InMemory {
		return
	}
	now := time.Now().UnixNano()
	last := s.released.Load()
	if now-last < int64(releaseEvery) || !s.released.CompareAndSwap(last, now) {
		return
	}
	releaseMapped(s.opts.Dir)
}

// putLocked writes normalised extractions, as many per transaction as
// fit; s.wmu must be held.
func (s *Store) putLocked(xs []graph.Extraction, force bool) ([]graph.PutStatus, error) {
	if !s.opts.InMemory {
		// A batch takes about its documents' size, text and events, once
		// in the log and once in a table.
		var need int64
		for _, x := range xs {
			need += 2 * int64(len(x.Doc.Text)+len(x.Doc.Raw)+200*len(x.Events))
		}
		if err := s.opts.checkSpace(need); err != nil {
			return nil, err
		}
	}
	out := make([]graph.PutStatus, 0, len(xs))
	for len(xs) > 0 {
		st, at, err := s.tryBatch(xs, force)
		if err == nil {
			return append(out, st...), nil
		}
		if at < 0 {
			if errors.Is(err, badger.ErrTxnTooBig) {
				at = len(xs) - 1
			} else if len(xs) > 1 {
				// A failure that no document can be blamed for (the
				// batch's shared keys, or the commit): go one document
				// per transaction so that the error names one.
				for i := range xs {
					st, err := s.putLocked(xs[i:i+1], force)
					out = append(out, st...)
					if err != nil {
						return out, err
					}
				}
				return out, nil
			} else {
				at = 0
			}
		}
		if at > 0 {
			// The documents before the one that failed were fine: store
			// them without it.
			st, err := s.putLocked(xs[:at], force)
			out = append(out, st...)
			if err != nil {
				return out, err
			}
		}
		if errors.Is(err, badger.ErrTxnTooBig) && at > 0 {
			xs = xs[at:]
			continue
		}
		return out, docError(xs[at], err)
	}
	return out, nil
}

func docError(x graph.Extraction, err error) error {
	if errors.Is(err, badger.ErrTxnTooBig) {
		return &storeError{
			msg: fmt.Sprintf("put document %s: %d events among %d actors are too many for one transaction; split it into several documents (an import file can name them in a doc column) or give the write more memory (--memory: its transactions grow with it)",
				x.Doc.Label(), len(x.Events), len(x.Actors)),
			sentinel: ErrTooBig, cause: err,
		}
	}
	return fmt.Errorf("put document %s: %w", x.Doc.Label(), err)
}

// tryBatch writes xs in one transaction. On failure it returns the index of
// the document whose writes failed, or -1 when the failure came after all
// of them (shared keys or commit).
func (s *Store) tryBatch(xs []graph.Extraction, force bool) ([]graph.PutStatus, int, error) {
	txn := s.db.NewTransaction(true)
	defer txn.Discard()
	w, err := newBatchWriter(s, txn)
	if err != nil {
		return nil, 0, err
	}
	out := make([]graph.PutStatus, 0, len(xs))
	for i := range xs {
		st, err := w.put(&xs[i], force)
		if err != nil {
			return nil, i, err
		}
		out = append(out, st)
	}
	if err := w.finish(); err != nil {
		return nil, -1, err
	}
	if err := txn.Commit(); err != nil {
		// Whether any of it reached the store is unknown: forget the
		// caches rather than trust them.
		s.actors, s.rows = nil, nil
		return nil, -1, err
	}
	w.publish()
	return out, 0, nil
}

// HasDocument reports whether a document with the given ID is stored,
// without reading it.
func (s *Store) HasDocument(id string) (bool, error) {
	var found bool
	err := s.db.View(func(txn *badger.Txn) error {
		_, err := txn.Get(key(prefixDoc, id))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		found = err == nil
		return err
	})
	if err != nil {
		return false, fmt.Errorf("look up document %s: %w", id, err)
	}
	return found, nil
}

func checkKeyPart(what, s string) error {
	if s == "" {
		return fmt.Errorf("%s is empty", what)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("%s %q contains a NUL byte", what, s)
	}
	return nil
}

// Normalize validates x as PutDocument does, and returns a copy that the writer may
// modify: events carry the document ID and a modality, actors are merged by
// ID, unknown phrases are summed by name.
func Normalize(x graph.Extraction) (graph.Extraction, error) {
	if err := checkKeyPart("document id", x.Doc.ID); err != nil {
		return x, err
	}
	if strings.IndexByte(x.Doc.Name, 0) >= 0 {
		return x, fmt.Errorf("document name %q contains a NUL byte", x.Doc.Name)
	}
	if x.Doc.Sentences < 0 {
		return x, fmt.Errorf("negative sentence count %d", x.Doc.Sentences)
	}
	byID := make(map[string]int, len(x.Actors))
	actors := make([]graph.Actor, 0, len(x.Actors))
	for _, a := range x.Actors {
		if err := checkKeyPart("actor id", a.ID); err != nil {
			return x, err
		}
		if a.Type != "" {
			if _, err := graph.ParseActorType(string(a.Type)); err != nil {
				return x, fmt.Errorf("actor %s: %w", a.ID, err)
			}
		}
		a.Aliases = slices.Clone(a.Aliases)
		if i, ok := byID[a.ID]; ok {
			actors[i] = actors[i].Union(a)
			continue
		}
		byID[a.ID] = len(actors)
		actors = append(actors, normalizeActor(a))
	}
	x.Actors = actors

	events := make([]graph.Event, len(x.Events))
	copy(events, x.Events)
	for i := range events {
		e := &events[i]
		if err := checkKeyPart("event id", e.ID); err != nil {
			return x, err
		}
		if err := checkKeyPart("event "+e.ID+": source", e.Source); err != nil {
			return x, err
		}
		if err := checkKeyPart("event "+e.ID+": target", e.Target); err != nil {
			return x, err
		}
		if e.Reporter != "" {
			if err := checkKeyPart("event "+e.ID+": reporter", e.Reporter); err != nil {
				return x, err
			}
		}
		switch e.DocID {
		case "":
			e.DocID = x.Doc.ID
		case x.Doc.ID:
		default:
			return x, fmt.Errorf("event %s belongs to document %s", e.ID, e.DocID)
		}
		m, err := graph.ParseModality(string(e.Modality))
		if err != nil {
			return x, fmt.Errorf("event %s: %w", e.ID, err)
		}
		e.Modality = m
		if e.Start < 0 || e.End < e.Start || e.End > len(x.Doc.Text) {
			return x, fmt.Errorf("event %s: offsets %d:%d outside the document's %d bytes of text",
				e.ID, e.Start, e.End, len(x.Doc.Text))
		}
		if e.SentenceIndex < 0 {
			return x, fmt.Errorf("event %s: negative sentence index %d", e.ID, e.SentenceIndex)
		}
	}
	x.Events = events

	counts := make(map[string]int)
	for _, u := range x.Unknown {
		if err := checkKeyPart("unknown actor name", u.Name); err != nil {
			return x, err
		}
		if u.Count < 0 {
			return x, fmt.Errorf("unknown actor %q: negative count %d", u.Name, u.Count)
		}
		counts[u.Name] += u.Count
	}
	x.Unknown = make([]graph.Unknown, 0, len(counts))
	for n, c := range counts {
		x.Unknown = append(x.Unknown, graph.Unknown{Name: n, Count: c})
	}
	sort.Slice(x.Unknown, func(i, j int) bool { return x.Unknown[i].Name < x.Unknown[j].Name })
	x.Merges = slices.Clone(x.Merges)
	return x, nil
}

// normalizeActor sorts and de-duplicates the aliases, as Union does.
func normalizeActor(a graph.Actor) graph.Actor {
	return a.Union(graph.Actor{})
}

// aliasKeys lists the normalised names under which a is indexed.
func aliasKeys(a graph.Actor) []string {
	names := append([]string{a.ID, a.Name}, a.Aliases...)
	out := make([]string, 0, len(names))
	for _, n := range names {
		if k := graph.NormalizeName(n); k != "" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// actorPair is an ordered pair of actor IDs, the key of an edge's event count.
type actorPair struct{ src, dst string }

// actorSlot is an actor as a batch sees it: base is its committed state
// (nil when not stored), cur its state after the batch's documents so far.
type actorSlot struct {
	base *graph.Actor
	cur  graph.Actor
}

// batchWriter holds the state of one transaction of one or more documents.
// Keys that every document touches (counters, version, graph-index rows,
// unknown totals, actors) are accumulated in memory and written once by
// finish.
type batchWriter struct {
	s       *Store
	txn     *badger.Txn
	x       *graph.Extraction // the document being written
	c       counters
	version uint64
	// unknown is the change in count per unknown actor phrase.
	unknown map[string]int64
	actors  map[string]*actorSlot
	// graph keeps the graph index.
	graph *indexWriter
}

func newBatchWriter(s *Store, txn *badger.Txn) (*batchWriter, error) {
	w := &batchWriter{
		s: s, txn: txn,
		unknown: make(map[string]int64),
		actors:  make(map[string]*actorSlot),
	}
	var err error
	if w.c, err = readCounters(txn); err != nil {
		return nil, err
	}
	w.version, err = getUint64(txn, keyVersion)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	if s.actors == nil {
		s.actors = make(map[string]*graph.Actor)
	}
	if s.rows == nil {
		s.rows = make(map[string]*graph.IndexRow)
	}
	w.graph = newIndexWriter(s.db, txn, s.rows,
		func(k, v []byte) error { return w.set(k, v, "graph index") },
		func(k []byte) error { return w.del(k, "graph index") },
		func(id string) (graph.Actor, error) {
			sl, err := w.slot(id)
			if err == nil && sl == nil {
				err = ErrNotFound
			}
			if err != nil {
				return graph.Actor{}, err
			}
			return sl.cur, nil
		})
	return w, nil
}

func (w *batchWriter) fail(step string) error {
	if w.s.failPoint != nil {
		return w.s.failPoint(step)
	}
	return nil
}

func (w *batchWriter) set(k, v []byte, step string) error {
	if err := w.txn.Set(k, v); err != nil {
		if errors.Is(err, badger.ErrTxnTooBig) {
			return err
		}
		// Badger's size errors append a hex dump of the value: keep the
		// first line.
		msg, _, _ := strings.Cut(err.Error(), "\n")
		return fmt.Errorf("write %s (key of %d bytes, value of %d bytes): %s", step, len(k), len(v), msg)
	}
	return w.fail(step)
}

func (w *batchWriter) del(k []byte, step string) error {
	if err := w.txn.Delete(k); err != nil {
		return err
	}
	return w.fail(step)
}

// put writes one document's own keys and folds its share of the shared
// ones into the batch.
func (w *batchWriter) put(x *graph.Extraction, force bool) (graph.PutStatus, error) {
	w.x = x
	d := x.Doc
	dk := key(prefixDoc, d.ID)
	var old graph.Document
	exists := false
	if force {
		var err error
		old, err = getDocument(w.txn, d.ID)
		exists = err == nil
		if err != nil && !errors.Is(err, ErrNotFound) {
			return 0, err
		}
	} else {
		// Only the key is needed: decoding the document is wasted work.
		_, err := w.txn.Get(dk)
		if err == nil {
			return graph.Unchanged, nil
		}
		if !errors.Is(err, badger.ErrKeyNotFound) {
			return 0, err
		}
	}
	status := graph.Added
	if exists {
		status = graph.Replaced
		if err := w.remove(old); err != nil {
			return 0, fmt.Errorf("remove old version: %w", err)
		}
	}
	if err := w.writeDocument(); err != nil {
		return 0, err
	}
	if err := w.mergeActors(); err != nil {
		return 0, err
	}
	if err := w.writeEvents(); err != nil {
		return 0, err
	}
	if err := w.writeMerges(); err != nil {
		return 0, err
	}
	if err := w.writeUnknown(); err != nil {
		return 0, err
	}
	w.version++
	return status, nil
}

// finish writes the keys accumulated over the batch's documents.
func (w *batchWriter) finish() error {
	if err := w.writeActors(); err != nil {
		return err
	}
	// A row keeps its actor's record: it changes with a stored actor's.
	for id, sl := range w.actors {
		if sl.base != nil && !actorEqual(rowRecord(sl.base), rowRecord(&sl.cur)) {
			w.graph.touch(id)
		}
	}
	if err := w.graph.flush(); err != nil {
		return err
	}
	w.c.Edges += w.graph.edges
	if err := w.writeUnknownTotals(); err != nil {
		return err
	}
	if err := w.set(keyVersion, encodeUint64(w.version), "version"); err != nil {
		return err
	}
	return w.set(keyStats, encodeCounters(w.c), "stats")
}

// The writer's caches hold at most this many actors and actor pairs: a
// store of millions of pairs would otherwise keep every one in memory
// for the whole load. A full cache is dropped and fills again with what
// the next batches touch.
var (
	maxCachedActors = 1 << 18
	// Rows are few per document but large for busy actors, and a large
	// cache keeps the heap at an import's memory limit: a few thousand
	// hold the busy ones (1M imported events: 125 s at 1<<10, 176 s at
	// 1<<18).
	maxCachedRows = 1 << 12
)

// publish records the committed actors and graph-index rows in the
// store's caches.
func (w *batchWriter) publish() {
	if len(w.s.actors)+len(w.actors) > maxCachedActors {
		w.s.actors = make(map[string]*graph.Actor, len(w.actors))
	}
	for id, sl := range w.actors {
		a := sl.cur
		w.s.actors[id] = &a
	}
	if len(w.s.rows)+len(w.graph.rows) > maxCachedRows {
		w.s.rows = make(map[string]*graph.IndexRow, len(w.graph.rows))
	}
	for id, r := range w.graph.rows {
		if r.Num == 0 {
			w.s.rows[id] = nil
		} else {
			w.s.rows[id] = &r.IndexRow
		}
	}

}

// remove deletes everything the stored version of a document brought,
// except actors.
func (w *batchWriter) remove(old graph.Document) error {
	ids, err := getDocEvents(w.txn, old.ID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		var e graph.Event
		if _, err := getEventRecord(w.txn, id, &e); err != nil {
			return fmt.Errorf("event %s: %w", id, err)
		}
		if err := w.graph.remove(&e); err != nil {
			return err
		}
		w.c.Events--
		if err := w.del(key(prefixEvent, id), "delete event"); err != nil {
			return err
		}
	}
	for _, k := range [][]byte{
		key(prefixDocEvents, old.ID), key(prefixBlock, old.ID), key(prefixText, old.ID), key(prefixRaw, old.ID),
		key(prefixDocName, old.Name, old.ID),
	} {
		if err := w.del(k, "delete document"); err != nil {
			return err
		}
	}
	mkeys, err := keysWithPrefix(w.txn, key(prefixMerge, old.ID, ""))
	if err != nil {
		return err
	}
	for _, k := range mkeys {
		if err := w.del(k, "delete merge"); err != nil {
			return err
		}
	}
	var unk []graph.Unknown
	if err := getJSON(w.txn, key(prefixDocUnknown, old.ID), &unk); err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	for _, u := range unk {
		w.unknown[u.Name] -= int64(u.Count)
	}
	if err := w.del(key(prefixDocUnknown, old.ID), "delete unknown"); err != nil {
		return err
	}
	w.c.Documents--
	w.c.Sentences -= int64(old.Sentences)
	return nil
}

func (w *batchWriter) writeDocument() error {
	d := w.x.Doc
	text, raw := d.Text, d.Raw
	d.Text, d.Raw = "", ""
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode document: %w", err)
	}
	if err := w.set(key(prefixDoc, d.ID), b, "document"); err != nil {
		return err
	}
	if err := w.set(key(prefixText, d.ID), []byte(text), "text"); err != nil {
		return err
	}
	if raw != "" {
		if err := w.set(key(prefixRaw, d.ID), []byte(raw), "raw"); err != nil {
			return err
		}
	}
	if err := w.set(key(prefixDocName, d.Name, d.ID), nil, "document name"); err != nil {
		return err
	}
	w.c.Documents++
	w.c.Sentences += int64(d.Sentences)
	return nil
}

// slot returns the batch's view of actor id, reading it from the cache or
// the store on first use; nil when the actor is not stored and no document
// of the batch brought it.
func (w *batchWriter) slot(id string) (*actorSlot, error) {
	if sl, ok := w.actors[id]; ok {
		return sl, nil
	}
	base, ok := w.s.actors[id]
	if !ok {
		a, err := getActor(w.txn, id)
		switch {
		case err == nil:
			base = &a
		case !errors.Is(err, ErrNotFound):
			return nil, err
		}
		w.s.actors[id] = base
	}
	if base == nil {
		return nil, nil
	}
	sl := &actorSlot{base: base, cur: *base}
	w.actors[id] = sl
	return sl, nil
}

// mergeActors folds the document's actors into the batch's and widens the
// seen dates of every actor its events name by the events' dates.
func (w *batchWriter) mergeActors() error {
	for _, a := range w.x.Actors {
		sl, err := w.slot(a.ID)
		if err != nil {
			return err
		}
		if sl == nil {
			w.actors[a.ID] = &actorSlot{cur: a}
			continue
		}
		cur := sl.cur.Union(a)
		if w.x.Recode {
			for _, f := range []struct {
				dst *string
				src string
			}{{&cur.Code, a.Code}, {&cur.Country, a.Country}} {
				if f.src != "" {
					*f.dst = f.src
				}
			}
			if a.Type != "" {
				cur.Type = a.Type
			}
		}
		sl.cur = cur
	}
	for _, e := range w.x.Events {
		for _, id := range []string{e.Source, e.Target} {
			sl, err := w.slot(id)
			if err != nil {
				return fmt.Errorf("event %s: %w", e.ID, err)
			}
			if sl == nil {
				return fmt.Errorf("event %s: actor %q is neither in the document's actors nor stored", e.ID, id)
			}
			sl.cur = sl.cur.Seen(e.Date)
		}
	}
	return nil
}

// writeActors writes the actors the batch created or changed, and the alias
// keys they did not have.
func (w *batchWriter) writeActors() error {
	for _, id := range slices.Sorted(maps.Keys(w.actors)) {
		sl := w.actors[id]
		var oldKeys []string
		if sl.base != nil {
			if actorEqual(sl.cur, *sl.base) {
				continue
			}
			oldKeys = aliasKeys(*sl.base)
		} else {
			w.c.Actors++
		}
		if err := w.set(key(prefixActor, id), encodeActor(&sl.cur), "actor"); err != nil {
			return err
		}
		for _, k := range aliasKeys(sl.cur) {
			if _, found := slices.BinarySearch(oldKeys, k); found {
				continue
			}
			if err := w.set(key(prefixAlias, k, id), nil, "alias"); err != nil {
				return err
			}
		}
	}
	return nil
}

func actorEqual(a, b graph.Actor) bool {
	return a.ID == b.ID && a.Name == b.Name && a.Code == b.Code && a.Type == b.Type &&
		a.Country == b.Country && a.FirstSeen == b.FirstSeen && a.LastSeen == b.LastSeen &&
		slices.Equal(a.Aliases, b.Aliases)
}

func (w *batchWriter) writeEvents() error {
	ids := make([]string, 0, len(w.x.Events))
	kept := make([]graph.Event, 0, len(w.x.Events))
	seen := make(map[string]bool, len(w.x.Events))
	for i := range w.x.Events {
		e := &w.x.Events[i]
		// The same fact found twice in a sentence has the same ID: keep one.
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		k := key(prefixEvent, e.ID)
		switch _, err := w.txn.Get(k); {
		case err == nil:
			var other graph.Event
			if _, err := getEventRecord(w.txn, e.ID, &other); err != nil {
				return fmt.Errorf("event %s: %w", e.ID, err)
			}
			return fmt.Errorf("event id %s is already used by document %s", e.ID, other.DocID)
		case !errors.Is(err, badger.ErrKeyNotFound):
			return err
		}
		if err := w.set(k, encodeEventIn(e, w.x.Doc.Text), "event"); err != nil {
			return err
		}
		ids = append(ids, e.ID)
		kept = append(kept, *e)
		if err := w.graph.add(e); err != nil {
			return err
		}
		w.c.Events++
	}
	sort.Strings(ids)
	if err := w.set(key(prefixDocEvents, w.x.Doc.ID), encodeStrings(ids), "document events"); err != nil {
		return err
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].ID < kept[j].ID })
	return w.set(key(prefixBlock, w.x.Doc.ID), encodeBlock(kept, w.x.Doc.Text), "document block")
}

func (w *batchWriter) writeMerges() error {
	for i, m := range w.x.Merges {
		b, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("encode merge: %w", err)
		}
		k := append(key(prefixMerge, w.x.Doc.ID, ""), encodeUint32(uint32(i))...)
		if err := w.set(k, b, "merge"); err != nil {
			return err
		}
	}
	return nil
}

// writeUnknown records the document's unknown actor phrases; their totals
// are updated by finish.
func (w *batchWriter) writeUnknown() error {
	if len(w.x.Unknown) == 0 {
		return nil
	}
	b, err := json.Marshal(w.x.Unknown)
	if err != nil {
		return fmt.Errorf("encode unknown actors: %w", err)
	}
	if err := w.set(key(prefixDocUnknown, w.x.Doc.ID), b, "unknown"); err != nil {
		return err
	}
	for _, u := range w.x.Unknown {
		w.unknown[u.Name] += int64(u.Count)
	}
	return nil
}

// writeUnknownTotals applies the accumulated changes to the unknown-actor
// totals, in name order.
func (w *batchWriter) writeUnknownTotals() error {
	names := make([]string, 0, len(w.unknown))
	for n, d := range w.unknown {
		if d != 0 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		k := key(prefixUnknown, name)
		old, err := getUint64(w.txn, k)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		n := int64(old) + w.unknown[name]
		if n <= 0 {
			if err := w.del(k, "unknown"); err != nil {
				return err
			}
			continue
		}
		if err := w.set(k, encodeUint64(uint64(n)), "unknown"); err != nil {
			return err
		}
	}
	return nil
}
