package perceptron

// fastSlot is one cell of the lookup table a loaded (quantized) model scores
// with: the feature and, in one word, either its whole row (up to two
// weights, the common case: the parser averages about 2.3 weights a
// feature) or where its row is in pw and pc. One lookup then touches one
// cache line for most features instead of two. v is 0 for an empty row.
//
// v layout: bit 63 set means inline, with the count in bits 48-49 and the
// weights in bits 0-23 and 24-47; otherwise v is off | n<<32 into pw/pc.
// An inline weight is 24 bits: the int16 quantized value in bits 0-15 and
// the class in bits 16-23.
type fastSlot struct {
	key uint64
	v   uint64
}

const inlineBit = 1 << 63

// fast is the table Scores uses when the model was read from its quantized
// form and has at most 256 classes; nil otherwise.
type fast struct {
	mask  uint64
	table []fastSlot
	pw    []float32 // rows of more than two weights: the weights,
	pc    []uint8   // and their classes
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
	f := &fast{scale: scale, mask: m.mask, table: make([]fastSlot, len(m.table))}
	pack := func(i uint32) uint64 { return uint64(uint16(q[i])) | uint64(cls[i])<<16 }
	for r, k := range rows {
		if k == 0 {
			k = 1
		}
		lo, hi := m.off[r], m.off[r+1]
		var v uint64
		switch n := hi - lo; {
		case n == 0:
			v = 0
		case n <= 2:
			v = inlineBit | uint64(n)<<48 | pack(lo)
			if n == 2 {
				v |= pack(lo+1) << 24
			}
		default:
			v = uint64(len(f.pw)) | uint64(n)<<32
			for i := lo; i < hi; i++ {
				f.pw = append(f.pw, float32(q[i])*scale)
				f.pc = append(f.pc, uint8(cls[i]))
			}
		}
		i := k & f.mask
		for f.table[i].key != 0 {
			i = (i + 1) & f.mask
		}
		f.table[i] = fastSlot{key: k, v: v}
	}
	m.fast, m.table = f, nil
}

// add adds one packed weight to acc with the same float32 rounding as the
// slow path (the explicit conversion keeps the product from being fused into
// the addition).
func (f *fast) add(acc *[256]float32, w uint64) {
	acc[uint8(w>>16)] += float32(float32(int16(uint16(w))) * f.scale)
}

// scores is Scores over the fast table. It adds exactly what the slow path
// adds, class by class in feature order, into a local array (no bounds
// checks) that it then adds to scores: the caller zeroes scores, so the
// sums are bit for bit the same.
func (f *fast) scores(feats []uint64, scores []float32) {
	var acc [256]float32
	var vals [64]uint64
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(vals))]
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
					if sl.v != 0 {
						vals[n] = sl.v
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
		for _, v := range vals[:n] {
			if v&inlineBit == 0 {
				touch += f.pw[uint32(v)]
			}
		}
		if touch != touch { // NaN never happens; keeps the loads alive
			scores[0] += 0
		}
		for _, v := range vals[:n] {
			if v&inlineBit != 0 {
				f.add(&acc, v&0xffffff)
				if (v>>48)&3 == 2 {
					f.add(&acc, (v>>24)&0xffffff)
				}
				continue
			}
			off, cnt := uint32(v), uint32(v>>32)
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
