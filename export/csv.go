package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// WriteCSVNodes writes the node table of Gephi's spreadsheet importer
// (Data Laboratory, "Import spreadsheet"): Id and Label first, then the
// attributes, then a "Time Interval" column such as <[2016-01-01,2016-12-31]>
// that Gephi reads as the node's lifetime. List values are joined with ";".
func WriteCSVNodes(w io.Writer, g Graph, opts Options) error {
	nodes, _, err := sortedNodes(g)
	if err != nil {
		return fmt.Errorf("csv nodes: %w", err)
	}
	cols := nodeColumns(nodes)
	cw := csv.NewWriter(w)
	head := []string{"Id", "Label"}
	for _, c := range cols {
		head = append(head, c.Name)
	}
	head = append(head, "Time Interval")
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("csv nodes: %w", err)
	}
	row := make([]string, 0, len(head))
	for i := range nodes {
		n := &nodes[i]
		row = append(row[:0], clean(n.ID), clean(nodeLabel(n)))
		for _, c := range cols {
			row = append(row, gephiText(c.node(n)))
		}
		ti := ""
		if iv, ok := nodeSpan(n); ok {
			ti = gephiIntervals([]interval{iv})
		}
		row = append(row, ti)
		if err := cw.Write(cells(row, opts.RawCSV)); err != nil {
			return fmt.Errorf("csv nodes: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("csv nodes: %w", err)
	}
	return nil
}

// WriteCSVEdges writes the matching edge table: Source, Target,
// Type=Directed, Id, Label (the relation), Weight (> 0), Kind under
// Options.Multi (Gephi keeps parallel edges of different kinds), the
// attributes, and a "Time Interval" column with one interval per event
// date.
func WriteCSVEdges(w io.Writer, g Graph, opts Options) error {
	_, ids, err := sortedNodes(g)
	if err != nil {
		return fmt.Errorf("csv edges: %w", err)
	}
	cols := edgeColumns(opts.Multi)
	cw := csv.NewWriter(w)
	head := []string{"Source", "Target", "Type", "Id", "Label", "Weight"}
	if opts.Multi {
		head = append(head, "Kind")
	}
	for _, c := range cols {
		head = append(head, c.Name)
	}
	head = append(head, "Time Interval")
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("csv edges: %w", err)
	}
	row := make([]string, 0, len(head))
	err = g.Edges(func(e Edge) error {
		if err := checkEdge(&e, ids); err != nil {
			return err
		}
		row = append(row[:0], clean(e.Source), clean(e.Target), "Directed", clean(e.ID),
			clean(edgeLabel(&e)), decimal(e.Weight))
		if opts.Multi {
			row = append(row, clean(edgeLabel(&e)))
		}
		for _, c := range cols {
			v := c.edge(&e)
			if c.Code {
				v = gephiCode(v)
			}
			row = append(row, gephiText(v))
		}
		row = append(row, gephiIntervals(spells(edgeDates(&e))))
		return cw.Write(cells(row, opts.RawCSV))
	})
	if err != nil {
		return fmt.Errorf("csv edges: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("csv edges: %w", err)
	}
	return nil
}

// gephiIntervals renders closed intervals the way Gephi's spreadsheet
// importer reads a Time Interval: <[start,end];[start,end]>; "" for none.
func gephiIntervals(iv []interval) string {
	if len(iv) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteByte('<')
	for i, s := range iv {
		if i > 0 {
			b.WriteByte(';')
		}
		fmt.Fprintf(&b, "[%s,%s]", s.start, s.end)
	}
	b.WriteByte('>')
	return b.String()
}

// gephiText renders a value for Gephi's spreadsheet importer, which guesses
// a column's type from its first rows: a double always has a decimal point
// ("7.0"), so that a column whose first values are whole does not become
// an integer column that drops the later "1.9".
func gephiText(v any) string {
	if f, ok := v.(float64); ok {
		return decimal(f)
	}
	return text(v, ";")
}

// gephiCode writes a code of digits ("042") as "CAMEO 042": Gephi's
// importer, like a spreadsheet, would read a column of bare digits as
// integers and turn 042 into 42.
func gephiCode(v any) any {
	if s, ok := v.(string); ok && s != "" {
		return "CAMEO " + s
	}
	return v
}

// decimal formats f with at least one digit after the point.
func decimal(f float64) string {
	s := formatFloat(f)
	if !strings.ContainsAny(s, ".eEInN") {
		s += ".0"
	}
	return s
}
