// Package hugemem allocates large, long-lived, pointer-free tables in memory
// the kernel may back with 2 MiB pages.
//
// The parser's and the NER model's weight tables are tens of megabytes read
// at random, one cache line per feature. With 4 KiB pages almost every such
// read also misses the TLB, and in a virtual machine a TLB miss is a
// two-level page walk; Linux's transparent huge pages are commonly enabled
// only for memory that asks for them (madvise), which the Go heap does not.
package hugemem

import (
	"runtime"
	"unsafe"
)

// minSize is the size below which Make just uses make: a table smaller than
// a couple of huge pages gains nothing.
const minSize = 4 << 20

// Make returns a zeroed slice of n elements of T that lives as long as the
// process (loaded models do). T must hold no pointers: the garbage collector
// does not scan the memory. Where huge pages cannot be had it is an
// ordinary Go slice.
func Make[T any](n int) []T {
	s, _ := alloc[T](n)
	return s
}

// MakeFor is Make for a slice that belongs to *owner: the memory is given
// back once owner is unreachable, so the slice must not outlive it.
func MakeFor[T any, O any](owner *O, n int) []T {
	s, unmap := alloc[T](n)
	if unmap != nil {
		runtime.AddCleanup(owner, func(unmap func()) { unmap() }, unmap)
	}
	return s
}

// alloc returns the slice and, when it is mapped outside the Go heap, the
// function that unmaps it.
func alloc[T any](n int) ([]T, func()) {
	var zero T
	size := uintptr(n) * unsafe.Sizeof(zero)
	if n <= 0 || size < minSize {
		return make([]T, n), nil
	}
	p, unmap := mapHuge(size)
	if p == nil {
		return make([]T, n), nil
	}
	return unsafe.Slice((*T)(p), n), unmap
}
