package main

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/cobra"
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
