package export

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// kind is an attribute's value type; each writer maps it to its own type
// names (GraphML attr.type, GEXF type, Neo4j header type, xs: datatypes).
type kind int

const (
	kString kind = iota
	kList        // []string; joined with ";" where the format has no lists
	kInt
	kDouble
	kBool
	kDate // Date; written as 2016, 2016-03 or 2016-03-04
)

// column is one node or edge attribute. Exactly one of node and edge is set.
// A nil value means "absent": the attribute is left out for that element.
type column struct {
	Name string
	Kind kind
	// Code marks a string of digits that is a code, not a number (a CAMEO
	// event code, "042"): written where a reader guesses types from values
	// so that it stays text.
	Code bool
	node func(*Node) any
	edge func(*Edge) any
}

func str(s string) any {
	if s == "" {
		return nil
	}
	return clean(s)
}

func list(l []string) any {
	if len(l) == 0 {
		return nil
	}
	out := make([]string, 0, len(l))
	for _, s := range l {
		if s = clean(s); s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func date(d Date) any {
	if d.IsZero() {
		return nil
	}
	return d
}

func double(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return f
}

// reserved are the attribute names Gephi maps to built-in properties
// (compared case-insensitively, by key id and by name). Only label and
// weight are written on purpose, through dedicated keys.
var reserved = map[string]bool{
	"label": true, "weight": true, "x": true, "y": true, "z": true, "xpos": true, "ypos": true,
	"size": true, "r": true, "g": true, "b": true, "color": true, "id": true, "edgeid": true,
	"edgelabel": true, "edge weight": true, "d3": true, "d7": true,
}

var unsafeName = regexp.MustCompile(`[^a-z0-9_]+`)

// attrName turns a free-form key (a centrality measure's name) into a safe
// attribute name: lower-case ASCII, digits and underscores, prefixed with
// "data_" if it would collide with a name Gephi reserves.
func attrName(s string) string {
	s = strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(s), "_"), "_")
	if s == "" {
		s = "value"
	}
	if reserved[s] || s[0] >= '0' && s[0] <= '9' {
		s = "data_" + s
	}
	return s
}

// nodeColumns lists the node attributes, with one centrality column per
// measure present on any node, sorted by name.
func nodeColumns(nodes []Node) []column {
	cols := []column{
		{Name: "name", Kind: kString, node: func(n *Node) any { return str(n.Name) }},
		{Name: "code", Kind: kString, node: func(n *Node) any { return str(n.Code) }},
		{Name: "type", Kind: kString, node: func(n *Node) any { return str(n.Type) }},
		{Name: "country", Kind: kString, node: func(n *Node) any { return str(n.Country) }},
		{Name: "aliases", Kind: kList, node: func(n *Node) any { return list(n.Aliases) }},
		{Name: "events_out", Kind: kInt, node: func(n *Node) any { return n.EventsOut }},
		{Name: "events_in", Kind: kInt, node: func(n *Node) any { return n.EventsIn }},
		{Name: "first_seen", Kind: kDate, node: func(n *Node) any { return date(n.FirstSeen) }},
		{Name: "last_seen", Kind: kDate, node: func(n *Node) any { return date(n.LastSeen) }},
	}
	for _, m := range centralityKeys(nodes) {
		key := m
		cols = append(cols, column{Name: "centrality_" + attrName(m), Kind: kDouble, node: func(n *Node) any {
			v, ok := n.Centrality[key]
			if !ok {
				return nil
			}
			return double(v)
		}})
	}
	return dedupe(cols)
}

func centralityKeys(nodes []Node) []string {
	seen := map[string]bool{}
	var keys []string
	for i := range nodes {
		for k := range nodes[i].Centrality {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// dedupe renames columns whose sanitised names collide ("page rank" and
// "page-rank" both give page_rank) so that every key id stays unique.
func dedupe(cols []column) []column {
	seen := map[string]int{}
	for i := range cols {
		name := cols[i].Name
		if n := seen[name]; n > 0 {
			cols[i].Name = name + "_" + strconv.Itoa(n+1)
		}
		seen[name]++
	}
	return cols
}

// edgeColumns lists the edge attributes; event columns are added for a
// multigraph.
func edgeColumns(multi bool) []column {
	cols := []column{
		{Name: "relations", Kind: kList, edge: func(e *Edge) any { return list(e.Relations) }},
		{Name: "cameo", Kind: kString, Code: true, edge: func(e *Edge) any { return str(e.CAMEO) }},
		{Name: "quad_class", Kind: kInt, edge: func(e *Edge) any { return e.Quad }},
		{Name: "goldstein", Kind: kDouble, edge: func(e *Edge) any { return double(e.Goldstein) }},
		{Name: "sign", Kind: kInt, edge: func(e *Edge) any { return e.Sign }},
		{Name: "first_date", Kind: kDate, edge: func(e *Edge) any { return date(e.First) }},
		{Name: "last_date", Kind: kDate, edge: func(e *Edge) any { return date(e.Last) }},
		{Name: "documents", Kind: kList, edge: func(e *Edge) any { return list(e.Docs) }},
	}
	if multi {
		cols = append(cols,
			column{Name: "negated", Kind: kBool, edge: func(e *Edge) any { return e.Negated }},
			column{Name: "symmetric", Kind: kBool, edge: func(e *Edge) any { return e.Symmetric }},
			column{Name: "modality", Kind: kString, edge: func(e *Edge) any { return str(e.Modality) }},
			column{Name: "sentence_index", Kind: kInt, edge: func(e *Edge) any { return e.SentenceIndex }},
			column{Name: "start", Kind: kInt, edge: func(e *Edge) any { return e.Start }},
			column{Name: "end", Kind: kInt, edge: func(e *Edge) any { return e.End }},
			column{Name: "sentence", Kind: kString, edge: func(e *Edge) any { return str(e.Sentence) }},
			column{Name: "confidence", Kind: kDouble, edge: func(e *Edge) any { return double(e.Confidence) }},
		)
	}
	return cols
}

// id is the column's key id: n_ or e_ before the name, so that no id can
// be one of Gephi's reserved names or networkx's d0..d9.
func (c *column) id() string {
	if c.node != nil {
		return "n_" + c.Name
	}
	return "e_" + c.Name
}

func (c *column) value(n *Node, e *Edge) any {
	if c.node != nil {
		return c.node(n)
	}
	return c.edge(e)
}

// text renders a value in its plain form: lists joined with sep, dates as
// Date strings, floats without exponents, booleans as true/false.
func text(v any, sep string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []string:
		return joinList(x, sep)
	case int:
		return strconv.Itoa(x)
	case float64:
		return formatFloat(x)
	case bool:
		return strconv.FormatBool(x)
	case Date:
		return x.String()
	}
	return fmt.Sprint(v)
}

// joinList joins list values with sep. No reader we target has an escape for
// the separator inside an element, so a separator inside a value is replaced
// by a comma: "a;b" stays one element instead of silently becoming two.
func joinList(l []string, sep string) string {
	if sep == "" {
		return strings.Join(l, "")
	}
	var b strings.Builder
	for i, s := range l {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(strings.ReplaceAll(s, sep, ","))
	}
	return b.String()
}
