package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/kg-project/kg/internal/graph"
)

// Key layout of the Badger store. Every key starts with a short ASCII prefix
// ending in '/', so a prefix scan never strays into another table. Parts of a
// composite key are separated by a 0x00 byte, which is why IDs and names may
// not contain one (PutDocument checks). Numbers are big-endian so that byte
// order is numeric order. Values are JSON unless noted; events use a compact
// binary codec because they dominate the store and every graph view scans
// them all.
//
// The layout is versioned by formatVersion: any change to a prefix, key shape
// or value encoding must bump it, because Open refuses stores of another
// version rather than misreading them.
const (
	// formatVersion is the store format this code writes. Version 1, which
	// had no document blocks (prefixBlock), version 2, which had no graph
	// index (graphindex.go), and version 3, whose index kept a pair's
	// digests in one run, are read as they are and upgraded by the first
	// writable open.
	formatVersion = 4
	// oldestFormat is the oldest format this code reads.
	oldestFormat = 1

	// prefixMeta + name → internal bookkeeping:
	//   meta/format  → uint32 store format version
	//   meta/version → uint64 write counter, +1 on every committed write
	//   meta/stats   → five uint64: documents, sentences, actors, events, edges
	prefixMeta = "meta/"

	// prefixDoc + docID → Document as JSON, with Text and Raw left out so
	// that listing documents does not read whole articles.
	prefixDoc = "doc/"
	// prefixText + docID → the document's cleaned text, raw bytes.
	prefixText = "text/"
	// prefixRaw + docID → the document as read (HTML included), raw bytes;
	// absent when empty. Kept so that extraction can be re-run.
	prefixRaw = "raw/"
	// prefixDocName + name 0x00 docID → empty. Finds documents by name;
	// names need not be unique.
	prefixDocName = "dname/"
	// prefixDocEvents + docID → the IDs of the document's events, as a
	// uvarint count then uvarint-length-prefixed strings. One value per
	// document rather than one key per event keeps a document's transaction
	// small and makes replacing a document cheap.
	prefixDocEvents = "devents/"

	// prefixBlock + docID → the document's events in one value, binary
	// (encodeBlock): what every full read of the events goes through. Its
	// events are also stored one by one under prefixEvent.
	prefixBlock = "block/"

	// prefixActor + actorID → Actor, binary (encodeActor).
	prefixActor = "actor/"
	// prefixAlias + normalised alias 0x00 actorID → empty. Every alias, the
	// canonical name and the ID itself are indexed (see NormalizeName), so a
	// user may name an actor any way it was seen.
	prefixAlias = "alias/"

	// prefixEvent + eventID → Event, binary (encodeEvent); a sentence that is
	// the document's text between the event's offsets is kept as that span
	// (flagTextSpan), not copied.
	prefixEvent = "event/"
	// prefixOut + sourceID 0x00 targetID → uint64 number of events from
	// source to target; formats 1 and 2 only, the graph index
	// (graphindex.go) replaces it and prefixIn in format 3. One key per ordered actor pair, not per event: the
	// graph views need neighbours and weights, and the number of keys is the
	// number of edges.
	prefixOut = "out/"
	// prefixIn + targetID 0x00 sourceID → uint64, the mirror of prefixOut for
	// incoming neighbours.
	prefixIn = "in/"

	// prefixMerge + docID 0x00 uint32 sequence → Merge as JSON: the merges
	// that the document's extraction recorded, in their order.
	prefixMerge = "merge/"
	// prefixUnknown + name → uint64 total count of an unknown actor phrase
	// over all documents.
	prefixUnknown = "unknown/"
	// prefixDocUnknown + docID → []Unknown as JSON: the document's share of
	// the totals, subtracted when the document is replaced.
	prefixDocUnknown = "dunknown/"
)

var (
	keyFormat  = []byte(prefixMeta + "format")
	keyVersion = []byte(prefixMeta + "version")
	keyStats   = []byte(prefixMeta + "stats")
)

func key(prefix string, parts ...string) []byte {
	n := len(prefix)
	for _, p := range parts {
		n += len(p) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, prefix...)
	for i, p := range parts {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, p...)
	}
	return b
}

// splitKey removes prefix from k and splits the rest at 0x00 bytes.
func splitKey(k []byte, prefix string) []string {
	return strings.Split(string(k[len(prefix):]), "\x00")
}

func encodeUint64(v uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	return b[:]
}

func decodeUint64(b []byte) (uint64, error) {
	if len(b) != 8 {
		return 0, fmt.Errorf("bad counter: %d bytes, want 8", len(b))
	}
	return binary.BigEndian.Uint64(b), nil
}

func encodeUint32(v uint32) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], v)
	return b[:]
}

// counters are the running totals behind Stats, kept in one key so that a
// document's transaction updates them with its writes.
type counters struct {
	Documents, Sentences, Actors, Events, Edges int64
}

func encodeCounters(c counters) []byte {
	b := make([]byte, 0, 40)
	for _, v := range []int64{c.Documents, c.Sentences, c.Actors, c.Events, c.Edges} {
		b = binary.BigEndian.AppendUint64(b, uint64(v))
	}
	return b
}

func decodeCounters(b []byte) (counters, error) {
	if len(b) != 40 {
		return counters{}, fmt.Errorf("bad stats record: %d bytes, want 40", len(b))
	}
	v := func(i int) int64 { return int64(binary.BigEndian.Uint64(b[8*i:])) }
	return counters{Documents: v(0), Sentences: v(1), Actors: v(2), Events: v(3), Edges: v(4)}, nil
}

func encodeStrings(ss []string) []byte {
	b := binary.AppendUvarint(nil, uint64(len(ss)))
	for _, s := range ss {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

func decodeStrings(b []byte) ([]string, error) {
	d := decoder{b: b}
	n := d.uvarint()
	if d.err == nil && n > uint64(len(b)) {
		d.err = errCorrupt
	}
	if d.err != nil {
		return nil, d.err
	}
	ss := make([]string, 0, n)
	for i := uint64(0); i < n; i++ {
		ss = append(ss, d.str())
	}
	return ss, d.finish()
}

// eventCodec is the first byte of every encoded event, so that a future
// encoding can be told apart.
const eventCodec = 1

// Event flag bits.
const (
	flagNegated = 1 << iota
	flagSymmetric
	flagDocDate
	flagReporter
	flagCodes  // dated actor codes follow the reporter
	flagCounts // mention and source counts follow the codes
	// flagTextSpan: the sentence is the document's text between Start and
	// End, so the record holds the span, not a copy (format 2).
	flagTextSpan
)

// encodeEvent writes e as: codec byte, flags byte, then the string fields as
// uvarint length + bytes, the integers as zig-zag varints and the floats as
// IEEE 754 bits, in the order of the Event struct.
func encodeEvent(e *graph.Event) []byte { return encodeEventIn(e, "") }

// encodeEventIn is encodeEvent for an event of a document whose text is
// text: a sentence that is the text between the event's offsets is left
// out, and flagTextSpan says to take it from there.
func encodeEventIn(e *graph.Event, text string) []byte {
	n := 64 + len(e.ID) + len(e.Source) + len(e.Target) + len(e.Relation) + len(e.CAMEO) +
		len(e.Modality) + len(e.DocID) + len(e.Sentence) + len(e.Extractor)
	b := make([]byte, 0, n)
	flags := eventFlags(e)
	sentence := e.Sentence
	if sentence != "" && textSpan(text, e.Start, e.End) == sentence {
		flags |= flagTextSpan
		sentence = ""
	}
	b = append(b, eventCodec, flags)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(e.ID)
	str(e.Source)
	str(e.Target)
	str(e.Relation)
	str(e.CAMEO)
	b = binary.AppendVarint(b, int64(e.QuadClass))
	b = binary.BigEndian.AppendUint64(b, math.Float64bits(e.Goldstein))
	b = binary.AppendVarint(b, int64(e.Date.Year))
	b = binary.AppendVarint(b, int64(e.Date.Month))
	b = binary.AppendVarint(b, int64(e.Date.Day))
	str(string(e.Modality))
	str(e.DocID)
	b = binary.AppendVarint(b, int64(e.SentenceIndex))
	b = binary.AppendVarint(b, int64(e.Start))
	b = binary.AppendVarint(b, int64(e.End))
	str(sentence)
	b = binary.BigEndian.AppendUint64(b, math.Float64bits(e.Confidence))
	str(e.Extractor)
	if e.Reporter != "" {
		str(e.Reporter)
	}
	if flags&flagCodes != 0 {
		str(e.SourceCode)
		str(e.TargetCode)
	}
	if flags&flagCounts != 0 {
		b = binary.AppendVarint(b, int64(e.Mentions))
		b = binary.AppendVarint(b, int64(e.Sources))
	}
	return b
}

// decodeEvent is the inverse of encodeEvent. It copies every string out of
// b, so b may be a Badger buffer that is reused after the call. A sentence
// the record holds as a span of its document's text is left empty: getEvent
// reads it from the text.
func decodeEvent(b []byte, e *graph.Event) error {
	if len(b) < 2 || b[0] != eventCodec {
		return errCorrupt
	}
	d := decoder{b: b[2:]}
	flags := b[1]
	*e = graph.Event{
		ID: d.str(), Source: d.str(), Target: d.str(), Relation: d.str(), CAMEO: d.str(),
		QuadClass: d.int(), Goldstein: d.float(),
	}
	e.Date = graph.Date{Year: d.int(), Month: d.int(), Day: d.int()}
	e.Modality = graph.Modality(d.str())
	e.DocID = d.str()
	e.SentenceIndex = d.int()
	e.Start = d.int()
	e.End = d.int()
	e.Sentence = d.str()
	e.Confidence = d.float()
	e.Extractor = d.str()
	if flags&flagReporter != 0 {
		e.Reporter = d.str()
	}
	if flags&flagCodes != 0 {
		e.SourceCode, e.TargetCode = d.str(), d.str()
	}
	if flags&flagCounts != 0 {
		e.Mentions, e.Sources = d.int(), d.int()
	}
	e.Negated = flags&flagNegated != 0
	e.Symmetric = flags&flagSymmetric != 0
	e.DocDate = flags&flagDocDate != 0
	return d.finish()
}

var errCorrupt = errors.New("corrupt record")

// decoder reads the primitives of the binary codecs with a sticky error, so
// that a record is decoded in straight-line code and checked once.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 || v > math.MaxInt32 || v < math.MinInt32 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) float() float64 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 8 {
		d.err = errCorrupt
		return 0
	}
	v := math.Float64frombits(binary.BigEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

// raw is str without the copy: the bytes stay the caller's.
func (d *decoder) raw() []byte {
	n := d.uvarint()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = errCorrupt
		return nil
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) str() string { return string(d.raw()) }

// bytes reads a length-prefixed string without copying it.
func (d *decoder) bytes() []byte {
	n := d.uvarint()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = errCorrupt
		return nil
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) finish() error {
	if d.err == nil && len(d.b) != 0 {
		d.err = errCorrupt
	}
	return d.err
}

// actorCodec is the first byte of an actor encoded by encodeActor. Stores
// of format 1 hold actors as JSON, whose first byte is '{'; decodeActor
// reads both, and the upgrade to format 2 rewrites them.
const actorCodec = 1

// encodeActor writes a as: actorCodec, its strings as uvarint length +
// bytes (ID, name, code, type, country), the alias count and aliases, then
// the first and last seen dates as zig-zag varints.
func encodeActor(a *graph.Actor) []byte {
	n := 16 + len(a.ID) + len(a.Name) + len(a.Code) + len(a.Type) + len(a.Country)
	for _, s := range a.Aliases {
		n += len(s) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, actorCodec)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, s := range [...]string{a.ID, a.Name, a.Code, string(a.Type), a.Country} {
		str(s)
	}
	b = binary.AppendUvarint(b, uint64(len(a.Aliases)))
	for _, s := range a.Aliases {
		str(s)
	}
	for _, v := range [...]int{a.FirstSeen.Year, a.FirstSeen.Month, a.FirstSeen.Day, a.LastSeen.Year, a.LastSeen.Month, a.LastSeen.Day} {
		b = binary.AppendVarint(b, int64(v))
	}
	return b
}

// decodeActor is the inverse of encodeActor; it also reads the JSON of a
// store of format 1.
func decodeActor(b []byte, a *graph.Actor) error {
	if len(b) > 0 && b[0] == '{' {
		*a = graph.Actor{}
		return json.Unmarshal(b, a)
	}
	if len(b) < 1 || b[0] != actorCodec {
		return errCorrupt
	}
	d := decoder{b: b[1:]}
	*a = graph.Actor{ID: d.str(), Name: d.str(), Code: d.str(), Type: graph.ActorType(d.str()), Country: d.str()}
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		return errCorrupt
	}
	if n > 0 {
		a.Aliases = make([]string, n)
		for i := range a.Aliases {
			a.Aliases[i] = d.str()
		}
	}
	a.FirstSeen = graph.Date{Year: d.int(), Month: d.int(), Day: d.int()}
	a.LastSeen = graph.Date{Year: d.int(), Month: d.int(), Day: d.int()}
	return d.finish()
}
