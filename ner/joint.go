package ner

import (
	"github.com/tidings/tidings/internal/hugemem"
)

// jointModel holds the weights of both passes of a loaded recognizer in one
// table, built once at load time. Most features of a token are base
// features that both passes score, so one lookup finds both weight rows
// (stored side by side) instead of two lookups in two tables, and the first
// pass accumulates the second pass's base scores as it goes; the second
// pass then only looks up its few stacked features. Integer sums do not
// depend on the order of the additions, so the scores are exactly those of
// the two separate models. It is immutable and safe for concurrent use.
type jointModel struct {
	// fps is an open-addressing table (see featTable) of fingerprints (0:
	// empty) and rows holds the weights of the feature in slot i of fps at
	// index i. Probing reads only fps, 16 slots a cache line, which mostly
	// stays in the CPU's caches; only a feature found reads its row.
	fps            []uint32
	rows           []jointSlot
	mask           uint64
	scale1, scale2 float32
	two            bool       // there is a second pass
	marg           margConsts // of the model whose scores marginals reads
}

// jointSlot holds a feature's weights in slotWords 64-bit words: the first
// model's numLabels int16 weights, then the second model's (zeros where a
// model lacks the feature), four to a word (weight j in bits 16*(j%4) of
// w[j/4]), each stored offset by 32768 as the unsigned w^0x8000; the
// lanes after the last weight are unused. Packed so, addBase adds a row a
// word — four weights — at a time (see addRows).
type jointSlot struct {
	w [slotWords]uint64
}

// rowWeights is the number of weights of a joint row.
const rowWeights = 2 * numLabels

// slotWords is the size of a jointSlot in words.
const slotWords = (rowWeights + 3) / 4

// weight returns weight j of the row.
func (s *jointSlot) weight(j int) int16 { return int16(s.w[j/4]>>(16*(j%4))) ^ -0x8000 }

// setWeight sets weight j. A new slot's weights must all be set, zeros
// included, since they are stored offset.
func (s *jointSlot) setWeight(j int, v int16) {
	sh := 16 * (j % 4)
	s.w[j/4] = s.w[j/4]&^(0xffff<<sh) | uint64(uint16(v)^0x8000)<<sh
}

// put stores the weights of hash h; each hash is put once.
func (jm *jointModel) put(h uint64, w1, w2 []int16) {
	fp := fingerprint(h)
	for i := jm.home(h); ; i = (i + 1) & jm.mask {
		f := jm.fps[i]
		if f != 0 && f != fp {
			continue
		}
		s := &jm.rows[i]
		if f == 0 {
			jm.fps[i] = fp
			for j := range rowWeights {
				s.setWeight(j, 0)
			}
		}
		for j, v := range w1 {
			s.setWeight(j, v)
		}
		for j, v := range w2 {
			s.setWeight(numLabels+j, v)
		}
		return
	}
}

func (jm *jointModel) home(h uint64) uint64 {
	return (uint64(uint32(h)) * 0x9E3779B97F4A7C15 >> 20) & jm.mask
}

// get returns the row of hash h, or nil.
func (jm *jointModel) get(h uint64) *jointSlot {
	fp := fingerprint(h)
	for i := jm.home(h); ; i = (i + 1) & jm.mask {
		switch jm.fps[i] {
		case fp:
			return &jm.rows[i]
		case 0:
			return nil
		}
	}
}

// newJointModel merges two loaded models (m2 may be nil) whose keys lists
// are sorted. The last model's marginal constants are precomputed.
func newJointModel(m1, m2 *model) *jointModel {
	// A one-pass model fills both halves with its weights.
	k2, w2, last, scale2 := m1.keys, m1.wq, m1, m1.scale
	if m2 != nil {
		k2, w2, last, scale2 = m2.keys, m2.wq, m2, m2.scale
	}
	k1, w1 := m1.keys, m1.wq
	n := 0
	for i, j := 0, 0; i < len(k1) || j < len(k2); n++ {
		switch {
		case j == len(k2) || (i < len(k1) && k1[i] < k2[j]):
			i++
		case i == len(k1) || k2[j] < k1[i]:
			j++
		default:
			i, j = i+1, j+1
		}
	}
	size := 16
	for size*7 < n*10 { // load factor at most 0.7, as featTable
		size <<= 1
	}
	jm := &jointModel{fps: hugemem.Make[uint32](size), rows: hugemem.Make[jointSlot](size), mask: uint64(size - 1),
		scale1: m1.scale, scale2: scale2, two: m2 != nil, marg: *newMargConsts(last)}
	for i, j := 0, 0; i < len(k1) || j < len(k2); {
		switch {
		case j == len(k2) || (i < len(k1) && k1[i] < k2[j]):
			jm.put(k1[i], w1[i*numLabels:(i+1)*numLabels], nil)
			i++
		case i == len(k1) || k2[j] < k1[i]:
			jm.put(k2[j], nil, w2[j*numLabels:(j+1)*numLabels])
			j++
		default:
			jm.put(k1[i], w1[i*numLabels:(i+1)*numLabels], w2[j*numLabels:(j+1)*numLabels])
			i, j = i+1, j+1
		}
	}
	return jm
}

// addBase adds the weights of features to acc1 (first pass) and acc2
// (second pass). The slots are found first and added up after, so that the
// cache misses of the lookups overlap.
func (jm *jointModel) addBase(feats []uint64, acc1, acc2 *[numLabels]int32) {
	var found [64]*jointSlot
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(found))]
		feats = feats[len(chunk):]
		// Touch every feature's home slot first, with no branch on what
		// the loads return, so that their cache misses overlap; probing
		// then mostly finds its lines in the cache.
		var pre uint32
		for _, h := range chunk {
			pre += jm.fps[jm.home(h)]
		}
		if pre == 1 { // never mind the value; keeps the loads alive
			acc1[0] += 0
		}
		k := 0
		for _, h := range chunk {
			if s := jm.get(h); s != nil {
				found[k] = s
				k++
			}
		}
		var sum [rowWeights]int32
		addRows(found[:k], &sum)
		for j := range acc1 {
			acc1[j] += sum[j]
		}
		for j := range acc2 {
			acc2[j] += sum[numLabels+j]
		}
	}
}

// evenLanes keeps lanes 0 and 2 of four 16-bit lanes, each then alone in a
// 32-bit lane.
const evenLanes = 0x0000_ffff_0000_ffff

// addRowsGo sets sum to the sums of the weights of rows (at most 65536, so
// that no 32-bit lane overflows), without vector instructions (addRows uses
// AVX2 where the CPU has it). It adds four weights with a few word
// operations: weights are stored offset by 32768, so non-negative; the
// even and odd 16-bit lanes of a word are added into separate words of two
// 32-bit lanes, and the offsets are taken off at the end. The sums are the
// same integers as weight by weight, in a third of the time (Go does not
// vectorize the plain loop).
func addRowsGo(rows []*jointSlot, sum *[rowWeights]int32) {
	var even, odd [slotWords]uint64
	for i := 0; i < slotWords; i += 3 {
		even[i], even[i+1], even[i+2], odd[i], odd[i+1], odd[i+2] = addWords3(rows, i)
	}
	off := int32(len(rows)) * 32768
	for j := range sum {
		i, l := j/4, j%4
		v := even[i]
		if l%2 == 1 {
			v = odd[i]
		}
		sum[j] = int32(uint32(v>>(32*(l/2)))) - off
	}
}

// slotWords is a multiple of three for addRowsGo.
const _ = -uint(slotWords % 3)

// addWords3 adds words i to i+2 of rows, the even lanes in e and the odd
// ones in o; three words at a time keep the sums in registers.
func addWords3(rows []*jointSlot, i int) (e0, e1, e2, o0, o1, o2 uint64) {
	for _, s := range rows {
		w := s.w[i : i+3 : i+3]
		x0, x1, x2 := w[0], w[1], w[2]
		e0 += x0 & evenLanes
		o0 += x0 >> 16 & evenLanes
		e1 += x1 & evenLanes
		o1 += x1 >> 16 & evenLanes
		e2 += x2 & evenLanes
		o2 += x2 >> 16 & evenLanes
	}
	return
}

// addStacked adds the second-pass weights of features to acc2, whole rows
// at a time as addBase (the first-pass sums are dropped).
func (jm *jointModel) addStacked(feats []uint64, acc2 *[numLabels]int32) {
	var found [64]*jointSlot
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(found))]
		feats = feats[len(chunk):]
		k := 0
		for _, h := range chunk {
			if s := jm.get(h); s != nil {
				found[k] = s
				k++
			}
		}
		if k == 0 {
			continue
		}
		var sum [rowWeights]int32
		addRows(found[:k], &sum)
		for j := range acc2 {
			acc2[j] += sum[numLabels+j]
		}
	}
}

// scores converts an accumulator to emission scores.
func scores(acc *[numLabels]int32, scale float32, em []float32) {
	em = em[:numLabels]
	for j := range em {
		em[j] = float32(acc[j]) * scale
	}
}
