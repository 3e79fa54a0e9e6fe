//go:build amd64 && !purego

#include "textflag.h"

// func indexPairSSE2(p *byte, n int, a, b byte) int
//
// Compares 16 positions at a time: X0 holds p[i:i+16] and X3 p[i+1:i+17];
// a position matches where X0 has a and X3 has b. The last positions are
// tested as one block that overlaps the one before.
TEXT ·indexPairSSE2(SB), NOSPLIT, $0-32
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ $0x0101010101010101, R8
	MOVBQZX a+16(FP), AX
	IMULQ R8, AX
	MOVQ AX, X1
	PUNPCKLQDQ X1, X1
	MOVBQZX b+17(FP), AX
	IMULQ R8, AX
	MOVQ AX, X2
	PUNPCKLQDQ X2, X2
	LEAQ -1(CX), BX // positions 0 .. n-2 can start a pair
	MOVQ BX, R9
	ANDQ $~15, BX   // whole blocks of positions
	XORQ DI, DI

loop:
	CMPQ DI, BX
	JAE  tail
	MOVOU (SI)(DI*1), X0
	MOVOU 1(SI)(DI*1), X3
	PCMPEQB X1, X0
	PCMPEQB X2, X3
	PAND X3, X0
	PMOVMSKB X0, AX
	TESTL AX, AX
	JNZ found
	ADDQ $16, DI
	JMP loop

tail:
	// Positions BX .. n-2 (R9 = n-1 positions in all), as the block of
	// positions n-17 .. n-2 with those before BX shifted out.
	CMPQ BX, R9
	JEQ none
	MOVOU -17(SI)(CX*1), X0
	MOVOU -16(SI)(CX*1), X3
	PCMPEQB X1, X0
	PCMPEQB X2, X3
	PAND X3, X0
	PMOVMSKB X0, AX
	MOVQ BX, CX
	SUBQ R9, CX
	ADDQ $16, CX // BX - (n-17)
	SHRL CX, AX
	TESTL AX, AX
	JZ none
	BSFL AX, AX
	ADDQ BX, AX
	MOVQ AX, ret+24(FP)
	RET

found:
	BSFL AX, AX
	ADDQ DI, AX
	MOVQ AX, ret+24(FP)
	RET

none:
	MOVQ $-1, ret+24(FP)
	RET
