package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

const (
	gexfNS    = "http://gexf.net/1.3"
	gexfVizNS = "http://gexf.net/1.3/viz"
	// gexf12NS is GEXF 1.2draft's, which networkx (to 3.x) reads and 1.3
	// it does not.
	gexf12NS = "http://www.gexf.net/1.2draft"
)

// WriteGEXF writes g as a dynamic GEXF 1.3 graph for Gephi's timeline
// (1.2draft, for networkx, under Options.GEXFVersion "1.2").
//
// Time uses one representation only, intervals: the graph declares
// mode="dynamic", timeformat="date" and timerepresentation="interval".
// A node lives from the first day its first-seen date may mean to the last
// day its last-seen date may mean; an edge gets one spell per event date,
// merged where they overlap (Gephi rejects overlapping intervals). A date
// known only to the year or month covers the whole year or month. Nodes and
// edges with no date at all get no spell, which GEXF reads as "present at
// all times", so undated events stay visible.
//
// Edges carry weight (> 0), label (the relation), and under Options.Multi a
// kind set to the event's ID, so that Gephi, which merges parallel edges of
// one kind, keeps every event. Attribute ids are numbers, with the names as
// titles. Edge colours (viz:color) show cooperation (green),
// conflict (red) and neutral (grey) from the edge's sign.
func WriteGEXF(w io.Writer, g Graph, opts Options) error {
	nodes, ids, err := sortedNodes(g)
	if err != nil {
		return fmt.Errorf("gexf: %w", err)
	}
	ncols, ecols := nodeColumns(nodes), edgeColumns(opts.Multi)
	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	ns, vizNS, version := gexfNS, gexfVizNS, "1.3"
	if opts.GEXFVersion == "1.2" {
		ns, vizNS, version = gexf12NS, gexf12NS+"/viz", "1.2"
	}
	x.start("gexf", "xmlns", ns, "xmlns:viz", vizNS,
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", ns+" "+ns+"/gexf.xsd", "version", version)
	x.start("meta")
	x.start("creator")
	x.token(xml.CharData("kg"))
	x.end("creator")
	x.start("description")
	x.token(xml.CharData(clean(opts.name())))
	x.end("description")
	x.end("meta")
	if version == "1.3" {
		x.start("graph", "mode", "dynamic", "defaultedgetype", "directed",
			"timeformat", "date", "timerepresentation", "interval")
	} else {
		x.start("graph", "mode", "dynamic", "defaultedgetype", "directed", "timeformat", "date")
	}
	// Attribute ids are numbers, node ones first, then edge ones: readers
	// such as graphology (Gephi Lite) show an attribute's title only when
	// its id is numeric, and its id otherwise.
	x.start("attributes", "class", "node", "mode", "static")
	for i, c := range ncols {
		x.empty("attribute", "id", strconv.Itoa(i), "title", c.Name, "type", gexfType(c.Kind))
	}
	x.end("attributes")
	x.start("attributes", "class", "edge", "mode", "static")
	for i, c := range ecols {
		x.empty("attribute", "id", strconv.Itoa(len(ncols)+i), "title", c.Name, "type", gexfType(c.Kind))
	}
	x.end("attributes")

	x.start("nodes", "count", strconv.Itoa(len(nodes)))
	for i := range nodes {
		n := &nodes[i]
		x.start("node", "id", clean(n.ID), "label", clean(nodeLabel(n)))
		gexfAttvalues(x, ncols, 0, n, nil)
		if iv, ok := nodeSpan(n); ok {
			gexfSpells(x, []interval{iv})
		}
		x.end("node")
	}
	x.end("nodes")
	if err := x.err; err != nil {
		return fmt.Errorf("gexf: %w", err)
	}
	x.start("edges")
	err = g.Edges(func(e Edge) error {
		if err := checkEdge(&e, ids); err != nil {
			return err
		}
		kv := []string{"id", clean(e.ID), "source", clean(e.Source), "target", clean(e.Target),
			"label", clean(edgeLabel(&e)), "weight", formatFloat(e.Weight)}
		if opts.Multi {
			// Gephi merges parallel edges of one kind: each event is its
			// own kind, the relation stays the label.
			kv = append(kv, "kind", clean(e.ID))
		}
		x.start("edge", kv...)
		gexfAttvalues(x, ecols, len(ncols), nil, &e)
		if iv := spells(edgeDates(&e)); len(iv) > 0 {
			gexfSpells(x, iv)
		}
		r, gr, b := signColor(e.Sign)
		x.empty("viz:color", "r", strconv.Itoa(r), "g", strconv.Itoa(gr), "b", strconv.Itoa(b))
		x.end("edge")
		return x.err
	})
	if err != nil {
		return fmt.Errorf("gexf: %w", err)
	}
	x.end("edges")
	x.end("graph")
	x.end("gexf")
	if err := x.close(); err != nil {
		return fmt.Errorf("gexf: %w", err)
	}
	return nil
}

func gexfAttvalues(x *xmlWriter, cols []column, first int, n *Node, e *Edge) {
	started := false
	for i := range cols {
		v := cols[i].value(n, e)
		if v == nil {
			continue
		}
		if !started {
			x.start("attvalues")
			started = true
		}
		x.empty("attvalue", "for", strconv.Itoa(first+i), "value", text(v, ";"))
	}
	if started {
		x.end("attvalues")
	}
}

func gexfSpells(x *xmlWriter, iv []interval) {
	x.start("spells")
	for _, s := range iv {
		x.empty("spell", "start", s.start.String(), "end", s.end.String())
	}
	x.end("spells")
}

func gexfType(k kind) string {
	switch k {
	case kInt:
		return "integer"
	case kDouble:
		return "double"
	case kBool:
		return "boolean"
	}
	return "string"
}

// signColor is the colour of an edge by its sign: green for cooperation,
// red for conflict, grey for neutral.
func signColor(sign int) (r, g, b int) {
	switch {
	case sign > 0:
		return 44, 160, 44
	case sign < 0:
		return 214, 39, 40
	}
	return 127, 127, 127
}

func signHex(sign int) string {
	r, g, b := signColor(sign)
	return fmt.Sprintf("#%02x%02x%02x", r, g, b)
}
