package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/query"
)

type balanceOptions struct {
	queryOptions

	Top      int
	Evidence int
}

func newCmdBalance(f *factory, runF func(*balanceOptions) error) *cobra.Command {
	opts := &balanceOptions{queryOptions: newQueryOptions(f)}
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "balance",
		Short: "Census of signed triads (structural balance)",
		Long: `Count the triangles of the signed actor graph by their signs. Each actor
pair's sign is the sign of its summed Goldstein score over the events between
them in either direction (cooperation +, conflict -). A triad is balanced when
the product of its three signs is positive: +++ (friends of friends) and +--
(the enemy of my enemy is my friend); ++- and --- are unbalanced. Triangles
with a neutral pair are counted apart.

The unbalanced triads with the most events are listed with their evidence.`,
		Example: `  kg balance
  kg balance --top 20 --since 2012 --format json`,
		Args: noPositionalArgs,
		RunE: prologue[balanceOptions]{format: &opts.Format, filters: &ff, filter: &opts.Filter, runF: runF, run: runBalance,
			check: func(cmd *cobra.Command, _ []string) error {
				if err := atLeast(cmd, "top", opts.Top, 0); err != nil {
					return err
				}
				return atLeast(cmd, "evidence", opts.Evidence, 0)
			}}.runE(opts),
	}
	fl := cmd.Flags()
	fl.IntVar(&opts.Top, "top", 10, "list this many unbalanced triads")
	addEvidenceFlag(cmd, &opts.Evidence, 1, "triad edge")
	addFilterFlags(cmd, &ff)
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

type censusRecord struct {
	PPP        int     `json:"ppp"`
	PPN        int     `json:"ppn"`
	PNN        int     `json:"pnn"`
	NNN        int     `json:"nnn"`
	Balanced   int     `json:"balanced"`
	Unbalanced int     `json:"unbalanced"`
	Ratio      float64 `json:"balanced_ratio"`
	Neutral    int     `json:"neutral"`
}

type triadEdgeRecord struct {
	A         actorRef         `json:"a"`
	B         actorRef         `json:"b"`
	Sign      int              `json:"sign"`
	Events    int              `json:"events"`
	Goldstein float64          `json:"goldstein_sum"`
	Evidence  []evidenceRecord `json:"evidence,omitempty"`
}

type triadRecord struct {
	Actors []actorRef        `json:"actors"`
	Signs  string            `json:"signs"`
	Events int               `json:"events"`
	Edges  []triadEdgeRecord `json:"edges"`
}

type balanceRecord struct {
	Census     censusRecord  `json:"census"`
	Unbalanced []triadRecord `json:"unbalanced"`
}

func runBalance(ctx context.Context, opts *balanceOptions) error {
	v, _, docs, err := opts.Load(opts.Filter)
	if err != nil {
		return err
	}
	c, bad := query.Balance(v, opts.Top)
	rec := balanceRecord{Census: censusRecord{c.PPP, c.PPN, c.PNN, c.NNN, c.Balanced, c.Unbalanced, round(c.Ratio, 6), c.Neutral},
		Unbalanced: []triadRecord{}}
	for _, t := range bad {
		tr := triadRecord{Events: t.Events}
		for _, n := range t.Nodes {
			tr.Actors = append(tr.Actors, refOf(v, n))
		}
		var signs strings.Builder
		for _, e := range t.Edges {
			if e.Sign > 0 {
				signs.WriteByte('+')
			} else {
				signs.WriteByte('-')
			}
			er := triadEdgeRecord{A: refOf(v, int64(e.U)), B: refOf(v, int64(e.W)), Sign: e.Sign, Events: e.Events, Goldstein: round(e.Sum, 3)}
			if opts.Evidence > 0 {
				r := query.RelationBetween(v, int64(e.U), int64(e.W), true)
				er.Evidence = evidenceOf(v, docs, r.Events, opts.Evidence)
			}
			tr.Edges = append(tr.Edges, er)
		}
		tr.Signs = signs.String()
		rec.Unbalanced = append(rec.Unbalanced, tr)
	}
	w := opts.IO.Out
	switch opts.Format {
	case formatJSON, formatJSONL:
		return writeObject(w, opts.Format, rec)
	}
	if opts.Format == formatTable {
		cs := rec.Census
		fmt.Fprintf(w, "triads: %d balanced (+++ %d, +-- %d), %d unbalanced (++- %d, --- %d), balanced ratio %.3f; %d with a neutral pair\n",
			cs.Balanced, cs.PPP, cs.PNN, cs.Unbalanced, cs.PPN, cs.NNN, cs.Ratio, cs.Neutral)
		if len(rec.Unbalanced) > 0 && opts.IO.OutTTY {
			fmt.Fprintln(w)
		}
	}
	var cols []column[triadRecord]
	for i, name := range []string{"a", "b", "c"} {
		cols = append(cols, actorColumns(opts.Format, name, func(t triadRecord) actorRef { return t.Actors[i] })...)
	}
	cols = append(cols, []column[triadRecord]{
		{"signs", func(t triadRecord) string { return "ab" + t.Signs[:1] + " bc" + t.Signs[1:2] + " ac" + t.Signs[2:] }},
		{"events", func(t triadRecord) string { return strconv.Itoa(t.Events) }},
	}...)
	if opts.Evidence > 0 {
		cols = append(cols, column[triadRecord]{"evidence", func(t triadRecord) string {
			var ev []evidenceRecord
			for _, e := range t.Edges {
				ev = append(ev, e.Evidence...)
			}
			return joinEvidence(ev, opts.Format)
		}})
	}
	return printRecords(w, opts.Format, opts.IO.OutTTY, rec.Unbalanced, cols)
}
