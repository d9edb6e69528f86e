package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/kg-project/kg/internal/graph"
)

// A document's block holds all its events in one value, so that reading
// every event is one key per document rather than one per event, read in
// order, and a document's events come together instead of scattered over
// the event keys (which are hashes). The strings events repeat (actor IDs,
// relations, codes, the document ID) are written once in a table at the
// head of the block, and a sentence that is the document's text between
// the event's offsets is not written at all: the reader takes it from the
// text. The event keys stay the record of each event; the block is the
// index every full read goes through, written in the same transaction.
//
// Layout: blockCodec, a header byte (blockTextFlag when some sentence is
// to be taken from the text), uvarint table length, the table's strings
// (uvarint length + bytes), uvarint event count, then per event its ID (length +
// bytes), its flags byte (the event flags plus flagSentence) and its fields
// in the order of the Event struct, strings as uvarint table indexes,
// integers as zig-zag varints and floats as IEEE 754 bits.
const blockCodec = 1

// blockTextFlag in a block's header byte says that some event takes its
// sentence from the document's text.
const blockTextFlag = 1

// flagSentence, in a block, says the event's sentence is in the table,
// because it is not its document's text between its offsets. (An event
// record says the opposite with the same bit, flagTextSpan.)
const flagSentence = flagCounts << 1

// encodeBlock encodes the events of a document whose cleaned text is text.
func encodeBlock(events []graph.Event, text string) []byte {
	index := map[string]uint64{}
	var table []string
	ref := func(s string) uint64 {
		if i, ok := index[s]; ok {
			return i
		}
		i := uint64(len(table))
		index[s] = i
		table = append(table, s)
		return i
	}
	var header byte
	body := make([]byte, 0, 64*len(events))
	body = binary.AppendUvarint(body, uint64(len(events)))
	for i := range events {
		e := &events[i]
		flags := eventFlags(e)
		inline := e.Sentence != textSpan(text, e.Start, e.End)
		if inline {
			flags |= flagSentence
		} else if e.End > e.Start {
			header |= blockTextFlag
		}
		body = binary.AppendUvarint(body, uint64(len(e.ID)))
		body = append(body, e.ID...)
		body = append(body, flags)
		for _, s := range [...]string{e.Source, e.Target, e.Relation, e.CAMEO, string(e.Modality), e.DocID, e.Extractor} {
			body = binary.AppendUvarint(body, ref(s))
		}
		body = binary.AppendVarint(body, int64(e.QuadClass))
		body = binary.BigEndian.AppendUint64(body, math.Float64bits(e.Goldstein))
		for _, v := range [...]int{e.Date.Year, e.Date.Month, e.Date.Day, e.SentenceIndex, e.Start, e.End} {
			body = binary.AppendVarint(body, int64(v))
		}
		body = binary.BigEndian.AppendUint64(body, math.Float64bits(e.Confidence))
		if flags&flagReporter != 0 {
			body = binary.AppendUvarint(body, ref(e.Reporter))
		}
		if flags&flagCodes != 0 {
			body = binary.AppendUvarint(body, ref(e.SourceCode))
			body = binary.AppendUvarint(body, ref(e.TargetCode))
		}
		if flags&flagCounts != 0 {
			body = binary.AppendVarint(body, int64(e.Mentions))
			body = binary.AppendVarint(body, int64(e.Sources))
		}
		if inline {
			body = binary.AppendUvarint(body, ref(e.Sentence))
		}
	}
	n := 16 + len(body)
	for _, s := range table {
		n += len(s) + 2
	}
	b := make([]byte, 0, n)
	b = append(b, blockCodec, header)
	b = binary.AppendUvarint(b, uint64(len(table)))
	for _, s := range table {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return append(b, body...)
}

// eventFlags are the flag bits encodeEvent writes for e.
func eventFlags(e *graph.Event) byte {
	var flags byte
	if e.Negated {
		flags |= flagNegated
	}
	if e.Symmetric {
		flags |= flagSymmetric
	}
	if e.DocDate {
		flags |= flagDocDate
	}
	if e.Reporter != "" {
		flags |= flagReporter
	}
	if e.SourceCode != "" || e.TargetCode != "" {
		flags |= flagCodes
	}
	if e.Mentions != 0 || e.Sources != 0 {
		flags |= flagCounts
	}
	return flags
}

// textSpan is text[start:end], or "" when the offsets do not fit text.
func textSpan(text string, start, end int) string {
	if start < 0 || end < start || end > len(text) {
		return ""
	}
	return text[start:end]
}

// interner shares the strings that many blocks repeat, so that a read of
// every block holds one copy of each actor ID and relation.
type interner map[string]string

func (in interner) str(b []byte) string {
	if len(b) > 64 || in == nil {
		// Sentences: rarely shared between documents.
		return string(b)
	}
	if s, ok := in[string(b)]; ok {
		return s
	}
	s := string(b)
	in[s] = s
	return s
}

// blockNeedsText reports whether some event of the block takes its
// sentence from its document's text, so that a reader fetches the text
// only for such blocks.
func blockNeedsText(b []byte) bool { return len(b) > 1 && b[1]&blockTextFlag != 0 }

// decodeBlock calls fn with each event of block b, in the order they were
// written (ID order), their sentences taken from text where the block does
// not hold them, and the positions of their actors in ax (-1 without ax).
// Strings of the table go through in when it is not nil. The event passed
// to fn is reused: fn copies it to keep it.
func decodeBlock(b []byte, text string, in interner, ax *graph.ActorIndex, fn func(e *graph.Event, src, dst int32) error) error {
	var ferr error
	err := walkBlock(b, in, ax, func(e *graph.Event, flags byte, src, dst int32) {
		if ferr != nil {
			return
		}
		if flags&flagSentence == 0 {
			e.Sentence = textSpan(text, e.Start, e.End)
		}
		ferr = fn(e, src, dst)
	})
	if ferr != nil {
		return ferr
	}
	return err
}

// blockTable is a block's string table, each string made only when an
// event needs it, and actor IDs looked up once per block in an ActorIndex.
type blockTable struct {
	raw [][]byte
	str []string
	set []bool
	pos []int32 // position in ax, -1 when absent; valid where looked
	got []bool
	in  interner
	ax  *graph.ActorIndex
}

func (t *blockTable) string(i int) string {
	if !t.set[i] {
		if t.in != nil {
			t.str[i] = t.in.str(t.raw[i])
		} else {
			t.str[i] = string(t.raw[i])
		}
		t.set[i] = true
	}
	return t.str[i]
}

// actor is string(i) for an actor ID, and the actor's position in ax (-1
// when ax is nil or lacks it); the ID is ax's own string when it has it.
func (t *blockTable) actor(i int) (string, int32) {
	if t.ax == nil {
		return t.string(i), -1
	}
	if !t.got[i] {
		p, ok := t.ax.Index[string(t.raw[i])]
		if !ok {
			p = -1
		} else {
			t.str[i], t.set[i] = t.ax.IDs[p], true
		}
		t.pos[i], t.got[i] = p, true
	}
	return t.string(i), t.pos[i]
}

// walkBlock decodes b's events one by one, with the positions of their
// actors in ax (-1 without ax); an event's sentence is set only when the
// block holds it.
func walkBlock(b []byte, in interner, ax *graph.ActorIndex, fn func(e *graph.Event, flags byte, src, dst int32)) error {
	if len(b) < 2 || b[0] != blockCodec || b[1]&^blockTextFlag != 0 {
		return errCorrupt
	}
	d := decoder{b: b[2:]}
	nt := d.uvarint()
	if nt > uint64(len(d.b)) {
		return errCorrupt
	}
	t := blockTable{raw: make([][]byte, nt), str: make([]string, nt), set: make([]bool, nt), in: in, ax: ax}
	if ax != nil {
		t.pos, t.got = make([]int32, nt), make([]bool, nt)
	}
	for i := range t.raw {
		n := d.uvarint()
		if d.err != nil || n > uint64(len(d.b)) {
			return errCorrupt
		}
		t.raw[i] = d.b[:n]
		d.b = d.b[n:]
	}
	index := func() int {
		i := d.uvarint()
		if i >= uint64(len(t.raw)) {
			d.err = errCorrupt
			return -1
		}
		return int(i)
	}
	ref := func() string {
		if i := index(); i >= 0 {
			return t.string(i)
		}
		return ""
	}
	actor := func() (string, int32) {
		if i := index(); i >= 0 {
			return t.actor(i)
		}
		return "", -1
	}
	ne := d.uvarint()
	if ne > uint64(len(d.b)) {
		return errCorrupt
	}
	var e graph.Event
	var src, dst int32
	for range ne {
		e = graph.Event{ID: d.str()}
		if len(d.b) == 0 {
			return errCorrupt
		}
		flags := d.b[0]
		d.b = d.b[1:]
		e.Source, src = actor()
		e.Target, dst = actor()
		e.Relation, e.CAMEO = ref(), ref()
		e.Modality, e.DocID, e.Extractor = graph.Modality(ref()), ref(), ref()
		e.QuadClass, e.Goldstein = d.int(), d.float()
		e.Date = graph.Date{Year: d.int(), Month: d.int(), Day: d.int()}
		e.SentenceIndex, e.Start, e.End = d.int(), d.int(), d.int()
		e.Confidence = d.float()
		if flags&flagReporter != 0 {
			e.Reporter = ref()
		}
		if flags&flagCodes != 0 {
			e.SourceCode, e.TargetCode = ref(), ref()
		}
		if flags&flagCounts != 0 {
			e.Mentions, e.Sources = d.int(), d.int()
		}
		if flags&flagSentence != 0 {
			e.Sentence = ref()
		}
		e.Negated = flags&flagNegated != 0
		e.Symmetric = flags&flagSymmetric != 0
		e.DocDate = flags&flagDocDate != 0
		if d.err != nil {
			return d.err
		}
		fn(&e, flags, src, dst)
	}
	return d.finish()
}

// upgrade brings a store of an older format to formatVersion: format 1
// gets the block of every document and its actors re-encoded, formats 1
// and 2 the graph index; then the store is stamped. A run cut short leaves
// the old stamp, and the next writable open does the work again.
func (s *Store) upgrade() error {
	if !s.opts.InMemory {
		if err := s.opts.checkSpace(0); err != nil {
			return err
		}
	}
	if s.format < 2 {
		if err := s.writeBlocks(); err != nil {
			return err
		}
	}
	if err := s.rebuildGraphIndex(context.Background()); err != nil {
		return fmt.Errorf("upgrade store %s to format %d: %w", s.name(), formatVersion, err)
	}
	// The graph index replaces the adjacency keys.
	if err := s.db.DropPrefix([]byte(prefixOut), []byte(prefixIn)); err != nil {
		return fmt.Errorf("upgrade store %s to format %d: drop adjacency keys: %w", s.name(), formatVersion, err)
	}
	err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(keyFormat, encodeUint32(formatVersion)) })
	if err != nil {
		return fmt.Errorf("upgrade store %s to format %d: %w", s.name(), formatVersion, err)
	}
	s.format = formatVersion
	return nil
}

// writeBlocks writes the block of every document of a store of format 1
// and re-encodes its actors, in batches.
func (s *Store) writeBlocks() error {
	ids, err := s.documentIDs()
	if err != nil {
		return fmt.Errorf("upgrade store %s: %w", s.name(), err)
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	// Actors were JSON in format 1.
	if err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte(prefixActor), func(id, v []byte) error {
			var a graph.Actor
			if err := decodeActor(v, &a); err != nil {
				return fmt.Errorf("actor %s: %w", id, err)
			}
			return wb.Set(key(prefixActor, string(id)), encodeActor(&a))
		})
	}); err != nil {
		return fmt.Errorf("upgrade store %s: %w", s.name(), err)
	}
	err = s.eventsOfDocsByKey(ids, func(docID string, events []graph.Event) error {
		var text []byte
		if err := s.db.View(func(txn *badger.Txn) error {
			var err error
			text, err = getValue(txn, key(prefixText, docID))
			if errors.Is(err, ErrNotFound) {
				err = nil
			}
			return err
		}); err != nil {
			return err
		}
		sort.Slice(events, func(i, j int) bool { return events[i].ID < events[j].ID })
		return wb.Set(key(prefixBlock, docID), encodeBlock(events, string(text)))
	})
	if err == nil {
		err = wb.Flush()
	}
	if err != nil {
		return fmt.Errorf("upgrade store %s to format %d: %w", s.name(), formatVersion, err)
	}
	s.format = 2
	return nil
}

// documentIDs lists the IDs of the stored documents, in order.
func (s *Store) documentIDs() ([]string, error) {
	var ids []string
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte(prefixDoc), func(id, _ []byte) error {
			ids = append(ids, string(id))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return ids, nil
}

// blocks reports whether the store's events can be read through document
// blocks.
func (s *Store) blocks() bool { return s.format >= 2 }

// readBlock decodes document docID's block, its sentences taken from the
// document's text when the block does not hold them.
func readBlock(txn *badger.Txn, docID string, b []byte, in interner, ax *graph.ActorIndex, fn func(e *graph.Event, src, dst int32) error) error {
	var text string
	if blockNeedsText(b) {
		var err error
		if text, err = sentenceText(txn, docID); err != nil {
			return fmt.Errorf("events of document %s: %w", graph.ShortID(docID), err)
		}
	}
	if err := decodeBlock(b, text, in, ax, fn); err != nil {
		return fmt.Errorf("events of document %s: %w", graph.ShortID(docID), err)
	}
	return nil
}

// eventBatch is the number of events eventsByBlock hands over at once.
const eventBatch = 4096

// eventsByBlock calls fn with every event, document by document in
// document ID order and by event ID within one, checked against the
// store's counts, with the positions of its actors in ax (-1 without
// ax). The blocks are read and decoded on a goroutine of their own, a few
// batches ahead of fn, so that on two cores decoding the store and what fn
// does with the events overlap.
func (s *Store) eventsByBlock(ax *graph.ActorIndex, fn func(e *graph.Event, src, dst int32) error) error {
	type batch struct {
		evs      []graph.Event
		src, dst []int32
	}
	free := make(chan *batch, 6) // batches fn is done with, to fill again
	next := func() *batch {
		select {
		case b := <-free:
			b.evs, b.src, b.dst = b.evs[:0], b.src[:0], b.dst[:0]
			return b
		default:
			return &batch{make([]graph.Event, 0, eventBatch), make([]int32, 0, eventBatch), make([]int32, 0, eventBatch)}
		}
	}
	produce := func(send func(*batch) bool) error {
		return s.db.View(func(txn *badger.Txn) error {
			in := interner{}
			var events int64
			cur := next()
			err := scanAll(txn, prefixBlock, "documents", func(c counters) int64 { return c.Documents }, func(id, v []byte) error {
				// v is Badger's buffer: the block is decoded before the next.
				return readBlock(txn, string(id), v, in, ax, func(e *graph.Event, src, dst int32) error {
					events++
					cur.evs, cur.src, cur.dst = append(cur.evs, *e), append(cur.src, src), append(cur.dst, dst)
					if len(cur.evs) < eventBatch {
						return nil
					}
					if !send(cur) {
						return errStopped
					}
					cur = next()
					return nil
				})
			})
			if err == nil && len(cur.evs) > 0 && !send(cur) {
				err = errStopped
			}
			if errors.Is(err, errStopped) {
				return nil
			}
			if err != nil {
				return err
			}
			c, err := readCounters(txn)
			if err != nil {
				return err
			}
			if events != c.Events {
				return fmt.Errorf("%w: read %d of its %d events (a table did not read back)", ErrDamaged, events, c.Events)
			}
			return nil
		})
	}
	return readAhead(4, produce, func(b *batch) error {
		s.letGo() // a read of the whole store would otherwise hold all of it
		defer func() {
			clear(b.evs) // let the strings go
			select {
			case free <- b:
			default:
			}
		}()
		for i := range b.evs {
			if err := fn(&b.evs[i], b.src[i], b.dst[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// errStopped ends a producer of readAhead whose consumer has stopped.
var errStopped = errors.New("reading stopped")

// readAhead runs produce on a goroutine of its own, a few items (depth)
// ahead of consume, so that reading the store and what the caller does
// with what it reads overlap on two cores. send reports false once
// consume has failed, and produce should then stop. consume's error is
// returned first, then produce's.
func readAhead[T any](depth int, produce func(send func(T) bool) error, consume func(T) error) error {
	items := make(chan T, depth)
	done := make(chan struct{})
	var produceErr error
	go func() {
		defer close(items)
		produceErr = produce(func(x T) bool {
			select {
			case items <- x:
				return true
			case <-done:
				return false
			}
		})
	}()
	var consumeErr error
	for x := range items {
		if consumeErr != nil {
			continue // drain until produce sees done
		}
		if consumeErr = consume(x); consumeErr != nil {
			close(done)
		}
	}
	if consumeErr != nil {
		return consumeErr
	}
	return produceErr
}
