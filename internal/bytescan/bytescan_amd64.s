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

// func indexSSE2(p *byte, n int, v *vectors) int
//
// For each block of 16 bytes x: in range 1 where int8(x+add1) < lim1, in
// range 2 likewise, a lead byte where int8(x+add3) < lim3 (PCMPGTB a, b
// sets b to b > a, signed, byte by byte). When n >= 16 and is not a
// multiple of 16, the last 16 bytes are tested too, as one block that
// overlaps the one before, whose bytes are then ignored.
TEXT ·indexSSE2(SB), NOSPLIT, $0-32
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ CX, BX
	ANDQ $~15, BX // the whole blocks
	MOVQ v+16(FP), DX
	MOVOU 0(DX), X1  // add1
	MOVOU 16(DX), X2 // lim1
	MOVOU 32(DX), X3 // add2
	MOVOU 48(DX), X4 // lim2
	MOVOU 64(DX), X5 // add3
	MOVOU 80(DX), X11 // lim3
	XORQ DI, DI
	CMPQ DI, BX
	JAE  none

loop:
	MOVOU (SI)(DI*1), X0
	TEST
	TESTL AX, AX
	JNZ   found
	ADDQ  $16, DI
	CMPQ  DI, BX
	JB    loop

none:
	// The tail, as the last 16 bytes (n >= 16 here unless n == 0).
	CMPQ  BX, CX
	JEQ   end
	CMPQ  CX, $16
	JB    end
	MOVOU -16(SI)(CX*1), X0
	TEST
	// Bytes n-16 .. BX-1 were tested already: shift them out.
	MOVQ  BX, R9
	SUBQ  CX, R9
	ADDQ  $16, R9 // BX - (n-16)
	MOVQ  R9, CX
	SHRL  CX, AX
	TESTL AX, AX
	JZ    all
	BSFL  AX, AX
	ADDQ  BX, AX
	MOVQ  AX, ret+24(FP)
	RET

all:
	MOVQ n+8(FP), BX

end:
	MOVQ BX, ret+24(FP)
	RET

found:
	BSFL AX, AX
	ADDQ DI, AX
	MOVQ AX, ret+24(FP)
	RET

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
