package syntax

import (
	"math"
	"sort"
	"sync"
	"unsafe"
)

// Features are 64-bit hashes of a template number and the values it joins.
// Collisions among a few million features of 64 bits are negligible.

func mix(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 ^ b
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 29
	x *= 0x94D049BB133111EB
	x ^= x >> 32
	if x == 0 {
		x = 1 // 0 marks an empty slot in the table
	}
	return x
}

func feat1(t, a uint64) uint64       { return mix(t, a) }
func feat2(t, a, b uint64) uint64    { return mix(mix(t, a), b) }
func feat3(t, a, b, c uint64) uint64 { return mix(mix(mix(t, a), b), c) }

// hashString is FNV-1a; it runs once per word per sentence.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// trainWeight is one class's weight of a feature during training, with
// what averaging needs: the running sum of past values and when it was last
// brought up to date.
type trainWeight struct {
	class int32
	stamp int32
	w     float64
	sum   float64
}

// averaged is an averaged perceptron under training (Collins 2002). Weights
// are kept sparse per feature: most features only ever meet a few classes.
type averaged struct {
	nclass  int
	weights map[uint64][]trainWeight
	clock   int32
}

func newAveraged(nclass int) *averaged {
	return &averaged{nclass: nclass, weights: make(map[uint64][]trainWeight, 1<<20)}
}

// score adds the current weights of feats to scores.
func (p *averaged) score(feats []uint64, scores []float64) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		for _, e := range p.weights[f] {
			scores[e.class] += e.w
		}
	}
}

// tick advances the clock once per training instance.
func (p *averaged) tick() { p.clock++ }

// update moves the weights of feats towards truth and away from guess.
func (p *averaged) update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		ws := p.weights[f]
		ws = p.bump(ws, int32(truth), 1)
		ws = p.bump(ws, int32(guess), -1)
		p.weights[f] = ws
	}
}

func (p *averaged) bump(ws []trainWeight, class int32, d float64) []trainWeight {
	for i := range ws {
		if ws[i].class == class {
			e := &ws[i]
			e.sum += float64(p.clock-e.stamp) * e.w
			e.stamp = p.clock
			e.w += d
			return ws
		}
	}
	return append(ws, trainWeight{class: class, stamp: p.clock, w: d})
}

// average returns the averaged weights as a compact table of int16
// weights with one scale for the table, keeping only weights that do not
// round to zero. Scores are then sums of integers: exact, and the table is a
// third of the size of float32s.
func (p *averaged) average() *weightTable {
	keys := make([]uint64, 0, len(p.weights))
	var maxAbs float64
	avg := func(e trainWeight) float64 {
		return (e.sum + float64(p.clock-e.stamp)*e.w) / float64(max(p.clock, 1))
	}
	for k, ws := range p.weights {
		keys = append(keys, k)
		for _, e := range ws {
			maxAbs = math.Max(maxAbs, math.Abs(avg(e)))
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	b := &tableBuilder{nclass: p.nclass, scale: float32(scale)}
	var row []entry
	for _, k := range keys {
		row = row[:0]
		for _, e := range p.weights[k] {
			q := math.Round(avg(e) / scale)
			if q != 0 {
				row = append(row, entry{class: uint16(e.class), w: int16(q)})
			}
		}
		if len(row) > 0 {
			sort.Slice(row, func(i, j int) bool { return row[i].class < row[j].class })
			b.add(k, row)
		}
	}
	return b.build()
}

// entry is one class's weight of a feature.
type entry struct {
	class uint16
	w     int16
}

// slot is a feature's place in the hash table: its key and its entries.
// Scoring is bound by memory latency, not arithmetic, so slots are kept to
// 16 bytes, four to a cache line. A row of one or two entries (most of the
// long tail of lexical features) is kept in the slot itself, which saves a
// second trip to memory; a longer one is a run of the table's entries: the
// features a parse meets most often have many entries (one per class they
// favour or disfavour).
type slot struct {
	key uint64 // the feature's table key, the row's length above keyBits; 0 = empty
	// val is the row's entries when inline, else their offset, and above
	// it 1 + the number of its dense row, or 0 when it has none.
	val uint64
}

// inlineMax is the longest row kept in its slot.
const inlineMax = 2

func (sl *slot) tableKey() uint64 { return sl.key & keyMask }

// row returns the entries of the feature in sl, among entries.
func (sl *slot) row(entries []entry) []entry {
	n := sl.key >> keyBits
	if n <= inlineMax {
		return unsafe.Slice((*entry)(unsafe.Pointer(&sl.val)), n)
	}
	off := uint64(uint32(sl.val))
	return entries[off : off+n : off+n]
}

// denseRef is 1 + the number of the feature's dense row, 0 if none.
func (sl *slot) denseRef() int {
	if sl.key>>keyBits <= inlineMax {
		return 0
	}
	return int(sl.val >> 32)
}

// weightTable is the read-only weights of a trained perceptron: a hash
// table from feature to a run of entries, in two parts. The hot part holds
// the features with the most entries: they are the ones a parse meets all
// the time (tags, labels, the commonest words), and kept together in a
// couple of megabytes they stay in the processor's cache. The cold part
// holds the long tail of lexical features; a lookup there costs a trip to
// memory, which is what bounds the speed of scoring.
type weightTable struct {
	nclass    int
	scale     float32 // weight = entry.w * scale
	hot, cold hashPart

	// dense holds the long rows again, each as denseWords words of two
	// classes' weights plus denseBias, a 32-bit lane each: adding up such
	// rows is one 64-bit addition for two classes, and no class to read
	// and write by.
	dense      []uint64
	denseWords int
}

// denseBias keeps a dense row's lanes non-negative, so that adding up
// dense rows never carries from one lane into the next: a lane of k rows
// holds at most k·65535, below 2³² for the few dozen rows of a
// configuration (for any k up to 65536).
const denseBias = 1 << 15

// denseMin is the shortest row of a table of nclass classes also kept
// dense. A sparse entry costs a read of its class and a read and write of
// the score it adds to; a dense row costs a read of each of its words, two
// classes each, added up four rows at a time. On the embedded model a
// quarter of the classes is where dense rows stop paying: shorter ones cost
// more in memory, and so in cache misses, than they save.
func denseMin(nclass int) int { return max((nclass+1)/4, 8) }

// hashPart is an open-addressing table with linear probing over its own
// entries. Its size is not a power of two: a key's home slot is the high
// half of its top 32 bits times the size (Lemire's reduction), so the table
// can be sized to be 60 % full rather than rounded up to twice the keys.
// Taking the top bits keeps homes in the order of the keys, and keys arrive
// sorted, so building the table writes memory in order.
type hashPart struct {
	size    uint64
	slots   []slot
	entries []entry
}

// hotBytes bounds the size of a table's hot part.
const hotBytes = 2 << 20

type tableBuilder struct {
	nclass  int
	scale   float32
	keys    []uint64
	entries []entry
	rowOff  []uint32
}

func (b *tableBuilder) add(key uint64, row []entry) {
	if b.rowOff == nil {
		b.rowOff = append(b.rowOff, 0)
	}
	b.keys = append(b.keys, key)
	b.entries = append(b.entries, row...)
	b.rowOff = append(b.rowOff, uint32(len(b.entries)))
}

// keyBits is how many low bits of a feature's 64-bit hash a table keeps.
// Among the few million features of a model, 48 bits leave an expected
// hundredth of a collision, and the key differences in a model file take 4
// bytes instead of 7: keys are most of the file.
const (
	keyBits = 48
	keyMask = 1<<keyBits - 1
)

// tableKey is the key a table stores for feature f; 0 marks an empty slot.
func tableKey(f uint64) uint64 {
	if k := f & keyMask; k != 0 {
		return k
	}
	return 1
}

// truncate replaces the builder's keys by their table keys, in ascending
// order, adding up the rows of features that come to share one.
func (b *tableBuilder) truncate() {
	sorted := true
	for i, k := range b.keys {
		if k > keyMask || k == 0 || i > 0 && tableKey(b.keys[i-1]) >= tableKey(k) {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	order := make([]int, len(b.keys))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return tableKey(b.keys[order[x]]) < tableKey(b.keys[order[y]]) })
	nb := &tableBuilder{nclass: b.nclass, scale: b.scale}
	sum := make([]int32, b.nclass)
	var row []entry
	for i := 0; i < len(order); {
		k := tableKey(b.keys[order[i]])
		clear(sum)
		for ; i < len(order) && tableKey(b.keys[order[i]]) == k; i++ {
			r := order[i]
			for _, e := range b.entries[b.rowOff[r]:b.rowOff[r+1]] {
				sum[e.class] += int32(e.w)
			}
		}
		row = row[:0]
		for c, v := range sum {
			if v != 0 {
				row = append(row, entry{class: uint16(c), w: int16(min(max(v, math.MinInt16), math.MaxInt16))})
			}
		}
		if len(row) > 0 {
			nb.add(k, row)
		}
	}
	*b = *nb
}

func (b *tableBuilder) build() *weightTable {
	b.truncate()
	if b.rowOff == nil {
		b.rowOff = []uint32{0}
	}
	t := &weightTable{nclass: b.nclass, scale: b.scale}
	rowLen := func(i int) int { return int(b.rowOff[i+1] - b.rowOff[i]) }
	// The hot rows are the longest: find the shortest length that still
	// fits, counting rows by length (a row has at most nclass entries).
	byLen := make([]int, b.nclass+1)
	for i := range b.keys {
		byLen[min(rowLen(i), b.nclass)]++
	}
	slotBytes := 2 * int(unsafe.Sizeof(slot{}))
	minLen, bytes, nhot, hotEntries := b.nclass+1, 0, 0, 0
	for l := b.nclass; l > 0; l-- {
		cost := byLen[l] * (4*l + slotBytes)
		if bytes+cost > hotBytes {
			break
		}
		bytes += cost
		nhot += byLen[l]
		hotEntries += byLen[l] * l
		minLen = l
	}
	hot := make([]entry, 0, hotEntries)
	adviseHuge(hot)
	t.hot = newHashPart(nhot, hot)
	t.denseWords = (b.nclass + 1) / 2
	ndense := 0
	for l := denseMin(b.nclass); l <= b.nclass; l++ {
		ndense += byLen[l]
	}
	t.dense = make([]uint64, 0, ndense*t.denseWords)
	// The cold rows too long for their slot are moved down over the
	// builder's entries: a row is never moved past where it was.
	t.cold = newHashPart(len(b.keys)-nhot, b.entries[:0])
	for i, k := range b.keys {
		row := b.entries[b.rowOff[i]:b.rowOff[i+1]]
		ref := uint32(0)
		if len(row) >= denseMin(b.nclass) {
			ref = uint32(len(t.dense)/t.denseWords) + 1
			t.dense = appendDense(t.dense, row, t.denseWords)
		}
		if len(row) >= minLen {
			t.hot.put(k, row, ref)
		} else {
			t.cold.put(k, row, ref)
		}
	}
	return t
}

func newHashPart(n int, entries []entry) hashPart {
	size := uint64(n)*5/3 + 16
	slots := make([]slot, size)
	adviseHuge(slots)
	return hashPart{size: size, slots: slots, entries: entries}
}

func (h *hashPart) home(key uint64) uint64 {
	return (key >> (keyBits - 32) & 0xffffffff) * h.size >> 32
}

// put adds key and its row, appending the row to h's entries unless it
// fits in the slot.
func (h *hashPart) put(key uint64, row []entry, denseRef uint32) {
	s := h.home(key)
	for h.slots[s].key != 0 {
		if s++; s == h.size {
			s = 0
		}
	}
	sl := slot{key: key | uint64(len(row))<<keyBits}
	if len(row) <= inlineMax {
		copy(unsafe.Slice((*entry)(unsafe.Pointer(&sl.val)), inlineMax), row)
	} else {
		sl.val = uint64(len(h.entries)) | uint64(denseRef)<<32
		h.entries = append(h.entries, row...)
	}
	h.slots[s] = sl
}

// appendDense appends row as a dense row of words words.
func appendDense(dense []uint64, row []entry, words int) []uint64 {
	start := len(dense)
	for range words {
		dense = append(dense, denseBias|denseBias<<32)
	}
	for _, e := range row {
		w := &dense[start+int(e.class)/2]
		shift := 32 * (e.class % 2)
		lane := uint64(uint32(int32(e.w) + denseBias))
		*w = *w&^(0xffffffff<<shift) | lane<<shift
	}
	return dense
}

// find returns the slot of key, or nil.
func (h *hashPart) find(key uint64) *slot {
	s := h.home(key)
	for {
		sl := &h.slots[s]
		k := sl.tableKey()
		if k == key {
			return sl
		}
		if k == 0 {
			return nil
		}
		if s++; s == h.size {
			s = 0
		}
	}
}

// row returns the entries of key, or nil.
func (h *hashPart) row(key uint64) []entry {
	if sl := h.find(key); sl != nil {
		return sl.row(h.entries)
	}
	return nil
}

// lookup returns the entries of feature f, and its dense row when it has
// one; nil if f has no weights.
func (t *weightTable) lookup(f uint64) ([]entry, []uint64) {
	k := tableKey(f)
	h := &t.hot
	sl := h.find(k)
	if sl == nil {
		h = &t.cold
		if sl = h.find(k); sl == nil {
			return nil, nil
		}
	}
	if ref := sl.denseRef(); ref != 0 {
		return nil, t.dense[(ref-1)*t.denseWords : ref*t.denseWords : ref*t.denseWords]
	}
	return sl.row(h.entries), nil
}

// row returns the entries of feature f, or nil.
func (t *weightTable) row(f uint64) []entry {
	k := tableKey(f)
	if r := t.hot.row(k); r != nil {
		return r
	}
	return t.cold.row(k)
}

// score sets scores to the sum of the weights of feats, in units of scale.
func (t *weightTable) score(feats []uint64, scores []int32) {
	clear(scores)
	for _, f := range feats {
		addRow(t.row(f), scores)
	}
}

func addRow(row []entry, scores []int32) {
	if len(scores) == scoreLanes {
		// A fixed-size array indexed by a masked class needs no bounds
		// check: this loop is where scoring spends its time.
		lanes := (*[scoreLanes]int32)(scores)
		for _, e := range row {
			lanes[e.class&(scoreLanes-1)] += int32(e.w)
		}
		return
	}
	for _, e := range row {
		scores[e.class] += int32(e.w)
	}
}

// scoreLanes is the length of a score buffer from newScores when the classes
// fit in it.
const scoreLanes = 256

// newScores returns a buffer for the scores of nclass classes; read only its
// first nclass values.
func newScores(nclass int) []int32 {
	if nclass <= scoreLanes {
		return make([]int32, scoreLanes)
	}
	return make([]int32, nclass)
}

// each calls fn with every feature of t and its entries, in ascending order
// of feature. The table keeps no sorted list (it would only serve writing),
// so each sorts the slots.
func (t *weightTable) each(fn func(key uint64, row []entry)) {
	type ref struct {
		h *hashPart
		s *slot
	}
	var refs []ref
	for _, h := range []*hashPart{&t.hot, &t.cold} {
		for i := range h.slots {
			if h.slots[i].key != 0 {
				refs = append(refs, ref{h, &h.slots[i]})
			}
		}
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].s.tableKey() < refs[j].s.tableKey() })
	for _, r := range refs {
		fn(r.s.tableKey(), r.s.row(r.h.entries))
	}
}

// scoreCache remembers the rows of recent features. Consecutive parser
// configurations share most features (the buffer's words do not change
// until a shift), and a row found in the cache costs no trip to memory.
// The rows of a table never change, so a cache serves every sentence
// scored with its table.
type scoreCache struct {
	t     *weightTable
	key   [cacheSize]uint64
	row   [cacheSize][]entry
	dense [cacheSize][]uint64

	rows rowSet   // the rows of one call's features
	miss []uint64 // its features not in the cache
	sink uint64
	// The tagger's memory for a sentence: its words, the classes known
	// without scoring, the features of the words, and where each word's
	// begin in static.
	words  []tagWord
	known  []int32
	static []uint64
	bounds []int
	feats  []uint64
	scores []int32
}

const cacheSize = 1 << 10

// rowSet is the rows of a set of features, sparse and dense.
type rowSet struct {
	sparse [][]entry
	dense  [][]uint64
	acc    []uint64
}

func (rs *rowSet) reset() {
	rs.sparse, rs.dense = rs.sparse[:0], rs.dense[:0]
}

// addTo adds the rows to scores, a buffer from newScores.
func (rs *rowSet) addTo(scores []int32) {
	for _, r := range rs.sparse {
		addRow(r, scores)
	}
	if len(rs.dense) == 0 {
		return
	}
	acc := append(rs.acc[:0], rs.dense[0]...)
	rest := rs.dense[1:]
	// Four rows at a time: one load and store of the sums for four rows.
	for ; len(rest) >= 4; rest = rest[4:] {
		d0, d1, d2, d3 := rest[0][:len(acc)], rest[1][:len(acc)], rest[2][:len(acc)], rest[3][:len(acc)]
		for j := range acc {
			acc[j] += d0[j] + d1[j] + d2[j] + d3[j]
		}
	}
	for _, d := range rest {
		d = d[:len(acc)]
		for j, x := range d {
			acc[j] += x
		}
	}
	rs.acc = acc
	bias := uint32(len(rs.dense)) * denseBias
	if 2*len(acc) <= len(scores) {
		lanes := scores[:2*len(acc)]
		for j, x := range acc {
			lanes[2*j] += int32(uint32(x) - bias)
			lanes[2*j+1] += int32(uint32(x>>32) - bias)
		}
		return
	}
	for j, x := range acc {
		scores[2*j] += int32(uint32(x) - bias)
		if 2*j+1 < len(scores) {
			scores[2*j+1] += int32(uint32(x>>32) - bias)
		}
	}
}

// tagCaches are the tagger's caches; the parser's are its scorers'.
var tagCaches = sync.Pool{New: func() any { return new(scoreCache) }}

// getCache returns a cache from pool; score empties it if it served
// another table.
func getCache(pool *sync.Pool) *scoreCache { return pool.Get().(*scoreCache) }

// score is weightTable.score through the cache.
func (c *scoreCache) score(t *weightTable, feats []uint64, scores []int32) {
	c.rows.reset()
	c.rowsOf(t, feats, &c.rows)
	clear(scores)
	c.rows.addTo(scores)
}

// touch reads the home slots of the features of feats that are not in the
// cache, so that looking them up soon after finds them in the processor's
// cache; see rowsOf.
func (c *scoreCache) touch(t *weightTable, feats []uint64) {
	if c.t != t {
		c.reset(t)
	}
	sink := c.sink
	for _, f := range feats {
		if c.key[(f>>40)&(cacheSize-1)] != f {
			k := tableKey(f)
			sink += t.hot.slots[t.hot.home(k)].key + t.cold.slots[t.cold.home(k)].key
		}
	}
	c.sink = sink
}

func (c *scoreCache) reset(t *weightTable) {
	c.key = [cacheSize]uint64{}
	clear(c.row[:])
	clear(c.dense[:])
	c.t = t
}

// rowsOf adds the rows of feats to rs, through the cache.
//
// Looking up a feature missing from the cache is a trip to memory, and one
// after the other those trips would be paid in full. The features not in
// the cache are first only read at their home slots, loads that do not
// depend on each other and so are waited for together; the lookups proper
// then find those slots in the processor's cache. Their entries are read
// the same way before being added up.
func (c *scoreCache) rowsOf(t *weightTable, feats []uint64, rs *rowSet) {
	if c.t != t {
		c.reset(t)
	}
	miss := c.miss[:0]
	sink := c.sink
	for _, f := range feats {
		i := (f >> 40) & (cacheSize - 1)
		if c.key[i] == f {
			if d := c.dense[i]; d != nil {
				rs.dense = append(rs.dense, d)
			} else {
				rs.sparse = append(rs.sparse, c.row[i])
			}
			continue
		}
		miss = append(miss, f)
		k := tableKey(f)
		sink += t.hot.slots[t.hot.home(k)].key + t.cold.slots[t.cold.home(k)].key
	}
	for _, f := range miss {
		row, dense := t.lookup(f)
		i := (f >> 40) & (cacheSize - 1)
		c.key[i], c.row[i], c.dense[i] = f, row, dense
		if dense != nil {
			sink += dense[0]
			rs.dense = append(rs.dense, dense)
			continue
		}
		if len(row) > 0 {
			sink += uint64(row[0].w)
		}
		rs.sparse = append(rs.sparse, row)
	}
	c.miss, c.sink = miss, sink
}

// pruned returns a copy of t without the weights smaller than minAbs (in
// units of scale) and without the features left with none.
func (t *weightTable) pruned(minAbs int16) *weightTable {
	b := &tableBuilder{nclass: t.nclass, scale: t.scale}
	var row []entry
	t.each(func(k uint64, entries []entry) {
		row = row[:0]
		for _, e := range entries {
			if e.w >= minAbs || e.w <= -minAbs {
				row = append(row, e)
			}
		}
		if len(row) > 0 {
			b.add(k, row)
		}
	})
	return b.build()
}
