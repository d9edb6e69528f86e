package main

import (
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// defaultMemory is the budget of the commands that write a store in bulk.
const defaultMemory = 640 << 20

// addMemoryFlag adds --memory, writing to n.
func addMemoryFlag(cmd *cobra.Command, n *int64) {
	*n = defaultMemory
	cmd.Flags().Var(sizeValue{n: n, min: 64 << 20}, "memory", "memory the Go heap may take before it is collected harder: a soft limit (GOMEMLIMIT, when set, wins); the store's mapped files come on top")
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
