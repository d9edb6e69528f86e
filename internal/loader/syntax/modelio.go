package syntax

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// The model file is a zstd stream of: the magic line, the tagger (classes,
// sure words, weights), the lemmatiser (form table, suffix rules) and the
// parsers (labels, weights). Strings and counts are uvarints; weights are
// zigzag varints of int16s shifted right by a few bits, scaled by one
// float32 per table; feature keys are delta-coded in ascending order, which
// is what makes the file compress.
const modelMagic = "kg-syntax-model 1\n"

// WriteFile writes the model to path through a temporary file, so that a
// failed write leaves no half model behind.
func (m *Model) WriteFile(path string) error { return writeAtomic(path, m.Write) }

func writeAtomic(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*")
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file private; a model is data like any other.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write model: %w", err)
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write model %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write model %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// Write writes the model to w.
func (m *Model) Write(w io.Writer) error {
	zw, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
	if err != nil {
		return err
	}
	e := &encoder{w: bufio.NewWriterSize(zw, 1<<20)}
	e.w.WriteString(modelMagic)

	t := m.tagger
	e.strings(t.upos)
	e.strings(t.xpos)
	writeSorted(e, t.sure, func(c uint16) { e.uint(uint64(c)) })
	writeSorted(e, t.amb, e.uint)
	e.table(t.weights)

	l := m.lemmas
	writeSorted(e, l.known, e.string)
	writeSorted(e, l.rules, func(r lemmaRule) {
		e.uint(uint64(r.Strip))
		e.string(r.Add)
	})

	all := m.parsers
	if m.fast != nil {
		all = append(append([]*Parser(nil), all...), m.fast)
	}
	e.uint(uint64(len(m.parsers)))
	e.uint(b2u(m.fast != nil))
	for _, p := range all {
		e.parser(p)
	}
	return e.close(zw)
}

// parsersMagic opens a file of parsers alone, joined on demand to a model
// that has the tagger they were trained with (see Model.Join).
const parsersMagic = "kg-syntax-parsers 1\n"

// WriteParsersFile writes the beam parsers of m after its first to path, a
// file Join reads back with ReadParsers: the train command keeps a model's
// extra parsers apart so that a caller that wants one parser does not pay
// for loading the others.
func (m *Model) WriteParsersFile(path string) error {
	return writeAtomic(path, func(w io.Writer) error {
		zw, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
		if err != nil {
			return err
		}
		e := &encoder{w: bufio.NewWriterSize(zw, 1<<20)}
		e.w.WriteString(parsersMagic)
		e.uint(uint64(len(m.parsers) - 1))
		for _, p := range m.parsers[1:] {
			e.parser(p)
		}
		return e.close(zw)
	})
}

func (e *encoder) parser(p *Parser) {
	e.uint(b2u(p.reverse))
	e.uint(uint64(p.beam))
	e.strings(p.labels)
	e.uint(uint64(p.root))
	e.uint(uint64(p.punct + 1))
	e.table(p.weights)
}

func (e *encoder) close(zw *zstd.Encoder) error {
	if e.err == nil {
		e.err = e.w.Flush()
	}
	if err := zw.Close(); e.err == nil {
		e.err = err
	}
	return e.err
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) uint(v uint64) {
	n := binary.PutUvarint(e.buf[:], v)
	if _, err := e.w.Write(e.buf[:n]); err != nil && e.err == nil {
		e.err = err
	}
}

func (e *encoder) string(s string) {
	e.uint(uint64(len(s)))
	e.w.WriteString(s)
}

func (e *encoder) strings(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.string(s)
	}
}

// writeSorted writes a map's size, then each key in order with its value,
// so that the same model always gives the same bytes.
func writeSorted[V any](e *encoder, m map[string]V, value func(V)) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.string(k)
		value(m[k])
	}
}

// table writes a weight table: its scale, then each feature's key (as the
// difference from the previous one) and entries.
//
// Weights are written to 12 bits (weightShift drops the low bits): the
// difference is far below what changes a decision, and the small numbers
// that result take one or two bytes each, which halves the file.
func (e *encoder) table(t *weightTable) {
	round := func(w int16) int64 {
		q := int64(math.Round(float64(w) / (1 << weightShift)))
		return min(max(q, math.MinInt16>>weightShift), math.MaxInt16>>weightShift)
	}
	var keys []uint64
	var rows [][]entry
	t.each(func(k uint64, entries []entry) {
		var row []entry
		for _, en := range entries {
			if q := round(en.w); q != 0 {
				row = append(row, entry{class: en.class, w: int16(q)})
			}
		}
		if len(row) > 0 {
			keys, rows = append(keys, k), append(rows, row)
		}
	})
	e.uint(uint64(t.nclass))
	e.uint(uint64(math.Float32bits(t.scale)))
	e.uint(weightShift)
	e.uint(uint64(len(keys)))
	var last uint64
	for i, k := range keys {
		e.uint(k - last)
		last = k
		e.uint(uint64(len(rows[i])))
		prev := uint16(0)
		for _, en := range rows[i] {
			e.uint(uint64(en.class - prev)) // classes ascend within a row
			prev = en.class
			e.uint(zigzag(int64(en.w)))
		}
	}
}

// weightShift is how many low bits of the int16 weights a model file drops.
const weightShift = 4

func zigzag(v int64) uint64   { return uint64(v<<1) ^ uint64(v>>63) }
func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

// ReadModelFile reads a model written by WriteFile.
func ReadModelFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	defer f.Close()
	m, err := ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("read model %s: %w", path, err)
	}
	return m, nil
}

var errBadModel = errors.New("not a kg syntax model, or a damaged one")

// ReadModel reads a model written by Write.
func ReadModel(r io.Reader) (*Model, error) {
	d, err := openDecoder(r, modelMagic)
	if err != nil {
		return nil, err
	}

	t := &Tagger{}
	t.upos = d.strings()
	t.xpos = d.strings()
	t.sure = readMap(d, func() uint16 {
		c := d.uint()
		if c >= uint64(len(t.upos)) {
			d.fail()
		}
		return uint16(c)
	})
	t.amb = readMap(d, d.uint)
	d.table(&t.weights, len(t.upos))
	if len(t.xpos) != len(t.upos) {
		d.fail()
	}

	l := &Lemmatizer{}
	l.known = readMap(d, d.string)
	l.rules = readMap(d, func() lemmaRule {
		strip := d.uint()
		add := d.string()
		if strip > 64 {
			d.fail()
		}
		return lemmaRule{Strip: int(strip), Add: add}
	})

	np := d.count()
	hasFast := d.uint()
	if np == 0 || hasFast > 1 {
		d.fail()
	}
	parsers := make([]*Parser, 0, np+1)
	for i := 0; i < np+int(hasFast) && d.err == nil; i++ {
		parsers = append(parsers, d.parser())
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 || len(t.upos) == 0 {
		return nil, errBadModel
	}
	d.build()
	m := &Model{tagger: t, lemmas: l, parsers: parsers[:np]}
	if hasFast == 1 {
		m.fast = parsers[np]
	}
	return m, nil
}

func (d *decoder) parser() *Parser {
	p := &Parser{}
	p.reverse = d.uint() == 1
	p.beam = int(d.uint())
	if p.beam < 1 || p.beam > 256 {
		d.fail()
	}
	p.labels = d.strings()
	p.root = d.index()
	p.punct = d.index() - 1
	d.table(&p.weights, p.nclass())
	if len(p.labels) == 0 || p.root >= len(p.labels) || p.labels[p.root] != "root" || p.punct >= len(p.labels) {
		d.fail()
	}
	return p
}

// ReadParsers reads a file of parsers written by WriteParsersFile.
func ReadParsers(r io.Reader) ([]*Parser, error) {
	d, err := openDecoder(r, parsersMagic)
	if err != nil {
		return nil, err
	}
	n := d.count()
	if n == 0 {
		d.fail()
	}
	var ps []*Parser
	for i := 0; i < n && d.err == nil; i++ {
		ps = append(ps, d.parser())
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, errBadModel
	}
	d.build()
	return ps, nil
}

// openDecoder decompresses r and checks that it starts with magic.
func openDecoder(r io.Reader, magic string) (*decoder, error) {
	zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errBadModel, err)
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errBadModel
	}
	return &decoder{b: raw[len(magic):]}, nil
}

type decoder struct {
	b       []byte
	err     error
	pending []pendingTable
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errBadModel
	}
	d.b = nil
}

func (d *decoder) uint() uint64 {
	if len(d.b) > 0 && d.b[0] < 0x80 {
		// Most numbers in a model are below 128: one byte.
		v := uint64(d.b[0])
		d.b = d.b[1:]
		return v
	}
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// index reads a small non-negative number (a label's position).
func (d *decoder) index() int {
	v := d.uint()
	if v > math.MaxUint16 {
		d.fail()
		return 0
	}
	return int(v)
}

// count reads a length that must fit in what is left of the input.
func (d *decoder) count() int {
	v := d.uint()
	if v > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) string() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) strings() []string {
	n := d.count()
	out := make([]string, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.string())
	}
	return out
}

// readMap reads what writeSorted wrote: a size, then keys, each followed
// by what value reads.
func readMap[V any](d *decoder, value func() V) map[string]V {
	n := d.count()
	m := make(map[string]V, n)
	for i := 0; i < n && d.err == nil; i++ {
		k := d.string()
		m[k] = value()
	}
	return m
}

// table reads a weight table's entries; the hash table is built by build,
// once everything is read, for all tables at once.
func (d *decoder) table(dst **weightTable, nclass int) {
	b := d.readTable()
	if b != nil && b.nclass != nclass {
		d.fail()
	}
	if d.err == nil {
		d.pending = append(d.pending, pendingTable{b, dst})
	}
}

type pendingTable struct {
	b   *tableBuilder
	dst **weightTable
}

// build builds the tables read, side by side: placing a few million keys in
// their slots is most of the time a model takes to load.
func (d *decoder) build() {
	var wg sync.WaitGroup
	for _, p := range d.pending {
		wg.Add(1)
		go func() {
			defer wg.Done()
			*p.dst = p.b.build()
		}()
	}
	wg.Wait()
}

func (d *decoder) readTable() *tableBuilder {
	nclass := d.uint()
	scale := math.Float32frombits(uint32(d.uint()))
	shift := d.uint()
	n := d.count()
	if d.err != nil || nclass == 0 || nclass > math.MaxUint16 || shift > 15 {
		d.fail()
		return nil
	}
	b := &tableBuilder{nclass: int(nclass), scale: scale, keys: make([]uint64, 0, n),
		rowOff: make([]uint32, 1, n+1), entries: make([]entry, 0, 4*n)}
	adviseHuge(b.entries)
	var key uint64
	for i := 0; i < n && d.err == nil; i++ {
		delta := d.uint()
		if delta == 0 && i > 0 || key+delta < key {
			d.fail()
			break
		}
		key += delta
		k := d.count()
		c := uint64(0)
		for j := 0; j < k && d.err == nil; j++ {
			c += d.uint()
			w := unzigzag(d.uint()) << shift
			if c >= nclass || w > math.MaxInt16 || w < math.MinInt16 || j > 0 && c == uint64(b.entries[len(b.entries)-1].class) {
				d.fail()
				break
			}
			b.entries = append(b.entries, entry{class: uint16(c), w: int16(w)})
		}
		if key == 0 {
			d.fail()
		}
		b.keys = append(b.keys, key)
		b.rowOff = append(b.rowOff, uint32(len(b.entries)))
	}
	if d.err != nil {
		return nil
	}
	return b
}
