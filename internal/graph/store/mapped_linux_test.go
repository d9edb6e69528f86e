package store

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/kg-project/kg/internal/graph"
)

// rssFile is the file-backed part of this process's resident set, in kB.
func rssFile(t *testing.T) int {
	t.Helper()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status")
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "RssFile:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n
		}
	}
	t.Skip("no RssFile in /proc/self/status")
	return 0
}

// TestReleaseMapped: letting go of the store's mapped pages shrinks the
// resident set by at least the tables written and loses nothing: every
// event reads back, and the store takes writes after it.
func TestReleaseMapped(t *testing.T) {
	// The store is opened through a symbolic link: the kernel names its
	// mapped files by their real path.
	dir := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(t.TempDir(), dir); err != nil {
		t.Fatal(err)
	}
	// Small memtables, so that the documents below go into tables.
	s, err := Open(DefaultOptions(dir).WithMemTableSize(2 << 20))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var want int
	for i := range 60 {
		x := benchDoc(uint64(i+1), 200, 50)
		mustPut(t, s, x, false, graph.Added)
		want += len(x.Events)
	}
	s.wmu.Lock()
	before := rssFile(t)
	releaseMapped(dir)
	after := rssFile(t)
	s.wmu.Unlock()
	if after >= before {
		t.Errorf("resident file pages %d kB before, %d kB after: nothing let go", before, after)
	}
	s.released.Store(0)
	if got := len(collectEvents(t, s)); got != want {
		t.Fatalf("%d events read back, want %d", got, want)
	}
	if s.released.Load() == 0 {
		t.Error("reading every event did not let go of the mapped pages")
	}
	mustPut(t, s, benchDoc(1000, 20, 10), false, graph.Added)
	if got := mustStats(t, s).Events; got != want+20 {
		t.Errorf("stats after another write: %d events, want %d", got, want+20)
	}
}

// TestReleaserLetsGo: a writable store lets go of the pages its mappings
// hold in the background, with no write or read of kg's asking, as it
// must while Badger compacts.
func TestReleaserLetsGo(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(DefaultOptions(dir).WithMemTableSize(2 << 20))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range 60 {
		mustPut(t, s, benchDoc(uint64(i+1), 200, 50), false, graph.Added)
	}
	// Read every key and value straight from Badger, as a compaction
	// does, so that the tables' pages are resident and nothing of kg's
	// lets them go.
	releaseMapped(dir)
	base := rssFile(t)
	err = s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if _, err := it.Item().ValueCopy(nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	read := rssFile(t)
	if read-base < 256 {
		t.Skipf("reading the store mapped only %d kB; nothing to let go", read-base)
	}
	deadline := time.Now().Add(20 * compactionRelease)
	for rssFile(t) > base+(read-base)/4 {
		if time.Now().After(deadline) {
			t.Fatalf("resident file pages %d kB before the read, %d kB after it, %d kB %s later: not let go", base, read, rssFile(t), 20*compactionRelease)
		}
		time.Sleep(compactionRelease / 2)
	}
}
