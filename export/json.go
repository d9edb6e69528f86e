package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// JSON styles for WriteJSON.
const (
	JSONGraphology = "graphology"
	JSONCytoscape  = "cytoscape"
)

// WriteJSON writes g as JSON in one of two styles (Options.JSONStyle):
//
//   - graphology (default): graphology's serialised form, read by
//     Graph.from / graph.import and by Gephi Lite:
//     {"attributes":{"name":…},"options":{"type":"directed","multi":…,"allowSelfLoops":true},
//     "nodes":[{"key":…,"attributes":{…}}],"edges":[{"key":…,"source":…,"target":…,"attributes":{…}}]}
//   - cytoscape: Cytoscape.js elements, read by cytoscape({elements}) and
//     cy.json(): {"elements":{"nodes":[{"data":{"id":…,…}}],"edges":[{"data":{"id":…,"source":…,"target":…,…}}]}}
//
// Attributes are typed (numbers, booleans, string arrays); dates are
// strings (2016, 2016-03 or 2016-03-04). Every node and edge has a label and
// every edge a weight > 0. Output is streamed, one element per line.
func WriteJSON(w io.Writer, g Graph, opts Options) error {
	style := opts.JSONStyle
	if style == "" {
		style = JSONGraphology
	}
	if style != JSONGraphology && style != JSONCytoscape {
		return fmt.Errorf("json: unknown style %q (want graphology or cytoscape)", style)
	}
	nodes, ids, err := sortedNodes(g)
	if err != nil {
		return fmt.Errorf("json: %w", err)
	}
	ncols, ecols := nodeColumns(nodes), edgeColumns(opts.Multi)
	j := &jsonWriter{bw: bufio.NewWriter(w)}
	cy := style == JSONCytoscape
	if cy {
		j.raw("{\"elements\":{\"nodes\":[")
	} else {
		j.raw("{\"attributes\":{\"name\":")
		j.value(clean(opts.name()))
		j.raw(fmt.Sprintf("},\"options\":{\"type\":\"directed\",\"multi\":%t,\"allowSelfLoops\":true},\n\"nodes\":[", opts.Multi))
	}
	for i := range nodes {
		n := &nodes[i]
		a := map[string]any{"label": clean(nodeLabel(n))}
		for c := range ncols {
			if v := ncols[c].node(n); v != nil {
				a[ncols[c].Name] = v
			}
		}
		if i > 0 {
			j.raw(",")
		}
		j.raw("\n")
		if cy {
			a["id"] = clean(n.ID)
			j.value(map[string]any{"data": a})
		} else {
			j.value(struct {
				Key        string         `json:"key"`
				Attributes map[string]any `json:"attributes"`
			}{clean(n.ID), a})
		}
	}
	if cy {
		j.raw("\n],\"edges\":[")
	} else {
		j.raw("\n],\n\"edges\":[")
	}
	if j.err != nil {
		return fmt.Errorf("json: %w", j.err)
	}
	first := true
	err = g.Edges(func(e Edge) error {
		if err := checkEdge(&e, ids); err != nil {
			return err
		}
		a := map[string]any{"label": clean(edgeLabel(&e)), "weight": e.Weight}
		for c := range ecols {
			if v := ecols[c].edge(&e); v != nil {
				a[ecols[c].Name] = v
			}
		}
		if !first {
			j.raw(",")
		}
		first = false
		j.raw("\n")
		if cy {
			a["id"], a["source"], a["target"] = clean(e.ID), clean(e.Source), clean(e.Target)
			j.value(map[string]any{"data": a})
		} else {
			j.value(struct {
				Key        string         `json:"key"`
				Source     string         `json:"source"`
				Target     string         `json:"target"`
				Attributes map[string]any `json:"attributes"`
			}{clean(e.ID), clean(e.Source), clean(e.Target), a})
		}
		return j.err
	})
	if err != nil {
		return fmt.Errorf("json: %w", err)
	}
	if cy {
		j.raw("\n]}}\n")
	} else {
		j.raw("\n]}\n")
	}
	if j.err == nil {
		j.err = j.bw.Flush()
	}
	if j.err != nil {
		return fmt.Errorf("json: %w", j.err)
	}
	return nil
}

type jsonWriter struct {
	bw  *bufio.Writer
	buf bytes.Buffer
	err error
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.bw.WriteString(s)
	}
}

// value marshals v without HTML escaping (names with & or < stay readable)
// and without the encoder's trailing newline.
func (j *jsonWriter) value(v any) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	enc := json.NewEncoder(&j.buf)
	enc.SetEscapeHTML(false)
	if j.err = enc.Encode(v); j.err != nil {
		return
	}
	_, j.err = j.bw.Write(bytes.TrimRight(j.buf.Bytes(), "\n"))
}
