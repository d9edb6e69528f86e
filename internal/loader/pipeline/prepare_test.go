package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/input"
)

// fakePreparer splits fakeExtract in two and counts the calls of each half.
type fakePreparer struct {
	prepared, extracted atomic.Int64
}

func (p *fakePreparer) Prepare(in input.Input) (graph.Document, error) {
	p.prepared.Add(1)
	text := string(in.Data)
	return graph.Document{ID: graph.DocumentID(text), Name: in.Name, Source: in.Source, Text: text, Format: in.Format}, nil
}

func (p *fakePreparer) ProcessText(doc graph.Document) (graph.Extraction, error) {
	p.extracted.Add(1)
	x, err := fakeExtract(input.Input{Name: doc.Name, Source: doc.Source, Format: doc.Format, Data: []byte(doc.Text)})
	if err != nil {
		return graph.Extraction{}, err
	}
	if x.Doc.ID != doc.ID {
		return graph.Extraction{}, fmt.Errorf("document ID changed from %s to %s", doc.ID, x.Doc.ID)
	}
	return x, nil
}

// runBoth loads files into a fresh sink through the ExtractFunc and
// through a Preparer, after the same first loads (prefix documents of each
// earlier corpus), and checks that the two end alike. It returns the
// Preparer run's summary and the fake's counters.
func runBoth(t *testing.T, earlier [][]input.File, files []input.File, opts Options) (Summary, *fakePreparer) {
	t.Helper()
	var sums [2]Summary
	var dumps, errs [2]string
	var prep *fakePreparer
	for k := range 2 {
		sink := newMemSink()
		for _, f := range earlier {
			if _, err := Run(context.Background(), f, fakeExtract, sink, Options{OnError: func(error) {}}); err != nil {
				t.Fatal(err)
			}
		}
		o := opts
		o.Merger = NewMerger(nil, jaroWinkler, nil)
		var es []string
		o.OnError = func(err error) { es = append(es, err.Error()) }
		extract := fakeExtract
		if k == 1 {
			prep = &fakePreparer{}
			o.Preparer, extract = prep, nil
		}
		sum, err := Run(context.Background(), files, extract, sink, o)
		if err != nil {
			t.Fatal(err)
		}
		sum.Seconds = 0
		sums[k], dumps[k], errs[k] = sum, sink.dump(t), strings.Join(es, "\n")
	}
	if sums[0] != sums[1] {
		t.Errorf("summary with Preparer %+v, with ExtractFunc %+v", sums[1], sums[0])
	}
	if dumps[0] != dumps[1] {
		t.Errorf("store with Preparer:\n%s\nwith ExtractFunc:\n%s", dumps[1], dumps[0])
	}
	if errs[0] != errs[1] {
		t.Errorf("errors with Preparer:\n%s\nwith ExtractFunc:\n%s", errs[1], errs[0])
	}
	return sums[1], prep
}

func TestRunPreparerSkipsStored(t *testing.T) {
	docs := variedCorpus(42) // 6 fail, 6 share one text: 31 distinct texts
	all := corpus(t, docs)
	half := corpus(t, docs[:21])
	for _, workers := range []int{1, 2, 5} {
		for _, tt := range []struct {
			name    string
			earlier [][]input.File
			force   bool
			lo, hi  int64 // bounds of the ProcessText calls
			new     int
		}{
			// A fresh load extracts every document: the failing ones, the
			// 30 distinct texts, and the copies of the repeated text that
			// a worker prepares before its first copy is written.
			{name: "fresh", lo: 6 + 30 + 1, hi: 42, new: 31},
			// Failed documents were not stored, so only they are extracted
			// again.
			{name: "again", earlier: [][]input.File{all}, lo: 6, hi: 6},
			// The first half stored 16 texts, the repeated one included.
			{name: "resumed", earlier: [][]input.File{half}, lo: 42 - 16 - 5, hi: 42 - 16 - 5, new: 31 - 16},
			{name: "forced", earlier: [][]input.File{all}, force: true, lo: 42, hi: 42},
		} {
			t.Run(fmt.Sprintf("%s/workers=%d", tt.name, workers), func(t *testing.T) {
				sum, prep := runBoth(t, tt.earlier, all, Options{Workers: workers, BatchSize: 4, Force: tt.force})
				if got := prep.prepared.Load(); got != 42 {
					t.Errorf("Prepare called %d times, want 42", got)
				}
				if got := prep.extracted.Load(); got < tt.lo || got > tt.hi {
					t.Errorf("ProcessText called %d times, want %d to %d", got, tt.lo, tt.hi)
				}
				if !tt.force && sum.New != tt.new {
					t.Errorf("%d new, want %d", sum.New, tt.new)
				}
				if sum.Failed != 6 {
					t.Errorf("%d failed, want 6", sum.Failed)
				}
			})
		}
	}
}

// failingHaver cannot look documents up.
type failingHaver struct{ *memSink }

func (failingHaver) HasDocument(string) (bool, error) { return false, errors.New("store closed") }

func TestRunPreparerLookupError(t *testing.T) {
	files := corpus(t, variedCorpus(10))
	prep := &fakePreparer{}
	_, err := Run(context.Background(), files, nil, failingHaver{newMemSink()}, Options{Preparer: prep, Workers: 2})
	if err == nil || !strings.Contains(err.Error(), "look up document") || !strings.Contains(err.Error(), "store closed") {
		t.Fatalf("err %v, want the lookup's", err)
	}
	if n := prep.extracted.Load(); n != 0 {
		t.Errorf("ProcessText called %d times after failed lookups", n)
	}
}

func TestRunNoExtractor(t *testing.T) {
	if _, err := Run(context.Background(), nil, nil, newMemSink(), Options{}); err == nil {
		t.Fatal("Run without ExtractFunc or Preparer succeeded")
	}
}
