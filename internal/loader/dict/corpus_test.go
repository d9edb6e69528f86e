package dict

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/refdata"
)

func readCorpus(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(refdata.Dir(tb), "corpus", "pak-russia")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		tb.Fatalf("no corpus in %s: %v", dir, err)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.String()
}

func defaultPartsForBench(tb testing.TB) []*File {
	tb.Helper()
	if _, err := Default(); err != nil {
		tb.Fatal(err)
	}
	return defaultParts
}

var update = flag.Bool("update", false, "rewrite testdata golden files")

// TestCorpusGolden pins every mention found in the reference corpus, line by
// line, so that a data or matcher change shows up as a reviewable diff.
// Rewrite with: go test ./internal/loader/dict -run TestCorpusGolden -update
func TestCorpusGolden(t *testing.T) {
	corpus := readCorpus(t)
	d := mustDefault(t)
	var b strings.Builder
	for i, line := range strings.Split(corpus, "\n") {
		for _, m := range d.Matcher().Find(line) {
			who := ":" + m.Code
			if m.Entry != nil {
				who = m.Entry.Name + " " + m.Code
			}
			fmt.Fprintf(&b, "%d:%d-%d\t%s\t%s\t%s\n", i+1, m.Start, m.End, m.Surface, m.Kind, who)
		}
	}
	golden := filepath.Join("testdata", "corpus-matches.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("corpus matches differ from %s at line %d:\n got %q\nwant %q\n(run with -update if the change is intended)", golden, i+1, g, w)
			}
		}
	}
}
