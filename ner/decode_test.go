package ner

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// refDecode is the straightforward decoder that decodeWith replaces: each
// model scores its own features (the second pass over base plus stacked
// features), with dense Viterbi and forward-backward. decodeWith must give
// exactly the same spans and scores.
func refDecode(r *Recognizer, sents [][]string) [][]scoredSpan {
	dc := newDocContext(sents)
	feats := make([]sentFeatures, len(sents))
	labels := make([][]label, len(sents))
	for si, ws := range sents {
		r.x.extract(ws, dc, &feats[si])
		em := make([]float32, len(ws)*numLabels)
		r.m1.emissions(&feats[si], len(ws), em)
		labels[si] = refViterbi(len(ws), em, &r.m1.trans, &r.m1.start, &r.m1.end)
	}
	last := r.m1
	if r.m2 != nil {
		last = r.m2
		stacked := make([]sentFeatures, len(sents))
		stackFeatures(sents, labels, feats, stacked)
		feats = stacked
	}
	out := make([][]scoredSpan, len(sents))
	for si, ws := range sents {
		n := len(ws)
		if n == 0 {
			continue
		}
		em := make([]float32, n*numLabels)
		last.emissions(&feats[si], n, em)
		ls := labels[si]
		if last != r.m1 {
			ls = refViterbi(n, em, &last.trans, &last.start, &last.end)
		}
		spans := spansFromLabels(ls)
		if len(spans) == 0 {
			continue
		}
		marg := refMarginals(n, em, last)
		for _, s := range spans {
			sp := scoredSpan{Start: s.Start, End: s.End, Class: normClass(s.Type), Score: 1}
			for t := s.Start; t < s.End; t++ {
				sp.Score = min(sp.Score, marg[t*numLabels+int(ls[t])])
			}
			out[si] = append(out[si], sp)
		}
	}
	return out
}

// refViterbi is Viterbi over every label pair.
func refViterbi(n int, em []float32, trans *[numLabels][numLabels]float32, start, end *[numLabels]float32) []label {
	out := make([]label, n)
	if n == 0 {
		return out
	}
	score := make([]float32, n*numLabels)
	back := make([]uint8, n*numLabels)
	for j := 0; j < numLabels; j++ {
		score[j] = negInf
		if validStart(label(j)) {
			score[j] = em[j] + start[j]
		}
	}
	for t := 1; t < n; t++ {
		for j := 0; j < numLabels; j++ {
			best, arg := float32(negInf), 0
			for i := 0; i < numLabels; i++ {
				if s := score[(t-1)*numLabels+i] + trans[i][j]; validTable[i][j] && s > best {
					best, arg = s, i
				}
			}
			score[t*numLabels+j] = best + em[t*numLabels+j]
			back[t*numLabels+j] = uint8(arg)
		}
	}
	best, arg := float32(negInf), 0
	for j := 0; j < numLabels; j++ {
		if s := score[(n-1)*numLabels+j] + end[j]; validEnd(label(j)) && s > best {
			best, arg = s, j
		}
	}
	for t := n - 1; t >= 0; t-- {
		out[t] = label(arg)
		arg = int(back[t*numLabels+arg])
	}
	return out
}

// refMarginals is forward-backward over every label pair.
func refMarginals(n int, em []float32, m *model) []float64 {
	const L = numLabels
	var et [L][L]float64
	for i := range et {
		for j := range et[i] {
			if validTable[i][j] {
				et[i][j] = math.Exp(float64(m.trans[i][j]) / scoreTemperature)
			}
		}
	}
	emit, alpha, beta, p := make([]float64, n*L), make([]float64, n*L), make([]float64, n*L), make([]float64, n*L)
	for t := 0; t < n; t++ {
		mx := float32(negInf)
		for j := 0; j < L; j++ {
			mx = max(mx, em[t*L+j])
		}
		for j := 0; j < L; j++ {
			emit[t*L+j] = math.Exp(float64(em[t*L+j]-mx) / scoreTemperature)
		}
	}
	for j := 0; j < L; j++ {
		if validStart(label(j)) {
			alpha[j] = emit[j] * math.Exp(float64(m.start[j])/scoreTemperature)
		}
	}
	normalize(alpha[:L])
	for t := 1; t < n; t++ {
		for j := 0; j < L; j++ {
			s := 0.0
			for i := 0; i < L; i++ {
				s += alpha[(t-1)*L+i] * et[i][j]
			}
			alpha[t*L+j] = s * emit[t*L+j]
		}
		normalize(alpha[t*L : (t+1)*L])
	}
	for j := 0; j < L; j++ {
		if validEnd(label(j)) {
			beta[(n-1)*L+j] = math.Exp(float64(m.end[j]) / scoreTemperature)
		}
	}
	normalize(beta[(n-1)*L:])
	for t := n - 2; t >= 0; t-- {
		for i := 0; i < L; i++ {
			s := 0.0
			for j := 0; j < L; j++ {
				s += et[i][j] * emit[(t+1)*L+j] * beta[(t+1)*L+j]
			}
			beta[t*L+i] = s
		}
		normalize(beta[t*L : (t+1)*L])
	}
	for t := 0; t < n; t++ {
		for j := 0; j < L; j++ {
			p[t*L+j] = alpha[t*L+j] * beta[t*L+j]
		}
		normalize(p[t*L : (t+1)*L])
	}
	return p
}

// TestDecodeMatchesReference checks that the joint table, the scratch
// buffers (reused across documents of different sizes) and the sparse
// Viterbi and forward-backward give exactly the reference decoder's spans
// and scores.
func TestDecodeMatchesReference(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var docs [][][]string
	for _, c := range readFixture(t) {
		var sents [][]string
		for _, line := range strings.Split(strings.ReplaceAll(c.text, " . ", " .\n"), "\n") {
			sents = append(sents, strings.Fields(line))
		}
		docs = append(docs, sents, [][]string{strings.Fields(strings.ToUpper(c.text))})
	}
	docs = append(docs, nil, [][]string{{}}, [][]string{{"x"}, {}, {"Paris", "and", "Rome"}})
	s := newScratch()
	for _, sents := range docs {
		want := refDecode(r, sents)
		got, _ := r.decodeWith(s, sents)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", sents, got, want)
		}
	}
}

// TestViterbiMarginalsMatchDense compares the sparse Viterbi and
// forward-backward with the dense ones on random scores.
func TestViterbiMarginalsMatchDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	m := &model{}
	var vb viterbiBuf
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.IntN(15)
		em := make([]float32, n*numLabels)
		for i := range em {
			em[i] = float32(rng.NormFloat64() * 20)
		}
		for i := range m.trans {
			for j := range m.trans[i] {
				m.trans[i][j] = float32(rng.NormFloat64() * 5)
			}
			m.start[i], m.end[i] = float32(rng.NormFloat64()), float32(rng.NormFloat64())
		}
		got := make([]label, n)
		vb.decode(n, em, &m.trans, &m.start, &m.end, got)
		if want := refViterbi(n, em, &m.trans, &m.start, &m.end); !reflect.DeepEqual(got, want) {
			t.Fatalf("viterbi %v, want %v", got, want)
		}
		if got, want := marginals(n, em, m), refMarginals(n, em, m); !reflect.DeepEqual(got, want) {
			t.Fatalf("marginals %v, want %v", got, want)
		}
	}
}

// TestDecodeMatchesReferenceDev is TestDecodeMatchesReference on CoNLL
// eng.testa documents (skipped without ../shared).
func TestDecodeMatchesReferenceDev(t *testing.T) {
	docs := devDocs(t, 100)
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s := newScratch()
	for k, d := range docs {
		var sents [][]string
		for _, sn := range d.Sentences {
			sents = append(sents, sn.Words)
		}
		want := refDecode(r, sents)
		if got, _ := r.decodeWith(s, sents); !reflect.DeepEqual(got, want) {
			t.Fatalf("document %d: got %v, want %v", k, got, want)
		}
	}
}

// TestTagDocumentConcurrent tags documents from several goroutines at once
// (the scratch pool must not share buffers) and compares with one at a time.
func TestTagDocumentConcurrent(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var docs [][][]string
	for _, c := range readFixture(t) {
		docs = append(docs, [][]string{strings.Fields(c.text)})
	}
	want := make([][][]string, len(docs))
	for i, d := range docs {
		want[i] = r.TagDocument(d)
	}
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for k := 0; k < 20; k++ {
				for i, d := range docs {
					if got := r.TagDocument(d); !reflect.DeepEqual(got, want[i]) {
						errs <- fmt.Sprintf("document %d: got %v, want %v", i, got, want[i])
						return
					}
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

// TestWordCacheOverflow decodes, with one scratch, documents of more
// distinct words than the word cache holds, so that it is emptied on the
// way, and compares with the reference decoder.
func TestWordCacheOverflow(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	word := func() string {
		b := make([]byte, 3+rng.IntN(6))
		for i := range b {
			b[i] = byte('a' + rng.IntN(26))
		}
		if rng.IntN(3) == 0 {
			b[0] -= 'a' - 'A'
		}
		return string(b)
	}
	s := newScratch()
	for d := 0; d < 6; d++ {
		var sents [][]string
		for len(sents) < 150 {
			var ws []string
			for k := 3 + rng.IntN(20); k > 0; k-- {
				ws = append(ws, word())
			}
			sents = append(sents, append(ws, "said", "the", "Minister", "."))
		}
		want := refDecode(r, sents)
		if got, _ := r.decodeWith(s, sents); !reflect.DeepEqual(got, want) {
			t.Fatalf("document %d: got %v, want %v", d, got, want)
		}
	}
	if len(s.words.words) > maxCachedWords {
		t.Errorf("word cache holds %d words, more than %d", len(s.words.words), maxCachedWords)
	}
}
