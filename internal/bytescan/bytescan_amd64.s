//go:build amd64 && !purego

#include "textflag.h"

// TEST sets the low 16 bits of AX to the bytes of X0 in the set (X1–X5 and
// X11 hold the vectors). It clobbers X0 and X6–X10.
#define TEST \
	MOVO     X0, X6 \
	PADDB    X1, X6 \
	MOVO     X2, X7 \
	PCMPGTB  X6, X7 \
	MOVO     X0, X8 \
	PADDB    X3, X8 \
	MOVO     X4, X9 \
	PCMPGTB  X8, X9 \
	PADDB    X5, X0 \
	MOVO     X11, X10 \
	PCMPGTB  X0, X10 \
	POR      X9, X7 \
	POR      X10, X7 \
	PMOVMSKB X7, AX

// func maskSSE2(p *byte, n int, v *vectors, out *uint16)
TEXT ·maskSSE2(SB), NOSPLIT, $0-32
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), BX
	ANDQ $~15, BX
	MOVQ v+16(FP), DX
	MOVQ out+24(FP), R8
	MOVOU 0(DX), X1
	MOVOU 16(DX), X2
	MOVOU 32(DX), X3
	MOVOU 48(DX), X4
	MOVOU 64(DX), X5
	MOVOU 80(DX), X11
	XORQ DI, DI
	CMPQ DI, BX
	JAE  done

mask:
	MOVOU (SI)(DI*1), X0
	TEST
	MOVW AX, (R8)
	ADDQ $2, R8
	ADDQ $16, DI
	CMPQ DI, BX
	JB   mask

done:
	RET
