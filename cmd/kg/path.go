package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/export"
	"github.com/kg-project/kg/internal/graph/view"
	"github.com/kg-project/kg/internal/query"
)

const formatDOT = "dot"

type pathOptions struct {
	queryOptions

	From, To string
	Via      string
	K        int
	MaxHops  int
	Limit    int
	Weighted bool
	Directed bool
	Evidence int
}

func newCmdPath(f *factory, runF func(*pathOptions) error) *cobra.Command {
	opts := &pathOptions{queryOptions: newIndexedQueryOptions(f)}
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "path FROM TO",
		Short: "Find how two actors are connected",
		Long: `Find the shortest paths between two actors, with the relations on every hop.

By default direction is ignored (news often reports a relation one way only:
"India accused Pakistan" links them both ways); --directed follows edges
from source to target. Paths are counted in hops; --weighted uses the cost
1/events per hop instead, so well-documented links count as shorter.

--k N lists the N shortest loopless paths (Yen's algorithm). --max-hops N
lists every path without repeated actors of up to N hops instead (at most
--limit). --via X asks for the shortest path that passes through X.
--evidence N quotes up to N sentences behind each hop.`,
		Example: `  kg path Russia Pakistan
  kg path Russia Pakistan --k 3 --evidence 2
  kg path Moscow Islamabad --via India --format json
  kg path Russia Pakistan --max-hops 3 --format csv`,
		Args: exactArgs(2),
		RunE: prologue[pathOptions]{format: &opts.Format, formats: []string{formatTable, formatJSON, formatJSONL, formatCSV, formatDOT},
			filters: &ff, filter: &opts.Filter, runF: runF, run: runPath,
			check: func(cmd *cobra.Command, args []string) error {
				opts.From, opts.To = args[0], args[1]
				for _, c := range []struct {
					name   string
					v, min int
				}{{"k", opts.K, 1}, {"max-hops", opts.MaxHops, 0}, {"limit", opts.Limit, 1}} {
					if err := atLeast(cmd, c.name, c.v, c.min); err != nil {
						return err
					}
				}
				if opts.Via != "" && (opts.K > 1 || opts.MaxHops > 0) {
					return flagErrorf(cmd, "--via cannot be combined with --k or --max-hops")
				}
				if opts.MaxHops > 0 && cmd.Flags().Changed("k") {
					return flagErrorf(cmd, "--k and --max-hops cannot be combined")
				}
				return atLeast(cmd, "evidence", opts.Evidence, 0)
			}}.runE(opts),
	}
	fl := cmd.Flags()
	fl.IntVar(&opts.K, "k", 1, "number of shortest paths")
	fl.IntVar(&opts.MaxHops, "max-hops", 0, "list all simple paths up to this many hops")
	fl.IntVar(&opts.Limit, "limit", 100, "at most this many paths with --max-hops")
	fl.StringVar(&opts.Via, "via", "", "only paths through this actor")
	fl.BoolVar(&opts.Weighted, "weighted", false, "cost 1/events per hop instead of 1")
	fl.BoolVar(&opts.Directed, "directed", false, "follow edge direction (source to target)")
	addEvidenceFlag(cmd, &opts.Evidence, 0, "hop")
	addFilterFlags(cmd, &ff)
	addFormatFlag(cmd, &opts.Format, formatTable, formatJSON, formatJSONL, formatCSV, formatDOT)
	return cmd
}

// pathRecord is one path with its hops.
type pathRecord struct {
	Path  int              `json:"path"`
	Hops  int              `json:"hops"`
	Cost  float64          `json:"cost"`
	Nodes []actorRef       `json:"nodes"`
	Steps []relationRecord `json:"steps"`
}

// hopRow is one hop of one path, for tables and CSV.
type hopRow struct {
	path, hop int
	rel       relationRecord
}

func runPath(ctx context.Context, opts *pathOptions) (err error) {
	v, ids, actors, docs, err := opts.loadNamed(opts.From, opts.To)
	if err != nil {
		return err
	}
	defer func() { err = cmp.Or(err, v.Err()) }()
	s, t := ids[0], ids[1]
	a := query.NewAdjacency(v)
	if !opts.Directed {
		a = a.Undirect()
	}
	if s == t {
		return fmt.Errorf("%s and %s are the same actor (%s)", opts.From, opts.To, v.Actor(s).Name)
	}
	var paths []query.Path
	switch {
	case opts.Via != "":
		x, err := resolveNode(v, actors, opts.Via)
		if err != nil {
			return err
		}
		if p, ok := query.ViaPath(a, int32(s), int32(x), int32(t), opts.Weighted, nil); ok {
			paths = append(paths, p)
		}
	case opts.MaxHops > 0:
		paths = query.SimplePaths(a, int32(s), int32(t), opts.MaxHops, opts.Limit, opts.Weighted, nil)
	default:
		if paths, err = query.KShortestPathsContext(ctx, a, int32(s), int32(t), opts.K, opts.Weighted, nil); err != nil {
			return err
		}
	}
	if len(paths) == 0 {
		how := "no path"
		if opts.Directed {
			how = "no directed path"
		}
		return fmt.Errorf("%s from %s to %s under the current filters", how, v.Actor(s).Name, v.Actor(t).Name)
	}
	recs := make([]pathRecord, len(paths))
	for i, p := range paths {
		r := pathRecord{Path: i + 1, Hops: p.Hops(), Cost: round(p.Cost, 6), Steps: []relationRecord{}}
		for _, n := range p.Nodes {
			r.Nodes = append(r.Nodes, refOf(v, int64(n)))
		}
		for _, h := range query.PathHops(v, p, !opts.Directed) {
			r.Steps = append(r.Steps, relationOf(v, docs, h, opts.Evidence))
		}
		recs[i] = r
	}
	switch opts.Format {
	case formatJSON, formatJSONL:
		return printRecords(opts.IO.Out, opts.Format, opts.IO.OutTTY, recs, nil)
	case formatDOT:
		return writePathDOT(opts.IO.Out, v, paths)
	}
	var rows []hopRow
	for _, r := range recs {
		for i, st := range r.Steps {
			rows = append(rows, hopRow{path: r.Path, hop: i + 1, rel: st})
		}
	}
	cols := []column[hopRow]{
		{"path", func(h hopRow) string { return strconv.Itoa(h.path) }},
		{"hop", func(h hopRow) string { return strconv.Itoa(h.hop) }},
	}
	cols = append(cols, actorColumns(opts.Format, "from", func(h hopRow) actorRef { return h.rel.From })...)
	cols = append(cols, column[hopRow]{"dir", func(h hopRow) string { return arrow(h.rel) }})
	cols = append(cols, actorColumns(opts.Format, "to", func(h hopRow) actorRef { return h.rel.To })...)
	cols = append(cols, stepColumns(opts.Format, func(h hopRow) relationRecord { return h.rel })...)
	if opts.Evidence > 0 {
		cols = append(cols, column[hopRow]{"evidence", func(h hopRow) string { return joinEvidence(h.rel.Evidence, opts.Format) }})
	}
	return printRecords(opts.IO.Out, opts.Format, opts.IO.OutTTY, rows, cols)
}

// writePathDOT draws the paths' actors and hops with the DOT writer.
func writePathDOT(w io.Writer, v *view.View, paths []query.Path) error {
	nodes := map[int64]bool{}
	pairs := map[[2]int64]bool{}
	// The DOT writer marks the first and last nodes as endpoints: keep the
	// source first and the target last, intermediates in order of appearance.
	first, last := int64(paths[0].Nodes[0]), int64(paths[0].Nodes[len(paths[0].Nodes)-1])
	order := []int64{first}
	nodes[first], nodes[last] = true, true
	for _, p := range paths {
		for i, n := range p.Nodes {
			if !nodes[int64(n)] {
				nodes[int64(n)] = true
				order = append(order, int64(n))
			}
			if i > 0 {
				pairs[[2]int64{int64(p.Nodes[i-1]), int64(n)}] = true
			}
		}
	}
	if last != first {
		order = append(order, last)
	}
	g := export.FromView(v, export.ViewOptions{Nodes: nodes, Pairs: pairs})
	byID := map[string]export.Node{}
	for _, n := range g.Nodes() {
		byID[n.ID] = n
	}
	path := make([]export.Node, 0, len(order))
	for _, n := range order {
		path = append(path, byID[v.Actor(n).ID])
	}
	var edges []export.Edge
	if err := g.Edges(func(e export.Edge) error { edges = append(edges, e); return nil }); err != nil {
		return err
	}
	return export.WritePathDOT(w, path, edges, export.Options{Name: "path"})
}
