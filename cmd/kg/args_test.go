package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/loader/input"
	"github.com/spf13/cobra"
)

// argCounts is how many positional arguments each command takes: min and
// max, max -1 for any number. Every runnable command must be listed.
var argCounts = map[string][2]int{
	"actors": {0, 0}, "backup": {1, 1}, "balance": {0, 0}, "check": {0, 0}, "central": {0, 0}, "communities": {0, 0},
	"demo": {0, 0}, "dict check": {1, -1}, "dict import": {1, -1}, "dict show": {0, 0},
	"docs": {0, 0}, "export": {0, 0}, "extract": {0, -1}, "import": {1, -1},
	"link": {3, 3}, "load": {1, -1}, "neighbors": {1, 1}, "parse": {0, -1},
	"panel": {0, 0}, "compare": {2, 2}, "serve": {0, 0}, "path": {2, 2}, "reindex": {0, 0}, "restore": {1, 1}, "stats": {0, 0}, "synth": {0, 0},
	"timeline": {2, 2}, "triples": {0, 0},
}

// TestArgumentCounts runs every command with one argument too few and one
// too many: each is a usage error, exit status 2 with a hint to --help,
// before any store or file is opened.
func TestArgumentCounts(t *testing.T) {
	var paths []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Hidden && sub.Name() != "synth" || sub.Name() == "help" || sub.Name() == "completion" {
				continue
			}
			if sub.Runnable() {
				paths = append(paths, strings.TrimPrefix(sub.CommandPath(), "kg "))
			}
			walk(sub)
		}
	}
	walk(newRootCmd(newFactory(&ioStreams{})))
	if len(paths) < len(argCounts) {
		t.Errorf("found %d commands, the table has %d", len(paths), len(argCounts))
	}
	dir := t.TempDir()
	for _, p := range paths {
		n, ok := argCounts[p]
		if !ok {
			t.Errorf("kg %s: not in the argument table", p)
			continue
		}
		var cases [][]string
		if n[0] > 0 {
			cases = append(cases, make([]string, n[0]-1))
		}
		if n[1] >= 0 {
			cases = append(cases, make([]string, n[1]+1))
		}
		for _, extra := range cases {
			for i := range extra {
				extra[i] = "arg" + string(rune('A'+i))
			}
			args := append([]string{"--store", dir + "/none"}, strings.Fields(p)...)
			args = append(args, extra...)
			code, _, errOut := runKG(t, "", args...)
			if code != 2 || !strings.Contains(errOut, "--help") {
				t.Errorf("kg %s with %d arguments: exit %d, stderr %q; want 2 and a hint to --help", p, len(extra), code, errOut)
			}
		}
	}
}

// TestUntilDone: a computation that cannot stop midway does not hold the
// command once its context is done.
func TestUntilDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	block := make(chan struct{})
	defer close(block)
	cancel()
	_, err := untilDone(ctx, func() (int, error) { <-block; return 1, nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	v, err := untilDone(context.Background(), func() (int, error) { return 7, nil })
	if v != 7 || err != nil {
		t.Errorf("got %v, %v; want 7, nil", v, err)
	}
}

// TestCSVInjectionListings: an actor named like a formula is neutralised
// in every CSV listing, and written as it is with --raw-csv.
func TestCSVInjectionListings(t *testing.T) {
	store := filepath.Join(t.TempDir(), "db")
	edges := "source,target,cameo,doc\n\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",Pakistan,042,d\n"
	if code, _, errOut := runKG(t, edges, "--store", store, "import", "--input-format", "csv", "-"); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	_, safe, _ := runKG(t, "", "--store", store, "actors", "--format", "csv")
	if !strings.Contains(safe, "'=HYPERLINK") || strings.Contains(safe, ",=HYPERLINK") || strings.Contains(safe, "\"=HYPERLINK") {
		t.Errorf("actors --format csv:\n%s", safe)
	}
	_, raw, _ := runKG(t, "", "--store", store, "--raw-csv", "actors", "--format", "csv")
	if strings.Contains(raw, "'=HYPERLINK") || !strings.Contains(raw, "=HYPERLINK") {
		t.Errorf("--raw-csv actors --format csv:\n%s", raw)
	}
}

// TestHostileNames: control characters in a file name reach neither
// stderr nor a table raw.
func TestHostileNames(t *testing.T) {
	for _, c := range []struct{ in, bad string }{
		{"a\x1b[2Jb", "\x1b"},
		{"a\rkg: fine", "\r"},
	} {
		if got := oneLine(c.in); strings.Contains(got, c.bad) {
			t.Errorf("oneLine(%q) = %q", c.in, got)
		}
		var b strings.Builder
		fmt.Fprintf(safeText{&b}, "kg: %s: not found\n", c.in)
		if strings.Contains(b.String(), c.bad) || !strings.HasSuffix(b.String(), "\n") {
			t.Errorf("stderr got %q", b.String())
		}
	}
	if got := input.DisplayName("evil\nkg: all good.txt"); strings.Contains(got, "\n") {
		t.Errorf("DisplayName kept a newline: %q", got)
	}
}

// TestCheckCommand: kg check on a healthy store says ok, exit 0.
func TestCheckCommand(t *testing.T) {
	store := filepath.Join(t.TempDir(), "db")
	edges := "source,target,cameo,doc\nRussia,Pakistan,042,d\n"
	if code, _, errOut := runKG(t, edges, "--store", store, "import", "--input-format", "csv", "-"); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	code, out, errOut := runKG(t, "", "--store", store, "check")
	if code != 0 || !strings.HasPrefix(out, "ok: 1 documents, 2 actors, 1 events, 1 actor pairs") {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
	code, out, _ = runKG(t, "", "--store", store, "check", "--format", "json")
	if code != 0 || !strings.Contains(out, `"ok": true`) {
		t.Errorf("json: exit %d, out %q", code, out)
	}
}

// TestLoadSkipsOtherKinds: files kg does not read in a folder are named in
// one line; the load fails only when nothing in it could be read.
func TestLoadSkipsOtherKinds(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"a.pdf": "%PDF-1.4\n", "b.docx": "PK\x03\x04"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	store := filepath.Join(t.TempDir(), "db")
	code, _, errOut := runKG(t, "", "--store", store, "load", "--quiet", dir)
	if code != 1 || !strings.Contains(errOut, "skipped 2 files kg does not read") || !strings.Contains(errOut, "pdftotext") {
		t.Errorf("only unreadable files: exit %d, stderr %q", code, errOut)
	}
	if err := os.WriteFile(filepath.Join(dir, "c.txt"), []byte("Pakistan met Russia in Moscow on Monday."), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runKG(t, "", "--store", store, "load", "--quiet", dir)
	if code != 0 || !strings.Contains(errOut, "skipped 2 files") {
		t.Errorf("with a text file too: exit %d, stderr %q", code, errOut)
	}
}

// countingWriter counts the writes that reach it.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n++; return len(p), nil }

// TestListingsBuffered: a piped listing of many rows reaches its output in
// a few writes, not one per cell.
func TestListingsBuffered(t *testing.T) {
	rows := make([]int, 5000)
	cols := []column[int]{{"a", func(i int) string { return "x" }}, {"b", func(i int) string { return "y" }}}
	for _, format := range []string{formatTable, formatCSV, formatJSONL} {
		var w countingWriter
		if err := printRecords(&w, format, false, rows, cols); err != nil {
			t.Fatal(err)
		}
		if w.n > 10 {
			t.Errorf("%s: %d writes for %d rows", format, w.n, len(rows))
		}
	}
}

// TestTriplesCSVRoundTrip: kg triples --format csv imports back with no
// warning, into the same triples.
func TestTriplesCSVRoundTrip(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	edges := "source,target,cameo,doc,date,negated\nRussia,Pakistan,042,d,2016-09-24,false\nPakistan,India,112,d,2016,true\n"
	if code, _, errOut := runKG(t, edges, "--store", a, "import", "--input-format", "csv", "-"); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	_, csv1, _ := runKG(t, "", "--store", a, "triples", "--format", "csv")
	code, _, errOut := runKG(t, csv1, "--store", b, "import", "--input-format", "csv", "-")
	if code != 0 || strings.Contains(errOut, "warning") {
		t.Fatalf("re-import: exit %d, stderr %q", code, errOut)
	}
	if _, csv2, _ := runKG(t, "", "--store", b, "triples", "--format", "csv"); csv2 != csv1 {
		t.Errorf("round trip changed the triples:\n%s\nwas\n%s", csv2, csv1)
	}
	if _, table, _ := runKG(t, "", "--store", a, "triples"); !strings.Contains(table, "not") {
		t.Errorf("the negated event is not marked in the table:\n%s", table)
	}
}

// TestResolveThroughDictionary: an alias of the dictionary that the text
// never used ("USSR") finds the stored actor.
func TestResolveThroughDictionary(t *testing.T) {
	store := filepath.Join(t.TempDir(), "db")
	edges := "source,target,cameo,doc\nSoviet Union,Afghanistan,192,d\n"
	if code, _, errOut := runKG(t, edges, "--store", store, "import", "--input-format", "csv", "-"); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	code, out, errOut := runKG(t, "", "--store", store, "neighbors", "USSR")
	if code != 0 || !strings.Contains(out, "Afghanistan") {
		t.Errorf("neighbors USSR: exit %d, out %q, err %q", code, out, errOut)
	}
}
