package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Neo4j import file names, inside the output directory.
const (
	Neo4jNodesFile         = "actors.csv"
	Neo4jRelationshipsFile = "relationships.csv"
)

// WriteNeo4jNodes writes the node file of `neo4j-admin database import`:
// actorId:ID(Actor) (unique within the Actor id space), typed property
// columns (aliases:string[] split on ";", events_out:int, first_seen:date,
// centrality_*:double) and :LABEL ("Actor;Country"). Values never contain a
// line break (the importer rejects them unless --multiline-fields is on), and
// a ";" inside an alias becomes "," so that it is not split.
func WriteNeo4jNodes(w io.Writer, g Graph, opts Options) error {
	nodes, _, err := sortedNodes(g)
	if err != nil {
		return fmt.Errorf("neo4j nodes: %w", err)
	}
	cols := nodeColumns(nodes)
	cw := csv.NewWriter(w)
	head := []string{"actorId:ID(Actor)"}
	for _, c := range cols {
		head = append(head, c.Name+neo4jType(c.Kind))
	}
	head = append(head, ":LABEL")
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("neo4j nodes: %w", err)
	}
	row := make([]string, 0, len(head))
	for i := range nodes {
		n := &nodes[i]
		row = append(row[:0], neo4jText(n.ID))
		for _, c := range cols {
			row = append(row, neo4jValue(c, c.node(n)))
		}
		labels := "Actor"
		if l := neo4jLabel(n.Type); l != "" {
			labels += ";" + l
		}
		row = append(row, labels)
		if err := cw.Write(cells(row, opts.RawCSV)); err != nil {
			return fmt.Errorf("neo4j nodes: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("neo4j nodes: %w", err)
	}
	return nil
}

// WriteNeo4jRelationships writes the relationship file: :START_ID(Actor),
// :END_ID(Actor), :TYPE (the relation in UPPER_SNAKE case, never empty),
// then edgeId, label, weight:double and the typed edge attributes
// (negated:boolean and the other event columns under Options.Multi).
// Neo4j allows parallel relationships, so a multigraph loads as is.
func WriteNeo4jRelationships(w io.Writer, g Graph, opts Options) error {
	_, ids, err := sortedNodes(g)
	if err != nil {
		return fmt.Errorf("neo4j relationships: %w", err)
	}
	cols := edgeColumns(opts.Multi)
	cw := csv.NewWriter(w)
	head := []string{":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "edgeId", "label", "weight:double"}
	for _, c := range cols {
		head = append(head, c.Name+neo4jType(c.Kind))
	}
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("neo4j relationships: %w", err)
	}
	row := make([]string, 0, len(head))
	err = g.Edges(func(e Edge) error {
		if err := checkEdge(&e, ids); err != nil {
			return err
		}
		row = append(row[:0], neo4jText(e.Source), neo4jText(e.Target), RelType(edgeLabel(&e)),
			neo4jText(e.ID), neo4jText(edgeLabel(&e)), formatFloat(e.Weight))
		for _, c := range cols {
			row = append(row, neo4jValue(c, c.edge(&e)))
		}
		return cw.Write(cells(row, opts.RawCSV))
	})
	if err != nil {
		return fmt.Errorf("neo4j relationships: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("neo4j relationships: %w", err)
	}
	return nil
}

// Neo4jImportCommand is the command that loads files written into dir
// into database db, for Neo4j 5: the database name comes before the named
// arguments (5.19 and later read it nowhere else), and
// --overwrite-destination lets the import replace a database that exists,
// as the default "neo4j" does once the server has started (stop the server,
// or the database, before importing).
func Neo4jImportCommand(dir, db string) string {
	return fmt.Sprintf(`neo4j-admin database import full %s --overwrite-destination=true --nodes=Actor=%s --relationships=%s --array-delimiter=";"`,
		shellQuote(db), shellQuote(joinPath(dir, Neo4jNodesFile)), shellQuote(joinPath(dir, Neo4jRelationshipsFile)))
}

func neo4jType(k kind) string {
	switch k {
	case kList:
		return ":string[]"
	case kInt:
		return ":int"
	case kDouble:
		return ":double"
	case kBool:
		return ":boolean"
	case kDate:
		return ":date"
	}
	return ""
}

// neo4jValue renders a value of column c for the import. A date known only
// to the year or month is written whole, as the day a span opens or closes
// on: first_* columns the first day it may mean, last_* columns the last,
// as the Dgraph export and GEXF spells read it (Neo4j's :date would read
// "1971" as 1971-01-01 even as a last-seen date).
func neo4jValue(c column, v any) string {
	if d, ok := v.(Date); ok {
		if strings.HasPrefix(c.Name, "last_") {
			return d.LastDay().String()
		}
		return d.FirstDay().String()
	}
	return neo4jText(text(v, ";"))
}

// neo4jText cleans a value and folds line breaks into spaces.
func neo4jText(s string) string {
	s = clean(s)
	if strings.ContainsAny(s, "\r\n") {
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

var nonSnake = regexp.MustCompile(`[^A-Z0-9]+`)

// RelType turns a relation label into a Neo4j relationship type:
// UPPER_SNAKE ASCII ("supplied_to" → SUPPLIED_TO, "make statement" →
// MAKE_STATEMENT). A label with no ASCII letter or digit gives RELATED_TO,
// and a leading digit gets an R_ prefix, so the type is never empty and
// never needs backquotes in Cypher.
func RelType(label string) string {
	t := strings.Trim(nonSnake.ReplaceAllString(strings.ToUpper(label), "_"), "_")
	if t == "" {
		return "RELATED_TO"
	}
	if t[0] >= '0' && t[0] <= '9' {
		t = "R_" + t
	}
	return t
}

// neo4jLabel is the node label for an actor type: "country" → Country,
// "igo" → IGO; "" when the type gives no usable label.
func neo4jLabel(typ string) string {
	switch typ {
	case "":
		return ""
	case "igo":
		return "IGO"
	}
	var b strings.Builder
	up := true
	for _, r := range typ {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' && b.Len() > 0:
			if up && r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	return b.String()
}
