package ner

import (
	"math"

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
	// slots is an open-addressing table (see featTable) whose slots hold
	// the weights themselves, so that finding a feature and reading its
	// weights touch the same memory.
	slots          []jointSlot
	mask           uint64
	scale1, scale2 float32
	two            bool       // there is a second pass
	marg           margConsts // of the model whose scores marginals reads
}

// jointSlot holds a feature's fingerprint (0: empty slot), then the first
// model's numLabels weights and the second model's (zeros where a model
// lacks the feature).
type jointSlot struct {
	fp uint32
	w  [2 * numLabels]int16
}

// put stores the weights of hash h; each hash is put once.
func (jm *jointModel) put(h uint64, w1, w2 []int16) {
	fp := fingerprint(h)
	for i := jm.home(h); ; i = (i + 1) & jm.mask {
		s := &jm.slots[i]
		if s.fp == 0 || s.fp == fp {
			s.fp = fp
			if w1 != nil {
				copy(s.w[:numLabels], w1)
			}
			if w2 != nil {
				copy(s.w[numLabels:], w2)
			}
			return
		}
	}
}

func (jm *jointModel) home(h uint64) uint64 {
	return (uint64(uint32(h)) * 0x9E3779B97F4A7C15 >> 20) & jm.mask
}

// get returns the slot of hash h, or nil.
func (jm *jointModel) get(h uint64) *jointSlot {
	fp := fingerprint(h)
	for i := jm.home(h); ; i = (i + 1) & jm.mask {
		s := &jm.slots[i]
		if s.fp == fp {
			return s
		}
		if s.fp == 0 {
			return nil
		}
	}
}

// margConsts are the exponentiated transition, start and end weights used
// by marginals, computed once per model.
type margConsts struct {
	et         [numLabels][numLabels]float64
	start, end [numLabels]float64
}

func newMargConsts(m *model) *margConsts {
	c := &margConsts{}
	for i := range c.et {
		for j := range c.et[i] {
			if validTable[i][j] {
				c.et[i][j] = math.Exp(float64(m.trans[i][j]) / scoreTemperature)
			}
		}
	}
	for j := 0; j < numLabels; j++ {
		if validStart(label(j)) {
			c.start[j] = math.Exp(float64(m.start[j]) / scoreTemperature)
		}
		if validEnd(label(j)) {
			c.end[j] = math.Exp(float64(m.end[j]) / scoreTemperature)
		}
	}
	return c
}

// validPreds lists, for each label, the labels that may precede it, in
// increasing order (the order viterbi breaks ties in).
var validPreds = func() (p [numLabels][]uint8) {
	for j := 0; j < numLabels; j++ {
		for i := 0; i < numLabels; i++ {
			if validTable[i][j] {
				p[j] = append(p[j], uint8(i))
			}
		}
	}
	return p
}()

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
	jm := &jointModel{slots: hugemem.Make[jointSlot](size), mask: uint64(size - 1),
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
		k := 0
		for _, h := range chunk {
			if s := jm.get(h); s != nil {
				found[k] = s
				k++
			}
		}
		for _, s := range found[:k] {
			for j := range acc1 {
				acc1[j] += int32(s.w[j])
			}
			for j := range acc2 {
				acc2[j] += int32(s.w[numLabels+j])
			}
		}
	}
}

// addStacked adds the second-pass weights of features to acc2.
func (jm *jointModel) addStacked(feats []uint64, acc2 *[numLabels]int32) {
	for _, h := range feats {
		if s := jm.get(h); s != nil {
			for j := range acc2 {
				acc2[j] += int32(s.w[numLabels+j])
			}
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
