//go:build !linux

package store

// releaseMapped is a no-op where the process's mappings cannot be listed.
func releaseMapped(string) {}
