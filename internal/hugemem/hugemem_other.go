//go:build !linux

package hugemem

import "unsafe"

// mapHuge has no huge-page mapping to offer here.
func mapHuge(uintptr) (unsafe.Pointer, func()) { return nil, nil }
