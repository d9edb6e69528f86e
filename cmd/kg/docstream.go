package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/loader/input"
	"github.com/kg-project/kg/internal/loader/pipeline"
)

// docStream is what kg extract and kg parse share: documents from paths
// (or stdin) in, worked on by one goroutine per core, and written out in
// input order, each document's output flushed as soon as it and those
// before it are done so that a streaming caller sees it at once. Bad
// documents are reported on stderr, in input order too, without stopping
// the rest.
type docStream struct {
	IO      *ioStreams
	Paths   []string
	MaxSize int64
	// StdinFormat is the format of stdin when no path is given; "" lets
	// kg guess it from the content.
	StdinFormat string
	// WriteErr wraps a failure to write the output.
	WriteErr func(error) error
	// Workers is the number of documents worked on at once; 0 means
	// GOMAXPROCS.
	Workers int
}

// docJob is one position of the input: a document, or a failure to read
// one, which is reported there.
type docJob struct {
	seq int
	in  input.Input
	err error
}

// docResult is what a worker made of a job: the document's output, the
// problems to report, and an error that stops everything.
type docResult struct {
	seq     int
	out     []byte
	reports []error
	stop    error
}

// run calls each for every document read, from several goroutines at
// once; each writes the document's output to w and returns an error only
// to stop everything. A bad document is reported with report, and makes
// the exit status 1 at the end. At most two documents per worker are held
// at once, each bounded by the input size limit.
func (d docStream) run(ctx context.Context, each func(w *bufio.Writer, in input.Input, report func(error)) error) error {
	files := []input.File{{Path: "-", Size: -1, Format: d.StdinFormat}}
	var mu sync.Mutex // report is called by the writer, and by the reader when stopping
	failed := false
	report := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		failed = true
		fmt.Fprintf(d.IO.ErrOut, "kg: %v\n", err)
	}
	paths := d.Paths
	if len(paths) == 1 && paths[0] == "-" {
		paths = nil
	}
	var skipped []string
	if len(paths) > 0 {
		var err error
		files, err = input.Expand(ctx, paths, func(e error) {
			var ie *input.Error
			if errors.Is(e, input.ErrUnsupported) && errors.As(e, &ie) {
				skipped = append(skipped, ie.Path) // in a folder: a note, not a failure
				return
			}
			report(e)
		})
		if err != nil {
			return err
		}
	}
	if len(skipped) > 0 {
		defer fmt.Fprintln(d.IO.ErrOut, skippedNote(skipped))
	}
	workers := d.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan docJob, workers)
	results := make(chan docResult, workers)
	slots := make(chan struct{}, 2*workers) // documents read and not yet written
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			bw := bufio.NewWriterSize(&buf, 64<<10)
			for j := range jobs {
				r := docResult{seq: j.seq}
				if j.err != nil {
					r.reports = []error{j.err}
				} else {
					buf.Reset()
					bw.Reset(&buf)
					r.stop = each(bw, j.in, func(err error) { r.reports = append(r.reports, err) })
					if err := bw.Flush(); err != nil && r.stop == nil {
						r.stop = err
					}
					r.out = bytes.Clone(buf.Bytes())
				}
				results <- r
			}
		}()
	}
	// The writer takes the results in input order.
	w := bufio.NewWriterSize(d.IO.Out, 64<<10)
	var stop error
	written := make(chan struct{})
	go func() {
		defer close(written)
		var order pipeline.Reorder[docResult]
		release := func(r docResult) error {
			<-slots
			if stop != nil {
				return nil // drain: what follows a stop is not written
			}
			if _, err := w.Write(r.out); err != nil {
				stop = d.WriteErr(err)
			} else if err := w.Flush(); err != nil {
				stop = d.WriteErr(err)
			}
			for _, e := range r.reports {
				report(e)
			}
			if stop == nil && r.stop != nil {
				stop = r.stop
			}
			if stop != nil {
				cancel()
			}
			return nil
		}
		for r := range results {
			order.Put(r.seq, r, release) // release never fails: a stop drains the rest
		}
	}()
	seq := 0
	enqueue := func(j docJob) error {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		j.seq = seq
		seq++
		jobs <- j
		return nil
	}
	read := input.Options{MaxSize: d.MaxSize, Stdin: d.IO.In}
	err := input.Read(ctx, files, read, func(in input.Input) error {
		return enqueue(docJob{in: in})
	}, func(e error) {
		if enqueue(docJob{err: e}) != nil {
			report(e) // stopping anyway; say it all the same
		}
	})
	close(jobs)
	wg.Wait()
	close(results)
	<-written
	if stop != nil {
		err = stop
	}
	if ferr := w.Flush(); err == nil && ferr != nil {
		err = d.WriteErr(ferr)
	}
	if err != nil {
		return err
	}
	if failed {
		return errSilent
	}
	return nil
}

// sizeValue is a flag holding a size in bytes ("50MB", "1GB"): --max-size
// and the server's limits, and --memory with a floor; one parser and one
// error message for all of them.
type sizeValue struct {
	n   *int64
	min int64 // smallest size accepted; 0 for any positive size
}

func (v sizeValue) String() string {
	if v.n == nil {
		return ""
	}
	return input.FormatSize(*v.n)
}

func (v sizeValue) Set(s string) error {
	n, err := input.ParseSize(s)
	if err != nil || n <= 0 || n < v.min {
		if v.min > 0 {
			return fmt.Errorf("want a size of at least %s, such as 1GB", input.FormatSize(v.min))
		}
		return fmt.Errorf("want a size such as 50MB")
	}
	*v.n = n
	return nil
}

func (sizeValue) Type() string { return "size" }

// maxSizeValue is a size flag with no floor.
func maxSizeValue(n *int64) sizeValue { return sizeValue{n: n} }

// addMaxSizeFlag adds --max-size, 50MB by default, writing to n.
func addMaxSizeFlag(cmd *cobra.Command, n *int64) {
	*n = 50 << 20
	cmd.Flags().Var(maxSizeValue(n), "max-size", "largest document (file or JSONL line) accepted: 10MB, 1GB")
}
