package store

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// tmpfs mounts a tmpfs of the given size for the test, as root only.
func tmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("mount tmpfs: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// TestDiskFull: with less free space than a store needs to write safely,
// opening it to write, or writing a batch, is a one-line ErrDiskFull, not
// a crash in Badger's memory-mapped writes; once space is freed the same
// store takes the documents.
func TestDiskFull(t *testing.T) {
	small := tmpfs(t, "100m")
	if _, err := Open(DefaultOptions(filepath.Join(small, "db"))); !errors.Is(err, ErrDiskFull) || strings.Contains(err.Error(), "\n") {
		t.Errorf("open on a 100 MB file system: %v, want one line matching ErrDiskFull", err)
	}

	mnt := tmpfs(t, "400m")
	dir := filepath.Join(mnt, "db")
	s, err := Open(DefaultOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutDocument(testDoc("a", "Pakistan met Russia."), false); err != nil {
		t.Fatal(err)
	}
	filler, err := os.Create(filepath.Join(mnt, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Fallocate(int(filler.Fd()), 0, 0, 250<<20); err != nil {
		t.Skipf("fallocate: %v", err)
	}
	filler.Close()
	if _, err := s.PutDocument(testDoc("b", "Russia praised Pakistan."), false); !errors.Is(err, ErrDiskFull) {
		t.Errorf("write with 150 MB free: %v, want ErrDiskFull", err)
	}
	os.Remove(filepath.Join(mnt, "filler"))
	if _, err := s.PutDocument(testDoc("b", "Russia praised Pakistan."), false); err != nil {
		t.Errorf("write after freeing space: %v", err)
	}
	if st := mustStats(t, s); st.Documents != 2 {
		t.Errorf("stats %+v, want 2 documents", st)
	}
}
