package syntax

import (
	"os"
	"path/filepath"
	"testing"
)

// udDir finds the UD English Web Treebank beside the repository
// (../shared/ud). Without it the test is skipped, except under CI=true,
// where the treebank must be there.
func udDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "ud")
		if _, err := os.Stat(filepath.Join(p, "en_ewt-ud-dev.conllu")); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if os.Getenv("CI") == "true" {
		tb.Fatal("the UD treebank (../shared/ud) is missing")
	}
	tb.Skip("the UD treebank (../shared/ud) is not beside the repository")
	return ""
}
