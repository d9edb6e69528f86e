package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/kg-project/kg/internal/loader/input"
	"github.com/spf13/cobra"
)

// defaultMemory is the budget of the commands that write a store in bulk.
const defaultMemory = 640 << 20

// memoryValue is the --memory flag of the commands that write a store in
// bulk (load, import, reindex).
type memoryValue struct{ n *int64 }

func (v memoryValue) String() string {
	if v.n == nil {
		return ""
	}
	return input.FormatSize(*v.n)
}

func (v memoryValue) Set(s string) error {
	n, err := input.ParseSize(s)
	if err != nil || n < 64<<20 {
		return fmt.Errorf("want a size of at least 64MB, such as 1GB")
	}
	*v.n = n
	return nil
}

func (memoryValue) Type() string { return "size" }

// addMemoryFlag adds --memory, writing to n.
func addMemoryFlag(cmd *cobra.Command, n *int64) {
	*n = defaultMemory
	cmd.Flags().Var(memoryValue{n}, "memory", "memory the Go heap may take before it is collected harder: a soft limit (GOMEMLIMIT, when set, wins); the store's mapped files come on top")
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
