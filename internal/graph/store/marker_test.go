package store

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/kg-project/kg/internal/graph"
)

// dirDigest sums the names and contents of the files in dir.
func dirDigest(t *testing.T, dir string) [32]byte {
	t.Helper()
	h := sha256.New()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		h.Write([]byte(e.Name()))
		h.Write(b)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// TestMarker: kg marks the stores it makes; a store of a kg that wrote
// no mark is marked at its next write; another program's Badger database
// is refused, read-only or not, and not one of its files changes.
func TestMarker(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir, false)
	mustPut(t, s, testDoc("a", "Pakistan met Russia."), false, graph.Added)
	s.Close()
	marker := filepath.Join(dir, markerFile)
	if _, err := os.Stat(marker); err != nil {
		t.Fatalf("a new store has no marker: %v", err)
	}

	if err := os.Remove(marker); err != nil {
		t.Fatal(err)
	}
	openDir(t, dir, true).Close()
	if _, err := os.Stat(marker); !os.IsNotExist(err) {
		t.Errorf("a read-only open wrote the marker: %v", err)
	}
	openDir(t, dir, false).Close()
	if _, err := os.Stat(marker); err != nil {
		t.Errorf("an unmarked kg store was not marked by a writable open: %v", err)
	}

	other := t.TempDir()
	db, err := badger.Open(badger.DefaultOptions(other).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(txn *badger.Txn) error { return txn.Set([]byte("user/1"), []byte("data")) }); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	before := dirDigest(t, other)
	for _, ro := range []bool{false, true} {
		_, err := Open(DefaultOptions(other).WithReadOnly(ro))
		if !errors.Is(err, ErrNotStore) {
			t.Errorf("another program's Badger database, read-only %v: %v, want ErrNotStore", ro, err)
		}
	}
	if dirDigest(t, other) != before {
		t.Error("opening another program's Badger database changed its files")
	}
}
