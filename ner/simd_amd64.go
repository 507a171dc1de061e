package ner

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// hasAVX2 picks the AVX2 code of addRows and maxPlus8; it is only changed
// by tests.
var hasAVX2 = cpu.X86.HasAVX2

// rowLanes is the number of 16-bit lanes of a jointSlot.
const rowLanes = 4 * slotWords

// addRows sets sum to the sums of the weights of rows (at most 65536, so
// that no 32-bit sum overflows). With AVX2 the weights (stored offset by
// 32768, so unsigned) are widened and added eight at a time (see
// addrows_amd64.s) and the offsets taken off at the end; the sums are the
// same integers as addRowsGo's.
func addRows(rows []*jointSlot, sum *[rowWeights]int32) {
	if !hasAVX2 || len(rows) == 0 {
		addRowsGo(rows, sum)
		return
	}
	var lanes [rowLanes]uint32
	addRowsAVX2(unsafe.Pointer(&rows[0]), len(rows), &lanes)
	off := uint32(len(rows)) * 32768
	for j := range sum {
		sum[j] = int32(lanes[j] - off)
	}
}

// addRowsAVX2 sets sum to the lane sums of the n >= 1 slots at rows.
//
//go:noescape
func addRowsAVX2(rows unsafe.Pointer, n int, sum *[rowLanes]uint32)

// maxPlus8 sets best[m] to the largest of negInf and p[k] + tr[k][m] over
// k, for eight labels at once with AVX2 (see simd_amd64.s), else as
// maxPlus8Go.
func maxPlus8(p *[numOut]float32, tr *[numOut][8]float32, best *[8]float32) {
	if !hasAVX2 {
		maxPlus8Go(p, tr, best)
		return
	}
	maxPlus8AVX2(p, tr, best)
}

//go:noescape
func maxPlus8AVX2(p *[numOut]float32, tr *[numOut][8]float32, best *[8]float32)
