package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Model is a read-only averaged perceptron: an open-addressing hash table
// from feature hash to a sparse row of (class, weight). Safe for concurrent
// use.
type Model struct {
	NClasses int
	mask     uint64
	table    []slot   // open addressing, key 0 = empty
	off      []uint32 // row r is cls/wts[off[r]:off[r+1]]
	cls      []uint16
	wts      []float32
	rowW     []weight // the rows, interleaved for locality
	// keysInOrder is the feature of each row, for WriteTo.
	keysInOrder []uint64
	// fast is the compact table Scores uses for a model read from disk.
	fast *fast
}

// slot is one hash table cell: the feature and where its row is, so that a
// lookup touches one cache line.
type slot struct {
	key    uint64
	off, n uint32
}

type weight struct {
	w float32
	c uint32
}

type builder struct {
	m    *Model
	rows []uint64
}

func newBuilder(n int) *builder {
	return &builder{m: &Model{NClasses: n, off: []uint32{0}}}
}

func (b *builder) add(key uint64, cls []uint16, ws []float32) {
	b.rows = append(b.rows, key)
	b.m.cls = append(b.m.cls, cls...)
	b.m.wts = append(b.m.wts, ws...)
	b.m.off = append(b.m.off, uint32(len(b.m.cls)))
}

func (b *builder) build() *Model {
	m := b.m
	size := 16
	for size < 2*len(b.rows) {
		size *= 2
	}
	m.mask = uint64(size - 1)
	m.table = make([]slot, size)
	for r, k := range b.rows {
		if k == 0 {
			k = 1
		}
		i := k & m.mask
		for m.table[i].key != 0 {
			i = (i + 1) & m.mask
		}
		m.table[i] = slot{key: k, off: m.off[r], n: m.off[r+1] - m.off[r]}
	}
	m.rowW = make([]weight, len(m.cls))
	for i := range m.cls {
		m.rowW[i] = weight{w: m.wts[i], c: uint32(m.cls[i])}
	}
	m.cls, m.wts = nil, nil // rowW holds them now
	m.keysInOrder = b.rows
	return m
}

// Scores adds the weights of feats into scores (len NClasses), which the
// caller zeroes.
//
// Lookups are done in two passes over chunks of features: the first finds
// each feature's slot (independent loads the CPU overlaps, so cache misses
// on the large table are paid in parallel rather than one after another),
// the second touches each row and the third adds the rows up. A model read
// from disk scores through its compact table instead (see fastSlot): the
// same weights summed as integers and scaled once, which can differ from
// the float sums here in the last bits.
func (m *Model) Scores(feats []uint64, scores []float32) {
	if m.fast != nil {
		m.fast.scores(feats, scores)
		return
	}
	var rows [64]*slot
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(rows))]
		feats = feats[len(chunk):]
		n := 0
		for _, f := range chunk {
			if f == 0 {
				f = 1
			}
			i := f & m.mask
			for {
				sl := &m.table[i]
				if sl.key == f {
					if sl.n > 0 {
						rows[n] = sl
						n++
					}
					break
				}
				if sl.key == 0 {
					break
				}
				i = (i + 1) & m.mask
			}
		}
		var touch float32
		for _, sl := range rows[:n] {
			touch += m.rowW[sl.off].w
		}
		if touch != touch { // NaN never happens; keeps the loads alive
			scores[0] += 0
		}
		for _, sl := range rows[:n] {
			for _, w := range m.rowW[sl.off : sl.off+sl.n] {
				scores[w.c] += w.w
			}
		}
	}
}

// Sums are class scores of a model read from disk, as integer sums of its
// quantized weights: exact, so they can be added in any order and in parts.
// A caller scoring many feature sets that share a part (the parser's buffer
// features while the buffer does not move) sums the shared part once,
// copies it and adds the rest (AddSums), then scales (ScoresFromSums); the
// scores are the same as Scores gives for the whole set.
type Sums [256]int32

// CanSum reports whether m supports AddSums: a model read from disk with at
// most 256 classes.
func (m *Model) CanSum() bool { return m.fast != nil }

// AddSums adds the quantized weights of feats to s. m must CanSum.
func (m *Model) AddSums(feats []uint64, s *Sums) { m.fast.add(feats, s) }

// ScoresFromSums adds the scores that s stands for to scores (len
// NClasses). m must CanSum.
func (m *Model) ScoresFromSums(s *Sums, scores []float32) { m.fast.scaleInto(s, scores) }

// Size reports the number of features and weights.
func (m *Model) Size() (features, weights int) { return len(m.off) - 1, len(m.rowW) }

const magic = "TDPC1"

// WriteTo writes the model in a compact binary form: weights are quantized
// to int16 with one scale per model (the precision loss does not change
// argmax decisions measurably).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var maxAbs float32
	for _, x := range m.rowW {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x.w))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	bw.WriteString(magic)
	hdr := []uint64{uint64(m.NClasses), uint64(len(m.off) - 1), uint64(len(m.rowW)), uint64(math.Float32bits(scale))}
	for _, v := range hdr {
		binary.Write(bw, binary.LittleEndian, v)
	}
	// Rows in key order, keys delta-encoded as uvarints for compressibility.
	rows := m.keysInOrder
	var buf [binary.MaxVarintLen64]byte
	prev := uint64(0)
	for r, k := range rows {
		bw.Write(buf[:binary.PutUvarint(buf[:], k-prev)])
		prev = k
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(m.off[r+1]-m.off[r]))])
	}
	for _, x := range m.rowW {
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(x.c))])
	}
	for _, x := range m.rowW {
		q := int16(math.Round(float64(x.w / scale)))
		binary.Write(bw, binary.LittleEndian, q)
	}
	return 0, bw.Flush()
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron: %w", err)
	}
	if len(data) < len(magic)+32 || string(data[:len(magic)]) != magic {
		return nil, errors.New("perceptron: not a model file")
	}
	data = data[len(magic):]
	var hdr [4]uint64
	for i := range hdr {
		hdr[i] = binary.LittleEndian.Uint64(data[8*i:])
	}
	data = data[32:]
	nc, nrows, nw := int(hdr[0]), int(hdr[1]), int(hdr[2])
	scale := math.Float32frombits(uint32(hdr[3]))
	if nc <= 0 || nc > 1<<16 || nrows < 0 || nrows > 1<<28 || nw < 0 || nw > 1<<30 {
		return nil, errors.New("perceptron: bad header")
	}
	uvarint := func() (uint64, bool) {
		v, n := binary.Uvarint(data)
		if n <= 0 {
			return 0, false
		}
		data = data[n:]
		return v, true
	}
	b := newBuilder(nc)
	b.rows = make([]uint64, nrows)
	b.m.off = make([]uint32, nrows+1)
	prev := uint64(0)
	for i := 0; i < nrows; i++ {
		d, ok1 := uvarint()
		n, ok2 := uvarint()
		if !ok1 || !ok2 || n > uint64(nc) {
			return nil, fmt.Errorf("perceptron: row %d: truncated or bad", i)
		}
		prev += d
		b.rows[i] = prev
		b.m.off[i+1] = b.m.off[i] + uint32(n)
	}
	if int(b.m.off[nrows]) != nw {
		return nil, errors.New("perceptron: row lengths do not add up")
	}
	b.m.cls = make([]uint16, nw)
	for i := range b.m.cls {
		c, ok := uvarint()
		if !ok || c >= uint64(nc) {
			return nil, fmt.Errorf("perceptron: class %d: bad value", i)
		}
		b.m.cls[i] = uint16(c)
	}
	if len(data) < 2*nw {
		return nil, errors.New("perceptron: weights truncated")
	}
	b.m.wts = make([]float32, nw)
	q := make([]int16, nw)
	for i := range b.m.wts {
		q[i] = int16(binary.LittleEndian.Uint16(data[2*i:]))
		b.m.wts[i] = float32(q[i]) * scale
	}
	cls := b.m.cls
	m := b.build()
	m.buildFast(m.keysInOrder, cls, q, scale)
	return m, nil
}

// Prune returns a copy of m without the weights whose magnitude is below
// minWeight (and without features left with no weights).
func (m *Model) Prune(minWeight float32) *Model {
	b := newBuilder(m.NClasses)
	var cls []uint16
	var ws []float32
	for r, k := range m.keysInOrder {
		cls, ws = cls[:0], ws[:0]
		for _, w := range m.rowW[m.off[r]:m.off[r+1]] {
			if w.w >= minWeight || w.w <= -minWeight {
				cls = append(cls, uint16(w.c))
				ws = append(ws, w.w)
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, ws)
		}
	}
	return b.build()
}
