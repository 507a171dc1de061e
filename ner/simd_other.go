//go:build !amd64

package ner

// addRows sets sum to the sums of the weights of rows (see addRowsGo).
func addRows(rows []*jointSlot, sum *[rowWeights]int32) { addRowsGo(rows, sum) }

// maxPlus8 sets best[m] to the largest of negInf and p[k] + tr[k][m] over
// k (see maxPlus8Go).
func maxPlus8(p *[numOut]float32, tr *[numOut][8]float32, best *[8]float32) { maxPlus8Go(p, tr, best) }
