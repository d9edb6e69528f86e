// Package refdata finds, for tests, the reference material kept beside the
// repository in ../shared: the reference news corpus and the hand-coded gold
// standard.
package refdata

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of ../shared beside the module root. When it
// is absent the test is skipped, except under CI=true, where the material
// must be there and its absence fails the test.
func Dir(tb testing.TB) string {
	tb.Helper()
	root, err := moduleRoot()
	if err != nil {
		tb.Fatal(err)
	}
	shared := filepath.Join(root, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "corpus")); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("reference data missing at %s (required under CI=true): %v", shared, err)
		}
		tb.Skipf("reference data absent at %s", shared)
	}
	return shared
}

// Corpus returns the folder of the reference corpus articles.
func Corpus(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(Dir(tb), "corpus", "pak-russia")
}

// moduleRoot walks up from the working directory (a package folder while
// tests run) to the folder holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
