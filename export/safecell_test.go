package export

import (
	"bytes"
	"strings"
	"testing"
)

func TestSafeCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Pakistan", "Pakistan"},
		{"=HYPERLINK(\"http://x\",\"a\")", "'=HYPERLINK(\"http://x\",\"a\")"},
		{"+1+1", "'+1+1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"-2.5", "-2.5"},
		{"+3", "+3"},
		{"-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"},
		{"|x", "'|x"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"", ""},
		{"a=b", "a=b"},
		{"->", "->"},
		{"-2+3", "'-2+3"},
	} {
		if got := SafeCell(c.in); got != c.want {
			t.Errorf("SafeCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCSVInjection: a hostile actor name reaches no CSV export raw, and
// RawCSV writes it as it is.
func TestCSVInjection(t *testing.T) {
	g := &MemGraph{NodeList: []Node{{ID: "x", Name: "=HYPERLINK(\"http://evil\",\"click\")"}, {ID: "y", Name: "Y"}},
		EdgeList: []Edge{{ID: "e", Source: "x", Target: "y", Label: "@SUM(A1)", Weight: 1}}}
	for _, w := range []func(*bytes.Buffer, Options) error{
		func(b *bytes.Buffer, o Options) error { return WriteCSVNodes(b, g, o) },
		func(b *bytes.Buffer, o Options) error { return WriteCSVEdges(b, g, o) },
		func(b *bytes.Buffer, o Options) error { return WriteNeo4jNodes(b, g, o) },
		func(b *bytes.Buffer, o Options) error { return WriteNeo4jRelationships(b, g, o) },
	} {
		var safe, raw bytes.Buffer
		if err := w(&safe, Options{}); err != nil {
			t.Fatal(err)
		}
		if err := w(&raw, Options{RawCSV: true}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(safe.String(), "\n") {
			for _, cell := range strings.Split(line, ",") {
				cell = strings.TrimPrefix(cell, `"`)
				if strings.HasPrefix(cell, "=") || strings.HasPrefix(cell, "@") {
					t.Errorf("a formula cell written raw: %q in\n%s", cell, safe.String())
				}
			}
		}
		if safe.String() == raw.String() && (strings.Contains(raw.String(), "=HYPERLINK") || strings.Contains(raw.String(), "@SUM")) {
			t.Errorf("RawCSV changed nothing, or the safe output kept the formula:\n%s", safe.String())
		}
	}
}

// TestNeo4jPartialDates: a date known to the year or month becomes the
// first or last day it may mean, as in the Dgraph export.
func TestNeo4jPartialDates(t *testing.T) {
	g := &MemGraph{NodeList: []Node{{ID: "x", Name: "X", FirstSeen: Date{Year: 1971}, LastSeen: Date{Year: 1971, Month: 2}}}}
	var b bytes.Buffer
	if err := WriteNeo4jNodes(&b, g, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "1971-01-01,1971-02-28") {
		t.Errorf("partial dates not expanded:\n%s", b.String())
	}
}
