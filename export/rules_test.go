package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// readCSV parses a CSV output strictly (every row as wide as the header).
func readCSV(t testing.TB, b []byte) (head []string, rows []map[string]string) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse csv: %v", err)
	}
	if len(recs) == 0 {
		t.Fatal("csv has no header")
	}
	head = recs[0]
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range head {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return head, rows
}

var upperSnake = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`)

// checkNeo4j enforces the neo4j-admin import rules on a node and a
// relationship file written from g.
func checkNeo4j(t testing.TB, g *MemGraph, nodes, rels []byte) {
	t.Helper()
	head, rows := readCSV(t, nodes)
	if head[0] != "actorId:ID(Actor)" || head[len(head)-1] != ":LABEL" {
		t.Errorf("node header %v", head)
	}
	ids := map[string]bool{}
	for _, r := range rows {
		id := r["actorId:ID(Actor)"]
		if id == "" || ids[id] {
			t.Errorf("node id %q empty or not unique", id)
		}
		ids[id] = true
		if !strings.HasPrefix(r[":LABEL"], "Actor") {
			t.Errorf("node %s labels %q", id, r[":LABEL"])
		}
		for _, v := range r {
			if strings.ContainsAny(v, "\r\n") {
				t.Errorf("node %s: value %q holds a line break", id, v)
			}
		}
	}
	if len(rows) != len(g.NodeList) {
		t.Errorf("%d node rows, want %d", len(rows), len(g.NodeList))
	}
	// Array elements must survive the split on ";".
	for _, n := range g.NodeList {
		for _, r := range rows {
			if r["actorId:ID(Actor)"] != clean(n.ID) {
				continue
			}
			got := r["aliases:string[]"]
			var parts []string
			if got != "" {
				parts = strings.Split(got, ";")
			}
			want := 0
			for _, a := range n.Aliases {
				if clean(a) != "" {
					want++
				}
			}
			if len(parts) != want {
				t.Errorf("node %s: aliases %q split into %d, want %d", n.ID, got, len(parts), want)
			}
		}
	}
	head, rows = readCSV(t, rels)
	if head[0] != ":START_ID(Actor)" || head[1] != ":END_ID(Actor)" || head[2] != ":TYPE" {
		t.Errorf("relationship header %v", head)
	}
	if len(rows) != len(g.EdgeList) {
		t.Errorf("%d relationship rows, want %d", len(rows), len(g.EdgeList))
	}
	for _, r := range rows {
		if !ids[r[":START_ID(Actor)"]] || !ids[r[":END_ID(Actor)"]] {
			t.Errorf("relationship %v has an endpoint with no node", r)
		}
		if !upperSnake.MatchString(r[":TYPE"]) {
			t.Errorf("relationship type %q is not UPPER_SNAKE", r[":TYPE"])
		}
		for i, h := range head {
			v := r[h]
			if strings.HasSuffix(h, ":boolean") && v != "true" && v != "false" {
				t.Errorf("column %d %s = %q, want exactly true or false", i, h, v)
			}
			if strings.ContainsAny(v, "\r\n") {
				t.Errorf("relationship value %q holds a line break", v)
			}
		}
	}
}

func TestNeo4jRules(t *testing.T) {
	for _, multi := range []bool{false, true} {
		g := fixture(multi)
		var nodes, rels bytes.Buffer
		if err := WriteNeo4jNodes(&nodes, g, Options{Multi: multi}); err != nil {
			t.Fatal(err)
		}
		if err := WriteNeo4jRelationships(&rels, g, Options{Multi: multi}); err != nil {
			t.Fatal(err)
		}
		checkNeo4j(t, g, nodes.Bytes(), rels.Bytes())
		if multi && !strings.Contains(rels.String(), "negated:boolean") {
			t.Error("multigraph relationships lack negated:boolean")
		}
	}
}

func TestRelType(t *testing.T) {
	tests := []struct{ in, want string }{
		{"supplied_to", "SUPPLIED_TO"},
		{"make statement", "MAKE_STATEMENT"},
		{"  --visit--  ", "VISIT"},
		{"Москва", "RELATED_TO"},
		{"", "RELATED_TO"},
		{"3rd party", "R_3RD_PARTY"},
		{"a&b\"c", "A_B_C"},
	}
	for _, tt := range tests {
		if got := RelType(tt.in); got != tt.want {
			t.Errorf("RelType(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// N-Quads line grammar (the subset we write): subject blank node, IRI
// predicate, object blank node or literal with optional datatype IRI.
var (
	nqBlank   = `_:[A-Za-z0-9_][A-Za-z0-9_.-]*[A-Za-z0-9_-]`
	nqIRI     = `<[^<>"{}|^` + "`" + `\\\x00-\x20]+>`
	nqLiteral = `"(?:[^"\\\n\r]|\\[tbnrf"'\\])*"(?:\^\^` + nqIRI + `)?`
	nqLine    = regexp.MustCompile(`^` + nqBlank + ` ` + nqIRI + ` (?:` + nqBlank + `|` + nqLiteral + `) \.$`)
	nqTyped   = regexp.MustCompile(`"([^"]*)"\^\^<xs:(\w+)>`)
	rfc3339Re = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)
)

// checkNQuads checks every line's grammar and typed literal values, and
// that every blank node used as an object is also described.
func checkNQuads(t testing.TB, b []byte) {
	t.Helper()
	subjects := map[string]bool{}
	var objects []string
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if line == "" {
			continue
		}
		if !nqLine.MatchString(line) {
			t.Errorf("line %d is not an N-Quad: %q", i+1, line)
			continue
		}
		f := strings.SplitN(line, " ", 3)
		subjects[f[0]] = true
		if strings.HasPrefix(f[2], "_:") {
			objects = append(objects, strings.TrimSuffix(f[2], " ."))
		}
		if m := nqTyped.FindStringSubmatch(line); m != nil {
			switch m[2] {
			case "dateTime":
				if !rfc3339Re.MatchString(m[1]) {
					t.Errorf("line %d: %q is not RFC 3339", i+1, m[1])
				}
			case "boolean":
				if m[1] != "true" && m[1] != "false" {
					t.Errorf("line %d: boolean %q", i+1, m[1])
				}
			case "int":
				if !regexp.MustCompile(`^-?\d+$`).MatchString(m[1]) {
					t.Errorf("line %d: int %q", i+1, m[1])
				}
			case "float":
				if !regexp.MustCompile(`^-?\d+(\.\d+)?$`).MatchString(m[1]) {
					t.Errorf("line %d: float %q", i+1, m[1])
				}
			default:
				t.Errorf("line %d: unexpected datatype %s", i+1, m[2])
			}
		}
	}
	for _, o := range objects {
		if !subjects[o] {
			t.Errorf("blank node %s is referenced but never described", o)
		}
	}
}

func TestNQuads(t *testing.T) {
	for _, multi := range []bool{false, true} {
		g := fixture(multi)
		var buf bytes.Buffer
		if err := WriteNQuads(&buf, g, Options{Multi: multi}); err != nil {
			t.Fatal(err)
		}
		checkNQuads(t, buf.Bytes())
		// One Actor per node, one Relation/Event per edge.
		typ := `"Relation"`
		if multi {
			typ = `"Event"`
		}
		if got := strings.Count(buf.String(), `<dgraph.type> "Actor"`); got != len(g.NodeList) {
			t.Errorf("%d actors, want %d", got, len(g.NodeList))
		}
		if got := strings.Count(buf.String(), `<dgraph.type> `+typ); got != len(g.EdgeList) {
			t.Errorf("%d %s nodes, want %d", got, typ, len(g.EdgeList))
		}
		// The live loader's --upsertPredicate xid keeps each blank node's
		// name in xid and finds the node by it on a reload: a triple of
		// ours setting xid would overwrite that and duplicate every node
		// on the next load. The names are stable from export to export.
		if strings.Contains(buf.String(), "<xid>") || !strings.Contains(buf.String(), `<kg_id> "actor:`) {
			t.Error("the RDF sets xid itself, or lacks kg_id")
		}
		var again bytes.Buffer
		if err := WriteNQuads(&again, fixture(multi), Options{Multi: multi}); err != nil || again.String() != buf.String() {
			t.Errorf("a second export differs (%v): blank-node names must be stable", err)
		}
		// A year-only date starts on January 1st and ends on December 31st.
		if !strings.Contains(buf.String(), `<first_date> "2016-01-01T00:00:00Z"^^<xs:dateTime>`) {
			t.Error("year-only first date not written as 2016-01-01T00:00:00Z")
		}
	}
	var schema bytes.Buffer
	if err := WriteDgraphSchema(&schema, fixture(true), Options{Multi: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"xid: string @index(exact) @upsert .", "source: uid @reverse .", "first_date: datetime",
		"centrality_pagerank: float .", "aliases: [string]", "type Event {", "type Actor {"} {
		if !strings.Contains(schema.String(), want) {
			t.Errorf("schema lacks %q", want)
		}
	}
}

func TestNQuadString(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, `"plain"`},
		{`say "hi"`, `"say \"hi\""`},
		{"a\\b\nc\rd\te", `"a\\b\nc\rd\te"`},
		{"bell\x07", `"bell"`},
		{"北京", `"北京"`},
	}
	for _, tt := range tests {
		if got := nquadString(tt.in); got != tt.want {
			t.Errorf("nquadString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestJSONStyles(t *testing.T) {
	g := fixture(true)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, g, Options{Multi: true}); err != nil {
		t.Fatal(err)
	}
	var gl struct {
		Options struct {
			Type  string
			Multi bool
		}
		Nodes []struct {
			Key        string
			Attributes map[string]any
		}
		Edges []struct {
			Key, Source, Target string
			Attributes          map[string]any
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &gl); err != nil {
		t.Fatalf("graphology json: %v", err)
	}
	if gl.Options.Type != "directed" || !gl.Options.Multi || len(gl.Nodes) != 4 || len(gl.Edges) != len(g.EdgeList) {
		t.Errorf("graphology: options %+v, %d nodes, %d edges", gl.Options, len(gl.Nodes), len(gl.Edges))
	}
	for _, e := range gl.Edges {
		if w, _ := e.Attributes["weight"].(float64); w <= 0 {
			t.Errorf("edge %s weight %v", e.Key, e.Attributes["weight"])
		}
	}
	if _, ok := gl.Nodes[2].Attributes["aliases"].([]any); !ok {
		t.Errorf("aliases not an array: %#v", gl.Nodes[2].Attributes["aliases"])
	}

	buf.Reset()
	if err := WriteJSON(&buf, g, Options{JSONStyle: JSONCytoscape}); err != nil {
		t.Fatal(err)
	}
	var cy struct {
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &cy); err != nil {
		t.Fatalf("cytoscape json: %v", err)
	}
	for _, e := range cy.Elements.Edges {
		for _, k := range []string{"id", "source", "target", "label"} {
			if s, _ := e.Data[k].(string); s == "" {
				t.Errorf("cytoscape edge lacks %s: %v", k, e.Data)
			}
		}
	}
	if len(cy.Elements.Nodes) != 4 || cy.Elements.Nodes[0].Data["id"] != "ashfaq-kayani" {
		t.Errorf("cytoscape nodes: %v", cy.Elements.Nodes)
	}
	if err := WriteJSON(&buf, g, Options{JSONStyle: "d3"}); err == nil {
		t.Error("unknown JSON style accepted")
	}
}

func TestCSVForGephi(t *testing.T) {
	g := fixture(true)
	var nodes, edges bytes.Buffer
	if err := WriteCSVNodes(&nodes, g, Options{Multi: true}); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSVEdges(&edges, g, Options{Multi: true}); err != nil {
		t.Fatal(err)
	}
	head, rows := readCSV(t, nodes.Bytes())
	if head[0] != "Id" || head[1] != "Label" || head[len(head)-1] != "Time Interval" {
		t.Errorf("node header %v", head)
	}
	// A first-seen "2016" may mean December, so the span runs to the year end.
	if got := rows[1]["Time Interval"]; got != "<[2016-01-01,2016-12-31]>" {
		t.Errorf("pakistan interval %q", got)
	}
	head, rows = readCSV(t, edges.Bytes())
	if strings.Join(head[:7], ",") != "Source,Target,Type,Id,Label,Weight,Kind" {
		t.Errorf("edge header %v", head)
	}
	ids := map[string]bool{}
	for _, r := range rows {
		if r["Type"] != "Directed" || r["Weight"] != "1.0" || r["Kind"] != r["Label"] || ids[r["Id"]] {
			t.Errorf("edge row %v", r)
		}
		ids[r["Id"]] = true
	}
	gephiTypeGuess(t, head, rows)
}

// gephiTypeGuess mirrors the type guess of Gephi's spreadsheet importer, which
// takes a column's type from its first value: an integer column must hold
// only integers, so that no later value ("1.9" after "7") is dropped, and
// no code whose leading zero the integer would lose ("042").
func gephiTypeGuess(t *testing.T, head []string, rows []map[string]string) {
	t.Helper()
	for _, col := range head {
		first := ""
		for _, r := range rows {
			if first = r[col]; first != "" {
				break
			}
		}
		if _, err := strconv.Atoi(first); err != nil {
			continue // a double or string column: Gephi reads every value
		}
		for _, r := range rows {
			if v := r[col]; v != "" {
				if _, err := strconv.Atoi(v); err != nil {
					t.Errorf("column %s starts %q, read as integers by Gephi, then holds %q", col, first, v)
				} else if len(v) > 1 && v[0] == '0' {
					t.Errorf("column %s is read as integers by Gephi, and %q loses its leading zero", col, v)
				}
			}
		}
	}
}
