package store

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

// diskStore writes a few documents to a store in a new directory, closes
// it and returns the directory.
func diskStore(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "db")
	s, err := Open(DefaultOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"a", "b", "c", "d", "e", "f"} {
		x := testDoc(name, "Pakistan met Russia "+name+".", "Russia praised Pakistan.", "Pakistan asked the UN.", strings.Repeat("More words. ", i+1))
		if _, err := s.PutDocument(x, false); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func copyDir(t *testing.T, from string) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), "copy")
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return to
}

// TestDamagedManifestNotRepaired: Badger, even read-only, deletes the
// tables a MANIFEST does not list; a truncated MANIFEST must be reported,
// and every file left as it was.
func TestDamagedManifestNotRepaired(t *testing.T) {
	dir := diskStore(t)
	if err := os.Truncate(filepath.Join(dir, "MANIFEST"), 8); err != nil {
		t.Fatal(err)
	}
	before := listDir(t, dir)
	for _, ro := range []bool{true, false} {
		s, err := Open(DefaultOptions(dir).WithReadOnly(ro))
		if err == nil {
			s.Close()
			t.Fatalf("read-only %v: a store with a truncated MANIFEST opened", ro)
		}
		if !errors.Is(err, ErrDamaged) || strings.Contains(err.Error(), "\n") {
			t.Errorf("read-only %v: err = %v, want one line matching ErrDamaged", ro, err)
		}
		if after := listDir(t, dir); after != before {
			t.Errorf("read-only %v: the directory changed:\n%s\nwas\n%s", ro, after, before)
		}
	}
}

// TestNotAStore: kg writes nothing into a directory of other files.
func TestNotAStore(t *testing.T) {
	for _, name := range []string{"000007.sst", "notes.txt"} {
		dir := t.TempDir()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, ro := range []bool{false, true} {
			s, err := Open(DefaultOptions(dir).WithReadOnly(ro))
			if err == nil {
				s.Close()
				t.Fatalf("%s, read-only %v: opened", name, ro)
			}
			if !ro && !errors.Is(err, ErrNotStore) {
				t.Errorf("%s: err = %v, want ErrNotStore", name, err)
			}
		}
		if b, err := os.ReadFile(path); err != nil || string(b) != "x\n" {
			t.Errorf("%s changed: %q, %v", name, b, err)
		}
		if got := listDir(t, dir); got != name+"\n" {
			t.Errorf("directory holds\n%s", got)
		}
	}
}

// TestByteFlips flips single bits in the store's files: every read either
// gives exactly the clean answer or fails; none gives a short or changed
// answer without an error.
func TestByteFlips(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the store 60 times")
	}
	dir := diskStore(t)
	read := func(dir string) (string, error) {
		s, err := Open(DefaultOptions(dir).WithReadOnly(true))
		if err != nil {
			return "", err
		}
		defer s.Close()
		var b bytes.Buffer
		if err := s.Events(func(e graph.Event) error {
			b.WriteString(e.ID + e.Source + e.Target + e.CAMEO + e.Sentence + "\n")
			return nil
		}); err != nil {
			return "", err
		}
		actors, err := s.Actors()
		if err != nil {
			return "", err
		}
		for _, a := range actors {
			b.WriteString(a.ID + a.Name + strings.Join(a.Aliases, ",") + "\n")
		}
		counts, err := s.DocumentEventCounts()
		if err != nil {
			return "", err
		}
		for _, n := range counts {
			b.WriteByte(byte('0' + n%10))
		}
		return b.String(), nil
	}
	clean, err := read(dir)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var files []string
	for _, e := range strings.Fields(listDir(t, dir)) {
		if strings.HasSuffix(e, ".sst") || strings.HasSuffix(e, ".vlog") || e == "MANIFEST" {
			files = append(files, e)
		}
	}
	same, failed := 0, 0
	for i := range 60 {
		c := copyDir(t, dir)
		name := files[rng.IntN(len(files))]
		path := filepath.Join(c, name)
		b, err := os.ReadFile(path)
		if err != nil || len(b) == 0 {
			continue
		}
		k := rng.IntN(len(b))
		b[k] ^= 1 << rng.IntN(8)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := read(c)
		switch {
		case err != nil:
			failed++
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("flip %d (%s byte %d): error of several lines: %v", i, name, k, err)
			}
		case got == clean:
			same++
		default:
			t.Errorf("flip %d (%s byte %d): a different answer and no error", i, name, k)
		}
	}
	t.Logf("60 flips: %d read the clean answer, %d failed with an error", same, failed)
}

func listDir(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(e.Name())
		b.WriteByte('\n')
	}
	return b.String()
}
