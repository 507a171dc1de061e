package ner

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/tidings/tidings/nlp/clusters"
)

// TrainOptions controls Train.
type TrainOptions struct {
	Epochs   int     // passes over the data (default 8)
	MinCount int     // keep features seen at least this often (default 2)
	Prune    float32 // drop features whose averaged weights are all below this in magnitude
	Seed     uint64  // shuffling seed, for determinism
	// LowerEvery > 0 adds a lower-cased copy of every LowerEvery-th
	// document (case augmentation), so the model learns to find names
	// that web text leaves in lower case.
	LowerEvery int
	// Bag > 1 trains the final models Bag times with different shuffling
	// seeds and averages them (bag.go).
	Bag int
	Log io.Writer
}

// trainSent is one training sentence as feature rows and gold labels.
type trainSent struct {
	rows   []int32 // feature rows of all tokens
	offs   []int32 // token i owns rows[offs[i]:offs[i+1]]
	labels []label
}

// perceptron is an averaged structured perceptron under training. Averages
// use the "w - u/c" trick: every update of delta at step c also adds c*delta
// to u, and the average after c steps is w - u/c.
type perceptron struct {
	w, u          []float64
	trans, transU [numLabels][numLabels]float64
	start, startU [numLabels]float64
	end, endU     [numLabels]float64
	c             float64
}

// Train fits the recognizer on docs and returns it gzip-serialized, ready
// for NewFromModel. Word clusters and capitalization priors are learnt from
// the words of docs plus the unlabeled sentences raw. Two models are
// trained: the first on sentence features, the second (stacked) on the same
// features plus document-level features computed from first-pass labels of
// the other mentions of each word; the second pass's training labels come
// from two-fold cross-validation so that it learns how far to trust the
// first. Train is deterministic for a given Seed.
func Train(ctx context.Context, docs []Document, raw [][]string, opts TrainOptions) ([]byte, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 8
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 2
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	gaz, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	text := raw
	for _, d := range docs {
		for _, s := range d.Sentences {
			text = append(text, s.Words)
		}
	}
	lex := buildLexicon(text)
	fmt.Fprintf(opts.Log, "ner: lexicon of %d words from %d sentences\n", len(lex.words), len(text))
	gv, err := clusters.GloVe()
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	x := &extractor{gaz: gaz, lex: lex, glove: gv}
	groups := make([]int, len(docs))
	for i := range groups {
		groups[i] = i
	}
	if opts.LowerEvery > 0 {
		// After the lexicon, whose capitalization priors must come from
		// real text.
		docs, groups = addLowerCopies(docs, groups, opts.LowerEvery)
	}
	data := extractDocs(x, docs)
	var folds [2][]*trainDoc
	for i, d := range data {
		// A copy shares its original's fold, so the held-out labels of
		// the stacked pass never come from a model that saw the text.
		folds[groups[i]%2] = append(folds[groups[i]%2], d)
	}
	for k := 0; k < 2; k++ {
		fmt.Fprintf(opts.Log, "ner: first pass, fold %d\n", k+1)
		m, err := trainModel(ctx, folds[k], opts)
		if err != nil {
			return nil, err
		}
		for _, d := range folds[1-k] {
			// Each document is in exactly one held-out fold.
			d.setStacked(m)
		}
	}
	fmt.Fprintln(opts.Log, "ner: first pass, all data")
	m1, err := trainBagged(ctx, data, opts)
	if err != nil {
		return nil, err
	}
	m1.lex = lex
	for _, d := range data {
		d.feats, d.base = d.stacked, nil
	}
	fmt.Fprintln(opts.Log, "ner: second pass")
	m2, err := trainBagged(ctx, data, opts)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	for _, m := range []*model{m1, m2} {
		if err := m.write(zw); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// trainDoc is one training document: per sentence the words, gold labels,
// the features trained on (first the base features, then the stacked ones)
// and the stacked features for the second pass.
type trainDoc struct {
	words   [][]string
	labels  [][]label
	feats   []sentFeatures
	base    []sentFeatures
	stacked []sentFeatures
	repeat  int // visits per epoch
}

func extractDocs(x *extractor, docs []Document) []*trainDoc {
	out := make([]*trainDoc, len(docs))
	for k, d := range docs {
		td := &trainDoc{repeat: max(1, d.Weight)}
		for _, s := range d.Sentences {
			td.words = append(td.words, s.Words)
			td.labels = append(td.labels, bilouLabels(len(s.Words), s.spans()))
		}
		dc := newDocContext(td.words)
		td.feats = make([]sentFeatures, len(td.words))
		for i, ws := range td.words {
			x.extract(ws, dc, &td.feats[i])
		}
		td.base = td.feats
		out[k] = td
	}
	return out
}

// setStacked labels the document with the first-pass model m and stores
// the base features plus the stacked features that decodeDoc's second pass
// would add.
func (d *trainDoc) setStacked(m *model) {
	pass1 := make([][]label, len(d.words))
	var em []float32
	for i, ws := range d.words {
		em = slicesGrow(em, len(ws)*numLabels)
		m.emissions(&d.base[i], len(ws), em)
		pass1[i] = viterbi(len(ws), em, &m.trans, &m.start, &m.end)
	}
	d.stacked = make([]sentFeatures, len(d.words))
	stackFeatures(d.words, pass1, d.base, d.stacked)
}

// trainModel runs the averaged perceptron over the sentences of docs.
func trainModel(ctx context.Context, docs []*trainDoc, opts TrainOptions) (*model, error) {
	sents, hashes := featurize(docs, opts.MinCount)
	fmt.Fprintf(opts.Log, "ner: %d sentences, %d features\n", len(sents), len(hashes))
	p := &perceptron{w: make([]float64, len(hashes)*numLabels), u: make([]float64, len(hashes)*numLabels)}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x6e6572))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	em := make([]float32, 0, 256*numLabels)
	for epoch := 0; epoch < opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for k, si := range order {
			if k%1000 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			p.c++
			if p.step(&sents[si], &em) {
				errs++
			}
		}
		fmt.Fprintf(opts.Log, "ner: epoch %d: %d/%d sentences wrong\n", epoch+1, errs, len(sents))
	}
	m := p.average(hashes, opts.Prune)
	fmt.Fprintf(opts.Log, "ner: kept %d of %d features\n", len(m.rows), len(hashes))
	return m, nil
}

// featurize turns the documents' hashed features into rows, keeping
// features seen at least minCount times; it returns the sentences and the
// kept hashes, whose positions are the rows.
func featurize(docs []*trainDoc, minCount int) ([]trainSent, []uint64) {
	counts := make(map[uint64]int32)
	for _, d := range docs {
		for _, f := range d.feats {
			for _, h := range f.hashes {
				counts[h]++
			}
		}
	}
	index := make(map[uint64]int32)
	var hashes []uint64
	var sents []trainSent
	for _, d := range docs {
		for si, f := range d.feats {
			ls := d.labels[si]
			ts := trainSent{labels: ls, offs: make([]int32, 1, len(ls)+1)}
			for i := range ls {
				for _, h := range f.token(i) {
					if counts[h] < int32(minCount) {
						continue
					}
					row, ok := index[h]
					if !ok {
						row = int32(len(hashes))
						index[h] = row
						hashes = append(hashes, h)
					}
					ts.rows = append(ts.rows, row)
				}
				ts.offs = append(ts.offs, int32(len(ts.rows)))
			}
			for range d.repeat {
				sents = append(sents, ts)
			}
		}
	}
	return sents, hashes
}

// step decodes one sentence with the current weights and updates them where
// the prediction is wrong; it reports whether it was.
func (p *perceptron) step(s *trainSent, em *[]float32) bool {
	n := len(s.labels)
	if n == 0 {
		return false
	}
	*em = (*em)[:0]
	for i := 0; i < n; i++ {
		var row [numLabels]float64
		for _, r := range s.rows[s.offs[i]:s.offs[i+1]] {
			ws := p.w[int(r)*numLabels : int(r+1)*numLabels]
			for j := range row {
				row[j] += ws[j]
			}
		}
		for j := range row {
			*em = append(*em, float32(row[j]))
		}
	}
	var trans [numLabels][numLabels]float32
	var start, end [numLabels]float32
	for i := range trans {
		for j := range trans[i] {
			trans[i][j] = float32(p.trans[i][j])
		}
		start[i], end[i] = float32(p.start[i]), float32(p.end[i])
	}
	pred := viterbi(n, *em, &trans, &start, &end)
	wrong := false
	for i := 0; i < n; i++ {
		g, q := s.labels[i], pred[i]
		if g != q {
			wrong = true
			for _, r := range s.rows[s.offs[i]:s.offs[i+1]] {
				p.bump(int(r)*numLabels+int(g), 1)
				p.bump(int(r)*numLabels+int(q), -1)
			}
		}
		if i > 0 && (g != q || s.labels[i-1] != pred[i-1]) {
			bumpArr(&p.trans[s.labels[i-1]][g], &p.transU[s.labels[i-1]][g], p.c, 1)
			bumpArr(&p.trans[pred[i-1]][q], &p.transU[pred[i-1]][q], p.c, -1)
		}
	}
	if s.labels[0] != pred[0] {
		bumpArr(&p.start[s.labels[0]], &p.startU[s.labels[0]], p.c, 1)
		bumpArr(&p.start[pred[0]], &p.startU[pred[0]], p.c, -1)
	}
	if s.labels[n-1] != pred[n-1] {
		bumpArr(&p.end[s.labels[n-1]], &p.endU[s.labels[n-1]], p.c, 1)
		bumpArr(&p.end[pred[n-1]], &p.endU[pred[n-1]], p.c, -1)
	}
	return wrong
}

func (p *perceptron) bump(i int, d float64) {
	p.w[i] += d
	p.u[i] += p.c * d
}

func bumpArr(w, u *float64, c, d float64) {
	*w += d
	*u += c * d
}

// average returns the averaged model, without rows whose weights are all
// smaller than prune in magnitude.
func (p *perceptron) average(hashes []uint64, prune float32) *model {
	m := &model{rows: make(map[uint64]int32), version: modelVersion}
	avg := func(w, u float64) float32 { return float32(w - u/p.c) }
	for i := range m.trans {
		for j := range m.trans[i] {
			m.trans[i][j] = avg(p.trans[i][j], p.transU[i][j])
		}
		m.start[i] = avg(p.start[i], p.startU[i])
		m.end[i] = avg(p.end[i], p.endU[i])
	}
	var row [numLabels]float32
	for r, h := range hashes {
		big := false
		for j := range row {
			row[j] = avg(p.w[r*numLabels+j], p.u[r*numLabels+j])
			if float32(math.Abs(float64(row[j]))) >= max(prune, 1e-6) {
				big = true
			}
		}
		if !big {
			continue
		}
		m.rows[h] = int32(len(m.rows))
		m.w = append(m.w, row[:]...)
	}
	return m
}

// addLowerCopies appends a lower-cased copy of every k-th document, with
// the same tags; groups (the original index of each document) is extended
// accordingly.
func addLowerCopies(docs []Document, groups []int, k int) ([]Document, []int) {
	n := len(docs)
	for i := 0; i < n; i += k {
		d := docs[i]
		c := Document{Weight: d.Weight, Sentences: make([]Sentence, len(d.Sentences))}
		for j, s := range d.Sentences {
			ws := make([]string, len(s.Words))
			for t, w := range s.Words {
				ws[t] = strings.ToLower(w)
			}
			c.Sentences[j] = Sentence{Words: ws, Tags: s.Tags}
		}
		docs = append(docs, c)
		groups = append(groups, groups[i])
	}
	return docs, groups
}
