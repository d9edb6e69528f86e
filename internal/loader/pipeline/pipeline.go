package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/input"
)

// ExtractFunc turns one input into an extraction. It is called from several
// goroutines at once.
type ExtractFunc func(input.Input) (graph.Extraction, error)

// Sink receives the extractions, one call per batch, always from the same
// goroutine. *store.Store satisfies it.
type Sink interface {
	// PutDocuments stores each extraction atomically and reports, for each,
	// whether it was new, unchanged or replaced. On error, the statuses of
	// the documents stored before it are returned.
	PutDocuments(xs []graph.Extraction, force bool) ([]graph.PutStatus, error)
}

// DocumentLookup is an optional Sink method: when the sink has it, documents already
// stored are skipped before actor merging, so that their actors are not
// compared again, and, with a Preparer, before extraction. It is called
// from several goroutines at once, while PutDocuments runs.
type DocumentLookup interface {
	HasDocument(id string) (bool, error)
}

// Preparer splits extraction in two so that a document already stored
// costs only its cleaning: Prepare turns an input into the document to
// store, ID included, and ProcessText extracts the events of that
// document. Prepare then ProcessText must give what the ExtractFunc would.
// Both are called from several goroutines at once. *loader.Extractor
// satisfies it.
type Preparer interface {
	Prepare(input.Input) (graph.Document, error)
	ProcessText(graph.Document) (graph.Extraction, error)
}

// Options control a run. The zero value is usable.
type Options struct {
	// Workers is the number of extraction goroutines; 0 means GOMAXPROCS.
	Workers int
	// BatchSize is the most documents written per PutDocuments call; 0
	// means 64. A batch is also written when it is older than BatchDelay
	// (0 means 250 ms), so a slow input still reaches the store promptly.
	BatchSize  int
	BatchDelay time.Duration
	// Force re-extracts documents already stored and replaces them.
	Force bool
	// Preparer, when set, extracts instead of the ExtractFunc given to Run
	// (which may then be nil). Unless Force is set, a sink that is a DocumentLookup
	// is asked for each prepared document's ID, and a document it holds is
	// counted unchanged without being extracted: a repeated or resumed
	// load then costs reading and cleaning only.
	Preparer Preparer
	// Input configures reading (size limit, stdin).
	Input input.Options
	// Merger folds spelling variants into known actors; nil writes actors as
	// extracted.
	Merger *Merger
	// OnError receives every failed document (read, extraction or write
	// error that spares the rest), in input order.
	OnError func(error)
	// OnProgress is called after each document or failure, from the writer
	// goroutine, with the running totals; it must be quick.
	OnProgress func(Progress)
}

// Progress is the state of a run so far.
type Progress struct {
	Documents int   // documents handled, failed ones included
	Bytes     int64 // input bytes they took
}

// Summary is what a run did.
type Summary struct {
	New       int `json:"new"`
	Unchanged int `json:"unchanged"`
	Replaced  int `json:"replaced"`
	Failed    int `json:"failed"`
	// Sentences and Events count the documents written (new or replaced).
	Sentences int `json:"sentences"`
	Events    int `json:"events"`
	// Actors is the number of distinct actors known after the run when a
	// Merger was given (store and run together), else the number of
	// distinct actors in the documents written.
	Actors    int     `json:"actors"`
	NewActors int     `json:"new_actors"`
	Merges    int     `json:"merges"`
	Bytes     int64   `json:"bytes"`
	Seconds   float64 `json:"seconds"`
	// Interrupted is set when the run was cancelled before the end.
	Interrupted bool `json:"interrupted"`
}

// Documents is the number of documents that reached the store, written or
// found unchanged.
func (s Summary) Documents() int { return s.New + s.Unchanged + s.Replaced }

// MBPerSecond is the input throughput.
func (s Summary) MBPerSecond() float64 {
	if s.Seconds <= 0 {
		return 0
	}
	return float64(s.Bytes) / (1 << 20) / s.Seconds
}

// item is one position of the input sequence: a document to extract, or a
// failure to report there.
type item struct {
	seq  int
	in   input.Input
	x    graph.Extraction
	err  error
	size int64
	// checked is set when a worker asked the sink for x.Doc.ID; stored
	// when the sink had it (x then holds only the ID). lookupErr is the
	// error of that question, which stops the run.
	checked   bool
	stored    bool
	lookupErr error
}

// Run loads files into sink. Reading happens in one goroutine, extraction
// in opts.Workers goroutines, and merging and writing in the calling
// goroutine, which takes the documents in input order through a reorder
// buffer: merge decisions, statuses, errors and the store's contents are
// therefore the same whatever the number of workers.
//
// At most two batches and a few documents per worker are in memory at
// once, each bounded by the input size limit: workers extract the next
// batch while the writer commits one. Failed documents are reported to opts.OnError and
// counted; the others still load. When ctx is cancelled, Run writes the
// batch it holds and returns the summary so far with ctx's error; the
// documents written are complete, so running again continues the load. A
// sink error stops the run and is returned.
//
// With opts.Preparer, workers skip the extraction of documents the sink
// already holds (see Options.Preparer); the summary is the same as without.
func Run(ctx context.Context, files []input.File, extract ExtractFunc, sink Sink, opts Options) (Summary, error) {
	start := time.Now()
	if extract == nil && opts.Preparer == nil {
		return Summary{}, errors.New("pipeline: no extraction function")
	}
	work := stage{extract: extract, prep: opts.Preparer}
	if h, ok := sink.(DocumentLookup); ok && opts.Preparer != nil && !opts.Force {
		work.haver = h
	}
	workers, batchSize, delay, onErr := opts.settings()

	// inner stops the reader and workers when the writer gives up early.
	inner, cancel := context.WithCancel(ctx)
	defer cancel()

	// Tokens bound the items between the reader and the writer; results has
	// room for all of them, so workers never block on it and always exit.
	// A batch's worth on top of a few per worker lets extraction go on
	// while the writer is busy committing the previous batch.
	inflight := 4*workers + batchSize
	tokens := make(chan struct{}, inflight)
	results := make(chan item, inflight)
	done := feed(inner, files, opts.Input, workers, work, tokens, results)

	w := writer{sink: sink, opts: opts, onErr: onErr, batchSize: batchSize, seen: map[string]bool{}}
	if opts.Merger != nil {
		w.actorsBefore = opts.Merger.Len()
	}
	runErr := w.drain(ctx, results, tokens, done, delay)
	if runErr == nil {
		runErr = w.flush()
	}
	cancel()
	<-done
	if runErr == nil && ctx.Err() != nil {
		runErr = ctx.Err()
		w.sum.Interrupted = true
	}
	w.sum.Seconds = time.Since(start).Seconds()
	if opts.Merger != nil {
		w.sum.Actors = opts.Merger.Len()
		w.sum.NewActors = w.sum.Actors - w.actorsBefore
	} else {
		w.sum.Actors = len(w.actors)
	}
	return w.sum, runErr
}

// settings are o's worker count, batch size, batch delay and error
// callback, defaults filled in.
func (o Options) settings() (workers, batchSize int, delay time.Duration, onErr func(error)) {
	workers, batchSize, delay, onErr = o.Workers, o.BatchSize, o.BatchDelay, o.OnError
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if batchSize <= 0 {
		batchSize = 64
	}
	if delay <= 0 {
		delay = 250 * time.Millisecond
	}
	if onErr == nil {
		onErr = func(error) {}
	}
	return workers, batchSize, delay, onErr
}

// feed starts the reader and the workers: every input, numbered in reading
// order, and every read error reach results, each holding a token. The
// returned channel closes when they have all stopped; every item is then
// in results.
func feed(ctx context.Context, files []input.File, in input.Options, workers int, work stage, tokens chan struct{}, results chan<- item) <-chan struct{} {
	jobs := make(chan item)
	var wg sync.WaitGroup
	seq := 0
	acquire := func() bool {
		select {
		case tokens <- struct{}{}:
			return true
		case <-ctx.Done():
			return false
		}
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		input.Read(ctx, files, in, func(in input.Input) error {
			if !acquire() {
				return ctx.Err()
			}
			select {
			case jobs <- item{seq: seq, in: in, size: in.Size}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(err error) {
			if acquire() {
				results <- item{seq: seq, err: err}
				seq++
			}
		})
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				work.do(&it)
				it.in.Data = nil
				results <- it
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	return done
}

// drain takes the results in input order, hands them to the writer and
// commits a batch when it is full or delay has passed since its first
// document. It returns when everything fed has been handled, when ctx is
// done, or at the writer's first error.
func (w *writer) drain(ctx context.Context, results <-chan item, tokens <-chan struct{}, done <-chan struct{}, delay time.Duration) error {
	var order Reorder[item]
	timer := time.NewTimer(delay)
	timer.Stop()
	defer timer.Stop()
	release := func(it item) error {
		if err := w.handle(it); err != nil {
			return err
		}
		<-tokens
		if len(w.batch) == 1 {
			timer.Reset(delay)
		}
		if len(w.batch) >= w.batchSize {
			return w.flush()
		}
		return nil
	}
	for {
		select {
		case it := <-results:
			if err := order.Put(it.seq, it, release); err != nil {
				return err
			}
		case <-timer.C:
			if err := w.flush(); err != nil {
				return err
			}
		case <-done:
			// Everything sent has been received once results is empty.
			if len(results) == 0 {
				return nil
			}
		case <-ctx.Done():
			return nil
		}
	}
}

// stage is the workers' part of a run.
type stage struct {
	extract ExtractFunc
	prep    Preparer
	haver   DocumentLookup // nil when stored documents are not to be skipped early
}

// do extracts it.in into it, or finds it stored.
func (s stage) do(it *item) {
	if s.prep == nil {
		it.x, it.err = s.extract(it.in)
	} else {
		it.x, it.err = s.prepared(it)
	}
	if it.err != nil {
		it.err = fmt.Errorf("%s: %w", it.in.Source, it.err)
	}
}

func (s stage) prepared(it *item) (graph.Extraction, error) {
	doc, err := s.prep.Prepare(it.in)
	if err != nil {
		return graph.Extraction{}, err
	}
	if s.haver != nil {
		// Documents stored before the run are found here. One stored by
		// this run may or may not be yet, depending on timing; the writer
		// counts it unchanged either way, since it has seen its ID.
		it.checked = true
		it.stored, it.lookupErr = s.haver.HasDocument(doc.ID)
		if it.stored || it.lookupErr != nil {
			return graph.Extraction{Doc: graph.Document{ID: doc.ID}}, nil
		}
	}
	return s.prep.ProcessText(doc)
}

// writer is the single goroutine's state: merging, batching and counting.
type writer struct {
	sink         Sink
	opts         Options
	onErr        func(error)
	batchSize    int
	batch        []graph.Extraction
	batchBytes   []int64
	seen         map[string]bool // document IDs handled in this run
	sum          Summary
	handled      int
	actorsBefore int
	actors       map[string]bool // without a Merger: distinct actor IDs written
}

// handle takes the next item in input order.
func (w *writer) handle(it item) error {
	if it.err != nil {
		w.sum.Failed++
		w.onErr(it.err)
		w.progress(it.size)
		return nil
	}
	if it.lookupErr != nil {
		return fmt.Errorf("look up document %s: %w", it.in.Source, it.lookupErr)
	}
	x := it.x
	id := x.Doc.ID
	if !w.opts.Force {
		dup := w.seen[id] || it.stored
		// A worker's answer still holds: only this run writes, and what
		// it wrote is in w.seen.
		if !dup && !it.checked {
			if h, ok := w.sink.(DocumentLookup); ok {
				var err error
				if dup, err = h.HasDocument(id); err != nil {
					return fmt.Errorf("look up document %s: %w", it.in.Source, err)
				}
			}
		}
		if dup {
			w.sum.Unchanged++
			w.progress(it.size)
			return nil
		}
	} else if w.seen[id] {
		// The same text twice in one forced run: replacing it by itself
		// would only count it twice.
		w.sum.Unchanged++
		w.progress(it.size)
		return nil
	}
	w.seen[id] = true
	if w.opts.Merger != nil {
		w.opts.Merger.Resolve(&x)
	}
	w.batch = append(w.batch, x)
	w.batchBytes = append(w.batchBytes, it.size)
	return nil
}

// flush writes the batch and counts it.
func (w *writer) flush() error {
	if len(w.batch) == 0 {
		return nil
	}
	statuses, err := w.sink.PutDocuments(w.batch, w.opts.Force)
	if err == nil && len(statuses) != len(w.batch) {
		err = fmt.Errorf("sink returned %d statuses for %d documents", len(statuses), len(w.batch))
	}
	statuses = statuses[:min(len(statuses), len(w.batch))]
	for i, st := range statuses {
		x := w.batch[i]
		switch st {
		case graph.Added:
			w.sum.New++
		case graph.Unchanged:
			w.sum.Unchanged++
		case graph.Replaced:
			w.sum.Replaced++
		}
		if st == graph.Added || st == graph.Replaced {
			w.sum.Sentences += x.Doc.Sentences
			w.sum.Events += len(x.Events)
			w.sum.Merges += len(x.Merges)
			if w.opts.Merger == nil {
				if w.actors == nil {
					w.actors = map[string]bool{}
				}
				for _, a := range x.Actors {
					w.actors[a.ID] = true
				}
			}
		}
		w.progress(w.batchBytes[i])
	}
	w.batch = w.batch[:0]
	w.batchBytes = w.batchBytes[:0]
	if err != nil {
		return fmt.Errorf("write documents: %w", err)
	}
	return nil
}

// progress counts one handled document (or failure) of size input bytes.
func (w *writer) progress(size int64) {
	w.handled++
	w.sum.Bytes += size
	if w.opts.OnProgress != nil {
		w.opts.OnProgress(Progress{Documents: w.handled, Bytes: w.sum.Bytes})
	}
}
