package export

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
)

// Dgraph file names, inside the output directory.
const (
	NQuadsFile       = "kg.rdf"
	DgraphSchemaFile = "kg.schema"
)

// nquadPredicate renames the attributes whose plain names would be
// confusing as Dgraph predicates.
var nquadPredicate = map[string]string{
	"type":  "actor_type",
	"start": "sentence_start",
	"end":   "sentence_end",
}

func predicate(c *column) string {
	if p, ok := nquadPredicate[c.Name]; ok {
		return p
	}
	return c.Name
}

// WriteNQuads writes g as RDF N-Quads for Dgraph's live and bulk loaders.
//
// Actors are nodes of dgraph.type Actor; each edge becomes a node of its
// own (dgraph.type Relation, or Event under Options.Multi) with source and
// target edges to its actors, because Dgraph keeps one edge per (subject,
// predicate, object) and parallel events would overwrite each other's
// facets. Blank-node names are a hash of the actor or edge id (a_… and
// e_…, characters [a-z0-9_] only), so re-exports name nodes the same way.
// The live loader's --upsertPredicate xid stores that name in xid and finds
// the node by it on the next load, so a reload updates nodes instead of
// adding them; kg therefore writes no xid of its own (it would overwrite
// the loader's), and keeps the actor's or edge's id in kg_id
// ("actor:<id>", "edge:<id>"). Dates are RFC 3339 xs:dateTime at midnight UTC (a date
// known to the year or month starts or ends its span), numbers are xs:int
// and xs:float, booleans xs:boolean, and lists one triple per element.
func WriteNQuads(w io.Writer, g Graph, opts Options) error {
	nodes, ids, err := sortedNodes(g)
	if err != nil {
		return fmt.Errorf("nquads: %w", err)
	}
	ncols, ecols := nodeColumns(nodes), edgeColumns(opts.Multi)
	q := &nquadWriter{bw: bufio.NewWriter(w)}
	for i := range nodes {
		n := &nodes[i]
		s := blankNode("a_", n.ID)
		q.literal(s, "dgraph.type", `"Actor"`)
		q.literal(s, "kg_id", nquadString("actor:"+n.ID))
		q.literal(s, "label", nquadString(nodeLabel(n)))
		for c := range ncols {
			q.value(s, predicate(&ncols[c]), ncols[c].node(n), ncols[c].Name == "last_seen")
		}
	}
	if q.err != nil {
		return fmt.Errorf("nquads: %w", q.err)
	}
	typ := `"Relation"`
	if opts.Multi {
		typ = `"Event"`
	}
	err = g.Edges(func(e Edge) error {
		if err := checkEdge(&e, ids); err != nil {
			return err
		}
		s := blankNode("e_", e.ID)
		q.literal(s, "dgraph.type", typ)
		q.literal(s, "kg_id", nquadString("edge:"+e.ID))
		q.literal(s, "source", blankNode("a_", e.Source))
		q.literal(s, "target", blankNode("a_", e.Target))
		q.literal(s, "label", nquadString(edgeLabel(&e)))
		q.literal(s, "weight", fmt.Sprintf(`"%s"^^<xs:float>`, formatFloat(e.Weight)))
		for c := range ecols {
			q.value(s, predicate(&ecols[c]), ecols[c].edge(&e), ecols[c].Name == "last_date")
		}
		return q.err
	})
	if err != nil {
		return fmt.Errorf("nquads: %w", err)
	}
	if err := q.bw.Flush(); err != nil {
		return fmt.Errorf("nquads: %w", err)
	}
	return nil
}

// WriteDgraphSchema writes the schema that goes with WriteNQuads: a typed,
// indexed predicate for every attribute and the Actor and Relation/Event
// types. xid, which the live loader fills with the blank-node name under
// --upsertPredicate xid, is @upsert so that a reload updates nodes instead
// of duplicating them; kg_id holds kg's own ids.
func WriteDgraphSchema(w io.Writer, g Graph, opts Options) error {
	nodes := g.Nodes()
	ncols, ecols := nodeColumns(nodes), edgeColumns(opts.Multi)
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "xid: string @index(exact) @upsert .")
	fmt.Fprintln(bw, "kg_id: string @index(exact) .")
	fmt.Fprintln(bw, "label: string @index(exact, term) .")
	fmt.Fprintln(bw, "source: uid @reverse .")
	fmt.Fprintln(bw, "target: uid @reverse .")
	fmt.Fprintln(bw, "weight: float .")
	seen := map[string]bool{}
	var actor, edge []string
	for _, cols := range [][]column{ncols, ecols} {
		for c := range cols {
			p := predicate(&cols[c])
			if cols[c].node != nil {
				actor = append(actor, p)
			} else {
				edge = append(edge, p)
			}
			if seen[p] {
				continue
			}
			seen[p] = true
			fmt.Fprintf(bw, "%s: %s .\n", p, dgraphType(p, cols[c].Kind))
		}
	}
	fmt.Fprintf(bw, "\ntype Actor {\n  xid\n  kg_id\n  label\n")
	for _, p := range actor {
		fmt.Fprintf(bw, "  %s\n", p)
	}
	name := "Relation"
	if opts.Multi {
		name = "Event"
	}
	fmt.Fprintf(bw, "}\n\ntype %s {\n  xid\n  kg_id\n  source\n  target\n  label\n  weight\n", name)
	for _, p := range edge {
		fmt.Fprintf(bw, "  %s\n", p)
	}
	fmt.Fprintln(bw, "}")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("dgraph schema: %w", err)
	}
	return nil
}

// DgraphLiveCommand is the command that loads files written into dir into
// a running Dgraph cluster.
func DgraphLiveCommand(dir string) string {
	return fmt.Sprintf("dgraph live -f %s -s %s --upsertPredicate xid",
		shellQuote(joinPath(dir, NQuadsFile)), shellQuote(joinPath(dir, DgraphSchemaFile)))
}

func dgraphType(pred string, k kind) string {
	switch k {
	case kList:
		return "[string] @index(exact)"
	case kInt:
		return "int @index(int)"
	case kDouble:
		return "float"
	case kBool:
		return "bool @index(bool)"
	case kDate:
		return "datetime @index(day)"
	}
	switch pred {
	case "name":
		return "string @index(exact, term)"
	case "sentence":
		return "string @index(fulltext)"
	}
	return "string @index(exact)"
}

type nquadWriter struct {
	bw  *bufio.Writer
	err error
}

func (q *nquadWriter) literal(s, p, o string) {
	if q.err == nil {
		_, q.err = fmt.Fprintf(q.bw, "%s <%s> %s .\n", s, p, o)
	}
}

// value writes one attribute; a list gives one triple per element. end
// says whether a partial date is the end of a span.
func (q *nquadWriter) value(s, p string, v any, end bool) {
	switch x := v.(type) {
	case nil:
	case string:
		q.literal(s, p, nquadString(x))
	case []string:
		for _, e := range x {
			q.literal(s, p, nquadString(e))
		}
	case int:
		q.literal(s, p, fmt.Sprintf(`"%d"^^<xs:int>`, x))
	case float64:
		q.literal(s, p, fmt.Sprintf(`"%s"^^<xs:float>`, formatFloat(x)))
	case bool:
		q.literal(s, p, fmt.Sprintf(`"%t"^^<xs:boolean>`, x))
	case Date:
		q.literal(s, p, fmt.Sprintf(`"%s"^^<xs:dateTime>`, rfc3339(x, end)))
	}
}

// rfc3339 is midnight UTC of the first (or, for end, last) day d may mean.
func rfc3339(d Date, end bool) string {
	if end {
		d = d.LastDay()
	} else {
		d = d.FirstDay()
	}
	return d.String() + "T00:00:00Z"
}

// blankNode names a node after a hash of its id: stable across runs, and
// free of characters the N-Quads grammar or Dgraph would reject.
func blankNode(prefix, id string) string {
	h := sha256.Sum256([]byte(id))
	return "_:" + prefix + hex.EncodeToString(h[:10])
}

// nquadString quotes s as an N-Quads string literal: backslash, quote and
// line breaks are escaped (ECHAR); other characters are written as UTF-8.
func nquadString(s string) string { return quoted(s, nquadEscapes) }

var nquadEscapes = map[rune]string{'\r': `\r`, '\t': `\t`}
