//go:build !amd64

package perceptron

// denseMin: without vector adds, dense rows are slower than sparse ones, so
// no row is dense.
const denseMin = 1 << 16

// addRows adds the dense rows of pd at offs to acc (see addRowsGo).
func addRows(acc []int32, pd []int16, offs []uint32) { addRowsGo(acc, pd, offs) }
