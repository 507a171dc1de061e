package ner

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// model is a trained linear sequence model: per-feature label weights and
// label-transition weights, decoded with Viterbi under BILOU constraints.
type model struct {
	rows    map[uint64]int32 // feature hash → row of w, while training
	table   *featTable       // the same once loaded, for fast lookups
	w       []float32        // len(rows)*numLabels, while training
	wq      []int16          // the same quantized (times scale), once loaded
	scale   float32
	trans   [numLabels][numLabels]float32
	start   [numLabels]float32
	end     [numLabels]float32
	version uint32
	lex     *lexicon
	keys    []uint64 // row → feature hash (sorted) of a model being loaded
}

// lookup returns the weight row of a feature hash.
func (m *model) lookup(h uint64) (int32, bool) {
	if m.table == nil {
		r, ok := m.rows[h]
		return r, ok
	}
	return m.table.get(h)
}

// modelVersion is the version of the model format and feature set that
// this code writes and reads. Bump it whenever the features change: a model
// trained on other features would load but score nonsense. 2 added the
// lexicon; 3 the GloVe-cluster features (glove.go).
const modelVersion = 3

// negInf marks an impossible label.
const negInf = -1e30

// emissions fills em (n × numLabels) with the feature scores of each token.
func (m *model) emissions(f *sentFeatures, n int, em []float32) {
	if m.wq != nil {
		m.emissionsQ(f, n, em)
		return
	}
	for i := 0; i < n; i++ {
		row := em[i*numLabels : (i+1)*numLabels]
		clear(row)
		for _, h := range f.token(i) {
			r, ok := m.lookup(h)
			if !ok {
				continue
			}
			ws := m.w[int(r)*numLabels : int(r+1)*numLabels]
			for j := range row {
				row[j] += ws[j]
			}
		}
	}
}

// emissionsQ is emissions over the quantized weights of a loaded model:
// half the memory traffic of float32 rows. The rows of a token's features
// are found first and added up after, so that the cache misses of the
// lookups overlap instead of following one another (the integer sums do not
// depend on the order).
func (m *model) emissionsQ(f *sentFeatures, n int, em []float32) {
	var rows [64]int32
	for i := 0; i < n; i++ {
		var acc [numLabels]int32
		feats := f.token(i)
		for len(feats) > 0 {
			chunk := feats[:min(len(feats), len(rows))]
			feats = feats[len(chunk):]
			k := 0
			for _, h := range chunk {
				if r, ok := m.table.get(h); ok {
					rows[k] = r
					k++
				}
			}
			for _, r := range rows[:k] {
				ws := m.wq[int(r)*numLabels : int(r+1)*numLabels : int(r+1)*numLabels]
				for j := range acc {
					acc[j] += int32(ws[j])
				}
			}
		}
		row := em[i*numLabels : (i+1)*numLabels]
		for j := range row {
			row[j] = float32(acc[j]) * m.scale
		}
	}
}

// validTable caches validTrans.
var validTable = func() (v [numLabels][numLabels]bool) {
	for i := range v {
		for j := range v[i] {
			v[i][j] = validTrans(label(i), label(j))
		}
	}
	return v
}()

// scoreTemperature divides the perceptron's scores before they are read as
// log-probabilities: averaged perceptron scores are far more peaked than
// probabilities, and this value makes span scores roughly calibrated on the
// CoNLL dev set (spans scored about p are right about p of the time).
const scoreTemperature = 10.0

// Serialized model layout (little endian, inside gzip): magic "TNER",
// version, numLabels, scale (float32), transitions, start, end (float32),
// row count, then per row (sorted by hash) the hash delta as uvarint and
// numLabels int16 weights to multiply by scale; then the lexicon: entry
// count, and per entry (sorted by hash) the hash delta as uvarint and the
// uint16 value.
const modelMagic = "TNER"

func (m *model) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	hashes := make([]uint64, 0, len(m.rows))
	for h := range m.rows {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	if m.w == nil {
		return errors.New("ner model: cannot re-serialize a loaded model")
	}
	maxAbs := float32(0)
	for _, x := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	bw.WriteString(modelMagic)
	hdr := []any{m.version, uint32(numLabels), scale, m.trans, m.start, m.end, uint64(len(hashes))}
	for _, v := range hdr {
		if err := binary.Write(bw, binary.LittleEndian, v); err != nil {
			return err
		}
	}
	var buf [binary.MaxVarintLen64]byte
	prev := uint64(0)
	q := make([]int16, numLabels)
	for _, h := range hashes {
		bw.Write(buf[:binary.PutUvarint(buf[:], h-prev)])
		prev = h
		r := m.rows[h]
		for j, x := range m.w[int(r)*numLabels : int(r+1)*numLabels] {
			q[j] = int16(math.Round(float64(x / scale)))
		}
		if err := binary.Write(bw, binary.LittleEndian, q); err != nil {
			return err
		}
	}
	if m.version >= 2 {
		if err := writeLexicon(bw, m.lex); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func writeLexicon(bw *bufio.Writer, lex *lexicon) error {
	var keys []uint64
	if lex != nil {
		for h := range lex.words {
			keys = append(keys, h)
		}
	}
	slices.Sort(keys)
	if err := binary.Write(bw, binary.LittleEndian, uint64(len(keys))); err != nil {
		return err
	}
	var buf [binary.MaxVarintLen64]byte
	prev := uint64(0)
	for _, h := range keys {
		bw.Write(buf[:binary.PutUvarint(buf[:], h-prev)])
		prev = h
		if err := binary.Write(bw, binary.LittleEndian, lex.words[h]); err != nil {
			return err
		}
	}
	return nil
}

func readLexicon(br *bufio.Reader) (*lexicon, error) {
	var n uint64
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	if n > 1<<24 {
		return nil, fmt.Errorf("lexicon: %d entries", n)
	}
	lex := &lexicon{words: make(map[uint64]uint16, n)}
	h := uint64(0)
	for i := uint64(0); i < n; i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("lexicon entry %d: %w", i, err)
		}
		h += d
		var v uint16
		if err := binary.Read(br, binary.LittleEndian, &v); err != nil {
			return nil, fmt.Errorf("lexicon entry %d: %w", i, err)
		}
		lex.words[h] = v
	}
	lex.flat = newFlatMap(lex.words)
	return lex, nil
}

// readModels reads the models written one after the other to r.
func readModels(r io.Reader) ([]*model, error) {
	br := bufio.NewReader(r)
	var ms []*model
	for {
		if _, err := br.Peek(1); err == io.EOF && len(ms) > 0 {
			return ms, nil
		}
		m, err := readModel(br)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
}

func readModel(br *bufio.Reader) (*model, error) {
	magic := make([]byte, 4)
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("not a tidings NER model")
	}
	m := &model{}
	var nl uint32
	var scale float32
	var nrows uint64
	for _, v := range []any{&m.version, &nl, &scale, &m.trans, &m.start, &m.end, &nrows} {
		if err := binary.Read(br, binary.LittleEndian, v); err != nil {
			return nil, fmt.Errorf("model header: %w", err)
		}
	}
	if m.version != modelVersion {
		return nil, fmt.Errorf("model version %d, want %d (the features changed: retrain with tidings train ner)", m.version, modelVersion)
	}
	if nl != numLabels || nrows > 1<<26 {
		return nil, fmt.Errorf("model has %d labels and %d rows, want %d labels", nl, nrows, numLabels)
	}
	m.table = newFeatTable(int(nrows))
	m.wq = make([]int16, int(nrows)*numLabels)
	m.keys = make([]uint64, nrows)
	m.scale = scale
	h := uint64(0)
	var buf [2 * numLabels]byte
	for i := 0; i < int(nrows); i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("model row %d: %w", i, err)
		}
		h += d
		// Decoded by hand: binary.Read allocates on every call.
		if _, err := io.ReadFull(br, buf[:]); err != nil {
			return nil, fmt.Errorf("model row %d: %w", i, err)
		}
		for j := range numLabels {
			m.wq[i*numLabels+j] = int16(binary.LittleEndian.Uint16(buf[2*j:]))
		}
		m.table.put(h, int32(i))
		m.keys[i] = h
	}
	if m.version >= 2 {
		lex, err := readLexicon(br)
		if err != nil {
			return nil, err
		}
		m.lex = lex
	}
	return m, nil
}
