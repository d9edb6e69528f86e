package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/loader/input"
	"github.com/kg-project/kg/internal/loader/synth"
)

type synthOptions struct {
	IO   *ioStreams
	Size int64
	Out  string
	Seed uint64
	HTML float64
}

// newCmdSynth is hidden: it writes test and benchmark corpora, not
// something users of kg need.
func newCmdSynth(f *factory, runF func(*synthOptions) error) *cobra.Command {
	opts := &synthOptions{IO: f.IO}
	var size string
	cmd := &cobra.Command{
		Use:    "synth --size SIZE --out DIR|FILE.jsonl",
		Short:  "Write a synthetic news corpus (for tests and benchmarks)",
		Hidden: true,
		Args:   noPositionalArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := input.ParseSize(size)
			if err != nil || n <= 0 {
				return flagErrorf(cmd, "invalid --size %q: want a size such as 10MB", size)
			}
			if opts.Out == "" {
				return flagErrorf(cmd, "--out is required: a folder, a .jsonl file, or - for stdout")
			}
			if opts.HTML < 0 || opts.HTML > 1 {
				return flagErrorf(cmd, "--html must be between 0 and 1")
			}
			opts.Size = n
			if runF != nil {
				return runF(opts)
			}
			return runSynth(opts)
		},
	}
	cmd.Flags().StringVar(&size, "size", "10MB", "target corpus size")
	cmd.Flags().StringVar(&opts.Out, "out", "", "output folder (one .txt file per article), FILE.jsonl, or - (JSONL on stdout)")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 1, "random seed; the same seed gives the same corpus")
	cmd.Flags().Float64Var(&opts.HTML, "html", 0, "share of articles written as HTML pages (folder output)")
	return cmd
}

func runSynth(opts *synthOptions) error {
	so := synth.Options{Seed: int64(opts.Seed), Size: opts.Size, HTMLShare: opts.HTML}
	var st synth.Stats
	var err error
	switch {
	case opts.Out == "-":
		st, err = synth.WriteJSONL(opts.IO.Out, so)
	case strings.HasSuffix(opts.Out, ".jsonl") || strings.HasSuffix(opts.Out, ".ndjson"):
		var f *os.File
		if f, err = os.Create(opts.Out); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
		st, err = synth.WriteJSONL(f, so)
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("synth: %w", cerr)
		}
	default:
		st, err = synth.WriteDir(opts.Out, so)
	}
	if err != nil {
		return err
	}
	if opts.Out != "-" {
		fmt.Fprintf(opts.IO.ErrOut, "wrote %d articles, %s, to %s\n", st.Articles, input.FormatSize(st.Bytes), opts.Out)
	}
	return nil
}
