// Command beam extracts kg triples from JSON Lines documents on Apache
// Beam: the same cleaning, extractor and dictionaries as kg extract, run
// where the documents are, on any Beam runner (the direct runner here,
// Flink, Spark or Dataflow at scale). It writes sharded files of triple
// records, one per line as kg triples --format jsonl prints them, which kg
// import loads.
package main

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/loader/input"
)

func init() {
	register.DoFn4x1[context.Context, string, string, func(int, string), error](&extractFn{})
	register.Emitter2[int, string]()
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Iter1[string]()
}

// Options are what the pipeline is given, on the command line or by a
// caller.
type Options struct {
	Input  string   // file glob of JSON Lines documents, on any Beam filesystem
	Output string   // prefix of the shards: PREFIX-00000-of-00004.jsonl
	Dicts  []string // dictionary files, as kg extract --dict
	Coder  string   // rules or tree, as kg extract --coder
	Shards int
	// MaxSize is the largest document line accepted, as kg extract
	// --max-size.
	MaxSize int64
}

// Build adds the pipeline to scope s: read the documents with the names of
// their files, extract each, and write the triples in Shards files.
func Build(s beam.Scope, o Options) {
	lines := textio.ReadWithFilename(s, o.Input)
	triples := beam.ParDo(s, &extractFn{Dicts: o.Dicts, Coder: o.Coder, Shards: o.Shards, MaxSize: o.MaxSize}, lines)
	beam.ParDo0(s, &writeShardFn{Prefix: o.Output, Shards: o.Shards}, beam.GroupByKey(s, triples))
}

// extractFn turns one document line into its triple lines, keyed by the
// shard they go to. The extractor is built once per worker.
type extractFn struct {
	Dicts   []string
	Coder   string
	Shards  int
	MaxSize int64

	once sync.Once
	x    *loader.Extractor
	err  error
}

func (f *extractFn) extractor() (*loader.Extractor, error) {
	f.once.Do(func() {
		c, err := loader.ParseCoder(f.Coder)
		if err != nil {
			f.err = err
			return
		}
		d, err := loader.LoadDictionary(f.Dicts...)
		if err != nil {
			f.err = err
			return
		}
		f.x, f.err = loader.NewWith(d, loader.Options{Coder: c})
	})
	return f.x, f.err
}

// ProcessElement extracts one line of file. A line that is not a document
// stops the pipeline with its file named, as kg extract names it; a
// document whose extraction fails is counted and skipped, as kg extract
// reports and skips it.
func (f *extractFn) ProcessElement(ctx context.Context, file, line string, emit func(int, string)) error {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	x, err := f.extractor()
	if err != nil {
		return fmt.Errorf("build the extractor: %w", err)
	}
	if f.MaxSize > 0 && int64(len(line)) > f.MaxSize {
		beam.NewCounter("kg", "documents_too_large").Inc(ctx, 1)
		return nil
	}
	in, err := input.ParseRecord([]byte(line), file, 0)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	xt, err := x.Process(in)
	if err != nil {
		beam.NewCounter("kg", "documents_failed").Inc(ctx, 1)
		return nil
	}
	var b bytes.Buffer
	if err := loader.WriteRecords(&b, xt); err != nil {
		return err
	}
	h := fnv.New32a()
	h.Write([]byte(in.Name))
	shard := int(h.Sum32() % uint32(max(f.Shards, 1)))
	for _, l := range strings.SplitAfter(b.String(), "\n") {
		if l != "" {
			emit(shard, strings.TrimSuffix(l, "\n"))
		}
	}
	beam.NewCounter("kg", "documents").Inc(ctx, 1)
	return nil
}

// writeShardFn writes one shard's lines, sorted so that a run gives the
// same files whatever order the runner delivered them in.
type writeShardFn struct {
	Prefix string
	Shards int
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	var all []string
	var l string
	for lines(&l) {
		all = append(all, l)
	}
	sort.Strings(all)
	name := fmt.Sprintf("%s-%05d-of-%05d.jsonl", f.Prefix, shard, max(f.Shards, 1))
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return fmt.Errorf("open the filesystem of %s: %w", name, err)
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	var b bytes.Buffer
	for _, l := range all {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		w.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	return w.Close()
}
