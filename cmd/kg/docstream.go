package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/loader/input"
)

// docStream is what kg extract and kg parse share: documents from paths
// (or stdin) in, one buffered output flushed after each document so that a
// streaming caller sees it at once, and bad documents reported on stderr
// without stopping the rest.
type docStream struct {
	IO      *ioStreams
	Paths   []string
	MaxSize int64
	// StdinFormat is the format of stdin when no path is given; "" lets
	// kg guess it from the content.
	StdinFormat string
	// WriteErr wraps a failure to write the output.
	WriteErr func(error) error
}

// run calls each for every document read; each writes to w and returns an
// error only to stop everything. A bad document is reported with report,
// which run also uses, and makes the exit status 1 at the end.
func (d docStream) run(ctx context.Context, each func(w *bufio.Writer, in input.Input, report func(error)) error) error {
	files := []input.File{{Path: "-", Size: -1, Format: d.StdinFormat}}
	failed := false
	report := func(err error) {
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
	w := bufio.NewWriterSize(d.IO.Out, 64<<10)
	read := input.Options{MaxSize: d.MaxSize, Stdin: d.IO.In}
	err := input.Read(ctx, files, read, func(in input.Input) error {
		if err := each(w, in, report); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return d.WriteErr(err)
		}
		return nil
	}, report)
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
