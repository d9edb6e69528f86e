package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/export"
	"github.com/kg-project/kg/internal/atomicfile"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
	"github.com/kg-project/kg/internal/query"
)

type exportOptions struct {
	IO *ioStreams
	// LoadView builds the filtered view; tests swap in a fixed one.
	LoadView func(graph.Filter) (*view.View, []graph.Actor, error)

	Format     export.Format
	Output     string // file, directory or "-" for stdout
	Filter     graph.Filter
	Multi      bool
	Ego        string
	Depth      int
	Path       []string // two actor names
	Centrality bool
	Render     string // "", "svg" or "png"
	// GEXFVersion is "1.3" or "1.2" (1.2draft, for networkx).
	GEXFVersion string
	// Layout is the Graphviz engine --render uses; "auto" picks by size.
	Layout string
	// RenderTimeout bounds the drawing.
	RenderTimeout time.Duration
	JSONStyle     string
	Neo4jDB       string
}

func newCmdExport(f *factory, runF func(*exportOptions) error) *cobra.Command {
	opts := &exportOptions{IO: f.IO, LoadView: func(flt graph.Filter) (*view.View, []graph.Actor, error) {
		return loadView(f, flt)
	}}
	var ff filterFlags
	var format string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the actor graph as GraphML, GEXF, DOT, CSV, JSON, Neo4j CSV or Dgraph N-Quads",
		Long: `Export the filtered actor graph for Gephi, Graphviz, graphology, Cytoscape.js,
Neo4j or Dgraph.

By default each ordered actor pair is one edge weighted by its number of
events, labelled with its most frequent relation, with the mean Goldstein
score, its sign, first and last date and documents. --multi writes one edge
per event instead. --ego A --depth N keeps the actors within N steps of A;
--path A,B keeps a shortest path between two actors (edges in either
direction). --with-centrality adds pagerank, degree and betweenness.

Formats (picked by --format, or by the extension of -o):
  graphml  one file (.graphml), for Gephi, networkx, graphology
  gexf     one file (.gexf), GEXF 1.3 with time intervals for Gephi's timeline
  dot      one file (.dot, .gv) for Graphviz; --render svg|png also draws it
  json     one file (.json), graphology or Cytoscape.js (--json-style)
  csv      directory: nodes.csv and edges.csv for Gephi's spreadsheet import
  neo4j    directory: actors.csv and relationships.csv for neo4j-admin import
  nquads   directory: kg.rdf and kg.schema for dgraph live

Files are written to a temporary name and renamed when complete, so an
interrupted export never leaves a half-written file.`,
		Example: `  kg export -o graph.graphml
  kg export --format gexf --multi -o timeline.gexf
  kg export --ego Pakistan --depth 2 -o pakistan.dot --render svg
  kg export --path India,Russia --format dot
  kg export --format neo4j -o neo4j-import/
  kg export --format json --json-style cytoscape --since 2016 -o graph.json`,
		Args: noPositionalArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(cmd, format, &ff); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runExport(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "output format: "+strings.Join(export.FormatNames(), "|")+" (default: from the -o extension)")
	fl.StringVarP(&opts.Output, "output", "o", "-", "output file, or directory for csv, neo4j and nquads (- for stdout)")
	fl.BoolVar(&opts.Multi, "multi", false, "one edge per event instead of one per actor pair")
	fl.StringVar(&opts.Ego, "ego", "", "keep only the actors around this one")
	fl.IntVar(&opts.Depth, "depth", 1, "steps from the --ego actor")
	fl.StringSliceVar(&opts.Path, "path", nil, "keep a shortest path between two actors: --path A,B")
	fl.BoolVar(&opts.Centrality, "with-centrality", false, "add pagerank, degree and betweenness node attributes")
	fl.StringVar(&opts.Render, "render", "", "also draw DOT output with Graphviz: svg or png")
	fl.StringVar(&opts.Layout, "layout", "auto", "Graphviz engine for --render: "+strings.Join(layouts, ", ")+" (auto: dot up to 500 edges, sfdp above)")
	fl.DurationVar(&opts.RenderTimeout, "render-timeout", time.Minute, "give up drawing after this long")
	fl.StringVar(&opts.JSONStyle, "json-style", export.JSONGraphology, "JSON layout: graphology or cytoscape")
	fl.StringVar(&opts.GEXFVersion, "gexf-version", "1.3", "GEXF version: 1.3 (Gephi) or 1.2 (1.2draft, which networkx reads)")
	fl.StringVar(&opts.Neo4jDB, "neo4j-database", "neo4j", "database name in the printed neo4j-admin command")
	addFilterFlags(cmd, &ff)
	return cmd
}

// check validates export's flags and fills in the format, the output and
// the filter; every problem is a usage error.
func (opts *exportOptions) check(cmd *cobra.Command, format string, ff *filterFlags) error {
	var err error
	switch {
	case format != "":
		if opts.Format, err = export.Lookup(format); err != nil {
			return flagErrorf(cmd, "--format: %v", err)
		}
	case opts.Output != "-" && opts.Output != "":
		if opts.Format, err = export.ForPath(opts.Output); err != nil {
			return flagErrorf(cmd, "%v", err)
		}
	default:
		return flagErrorf(cmd, "give --format (%s) or an -o file with a known extension",
			strings.Join(export.FormatNames(), ", "))
	}
	if opts.Output == "" {
		opts.Output = "-"
	}
	if opts.Format.Dir() && opts.Output == "-" {
		return flagErrorf(cmd, "--format %s writes several files: give a directory with -o", opts.Format.Name)
	}
	if opts.Filter, err = ff.parse(cmd); err != nil {
		return err
	}
	if opts.Ego != "" && len(opts.Path) > 0 {
		return flagErrorf(cmd, "--ego and --path cannot be combined")
	}
	if opts.Depth < 0 {
		return flagErrorf(cmd, "--depth %d is negative", opts.Depth)
	}
	if cmd.Flags().Changed("depth") && opts.Ego == "" {
		return flagErrorf(cmd, "--depth needs --ego")
	}
	opts.Path = splitList(opts.Path)
	if cmd.Flags().Changed("path") && len(opts.Path) != 2 {
		return flagErrorf(cmd, "--path takes two actors, as --path A,B")
	}
	switch opts.Render {
	case "":
	case "svg", "png":
		if opts.Format.Name != "dot" {
			return flagErrorf(cmd, "--render draws DOT output: use it with --format dot")
		}
		if opts.Output == "-" {
			return flagErrorf(cmd, "--render needs -o FILE.dot; the drawing goes next to it")
		}
	default:
		return flagErrorf(cmd, "--render %q: want svg or png", opts.Render)
	}
	if (cmd.Flags().Changed("layout") || cmd.Flags().Changed("render-timeout")) && opts.Render == "" {
		return flagErrorf(cmd, "--layout and --render-timeout apply to --render")
	}
	if !slices.Contains(layouts, opts.Layout) {
		return flagErrorf(cmd, "--layout %q: want %s", opts.Layout, strings.Join(layouts, ", "))
	}
	if opts.RenderTimeout <= 0 {
		return flagErrorf(cmd, "--render-timeout must be positive")
	}
	switch opts.GEXFVersion {
	case "1.3", "1.2":
	default:
		return flagErrorf(cmd, "--gexf-version %q: want 1.3 or 1.2", opts.GEXFVersion)
	}
	switch opts.JSONStyle {
	case export.JSONGraphology, export.JSONCytoscape:
	default:
		return flagErrorf(cmd, "--json-style %q: want graphology or cytoscape", opts.JSONStyle)
	}
	return nil
}

func runExport(ctx context.Context, opts *exportOptions) error {
	var dotPath string
	if opts.Render != "" {
		p, err := exec.LookPath("dot")
		if err != nil {
			return errors.New("--render needs Graphviz's dot on PATH (install graphviz, or drop --render and run dot yourself)")
		}
		dotPath = p
	}
	v, actors, err := opts.LoadView(opts.Filter)
	if err != nil {
		return err
	}
	vo := export.ViewOptions{Multi: opts.Multi}
	if err := selectSubgraph(v, actorList(actors), opts, &vo); err != nil {
		return err
	}
	if opts.Centrality {
		c, err := exportCentrality(ctx, v)
		if err != nil {
			return err
		}
		vo.Centrality = c
	}
	g := &countingGraph{Graph: export.FromView(v, vo), ctx: ctx}
	eo := export.Options{Name: "kg", Multi: opts.Multi, JSONStyle: opts.JSONStyle, RawCSV: opts.IO.RawCSV, GEXFVersion: opts.GEXFVersion}
	if err := ctx.Err(); err != nil {
		return err
	}

	if opts.Output == "-" {
		bw := bufio.NewWriter(opts.IO.Out)
		if err := opts.Format.Parts[0].Write(bw, g, eo); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		if opts.IO.ErrTTY {
			fmt.Fprintf(opts.IO.ErrOut, "%d actors, %d edges\n", len(g.Nodes()), g.edges)
		}
		return nil
	}
	if fi, err := os.Stat(opts.Output); err == nil && fi.IsDir() && !opts.Format.Dir() {
		// -o names a directory for a one-file format: write kg.<ext> in it.
		opts.Output = filepath.Join(opts.Output, "kg"+opts.Format.Exts[0])
	}
	files, err := export.WriteFiles(opts.Format, opts.Output, g, eo)
	if err != nil {
		return err
	}
	out := opts.IO.Out
	for _, f := range files {
		fmt.Fprintf(out, "wrote %s\n", f)
	}
	fmt.Fprintf(out, "%d actors, %d edges\n", len(g.Nodes()), g.edges)
	switch opts.Format.Name {
	case "neo4j":
		db := cmp.Or(opts.Neo4jDB, "neo4j")
		fmt.Fprintf(out, "load into Neo4j 5 (server or database stopped; replaces database %s) with:\n  %s\n", db, export.Neo4jImportCommand(opts.Output, db))
	case "nquads":
		fmt.Fprintf(out, "load into a running Dgraph cluster with:\n  %s\n", export.DgraphLiveCommand(opts.Output))
	}
	if opts.Render != "" {
		layout, err := pickLayout(cmp.Or(opts.Layout, "auto"), g.edges)
		if err != nil {
			return err
		}
		img := strings.TrimSuffix(opts.Output, filepath.Ext(opts.Output)) + "." + opts.Render
		timeout := cmp.Or(opts.RenderTimeout, time.Minute)
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		if err := renderDOT(rctx, dotPath, layout, opts.Render, opts.Output, img); err != nil {
			if rctx.Err() == context.DeadlineExceeded && ctx.Err() == nil {
				return fmt.Errorf("Graphviz %s did not finish drawing %d actors and %d edges within %v; keep fewer (--ego, --path, --since, --quad), raise --render-timeout, or draw %s yourself",
					layout, len(g.Nodes()), g.edges, timeout, opts.Output)
			}
			return err
		}
		fmt.Fprintf(out, "wrote %s (%s layout)\n", img, layout)
	}
	return nil
}

// selectSubgraph restricts the export to an ego network or a shortest
// path, both over edges in either direction (a relation links two actors
// whoever initiated it), as kg neighbors and kg path find them.
func selectSubgraph(v *view.View, actors *storedActors, opts *exportOptions, vo *export.ViewOptions) error {
	switch {
	case opts.Ego != "":
		n, err := resolveNode(v, actors, opts.Ego)
		if err != nil {
			return err
		}
		vo.Nodes = map[int64]bool{n: true}
		for _, nb := range query.Neighbors(v, query.NewAdjacency(v).Undirect(), n, opts.Depth) {
			vo.Nodes[nb.Node] = true
		}
	case len(opts.Path) == 2:
		from, err := resolveNode(v, actors, opts.Path[0])
		if err != nil {
			return err
		}
		to, err := resolveNode(v, actors, opts.Path[1])
		if err != nil {
			return err
		}
		path, ok := query.ShortestPath(query.NewAdjacency(v).Undirect(), int32(from), int32(to), false, nil)
		if !ok {
			return fmt.Errorf("no path between %s and %s under the filters", opts.Path[0], opts.Path[1])
		}
		vo.Nodes = map[int64]bool{}
		vo.Pairs = map[[2]int64]bool{}
		for i, n := range path.Nodes {
			vo.Nodes[int64(n)] = true
			if i > 0 {
				vo.Pairs[[2]int64{int64(path.Nodes[i-1]), int64(n)}] = true
			}
		}
	}
	return nil
}

// exportMeasures are the node measures --with-centrality adds, as kg
// central computes them (networkx conventions): pagerank weighted by event
// counts, degree centrality ((in+out degree)/(n-1)) and unnormalised
// directed betweenness on the unweighted graph.
var exportMeasures = []query.Measure{query.PageRank, query.Degree, query.Betweenness}

// exportCentrality computes exportMeasures on the whole filtered view,
// keyed by measure name and node. Self-loops do not count: the view's
// simple graph leaves them out.
func exportCentrality(ctx context.Context, v *view.View) (map[string]map[int64]float64, error) {
	out := make(map[string]map[int64]float64, len(exportMeasures))
	if v.Len() == 0 {
		return out, nil
	}
	a := query.NewAdjacency(v)
	for _, m := range exportMeasures {
		s, err := query.CentralityContext(ctx, a, m, m == query.PageRank)
		if err != nil {
			return nil, fmt.Errorf("centrality %s: %w", m, err)
		}
		out[string(m)] = s.Map()
	}
	return out, nil
}

// layouts are the Graphviz engines --layout names; auto picks one.
var layouts = []string{"auto", "dot", "sfdp", "neato", "fdp", "circo", "twopi"}

// Sizes for --layout auto: dot's layered drawing is the clearest but its
// time grows fast with edges (3,000 edges took over five minutes), sfdp's
// force-directed one draws thousands in seconds; past maxDrawEdges no
// drawing is legible and kg refuses at once.
const (
	maxDotEdges  = 500
	maxDrawEdges = 20000
)

// pickLayout returns the engine to draw a graph of edges edges with.
func pickLayout(layout string, edges int) (string, error) {
	if edges > maxDrawEdges {
		return "", fmt.Errorf("%d edges are too many to draw legibly (at most %d); keep fewer with --ego, --path, --since or --quad, or draw the DOT file yourself", edges, maxDrawEdges)
	}
	if layout != "auto" {
		return layout, nil
	}
	if edges > maxDotEdges {
		return "sfdp", nil
	}
	return "dot", nil
}

// renderDOT draws a DOT file with Graphviz's engine layout into img,
// atomically as well.
func renderDOT(ctx context.Context, dotPath, layout, format, src, img string) error {
	return atomicfile.Write(img, func(w io.Writer) error {
		cmd := exec.CommandContext(ctx, dotPath, "-K"+layout, "-T"+format, src)
		cmd.Stdout = w
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("dot -K%s -T%s: %w: %s", layout, format, err, strings.TrimSpace(stderr.String()))
		}
		return nil
	})
}

// countingGraph counts the edges a writer streamed, for the summary line,
// and stops the stream when ctx is cancelled (Ctrl-C), so an interrupted
// export removes its temporary files instead of running to the end.
type countingGraph struct {
	export.Graph
	ctx   context.Context
	edges int
}

func (c *countingGraph) Edges(fn func(export.Edge) error) error {
	n := 0
	err := c.Graph.Edges(func(e export.Edge) error {
		if n++; n%4096 == 0 {
			if err := c.ctx.Err(); err != nil {
				return err
			}
		}
		return fn(e)
	})
	if n > c.edges {
		c.edges = n
	}
	return err
}
