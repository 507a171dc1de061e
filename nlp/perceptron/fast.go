package perceptron

import "github.com/tidings/tidings/internal/hugemem"

// fastSlot is one cell of the lookup table a loaded (quantized) model scores
// with: the feature and, in the same 32 bytes (two cells a cache line), its
// whole row when it has at most maxInline weights — each an int16 quantized
// value q[j] of class cls[j] — else where the row is in pq and pc. The
// parser's rows (about 700k) are 80% one or two weights, and 95% at most
// six, so one lookup touches one cache line for almost every feature.
type fastSlot struct {
	key uint64
	off uint32 // where a longer row is: in pq and pc, or in pd if dense
	n   uint16 // the row's length (0 for an empty row), or denseRow
	cls [maxInline]uint8
	q   [maxInline]int16
}

const (
	// maxInline is how many weights a fastSlot holds itself.
	maxInline = 6
	// denseMin (per architecture, see addrows_*.go) is the row length from
	// which a row is stored dense, one weight for every class (zero for the
	// absent ones): the few features with long rows are the frequent ones
	// (about half the lookups that find a row, for the parser), and adding
	// them all at once, a block of classes at a time in vector registers,
	// is much cheaper than scatter-adding them one weight at a time.
	// denseRow is the n of a slot whose row is pd[off:off+width].
	denseRow = 0xffff
	// laneBlock is the number of classes addRows adds in one pass.
	laneBlock = 16
)

// fast is the table Scores uses when the model was read from its quantized
// form and has at most 256 classes; nil otherwise. It sums the quantized
// weights as integers — exactly, in any order — and scales the sums once.
type fast struct {
	mask  uint64
	table []fastSlot
	pq    []int16 // rows longer than maxInline, shorter than denseMin:
	pc    []uint8 // the weights and their classes
	pd    []int16 // rows of denseMin or more weights, width each
	width int     // NClasses rounded up to a multiple of laneBlock
	scale float32
}

// buildFast makes the fast table from the quantized weights q (row r is
// q[off[r]:off[r+1]] with classes cls, weight scale*q) and drops the
// general path's table, which Scores no longer reads (WriteTo and Prune
// read the rows, which stay).
func (m *Model) buildFast(rows []uint64, cls []uint16, q []int16, scale float32) {
	if m.NClasses > 256 {
		return
	}
	f := &fast{scale: scale, mask: m.mask}
	f.table = hugemem.MakeFor[fastSlot](f, len(m.table))
	f.width = (m.NClasses + laneBlock - 1) &^ (laneBlock - 1)
	for r, k := range rows {
		if k == 0 {
			k = 1
		}
		lo, hi := m.off[r], m.off[r+1]
		sl := fastSlot{key: k, n: uint16(hi - lo)}
		switch {
		case hi-lo <= maxInline:
			for j := range hi - lo {
				sl.cls[j], sl.q[j] = uint8(cls[lo+j]), q[lo+j]
			}
		case hi-lo >= denseMin:
			sl.off, sl.n = uint32(len(f.pd)), denseRow
			f.pd = append(f.pd, make([]int16, f.width)...)
			for i := lo; i < hi; i++ {
				f.pd[int(sl.off)+int(cls[i])] = q[i]
			}
		default:
			sl.off = uint32(len(f.pq))
			f.pq = append(f.pq, q[lo:hi]...)
			for i := lo; i < hi; i++ {
				f.pc = append(f.pc, uint8(cls[i]))
			}
		}
		i := k & f.mask
		for f.table[i].key != 0 {
			i = (i + 1) & f.mask
		}
		f.table[i] = sl
	}
	m.fast, m.table = f, nil
}

// scores is Scores over the fast table: scores[c] += scale * (the sum of
// the quantized weights of class c over feats).
func (f *fast) scores(feats []uint64, scores []float32) {
	var acc Sums
	f.add(feats, &acc)
	f.scaleInto(&acc, scores)
}

// scaleInto adds scale*acc[c] to scores[c].
func (f *fast) scaleInto(acc *Sums, scores []float32) {
	for c := range scores {
		scores[c] += float32(acc[uint8(c)]) * f.scale
	}
}

// add adds the quantized weights of feats to acc.
func (f *fast) add(feats []uint64, acc *Sums) {
	var hits [64]*fastSlot
	var dense [64]uint32
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(hits))]
		feats = feats[len(chunk):]
		// Touch every feature's home slot first, with no branch on what
		// the loads return, so their cache misses overlap; the probing
		// loop below then mostly finds its lines on the way.
		var pre uint64
		for _, k := range chunk {
			pre += f.table[k&f.mask].key
		}
		if pre == 1 { // never mind the value; keeps the loads alive
			acc[0] += 0
		}
		n := 0
		for _, k := range chunk {
			if k == 0 {
				k = 1
			}
			i := k & f.mask
			for {
				sl := &f.table[i]
				if sl.key == k {
					if sl.n != 0 {
						hits[n] = sl
						n++
					}
					break
				}
				if sl.key == 0 {
					break
				}
				i = (i + 1) & f.mask
			}
		}
		nd := 0
		for _, sl := range hits[:n] {
			switch {
			case sl.n <= maxInline:
				for j := range sl.n {
					acc[sl.cls[j]] += int32(sl.q[j])
				}
			case sl.n == denseRow:
				dense[nd] = sl.off
				nd++
			default:
				off, cnt := sl.off, uint32(sl.n)
				pc := f.pc[off : off+cnt]
				for j, w := range f.pq[off : off+cnt] {
					acc[pc[j]] += int32(w)
				}
			}
		}
		if nd > 0 {
			addRows(acc[:f.width], f.pd, dense[:nd])
		}
	}
}

// addRowsGo is addRows in Go: acc[c] += pd[off+c] for every off in offs
// and c < len(acc) (a multiple of laneBlock).
func addRowsGo(acc []int32, pd []int16, offs []uint32) {
	for _, off := range offs {
		row := pd[off : int(off)+len(acc)]
		for c, w := range row {
			acc[c] += int32(w)
		}
	}
}
