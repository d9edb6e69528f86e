package text

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/clean/*.golden")

// describe renders everything Clean, Sentences and FindDates say about a
// document, one fact per line, for golden comparison.
func describe(a Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\ndate: %s\nbyline: %s\n", a.Title, a.Date, a.Byline)
	for _, d := range a.Dropped {
		fmt.Fprintf(&b, "dropped %d %s: %s\n", d.Line, d.Reason, d.Text)
	}
	for _, s := range Sentences(a.Text) {
		fmt.Fprintf(&b, "[%d %d:%d] %s\n", s.Index, s.Start, s.End, s.Text)
		for _, m := range FindDates(s.Text, a.Date) {
			fmt.Fprintf(&b, "    date %q = %s\n", m.Text, m.Date)
		}
	}
	return b.String()
}

// TestGolden cleans the documents in testdata/clean and compares the result
// with their .golden files (go test -run TestGolden -update rewrites them).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "clean", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext == ".golden" {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Clean(raw, ext[1:], CleanOptions{})
			if err != nil {
				t.Fatalf("clean %s: %v", f, err)
			}
			got := describe(a)
			golden := strings.TrimSuffix(f, ext) + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create it): %v", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n got:\n%s\nwant:\n%s", f, golden, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("no documents in testdata/clean")
	}
}
