package main

import (
	"math"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph/store"
)

func TestMemoryFlag(t *testing.T) {
	for _, c := range []struct {
		arg  string
		want int64
		err  bool
	}{
		{"", defaultMemory, false},
		{"1GB", 1 << 30, false},
		{"512MB", 512 << 20, false},
		{"10MB", 0, true}, // below the floor
		{"lots", 0, true},
	} {
		cmd := &cobra.Command{Use: "x"}
		var n int64
		addMemoryFlag(cmd, &n)
		if c.arg == "" {
			if n != c.want {
				t.Errorf("default = %d, want %d", n, c.want)
			}
			continue
		}
		err := cmd.Flags().Set("memory", c.arg)
		if (err != nil) != c.err {
			t.Errorf("--memory %s: error %v, want error %v", c.arg, err, c.err)
		}
		if err == nil && n != c.want {
			t.Errorf("--memory %s = %d, want %d", c.arg, n, c.want)
		}
		if err != nil && !strings.Contains(err.Error(), "at least 64.0MB") {
			t.Errorf("--memory %s: error %q does not give the floor", c.arg, err)
		}
	}
}

// TestApplyMemory: the limit is set for the run and the previous one put
// back after it; GOMEMLIMIT in the environment wins.
func TestApplyMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Setenv("GOMEMLIMIT", "")
	restore := applyMemory(300 << 20)
	if got := debug.SetMemoryLimit(-1); got != 300<<20 {
		t.Errorf("limit during the run = %d, want %d", got, 300<<20)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after the run = %d, want %d back", got, before)
	}
	t.Setenv("GOMEMLIMIT", "2GiB")
	applyMemory(300 << 20)()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set the limit changed to %d", got)
	}
}

// TestStoreOptionsMemTable: a writer's memtables follow the soft memory
// limit in force when the store is opened (a sixteenth, 16 to 64 MiB);
// with no limit, or for a reader, they stay the store's default.
func TestStoreOptionsMemTable(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(prev)
	def := store.DefaultOptions("x").MemTableSize
	for _, c := range []struct {
		limit    int64
		readOnly bool
		want     int64
	}{
		{defaultMemory, false, defaultMemory / 16},
		{1 << 30, false, 64 << 20},
		{4 << 30, false, 64 << 20},
		{128 << 20, false, 16 << 20},
		{math.MaxInt64, false, def},
		{defaultMemory, true, def},
	} {
		debug.SetMemoryLimit(c.limit)
		if got := storeOptions("x", c.readOnly).MemTableSize; got != c.want {
			t.Errorf("limit %d, read-only %v: memtable %d, want %d", c.limit, c.readOnly, got, c.want)
		}
	}
}
