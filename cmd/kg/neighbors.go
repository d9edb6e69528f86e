package main

import (
	"cmp"
	"context"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/query"
)

type neighborsOptions struct {
	queryOptions

	Actor    string
	Depth    int
	Directed bool
	Evidence int
}

func newCmdNeighbors(f *factory, runF func(*neighborsOptions) error) *cobra.Command {
	opts := &neighborsOptions{queryOptions: newIndexedQueryOptions(f)}
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "neighbors ACTOR",
		Short: "List an actor's ego network with relations",
		Long: `List the actors within --depth hops of ACTOR (its ego network), each with the
actor it was reached from and the relations between the two: number of
events in each direction, relation labels, mean Goldstein score and dates.

Direction is ignored by default; --directed only follows edges from source
to target (whom ACTOR acts on, then whom they act on, ...).`,
		Example: `  kg neighbors Pakistan
  kg neighbors Russia --depth 2 --quad conflict
  kg neighbors Putin --format json --evidence 2`,
		Args: exactArgs(1),
		RunE: prologue[neighborsOptions]{format: &opts.Format, filters: &ff, filter: &opts.Filter, runF: runF, run: runNeighbors,
			check: func(cmd *cobra.Command, args []string) error {
				opts.Actor = args[0]
				if err := atLeast(cmd, "depth", opts.Depth, 1); err != nil {
					return err
				}
				return atLeast(cmd, "evidence", opts.Evidence, 0)
			}}.runE(opts),
	}
	fl := cmd.Flags()
	fl.IntVar(&opts.Depth, "depth", 1, "hops from the actor")
	fl.BoolVar(&opts.Directed, "directed", false, "follow edge direction (source to target)")
	addEvidenceFlag(cmd, &opts.Evidence, 0, "relation")
	addFilterFlags(cmd, &ff)
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

// neighborRecord is one actor of an ego network.
type neighborRecord struct {
	actorRef
	Depth     int              `json:"depth"`
	Via       actorRef         `json:"via"`
	Events    int              `json:"events"`
	Forward   int              `json:"forward"`  // events via → actor
	Backward  int              `json:"backward"` // events actor → via
	Relations []string         `json:"relations"`
	Goldstein float64          `json:"goldstein"`
	First     string           `json:"first_date"`
	Last      string           `json:"last_date"`
	Evidence  []evidenceRecord `json:"evidence,omitempty"`
}

func runNeighbors(ctx context.Context, opts *neighborsOptions) (err error) {
	v, ids, _, docs, err := opts.loadNamed(opts.Actor)
	if err != nil {
		return err
	}
	defer func() { err = cmp.Or(err, v.Err()) }()
	c := ids[0]
	a := query.NewAdjacency(v)
	if !opts.Directed {
		a = a.Undirect()
	}
	var recs []neighborRecord
	for _, n := range query.Neighbors(v, a, c, opts.Depth) {
		r := relationOf(v, docs, n.Relation, opts.Evidence)
		recs = append(recs, neighborRecord{actorRef: refOf(v, n.Node), Depth: n.Depth, Via: refOf(v, n.Via),
			Events: r.Events, Forward: r.Forward, Backward: r.Backward, Relations: r.Relations, Goldstein: round(r.Goldstein, 3),
			First: r.First, Last: r.Last, Evidence: r.Evidence})
	}
	cols := []column[neighborRecord]{
		{"depth", func(r neighborRecord) string { return strconv.Itoa(r.Depth) }},
		{"name", func(r neighborRecord) string { return r.Name }},
		{"code", func(r neighborRecord) string { return r.Code }},
		{"type", func(r neighborRecord) string { return r.Type }},
	}
	cols = append(cols, actorColumns(opts.Format, "via", func(r neighborRecord) actorRef { return r.Via })...)
	cols = append(cols, []column[neighborRecord]{
		{"events", func(r neighborRecord) string { return strconv.Itoa(r.Events) }},
		{"forward", func(r neighborRecord) string { return strconv.Itoa(r.Forward) }},
		{"backward", func(r neighborRecord) string { return strconv.Itoa(r.Backward) }},
		{"relations", func(r neighborRecord) string { return strings.Join(r.Relations, "; ") }},
		{"goldstein", func(r neighborRecord) string { return fmtGoldstein(r.Goldstein) }},
	}...)
	cols = append(cols, dateColumns(opts.Format, func(r neighborRecord) string { return r.First }, func(r neighborRecord) string { return r.Last })...)
	if opts.Format == formatCSV {
		cols = append([]column[neighborRecord]{{"id", func(r neighborRecord) string { return r.ID }}}, cols...)
	}
	if opts.Evidence > 0 {
		cols = append(cols, column[neighborRecord]{"evidence", func(r neighborRecord) string { return joinEvidence(r.Evidence, opts.Format) }})
	}
	return printRecords(opts.IO.Out, opts.Format, opts.IO.OutTTY, recs, cols)
}
