package export

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
)

// xmlElements lists the start elements of b in document order.
func xmlElements(t *testing.T, b []byte) []xml.StartElement {
	t.Helper()
	var out []xml.StartElement
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			out = append(out, se.Copy())
		}
	}
}

func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

var gephiTypes = map[string]bool{"boolean": true, "int": true, "integer": true, "long": true, "float": true,
	"double": true, "string": true}

// TestGraphMLGephiRules checks section 2.4 of the format notes on the
// GraphML output: prefixed key ids, for and attr.type on every key, no
// unintended reserved names, directed default, ids and labels on every
// element, positive weights, nodes before edges.
func TestGraphMLGephiRules(t *testing.T) {
	for _, multi := range []bool{false, true} {
		g := fixture(multi)
		g.NodeList[0].Centrality = map[string]float64{"weight": 1, "X": 2, "d3": 3}
		var buf bytes.Buffer
		if err := WriteGraphML(&buf, g, Options{Multi: multi}); err != nil {
			t.Fatal(err)
		}
		keyFor := map[string]string{}
		seenEdge := false
		edgeIDs := map[string]bool{}
		for _, se := range xmlElements(t, buf.Bytes()) {
			switch se.Name.Local {
			case "key":
				id, _ := attr(se, "id")
				name, _ := attr(se, "attr.name")
				typ, _ := attr(se, "attr.type")
				forv, _ := attr(se, "for")
				if !regexp.MustCompile(`^[ne]_[a-z0-9_]+$`).MatchString(id) || regexp.MustCompile(`^d\d+$`).MatchString(id) {
					t.Errorf("key id %q is not prefixed", id)
				}
				if forv != "node" && forv != "edge" {
					t.Errorf("key %s for=%q", id, forv)
				}
				if !gephiTypes[typ] {
					t.Errorf("key %s attr.type=%q", id, typ)
				}
				lname := strings.ToLower(name)
				if reserved[lname] && !(lname == "label" || lname == "weight" && forv == "edge") {
					t.Errorf("key %s uses reserved name %q", id, name)
				}
				if lname == "weight" && typ != "double" {
					t.Errorf("weight typed %s", typ)
				}
				if keyFor[id] != "" {
					t.Errorf("duplicate key id %s", id)
				}
				keyFor[id] = forv
			case "graph":
				if v, _ := attr(se, "edgedefault"); v != "directed" {
					t.Errorf("edgedefault=%q", v)
				}
			case "node":
				if seenEdge {
					t.Error("node after an edge")
				}
			case "edge":
				seenEdge = true
				id, _ := attr(se, "id")
				if id == "" || edgeIDs[id] {
					t.Errorf("edge id %q empty or repeated", id)
				}
				edgeIDs[id] = true
			case "data":
				k, _ := attr(se, "key")
				if keyFor[k] == "" {
					t.Errorf("data for undeclared key %s", k)
				}
			}
		}
		if len(edgeIDs) != len(g.EdgeList) {
			t.Errorf("%d edges, want %d", len(edgeIDs), len(g.EdgeList))
		}
		// Every node and edge has a label and every edge a weight > 0.
		if n, e := strings.Count(buf.String(), `<data key="n_label">`), len(g.NodeList); n != e {
			t.Errorf("%d node labels for %d nodes", n, e)
		}
		if n := strings.Count(buf.String(), `<data key="e_label">`); n != len(g.EdgeList) {
			t.Errorf("%d edge labels for %d edges", n, len(g.EdgeList))
		}
		for _, m := range regexp.MustCompile(`<data key="e_weight">([^<]*)<`).FindAllStringSubmatch(buf.String(), -1) {
			if m[1] == "0" || strings.HasPrefix(m[1], "-") {
				t.Errorf("weight %s", m[1])
			}
		}
	}
}

// TestGEXFGephiRules: dynamic mode with an explicit date time format, one
// time representation (spells with start and end, never timestamps),
// directed default, inclusive spells with start <= end, weight > 0, kind
// only on multigraphs.
func TestGEXFGephiRules(t *testing.T) {
	for _, multi := range []bool{false, true} {
		g := fixture(multi)
		var buf bytes.Buffer
		if err := WriteGEXF(&buf, g, Options{Multi: multi}); err != nil {
			t.Fatal(err)
		}
		els := xmlElements(t, buf.Bytes())
		if v, _ := attr(els[0], "version"); els[0].Name.Local != "gexf" || v != "1.3" {
			t.Fatalf("root %v", els[0])
		}
		spellsSeen, kinds := 0, 0
		for _, se := range els {
			for _, a := range se.Attr {
				if a.Name.Local == "timestamp" || a.Name.Local == "timestamps" || a.Name.Local == "startopen" || a.Name.Local == "endopen" {
					t.Errorf("%s has %s", se.Name.Local, a.Name.Local)
				}
			}
			switch se.Name.Local {
			case "graph":
				want := map[string]string{"mode": "dynamic", "timeformat": "date", "defaultedgetype": "directed", "timerepresentation": "interval"}
				for k, v := range want {
					if got, _ := attr(se, k); got != v {
						t.Errorf("graph %s=%q, want %q", k, got, v)
					}
				}
			case "spell":
				spellsSeen++
				s, _ := attr(se, "start")
				e, _ := attr(se, "end")
				if len(s) != 10 || len(e) != 10 || e < s {
					t.Errorf("spell [%s, %s]", s, e)
				}
			case "edge":
				if w, _ := attr(se, "weight"); w == "" || w == "0" || strings.HasPrefix(w, "-") {
					t.Errorf("edge weight %q", w)
				}
				if _, ok := attr(se, "kind"); ok {
					kinds++
				}
			case "viz:color", "color":
				for _, c := range []string{"r", "g", "b"} {
					if v, _ := attr(se, c); !regexp.MustCompile(`^([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$`).MatchString(v) {
						t.Errorf("colour %s=%q", c, v)
					}
				}
			}
		}
		if spellsSeen == 0 {
			t.Error("no spells written")
		}
		if multi && kinds != len(g.EdgeList) || !multi && kinds != 0 {
			t.Errorf("multi=%v: %d edges with kind", multi, kinds)
		}
	}
}
