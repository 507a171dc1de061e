#include "textflag.h"

// func addRowsAVX2(rows unsafe.Pointer, n int, sum *[rowLanes]uint32)
//
// Sets sum to the lane-by-lane sums of the n >= 1 joint slots whose
// addresses are at rows: each slot's 36 unsigned 16-bit lanes (72 bytes)
// are zero-extended to 32 bits with VPMOVZXWD (8 lanes a YMM register, the
// last 4 in an XMM register) and added into five registers of sums.
TEXT ·addRowsAVX2(SB), NOSPLIT, $0-24
	MOVQ   rows+0(FP), SI
	MOVQ   n+8(FP), CX
	MOVQ   sum+16(FP), DI
	VPXOR  Y0, Y0, Y0
	VPXOR  Y1, Y1, Y1
	VPXOR  Y2, Y2, Y2
	VPXOR  Y3, Y3, Y3
	VPXOR  X4, X4, X4

row:
	MOVQ      (SI), AX
	VPMOVZXWD (AX), Y5
	VPMOVZXWD 16(AX), Y6
	VPMOVZXWD 32(AX), Y7
	VPMOVZXWD 48(AX), Y8
	VPMOVZXWD 64(AX), X9
	VPADDD    Y5, Y0, Y0
	VPADDD    Y6, Y1, Y1
	VPADDD    Y7, Y2, Y2
	VPADDD    Y8, Y3, Y3
	VPADDD    X9, X4, X4
	ADDQ      $8, SI
	DECQ      CX
	JNZ       row

	VMOVDQU Y0, (DI)
	VMOVDQU Y1, 32(DI)
	VMOVDQU Y2, 64(DI)
	VMOVDQU Y3, 96(DI)
	VMOVDQU X4, 128(DI)
	VZEROUPPER
	RET

// func maxPlus8AVX2(p *[numOut]float32, tr *[numOut][8]float32, best *[8]float32)
//
// Sets best[m] to the largest of negInf and p[k] + tr[k][m] over k (the
// best predecessor score of eight labels, see viterbiBuf.step): each p[k]
// is broadcast, added to row k and folded in with VMAXPS, the even rows in
// Y0 and the odd ones in Y2 for parallelism. No value is NaN, so the order
// of the maxima changes nothing but, perhaps, the sign of a zero.
TEXT ·maxPlus8AVX2(SB), NOSPLIT, $0-24
	MOVQ         p+0(FP), SI
	MOVQ         tr+8(FP), DI
	MOVQ         best+16(FP), DX
	MOVL         $0xf149f2ca, AX // negInf
	MOVQ         AX, X0
	VBROADCASTSS X0, Y0
	VMOVUPS      Y0, Y2
	VBROADCASTSS 0(SI), Y1
	VADDPS       0(DI), Y1, Y1
	VMAXPS       Y1, Y0, Y0
	VBROADCASTSS 4(SI), Y3
	VADDPS       32(DI), Y3, Y3
	VMAXPS       Y3, Y2, Y2
	VBROADCASTSS 8(SI), Y1
	VADDPS       64(DI), Y1, Y1
	VMAXPS       Y1, Y0, Y0
	VBROADCASTSS 12(SI), Y3
	VADDPS       96(DI), Y3, Y3
	VMAXPS       Y3, Y2, Y2
	VBROADCASTSS 16(SI), Y1
	VADDPS       128(DI), Y1, Y1
	VMAXPS       Y1, Y0, Y0
	VBROADCASTSS 20(SI), Y3
	VADDPS       160(DI), Y3, Y3
	VMAXPS       Y3, Y2, Y2
	VBROADCASTSS 24(SI), Y1
	VADDPS       192(DI), Y1, Y1
	VMAXPS       Y1, Y0, Y0
	VBROADCASTSS 28(SI), Y3
	VADDPS       224(DI), Y3, Y3
	VMAXPS       Y3, Y2, Y2
	VBROADCASTSS 32(SI), Y1
	VADDPS       256(DI), Y1, Y1
	VMAXPS       Y1, Y0, Y0
	VMAXPS       Y2, Y0, Y0
	VMOVUPS      Y0, (DX)
	VZEROUPPER
	RET
