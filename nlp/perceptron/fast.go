package perceptron

import "github.com/tidings/tidings/internal/hugemem"

// fastSlot is one cell of the lookup table a loaded (quantized) model scores
// with: the feature and, in the same 32 bytes (two cells a cache line), its
// whole row when it has at most maxInline weights — each an int16 quantized
// value q[j] of class cls[j] — else where the row is in pw and pc. The
// parser's rows (about 700k) are 80% one or two weights, and 95% at most
// six, so one lookup touches one cache line for almost every feature; the
// 16-byte cell this replaced held only two and sent the rest (20% of the
// rows, the more frequent features among them) to a second memory access.
// The parser's table is 64 MiB instead of 32 (its whole fast form about
// 1.9 times the old one).
type fastSlot struct {
	key uint64
	off uint32 // where a longer row is: in pw and pc, or in pd if dense
	n   uint16 // the row's length (0 for an empty row), or denseRow
	cls [maxInline]uint8
	q   [maxInline]int16
}

const (
	// maxInline is how many weights a fastSlot holds itself.
	maxInline = 6
	// denseMin (per architecture, see addf32_*.go) is the row length from
	// which a row is stored dense, one weight for every class (zero for the
	// absent ones), and added with addF32 in one vector pass: the few
	// features with long rows are the frequent ones, and their sparse
	// scatter-adds were most of the time Scores took for the parser. Adding
	// +0 leaves a sum unchanged (the sums start at +0 and can never become
	// -0), so the result is the same.
	// denseRow is the n of a slot whose row is pd[off:off+width].
	denseRow = 0xffff
)

// fast is the table Scores uses when the model was read from its quantized
// form and has at most 256 classes; nil otherwise.
type fast struct {
	mask  uint64
	table []fastSlot
	pw    []float32 // rows longer than maxInline, shorter than denseMin:
	pc    []uint8   // the weights and their classes
	pd    []float32 // rows of denseMin or more weights, width floats each
	width int       // NClasses rounded up to a multiple of 8
	scale float32
}

// buildFast makes the fast table from the quantized weights q (row r is
// q[off[r]:off[r+1]] with classes cls) — scale times q[i] is the weight the
// general path holds, computed by the same float32 multiplication — and
// drops the general path's table, which Scores no longer reads (WriteTo and
// Prune read the rows, which stay).
func (m *Model) buildFast(rows []uint64, cls []uint16, q []int16, scale float32) {
	if m.NClasses > 256 {
		return
	}
	f := &fast{scale: scale, mask: m.mask, table: hugemem.Make[fastSlot](len(m.table))}
	f.width = (m.NClasses + 7) &^ 7
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
			f.pd = append(f.pd, make([]float32, f.width)...)
			for i := lo; i < hi; i++ {
				f.pd[int(sl.off)+int(cls[i])] = float32(q[i]) * scale
			}
		default:
			sl.off = uint32(len(f.pw))
			for i := lo; i < hi; i++ {
				f.pw = append(f.pw, float32(q[i])*scale)
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

// scores is Scores over the fast table. It adds exactly what the slow path
// adds, class by class in feature order, into a local array (no bounds
// checks) that it then adds to scores: the caller zeroes scores, so the
// sums are bit for bit the same. An inline weight is float32(q)*scale,
// rounded to float32 before the addition (the explicit conversion keeps the
// product from being fused into it), as the general path holds it.
func (f *fast) scores(feats []uint64, scores []float32) {
	var acc [256]float32
	var hits [64]*fastSlot
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(hits))]
		feats = feats[len(chunk):]
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
		var touch float32
		for _, sl := range hits[:n] {
			switch {
			case sl.n == denseRow:
				touch += f.pd[sl.off]
			case sl.n > maxInline:
				touch += f.pw[sl.off]
			}
		}
		if touch != touch { // NaN never happens; keeps the loads alive
			scores[0] += 0
		}
		for _, sl := range hits[:n] {
			if sl.n <= maxInline {
				for j := range sl.n {
					acc[sl.cls[j]] += float32(float32(sl.q[j]) * f.scale)
				}
				continue
			}
			if sl.n == denseRow {
				addF32(acc[:], f.pd[sl.off:int(sl.off)+f.width])
				continue
			}
			off, cnt := sl.off, uint32(sl.n)
			pc := f.pc[off : off+cnt]
			for j, w := range f.pw[off : off+cnt] {
				acc[pc[j]] += w
			}
		}
	}
	for c := range scores {
		scores[c] += acc[uint8(c)]
	}
}
