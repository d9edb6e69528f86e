package main

import (
	"bufio"
	"container/heap"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/kg-project/kg/internal/graph"
)

// sortChunk is how many rows kg triples --sort date sorts in memory; more
// are sorted chunk by chunk into temporary files and merged, so that the
// listing's memory stays bounded whatever the store's size. A variable so
// that tests can make chunks small.
var sortChunk = 200_000

// rowBefore is the --sort date order: event date, then document, sentence
// and event ID.
func rowBefore(a, b *tripleRow) bool {
	if a.date != b.date {
		return a.date.Before(b.date)
	}
	if a.rec.Doc != b.rec.Doc {
		return a.rec.Doc < b.rec.Doc
	}
	if a.rec.SentenceIndex != b.rec.SentenceIndex {
		return a.rec.SentenceIndex < b.rec.SentenceIndex
	}
	return a.rec.ID < b.rec.ID
}

// spillRow is a tripleRow as a temporary file holds it.
type spillRow struct {
	Rec  graph.TripleRecord
	Date graph.Date
	Pair [2]string
}

// dateSorter collects rows and hands them to emit in --sort date order,
// spilling sorted chunks to temporary files when there are more than
// sortChunk.
type dateSorter struct {
	rows   []tripleRow
	files  []*os.File
	notice func(n int) // told once, when the first chunk goes to disk
}

func (ds *dateSorter) add(r tripleRow) error {
	ds.rows = append(ds.rows, r)
	if len(ds.rows) < sortChunk {
		return nil
	}
	return ds.spill()
}

func (ds *dateSorter) sortRows() {
	sort.Slice(ds.rows, func(i, j int) bool { return rowBefore(&ds.rows[i], &ds.rows[j]) })
}

func (ds *dateSorter) spill() error {
	if len(ds.files) == 0 && ds.notice != nil {
		ds.notice(len(ds.rows))
	}
	ds.sortRows()
	f, err := os.CreateTemp("", "kg-sort-*")
	if err != nil {
		return fmt.Errorf("sort by date: %w", err)
	}
	ds.files = append(ds.files, f)
	bw := bufio.NewWriterSize(f, 1<<20)
	enc := gob.NewEncoder(bw)
	for i := range ds.rows {
		r := &ds.rows[i]
		if err := enc.Encode(spillRow{r.rec, r.date, r.pair}); err != nil {
			return fmt.Errorf("sort by date: write %s: %w", f.Name(), err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("sort by date: write %s: %w", f.Name(), err)
	}
	clear(ds.rows)
	ds.rows = ds.rows[:0]
	return nil
}

// close removes the temporary files.
func (ds *dateSorter) close() {
	for _, f := range ds.files {
		f.Close()
		os.Remove(f.Name())
	}
	ds.files = nil
}

// finish hands every row to emit, in order, a batch at a time.
func (ds *dateSorter) finish(ctx context.Context, emit func([]tripleRow) error) error {
	if len(ds.files) == 0 {
		ds.sortRows()
		return emit(ds.rows)
	}
	if len(ds.rows) > 0 {
		if err := ds.spill(); err != nil {
			return err
		}
	}
	h := make(mergeHeap, 0, len(ds.files))
	for _, f := range ds.files {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("sort by date: %w", err)
		}
		src := &mergeSource{dec: gob.NewDecoder(bufio.NewReaderSize(f, 1<<20)), name: f.Name()}
		ok, err := src.next()
		if err != nil {
			return err
		}
		if ok {
			h = append(h, src)
		}
	}
	heap.Init(&h)
	batch := make([]tripleRow, 0, 4096)
	for len(h) > 0 {
		src := h[0]
		batch = append(batch, src.row)
		ok, err := src.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
		if len(batch) == cap(batch) {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := emit(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return emit(batch)
}

// mergeSource is one sorted temporary file, read a row ahead.
type mergeSource struct {
	dec  *gob.Decoder
	name string
	row  tripleRow
}

func (m *mergeSource) next() (bool, error) {
	var r spillRow
	if err := m.dec.Decode(&r); err != nil {
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		return false, fmt.Errorf("sort by date: read %s: %w", m.name, err)
	}
	// gob gives an empty list back as nil; records always carry one.
	for _, a := range []*graph.ActorRef{&r.Rec.Source, &r.Rec.Target, r.Rec.Reporter} {
		if a != nil && a.Aliases == nil {
			a.Aliases = []string{}
		}
	}
	m.row = tripleRow{rec: r.Rec, date: r.Date, pair: r.Pair}
	return true, nil
}

// mergeHeap orders the sources by their next row.
type mergeHeap []*mergeSource

func (h mergeHeap) Len() int           { return len(h) }
func (h mergeHeap) Less(i, j int) bool { return rowBefore(&h[i].row, &h[j].row) }
func (h mergeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *mergeHeap) Push(x any)        { *h = append(*h, x.(*mergeSource)) }
func (h *mergeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
