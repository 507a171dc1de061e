package nlp

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/nlp/perceptron"
)

// Tagger is a greedy left-to-right averaged-perceptron part-of-speech
// tagger predicting PTB XPOS and UD UPOS jointly (one class per pair seen in
// training). Features follow Honnibal's tagger, plus the "ambiguity class"
// (set of tags seen in training) of the current and next two words as
// look-ahead. Safe for concurrent use.
type Tagger struct {
	model   *perceptron.Model
	classes []tagPair
	// amb maps a lower-cased training word to the hash of its ambiguity
	// class; unambiguous frequent words map straight to a class via sure.
	amb  map[string]uint64
	sure map[string]int32
}

type tagPair struct{ XPOS, UPOS string }

// tokFeat is what the feature templates read from one token.
type tokFeat struct {
	low, raw, shape, amb uint64
	suf                  [4]uint64
	pre                  [3]uint64
	sure                 int32
}

type tagScratch struct {
	words  []string
	info   []tokFeat
	feats  []uint64
	scores []float32
	tags   []int32
}

var (
	hStart = perceptron.String("-START-")
	hEnd   = perceptron.String("-END-")
	hNone  = perceptron.String("-NONE-")
)

// wordShape maps a word to a short pattern: Xxxx → Xx, 1,500 → d,d, U.S. → X.X.
func wordShape(w string) uint64 {
	var b [16]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '~'
		}
		if c == last {
			continue
		}
		last = c
		if n < len(b) {
			b[n] = c
			n++
		}
	}
	return perceptron.String(string(b[:n]))
}

func (t *Tagger) prepare(words []string, s *tagScratch) {
	s.info = s.info[:0]
	for _, w := range words {
		low := strings.ToLower(w)
		f := tokFeat{low: perceptron.String(low), raw: perceptron.String(w), shape: wordShape(w), sure: -1}
		// Suffixes and prefixes of 1-4 / 1-3 runes, as substrings (no allocation).
		end := len(low)
		for k := 0; k < 4 && end > 0; k++ {
			_, n := utf8.DecodeLastRuneInString(low[:end])
			end -= n
			f.suf[k] = perceptron.Hash1(uint64(k+100), perceptron.String(low[end:]))
		}
		start := 0
		for k := 0; k < 3 && start < len(low); k++ {
			_, n := utf8.DecodeRuneInString(low[start:])
			start += n
			f.pre[k] = perceptron.Hash1(uint64(k+200), perceptron.String(low[:start]))
		}
		if a, ok := t.amb[low]; ok {
			f.amb = a
		} else {
			f.amb = hNone
		}
		if c, ok := t.sure[w]; ok {
			f.sure = c
		}
		s.info = append(s.info, f)
	}
}

// features appends the feature hashes for token i given the two previous
// predicted classes (-1 at the start).
func (t *Tagger) features(s *tagScratch, i int, p1, p2 int32) []uint64 {
	in := s.info
	at := func(k int) *tokFeat {
		if k >= 0 && k < len(in) {
			return &in[k]
		}
		return nil
	}
	word := func(k int) uint64 {
		if f := at(k); f != nil {
			return f.low
		}
		if k < 0 {
			return hStart
		}
		return hEnd
	}
	amb := func(k int) uint64 {
		if f := at(k); f != nil {
			return f.amb
		}
		return hEnd
	}
	shape := func(k int) uint64 {
		if f := at(k); f != nil {
			return f.shape
		}
		return hEnd
	}
	suf3 := func(k int) uint64 {
		if f := at(k); f != nil {
			return f.suf[2]
		}
		return hEnd
	}
	c := &in[i]
	t1, t2 := uint64(p1+2), uint64(p2+2)
	fs := append(s.feats[:0],
		perceptron.Hash1(1, 0),
		perceptron.Hash1(2, c.low),
		perceptron.Hash1(3, c.raw),
		c.suf[0]+1, c.suf[1]+2, c.suf[2]+3, c.suf[3]+4,
		c.pre[0]+5, c.pre[1]+6, c.pre[2]+7,
		perceptron.Hash1(11, c.shape),
		perceptron.Hash1(12, t1),
		perceptron.Hash1(13, t2),
		perceptron.Hash2(14, t1, t2),
		perceptron.Hash2(15, t1, c.low),
		perceptron.Hash1(16, word(i-1)),
		perceptron.Hash1(17, word(i-2)),
		perceptron.Hash1(18, word(i+1)),
		perceptron.Hash1(19, word(i+2)),
		perceptron.Hash1(20, suf3(i-1)),
		perceptron.Hash1(21, suf3(i+1)),
		perceptron.Hash1(22, c.amb),
		perceptron.Hash1(23, amb(i+1)),
		perceptron.Hash1(24, amb(i+2)),
		perceptron.Hash2(26, word(i-1), c.low),
		perceptron.Hash2(27, c.low, word(i+1)),
		perceptron.Hash1(28, shape(i+1)),
		perceptron.Hash1(29, shape(i-1)),
		perceptron.Hash2(30, t1, amb(i+1)),
		perceptron.Hash2(31, c.amb, amb(i+1)),
		perceptron.Hash2(32, uint64(min(i, 1)), c.shape),
		perceptron.Hash2(33, t1, c.suf[2]),
		perceptron.Hash2(34, amb(i-1), c.amb),
	)
	s.feats = fs
	return fs
}

func argmax(scores []float32) int32 {
	best := 0
	for k, v := range scores {
		if v > scores[best] {
			best = k
		}
	}
	return int32(best)
}

// TagWords returns the (XPOS, UPOS) pair for each word.
func (t *Tagger) TagWords(words []string) (xpos, upos []string) {
	var s tagScratch
	cls := t.predict(words, &s)
	for _, c := range cls {
		xpos = append(xpos, t.classes[c].XPOS)
		upos = append(upos, t.classes[c].UPOS)
	}
	return xpos, upos
}

func (t *Tagger) predict(words []string, s *tagScratch) []int32 {
	t.prepare(words, s)
	if cap(s.scores) < len(t.classes) {
		s.scores = make([]float32, len(t.classes))
	}
	s.tags = s.tags[:0]
	p1, p2 := int32(-1), int32(-1)
	for i := range words {
		c := s.info[i].sure
		if c < 0 {
			sc := s.scores[:len(t.classes)]
			clear(sc)
			t.model.Scores(t.features(s, i, p1, p2), sc)
			c = argmax(sc)
		}
		s.tags = append(s.tags, c)
		p2, p1 = p1, c
	}
	return s.tags
}

// tag sets XPOS and UPOS of toks.
func (t *Tagger) tag(toks []Token, s *tagScratch) {
	s.words = s.words[:0]
	for i := range toks {
		s.words = append(s.words, toks[i].Text)
	}
	for i, c := range t.predict(s.words, s) {
		toks[i].XPOS, toks[i].UPOS = t.classes[c].XPOS, t.classes[c].UPOS
	}
}

// Encode writes the tagger gzip-compressed.
func (t *Tagger) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	writeStrings(zw, "TDTAG1")
	var cls []string
	for _, c := range t.classes {
		cls = append(cls, c.XPOS, c.UPOS)
	}
	writeStrings(zw, cls...)
	keys := sortedMapKeys(t.amb)
	writeStrings(zw, keys...)
	for _, k := range keys {
		binary.Write(zw, binary.LittleEndian, t.amb[k])
	}
	sk := sortedMapKeys(t.sure)
	writeStrings(zw, sk...)
	for _, k := range sk {
		binary.Write(zw, binary.LittleEndian, t.sure[k])
	}
	if _, err := t.model.WriteTo(zw); err != nil {
		return err
	}
	return zw.Close()
}

// DecodeTagger reads a tagger written by Encode.
func DecodeTagger(data []byte) (*Tagger, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	r := newByteReader(zr)
	if m := r.strings(); len(m) != 1 || m[0] != "TDTAG1" {
		return nil, errors.New("tagger: not a tagger model")
	}
	cls := r.strings()
	t := &Tagger{amb: map[string]uint64{}, sure: map[string]int32{}}
	for i := 0; i+1 < len(cls); i += 2 {
		t.classes = append(t.classes, tagPair{cls[i], cls[i+1]})
	}
	for _, k := range r.strings() {
		t.amb[k] = r.u64()
	}
	for _, k := range r.strings() {
		t.sure[k] = int32(r.u32())
	}
	if r.err != nil {
		return nil, fmt.Errorf("tagger: %w", r.err)
	}
	if t.model, err = perceptron.Read(r.br); err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	for _, c := range t.sure {
		if c < 0 || int(c) >= len(t.classes) {
			return nil, errors.New("tagger: bad class")
		}
	}
	if t.model.NClasses != len(t.classes) {
		return nil, errors.New("tagger: class count mismatch")
	}
	return t, nil
}
