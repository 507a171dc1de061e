package nlp

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tidings/tidings/nlp/clusters"
	"github.com/tidings/tidings/nlp/perceptron"
)

// Parser is a greedy arc-eager transition-based dependency parser with an
// averaged perceptron over Zhang & Nivre (2011) feature templates (words,
// tags, distance, valency, labels and label sets of the stack top, the next
// three buffer words and their heads and children), Brown word-cluster
// templates (Koo et al. 2008; package clusters) and a few wider-context
// ones. It is trained with Goldberg & Nivre's (2012) dynamic oracle on
// projectivized trees (non-projective arcs lifted to the grandparent; at
// parse time every arc is projective). Transitions are labelled: SHIFT,
// REDUCE, LEFT-l and RIGHT-l for every UD relation l of the training data.
// After parsing, matched brackets and quotes are re-attached to the head of
// the phrase they enclose (attachPairedPunct). Safe for concurrent use.
//
// Beam search was considered and left out: the parser is about 85% of the
// pipeline's time, so a beam of 4 would take the pipeline below its goal of
// 50k tokens per CPU-second. Summing the weights of two parsers trained with
// different seeds scored no better on GUM dev than the better of the two.
// The weight lookups dominate the parser's time, so templates the model
// hardly used were dropped to pay for the cluster templates (see features).
type Parser struct {
	model  *perceptron.Model
	labels []string
	root   int             // index of "root" in labels
	punct  int             // index of "punct", -1 if absent
	dep    int             // index of "dep", -1 if absent
	clus   *clusters.Table // word clusters (features need them)
	probe  []string        // cluster fingerprint and probe words (see ClustersMatch)
}

// featureSet names the feature templates of features and moreFeatures in
// the model file: a model trained with other templates (such as the
// TDPARSE1 models, before word clusters) is rejected rather than misread.
const featureSet = "15"

const (
	trShift = iota
	trReduce
)

func leftOf(l int) int  { return 2 + 2*l }
func rightOf(l int) int { return 3 + 2*l }

// config is a parser state over words 1..n (0 is the artificial root).
type config struct {
	n         int
	stack     []int
	b         int // front of the buffer; the buffer is b..n
	head      []int
	label     []int
	lc1, lc2  []int // leftmost and second leftmost children (0 = none)
	rc1       []int // rightmost children
	nl, nr    []int
	lset      []uint64 // bit set of left children's labels
	rset      []uint64
	rootChild int
}

type parseScratch struct {
	cfg    config
	w, p   []uint64 // word and tag hashes, index 0 = root
	u      []uint64 // UPOS hashes
	suf    []uint64 // last three bytes of the lower-cased word
	c4, c6 []uint64 // 4- and 6-bit word cluster path prefixes
	cf     []uint64 // flat word cluster (the full path)
	commas []int    // commas[i]: commas among words 1..i
	verbs  []int    // verbs[i]: VERB/AUX words among 1..i
	puncts []int    // puncts[i]: PUNCT words among 1..i
	feats  []uint64
	scores []float32
	// parseSums: the buffer templates' keys and weight sums, and the sums
	// of the current move.
	bfeats    []uint64
	base, acc perceptron.Sums
}

func growInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (c *config) reset(n int) {
	c.n = n
	c.stack = append(c.stack[:0], 0)
	c.b = 1
	c.head = growInts(c.head, n+1)
	for i := range c.head {
		c.head[i] = -1
	}
	c.label = growInts(c.label, n+1)
	c.lc1, c.lc2 = growInts(c.lc1, n+1), growInts(c.lc2, n+1)
	c.rc1 = growInts(c.rc1, n+1)
	c.nl, c.nr = growInts(c.nl, n+1), growInts(c.nr, n+1)
	if cap(c.lset) < n+1 {
		c.lset, c.rset = make([]uint64, n+1), make([]uint64, n+1)
	}
	c.lset, c.rset = c.lset[:n+1], c.rset[:n+1]
	clear(c.lset)
	clear(c.rset)
	c.rootChild = -1
}

func (c *config) s0() int { return c.stack[len(c.stack)-1] }

func (c *config) addArc(h, d, l int) {
	c.head[d], c.label[d] = h, l
	if h == 0 {
		c.rootChild = d
	}
	if d < h {
		c.nl[h]++
		c.lset[h] |= 1 << uint(l&63)
		if c.lc1[h] == 0 || d < c.lc1[h] {
			c.lc2[h], c.lc1[h] = c.lc1[h], d
		} else if c.lc2[h] == 0 || d < c.lc2[h] {
			c.lc2[h] = d
		}
	} else {
		c.nr[h]++
		c.rset[h] |= 1 << uint(l&63)
		c.rc1[h] = max(c.rc1[h], d)
	}
}

// valid reports whether transition t may be applied.
func (ps *Parser) valid(c *config, t int) bool {
	s := c.s0()
	switch {
	case t == trShift:
		return c.b <= c.n
	case t == trReduce:
		return s != 0 && c.head[s] >= 0
	case t&1 == 0: // LEFT-l
		l := (t - 2) / 2
		return s != 0 && c.head[s] < 0 && c.b <= c.n && l != ps.root
	default: // RIGHT-l
		l := (t - 3) / 2
		if c.b > c.n {
			return false
		}
		if s == 0 {
			return l == ps.root && c.rootChild < 0
		}
		return l != ps.root
	}
}

func (c *config) apply(t int) {
	s := c.s0()
	switch {
	case t == trShift:
		c.stack = append(c.stack, c.b)
		c.b++
	case t == trReduce:
		c.stack = c.stack[:len(c.stack)-1]
	case t&1 == 0:
		c.addArc(c.b, s, (t-2)/2)
		c.stack = c.stack[:len(c.stack)-1]
	default:
		c.addArc(s, c.b, (t-3)/2)
		c.stack = append(c.stack, c.b)
		c.b++
	}
}

// best returns the highest-scoring valid transition.
func (ps *Parser) best(c *config, scores []float32) int {
	bt, bs := -1, float32(0)
	for t, sc := range scores {
		if (bt < 0 || sc > bs) && ps.valid(c, t) {
			bt, bs = t, sc
		}
	}
	return bt
}

// parse fills Head and Rel of toks (XPOS/UPOS must be set).
func (ps *Parser) parse(toks []Token, s *parseScratch) {
	n := len(toks)
	if n == 0 {
		return
	}
	ps.prepare(toks, s)
	c := &s.cfg
	c.reset(n)
	if cap(s.scores) < ps.model.NClasses {
		s.scores = make([]float32, ps.model.NClasses)
	}
	sc := s.scores[:ps.model.NClasses]
	if ps.model.CanSum() {
		ps.parseSums(s, sc)
	} else {
		ps.parseMoves(s, sc)
	}
	ps.finish(c, toks)
}

// parseMoves runs the transitions from the initial configuration, scoring
// every move's features afresh.
func (ps *Parser) parseMoves(s *parseScratch, sc []float32) {
	c := &s.cfg
	for c.b <= c.n {
		clear(sc)
		ps.model.Scores(ps.features(s), sc)
		t := ps.best(c, sc)
		if t < 0 {
			break
		}
		c.apply(t)
	}
}

// parseSums is parse's loop for a model read from disk: the weights of the
// buffer templates are summed once per buffer position instead of once a
// move (about half the moves, LEFT-ARC and REDUCE, keep the buffer), which
// gives the same scores with a sixth fewer weight lookups.
func (ps *Parser) parseSums(s *parseScratch, sc []float32) {
	c := &s.cfg
	base, acc := &s.base, &s.acc
	lastB := -1
	for c.b <= c.n {
		if c.b != lastB {
			*base = perceptron.Sums{}
			s.bfeats = ps.bufferFeatures(s, s.bfeats[:0])
			ps.model.AddSums(s.bfeats, base)
			lastB = c.b
		}
		*acc = *base
		s.feats = ps.stateFeatures(s, s.feats[:0])
		ps.model.AddSums(s.feats, acc)
		clear(sc)
		ps.model.ScoresFromSums(acc, sc)
		t := ps.best(c, sc)
		if t < 0 {
			break
		}
		c.apply(t)
	}
}

// finish attaches words left without a head (one becomes the root if the
// parser found none) and copies the tree into toks.
func (ps *Parser) finish(c *config, toks []Token) {
	for i := 1; i <= c.n; i++ {
		if c.head[i] >= 0 {
			continue
		}
		if c.rootChild < 0 && toks[i-1].UPOS != "PUNCT" {
			c.head[i], c.label[i], c.rootChild = 0, ps.root, i
		}
	}
	if c.rootChild < 0 {
		c.head[1], c.label[1], c.rootChild = 0, ps.root, 1
	}
	for i := 1; i <= c.n; i++ {
		if c.head[i] < 0 {
			c.head[i] = c.rootChild
			switch {
			case toks[i-1].UPOS == "PUNCT" && ps.punct >= 0:
				c.label[i] = ps.punct
			case ps.dep >= 0:
				c.label[i] = ps.dep
			}
		}
	}
	for i := 1; i <= c.n; i++ {
		toks[i-1].Head = c.head[i] - 1
		toks[i-1].Rel = ps.labels[c.label[i]]
	}
	attachPairedPunct(toks)
}

// Encode writes the parser gzip-compressed.
func (ps *Parser) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	writeStrings(zw, "TDPARSE2", featureSet)
	writeStrings(zw, ps.labels...)
	writeStrings(zw, ps.probe...)
	if _, err := ps.model.WriteTo(zw); err != nil {
		return err
	}
	return zw.Close()
}

// DecodeParser reads a parser written by Encode.
func DecodeParser(data []byte) (*Parser, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	r := newByteReader(zr)
	switch m := r.strings(); {
	case len(m) >= 1 && m[0] == "TDPARSE1":
		return nil, errors.New("parser: model predates word-cluster features; retrain it (tidings train parser)")
	case len(m) != 2 || m[0] != "TDPARSE2":
		return nil, errors.New("parser: not a parser model")
	case m[1] != featureSet:
		return nil, fmt.Errorf("parser: model has feature set %q, want %q; retrain it (tidings train parser)", m[1], featureSet)
	}
	labels := r.strings()
	probe := r.strings()
	if r.err != nil {
		return nil, fmt.Errorf("parser: %w", r.err)
	}
	ps, err := newParser(labels)
	if err != nil {
		return nil, err
	}
	ps.probe = probe
	if ps.model, err = perceptron.Read(r.br); err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	if ps.model.NClasses != 2+2*len(labels) {
		return nil, errors.New("parser: class count mismatch")
	}
	return ps, nil
}

func newParser(labels []string) (*Parser, error) {
	if len(labels) > 64 {
		return nil, fmt.Errorf("parser: %d labels, at most 64 supported", len(labels))
	}
	clus, err := clusters.Default()
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	ps := &Parser{labels: labels, root: -1, punct: -1, dep: -1, clus: clus}
	for i, l := range labels {
		switch l {
		case "root":
			ps.root = i
		case "punct":
			ps.punct = i
		case "dep":
			ps.dep = i
		}
	}
	if ps.root < 0 {
		return nil, errors.New("parser: no root label")
	}
	return ps, nil
}

// tagKey is the tag value the parser's features read: both tags.
func tagKey(xpos, upos string) uint64 { return perceptron.String(xpos + "|" + upos) }

func (ps *Parser) prepare(toks []Token, s *parseScratch) {
	s.w = append(s.w[:0], hRoot)
	s.p = append(s.p[:0], hRoot)
	s.u = append(s.u[:0], hRoot)
	s.suf = append(s.suf[:0], hRoot)
	s.commas = append(s.commas[:0], 0)
	s.verbs = append(s.verbs[:0], 0)
	s.puncts = append(s.puncts[:0], 0)
	s.c4 = append(s.c4[:0], hRoot)
	s.c6 = append(s.c6[:0], hRoot)
	s.cf = append(s.cf[:0], hRoot)
	for i := range toks {
		c4, c6, cf := uint64(noWord), uint64(noWord), uint64(noWord)
		if c, ok := ps.clus.Lookup(toks[i].Text); ok {
			c4, c6, cf = c.Prefix(4), c.Prefix(6), uint64(c.Flat())
		}
		s.c4, s.c6, s.cf = append(s.c4, c4), append(s.c6, c6), append(s.cf, cf)
		low := strings.ToLower(toks[i].Text)
		s.suf = append(s.suf, perceptron.String(low[max(0, len(low)-3):]))
		c, v, pu := s.commas[i], s.verbs[i], s.puncts[i]
		if toks[i].UPOS == "PUNCT" {
			pu++
		}
		if toks[i].Text == "," {
			c++
		}
		if toks[i].UPOS == "VERB" || toks[i].UPOS == "AUX" {
			v++
		}
		s.commas = append(s.commas, c)
		s.verbs = append(s.verbs, v)
		s.puncts = append(s.puncts, pu)
		s.w = append(s.w, perceptron.String(low))
		s.p = append(s.p, tagKey(toks[i].XPOS, toks[i].UPOS))
		s.u = append(s.u, perceptron.String(toks[i].UPOS))
	}
}

var hRoot = perceptron.String("-ROOT-")

// PruneModel drops weights below minWeight in magnitude (for size/speed
// experiments and for shipping a smaller model).
func (ps *Parser) PruneModel(minWeight float32) { ps.model = ps.model.Prune(minWeight) }

// ModelSize reports the parser model's features and weights.
func (ps *Parser) ModelSize() (features, weights int) { return ps.model.Size() }
