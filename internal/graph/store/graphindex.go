package store

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/kg-project/kg/internal/graph"
)

// The graph index (format 3; keyed by run since format 4) lets a query
// build the actor graph without reading events. Every write keeps it in
// the transaction that writes the events, so it is as crash-safe as they
// are:
//
//   - prefixGraphPair + A 0x00 B 0x00 run 0x00 docID 0x00 eventID (A <= B)
//     → the digest of an event between A and B, either way (A == B: an
//     actor with itself). A digest is what grouping the reports of one
//     event needs; run (runKey.segment) names the reports it may be
//     grouped with, so a write recounts only the runs its events join
//     and a busy pair costs a document what its runs cost, not what the
//     whole pair does. Within a run, key order is document and event ID,
//     the order in which a view meets the events. One key per event, not
//     one value per pair, keeps a busy pair from being rewritten whole by
//     every document that adds to it. (Format 3 had no run.)
//   - prefixGraphRow + actorID → the actor's row (graph.IndexRow): its
//     number, its name, code, type and country, and its counts with itself
//     and towards each other actor, by number. An actor gets a row with its
//     first event and keeps it; the rows with a kept event on either side
//     are the graph's nodes.
//   - keyActorNum → the next actor number.
const (
	prefixGraphPair = "gpair/"
	prefixGraphRow  = "grow/"
)

// digest is what the graph index keeps of one event.
type digest struct {
	doc, id         string
	flags           byte
	modality, cameo string
	date            graph.Date
}

const (
	// digestRev: the event runs from the pair's second actor to its first.
	digestRev = 1 << iota
	digestSymmetric
	digestDocDate
	// digestKept: the zero Filter keeps the event.
	digestKept
)

// pairOf orders an event's two actors as its graph-index pair is keyed.
func pairOf(e *graph.Event) [2]string {
	if e.Target < e.Source {
		return [2]string{e.Target, e.Source}
	}
	return [2]string{e.Source, e.Target}
}

func digestOf(e *graph.Event) digest {
	d := digest{doc: e.DocID, id: e.ID, modality: string(e.Modality), cameo: e.CAMEO, date: e.Date}
	if e.Target < e.Source {
		d.flags |= digestRev
	}
	if e.Symmetric {
		d.flags |= digestSymmetric
	}
	if e.DocDate {
		d.flags |= digestDocDate
	}
	if (graph.Filter{}).KeepEvent(e) {
		d.flags |= digestKept
	}
	return d
}

func encodeDigest(d *digest) []byte {
	b := make([]byte, 0, 16+len(d.modality)+len(d.cameo))
	b = append(b, d.flags)
	b = binary.AppendUvarint(b, uint64(len(d.modality)))
	b = append(b, d.modality...)
	b = binary.AppendUvarint(b, uint64(len(d.cameo)))
	b = append(b, d.cameo...)
	b = binary.AppendVarint(b, int64(d.date.Year))
	b = binary.AppendVarint(b, int64(d.date.Month))
	return binary.AppendVarint(b, int64(d.date.Day))
}

// decodeDigest reads the digest of event id of document doc.
func decodeDigest(doc, id string, b []byte, x *digest) error {
	return decodeDigestIn(doc, id, b, x, nil)
}

// decodeDigestIn is decodeDigest with the modality and CAMEO code taken
// from in when it holds them (and added to it when not): a pair's digests
// share a few of each, and a long load reads many.
func decodeDigestIn(doc, id string, b []byte, x *digest, in map[string]string) error {
	if len(b) == 0 {
		return errCorrupt
	}
	d := decoder{b: b[1:]}
	str := func() string {
		if in == nil {
			return d.str()
		}
		raw := d.raw()
		if s, ok := in[string(raw)]; ok {
			return s
		}
		s := string(raw)
		in[s] = s
		return s
	}
	*x = digest{doc: doc, id: id, flags: b[0], modality: str(), cameo: str()}
	x.date = graph.Date{Year: d.int(), Month: d.int(), Day: d.int()}
	return d.finish()
}

func digestKey(p [2]string, d *digest) []byte {
	return key(prefixGraphPair, p[0], p[1], runOf(d, p[0] == p[1]).segment(), d.doc, d.id)
}

// splitDigestKey splits what follows a pair's prefix in a digest's key
// into its run, document and event; run is "" in a store of format 3.
func splitDigestKey(rest string) (run, doc, id string, ok bool) {
	a, b, ok := strings.Cut(rest, "\x00")
	if !ok {
		return "", "", "", false
	}
	c, d, three := strings.Cut(b, "\x00")
	switch {
	case !three:
		return "", a, b, true
	case strings.Contains(d, "\x00"):
		return "", "", "", false
	}
	return a, c, d, true
}

// pairDigests reads the digests of pair p that txn sees, ordered by
// document and event ID.
func pairDigests(txn *badger.Txn, p [2]string) ([]digest, error) {
	ds, err := readDigests(txn, key(prefixGraphPair, p[0], p[1], ""))
	if err != nil {
		return nil, fmt.Errorf("graph index pair %s, %s: %w", p[0], p[1], err)
	}
	slices.SortFunc(ds, compareDigests)
	return ds, nil
}

// runDigests reads the digests of run k of pair p that txn sees, in key
// order. The writer reads them through a read-only transaction: an
// iterator of a transaction with writes sorts all of them each time it
// is made.
func runDigests(txn *badger.Txn, p [2]string, k runKey) ([]digest, error) {
	ds, err := readDigests(txn, key(prefixGraphPair, p[0], p[1], k.segment(), ""))
	if err != nil {
		return nil, fmt.Errorf("graph index pair %s, %s: %w", p[0], p[1], err)
	}
	return ds, nil
}

func readDigests(txn *badger.Txn, prefix []byte) ([]digest, error) {
	var ds []digest
	in := map[string]string{}
	// What follows the prefix: the run (unless the prefix has it),
	// document and event.
	err := scan(txn, prefix, func(rest, v []byte) error {
		_, doc, id, ok := splitDigestKey(string(rest))
		if !ok {
			return errCorrupt
		}
		ds = append(ds, digest{})
		return decodeDigestIn(doc, id, v, &ds[len(ds)-1], in)
	})
	return ds, err
}

// countPair counts a pair's events as a view of the zero Filter does:
// [0] from the pair's first actor to its second, [1] back, [2] of an actor
// with itself (self is true). The reports of one event are grouped by the
// view's rule (graph.GroupRun): same direction (any, for a symmetric
// event), root, modality and symmetry, dates that agree.
func countPair(ds []digest, self bool, window int) [3]pairCount {
	var rep []int32
	if len(ds) > 1 {
		rep = groupDigests(ds, self, window)
	}
	var c [3]pairCount
	for i := range ds {
		d := &ds[i]
		switch {
		case self:
			c[2].stored++
		case d.flags&digestRev != 0:
			c[1].stored++
		default:
			c[0].stored++
		}
		if d.flags&digestKept == 0 {
			continue
		}
		one := rep == nil || rep[i] == int32(i)
		add := func(k int) {
			c[k].Mentions++
			if one {
				c[k].Events++
			}
		}
		switch rev := d.flags&digestRev != 0; {
		case self:
			add(2)
		case rev:
			add(1)
		default:
			add(0)
		}
		if d.flags&digestSymmetric != 0 && !self {
			add(1 - int(d.flags&digestRev))
		}
	}
	return c
}

// groupDigests groups the reports among ds, returning for each the
// report that stands for its group (graph.GroupRun).
func groupDigests(ds []digest, self bool, window int) []int32 {
	rep := make([]int32, len(ds))
	runs := map[runKey][]int32{}
	var keys []runKey
	for i := range ds {
		rep[i] = int32(i)
		k := runOf(&ds[i], self)
		if k.rest {
			continue
		}
		if _, ok := runs[k]; !ok {
			keys = append(keys, k)
		}
		runs[k] = append(runs[k], int32(i))
	}
	for _, k := range keys {
		if idx := runs[k]; len(idx) > 1 {
			graph.GroupRun(idx, func(i int32) graph.ReportSpan {
				sp, _ := graph.SpanOf(ds[i].date, ds[i].flags&digestDocDate != 0)
				return sp
			}, func(i, j int32) bool { return ds[i].cameo == ds[j].cameo }, window, rep)
		}
	}
	return rep
}

// mergeDigests returns a new list of a and b, both in key order, in key
// order.
func mergeDigests(a, b []digest) []digest {
	out := make([]digest, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if compareDigests(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// edgeChange is +1 when an ordered pair gets its first stored event, -1
// when it loses its last.
func edgeChange(old, cur int) int64 {
	switch {
	case old == 0 && cur > 0:
		return 1
	case old > 0 && cur == 0:
		return -1
	}
	return 0
}

// pairCount is a pair's count one way, and how many events the store
// holds that way, the zero Filter's or not.
type pairCount struct {
	graph.IndexCount
	stored int
}

// indexRow is a graph-index row being edited; Out is sorted by To.
type indexRow struct {
	graph.IndexRow
	// dirty: the row differs from what is stored (or is new).
	dirty bool
}

func (r *indexRow) find(to uint32) (int, bool) {
	return slices.BinarySearchFunc(r.Out, to, func(e graph.IndexEdge, t uint32) int { return cmp.Compare(e.To, t) })
}

func (r *indexRow) out(to uint32) pairCount {
	i, found := r.find(to)
	if !found {
		return pairCount{}
	}
	return pairCount{r.Out[i].IndexCount, r.Out[i].Stored}
}

func (r *indexRow) setOut(to uint32, c pairCount) {
	i, found := r.find(to)
	// The entry goes with the last event either way: one stored the
	// other way round may count this way too (symmetric).
	gone := c.stored == 0 && c.Mentions == 0
	switch {
	case gone && found:
		r.Out = slices.Delete(r.Out, i, i+1)
	case gone:
		return
	case found:
		if r.Out[i].IndexCount == c.IndexCount && r.Out[i].Stored == c.stored {
			return
		}
		r.Out[i].IndexCount, r.Out[i].Stored = c.IndexCount, c.stored
	default:
		r.Out = slices.Insert(r.Out, i, graph.IndexEdge{To: to, IndexCount: c.IndexCount, Stored: c.stored})
	}
	r.dirty = true
}

func (r *indexRow) setSelf(c pairCount) {
	if r.Self != c.IndexCount || r.SelfStored != c.stored {
		r.Self, r.SelfStored, r.dirty = c.IndexCount, c.stored, true
	}
}

func encodeRow(r *graph.IndexRow) []byte {
	a := &r.Actor
	b := make([]byte, 0, 24+len(a.Name)+len(a.Code)+len(a.Type)+len(a.Country)+len(r.Out)*8)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(r.Num))
	str(a.Name)
	str(a.Code)
	str(string(a.Type))
	str(a.Country)
	b = binary.AppendUvarint(b, uint64(r.Self.Events))
	b = binary.AppendUvarint(b, uint64(r.Self.Mentions))
	b = binary.AppendUvarint(b, uint64(r.SelfStored))
	b = binary.AppendUvarint(b, uint64(len(r.Out)))
	for _, e := range r.Out {
		b = binary.AppendUvarint(b, uint64(e.To))
		b = binary.AppendUvarint(b, uint64(e.Events))
		b = binary.AppendUvarint(b, uint64(e.Mentions))
		b = binary.AppendUvarint(b, uint64(e.Stored))
	}
	return b
}

// decodeRow reads actor id's row. Strings that rows repeat (types,
// codes, countries) come from in, so that a query reading every row does
// not allocate them 200,000 times.
func decodeRow(id string, b []byte, r *graph.IndexRow, in interner) error {
	d := decoder{b: b}
	r.Num = uint32(d.uvarint())
	r.Actor = graph.Actor{ID: id, Name: d.str()}
	r.Actor.Code = in.str(d.bytes())
	r.Actor.Type = graph.ActorType(in.str(d.bytes()))
	r.Actor.Country = in.str(d.bytes())
	r.Self = graph.IndexCount{Events: int(d.uvarint()), Mentions: int(d.uvarint())}
	r.SelfStored = int(d.uvarint())
	n := d.uvarint()
	if n > uint64(len(b)) {
		return errCorrupt
	}
	if uint64(cap(r.Out)) >= n {
		r.Out = r.Out[:n]
	} else {
		r.Out = make([]graph.IndexEdge, n)
	}
	for i := range r.Out {
		r.Out[i] = graph.IndexEdge{To: uint32(d.uvarint()), IndexCount: graph.IndexCount{Events: int(d.uvarint()), Mentions: int(d.uvarint())}, Stored: int(d.uvarint())}
	}
	return d.finish()
}

// keyActorNum holds the next actor number the graph index gives.
var keyActorNum = []byte(prefixMeta + "actornum")

// rowRecord is what a row keeps of actor a.
func rowRecord(a *graph.Actor) graph.Actor {
	return graph.Actor{ID: a.ID, Name: a.Name, Code: a.Code, Type: a.Type, Country: a.Country}
}

// indexWriter keeps the graph index up to date within one transaction.
// Digests are written and deleted with their events, and remembered per
// pair; flush recounts the pairs they touched from those and the digests
// committed before, and rewrites the rows that changed.
type indexWriter struct {
	db    *badger.DB
	txn   *badger.Txn
	set   func(k, v []byte) error
	del   func(k []byte) error
	actor func(id string) (graph.Actor, error) // the actor's record as the transaction leaves it
	pairs map[[2]string]*pairEdit
	rows  map[string]*indexRow
	// touched are actors whose record may have changed.
	touched map[string]bool
	// next is the next actor number, 0 until read.
	next uint32
	// edges is the change in the number of ordered actor pairs with a
	// stored event (an actor with itself is one).
	edges int64
	// cache holds committed rows (nil: none), read instead of the store;
	// nil for none.
	cache map[string]*graph.IndexRow
}

// runKey says which run a digest belongs to: reports are grouped within
// one direction (any, for symmetric events), root, modality and symmetry.
// Digests that are never grouped (undated, or not kept) are the run rest,
// where each counts alone.
type runKey struct {
	dir            byte
	root, modality string
	symmetric      bool
	rest           bool
}

func runOf(d *digest, self bool) runKey {
	if d.flags&digestKept == 0 || d.date.IsZero() {
		return runKey{rest: true}
	}
	sym := d.flags&digestSymmetric != 0
	var dir byte
	if !sym && !self {
		dir = 1 + d.flags&digestRev
	}
	return runKey{dir, graph.ReportRoot(d.cameo), d.modality, sym, false}
}

// segment is the run's part of a digest's key: "r" for rest, else the
// direction, s or a for symmetric or not, the root, a slash and the
// modality.
func (k runKey) segment() string {
	if k.rest {
		return "r"
	}
	sym := byte('a')
	if k.symmetric {
		sym = 's'
	}
	return string([]byte{'0' + k.dir, sym}) + k.root + "/" + k.modality
}

// addCounts adds c to total, or takes it away (sign -1).
func addCounts(total *[3]pairCount, c [3]pairCount, sign int) {
	for k := range total {
		total[k].stored += sign * c[k].stored
		total[k].Mentions += sign * c[k].Mentions
		total[k].Events += sign * c[k].Events
	}
}

// compareDigests orders digests as their keys are: by document, then event.
func compareDigests(a, b digest) int {
	if c := strings.Compare(a.doc, b.doc); c != 0 {
		return c
	}
	return strings.Compare(a.id, b.id)
}

// pairEdit is what the transaction changed of one pair's digests.
type pairEdit struct {
	add  []digest
	gone []digest // committed digests the transaction deletes
}

// newIndexWriter keeps the index within txn, a transaction of db that
// writes through set and del. No other transaction may commit to db
// before txn does.
func newIndexWriter(db *badger.DB, txn *badger.Txn, cache map[string]*graph.IndexRow, set func(k, v []byte) error, del func(k []byte) error, actor func(string) (graph.Actor, error)) *indexWriter {
	return &indexWriter{db: db, txn: txn, cache: cache, set: set, del: del, actor: actor,
		pairs: map[[2]string]*pairEdit{}, rows: map[string]*indexRow{}, touched: map[string]bool{}}
}

func (w *indexWriter) edit(p [2]string) *pairEdit {
	pe := w.pairs[p]
	if pe == nil {
		pe = &pairEdit{}
		w.pairs[p] = pe
	}
	return pe
}

// add writes the digest of a new event. Its actors get their rows, and
// so their numbers, in the order events are added: a store written in
// one batch or document by document numbers them alike.
func (w *indexWriter) add(e *graph.Event) error {
	for _, id := range [2]string{e.Source, e.Target} {
		if _, err := w.row(id, true); err != nil {
			return err
		}
	}
	p := pairOf(e)
	d := digestOf(e)
	pe := w.edit(p)
	pe.add = append(pe.add, d)
	return w.set(digestKey(p, &d), encodeDigest(&d))
}

// remove deletes the digest of an event that goes.
func (w *indexWriter) remove(e *graph.Event) error {
	p := pairOf(e)
	d := digestOf(e)
	pe := w.edit(p)
	if i := slices.IndexFunc(pe.add, func(a digest) bool { return a.doc == d.doc && a.id == d.id }); i >= 0 {
		pe.add = slices.Delete(pe.add, i, i+1)
	} else {
		pe.gone = append(pe.gone, d)
	}
	return w.del(digestKey(p, &d))
}

// touch says that actor id's record may have changed.
func (w *indexWriter) touch(id string) { w.touched[id] = true }

// row returns actor id's row; one that is not stored is made, with the
// next actor number, when create is set, and is nil otherwise.
func (w *indexWriter) row(id string, create bool) (*indexRow, error) {
	if r := w.rows[id]; r != nil {
		return r, nil
	}
	r := &indexRow{}
	c, cached := w.cache[id]
	err := ErrNotFound
	var b []byte
	switch {
	case c != nil:
		// The cached row stays as committed: edit a copy.
		r.IndexRow = *c
		r.Out = slices.Clone(c.Out)
		w.rows[id] = r
		return r, nil
	case !cached:
		b, err = getValue(w.txn, key(prefixGraphRow, id))
	}
	switch {
	case err == nil:
		if err := decodeRow(id, b, &r.IndexRow, nil); err != nil {
			return nil, fmt.Errorf("graph index row of %s: %w", id, err)
		}
	case !errors.Is(err, ErrNotFound):
		return nil, err
	case !create:
		return nil, nil
	default:
		if w.next == 0 {
			n, err := getUint64(w.txn, keyActorNum)
			if err != nil && !errors.Is(err, ErrNotFound) {
				return nil, fmt.Errorf("graph index: next actor number: %w", err)
			}
			w.next = max(uint32(n), 1)
		}
		r.Actor.ID, r.Num, r.dirty = id, w.next, true
		w.next++
	}
	w.rows[id] = r
	return r, nil
}

// recount updates nc, pair p's counts, with the runs the transaction
// changed; had says whether the pair has committed digests, read through
// *read, made when first needed.
func (w *indexWriter) recount(p [2]string, self, had bool, window int, nc *[3]pairCount, read **badger.Txn) error {
	pe := w.pairs[p]
	edits := map[runKey]*pairEdit{}
	edit := func(d *digest) *pairEdit {
		k := runOf(d, self)
		e := edits[k]
		if e == nil {
			e = &pairEdit{}
			edits[k] = e
		}
		return e
	}
	for i := range pe.add {
		e := edit(&pe.add[i])
		e.add = append(e.add, pe.add[i])
	}
	for i := range pe.gone {
		e := edit(&pe.gone[i])
		e.gone = append(e.gone, pe.gone[i])
	}
	for k, e := range edits {
		if k.rest {
			// Reports never grouped count one by one.
			for i := range e.add {
				addCounts(nc, countPair(e.add[i:i+1], self, window), 1)
			}
			for i := range e.gone {
				addCounts(nc, countPair(e.gone[i:i+1], self, window), -1)
			}
			continue
		}
		var old []digest
		if had {
			if *read == nil {
				*read = w.db.NewTransaction(false)
			}
			var err error
			if old, err = runDigests(*read, p, k); err != nil {
				return err
			}
		}
		addCounts(nc, countPair(old, self, window), -1)
		cur := old
		if len(e.gone) > 0 {
			cur = slices.DeleteFunc(cur, func(d digest) bool {
				return slices.ContainsFunc(e.gone, func(g digest) bool { return g.doc == d.doc && g.id == d.id })
			})
		}
		slices.SortFunc(e.add, compareDigests)
		addCounts(nc, countPair(mergeDigests(cur, e.add), self, window), 1)
	}
	return nil
}

// flush recounts the touched pairs and writes pairs and rows.
func (w *indexWriter) flush() error {
	window := graph.Filter{}.ReportWindow()
	ps := make([][2]string, 0, len(w.pairs))
	for p := range w.pairs {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool {
		if ps[i][0] != ps[j][0] {
			return ps[i][0] < ps[j][0]
		}
		return ps[i][1] < ps[j][1]
	})
	var read *badger.Txn
	defer func() {
		if read != nil {
			read.Discard()
		}
	}()
	for _, p := range ps {
		self := p[0] == p[1]
		rx, err := w.row(p[0], true)
		if err != nil {
			return err
		}
		ry, err := w.row(p[1], true)
		if err != nil {
			return err
		}
		// The pair's counts are the sums of its runs': the rows hold
		// them as committed, and the runs the transaction changed are
		// counted again.
		var nc [3]pairCount
		if self {
			nc[2] = pairCount{rx.Self, rx.SelfStored}
		} else {
			nc[0], nc[1] = rx.out(ry.Num), ry.out(rx.Num)
		}
		// Most pairs of a large graph are new, and need no read.
		had := nc[0].stored+nc[1].stored+nc[2].stored > 0
		if err := w.recount(p, self, had, window, &nc, &read); err != nil {
			return err
		}
		if self {
			w.edges += edgeChange(rx.SelfStored, nc[2].stored)
			rx.setSelf(nc[2])
			continue
		}
		w.edges += edgeChange(rx.out(ry.Num).stored, nc[0].stored) + edgeChange(ry.out(rx.Num).stored, nc[1].stored)
		rx.setOut(ry.Num, nc[0])
		ry.setOut(rx.Num, nc[1])
	}
	for id := range w.touched {
		// Only a stored row needs its record refreshed.
		if _, err := w.row(id, false); err != nil {
			return err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(w.rows)) {
		r := w.rows[id]
		a, err := w.actor(id)
		if err != nil {
			return fmt.Errorf("graph index row of %s: %w", id, err)
		}
		if rec := rowRecord(&a); !actorEqual(rec, r.Actor) {
			r.Actor, r.dirty = rec, true
		}
		if !r.dirty {
			continue
		}
		if err := w.set(key(prefixGraphRow, id), encodeRow(&r.IndexRow)); err != nil {
			return err
		}
	}
	if w.next != 0 {
		return w.set(keyActorNum, encodeUint64(uint64(w.next)))
	}
	return nil
}

// HasGraphIndex reports whether the store keeps the graph index (format 3
// and later). A store of an older format gets it at its first writable
// open; read-only, it has none and queries read its events.
func (s *Store) HasGraphIndex() bool { return s.format >= 3 }

// indexDocument offers the events of document doc to w: read from its
// block, one value, rather than event by event (a store of format 1 has
// its blocks written before its index).
func (s *Store) indexDocument(txn *badger.Txn, w *indexWriter, doc string, in interner) error {
	b, err := getValue(txn, key(prefixBlock, doc))
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	var werr error
	err = walkBlock(b, in, nil, func(e *graph.Event, _ byte, _, _ int32) {
		if werr == nil {
			werr = w.add(e)
		}
	})
	return errors.Join(err, werr)
}

// GraphRows calls fn with the graph-index row of every actor that has
// taken part in an event, in actor-ID order. The row and its Out are
// valid only during the call (its strings stay valid): the next row is
// read into them.
func (s *Store) GraphRows(fn func(r *graph.IndexRow) error) error {
	if !s.HasGraphIndex() {
		return fmt.Errorf("store %s has no graph index (format %d)", s.name(), s.format)
	}
	// The rows are read on a goroutine of their own, a few thousand at a
	// time copied into one buffer, and decoded here while the next are
	// read: on two cores the reading and the building of a view overlap.
	type batch struct {
		buf  []byte
		ends []int // key end, value end, for each row
	}
	const rowsPerBatch, depth = 4096, 4
	// Batches go back to the reader once decoded, so that a read of 200k
	// rows reuses a few buffers.
	free := make(chan batch, depth+2)
	in := interner{}
	var r graph.IndexRow
	err := readAhead(depth, func(send func(batch) bool) error {
		next := func() batch {
			select {
			case b := <-free:
				return batch{buf: b.buf[:0], ends: b.ends[:0]}
			default:
				return batch{}
			}
		}
		return s.db.View(func(txn *badger.Txn) error {
			b := next()
			err := scanWith(txn, badger.IteratorOptions{Prefix: []byte(prefixGraphRow)}, func(id, v []byte) error {
				b.buf = append(append(b.buf, id...), v...)
				b.ends = append(b.ends, len(b.buf)-len(v), len(b.buf))
				if len(b.ends) == 2*rowsPerBatch {
					if !send(b) {
						return errStopped
					}
					b = next()
				}
				return nil
			})
			if err == nil && len(b.ends) > 0 && !send(b) {
				err = errStopped
			}
			if errors.Is(err, errStopped) {
				return nil
			}
			return err
		})
	}, func(b batch) error {
		start := 0
		for k := 0; k < len(b.ends); k += 2 {
			id, v := b.buf[start:b.ends[k]], b.buf[b.ends[k]:b.ends[k+1]]
			start = b.ends[k+1]
			if err := decodeRow(string(id), v, &r, in); err != nil {
				return fmt.Errorf("graph index row of %s: %w", id, err)
			}
			if err := fn(&r); err != nil {
				return err
			}
		}
		select {
		case free <- b:
		default:
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read graph index: %w", err)
	}
	return nil
}

// PairEvents returns every event between actors a and b, either way (a
// == b: the actor's events with itself), whole, ordered by document and
// event ID as a full read meets them.
func (s *Store) PairEvents(a, b string) ([]graph.Event, error) {
	if b < a {
		a, b = b, a
	}
	var out []graph.Event
	err := s.db.View(func(txn *badger.Txn) error {
		ds, err := pairDigests(txn, [2]string{a, b})
		if err != nil {
			return err
		}
		out = make([]graph.Event, len(ds))
		// A document's text, which sentences are cut from, is read once
		// for all of its events on the pair.
		texts := map[string]string{}
		for i, d := range ds {
			e := &out[i]
			span, err := getEventRecord(txn, d.id, e)
			if err == nil && span {
				text, ok := texts[e.DocID]
				if !ok {
					text, err = sentenceText(txn, e.DocID)
					texts[e.DocID] = text
				}
				e.Sentence = textSpan(text, e.Start, e.End)
			}
			if err != nil {
				return fmt.Errorf("event %s: %w", d.id, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the events between %s and %s: %w", a, b, err)
	}
	return out, nil
}

// RebuildGraphIndex writes the graph index again from the events: after
// an upgrade from an older format, a repair, or on demand (kg reindex
// --graph). It deletes the old index first; a run cut short leaves an
// index that a further run rebuilds.
func (s *Store) RebuildGraphIndex(ctx context.Context) error {
	if s.opts.ReadOnly {
		return fmt.Errorf("rebuild graph index: %w", ErrReadOnly)
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.rebuildGraphIndex(ctx)
}

// rebuildGraphIndex is RebuildGraphIndex with the write lock held.
func (s *Store) rebuildGraphIndex(ctx context.Context) error {
	s.rows = nil
	for _, p := range [][]byte{[]byte(prefixGraphPair), []byte(prefixGraphRow), keyActorNum} {
		if err := s.db.DropPrefix(p); err != nil {
			return fmt.Errorf("rebuild graph index: drop %s: %w", p, err)
		}
	}
	ids, err := s.documentIDs()
	if err != nil {
		return fmt.Errorf("rebuild graph index: %w", err)
	}
	// A few documents per transaction: enough to share the pairs and rows
	// of their actors, few enough to stay far under Badger's limit.
	const perTxn = 32
	in := interner{}
	for lo := 0; lo < len(ids); lo += perTxn {
		if err := ctx.Err(); err != nil {
			return err
		}
		batch := ids[lo:min(lo+perTxn, len(ids))]
		err := s.db.Update(func(txn *badger.Txn) error {
			w := newIndexWriter(s.db, txn, nil, txn.Set, txn.Delete, func(id string) (graph.Actor, error) { return getActor(txn, id) })
			for _, doc := range batch {
				if err := s.indexDocument(txn, w, doc, in); err != nil {
					return fmt.Errorf("document %s: %w", doc, err)
				}
			}
			return w.flush()
		})
		if err != nil {
			return fmt.Errorf("rebuild graph index: %w", err)
		}
	}
	return nil
}

// graphIndexMend ends every problem Check finds with the graph index.
const graphIndexMend = " (kg reindex --graph rebuilds the index)"

// checkGraphIndex holds the graph index to the events: every event has
// its digest under its pair and no digest outlives its event, every row
// says what the digests count, and actor numbers are unique. Problems end
// with how to mend them.
func checkGraphIndex(ctx context.Context, txn *badger.Txn, r *CheckReport) error {
	const mend = graphIndexMend
	rows := map[string]*graph.IndexRow{}
	owner := map[uint32]string{}
	next, err := getUint64(txn, keyActorNum)
	if err != nil && !errors.Is(err, ErrNotFound) {
		r.problem("graph index: next actor number: %v%s", err, mend)
	}
	err = scan(txn, []byte(prefixGraphRow), func(k, v []byte) error {
		id := string(k)
		var row graph.IndexRow
		if err := decodeRow(id, v, &row, nil); err != nil {
			r.problem("graph index row of %s: %v%s", id, err, mend)
			return nil
		}
		if o, taken := owner[row.Num]; taken || row.Num == 0 || uint64(row.Num) >= next {
			r.problem("graph index gives %s the number %d (taken by %q, next %d)%s", id, row.Num, o, next, mend)
		}
		owner[row.Num] = id
		rows[id] = &row
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	want := map[string]*indexRow{}
	wrow := func(id string) *indexRow {
		if w := want[id]; w != nil {
			return w
		}
		w := &indexRow{}
		want[id] = w
		return w
	}
	num := func(id string) uint32 {
		if row := rows[id]; row != nil {
			return row.Num
		}
		r.problem("graph index has no row for %s%s", id, mend)
		return 0
	}
	window := graph.Filter{}.ReportWindow()
	digests := 0
	var cur [2]string
	var ds []digest
	count := func() {
		if len(ds) == 0 {
			return
		}
		c := countPair(ds, cur[0] == cur[1], window)
		if cur[0] == cur[1] {
			wrow(cur[0]).setSelf(c[2])
		} else {
			wrow(cur[0]).setOut(num(cur[1]), c[0])
			wrow(cur[1]).setOut(num(cur[0]), c[1])
		}
		ds = ds[:0]
	}
	err = scan(txn, []byte(prefixGraphPair), func(k, v []byte) error {
		digests++
		a, rest, _ := strings.Cut(string(k), "\x00")
		b, rest, _ := strings.Cut(rest, "\x00")
		run, doc, id, ok := splitDigestKey(rest)
		if !ok || a == "" || b == "" {
			r.problem("graph index key %q: malformed%s", k, mend)
			return nil
		}
		p := [2]string{a, b}
		if p != cur {
			count()
			cur = p
		}
		var d digest
		if err := decodeDigest(doc, id, v, &d); err != nil {
			r.problem("graph index digest of event %s: %v%s", id, err, mend)
			return nil
		}
		if run != "" && run != runOf(&d, a == b).segment() {
			r.problem("graph index holds event %s in the wrong run%s", id, mend)
		}
		var e graph.Event
		if _, err := getEventRecord(txn, d.id, &e); err != nil {
			r.problem("graph index holds event %s, which does not read back: %v%s", d.id, err, mend)
			return nil
		}
		if pairOf(&e) != p || digestOf(&e) != d {
			r.problem("graph index holds event %s otherwise than it is stored%s", d.id, mend)
		}
		ds = append(ds, d)
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	count()
	if digests != r.Events {
		r.problem("graph index holds %d events, %d are stored%s", digests, r.Events, mend)
	}
	for id, got := range rows {
		w := wrow(id)
		a, err := getActor(txn, id)
		if err != nil {
			r.problem("graph index has a row for %s, whose record does not read back: %v%s", id, err, mend)
			continue
		}
		w.Num, w.Actor = got.Num, rowRecord(&a)
		if !slices.Equal(encodeRow(got), encodeRow(&w.IndexRow)) {
			r.problem("graph index row of %s does not add up to its events%s", id, mend)
		}
	}
	return nil
}

// indexEdges is Edges read from the graph index rows: the stored events
// of each ordered pair, in source then target ID order.
func (s *Store) indexEdges(fn func(src, dst string, n int) error) error {
	type edge struct {
		src int32  // index in ids
		dst uint32 // actor number, then index in ids
		n   int
	}
	var ids []string
	index := map[uint32]int32{}
	var edges []edge
	err := s.GraphRows(func(r *graph.IndexRow) error {
		i := int32(len(ids))
		ids = append(ids, r.Actor.ID)
		index[r.Num] = i
		if r.SelfStored > 0 {
			edges = append(edges, edge{i, r.Num, r.SelfStored})
		}
		for _, e := range r.Out {
			if e.Stored > 0 {
				edges = append(edges, edge{i, e.To, e.Stored})
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for k := range edges {
		j, ok := index[edges[k].dst]
		if !ok {
			return fmt.Errorf("read graph index: %s has events towards actor number %d, which has no row: %w", ids[edges[k].src], edges[k].dst, ErrDamaged)
		}
		edges[k].dst = uint32(j)
	}
	// Rows come in ID order, so indexes are; sources are in order already.
	slices.SortStableFunc(edges, func(a, b edge) int {
		return cmp.Or(cmp.Compare(a.src, b.src), cmp.Compare(a.dst, b.dst))
	})
	for _, e := range edges {
		if err := fn(ids[e.src], ids[e.dst], e.n); err != nil {
			return err
		}
	}
	return nil
}
