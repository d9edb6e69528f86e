package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

// dictFlag collects --dict, which may be given several times.
type dictFlag []string

func (d *dictFlag) String() string     { return strings.Join(*d, ",") }
func (d *dictFlag) Set(v string) error { *d = append(*d, v); return nil }

func main() {
	var o Options
	var dicts dictFlag
	flag.StringVar(&o.Input, "input", "", "JSON Lines documents: a file glob on any Beam filesystem (required)")
	flag.StringVar(&o.Output, "output", "", "prefix of the output shards, PREFIX-00000-of-NNNNN.jsonl (required)")
	flag.Var(&dicts, "dict", "extra dictionary file, as kg extract --dict (repeatable)")
	flag.StringVar(&o.Coder, "coder", "tree", "tree or rules, as kg extract --coder")
	flag.IntVar(&o.Shards, "shards", 4, "number of output files")
	flag.Int64Var(&o.MaxSize, "max-size", 50<<20, "largest document line in bytes; larger ones are counted and skipped")
	flag.Parse()
	o.Dicts = dicts
	if o.Input == "" || o.Output == "" || o.Shards < 1 {
		fmt.Fprintln(os.Stderr, "beam: give --input GLOB and --output PREFIX (and --shards 1 or more)")
		os.Exit(2)
	}
	beam.Init()
	p, s := beam.NewPipelineWithRoot()
	Build(s, o)
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintf(os.Stderr, "beam: %v\n", err)
		os.Exit(1)
	}
}
