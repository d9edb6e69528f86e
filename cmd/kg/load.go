package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/kg-project/kg/internal/graph/store"
	"github.com/kg-project/kg/internal/loader"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/input"
	"github.com/kg-project/kg/internal/loader/pipeline"
)

type loadOptions struct {
	IO      *ioStreams
	Store   func() (*store.Store, error)
	Close   func() error
	Paths   []string
	Force   bool
	Workers int
	MaxSize int64
	Memory  int64 // soft limit of the heap, --memory
	Quiet   bool
	Format  string
	Dicts   []string
	Extract loader.Options
	// Hidden: documents per write batch, and a CPU profile of the run.
	BatchSize  int
	CPUProfile string
	// Progress, when set, hears the load's progress (kg serve streams it).
	Progress func(documents int, bytes int64)
}

func newCmdLoad(f *factory, runF func(*loadOptions) error) *cobra.Command {
	opts := &loadOptions{
		IO:       f.IO,
		Store:    func() (*store.Store, error) { return f.openStore(false) },
		Close:    f.closeStore,
		Progress: f.progress,
	}
	cmd := &cobra.Command{
		Use:   "load PATH...",
		Short: "Extract events from articles and add them to the store",
		Long: `Read articles from files, folders (recursively) or stdin ("-"), extract
actor–relation–actor events, merge spelling variants of known actors, and
add everything to the store; each document is stored whole or not at all.

Folders are searched for .txt .text .md .markdown .html .htm .xhtml .jsonl
and .ndjson files; hidden files and folders are skipped. A file named on the
command line is read whatever its extension. JSON Lines records carry the
text in "text" (or "body", "content") and may have "id", "title", "date" and
"url".

Documents already in the store (same text) are skipped, so an interrupted
load continues where it stopped when run again; --force re-extracts and
replaces them. A file that cannot be read or extracted is reported on stderr
with its name (and line) and the others still load; the exit status is then 1.`,
		Example: `  kg load articles/
  kg load --workers 4 feed.jsonl
  curl -s https://example.org/feed.jsonl | kg load -
  kg load --format json --quiet articles/ > summary.json`,
		Args: minArgs(1, "no input: give files, folders, or - for stdin"),
		RunE: prologue[loadOptions]{runF: runF, run: runLoad,
			format: &opts.Format, formats: []string{formatTable, formatJSON},
			check: func(cmd *cobra.Command, args []string) (err error) {
				if err := atLeast(cmd, "workers", opts.Workers, 0); err != nil {
					return err
				}
				if err := atLeast(cmd, "batch-size", opts.BatchSize, 0); err != nil {
					return err
				}
				opts.Paths = args
				opts.Dicts, opts.Extract, err = extractorFlags(cmd)
				return err
			}}.runE(opts),
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.Force, "force", false, "re-extract documents already stored and replace them")
	fl.IntVar(&opts.Workers, "workers", 0, "extraction goroutines (0: one per CPU)")
	addMaxSizeFlag(cmd, &opts.MaxSize)
	addMemoryFlag(cmd, &opts.Memory)
	fl.BoolVar(&opts.Quiet, "quiet", false, "print no progress bar and no summary (errors still go to stderr)")
	addSummaryFormatFlag(cmd, &opts.Format)
	addDictFlag(cmd)
	addCoderFlag(cmd)
	fl.IntVar(&opts.BatchSize, "batch-size", 64, "documents per write batch")
	fl.StringVar(&opts.CPUProfile, "cpuprofile", "", "write a CPU profile of the load to `file`")
	fl.MarkHidden("batch-size")
	fl.MarkHidden("cpuprofile")
	return cmd
}

// loadSummary is the --format json form of a load's result: the pipeline's summary
// and the speed, times rounded to the millisecond.
type loadSummary struct {
	pipeline.Summary
	MBPerSecond float64 `json:"mb_per_s"`
}

// loadBatchHook, when set (by tests only), is called after each batch is
// written with the number of documents written so far.
var loadBatchHook func(done int)

// loadPreparerHook, when set (by tests only), wraps the extractor the
// pipeline uses.
var loadPreparerHook func(pipeline.Preparer) pipeline.Preparer

func runLoad(ctx context.Context, opts *loadOptions) (err error) {
	t0 := time.Now()
	defer applyMemory(opts.Memory)()
	if opts.CPUProfile != "" {
		stop, err := startCPUProfile(opts.CPUProfile)
		if err != nil {
			return err
		}
		defer func() {
			if perr := stop(); perr != nil && err == nil {
				err = perr
			}
		}()
	}
	// Dictionaries and extractor first: a bad dictionary should fail before
	// the store is opened or anything read.
	x, d, err := newExtractor(opts.Dicts, opts.Extract)
	if err != nil {
		return err
	}
	var prep pipeline.Preparer = x
	if loadPreparerHook != nil {
		prep = loadPreparerHook(prep)
	}
	st, err := opts.Store()
	if err != nil {
		return err
	}
	errOut := opts.IO.ErrOut
	bar := newLoadBar(opts)
	report := func(e error) {
		bar.clear()
		fmt.Fprintf(errOut, "kg: %v\n", e)
	}

	expandFailed := 0
	var skipped []string // files of kinds kg does not read, found in folders
	files, err := input.Expand(ctx, opts.Paths, func(e error) {
		var ie *input.Error
		if errors.Is(e, input.ErrUnsupported) && errors.As(e, &ie) {
			skipped = append(skipped, ie.Path)
			return
		}
		expandFailed++
		report(e)
	})
	if err != nil {
		return err
	}
	var total int64
	for _, f := range files {
		if f.Size < 0 {
			total = -1
			break
		}
		total += f.Size
	}
	bar.begin(total)

	known, err := st.Actors()
	if err != nil {
		return err
	}
	popts := pipeline.Options{
		Workers:   opts.Workers,
		BatchSize: opts.BatchSize,
		Force:     opts.Force,
		// Cleaning gives the document's ID; the pipeline asks the store for
		// it and extracts only documents it lacks, so a repeated or resumed
		// load costs reading and cleaning the stored ones.
		Preparer: prep,
		Input:    input.Options{MaxSize: opts.MaxSize, Stdin: opts.IO.In},
		Merger:   pipeline.NewMerger(known, nameSimilarity(d), d.MergeForbidden),
		OnError:  report,
		OnProgress: func(p pipeline.Progress) {
			bar.update(p)
			if opts.Progress != nil {
				opts.Progress(p.Documents, p.Bytes)
			}
		},
	}
	// The store is the sink, and its HasDocument (a key lookup in a read
	// transaction, safe from every worker at once) lets the pipeline skip
	// stored documents before extraction.
	var sink pipeline.Sink = st
	if loadBatchHook != nil {
		sink = &hookedSink{Sink: sink, hook: loadBatchHook}
	}
	sum, runErr := pipeline.Run(ctx, files, nil, sink, popts)
	bar.finish()
	sum.Failed += expandFailed

	// Close now rather than at exit: Close syncs, and its error matters.
	if cerr := opts.Close(); cerr != nil && runErr == nil {
		runErr = cerr
	}
	// The time reported covers the whole command: dictionaries, extractor
	// and the final sync included.
	sum.Seconds = time.Since(t0).Seconds()
	interrupted := errors.Is(runErr, context.Canceled)
	if runErr != nil && !interrupted {
		return runErr
	}
	if err := printLoadSummary(opts, sum); err != nil {
		return err
	}
	if len(skipped) > 0 {
		fmt.Fprintln(errOut, skippedNote(skipped))
		if sum.Documents()+sum.Unchanged == 0 {
			return errSilent // nothing kg could read
		}
	}
	if interrupted {
		fmt.Fprintf(errOut, "interrupted after %d documents; run the same kg load again to continue: loaded documents are skipped\n", sum.Documents())
		return context.Canceled
	}
	if sum.Failed > 0 {
		return errSilent
	}
	return nil
}

func printLoadSummary(opts *loadOptions, s pipeline.Summary) error {
	w := opts.IO.Out
	if opts.Format == formatJSON {
		out := loadSummary{Summary: s, MBPerSecond: round3(s.MBPerSecond())}
		out.Seconds = round3(s.Seconds)
		return writeObject(w, formatJSON, out)
	}
	if opts.Quiet {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "documents  %d new, %d unchanged, %d replaced, %d failed\n", s.New, s.Unchanged, s.Replaced, s.Failed)
	fmt.Fprintf(&b, "sentences  %d\n", s.Sentences)
	fmt.Fprintf(&b, "events     %d\n", s.Events)
	fmt.Fprintf(&b, "actors     %d (%d new, %d merges)\n", s.Actors, s.NewActors, s.Merges)
	fmt.Fprintf(&b, "time       %.1f s for %s (%.2f MB/s)\n", s.Seconds, input.FormatSize(s.Bytes), s.MBPerSecond())
	_, err := io.WriteString(w, b.String())
	return err
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

// hookedSink tells loadBatchHook how many documents were written so far.
type hookedSink struct {
	pipeline.Sink
	hook func(int)
	done int
}

func (h *hookedSink) PutDocuments(xs []graph.Extraction, force bool) ([]graph.PutStatus, error) {
	st, err := h.Sink.PutDocuments(xs, force)
	h.done += len(st)
	h.hook(h.done)
	return st, err
}

func (h *hookedSink) HasDocument(id string) (bool, error) {
	if hv, ok := h.Sink.(pipeline.DocumentLookup); ok {
		return hv.HasDocument(id)
	}
	return false, nil
}

func startCPUProfile(path string) (func() error, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		return nil
	}, nil
}

// loadBar draws progress on a terminal: documents per second in the
// description, bytes with throughput and ETA in the bar. It does nothing
// when stderr is not a terminal or --quiet is given.
type loadBar struct {
	on    bool
	w     io.Writer
	bar   *progressbar.ProgressBar
	t0    time.Time
	last  time.Time
	bytes int64
}

func newLoadBar(opts *loadOptions) *loadBar {
	return &loadBar{on: opts.IO.ErrTTY && !opts.Quiet, w: opts.IO.ErrOut}
}

func (b *loadBar) begin(total int64) {
	if !b.on {
		return
	}
	b.t0 = time.Now()
	b.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(b.w),
		progressbar.OptionSetDescription("loading"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionUseANSICodes(true),
	)
}

func (b *loadBar) update(p pipeline.Progress) {
	if b.bar == nil {
		return
	}
	b.bytes = p.Bytes
	now := time.Now()
	if now.Sub(b.last) < 100*time.Millisecond {
		return
	}
	b.last = now
	rate := float64(p.Documents) / now.Sub(b.t0).Seconds()
	b.bar.Describe(fmt.Sprintf("%d docs (%.0f/s)", p.Documents, rate))
	b.bar.Set64(p.Bytes)
}

// clear removes the bar so an error line can be printed; the next update
// draws it again.
func (b *loadBar) clear() {
	if b.bar != nil {
		b.bar.Clear()
	}
}

func (b *loadBar) finish() {
	if b.bar != nil {
		b.bar.Set64(b.bytes)
		b.bar.Finish()
		b.bar.Clear()
	}
}

// skippedNote is the one line that tells which files in the folders kg
// skipped, by kind, and how to turn them into text.
func skippedNote(paths []string) string {
	byExt := map[string][]string{}
	var exts []string
	for _, p := range paths {
		ext := strings.ToLower(filepath.Ext(p))
		if ext == "" {
			ext = "(no extension)"
		}
		if byExt[ext] == nil {
			exts = append(exts, ext)
		}
		byExt[ext] = append(byExt[ext], p)
	}
	sort.Strings(exts)
	var parts []string
	hints := map[string]bool{}
	for _, ext := range exts {
		parts = append(parts, fmt.Sprintf("%d %s (%s)", len(byExt[ext]), ext, input.DisplayName(filepath.Base(byExt[ext][0]))))
		switch ext {
		case ".pdf":
			hints["pdftotext"] = true
		case ".docx", ".doc", ".odt", ".rtf", ".epub":
			hints["pandoc"] = true
		}
	}
	note := fmt.Sprintf("kg: skipped %d %s kg does not read: %s", len(paths), plural(len(paths), "file", "files"), strings.Join(parts, ", "))
	if len(hints) > 0 {
		var tools []string
		for h := range hints {
			tools = append(tools, h)
		}
		sort.Strings(tools)
		note += "; convert them to text first (" + strings.Join(tools, ", ") + ")"
	}
	return note
}
