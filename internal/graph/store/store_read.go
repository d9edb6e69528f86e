package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/kg-project/kg/internal/graph"
)

// Stats returns the store's totals. They are maintained by every write, so
// this is one read.
func (s *Store) Stats() (graph.Stats, error) {
	var c counters
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		c, err = readCounters(txn)
		return err
	})
	if err != nil {
		return graph.Stats{}, fmt.Errorf("read stats: %w", err)
	}
	return graph.Stats{
		Documents: int(c.Documents), Sentences: int(c.Sentences), Actors: int(c.Actors),
		Events: int(c.Events), Edges: int(c.Edges),
	}, nil
}

// Version returns the store's write counter: it grows with every document
// written, and only then, so it can key caches of derived data. A store
// never written has version 0.
func (s *Store) Version() (uint64, error) {
	var v uint64
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		v, err = getUint64(txn, keyVersion)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("read store version: %w", err)
	}
	return v, nil
}

// Document returns the document with the given ID, text and raw input
// included, or an error matching ErrNotFound.
func (s *Store) Document(id string) (graph.Document, error) { return s.document(id, true) }

// DocumentMeta returns the document with the given ID without its text and
// raw input, or an error matching ErrNotFound: what naming a document in
// an answer needs.
func (s *Store) DocumentMeta(id string) (graph.Document, error) { return s.document(id, false) }

func (s *Store) document(id string, withText bool) (graph.Document, error) {
	var d graph.Document
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		if d, err = getDocument(txn, id); err != nil || !withText {
			return err
		}
		return readText(txn, &d)
	})
	if err != nil {
		return graph.Document{}, fmt.Errorf("document %s: %w", id, err)
	}
	return d, nil
}

// DocumentByName returns the document with the given name, text included.
// Names need not be unique; when several documents share one, the one with
// the smallest ID is returned. A missing name gives an error matching
// ErrNotFound.
func (s *Store) DocumentByName(name string) (graph.Document, error) {
	var d graph.Document
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: key(prefixDocName, name, "")})
		defer it.Close()
		it.Rewind()
		if !it.Valid() {
			return ErrNotFound
		}
		parts := splitKey(it.Item().Key(), prefixDocName)
		var err error
		if d, err = getDocument(txn, parts[len(parts)-1]); err != nil {
			return err
		}
		return readText(txn, &d)
	})
	if err != nil {
		return graph.Document{}, fmt.Errorf("document %q: %w", name, err)
	}
	return d, nil
}

// Documents calls fn for every document in ID order, stopping at fn's first
// error. Text and Raw are filled only when withText is set, as they are most
// of a document's bytes.
func (s *Store) Documents(fn func(graph.Document) error, withText bool) error {
	err := s.db.View(func(txn *badger.Txn) error {
		return scanAll(txn, prefixDoc, "documents", func(c counters) int64 { return c.Documents }, func(id, v []byte) error {
			var d graph.Document
			if err := json.Unmarshal(v, &d); err != nil {
				return fmt.Errorf("document %s: %w", id, err)
			}
			if withText {
				if err := readText(txn, &d); err != nil {
					return fmt.Errorf("document %s: %w", d.ID, err)
				}
			}
			return fn(d)
		})
	})
	if err != nil {
		return fmt.Errorf("read documents: %w", err)
	}
	return nil
}

// DocumentEventCounts returns the number of events of every document, by
// document ID.
func (s *Store) DocumentEventCounts() (map[string]int, error) {
	out := make(map[string]int)
	err := s.db.View(func(txn *badger.Txn) error {
		c, err := readCounters(txn)
		if err != nil {
			return err
		}
		var sum int64
		err = scan(txn, []byte(prefixDocEvents), func(id, v []byte) error {
			d := decoder{b: v}
			n := d.uvarint()
			if d.err != nil {
				return fmt.Errorf("events of document %s: %w", id, d.err)
			}
			out[string(id)] = int(n)
			sum += int64(n)
			return nil
		})
		if err == nil && sum != c.Events {
			err = fmt.Errorf("%w: the documents' event counts add up to %d, not its %d events (a table did not read back)", ErrDamaged, sum, c.Events)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("count events per document: %w", err)
	}
	return out, nil
}

// Actor returns the actor with the given ID, or an error matching
// ErrNotFound.
func (s *Store) Actor(id string) (graph.Actor, error) {
	var a graph.Actor
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		a, err = getActor(txn, id)
		return err
	})
	if err != nil {
		return graph.Actor{}, fmt.Errorf("actor %s: %w", id, err)
	}
	return a, nil
}

// Actors returns every actor, sorted by ID.
func (s *Store) Actors() ([]graph.Actor, error) {
	var out []graph.Actor
	if err := s.EachActor(func(a *graph.Actor) error {
		out = append(out, *a)
		return nil
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// EachActor calls fn with every actor in ID order, stopping at fn's
// first error, so that a caller can keep what it needs of each without
// holding every record. The actor passed to fn is fn's to keep.
func (s *Store) EachActor(fn func(a *graph.Actor) error) error {
	err := s.db.View(func(txn *badger.Txn) error {
		return scanAll(txn, prefixActor, "actors", func(c counters) int64 { return c.Actors }, func(id, v []byte) error {
			var a graph.Actor
			if err := decodeActor(v, &a); err != nil {
				return fmt.Errorf("actor %s: %w", id, err)
			}
			return fn(&a)
		})
	})
	if err != nil {
		return fmt.Errorf("read actors: %w", err)
	}
	return nil
}

// ActorsByAlias returns the actors known by name, sorted by ID: name is
// compared with every actor's ID, canonical name and aliases ignoring case,
// punctuation and spacing ("u.s." finds the actor aliased "US"). No match
// gives an empty slice, not an error.
func (s *Store) ActorsByAlias(name string) ([]graph.Actor, error) {
	norm := graph.NormalizeName(name)
	if norm == "" {
		return nil, nil
	}
	var out []graph.Actor
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: key(prefixAlias, norm, "")})
		var ids []string
		for it.Rewind(); it.Valid(); it.Next() {
			parts := splitKey(it.Item().Key(), prefixAlias)
			ids = append(ids, parts[len(parts)-1])
		}
		it.Close()
		for _, id := range ids {
			a, err := getActor(txn, id)
			if err != nil {
				return fmt.Errorf("actor %s: %w", id, err)
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("find actor %q: %w", name, err)
	}
	return out, nil
}

// ActorEventCounts returns, by actor ID, the number of events the actor
// takes part in as source or target (an event from an actor to itself
// counts once).
func (s *Store) ActorEventCounts() (map[string]int, error) {
	out := make(map[string]int)
	err := s.Edges(func(src, dst string, n int) error {
		out[src] += n
		if dst != src {
			out[dst] += n
		}
		return nil
	})
	return out, err
}

// Edges calls fn for every ordered actor pair with at least one event, in
// source then target ID order, with the number of events. It reads the
// graph index (or a store of format 1 or 2's adjacency keys), not the
// events.
func (s *Store) Edges(fn func(src, dst string, n int) error) error {
	if s.HasGraphIndex() {
		return s.indexEdges(fn)
	}
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte(prefixOut), func(rest, v []byte) error {
			parts := splitKey(rest, "")
			if len(parts) != 2 {
				return fmt.Errorf("adjacency key %q: %w", rest, errCorrupt)
			}
			n, err := decodeUint64(v)
			if err != nil {
				return fmt.Errorf("adjacency %s→%s: %w", parts[0], parts[1], err)
			}
			return fn(parts[0], parts[1], int(n))
		})
	})
	if err != nil {
		return fmt.Errorf("read adjacency: %w", err)
	}
	return nil
}

// Neighbors returns the actors adjacent to id, sorted by ID, with the number
// of events on each edge: out lists targets of id's events, in lists
// sources of events targeting id.
func (s *Store) Neighbors(id string) (out, in map[string]int, err error) {
	out, in = make(map[string]int), make(map[string]int)
	if s.HasGraphIndex() {
		err = s.indexEdges(func(src, dst string, n int) error {
			if src == id {
				out[dst] = n
			}
			if dst == id {
				in[src] = n
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("neighbors of %s: %w", id, err)
		}
		return out, in, nil
	}
	err = s.db.View(func(txn *badger.Txn) error {
		for _, side := range []struct {
			prefix string
			dst    map[string]int
		}{{prefixOut, out}, {prefixIn, in}} {
			p := key(side.prefix, id, "")
			err := scan(txn, p, func(other, v []byte) error {
				n, err := decodeUint64(v)
				if err != nil {
					return err
				}
				side.dst[string(other)] = int(n)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("neighbors of %s: %w", id, err)
	}
	return out, in, nil
}

// Events calls fn for every event, stopping at fn's first error: by
// document ID, then by event ID within a document (in event ID order alone
// for a store of format 1, read before its first write upgrades it). It
// streams: memory does not grow with the store.
func (s *Store) Events(fn func(graph.Event) error) error {
	if s.blocks() {
		if err := s.eventsByBlock(nil, func(e *graph.Event, _, _ int32) error { return fn(*e) }); err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		return nil
	}
	err := s.db.View(func(txn *badger.Txn) error {
		var e graph.Event
		return scanAll(txn, prefixEvent, "events", func(c counters) int64 { return c.Events }, func(id, v []byte) error {
			if err := decodeEvent(v, &e); err != nil {
				return fmt.Errorf("event %s: %w", id, err)
			}
			if v[1]&flagTextSpan != 0 {
				if err := fillSentence(txn, &e); err != nil {
					return fmt.Errorf("event %s: %w", id, err)
				}
			}
			return fn(e)
		})
	})
	if err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	return nil
}

// EventsIndexed is Events that also gives fn the positions in ax of each
// event's source and target (-1 for an actor ax lacks), looked up once
// per document rather than by every caller for every event. The event
// passed to fn is reused: fn copies it to keep it.
func (s *Store) EventsIndexed(ax *graph.ActorIndex, fn func(e *graph.Event, src, dst int32) error) error {
	if s.blocks() {
		if err := s.eventsByBlock(ax, fn); err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		return nil
	}
	pos := func(id string) int32 {
		if p, ok := ax.Index[id]; ok {
			return p
		}
		return -1
	}
	return s.Events(func(e graph.Event) error { return fn(&e, pos(e.Source), pos(e.Target)) })
}

// Event returns the event with the given ID, or an error matching
// ErrNotFound.
func (s *Store) Event(id string) (graph.Event, error) {
	var e graph.Event
	err := s.db.View(func(txn *badger.Txn) error { return getEvent(txn, id, &e) })
	if err != nil {
		return graph.Event{}, fmt.Errorf("event %s: %w", id, err)
	}
	return e, nil
}

// EventsOfDoc returns a document's events in text order (sentence, offset,
// then ID). An unknown document gives an error matching ErrNotFound.
func (s *Store) EventsOfDoc(docID string) ([]graph.Event, error) {
	var out []graph.Event
	err := s.EventsOfDocs([]string{docID}, func(_ string, events []graph.Event) error {
		out = events
		return nil
	})
	return out, err
}

// EventsOfDocs calls fn for each document of docIDs in that order, with
// its events in text order, as EventsOfDoc gives them. It reads documents
// in batches of about eventBatch events and fetches each batch's events in
// key order (reading document by document took 15 s for 1M events, in
// batches 12.7 s); memory holds one batch.
func (s *Store) EventsOfDocs(docIDs []string, fn func(docID string, events []graph.Event) error) error {
	if !s.blocks() {
		return s.eventsOfDocsByKey(docIDs, func(docID string, events []graph.Event) error {
			sortTextOrder(events)
			return fn(docID, events)
		})
	}
	// Documents are read and decoded in batches, each in one transaction,
	// a batch or two ahead of fn. A batch ends at docBatch documents or
	// once it holds eventBatch events, so that what is held ahead stays
	// small however large the documents are.
	const docBatch, eventBatch = 64, 2048
	type batch struct {
		ids    []string
		events [][]graph.Event
	}
	// The interner saves allocating the same actor IDs over and over; it
	// is emptied when it grows large, or it would end up holding every
	// actor's ID of a large store for the whole read.
	const internMax = 1 << 15
	in := interner{}
	produce := func(send func(batch) bool) error {
		for lo := 0; lo < len(docIDs); {
			if len(in) > internMax {
				clear(in)
			}
			var bt batch
			n := 0
			err := s.db.View(func(txn *badger.Txn) error {
				for ; lo < len(docIDs) && len(bt.ids) < docBatch && n < eventBatch; lo++ {
					id := docIDs[lo]
					b, err := getValue(txn, key(prefixBlock, id))
					if err != nil {
						return fmt.Errorf("events of document %s: %w", id, err)
					}
					var events []graph.Event
					if err := readBlock(txn, id, b, in, nil, func(e *graph.Event, _, _ int32) error {
						events = append(events, *e)
						return nil
					}); err != nil {
						return err
					}
					sortTextOrder(events)
					bt.ids, bt.events = append(bt.ids, id), append(bt.events, events)
					n += len(events)
				}
				return nil
			})
			if err != nil || !send(bt) {
				return err
			}
		}
		return nil
	}
	return readAhead(1, produce, func(bt batch) error {
		s.letGo()
		for i, events := range bt.events {
			if err := fn(bt.ids[i], events); err != nil {
				return err
			}
		}
		return nil
	})
}

// eventsOfDocsByKey is EventsOfDocs through the event keys, for a store
// without document blocks; the events of a document come in the order of
// its event list.
func (s *Store) eventsOfDocsByKey(docIDs []string, fn func(docID string, events []graph.Event) error) error {
	const eventBatch = 1 << 15
	type ref struct {
		id  string
		doc int // index into the batch
		pos int // index into the document's events
	}
	for lo := 0; lo < len(docIDs); {
		var refs []ref
		var out [][]graph.Event
		hi := lo
		err := s.db.View(func(txn *badger.Txn) error {
			for hi < len(docIDs) && (hi == lo || len(refs) < eventBatch) {
				ids, err := getDocEvents(txn, docIDs[hi])
				if err != nil {
					return fmt.Errorf("events of document %s: %w", docIDs[hi], err)
				}
				for i, id := range ids {
					refs = append(refs, ref{id, hi - lo, i})
				}
				out = append(out, make([]graph.Event, len(ids)))
				hi++
			}
			sort.Slice(refs, func(i, j int) bool { return refs[i].id < refs[j].id })
			for _, r := range refs {
				if err := getEvent(txn, r.id, &out[r.doc][r.pos]); err != nil {
					return fmt.Errorf("events of document %s: event %s: %w", docIDs[lo+r.doc], r.id, err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i, evs := range out {
			if err := fn(docIDs[lo+i], evs); err != nil {
				return err
			}
		}
		lo = hi
	}
	return nil
}

// sortTextOrder sorts a document's events by sentence, offset, then ID.
func sortTextOrder(evs []graph.Event) {
	sort.Slice(evs, func(i, j int) bool {
		a, b := &evs[i], &evs[j]
		if a.SentenceIndex != b.SentenceIndex {
			return a.SentenceIndex < b.SentenceIndex
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.ID < b.ID
	})
}

// Merges returns every recorded merge, sorted by the actor merged into, the
// variant, then the document.
func (s *Store) Merges() ([]graph.Merge, error) {
	var out []graph.Merge
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte(prefixMerge), func(k, v []byte) error {
			var m graph.Merge
			if err := json.Unmarshal(v, &m); err != nil {
				return fmt.Errorf("merge %q: %w", k, err)
			}
			out = append(out, m)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read merges: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Into != b.Into {
			return a.Into < b.Into
		}
		if a.From != b.From {
			return a.From < b.From
		}
		return a.DocID < b.DocID
	})
	return out, nil
}

// Unknown returns the unknown actor phrases over all documents, most
// frequent first, ties by name.
func (s *Store) Unknown() ([]graph.Unknown, error) {
	var out []graph.Unknown
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte(prefixUnknown), func(name, v []byte) error {
			n, err := decodeUint64(v)
			if err != nil {
				return fmt.Errorf("unknown %q: %w", name, err)
			}
			out = append(out, graph.Unknown{Name: string(name), Count: int(n)})
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read unknown actors: %w", err)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// Low-level readers shared by the read and write paths. They report a
// missing key as ErrNotFound.

func getValue(txn *badger.Txn, k []byte) ([]byte, error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return item.ValueCopy(nil)
}

func getJSON(txn *badger.Txn, k []byte, v any) error {
	b, err := getValue(txn, k)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decode %q: %w", k, err)
	}
	return nil
}

func getUint64(txn *badger.Txn, k []byte) (uint64, error) {
	b, err := getValue(txn, k)
	if err != nil {
		return 0, err
	}
	return decodeUint64(b)
}

func getDocument(txn *badger.Txn, id string) (graph.Document, error) {
	var d graph.Document
	err := getJSON(txn, key(prefixDoc, id), &d)
	return d, err
}

func readText(txn *badger.Txn, d *graph.Document) error {
	text, err := getValue(txn, key(prefixText, d.ID))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	raw, err := getValue(txn, key(prefixRaw, d.ID))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	d.Text, d.Raw = string(text), string(raw)
	return nil
}

func getActor(txn *badger.Txn, id string) (graph.Actor, error) {
	var a graph.Actor
	b, err := getValue(txn, key(prefixActor, id))
	if err != nil {
		return a, err
	}
	if err := decodeActor(b, &a); err != nil {
		return a, fmt.Errorf("decode actor %s: %w", id, err)
	}
	return a, nil
}

// getEvent reads event id whole, its sentence taken from its document's
// text when the record holds only its span.
func getEvent(txn *badger.Txn, id string, e *graph.Event) error {
	span, err := getEventRecord(txn, id, e)
	if err != nil || !span {
		return err
	}
	return fillSentence(txn, e)
}

// fillSentence sets the sentence of an event whose record holds it as a
// span of its document's text.
func fillSentence(txn *badger.Txn, e *graph.Event) error {
	text, err := sentenceText(txn, e.DocID)
	if err != nil {
		return fmt.Errorf("document %s: %w", graph.ShortID(e.DocID), err)
	}
	e.Sentence = textSpan(text, e.Start, e.End)
	return nil
}

// sentenceText reads the text that events of document docID take their
// sentences from: a text that does not read back is damage, never
// sentences left empty.
func sentenceText(txn *badger.Txn, docID string) (string, error) {
	text, err := getValue(txn, key(prefixText, docID))
	if errors.Is(err, ErrNotFound) {
		return "", fmt.Errorf("%w: its text is missing", ErrDamaged)
	}
	return string(text), err
}

// getEventRecord reads event id as its record holds it, and whether its
// sentence is a span of the text left out of it.
func getEventRecord(txn *badger.Txn, id string, e *graph.Event) (span bool, err error) {
	item, err := txn.Get(key(prefixEvent, id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, ErrNotFound
	}
	if err != nil {
		return false, err
	}
	err = item.Value(func(v []byte) error {
		span = len(v) > 1 && v[1]&flagTextSpan != 0
		return decodeEvent(v, e)
	})
	return span, err
}

func getDocEvents(txn *badger.Txn, docID string) ([]string, error) {
	b, err := getValue(txn, key(prefixDocEvents, docID))
	if err != nil {
		return nil, err
	}
	return decodeStrings(b)
}

// scanAll is scan over every record of a kind, checked against the
// store's count of them. A damaged table ends Badger's iteration early
// without an error; the count turns that into one, never a short answer.
func scanAll(txn *badger.Txn, prefix, kind string, want func(counters) int64, fn func(id, v []byte) error) error {
	c, err := readCounters(txn)
	if err != nil {
		return err
	}
	var n int64
	if err := scan(txn, []byte(prefix), func(id, v []byte) error { n++; return fn(id, v) }); err != nil {
		return err
	}
	if w := want(c); n != w {
		return fmt.Errorf("%w: read %d of its %d %s (a table did not read back)", ErrDamaged, n, w, kind)
	}
	return nil
}

func readCounters(txn *badger.Txn) (counters, error) {
	b, err := getValue(txn, keyStats)
	if errors.Is(err, ErrNotFound) {
		return counters{}, nil
	}
	if err != nil {
		return counters{}, err
	}
	return decodeCounters(b)
}

// scan calls fn with the rest of every key under prefix (the key without
// the prefix) and its value, in key order, stopping at fn's first error.
// Both slices are valid only during the call.
func scan(txn *badger.Txn, prefix []byte, fn func(rest, value []byte) error) error {
	return scanWith(txn, badger.IteratorOptions{Prefix: prefix}, fn)
}

// scanWith is scan with the iterator's options given; opts.Prefix is the
// prefix.
func scanWith(txn *badger.Txn, opts badger.IteratorOptions, fn func(rest, value []byte) error) (err error) {
	prefix := opts.Prefix
	// Badger 4.9 indexes out of a table whose block index is damaged
	// instead of returning an error: that panic is the report of damage.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: a table does not read back (%v)", ErrDamaged, p)
		}
	}()
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		rest := item.Key()[len(prefix):]
		if err := item.Value(func(v []byte) error { return fn(rest, v) }); err != nil {
			return err
		}
	}
	return nil
}

// keysWithPrefix collects the keys under p, so that they can be deleted
// without mutating the transaction under a live iterator.
func keysWithPrefix(txn *badger.Txn, p []byte) ([][]byte, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: p})
	defer it.Close()
	var out [][]byte
	for it.Rewind(); it.Valid(); it.Next() {
		if !bytes.HasPrefix(it.Item().Key(), p) {
			break
		}
		out = append(out, it.Item().KeyCopy(nil))
	}
	return out, nil
}
