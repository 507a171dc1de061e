// Package perceptron implements a multi-class averaged perceptron over
// hashed sparse binary features, as used by the tagger and the parser: a
// Trainer that learns weights (Collins 2002, with lazy averaging) and a
// compact read-only Model for prediction that is safe for concurrent use.
//
// Features are 64-bit hashes (see Hash* and Tuple*); each feature owns a
// sparse row of per-class weights, so memory grows with the weights actually
// learned, not with features × classes.
package perceptron

import (
	"math"
	"sort"
)

// Hash mixing (SplitMix64 finalizer): cheap, allocation-free and good
// enough that 64-bit collisions are negligible for a few million features.
func mix(h uint64) uint64 {
	h ^= h >> 31
	h *= 0x7fb5d329728ea185
	h ^= h >> 27
	h *= 0x81dadef4bc2dd44d
	h ^= h >> 33
	return h
}

// Hash1 combines a template number with one value.
func Hash1(tmpl, a uint64) uint64 { return mix(tmpl*0x9e3779b97f4a7c15 ^ mix(a)) }

// Hash2 combines a template number with two values.
func Hash2(tmpl, a, b uint64) uint64 { return mix(Hash1(tmpl, a) ^ mix(b+0x632be59bd9b4e019)) }

// Hash3 combines a template number with three values.
func Hash3(tmpl, a, b, c uint64) uint64 {
	return mix(Hash2(tmpl, a, b) ^ mix(c+0x8cb92ba72f3d8dd7))
}

// String hashes a string (FNV-1a, then mixed).
func String(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix(h)
}

type entry struct {
	class int32
	w     float32
	acc   float64 // sum of w over instances up to ts
	ts    int64   // instance count at the last change of w
}

// Trainer learns averaged perceptron weights.
type Trainer struct {
	NClasses int
	ids      map[uint64]int32
	rows     [][]entry
	n        int64 // instances seen (Tick)
}

// NewTrainer returns a trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{NClasses: n, ids: make(map[uint64]int32, 1<<16)}
}

// Tick marks the start of a new training instance (for averaging).
func (t *Trainer) Tick() { t.n++ }

// Scores adds the current weights of feats into scores (len NClasses),
// which the caller zeroes.
func (t *Trainer) Scores(feats []uint64, scores []float32) {
	for _, f := range feats {
		id, ok := t.ids[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[id] {
			scores[e.class] += e.w
		}
	}
}

// Update rewards class good and penalizes class bad on feats.
func (t *Trainer) Update(feats []uint64, good, bad int) {
	if good == bad {
		return
	}
	for _, f := range feats {
		id, ok := t.ids[f]
		if !ok {
			id = int32(len(t.rows))
			t.ids[f] = id
			t.rows = append(t.rows, nil)
		}
		t.bump(id, good, 1)
		t.bump(id, bad, -1)
	}
}

func (t *Trainer) bump(id int32, class int, d float32) {
	row := t.rows[id]
	for i := range row {
		if row[i].class == int32(class) {
			e := &row[i]
			e.acc += float64(t.n-e.ts) * float64(e.w)
			e.ts = t.n
			e.w += d
			return
		}
	}
	t.rows[id] = append(row, entry{class: int32(class), w: d, ts: t.n})
}

// Model returns the averaged weights, dropping those whose magnitude is
// below minWeight (pruning keeps the embedded model small).
func (t *Trainer) Model(minWeight float32) *Model {
	type kv struct {
		key uint64
		id  int32
	}
	keys := make([]kv, 0, len(t.ids))
	for k, id := range t.ids {
		keys = append(keys, kv{k, id})
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].key < keys[j].key })
	b := newBuilder(t.NClasses)
	var cls []uint16
	var ws []float32
	for _, k := range keys {
		cls, ws = cls[:0], ws[:0]
		row := append([]entry(nil), t.rows[k.id]...)
		sort.Slice(row, func(i, j int) bool { return row[i].class < row[j].class })
		for _, e := range row {
			acc := e.acc + float64(t.n-e.ts)*float64(e.w)
			avg := float32(acc / float64(max(t.n, 1)))
			if float32(math.Abs(float64(avg))) < minWeight || avg == 0 {
				continue
			}
			cls = append(cls, uint16(e.class))
			ws = append(ws, avg)
		}
		if len(cls) > 0 {
			b.add(k.key, cls, ws)
		}
	}
	return b.build()
}

// Features reports how many features have learned weights.
func (t *Trainer) Features() int { return len(t.rows) }

// Odd constants for Tuple*: products with them spread small integers over
// all 64 bits before the one mixing round.
const (
	kT = 0x9e3779b97f4a7c15
	kA = 0xc2b2ae3d27d4eb4f
	kB = 0x165667b19e3779f9
	kC = 0xd6e8feb86659fd93
	kD = 0xa0761d6478bd642f
)

// Tuple1 hashes a template number with one value in a single mixing round
// (Hash1 takes two). The values are combined linearly with distinct odd
// constants, so distinct tuples collide only by chance (about 2^-64 a pair),
// whether the values are hashes or small integers. Used by the parser, which
// hashes about a hundred features a move.
func Tuple1(tmpl, a uint64) uint64 { return mix(tmpl*kT + a*kA + kD) }

// Tuple2 is Tuple1 over two values.
func Tuple2(tmpl, a, b uint64) uint64 { return mix(tmpl*kT + a*kA + b*kB + kD) }

// Tuple3 is Tuple1 over three values.
func Tuple3(tmpl, a, b, c uint64) uint64 { return mix(tmpl*kT + a*kA + b*kB + c*kC + kD) }
