package perceptron

// denseMin: rows of 16 or more weights are stored dense (see fast.go).
const denseMin = 16

// addF32 adds src to dst lane by lane (dst[i] += src[i]) with SSE; see
// addf32_amd64.s. len(src) is a multiple of 8, len(dst) >= len(src).
//
//go:noescape
func addF32(dst, src []float32)
