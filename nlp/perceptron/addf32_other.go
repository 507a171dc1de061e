//go:build !amd64

package perceptron

// denseMin: without a vector add, dense rows are slower than sparse ones
// (80k against 135k tokens/CPU-s through the parser), so no row is dense.
const denseMin = 1 << 16

// addF32 adds src to dst element by element (dst[i] += src[i]); the amd64
// version does the same additions with SSE. len(dst) >= len(src).
func addF32(dst, src []float32) {
	dst = dst[:len(src)]
	for i, w := range src {
		dst[i] += w
	}
}
