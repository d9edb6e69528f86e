package syntax

import (
	"syscall"
	"unsafe"
)

// adviseHuge asks the kernel to back the memory of s with huge pages, where
// transparent huge pages are enabled on request. Scoring reads a weight
// table at random: with small pages nearly every lookup also misses the
// TLB, and the page walks, not the lookups, bound how many can be waited
// for together. s must not have been written to yet.
func adviseHuge[T any](s []T) {
	const huge = 2 << 20
	size := uintptr(cap(s)) * unsafe.Sizeof(*new(T))
	if size < 2*huge {
		return
	}
	p := unsafe.Pointer(unsafe.SliceData(s))
	start := uintptr(p)
	lo := (start + huge - 1) &^ (huge - 1)
	hi := (start + size) &^ (huge - 1)
	if hi <= lo {
		return
	}
	// The advice is only that: without it the table works the same.
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(p, lo-start)), hi-lo), syscall.MADV_HUGEPAGE)
}
