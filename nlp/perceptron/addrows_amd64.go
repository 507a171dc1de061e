package perceptron

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// denseMin: rows of 16 or more weights are stored dense (see fast.go).
const denseMin = 16

// hasAVX2 picks the AVX2 adder; every amd64 CPU has SSE2.
var hasAVX2 = cpu.X86.HasAVX2

// addRows adds the dense rows of pd at offs to acc: acc[c] += pd[off+c]
// for every off and c < len(acc), which is a multiple of laneBlock. It keeps
// a block of sums in registers while it adds every row's block into it,
// widening the weights to 32 bits (see addrows_amd64.s).
func addRows(acc []int32, pd []int16, offs []uint32) {
	if len(offs) == 0 || len(acc) == 0 {
		return
	}
	for _, off := range offs { // the assembly does not check bounds
		_ = pd[int(off)+len(acc)-1]
	}
	a, p, o := unsafe.Pointer(&acc[0]), unsafe.Pointer(&pd[0]), unsafe.Pointer(&offs[0])
	if hasAVX2 {
		addRowsAVX2(a, p, o, len(offs), len(acc))
		return
	}
	addRowsSSE2(a, p, o, len(offs), len(acc))
}

//go:noescape
func addRowsAVX2(acc, pd, offs unsafe.Pointer, nrows, width int)

//go:noescape
func addRowsSSE2(acc, pd, offs unsafe.Pointer, nrows, width int)
