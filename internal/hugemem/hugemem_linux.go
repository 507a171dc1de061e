package hugemem

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of an x86-64 and arm64 transparent huge page.
const hugePage = 2 << 20

// mapHuge maps size bytes (rounded up to whole huge pages) of anonymous
// memory aligned to a huge page, asks for huge pages, and returns it with
// the function that unmaps it; nil if mapping fails. The advice failing
// (THP disabled) leaves ordinary pages, which is still correct.
func mapHuge(size uintptr) (unsafe.Pointer, func()) {
	size = (size + hugePage - 1) &^ (hugePage - 1)
	// Over-map by one huge page so an aligned start exists inside, then
	// give back the unaligned ends.
	b, err := syscall.Mmap(-1, 0, int(size+hugePage), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil, nil
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	skip := (hugePage - base%hugePage) % hugePage
	unmapRange(base, skip)
	unmapRange(base+skip+size, hugePage-skip)
	aligned := b[skip : skip+size : skip+size]
	_ = syscall.Madvise(aligned, syscall.MADV_HUGEPAGE)
	p := unsafe.Pointer(unsafe.SliceData(aligned))
	return p, func() { unmapRange(uintptr(p), size) }
}

// unmapRange unmaps n bytes at addr (n may be 0).
func unmapRange(addr, n uintptr) {
	if n > 0 {
		syscall.Syscall(syscall.SYS_MUNMAP, addr, n, 0)
	}
}
