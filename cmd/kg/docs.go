package main

import (
	"bufio"
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
	"github.com/kg-project/kg/internal/loader/text"
)

type docsOptions struct {
	IO     *ioStreams
	Store  func() (*store.Store, error)
	Format string
	// Text names a document whose cleaned text to print instead of the
	// list: its name, ID or an ID prefix.
	Text string
}

func newCmdDocs(f *factory, runF func(*docsOptions) error) *cobra.Command {
	opts := &docsOptions{IO: f.IO, Store: func() (*store.Store, error) { return f.openStore(true) }}
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "List stored documents",
		Long: `List the stored documents: ID (a hash of the text; tables show its first 12
characters, which --doc accepts), name, title, date, number of sentences and
events, and where the document was read from. Ordered by ID.

--text DOC prints one document's cleaned text instead (DOC is its name, ID
or an ID prefix of 6 characters or more), one sentence a line after its
number: the number an event's sentence_index gives, so that what the
extractor read can be looked at.`,
		Example: `  kg docs
  kg docs --text 07-afghan-talks-moscow-2016.txt
  kg docs --text 2137518658 | sed -n '3,5p'`,
		Args: noPositionalArgs,
		RunE: prologue[docsOptions]{format: &opts.Format, runF: runF, run: runDocs,
			check: func(cmd *cobra.Command, _ []string) error {
				if opts.Text != "" && cmd.Flags().Changed("format") {
					return flagErrorf(cmd, "--text prints plain text; it takes no --format")
				}
				return nil
			}}.runE(opts),
	}
	addFormatFlag(cmd, &opts.Format)
	cmd.Flags().StringVar(&opts.Text, "text", "", "print this document's cleaned text, one numbered sentence a line")
	return cmd
}

// printDocText prints the cleaned text of the document opts.Text names, one
// sentence a line after its index, as the extractor split it.
func printDocText(ctx context.Context, s *store.Store, opts *docsOptions) error {
	var docs []graph.Document
	if err := s.Documents(func(d graph.Document) error { docs = append(docs, d); return ctx.Err() }, false); err != nil {
		return err
	}
	flt, err := graph.Filter{Docs: []string{opts.Text}}.ResolveDocs(docs)
	if err != nil {
		return err
	}
	d, err := s.Document(flt.Docs[0])
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(opts.IO.Out)
	for _, sn := range text.Sentences(d.Text) {
		fmt.Fprintf(bw, "%d\t%s\n", sn.Index, oneLine(sn.Text))
	}
	return bw.Flush()
}

// docRecord is a document as kg docs prints it: no text.
type docRecord struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Title     string     `json:"title"`
	Date      graph.Date `json:"date"`
	Sentences int        `json:"sentences"`
	Events    int        `json:"events"`
	Source    string     `json:"source"`
	Format    string     `json:"format"`
}

func runDocs(ctx context.Context, opts *docsOptions) error {
	s, err := opts.Store()
	if err != nil {
		return err
	}
	if opts.Text != "" {
		return printDocText(ctx, s, opts)
	}
	counts, err := s.DocumentEventCounts()
	if err != nil {
		return err
	}
	var recs []docRecord
	err = s.Documents(func(d graph.Document) error {
		recs = append(recs, docRecord{
			ID: d.ID, Name: d.Name, Title: d.Title, Date: d.Date, Sentences: d.Sentences,
			Events: counts[d.ID], Source: d.Source, Format: d.Format,
		})
		return ctx.Err()
	}, false)
	if err != nil {
		return err
	}
	title := func(r docRecord) string { return r.Title }
	if opts.IO.OutTTY && opts.Format == formatTable {
		title = func(r docRecord) string { return truncateCell(r.Title, 50) }
	}
	err = printRecords(opts.IO.Out, opts.Format, opts.IO.OutTTY, recs, []column[docRecord]{
		{"id", func(r docRecord) string { return docCell(opts.Format, r.ID) }},
		{"name", func(r docRecord) string { return r.Name }},
		{"title", title},
		{"date", func(r docRecord) string { return r.Date.String() }},
		{"sentences", func(r docRecord) string { return strconv.Itoa(r.Sentences) }},
		{"events", func(r docRecord) string { return strconv.Itoa(r.Events) }},
		{"source", func(r docRecord) string { return r.Source }},
	})
	if err != nil {
		return fmt.Errorf("write documents: %w", err)
	}
	return nil
}
