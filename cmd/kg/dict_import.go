package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/atomicfile"
	"github.com/kg-project/kg/internal/loader/dict"
)

type dictImportOptions struct {
	IO     *ioStreams
	Files  []string
	Output string // file, or "-" for stdout
	Force  bool   // replace an existing output file
}

func newCmdDictImport(f *factory, runF func(*dictImportOptions) error) *cobra.Command {
	opts := &dictImportOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Convert PETRARCH/TABARI dictionaries to kg YAML",
		Long: `Convert dictionaries of the PETRARCH and TABARI event coders (the Phoenix
set among them) into one kg YAML file: verb files (synonym blocks, patterns,
synsets, transformations), actor files (names, synonyms, dated codes),
agent files, discard lists and issue lists. Each file's format is
recognised from its content; kg YAML files may be mixed in. Files are
joined in order: an alias two actors share goes to the later one.

--dict reads PETRARCH files directly as well; converting gives a file to
edit, review and check into a project. The summary goes to standard error;
"kg dict check" lists what the converter skipped or guessed. The output is
written to a temporary file and renamed when complete; an existing file
is replaced only with --force.`,
		Example: `  kg dict import CAMEO.2.0.txt Phoenix.agents.txt -o phoenix.yaml
  kg dict import my-tabari.actors | less`,
		Args: minArgs(1, "no dictionary file given"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if opts.Output == "" {
				opts.Output = "-"
			}
			if runF != nil {
				return runF(opts)
			}
			return runDictImport(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "-", "output file (- for stdout)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace an existing output file")
	return cmd
}

func runDictImport(_ context.Context, opts *dictImportOptions) error {
	if opts.Output != "-" && !opts.Force {
		if _, err := os.Stat(opts.Output); err == nil {
			return fmt.Errorf("%s exists: give --force to replace it", opts.Output)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("check output: %w", err)
		}
	}
	var files []*dict.File
	for _, name := range opts.Files {
		data, err := readNamed(name, opts.IO.In)
		if err != nil {
			return fmt.Errorf("read dictionary: %w", err)
		}
		f, err := dict.Parse(name, data)
		if err != nil {
			return fmt.Errorf("convert %s:\n%w", name, err)
		}
		files = append(files, f)
	}
	out := dict.Combine(opts.Output, files...)
	warnings := len(out.Warnings())
	write := func(w io.Writer) error {
		fmt.Fprintf(w, "# kg dictionary converted by kg dict import from %s\n", strings.Join(opts.Files, ", "))
		return out.WriteYAML(w)
	}
	if opts.Output == "-" {
		if err := write(opts.IO.Out); err != nil {
			return err
		}
	} else {
		if err := atomicfile.Write(opts.Output, write); err != nil {
			return err
		}
	}
	fmt.Fprintln(opts.IO.ErrOut, importSummary(opts.Output, out, warnings))
	return nil
}

// importSummary is the line telling what a conversion wrote.
func importSummary(dest string, f *dict.File, warnings int) string {
	var blocks, patterns int
	if v := f.VerbDict; v != nil {
		blocks = len(v.Blocks)
		for _, b := range v.Blocks {
			patterns += len(b.Patterns)
		}
	}
	if dest == "-" {
		dest = "converted"
	}
	parts := []string{dictPlural(len(f.Actors), "actor"), dictPlural(len(f.Agents), "agent"),
		dictPlural(blocks, "verb block") + " (" + dictPlural(patterns, "pattern") + ")", dictPlural(len(f.Discards), "discard")}
	for _, extra := range []struct {
		n    int
		noun string
	}{{len(f.Issues), "issue"}, {len(f.Roles), "role"}, {len(f.Titles), "title"}, {len(f.Verbs), "verb rule"}} {
		if extra.n > 0 {
			parts = append(parts, dictPlural(extra.n, extra.noun))
		}
	}
	line := dest + ": " + strings.Join(parts, ", ")
	if warnings > 0 {
		line += fmt.Sprintf("; %s (kg dict check lists them)", dictPlural(warnings, "warning"))
	}
	return line
}
