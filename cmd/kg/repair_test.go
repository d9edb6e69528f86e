package main

import (
	"path/filepath"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
)

// TestCheckRepair: kg check --repair backs the store up, rebuilds what a
// bad write left wrong, says what it changed and leaves a store that
// checks; the backup holds the store as it was.
func TestCheckRepair(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "db")
	edges := "source,target,cameo,doc\nRussia,Pakistan,042,d\nPakistan,India,112,d\nRussia,Pakistan,036,e\n"
	if code, _, errOut := runKG(t, edges, "--store", store, "import", "--input-format", "csv", "-"); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	if code, out, errOut := runKG(t, "", "--store", store, "check", "--repair"); code != 0 || !strings.HasPrefix(out, "ok:") || errOut != "" {
		t.Fatalf("healthy store: exit %d, out %q, err %q", code, out, errOut)
	}
	if m, _ := filepath.Glob(store + ".before-repair-*"); len(m) != 0 {
		t.Fatalf("a healthy store was backed up: %q", m)
	}

	// Lose an actor's graph-index row and the totals, as a write that
	// stopped half way through would if it were not one transaction.
	db, err := badger.Open(badger.DefaultOptions(store).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error {
		if err := txn.Delete([]byte("grow/russia")); err != nil {
			return err
		}
		return txn.Set([]byte("meta/stats"), make([]byte, 40))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runKG(t, "", "--store", store, "check"); code != 1 || !strings.Contains(errOut, "graph index: russia→pakistan is missing") {
		t.Fatalf("damaged store: exit %d, err %q", code, errOut)
	}

	code, out, errOut := runKG(t, "", "--store", store, "check", "--repair")
	if code != 0 || !strings.HasPrefix(out, "ok: 2 documents, 3 actors, 3 events, 2 actor pairs") {
		t.Errorf("repair: exit %d, out %q, err %q", code, out, errOut)
	}
	for _, want := range []string{"kg: check: graph index: russia→pakistan is missing", "backed up to " + store + ".before-repair-",
		"repaired: graph index rebuilt", "repaired: store totals rewritten: 2 documents"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q lacks %q", errOut, want)
		}
	}
	if code, out, _ := runKG(t, "", "--store", store, "neighbors", "Russia", "--format", "csv"); code != 0 || !strings.Contains(out, "Pakistan") {
		t.Errorf("queries after the repair: exit %d, out %q", code, out)
	}

	// The backup is the store before the repair.
	backups, _ := filepath.Glob(store + ".before-repair-*.kgbak")
	if len(backups) != 1 {
		t.Fatalf("backups %q", backups)
	}
	old := filepath.Join(dir, "old")
	if code, _, errOut := runKG(t, "", "--store", old, "restore", backups[0]); code != 1 || !strings.Contains(errOut, "graph index") {
		t.Errorf("restoring the backup gives back the damaged store: exit %d, err %q", code, errOut)
	}
}

// TestCheckRepairJSON: the JSON report names the backup and the changes.
func TestCheckRepairJSON(t *testing.T) {
	store := filepath.Join(t.TempDir(), "db")
	if code, _, errOut := runKG(t, "source,target,cameo,doc\nRussia,Pakistan,042,d\n", "--store", store, "import", "--input-format", "csv", "-"); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	db, err := badger.Open(badger.DefaultOptions(store).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error { return txn.Set([]byte("meta/stats"), make([]byte, 40)) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runKG(t, "", "--store", store, "check", "--repair", "--format", "json")
	if code != 0 || !strings.Contains(out, `"ok": true`) || !strings.Contains(out, `"backup": "`+store+".before-repair-") ||
		!strings.Contains(out, `"repaired": [`) {
		t.Errorf("exit %d, out %s", code, out)
	}
}
