package main

import (
	"context"

	"github.com/kg-project/kg/internal/graph"
	"github.com/spf13/cobra"
)

// prologue is what a command does before its own work, the same way in
// every command: check the output format, run the command's own checks of
// its flags and arguments, turn the filter flags into a graph.Filter, and
// hand the options to its run function (in tests, to runF instead).
type prologue[O any] struct {
	format  *string
	formats []string // the formats allowed; nil for table, json, jsonl and csv
	filters *filterFlags
	filter  *graph.Filter
	check   func(cmd *cobra.Command, args []string) error
	runF    func(*O) error
	run     func(context.Context, *O) error
}

// runE is the command's RunE over options opts.
func (p prologue[O]) runE(opts *O) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if p.format != nil {
			if err := checkFormat(cmd, *p.format, p.formats...); err != nil {
				return err
			}
		}
		if p.check != nil {
			if err := p.check(cmd, args); err != nil {
				return err
			}
		}
		if p.filters != nil {
			flt, err := p.filters.parse(cmd)
			if err != nil {
				return err
			}
			*p.filter = flt
		}
		if p.runF != nil {
			return p.runF(opts)
		}
		return p.run(cmd.Context(), opts)
	}
}

// atLeast is a usage error unless flag --name holds min or more.
func atLeast(cmd *cobra.Command, name string, v, min int) error {
	if v < min {
		return flagErrorf(cmd, "--%s must be %d or more, not %d", name, min, v)
	}
	return nil
}

// untilDone runs fn and returns what it returns, or ctx's error as soon as
// ctx is done (Ctrl-C): fn, an algorithm that cannot stop midway, is left
// to finish in the background with its answer unused, and the command
// exits at once.
func untilDone[T any](ctx context.Context, fn func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := fn()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
