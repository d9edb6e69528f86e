package main

import (
	"archive/zip"
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
	"github.com/kg-project/kg/internal/graph/store"
	"github.com/kg-project/kg/internal/graph/view"
	"github.com/kg-project/kg/internal/loader/dict"
	"github.com/kg-project/kg/internal/loader/triples"
	"github.com/spf13/cobra"
)

type importOptions struct {
	IO    *ioStreams
	Store func() (*store.Store, error)

	Files       []string
	InputFormat string // auto, csv, tsv or jsonl
	From        string // triples, or the event data set the files come from: gdelt
	Force       bool
	Format      string // of the summary: table or json
	Memory      int64  // soft limit of the heap, --memory
	// Progress, when set (by kg serve), hears the documents written so far.
	Progress func(documents int, bytes int64)
}

// importResult is the --format json form of an import's result, with
// kg load's names for the same counts.
type importResult struct {
	New       int `json:"new"`
	Unchanged int `json:"unchanged"`
	Replaced  int `json:"replaced"`
	Failed    int `json:"failed"`
	Events    int `json:"events"`
}

func newCmdImport(f *factory, runF func(*importOptions) error) *cobra.Command {
	opts := &importOptions{IO: f.IO, Store: func() (*store.Store, error) { return f.openStore(false) }, Progress: f.progress}
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Store pre-extracted triples from CSV, TSV or JSONL files",
		Long: `Store triples extracted elsewhere, skipping text extraction. "-" reads stdin.

CSV and TSV files need a header naming the columns source, target and
relation or cameo; optional columns are id, doc, date, sentence,
sentence_index, negated, modality, symmetric, confidence, weight (a count of
identical events), source_id, source_code, source_type, target_id,
target_code and target_type. Given a CAMEO code, the quad class and Goldstein
score come from the CAMEO table. Rows are grouped into documents by the doc
column, or else by file name; each document is stored atomically.

JSONL files hold the lines kg triples --format jsonl prints, so that output
imports back into the same graph: same event IDs, actors and triples.

The format follows the file extension (.csv, .tsv, .jsonl), or else the
content. A bad row is reported as FILE:LINE and its whole document is
skipped; other documents are still stored, and kg exits with status 1.
Documents already stored are left alone unless --force replaces them.

Files are read twice: a first pass checks the lines and finds where each
document ends, the second stores each document at its last row, so that
memory holds the documents under way, not the input. Standard input is
read once, whole.`,
		Example: `  kg import edges.csv
  kg triples --format jsonl | kg --store other.db import -`,
		Args: minArgs(1, "no FILE given (use - for stdin)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opts.InputFormat {
			case "auto", triples.TriplesCSV, triples.TriplesTSV, triples.TriplesJSONL:
			default:
				return flagErrorf(cmd, "unknown --input-format %q (want auto, csv, tsv or jsonl)", opts.InputFormat)
			}
			switch opts.From {
			case "triples":
			case triples.TriplesGDELT, triples.TriplesICEWS:
				if opts.InputFormat != "auto" {
					return flagErrorf(cmd, "--input-format applies to triples, not to --from %s files", opts.From)
				}
			default:
				return flagErrorf(cmd, "unknown --from %q (want triples, gdelt or icews)", opts.From)
			}
			stdin := 0
			for _, a := range args {
				if a == "-" {
					stdin++
				}
			}
			if stdin > 1 {
				return flagErrorf(cmd, "stdin (-) given %d times", stdin)
			}
			if err := checkFormat(cmd, opts.Format, formatTable, formatJSON); err != nil {
				return err
			}
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return runImport(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.InputFormat, "input-format", "auto", "format of the files: auto, csv, tsv or jsonl")
	cmd.Flags().StringVar(&opts.From, "from", "triples", "what the files hold: triples (CSV, TSV, JSONL), gdelt (GDELT 1.0 or 2.0 event files) or icews (ICEWS coded events); plain or zipped")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace documents that are already stored")
	addSummaryFormatFlag(cmd, &opts.Format)
	addMemoryFlag(cmd, &opts.Memory)
	return cmd
}

func runImport(ctx context.Context, opts *importOptions) error {
	defer applyMemory(opts.Memory)()
	im := triples.NewImporter()
	failed := false
	report := func(err error) {
		failed = true
		fmt.Fprintf(opts.IO.ErrOut, "kg: %v\n", err)
	}
	// Files can be read twice: a first pass learns where each document
	// ends, and the second hands each document to the store as soon as its
	// last row is read, so that memory holds the documents under way, not
	// the input. Standard input is read once and held whole.
	twoPass := !slices.Contains(opts.Files, "-")
	if twoPass {
		im.Census()
	}
	for _, name := range opts.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, err := range readImportFile(im, opts, name) {
			report(err)
		}
	}
	for _, w := range im.Warnings {
		fmt.Fprintf(opts.IO.ErrOut, "kg: warning: %s\n", w)
	}
	skipped := im.Skipped()
	for _, name := range skipped {
		fmt.Fprintf(opts.IO.ErrOut, "kg: document %s not imported because of the errors above\n", name)
	}
	if im.Rows() == 0 {
		if failed {
			return errSilent
		}
		return fmt.Errorf("import: no triples in %d file(s)", len(opts.Files))
	}
	s, err := opts.Store()
	if err != nil {
		return err
	}
	stored, err := s.Actors()
	if err != nil {
		return fmt.Errorf("read actors: %w", err)
	}
	var counts [4]int
	docs, events, notStored := 0, 0, len(skipped)
	put := func(x graph.Extraction) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if opts.Progress != nil {
			opts.Progress(docs, 0)
		}
		docs++
		st, err := s.PutDocument(x, opts.Force)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			report(err)
			notStored++
			return nil
		}
		counts[st]++
		if st != graph.Unchanged {
			events += len(x.Events)
		}
		return nil
	}
	if twoPass {
		censusRows := im.Rows()
		im.Stream(importResolver(stored), put)
		for _, name := range opts.Files {
			if im.Err() != nil {
				break
			}
			// The lines were checked by the first pass; an error now is a
			// file that changed between the two.
			if errs := readImportFile(im, opts, name); len(errs) > 0 && !failed {
				report(fmt.Errorf("%s changed while it was imported: %w", name, errs[0]))
			}
		}
		if err := im.Err(); err != nil {
			return err
		}
		if im.Rows() != censusRows && !failed {
			report(fmt.Errorf("import: the files changed while they were imported (%d rows, then %d): some documents may be incomplete; import them again with --force", censusRows, im.Rows()))
		}
	} else {
		im.ResolveActors(importResolver(stored))
	}
	// What the stream did not hand over: all of standard input.
	for _, x := range im.Extractions() {
		if err := put(x); err != nil {
			return err
		}
	}
	if opts.Format == formatJSON {
		if err := writeObject(opts.IO.Out, formatJSON, importResult{New: counts[graph.Added], Unchanged: counts[graph.Unchanged],
			Replaced: counts[graph.Replaced], Failed: notStored, Events: events}); err != nil {
			return fmt.Errorf("write summary: %w", err)
		}
	} else if opts.IO.ErrTTY {
		fmt.Fprintf(opts.IO.ErrOut, "imported %d document(s): %d new, %d replaced, %d unchanged; %d events written\n",
			docs, counts[graph.Added], counts[graph.Replaced], counts[graph.Unchanged], events)
	}
	if failed {
		return errSilent
	}
	return nil
}

// readImportFile feeds one file (or stdin for "-") to the importer.
func readImportFile(im *triples.Importer, opts *importOptions, name string) []error {
	var r io.Reader = opts.IO.In
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return []error{fmt.Errorf("import: %w", err)}
		}
		defer f.Close()
		r = f
	}
	if opts.From != "triples" {
		if strings.EqualFold(filepath.Ext(name), ".zip") {
			return readZip(im, name, opts.From)
		}
		return im.Read(bufio.NewReaderSize(r, 64<<10), name, opts.From)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	format := opts.InputFormat
	if format == "auto" {
		head, _ := br.Peek(4096)
		format = triples.TriplesFormat(name, head)
	}
	return im.Read(br, name, format)
}

// readZip reads the event files of a zip archive in format, as GDELT
// publishes them (one .CSV in each .CSV.zip) and ICEWS's are often kept.
func readZip(im *triples.Importer, name, format string) []error {
	z, err := zip.OpenReader(name)
	if err != nil {
		return []error{fmt.Errorf("import: %s: %w", name, err)}
	}
	defer z.Close()
	var errs []error
	read := 0
	for _, f := range z.File {
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			errs = append(errs, fmt.Errorf("import: %s: %s: %w", name, f.Name, err))
			continue
		}
		errs = append(errs, im.Read(bufio.NewReaderSize(rc, 64<<10), name+"/"+f.Name, format)...)
		rc.Close()
		read++
	}
	if read == 0 {
		errs = append(errs, fmt.Errorf("import: %s: the archive holds no file", name))
	}
	return errs
}

// roleOfCountry is ICEWS's name of a sector: "Police (Pakistan)".
var roleOfCountry = regexp.MustCompile(`^(\pL[\pL .'-]*?) \((\pL[\pL .'-]*)\)$`)

// importResolver finds the actor an imported row names: a stored actor it
// designates as a query's name would (name, alias, code, surname), else
// the dictionary's actor of that name or, for a bare CAMEO country code,
// that country. The name as written is kept as an alias. A name neither
// knows stays an actor of its own.
func importResolver(stored []graph.Actor) func(graph.Actor) graph.Actor {
	d, _ := queryDictionary()
	var byCode map[string]*dict.ActorEntry
	var resolve func(a graph.Actor) graph.Actor
	resolve = func(a graph.Actor) graph.Actor {
		// ICEWS names a sector "Police (Pakistan)": a role word and the
		// country, which is that country's sector as kg's own "Pakistani
		// police" is.
		if m := roleOfCountry.FindStringSubmatch(a.Name); m != nil && d != nil {
			if code, ok := d.Role(m[1]); ok && len(code) == 3 {
				c := resolve(graph.Actor{Name: m[2]})
				if c.Type == graph.Country && c.CountryCode() != "" {
					return resolve(graph.Actor{Name: c.Name, Code: c.CountryCode() + code})
				}
			}
		}
		found, ok := graph.Actor{}, false
		if b, err := view.ResolveActor(stored, a.Name); err == nil {
			found, ok = b, true
		} else if d != nil {
			e, hit := d.ActorByName(a.Name)
			if !hit {
				if byCode == nil {
					byCode = map[string]*dict.ActorEntry{}
					for i := range d.Actors {
						c := &d.Actors[i]
						if _, seen := byCode[c.Code]; !seen && c.Type == graph.Country {
							byCode[c.Code] = c
						}
					}
				}
				e, hit = byCode[strings.ToUpper(a.Name)]
			}
			if hit {
				found, ok = graph.Actor{ID: graph.Slug(e.Name), Name: e.Name, Code: e.Code, Type: e.Type, Country: e.Country}, true
				// The store may know the dictionary's actor by its name.
				if b, err := view.ResolveActor(stored, e.Name); err == nil {
					found = b
				}
			}
		}
		if !ok {
			return a
		}
		r := graph.Actor{ID: found.ID, Name: found.Name, Code: found.Code, Type: found.Type, Country: found.Country}
		// A country named with a role in its code (GDELT's "PAKISTAN" as
		// PAKGOV, a row "Pakistan" coded PAKMIL) is that country's sector:
		// the actor kg's own "Pakistani government" is, and the node of
		// --level sector.
		sector := false
		if c := found.CountryCode(); found.Type == graph.Country && cameo.Role(a.Code, c) != "" {
			sector = true
			role := cameo.Role(a.Code, c)
			r = graph.Actor{Name: found.Name + " " + cameo.RoleName(role), Code: c + role, Type: graph.Organization, Country: c}
			r.ID = graph.Slug(r.Name)
			if b, err := view.ResolveActor(stored, r.Name); err == nil {
				r = graph.Actor{ID: b.ID, Name: b.Name, Code: b.Code, Type: b.Type, Country: b.Country}
			}
		}
		if a.Code != "" && r.Code == "" {
			r.Code = a.Code
		}
		if a.Type != "" && r.Type == "" {
			r.Type = a.Type
		}
		// The name as written is another name of the actor, not of a
		// sector it stood for.
		if !sector && graph.NormalizeName(a.Name) != graph.NormalizeName(r.Name) {
			r.Aliases = []string{a.Name}
		}
		return r
	}
	return resolve
}
