package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/query"
)

type linkOptions struct {
	queryOptions

	X, A, B  string
	Weighted bool
	Directed bool
	Evidence int
}

func newCmdLink(f *factory, runF func(*linkOptions) error) *cobra.Command {
	opts := &linkOptions{queryOptions: newIndexedQueryOptions(f)}
	var ff filterFlags
	cmd := &cobra.Command{
		Use:     "link X A B",
		Aliases: []string{"explain"},
		Short:   "Explain how actor X links actors A and B",
		Long: `Explain how actor X links A and B: X's own relations with A and with B (both
directions, with evidence sentences), the events between A and B themselves,
the shortest A–B path, the shortest one through X and the shortest one
avoiding X, and X's share of all shortest A–B paths (how many of them pass
through X), followed by a plain-language summary.

Direction is ignored by default, as news reports a relation one way ("India
accused Pakistan") though it links both actors; --directed follows edges
from source to target.`,
		Example: `  kg link India Russia Pakistan
  kg explain India Russia Pakistan --format json
  kg link USA Pakistan Taliban --since 2012 --evidence 5`,
		Args: exactArgs(3),
		RunE: prologue[linkOptions]{format: &opts.Format, filters: &ff, filter: &opts.Filter, runF: runF, run: runLink,
			check: func(cmd *cobra.Command, args []string) error {
				opts.X, opts.A, opts.B = args[0], args[1], args[2]
				return atLeast(cmd, "evidence", opts.Evidence, 0)
			}}.runE(opts),
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.Weighted, "weighted", false, "path cost 1/events per hop instead of 1")
	fl.BoolVar(&opts.Directed, "directed", false, "follow edge direction (source to target)")
	addEvidenceFlag(cmd, &opts.Evidence, 3, "relation")
	addFilterFlags(cmd, &ff)
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

// linkRecord is the JSON form of a link explanation.
type linkRecord struct {
	X        actorRef       `json:"x"`
	A        actorRef       `json:"a"`
	B        actorRef       `json:"b"`
	Directed bool           `json:"directed"`
	XA       relationRecord `json:"x_a"`
	XB       relationRecord `json:"x_b"`
	Direct   relationRecord `json:"a_b"`
	Shortest *pathRecord    `json:"shortest"`
	Through  *pathRecord    `json:"through_x"`
	Avoiding *pathRecord    `json:"avoiding_x"`
	Paths    float64        `json:"shortest_paths"`
	ThroughX float64        `json:"shortest_paths_through_x"`
	Share    float64        `json:"share"`
	Summary  string         `json:"summary"`
}

func runLink(ctx context.Context, opts *linkOptions) (err error) {
	v, ids, _, docs, err := opts.loadNamed(opts.X, opts.A, opts.B)
	if err != nil {
		return err
	}
	defer func() { err = cmp.Or(err, v.Err()) }()
	x, s, t := ids[0], ids[1], ids[2]
	if x == s || x == t || s == t {
		return fmt.Errorf("link needs three different actors")
	}
	a := query.NewAdjacency(v)
	if !opts.Directed {
		a = a.Undirect()
	}
	r, err := untilDone(ctx, func() (query.LinkResult, error) { return query.Link(v, a, x, s, t, opts.Weighted), nil })
	if err != nil {
		return err
	}
	rec := linkRecord{X: refOf(v, x), A: refOf(v, s), B: refOf(v, t), Directed: opts.Directed,
		XA: relationOf(v, docs, r.XA, opts.Evidence), XB: relationOf(v, docs, r.XB, opts.Evidence), Direct: relationOf(v, docs, r.Direct, opts.Evidence),
		Paths: r.Paths, ThroughX: r.ViaX, Share: round(r.Share, 6), Summary: r.Summary}
	mk := func(p query.Path, ok bool) *pathRecord {
		if !ok {
			return nil
		}
		pr := &pathRecord{Path: 1, Hops: p.Hops(), Cost: round(p.Cost, 6), Steps: []relationRecord{}}
		for _, n := range p.Nodes {
			pr.Nodes = append(pr.Nodes, refOf(v, int64(n)))
		}
		for _, h := range query.PathHops(v, p, !opts.Directed) {
			pr.Steps = append(pr.Steps, relationOf(v, docs, h, 0))
		}
		return pr
	}
	rec.Shortest, rec.Through, rec.Avoiding = mk(r.Shortest, r.ShortestOK), mk(r.Through, r.ThroughOK), mk(r.Avoiding, r.AvoidingOK)

	w := opts.IO.Out
	switch opts.Format {
	case formatJSON, formatJSONL:
		return writeObject(w, opts.Format, rec)
	case formatCSV:
		return printRecords(w, formatCSV, false, linkRows(rec), linkColumns(opts.Format))
	}
	return writeLinkText(w, rec)
}

// linkRow is one relation or path hop of a link explanation, for CSV.
type linkRow struct {
	section string
	rel     relationRecord
}

func linkRows(rec linkRecord) []linkRow {
	rows := []linkRow{{"x_a", rec.XA}, {"x_b", rec.XB}, {"a_b", rec.Direct}}
	for _, p := range []struct {
		name string
		p    *pathRecord
	}{{"shortest", rec.Shortest}, {"through_x", rec.Through}, {"avoiding_x", rec.Avoiding}} {
		if p.p == nil {
			continue
		}
		for _, st := range p.p.Steps {
			rows = append(rows, linkRow{p.name, st})
		}
	}
	return rows
}

func linkColumns(format string) []column[linkRow] {
	rel := func(r linkRow) relationRecord { return r.rel }
	cols := []column[linkRow]{{"section", func(r linkRow) string { return r.section }}}
	cols = append(cols, actorColumns(format, "from", func(r linkRow) actorRef { return r.rel.From })...)
	cols = append(cols, actorColumns(format, "to", func(r linkRow) actorRef { return r.rel.To })...)
	return append(cols, stepColumns(format, rel)...)
}

func writeLinkText(w io.Writer, rec linkRecord) error {
	var b strings.Builder
	fmt.Fprintf(&b, "How %s links %s and %s\n\n%s\n\n", rec.X.Name, rec.A.Name, rec.B.Name, rec.Summary)
	rel := func(label string, r relationRecord) {
		if r.Events == 0 {
			fmt.Fprintf(&b, "%s: no events\n", label)
			return
		}
		fmt.Fprintf(&b, "%s: %d %s (%d %s->%s, %d %s->%s), mean Goldstein %+.1f, %s\n", label, r.Events, plural(r.Events, "event", "events"),
			r.Forward, r.From.Name, r.To.Name, r.Backward, r.To.Name, r.From.Name, r.Goldstein, dateSpanStr(r.First, r.Last))
		if len(r.Relations) > 0 {
			fmt.Fprintf(&b, "  relations: %s\n", strings.Join(r.Relations, "; "))
		}
		for _, e := range r.Evidence {
			date := e.Date
			if date == "" {
				date = "undated"
			}
			fmt.Fprintf(&b, "  [%s] %s%s\n", date, oneLine(e.Sentence), reportsNote(e))
		}
	}
	rel(rec.X.Name+" – "+rec.A.Name, rec.XA)
	rel(rec.X.Name+" – "+rec.B.Name, rec.XB)
	rel(rec.A.Name+" – "+rec.B.Name+" directly", rec.Direct)
	b.WriteString("\n")
	path := func(label string, p *pathRecord) {
		if p == nil {
			fmt.Fprintf(&b, "%-16s none\n", label+":")
			return
		}
		names := make([]string, len(p.Nodes))
		for i, n := range p.Nodes {
			names[i] = n.Name
		}
		fmt.Fprintf(&b, "%-16s %s (%d %s)\n", label+":", strings.Join(names, " > "), p.Hops, plural(p.Hops, "hop", "hops"))
	}
	path("shortest", rec.Shortest)
	path("through "+rec.X.Name, rec.Through)
	path("avoiding "+rec.X.Name, rec.Avoiding)
	if rec.Paths > 0 {
		fmt.Fprintf(&b, "share of shortest paths through %s: %g of %g (%.0f%%)\n", rec.X.Name, rec.ThroughX, rec.Paths, 100*rec.Share)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
