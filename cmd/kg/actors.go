package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
)

type actorsOptions struct {
	IO     *ioStreams
	Store  func() (*store.Store, error)
	Format string

	Types   []graph.ActorType
	Merges  bool
	Unknown bool
}

func newCmdActors(f *factory, runF func(*actorsOptions) error) *cobra.Command {
	opts := &actorsOptions{IO: f.IO, Store: func() (*store.Store, error) { return f.openStore(true) }}
	var types []string
	cmd := &cobra.Command{
		Use:   "actors",
		Short: "List stored actors, recorded merges or unknown actor phrases",
		Long: `List the canonical actors with their CAMEO code, type, aliases, the dates they
were first and last seen, and the number of events they take part in.

--merges lists the spelling variants that were folded into existing actors,
with the similarity that justified each merge. --unknown lists capitalized
phrases that stood as subject or object of a coded verb but matched no
dictionary entry, most frequent first: candidates for the actor dictionary.`,
		Example: `  kg actors --type country
  kg actors --merges
  kg actors --unknown --format csv`,
		Args: noPositionalArgs,
		RunE: prologue[actorsOptions]{format: &opts.Format, runF: runF, run: runActors,
			check: func(cmd *cobra.Command, _ []string) error {
				if opts.Merges && opts.Unknown {
					return flagErrorf(cmd, "--merges and --unknown cannot be combined")
				}
				if len(types) > 0 && (opts.Merges || opts.Unknown) {
					return flagErrorf(cmd, "--type applies to the actor list, not to --merges or --unknown")
				}
				for _, t := range splitList(types) {
					at, err := graph.ParseActorType(t)
					if err != nil {
						return flagErrorf(cmd, "--type: %v", err)
					}
					opts.Types = append(opts.Types, at)
				}
				return nil
			}}.runE(opts),
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&types, "type", nil, "keep actors of these types (country, person, organization, igo, group, object, place)")
	fl.BoolVar(&opts.Merges, "merges", false, "list recorded actor merges instead")
	fl.BoolVar(&opts.Unknown, "unknown", false, "list unknown actor phrases with their counts instead")
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

// actorRecord is an actor as kg actors prints it: every field always
// there (docs/schema.md), where graph.Actor leaves out the empty ones.
type actorRecord struct {
	ID        string          `json:"id"`
	Name      string          `json:"name"`
	Code      string          `json:"code"`
	Type      graph.ActorType `json:"type"`
	Country   string          `json:"country"`
	Aliases   []string        `json:"aliases"`
	FirstSeen graph.Date      `json:"first_seen"`
	LastSeen  graph.Date      `json:"last_seen"`
	Events    int             `json:"events"`
}

func runActors(ctx context.Context, opts *actorsOptions) error {
	s, err := opts.Store()
	if err != nil {
		return err
	}
	w, tty := opts.IO.Out, opts.IO.OutTTY
	switch {
	case opts.Merges:
		ms, err := s.Merges()
		if err != nil {
			return err
		}
		return printRecords(w, opts.Format, tty, ms, []column[graph.Merge]{
			{"from", func(m graph.Merge) string { return m.From }},
			{"from_id", func(m graph.Merge) string { return m.FromID }},
			{"into", func(m graph.Merge) string { return m.Into }},
			{"score", func(m graph.Merge) string { return strconv.FormatFloat(m.Score, 'f', 3, 64) }},
			{"reason", func(m graph.Merge) string { return m.Reason }},
			{"doc", func(m graph.Merge) string { return docCell(opts.Format, m.DocID) }},
		})
	case opts.Unknown:
		us, err := s.Unknown()
		if err != nil {
			return err
		}
		return printRecords(w, opts.Format, tty, us, []column[graph.Unknown]{
			{"name", func(u graph.Unknown) string { return u.Name }},
			{"count", func(u graph.Unknown) string { return strconv.Itoa(u.Count) }},
		})
	}
	actors, err := s.Actors()
	if err != nil {
		return err
	}
	counts, err := s.ActorEventCounts()
	if err != nil {
		return err
	}
	var recs []actorRecord
	for _, a := range actors {
		if !typeWanted(opts.Types, a.Type) {
			continue
		}
		aliases := a.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		recs = append(recs, actorRecord{ID: a.ID, Name: a.Name, Code: a.Code, Type: a.Type, Country: a.Country,
			Aliases: aliases, FirstSeen: a.FirstSeen, LastSeen: a.LastSeen, Events: counts[a.ID]})
	}
	aliases := func(r actorRecord) string { return strings.Join(r.Aliases, "; ") }
	if tty && opts.Format == formatTable {
		aliases = func(r actorRecord) string { return truncateCell(strings.Join(r.Aliases, "; "), 40) }
	}
	err = printRecords(w, opts.Format, tty, recs, []column[actorRecord]{
		{"id", func(r actorRecord) string { return r.ID }},
		{"name", func(r actorRecord) string { return r.Name }},
		{"code", func(r actorRecord) string { return r.Code }},
		{"type", func(r actorRecord) string { return string(r.Type) }},
		{"country", func(r actorRecord) string { return r.Country }},
		{"aliases", aliases},
		{"first_seen", func(r actorRecord) string { return r.FirstSeen.String() }},
		{"last_seen", func(r actorRecord) string { return r.LastSeen.String() }},
		{"events", func(r actorRecord) string { return strconv.Itoa(r.Events) }},
	})
	if err != nil {
		return fmt.Errorf("write actors: %w", err)
	}
	return nil
}

func typeWanted(types []graph.ActorType, t graph.ActorType) bool {
	if len(types) == 0 {
		return true
	}
	for _, w := range types {
		if w == t {
			return true
		}
	}
	return false
}

// docCell shows a document ID short in tables and whole elsewhere.
func docCell(format, id string) string {
	if format == formatTable {
		return graph.ShortID(id)
	}
	return id
}
