package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"testing"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
)

// FuzzWriters feeds arbitrary ids, names and values to every writer and
// checks that each output still parses: XML with encoding/xml (labels read
// back equal to what was written), DOT with gonum's parser, JSON with
// encoding/json, Neo4j CSV against the import rules and N-Quads against
// the line grammar.
func FuzzWriters(f *testing.F) {
	seeds := [][4]string{
		{"russia", "Russia", "supply", "Russian Federation;Moscow"},
		{"node", `Ashfaq "Kayani" <Pervez> & Co`, "make statement", "a\nb"},
		{"москва", "Москва 北京 🚀", "визит", "\x00\x01\x1f\x7f"},
		{"a\\b", "line\r\nbreak\\N", "\"quoted\"", ";;"},
		{"x]]>y", "<![CDATA[ x ]]>", "&amp;", "\uFFFE\uFFFF\xff"},
		{"-", "", "", ""},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2], s[3], 2.5)
	}
	f.Fuzz(func(t *testing.T, id, name, relation, alias string, goldstein float64) {
		g := &MemGraph{
			NodeList: []Node{
				{ID: id, Name: name, Aliases: []string{alias, name}, Type: relation, Code: alias,
					Centrality: map[string]float64{relation: goldstein}},
				{ID: id + "2", Name: alias, FirstSeen: graph.Date{Year: 2016}},
			},
			EdgeList: []Edge{
				{ID: "e1", Source: id, Target: id + "2", Label: relation, Relations: []string{relation, alias},
					CAMEO: alias, Weight: 1, Goldstein: goldstein, Sign: view.Sign(goldstein), Docs: []string{name}},
				{ID: "e2" + name, Source: id + "2", Target: id, Label: alias, Weight: 3,
					Sentence: name + "\n" + alias, Modality: relation, First: graph.Date{Year: 2020, Month: 2}},
				{ID: "e3", Source: id, Target: id, Label: name, Weight: 0.5},
			},
		}
		for _, multi := range []bool{false, true} {
			opts := Options{Name: name, Multi: multi}
			outs := map[string][]byte{}
			for _, fm := range Formats {
				for _, p := range fm.Parts {
					var buf bytes.Buffer
					if err := p.Write(&buf, g, opts); err != nil {
						if !validID(id) || id == "" {
							return // bad ids are refused, not mangled
						}
						t.Fatalf("%s %s: %v", fm.Name, p.Name, err)
					}
					outs[fm.Name+"/"+p.Name] = buf.Bytes()
				}
			}
			checkXML(t, outs["graphml/"], "data", nodeLabel(&g.NodeList[0]))
			checkXML(t, outs["gexf/"], "node", nodeLabel(&g.NodeList[0]))
			checkDOT(t, outs["dot/"], 2, 3)
			if !json.Valid(outs["json/"]) {
				t.Fatalf("invalid JSON:\n%s", outs["json/"])
			}
			checkNeo4j(t, g, outs["neo4j/"+Neo4jNodesFile], outs["neo4j/"+Neo4jRelationshipsFile])
			checkNQuads(t, outs["nquads/"+NQuadsFile])
			readCSV(t, outs["csv/nodes.csv"])
			readCSV(t, outs["csv/edges.csv"])
		}
	})
}

// checkXML parses b strictly and checks that the first node's label reads
// back as clean(label): from the first n_label data element for GraphML,
// from the label attribute of the first node for GEXF.
func checkXML(t *testing.T, b []byte, elem, label string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	found := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("malformed XML: %v\n%s", err, b)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || found || se.Name.Local != elem {
			continue
		}
		switch elem {
		case "node":
			for _, a := range se.Attr {
				if a.Name.Local == "label" {
					found = true
					if a.Value != clean(label) {
						t.Fatalf("label read back %q, want %q", a.Value, clean(label))
					}
				}
			}
		case "data":
			if len(se.Attr) == 1 && se.Attr[0].Value == "n_label" {
				var s string
				if err := d.DecodeElement(&s, &se); err != nil {
					t.Fatalf("decode label: %v", err)
				}
				found = true
				if s != clean(label) {
					t.Fatalf("label read back %q, want %q", s, clean(label))
				}
			}
		}
	}
	if !found {
		t.Fatalf("no %s label in output", elem)
	}
}

// checkDOT parses b with gonum's DOT parser and counts node and edge
// statements.
func checkDOT(t *testing.T, b []byte, nodes, edges int) {
	t.Helper()
	file, err := dot.ParseBytes(b)
	if err != nil {
		t.Fatalf("invalid DOT: %v\n%s", err, b)
	}
	if len(file.Graphs) != 1 || !file.Graphs[0].Directed {
		t.Fatalf("want one digraph, got %d graphs", len(file.Graphs))
	}
	var n, e int
	for _, s := range file.Graphs[0].Stmts {
		switch s.(type) {
		case *ast.NodeStmt:
			n++
		case *ast.EdgeStmt:
			e++
		}
	}
	if n != nodes || e != edges {
		t.Fatalf("DOT has %d nodes and %d edges, want %d and %d\n%s", n, e, nodes, edges, b)
	}
}

func TestDOTQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"node", `"node"`},
		{`Ashfaq "Kayani"`, `"Ashfaq \"Kayani\""`},
		{`back\slash\`, `"back\\slash\\"`},
		{"two\nlines\r", `"two\nlines"`},
		{"bell\x07", `"bell"`},
		{"bad\xff", `"bad"`},
	}
	for _, tt := range tests {
		if got := dotQuote(tt.in); got != tt.want {
			t.Errorf("dotQuote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
