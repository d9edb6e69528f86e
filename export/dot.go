package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"
)

// WriteDOT writes g as a Graphviz digraph. Every identifier and value is a
// quoted, escaped string, so names like `node`, `Ashfaq "Kayani"` or
// non-Latin scripts are safe. Edges are coloured by sign (green cooperation,
// red conflict, grey neutral) and their pen width grows with the log of the
// event count. Parallel edges (Options.Multi) are kept: a non-strict digraph
// allows them.
func WriteDOT(w io.Writer, g Graph, opts Options) error {
	nodes, ids, err := sortedNodes(g)
	if err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	d := newDOTWriter(w, opts.name(), "LR")
	for i := range nodes {
		d.node(&nodes[i], false)
	}
	err = g.Edges(func(e Edge) error {
		if err := checkEdge(&e, ids); err != nil {
			return err
		}
		d.edge(&e, false)
		return d.err
	})
	if err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	if err := d.close(); err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	return nil
}

// WritePathDOT draws a path: nodes in path order, left to right, with the
// edges that join consecutive nodes drawn bold. Nodes that are not on the
// path but are endpoints of edges are an error, as in every writer.
func WritePathDOT(w io.Writer, path []Node, edges []Edge, opts Options) error {
	ids := make(map[string]struct{}, len(path))
	for i := range path {
		if path[i].ID == "" {
			return fmt.Errorf("dot: path node %d has an empty id", i)
		}
		ids[path[i].ID] = struct{}{}
	}
	d := newDOTWriter(w, opts.name(), "LR")
	seen := make(map[string]bool, len(path))
	for i := range path {
		if seen[path[i].ID] {
			continue // a node repeated in a walk is drawn once
		}
		seen[path[i].ID] = true
		d.node(&path[i], i == 0 || i == len(path)-1)
	}
	for i := range edges {
		if err := checkEdge(&edges[i], ids); err != nil {
			return fmt.Errorf("dot: %w", err)
		}
		d.edge(&edges[i], true)
	}
	if err := d.close(); err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	return nil
}

type dotWriter struct {
	bw  *bufio.Writer
	err error
}

func newDOTWriter(w io.Writer, name, rankdir string) *dotWriter {
	d := &dotWriter{bw: bufio.NewWriter(w)}
	d.printf("digraph %s {\n", dotQuote(name))
	d.printf("  graph [rankdir=%s, overlap=false, splines=true, fontname=\"Helvetica\"];\n", rankdir)
	d.printf("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f4f4f4\", fontname=\"Helvetica\"];\n")
	d.printf("  edge [fontname=\"Helvetica\", fontsize=10, arrowsize=0.7];\n")
	return d
}

func (d *dotWriter) printf(format string, a ...any) {
	if d.err == nil {
		_, d.err = fmt.Fprintf(d.bw, format, a...)
	}
}

func (d *dotWriter) node(n *Node, endpoint bool) {
	tip := n.Name
	if n.Code != "" || n.Type != "" {
		tip += " (" + strings.TrimSpace(n.Code+" "+n.Type) + ")"
	}
	extra := ""
	if endpoint {
		extra = `, penwidth=2, fillcolor="#ffe8a8"`
	}
	d.printf("  %s [label=%s, tooltip=%s%s];\n", dotQuote(n.ID), dotLabel(nodeLabel(n)), dotLabel(tip), extra)
}

func (d *dotWriter) edge(e *Edge, bold bool) {
	pen := dotPenWidth(e.Weight)
	if bold && pen < 2.5 {
		pen = 2.5
	}
	tip := fmt.Sprintf("%s %s, %s events, goldstein %s", e.CAMEO, edgeLabel(e), formatFloat(e.Weight),
		formatFloat(math.Round(e.Goldstein*100)/100))
	if !e.First.IsZero() {
		tip += ", " + e.First.String()
		if e.Last != e.First && !e.Last.IsZero() {
			tip += " to " + e.Last.String()
		}
	}
	col := dotQuote(signHex(e.Sign))
	d.printf("  %s -> %s [id=%s, label=%s, color=%s, fontcolor=%s, penwidth=%s, weight=%d, tooltip=%s];\n",
		dotQuote(e.Source), dotQuote(e.Target), dotQuote(e.ID), dotLabel(edgeLabel(e)), col, col,
		formatFloat(pen), int(math.Ceil(e.Weight)), dotLabel(tip))
}

func (d *dotWriter) close() error {
	d.printf("}\n")
	if d.err != nil {
		return d.err
	}
	return d.bw.Flush()
}

// dotPenWidth maps an event count to a line width: 1 for one event, +1.5
// per doubling, capped at 8 so that a hub edge does not hide the rest.
func dotPenWidth(w float64) float64 {
	if w <= 1 {
		return 1
	}
	p := 1 + 1.5*math.Log2(w)
	if p > 8 {
		p = 8
	}
	return math.Round(p*100) / 100
}

// dotLabel quotes a label or tooltip. Graphviz decodes HTML entities in
// those, so & is written as &amp; to show "AT&amp;T" as typed.
func dotLabel(s string) string { return dotQuote(strings.ReplaceAll(s, "&", "&amp;")) }

// dotQuote makes s a DOT double-quoted string. Backslashes are doubled so
// that Graphviz's label escapes (\N, \l) cannot be triggered by a name,
// quotes are escaped, and line breaks become \n, which labels render as a
// new line. Characters XML cannot hold are dropped as everywhere else, as
// Graphviz's SVG output would carry them otherwise.
func dotQuote(s string) string { return quoted(s, dotEscapes) }

// dotEscapes are DOT's escapes beyond quoted's. U+FFFD, which clean puts in
// place of invalid UTF-8, is refused by some DOT parsers: it is dropped.
var dotEscapes = map[rune]string{'\r': "", '\uFFFD': ""}

// quoted makes s, cleaned, a double-quoted string of the C-like syntax
// that DOT and N-Quads share: backslash, quote and line feed escaped, and
// each rune that more names replaced by its value.
func quoted(s string, more map[rune]string) string {
	s = clean(s)
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		if rep, ok := more[r]; ok {
			b.WriteString(rep)
			continue
		}
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
