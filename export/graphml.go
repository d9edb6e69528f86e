package export

import (
	"encoding/xml"
	"fmt"
	"io"
)

const graphMLNS = "http://graphml.graphdrawing.org/xmlns"

// WriteGraphML writes g as GraphML for Gephi, networkx and graphology.
//
// The layout follows what Gephi's importer expects: every key has a
// prefixed id (n_name, e_goldstein: never networkx's d0..d9, of which d3
// and d7 are taken as labels), for="node" or for="edge" and an attr.type
// Gephi accepts; edgedefault="directed"; every node and edge has a label;
// weight is a double > 0 with the sign and Goldstein mean in their own
// attributes; nodes come before edges, sorted by id; list values are
// joined with ";". Edges stream straight to w, so memory stays bounded by
// the node count.
func WriteGraphML(w io.Writer, g Graph, opts Options) error {
	nodes, ids, err := sortedNodes(g)
	if err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	ncols, ecols := nodeColumns(nodes), edgeColumns(opts.Multi)
	x := newXMLWriter(w)
	x.raw(xml.Header)
	x.start("graphml", "xmlns", graphMLNS,
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", graphMLNS+" http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
	x.empty("key", "id", "n_label", "for", "node", "attr.name", "label", "attr.type", "string")
	for _, c := range ncols {
		x.empty("key", "id", "n_"+c.Name, "for", "node", "attr.name", c.Name, "attr.type", graphMLType(c.Kind))
	}
	x.empty("key", "id", "e_label", "for", "edge", "attr.name", "label", "attr.type", "string")
	x.empty("key", "id", "e_weight", "for", "edge", "attr.name", "weight", "attr.type", "double")
	for _, c := range ecols {
		x.empty("key", "id", "e_"+c.Name, "for", "edge", "attr.name", c.Name, "attr.type", graphMLType(c.Kind))
	}
	x.start("graph", "id", clean(opts.name()), "edgedefault", "directed")
	for i := range nodes {
		n := &nodes[i]
		x.start("node", "id", clean(n.ID))
		x.data("n_label", clean(nodeLabel(n)))
		for _, c := range ncols {
			if v := c.node(n); v != nil {
				x.data("n_"+c.Name, text(v, ";"))
			}
		}
		x.end("node")
	}
	if err := x.err; err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	err = g.Edges(func(e Edge) error {
		if err := checkEdge(&e, ids); err != nil {
			return err
		}
		x.start("edge", "id", clean(e.ID), "source", clean(e.Source), "target", clean(e.Target))
		x.data("e_label", clean(edgeLabel(&e)))
		x.data("e_weight", formatFloat(e.Weight))
		for _, c := range ecols {
			if v := c.edge(&e); v != nil {
				x.data("e_"+c.Name, text(v, ";"))
			}
		}
		x.end("edge")
		return x.err
	})
	if err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	x.end("graph")
	x.end("graphml")
	if err := x.close(); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	return nil
}

func graphMLType(k kind) string {
	switch k {
	case kInt:
		return "int"
	case kDouble:
		return "double"
	case kBool:
		return "boolean"
	}
	return "string"
}

// xmlWriter wraps xml.Encoder with a sticky error so that writers can emit
// a run of tokens and check once. encoding/xml escapes text and attribute
// values (and replaces characters XML cannot hold); names are ours.
type xmlWriter struct {
	w   io.Writer
	enc *xml.Encoder
	err error
}

func newXMLWriter(w io.Writer) *xmlWriter {
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	return &xmlWriter{w: w, enc: enc}
}

func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = io.WriteString(x.w, s)
	}
}

func (x *xmlWriter) token(t xml.Token) {
	if x.err == nil {
		x.err = x.enc.EncodeToken(t)
	}
}

func attrs(kv []string) []xml.Attr {
	a := make([]xml.Attr, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		a = append(a, xml.Attr{Name: xml.Name{Local: kv[i]}, Value: kv[i+1]})
	}
	return a
}

func (x *xmlWriter) start(name string, kv ...string) {
	x.token(xml.StartElement{Name: xml.Name{Local: name}, Attr: attrs(kv)})
}

func (x *xmlWriter) end(name string) { x.token(xml.EndElement{Name: xml.Name{Local: name}}) }

func (x *xmlWriter) empty(name string, kv ...string) {
	x.start(name, kv...)
	x.end(name)
}

// data writes <data key="k">v</data>.
func (x *xmlWriter) data(key, v string) {
	x.start("data", "key", key)
	x.token(xml.CharData(v))
	x.end("data")
}

func (x *xmlWriter) close() error {
	if x.err != nil {
		return x.err
	}
	x.err = x.enc.Close()
	if x.err == nil {
		x.raw("\n")
	}
	return x.err
}
