package graph_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestOnlyStoreImportsBadger holds the package layout: Badger is imported
// by internal/graph/store alone, and linked only into packages that use the
// store, so that the model, the loader and the exporters build without it.
func TestOnlyStoreImportsBadger(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	const (
		module    = "github.com/kg-project/kg"
		storePkg  = module + "/internal/graph/store"
		badgerPkg = "github.com/dgraph-io/badger"
	)
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .Deps \" \"}}", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			t.Fatalf("go list line %q", line)
		}
		pkg, imports, deps := parts[0], strings.Fields(parts[1]), strings.Fields(parts[2])
		checked++
		for _, imp := range imports {
			if strings.HasPrefix(imp, badgerPkg) && pkg != storePkg {
				t.Errorf("%s imports %s; only %s may", pkg, imp, storePkg)
			}
		}
		linksBadger, usesStore := false, pkg == storePkg
		for _, d := range deps {
			linksBadger = linksBadger || strings.HasPrefix(d, badgerPkg)
			usesStore = usesStore || d == storePkg
		}
		if linksBadger && !usesStore {
			t.Errorf("%s links Badger without using the store", pkg)
		}
	}
	if checked < 10 {
		t.Fatalf("go list gave %d packages", checked)
	}
}
