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
	keys     []uint64 // 0 = empty slot
	slot     []uint32 // row number of keys[i]
	off      []uint32 // row r is cls/wts[off[r]:off[r+1]]
	cls      []uint16
	wts      []float32
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
	m.keys = make([]uint64, size)
	m.slot = make([]uint32, size)
	for r, k := range b.rows {
		if k == 0 {
			k = 1
		}
		i := k & m.mask
		for m.keys[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.keys[i] = k
		m.slot[i] = uint32(r)
	}
	return m
}

// Scores adds the weights of feats into scores (len NClasses), which the
// caller zeroes.
func (m *Model) Scores(feats []uint64, scores []float32) {
	for _, f := range feats {
		if f == 0 {
			f = 1
		}
		i := f & m.mask
		for {
			k := m.keys[i]
			if k == f {
				r := m.slot[i]
				a, z := m.off[r], m.off[r+1]
				cls, wts := m.cls[a:z], m.wts[a:z]
				for j, c := range cls {
					scores[c] += wts[j]
				}
				break
			}
			if k == 0 {
				break
			}
			i = (i + 1) & m.mask
		}
	}
}

// Size reports the number of features and weights.
func (m *Model) Size() (features, weights int) { return len(m.off) - 1, len(m.cls) }

const magic = "TDPC1"

// WriteTo writes the model in a compact binary form: weights are quantized
// to int16 with one scale per model (the precision loss does not change
// argmax decisions measurably).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var maxAbs float32
	for _, x := range m.wts {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	bw.WriteString(magic)
	hdr := []uint64{uint64(m.NClasses), uint64(len(m.off) - 1), uint64(len(m.cls)), uint64(math.Float32bits(scale))}
	for _, v := range hdr {
		binary.Write(bw, binary.LittleEndian, v)
	}
	// Rows in key order, keys delta-encoded as uvarints for compressibility.
	rows := make([]uint64, len(m.off)-1)
	for i, k := range m.keys {
		if k != 0 {
			rows[m.slot[i]] = k
		}
	}
	var buf [binary.MaxVarintLen64]byte
	prev := uint64(0)
	for r, k := range rows {
		bw.Write(buf[:binary.PutUvarint(buf[:], k-prev)])
		prev = k
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(m.off[r+1]-m.off[r]))])
	}
	for _, c := range m.cls {
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(c))])
	}
	for _, x := range m.wts {
		q := int16(math.Round(float64(x / scale)))
		binary.Write(bw, binary.LittleEndian, q)
	}
	return 0, bw.Flush()
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	mg := make([]byte, len(magic))
	if _, err := io.ReadFull(br, mg); err != nil || string(mg) != magic {
		return nil, errors.New("perceptron: not a model file")
	}
	var hdr [4]uint64
	if err := binary.Read(br, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("perceptron: header: %w", err)
	}
	nc, nrows, nw := int(hdr[0]), int(hdr[1]), int(hdr[2])
	scale := math.Float32frombits(uint32(hdr[3]))
	if nc <= 0 || nc > 1<<16 || nrows < 0 || nrows > 1<<28 || nw < 0 || nw > 1<<30 {
		return nil, errors.New("perceptron: bad header")
	}
	b := newBuilder(nc)
	b.rows = make([]uint64, nrows)
	b.m.off = make([]uint32, nrows+1)
	prev := uint64(0)
	for i := 0; i < nrows; i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("perceptron: row %d: %w", i, err)
		}
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("perceptron: row %d: %w", i, err)
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
		c, err := binary.ReadUvarint(br)
		if err != nil || c >= uint64(nc) {
			return nil, fmt.Errorf("perceptron: class %d: bad value", i)
		}
		b.m.cls[i] = uint16(c)
	}
	q := make([]int16, nw)
	if err := binary.Read(br, binary.LittleEndian, q); err != nil {
		return nil, fmt.Errorf("perceptron: weights: %w", err)
	}
	b.m.wts = make([]float32, nw)
	for i, x := range q {
		b.m.wts[i] = float32(x) * scale
	}
	return b.build(), nil
}
