package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

// backedUp returns a store on disk holding three documents and its backup.
func backedUp(t *testing.T) (*Store, []byte) {
	t.Helper()
	s := openDir(t, filepath.Join(t.TempDir(), "src"), false)
	for i := 0; i < 3; i++ {
		mustPut(t, s, testDoc(fmt.Sprintf("doc%d.txt", i),
			fmt.Sprintf("Russia and Pakistan held talks in Moscow on day %d.", i), "India criticised Pakistan."), false, graph.Added)
	}
	var b bytes.Buffer
	if err := s.Backup(&b); err != nil {
		t.Fatal(err)
	}
	return s, b.Bytes()
}

func TestBackupRestore(t *testing.T) {
	src, data := backedUp(t)
	dst := openDir(t, filepath.Join(t.TempDir(), "dst"), false)
	if err := dst.Restore(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	a, b := collectEvents(t, src), collectEvents(t, dst)
	sortEventsByID(a)
	sortEventsByID(b)
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("restored events differ: %d against %d", len(b), len(a))
	}
	if sa, sb := mustStats(t, src), mustStats(t, dst); !reflect.DeepEqual(sa, sb) {
		t.Errorf("restored stats %+v, want %+v", sb, sa)
	}
	r, err := dst.Check(context.Background())
	if err != nil || !r.OK() {
		t.Errorf("restored store checks: %v %v", r.Problems, err)
	}
	// A second restore into the same store would mix two stores.
	if err := dst.Restore(bytes.NewReader(data)); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("restore into a full store: %v, want ErrNotEmpty", err)
	}
}

func TestRestoreRefusesOtherFiles(t *testing.T) {
	_, data := backedUp(t)
	for _, bad := range [][]byte{nil, []byte("hello\n"), []byte(backupMagic[:5]), data[len(backupMagic):]} {
		dst := openMem(t)
		if err := dst.Restore(bytes.NewReader(bad)); !errors.Is(err, ErrNotBackup) {
			t.Errorf("restore of %d bytes of something else: %v, want ErrNotBackup", len(bad), err)
		}
	}
}

// TestRestoreTruncated cuts the backup at many places: the restore fails,
// or Check finds the store incomplete. Never does a cut backup pass for a
// whole one.
func TestRestoreTruncated(t *testing.T) {
	_, data := backedUp(t)
	n := len(data)
	for _, cut := range []int{len(backupMagic) + 1, n / 4, n / 2, 3 * n / 4, n - 7, n - 1} {
		dst := openMem(t)
		if err := dst.Restore(bytes.NewReader(data[:cut])); err != nil {
			continue
		}
		r, err := dst.Check(context.Background())
		if err == nil && r.OK() {
			t.Errorf("backup cut at byte %d of %d restored and checked as whole", cut, n)
		}
	}
}

// TestRecode: an extraction made again with another dictionary recodes the
// stored actors it names; a plain one only fills gaps.
func TestRecode(t *testing.T) {
	s := openMem(t)
	x := testDoc("a.txt", "Russia and Pakistan held talks in Moscow.")
	mustPut(t, s, x, false, graph.Added)
	actors, err := s.Actors()
	if err != nil || len(actors) == 0 {
		t.Fatal(actors, err)
	}
	id, was := actors[0].ID, actors[0].Code
	for _, recode := range []bool{false, true} {
		y := testDoc("a.txt", "Russia and Pakistan held talks in Moscow.")
		for i := range y.Actors {
			if y.Actors[i].ID == id {
				y.Actors[i].Code = "XXXGOV"
			}
		}
		y.Recode = recode
		mustPut(t, s, y, true, graph.Replaced)
		got, err := s.Actor(id)
		if err != nil {
			t.Fatal(err)
		}
		want := was
		if recode {
			want = "XXXGOV"
		}
		if got.Code != want {
			t.Errorf("recode=%v: code %s, want %s", recode, got.Code, want)
		}
	}
}
