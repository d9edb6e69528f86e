package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestStatsWithoutStore runs kg as main does, against a directory holding
// no store: a query must not create one and must say what to do.
func TestStatsWithoutStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	var out, errOut bytes.Buffer
	code := run([]string{"--store", dir, "stats"}, &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	want := "kg: no store at " + dir + ": run kg load first\n"
	if code != 1 || errOut.String() != want || out.Len() != 0 {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, errOut.String(), want)
	}
}

// TestImportThenStats goes through the real store on disk: import writes it,
// a later read-only command sees it.
func TestImportThenStats(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	io := func(in string) (*ioStreams, *bytes.Buffer, *bytes.Buffer) {
		var out, errOut bytes.Buffer
		return &ioStreams{In: strings.NewReader(in), Out: &out, ErrOut: &errOut}, &out, &errOut
	}
	s, _, errOut := io("source,target,cameo\nA,B,042\nB,C,190\nA,B,043\n")
	if code := run([]string{"--store", dir, "import", "-"}, s); code != 0 {
		t.Fatalf("import: exit %d, %s", code, errOut)
	}
	s, out, errOut := io("")
	if code := run([]string{"--store", dir, "stats", "--format", "jsonl"}, s); code != 0 {
		t.Fatalf("stats: exit %d, %s", code, errOut)
	}
	want := `{"documents":1,"sentences":0,"actors":3,"events":3,"edges":2}` + "\n"
	if out.String() != want {
		t.Errorf("stats = %s, want %s", out, want)
	}
}

// TestStatsEdgesAreTheGraphs: stats counts the edges of the graph that
// export writes by default, so a symmetric event links both ways and a
// negated one not at all, where the store itself counts one stored pair
// for each.
func TestStatsEdgesAreTheGraphs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	in := "source,target,cameo,negated,symmetric\nA,B,042,false,false\nB,C,057,false,true\nC,D,112,true,false\nD,E,112,true,false\n"
	if code, _, errOut := runKG(t, in, "--store", dir, "import", "-"); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	_, out, errOut := runKG(t, "", "--store", dir, "stats", "--format", "jsonl")
	want := `{"documents":1,"sentences":0,"actors":5,"events":4,"edges":3}` + "\n"
	if out != want {
		t.Errorf("stats = %s%s, want %s", out, errOut, want)
	}
	code, out, errOut := runKG(t, "", "--store", dir, "export", "--format", "csv", "-o", filepath.Join(t.TempDir(), "csv"))
	if code != 0 || !strings.Contains(out, " actors, 3 edges") {
		t.Errorf("export: exit %d, %s%s; want 3 edges as stats says", code, out, errOut)
	}
}
