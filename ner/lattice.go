package ner

import "math"

// Viterbi and forward-backward use the shape of BILOU instead of testing
// every label pair: O, B-x and U-x may follow exactly O, L-* and U-*
// (numOut labels each), and I-x and L-x exactly B-x and I-x.
// Forward-backward goes over the predecessors of a label in increasing
// order, as a dense loop over validTable would, so its floating-point sums
// come out the same; Viterbi takes maxima, which do not depend on the
// order, and breaks ties as a dense Viterbi does (see decode).

// numOut is the number of labels outside an entity (O and one per class)
// on either side of a boundary.
const numOut = 1 + 2*numClasses

// outFrom lists, in increasing order, the labels after which O, B-x and
// U-x may come (those that may end a sentence: O, L-x, U-x); outTo lists
// those labels (the ones that may start a sentence: O, B-x, U-x).
var outFrom, outTo = func() (from, to [numOut]uint8) {
	nf, nt := 0, 0
	for l := range label(numLabels) {
		if validEnd(l) {
			from[nf] = uint8(l)
			nf++
		}
		if validStart(l) {
			to[nt] = uint8(l)
			nt++
		}
	}
	return from, to
}()

// inLabel returns label B-c (q = 0), I-c (1) or L-c (2).
func inLabel(c, q int) int { return 1 + c*numPos + q }

// vitTrans are a model's transition weights laid out for Viterbi.
type vitTrans struct {
	// out[m][k] is the weight of outFrom[k] → outTo[m], and outT[k][m]
	// the same for the first eight m (maxPlus8).
	out  [numOut][numOut]float32
	outT [numOut][8]float32
	// in[c][q][p] is the weight of B-c (p = 0) or I-c (1) → I-c (q = 0)
	// or L-c (q = 1).
	in [numClasses][2][2]float32
}

func (v *vitTrans) fill(trans *[numLabels][numLabels]float32) {
	for m, j := range outTo {
		for k, i := range outFrom {
			v.out[m][k] = trans[i][j]
			if m < 8 {
				v.outT[k][m] = trans[i][j]
			}
		}
	}
	for c := range numClasses {
		for q := range 2 {
			for p := range 2 {
				v.in[c][q][p] = trans[inLabel(c, p)][inLabel(c, q+1)]
			}
		}
	}
}

// viterbiBuf holds viterbi's lattice.
type viterbiBuf struct {
	score []float32
	vt    vitTrans
}

// viterbi returns the best valid label sequence for n tokens with emission
// scores em, using the given transition weights.
func viterbi(n int, em []float32, trans *[numLabels][numLabels]float32, start, end *[numLabels]float32) []label {
	out := make([]label, n)
	var b viterbiBuf
	b.decode(n, em, trans, start, end, out)
	return out
}

// decode writes to out the best valid label sequence for n tokens. Ties go
// to the lowest label index.
//
// The forward pass keeps only the best score of each label (step), with
// no branch; the back-pointers of the one best path are found afterwards
// (bestPred), by the comparisons a dense Viterbi makes, on the same
// scores. A score may come out as -0 where the first of equal candidates
// was +0 or the reverse, which no comparison or sum tells apart.
func (b *viterbiBuf) decode(n int, em []float32, trans *[numLabels][numLabels]float32, start, end *[numLabels]float32, out []label) {
	if n == 0 {
		return
	}
	b.score = resize(b.score, n*numLabels)
	score := b.score
	for j := 0; j < numLabels; j++ {
		if validStart(label(j)) {
			score[j] = em[j] + start[j]
		} else {
			score[j] = negInf
		}
	}
	b.vt.fill(trans)
	for t := 1; t < n; t++ {
		b.step((*[numLabels]float32)(score[(t-1)*numLabels:]), (*[numLabels]float32)(score[t*numLabels:]),
			(*[numLabels]float32)(em[t*numLabels:]))
	}
	last := score[(n-1)*numLabels:]
	best, arg := float32(negInf), 0
	for j := 0; j < numLabels; j++ {
		if !validEnd(label(j)) {
			continue
		}
		if s := last[j] + end[j]; s > best {
			best, arg = s, j
		}
	}
	for t := n - 1; t >= 0; t-- {
		out[t] = label(arg)
		if t > 0 {
			arg = bestPred((*[numLabels]float32)(score[(t-1)*numLabels:]), trans, arg)
		}
	}
}

// maxPlus is written out for numOut == 9, which step's eight lanes and
// one more cover.
const _ = -uint(numOut ^ 9)

// step sets cur to the scores of one token from those of the one before,
// prev, and its emissions em: for each label, the best of the scores of
// its predecessors plus the transitions' (at least negInf) plus its
// emission.
func (b *viterbiBuf) step(prev, cur, em *[numLabels]float32) {
	vt := &b.vt
	var p [numOut]float32
	for k, i := range outFrom {
		p[k] = prev[i]
	}
	var best [8]float32
	maxPlus8(&p, &vt.outT, &best)
	for m, j := range outTo[:8] {
		cur[j] = best[m] + em[j]
	}
	j, tr := outTo[8], &vt.out[8]
	cur[j] = maxPlus(&p, tr) + em[j]
	for c := range numClasses {
		pb, pi := prev[inLabel(c, 0)], prev[inLabel(c, 1)]
		for q := range 2 {
			tr := &vt.in[c][q]
			j := inLabel(c, q+1)
			cur[j] = max(negInf, pb+tr[0], pi+tr[1]) + em[j]
		}
	}
}

// maxPlus returns the largest of negInf and p[k] + tr[k] over k, as a
// tree of maxima for instruction-level parallelism: no value is NaN, so the
// order changes nothing but, perhaps, the sign of a zero.
func maxPlus(p, tr *[numOut]float32) float32 {
	return max(max(max(p[0]+tr[0], p[1]+tr[1]), max(p[2]+tr[2], p[3]+tr[3])),
		max(max(p[4]+tr[4], p[5]+tr[5]), max(p[6]+tr[6], p[7]+tr[7])), max(p[8]+tr[8], negInf))
}

// maxPlus8Go sets best[m] to the largest of negInf and p[k] + tr[k][m]
// over k.
func maxPlus8Go(p *[numOut]float32, tr *[numOut][8]float32, best *[8]float32) {
	for m := range best {
		b := float32(negInf)
		for k := range numOut {
			b = max(b, p[k]+tr[k][m])
		}
		best[m] = b
	}
}

// bestPred returns the best predecessor of label j given the scores prev
// of the token before: the first, in label order, of the valid ones with
// the highest score plus transition, or 0 when none beats negInf.
func bestPred(prev *[numLabels]float32, trans *[numLabels][numLabels]float32, j int) int {
	best, arg := float32(negInf), 0
	for i := range numLabels {
		if !validTable[i][j] {
			continue
		}
		if s := prev[i] + trans[i][j]; s > best {
			best, arg = s, i
		}
	}
	return arg
}

// margConsts are the exponentiated transition, start and end weights used
// by marginals, computed once per model.
type margConsts struct {
	et         [numLabels][numLabels]float64
	start, end [numLabels]float64
	// out[m][k] is et[outFrom[k]][outTo[m]] and outT[k][m] the same: the
	// weights of the transitions into and out of a boundary label, in
	// the order the sums add them.
	out, outT [numOut][numOut]float64
	// in[c][q][p] is et of B-c (p = 0) or I-c (1) → I-c (q = 0) or L-c
	// (q = 1).
	in [numClasses][2][2]float64
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
	for m, j := range outTo {
		for k, i := range outFrom {
			c.out[m][k] = c.et[i][j]
			c.outT[k][m] = c.et[i][j]
		}
	}
	for cl := range numClasses {
		for q := range 2 {
			for p := range 2 {
				c.in[cl][q][p] = c.et[inLabel(cl, p)][inLabel(cl, q+1)]
			}
		}
	}
	return c
}

// margBuf holds the forward-backward lattices of marginals.
type margBuf struct {
	alpha, beta, emit []float64
}

// marginals returns, for every token, the posterior probability of each
// label under a CRF-style reading of the scores (forward-backward), used as
// confidence for spans.
func marginals(n int, em []float32, m *model) []float64 {
	p := make([]float64, n*numLabels)
	var b margBuf
	b.run(n, em, newMargConsts(m), 0, n)
	for t := 0; t < n; t++ {
		for j := 0; j < numLabels; j++ {
			p[t*numLabels+j] = b.prob(t, j)
		}
	}
	return p
}

func normalize(v []float64) {
	s := 0.0
	for _, x := range v {
		s += x
	}
	if s > 0 {
		for i := range v {
			v[i] /= s
		}
	}
}

// run computes the normalized forward and backward scores of n tokens,
// enough for prob of the tokens lo to hi-1 (0 <= lo < hi <= n): the
// forward scores of tokens before hi and the backward ones from lo on,
// which do not depend on the others. Transitions that BILOU forbids have
// weight zero and are skipped, which leaves every sum unchanged.
func (b *margBuf) run(n int, em []float32, c *margConsts, lo, hi int) {
	if n == 0 {
		return
	}
	b.alpha, b.beta, b.emit = resize(b.alpha, n*numLabels), resize(b.beta, n*numLabels), resize(b.emit, n*numLabels)
	alpha, beta, emit := b.alpha, b.beta, b.emit
	for t := 0; t < n; t++ {
		if t >= hi && t <= lo { // used by neither pass
			continue
		}
		e, row := (*[numLabels]float32)(em[t*numLabels:]), (*[numLabels]float64)(emit[t*numLabels:])
		mx := float32(negInf)
		for _, x := range e {
			mx = max(mx, x)
		}
		for j, x := range e {
			row[j] = math.Exp(float64(x-mx) / scoreTemperature)
		}
	}
	for j := 0; j < numLabels; j++ {
		alpha[j] = 0
		if validStart(label(j)) {
			alpha[j] = emit[j] * c.start[j]
		}
	}
	normalize(alpha[:numLabels])
	for t := 1; t < hi; t++ {
		cur := (*[numLabels]float64)(alpha[t*numLabels:])
		forward((*[numLabels]float64)(alpha[(t-1)*numLabels:]), cur, (*[numLabels]float64)(emit[t*numLabels:]), c)
		normalize(cur[:])
	}
	for j := 0; j < numLabels; j++ {
		beta[(n-1)*numLabels+j] = 0
		if validEnd(label(j)) {
			beta[(n-1)*numLabels+j] = c.end[j]
		}
	}
	normalize(beta[(n-1)*numLabels:])
	for t := n - 2; t >= lo; t-- {
		cur := (*[numLabels]float64)(beta[t*numLabels:])
		backward((*[numLabels]float64)(beta[(t+1)*numLabels:]), cur, (*[numLabels]float64)(emit[(t+1)*numLabels:]), c)
		normalize(cur[:])
	}
}

// forward sets cur to the unnormalized forward scores of a token from
// those of the one before, prev, and its emissions e.
func forward(prev, cur, e *[numLabels]float64, c *margConsts) {
	var p [numOut]float64
	for k, i := range outFrom {
		p[k] = prev[i]
	}
	for m, j := range outTo {
		et := &c.out[m]
		s := 0.0
		for k := range numOut {
			s += p[k] * et[k]
		}
		cur[j] = s * e[j]
	}
	for cl := range numClasses {
		pb, pi := prev[inLabel(cl, 0)], prev[inLabel(cl, 1)]
		for q := range 2 {
			et := &c.in[cl][q]
			s := 0.0
			s += pb * et[0]
			s += pi * et[1]
			j := inLabel(cl, q+1)
			cur[j] = s * e[j]
		}
	}
}

// backward sets cur to the unnormalized backward scores of a token from
// those of the one after, next, and that one's emissions e.
func backward(next, cur, e *[numLabels]float64, c *margConsts) {
	var en, nx [numOut]float64
	for m, j := range outTo {
		en[m], nx[m] = e[j], next[j]
	}
	for k, i := range outFrom {
		et := &c.outT[k]
		s := 0.0
		for m := range numOut {
			s += et[m] * en[m] * nx[m]
		}
		cur[i] = s
	}
	for cl := range numClasses {
		ji, jl := inLabel(cl, 1), inLabel(cl, 2)
		for p := range 2 {
			s := 0.0
			s += c.in[cl][0][p] * e[ji] * next[ji]
			s += c.in[cl][1][p] * e[jl] * next[jl]
			cur[inLabel(cl, p)] = s
		}
	}
}

// prob is the marginal probability of label j at token t after run.
func (b *margBuf) prob(t, j int) float64 {
	row := [numLabels]float64{}
	s := 0.0
	for k := range row {
		row[k] = b.alpha[t*numLabels+k] * b.beta[t*numLabels+k]
		s += row[k]
	}
	if s > 0 {
		return row[j] / s
	}
	return row[j]
}
