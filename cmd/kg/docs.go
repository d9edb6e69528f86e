package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
)

type docsOptions struct {
	IO     *ioStreams
	Store  func() (*store.Store, error)
	Format string
}

func newCmdDocs(f *factory, runF func(*docsOptions) error) *cobra.Command {
	opts := &docsOptions{IO: f.IO, Store: func() (*store.Store, error) { return f.openStore(true) }}
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "List stored documents",
		Long: `List the stored documents: ID (a hash of the text; tables show its first 12
characters, which --doc accepts), name, title, date, number of sentences and
events, and where the document was read from. Ordered by ID.`,
		Args: noPositionalArgs,
		RunE: prologue[docsOptions]{format: &opts.Format, runF: runF, run: runDocs}.runE(opts),
	}
	addFormatFlag(cmd, &opts.Format)
	return cmd
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
