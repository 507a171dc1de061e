#include "textflag.h"

// func addF32(dst, src []float32)
//
// dst[i] += src[i] for i < len(src), eight at a time with SSE ADDPS, which
// rounds each lane exactly as the scalar float32 addition does.
// len(src) must be a multiple of 8 and len(dst) at least len(src).
TEXT ·addF32(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ src_base+24(FP), SI
	MOVQ src_len+32(FP), CX
	SHRQ $3, CX
	JZ   done

loop:
	MOVUPS (DI), X0
	MOVUPS 16(DI), X1
	MOVUPS (SI), X2
	MOVUPS 16(SI), X3
	ADDPS  X2, X0
	ADDPS  X3, X1
	MOVUPS X0, (DI)
	MOVUPS X1, 16(DI)
	ADDQ   $32, DI
	ADDQ   $32, SI
	DECQ   CX
	JNZ    loop

done:
	RET
