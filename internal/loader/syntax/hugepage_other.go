//go:build !linux

package syntax

func adviseHuge[T any](s []T) {}
