package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/query"
)

type communitiesOptions struct {
	queryOptions

	Signed     bool
	Resolution float64
	Seed       uint64
}

func newCmdCommunities(f *factory, runF func(*communitiesOptions) error) *cobra.Command {
	opts := &communitiesOptions{queryOptions: newQueryOptions(f)}
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "communities",
		Short: "Find groups of closely related actors (Louvain)",
		Long: `Partition the actors into communities with the Louvain method on the
undirected actor graph (edge weight = number of events in either direction),
and report the modularity Q of the partition.

--signed splits relations into a cooperation layer and a conflict layer (the
sign of each actor pair's summed Goldstein score): cooperation pulls actors
into the same community, conflict pushes them apart. Q is then the
cooperation layer's modularity minus the conflict layer's.

The random order Louvain visits nodes in is seeded (--seed), so runs repeat.`,
		Example: `  kg communities
  kg communities --signed --since 2012
  kg communities --format csv > members.csv`,
		Args: noPositionalArgs,
		RunE: prologue[communitiesOptions]{format: &opts.Format, filters: &ff, filter: &opts.Filter, runF: runF, run: runCommunities,
			check: func(cmd *cobra.Command, _ []string) error {
				if opts.Resolution <= 0 {
					return flagErrorf(cmd, "--resolution must be positive")
				}
				return nil
			}}.runE(opts),
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.Signed, "signed", false, "separate cooperation and conflict layers")
	fl.Float64Var(&opts.Resolution, "resolution", 1, "modularity resolution (higher gives smaller communities)")
	fl.Uint64Var(&opts.Seed, "seed", 1, "random seed")
	addFilterFlags(cmd, &ff)
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

type communityRecord struct {
	ID      int        `json:"id"`
	Size    int        `json:"size"`
	Members []actorRef `json:"members"`
}

type communitiesRecord struct {
	Q           float64           `json:"q"`
	Signed      bool              `json:"signed"`
	Communities []communityRecord `json:"communities"`
}

// memberRow is one actor of one community, for CSV and JSONL.
type memberRow struct {
	Community int `json:"community"`
	actorRef
}

func runCommunities(ctx context.Context, opts *communitiesOptions) error {
	v, _, _, err := opts.Load(opts.Filter)
	if err != nil {
		return err
	}
	c, err := untilDone(ctx, func() (query.Communities, error) {
		if opts.Signed {
			return query.SignedLouvain(v, opts.Resolution, opts.Seed)
		}
		return query.Louvain(query.NewAdjacency(v), opts.Resolution, opts.Seed), nil
	})
	if err != nil {
		return err
	}
	rec := communitiesRecord{Q: round(c.Q, 6), Signed: opts.Signed, Communities: []communityRecord{}}
	var rows []memberRow
	for i, g := range c.Groups {
		cr := communityRecord{ID: i + 1, Size: len(g)}
		for _, n := range g {
			ref := refOf(v, int64(n))
			cr.Members = append(cr.Members, ref)
			rows = append(rows, memberRow{Community: i + 1, actorRef: ref})
		}
		rec.Communities = append(rec.Communities, cr)
	}
	w := opts.IO.Out
	switch opts.Format {
	case formatJSON:
		return writeObject(w, formatJSON, rec)
	case formatJSONL, formatCSV:
		return printRecords(w, opts.Format, false, rows, []column[memberRow]{
			{"community", func(r memberRow) string { return strconv.Itoa(r.Community) }},
			{"id", func(r memberRow) string { return r.ID }},
			{"name", func(r memberRow) string { return r.Name }},
			{"code", func(r memberRow) string { return r.Code }},
			{"type", func(r memberRow) string { return r.Type }},
		})
	}
	err = printRecords(w, opts.Format, opts.IO.OutTTY, rec.Communities, []column[communityRecord]{
		{"community", func(r communityRecord) string { return strconv.Itoa(r.ID) }},
		{"size", func(r communityRecord) string { return strconv.Itoa(r.Size) }},
		{"members", func(r communityRecord) string {
			names := make([]string, len(r.Members))
			for i, m := range r.Members {
				names[i] = m.Name
			}
			return strings.Join(names, ", ")
		}},
	})
	if err != nil {
		return err
	}
	if opts.IO.OutTTY {
		_, err = fmt.Fprintf(w, "\nmodularity Q = %.4f (%d communities)\n", c.Q, len(c.Groups))
	}
	return err
}
