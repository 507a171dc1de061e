#include "textflag.h"

// func addRowsAVX2(acc, pd, offs unsafe.Pointer, nrows, width int)
//
// For each block of 16 classes: load acc's 16 int32 sums into Y0-Y1, add
// the block of every row (16 int16 at pd[offs[r]+block], sign-extended with
// VPMOVSXWD), store the sums back. nrows >= 1; width a multiple of 16.
TEXT ·addRowsAVX2(SB), NOSPLIT, $0-40
	MOVQ acc+0(FP), DI
	MOVQ pd+8(FP), SI
	MOVQ offs+16(FP), R8
	MOVQ nrows+24(FP), R9
	MOVQ width+32(FP), R10
	XORQ R11, R11

avxblock:
	VMOVDQU (DI)(R11*4), Y0
	VMOVDQU 32(DI)(R11*4), Y1
	XORQ    CX, CX

avxrow:
	MOVL      (R8)(CX*4), AX
	ADDQ      R11, AX
	VPMOVSXWD (SI)(AX*2), Y2
	VPMOVSXWD 16(SI)(AX*2), Y3
	VPADDD    Y2, Y0, Y0
	VPADDD    Y3, Y1, Y1
	INCQ      CX
	CMPQ      CX, R9
	JLT       avxrow
	VMOVDQU   Y0, (DI)(R11*4)
	VMOVDQU   Y1, 32(DI)(R11*4)
	ADDQ      $16, R11
	CMPQ      R11, R10
	JLT       avxblock
	VZEROUPPER
	RET

// func addRowsSSE2(acc, pd, offs unsafe.Pointer, nrows, width int)
//
// addRowsAVX2 with SSE2 only: each 8 int16 are sign-extended by
// interleaving a register with itself (PUNPCKLWL/PUNPCKHWL puts each word
// in the high half of a dword) and shifting right arithmetically by 16.
TEXT ·addRowsSSE2(SB), NOSPLIT, $0-40
	MOVQ acc+0(FP), DI
	MOVQ pd+8(FP), SI
	MOVQ offs+16(FP), R8
	MOVQ nrows+24(FP), R9
	MOVQ width+32(FP), R10
	XORQ R11, R11

sseblock:
	MOVOU (DI)(R11*4), X0
	MOVOU 16(DI)(R11*4), X1
	MOVOU 32(DI)(R11*4), X4
	MOVOU 48(DI)(R11*4), X5
	XORQ  CX, CX

sserow:
	MOVL      (R8)(CX*4), AX
	ADDQ      R11, AX
	MOVOU     (SI)(AX*2), X2
	MOVOU     X2, X3
	PUNPCKLWL X2, X2
	PUNPCKHWL X3, X3
	PSRAL     $16, X2
	PSRAL     $16, X3
	PADDL     X2, X0
	PADDL     X3, X1
	MOVOU     16(SI)(AX*2), X2
	MOVOU     X2, X3
	PUNPCKLWL X2, X2
	PUNPCKHWL X3, X3
	PSRAL     $16, X2
	PSRAL     $16, X3
	PADDL     X2, X4
	PADDL     X3, X5
	INCQ      CX
	CMPQ      CX, R9
	JLT       sserow
	MOVOU     X0, (DI)(R11*4)
	MOVOU     X1, 16(DI)(R11*4)
	MOVOU     X4, 32(DI)(R11*4)
	MOVOU     X5, 48(DI)(R11*4)
	ADDQ      $16, R11
	CMPQ      R11, R10
	JLT       sseblock
	RET
