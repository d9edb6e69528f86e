package main

import (
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// defaultMemory is the budget of the commands that write a store in bulk.
const defaultMemory = 500 << 20

// memTableFor is the memtable size of a store written under a heap limit
// of limit bytes: a sixteenth of it, between 16 and 64 MiB. Badger
// builds each level-0 table from a memtable, and each table builder's
// buffers (eight kept for reuse) grow to twice the table, so the
// memtable sets most of what a bulk write holds beyond its own data; it
// also bounds one transaction (15 % of it), so a larger budget admits
// larger documents.
func memTableFor(limit int64) int64 {
	return min(max(limit/16, 16<<20), 64<<20)
}

// addMemoryFlag adds --memory, writing to n.
func addMemoryFlag(cmd *cobra.Command, n *int64) {
	*n = defaultMemory
	cmd.Flags().Var(sizeValue{n: n, min: 64 << 20}, "memory", "memory the Go heap may take before it is collected harder: a soft limit (GOMEMLIMIT, when set, wins) that also sizes the store's memtables, and so the largest document one transaction takes; the store's mapped files come on top")
}

// applyMemory sets the runtime's soft memory limit to n bytes, unless the
// environment set one (GOMEMLIMIT), which then wins, and returns what puts
// the previous limit back (kg serve runs loads in its own process).
// Without a limit the collector lets the heap grow to twice what is live,
// which on a long load is most of the peak.
func applyMemory(n int64) (restore func()) {
	if n <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(n)
	return func() { debug.SetMemoryLimit(prev) }
}
