//go:build !linux

package store

// freeBytes is unknown here: the disk-space guard is Linux only.
func freeBytes(string) (int64, bool) { return 0, false }
