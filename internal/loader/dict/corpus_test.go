package dict

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// sharedDir finds ../shared beside the module root; tests skip without it
// unless CI=true, where its absence is a failure.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("shared data missing: %v", err)
		}
		tb.Skipf("shared data missing: %v", err)
	}
	return shared
}

func readCorpus(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(sharedDir(tb), "corpus", "pak-russia")
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
