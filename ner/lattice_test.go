package ner

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/tidings/tidings/nlp"
)

// TestBoundaryLabels checks that outFrom, outTo and inLabel describe
// validTable exactly.
func TestBoundaryLabels(t *testing.T) {
	var got [numLabels][numLabels]bool
	for _, i := range outFrom {
		for _, j := range outTo {
			got[i][j] = true
		}
	}
	for c := range numClasses {
		for p := range 2 {
			for q := 1; q <= 2; q++ {
				got[inLabel(c, p)][inLabel(c, q)] = true
			}
		}
	}
	if got != validTable {
		t.Errorf("boundary labels give %v, want validTable %v", got, validTable)
	}
}

// TestViterbiTies compares Viterbi with the dense reference on small
// integer scores, where many paths tie, zeros of both signs included.
func TestViterbiTies(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	small := func() float32 {
		v := float32(rng.IntN(5) - 2)
		if v == 0 && rng.IntN(2) == 0 {
			v = float32(math.Copysign(0, -1))
		}
		return v
	}
	m := &model{}
	var vb viterbiBuf
	for trial := 0; trial < 500; trial++ {
		n := 1 + rng.IntN(12)
		em := make([]float32, n*numLabels)
		for i := range em {
			em[i] = small()
		}
		for i := range m.trans {
			for j := range m.trans[i] {
				m.trans[i][j] = small()
			}
			m.start[i], m.end[i] = small(), small()
		}
		got := make([]label, n)
		vb.decode(n, em, &m.trans, &m.start, &m.end, got)
		if want := refViterbi(n, em, &m.trans, &m.start, &m.end); !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: viterbi %v, want %v", trial, got, want)
		}
	}
}

// TestMarginalsRange checks that run over part of a sentence gives the
// marginals of the whole run for the tokens in that part.
func TestMarginalsRange(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	m := &model{}
	for i := range m.trans {
		for j := range m.trans[i] {
			m.trans[i][j] = float32(rng.NormFloat64() * 5)
		}
		m.start[i], m.end[i] = float32(rng.NormFloat64()), float32(rng.NormFloat64())
	}
	c := newMargConsts(m)
	var part margBuf
	for trial := 0; trial < 200; trial++ {
		n := 1 + rng.IntN(20)
		em := make([]float32, n*numLabels)
		for i := range em {
			em[i] = float32(rng.NormFloat64() * 20)
		}
		want := marginals(n, em, m)
		lo := rng.IntN(n)
		hi := lo + 1 + rng.IntN(n-lo)
		part.run(n, em, c, lo, hi)
		for tok := lo; tok < hi; tok++ {
			for j := range numLabels {
				if got := part.prob(tok, j); got != want[tok*numLabels+j] {
					t.Fatalf("trial %d, n %d, [%d,%d): token %d label %d: %g, want %g", trial, n, lo, hi, tok, j, got, want[tok*numLabels+j])
				}
			}
		}
	}
}

// demoEmissions returns the first pass's emission scores of every sentence
// of the demo corpus's stories, or skips.
func demoEmissions(b *testing.B) [][]float32 {
	r, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	var out [][]float32
	for _, text := range demoTexts(b) {
		var sents [][]string
		for _, s := range nlp.SplitSentences(text, nlp.Tokenize(text)) {
			var ws []string
			for _, tok := range s.Tokens {
				ws = append(ws, tok.Text)
			}
			sents = append(sents, ws)
		}
		dc := newDocContext(sents)
		for _, ws := range sents {
			var f sentFeatures
			r.x.extract(ws, dc, &f)
			em := make([]float32, len(ws)*numLabels)
			r.m1.emissions(&f, len(ws), em)
			out = append(out, em)
		}
	}
	return out
}

// BenchmarkLattice measures Viterbi and forward-backward (whole sentences)
// on the first pass's scores of the demo stories; ns/op is per sentence.
func BenchmarkLattice(b *testing.B) {
	ems := demoEmissions(b)
	r, _ := Load()
	m := r.m1
	c := newMargConsts(m)
	b.Run("viterbi", func(b *testing.B) {
		var vb viterbiBuf
		out := make([]label, 1<<12)
		for i := 0; b.Loop(); i++ {
			em := ems[i%len(ems)]
			n := len(em) / numLabels
			vb.decode(n, em, &m.trans, &m.start, &m.end, out[:n])
		}
	})
	b.Run("marginals", func(b *testing.B) {
		var mb margBuf
		for i := 0; b.Loop(); i++ {
			em := ems[i%len(ems)]
			n := len(em) / numLabels
			mb.run(n, em, c, 0, n)
		}
	})
}

// TestMaxPlus8 compares maxPlus8 (AVX2 where the CPU has it) with a
// sequential loop on random and tied scores, negInf and beyond included.
func TestMaxPlus8(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	vals := []func() float32{
		func() float32 { return float32(rng.NormFloat64() * 30) },
		func() float32 { return float32(rng.IntN(3) - 1) },
		func() float32 { return []float32{negInf, 2 * negInf, 0, float32(math.Copysign(0, -1))}[rng.IntN(4)] },
	}
	for trial := 0; trial < 3000; trial++ {
		v := vals[trial%len(vals)]
		var p [numOut]float32
		var tr [numOut][8]float32
		for k := range p {
			p[k] = v()
			for m := range tr[k] {
				tr[k][m] = v()
			}
		}
		var got [8]float32
		maxPlus8(&p, &tr, &got)
		for m := range got {
			want := float32(negInf)
			for k := range p {
				if s := p[k] + tr[k][m]; s > want {
					want = s
				}
			}
			if got[m] != want {
				t.Fatalf("trial %d lane %d: %g, want %g (p %v)", trial, m, got[m], want, p)
			}
		}
	}
}
