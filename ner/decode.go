package ner

import (
	"strings"
)

// scratch is the working memory of one decodeDoc call, kept in the
// recognizer's pool so that tagging a document allocates little. Nothing
// in it outlives the call.
type scratch struct {
	ctx    sentCtx
	split  splitFeatures
	words  wordCache
	stack  []uint64
	dc     docContext
	fold   []string           // strings.ToLower per token of the document
	norm   []string           // normWord per token
	shape  []string           // shapeOf per token
	acc2   [][numLabels]int32 // second-pass sums per token
	labels []label            // first-pass labels per token
	sents  [][]string         // views of fold, per sentence
	pass1  [][]label          // views of labels, per sentence
	votes  map[string]int32   // index into voteList per normalized word
	voteL  []wordVotes
	voteAt []int32 // per token: its index into voteL, -1 for no letters
	em     []float32
	vit    viterbiBuf
	marg   margBuf
	final  []label
}

func newScratch() *scratch {
	return &scratch{
		ctx:   sentCtx{shapes: make(map[string]string)},
		words: wordCache{index: make(map[string]int32)},
		dc:    docContext{cases: make(map[string]uint8)},
		votes: make(map[string]int32),
	}
}

// maxPooledTokens bounds the documents whose scratch is pooled, so that one
// huge document does not pin its buffers.
const maxPooledTokens = 1 << 16

// decodeDoc tags every sentence of a document (first pass, then the
// stacked second pass when the model has one), applies the document-level
// consistency pass and the span rules of postrules.go and sets the spans'
// record types (finalType, from the normalized words decoding computed).
func (r *Recognizer) decodeDoc(sents [][]string) [][]scoredSpan {
	s, _ := r.pool.Get().(*scratch)
	if s == nil {
		s = newScratch()
	}
	out, ntok := r.decodeWith(s, sents)
	out = consistency(sents, out)
	off := 0
	for si, ws := range sents {
		r.possessiveNames(ws, s.norm[off:off+len(ws)], out[si])
		out[si] = r.invertedNames(ws, s.norm[off:off+len(ws)], out[si])
		r.knownOrgs(s.norm[off:off+len(ws)], out[si])
		for k := range out[si] {
			sp := &out[si][k]
			sp.typ = r.finalTypeNorm(s.norm[off+sp.Start:off+sp.End], sp.Class)
		}
		off += len(ws)
	}
	if ntok <= maxPooledTokens {
		s.release()
		r.pool.Put(s)
	}
	return out
}

// release drops the scratch's references to the document's strings, so
// that a pooled scratch does not keep a document alive.
func (s *scratch) release() {
	clear(s.fold[:cap(s.fold)])
	clear(s.norm[:cap(s.norm)])
	clear(s.shape[:cap(s.shape)])
	clear(s.sents[:cap(s.sents)])
	clear(s.ctx.lower[:cap(s.ctx.lower)])
	clear(s.ctx.shape[:cap(s.ctx.shape)])
	s.ctx.words, s.ctx.fold, s.ctx.dc = nil, nil, nil
	clear(s.dc.cases)
	clear(s.votes)
}

// decodeWith is decodeDoc before the consistency pass; it also returns the
// number of tokens.
func (r *Recognizer) decodeWith(s *scratch, sents [][]string) ([][]scoredSpan, int) {
	ntok := 0
	for _, ws := range sents {
		ntok += len(ws)
	}
	s.fold, s.norm, s.shape = resize(s.fold, ntok)[:0], resize(s.norm, ntok)[:0], resize(s.shape, ntok)[:0]
	s.acc2, s.labels = resize(s.acc2, ntok), resize(s.labels, ntok)
	s.sents, s.pass1 = resize(s.sents, len(sents)), resize(s.pass1, len(sents))
	for si, ws := range sents {
		off := len(s.fold)
		for _, w := range ws {
			s.fold = append(s.fold, strings.ToLower(w))
		}
		s.sents[si] = s.fold[off:len(s.fold):len(s.fold)]
	}
	clear(s.dc.cases) // already empty after release
	s.dc.fill(sents, s.sents)
	jm := r.joint
	off := 0
	for si, ws := range sents {
		n := len(ws)
		s.words.lookup(ws)
		r.x.extractSplit(ws, s.sents[si], &s.dc, &s.split, &s.ctx, &s.words)
		s.norm = append(s.norm, s.ctx.lower...)
		s.shape = append(s.shape, s.ctx.shape...)
		s.em = resize(s.em, n*numLabels)
		for i := 0; i < n; i++ {
			// The word's own features' sums (cached), then the others.
			own := s.words.ownSums(jm, ws[i], i, &s.split, &s.ctx)
			acc1, acc2 := [numLabels]int32(own[:numLabels]), &s.acc2[off+i]
			*acc2 = [numLabels]int32(own[numLabels:])
			jm.addBase(s.split.ctxToken(i), &acc1, acc2)
			scores(&acc1, jm.scale1, s.em[i*numLabels:])
		}
		s.pass1[si] = s.labels[off : off+n : off+n]
		s.vit.decode(n, s.em, &r.m1.trans, &r.m1.start, &r.m1.end, s.pass1[si])
		off += n
	}
	if jm.two {
		s.collectVotes(sents)
	}
	out := make([][]scoredSpan, len(sents))
	off = 0
	for si, ws := range sents {
		n := len(ws)
		if n == 0 {
			continue
		}
		ls := s.pass1[si]
		s.em = resize(s.em, n*numLabels)
		if jm.two {
			for i := 0; i < n; i++ {
				var v *wordVotes
				if k := s.voteAt[off+i]; k >= 0 {
					v = &s.voteL[k]
				}
				s.stack = appendStacked(s.stack[:0], v, ls, i, s.shape[off+i])
				acc2 := &s.acc2[off+i]
				jm.addStacked(s.stack, acc2)
				scores(acc2, jm.scale2, s.em[i*numLabels:])
			}
			s.final = resize(s.final, n)
			ls = s.final
			s.vit.decode(n, s.em, &r.m2.trans, &r.m2.start, &r.m2.end, ls)
		} else {
			// A one-pass model: the second half of the joint rows repeats
			// the first, so acc2 holds the first pass's sums.
			for i := 0; i < n; i++ {
				scores(&s.acc2[off+i], jm.scale2, s.em[i*numLabels:])
			}
		}
		off += n
		out[si] = s.spans(n, ls, &jm.marg)
	}
	return out, ntok
}

// spans returns the spans of one sentence labelled ls, scored by the
// marginals of s.em.
func (s *scratch) spans(n int, ls []label, mc *margConsts) []scoredSpan {
	spans := spansFromLabels(ls)
	if len(spans) == 0 {
		return nil
	}
	s.marg.run(n, s.em[:n*numLabels], mc, spans[0].Start, spans[len(spans)-1].End)
	out := make([]scoredSpan, 0, len(spans))
	for _, sp := range spans {
		ss := scoredSpan{Start: sp.Start, End: sp.End, Class: normClass(sp.Type), Score: 1}
		for t := sp.Start; t < sp.End; t++ {
			ss.Score = min(ss.Score, s.marg.prob(t, int(ls[t])))
		}
		out = append(out, ss)
	}
	return out
}

// collectVotes counts the first-pass labels of every normalized word with
// letters, as stackFeatures does.
func (s *scratch) collectVotes(sents [][]string) {
	clear(s.votes)
	s.voteL = s.voteL[:0]
	s.voteAt = resize(s.voteAt, len(s.norm))
	off := 0
	for si, ws := range sents {
		for i, w := range ws {
			s.voteAt[off+i] = -1
			if !hasLetter(w) {
				continue // nor has its normalized form: no word with letters shares it
			}
			n := s.norm[off+i]
			k, ok := s.votes[n]
			if !ok {
				k = int32(len(s.voteL))
				s.voteL = append(s.voteL, wordVotes{})
				s.votes[n] = k
			}
			s.voteAt[off+i] = k
			addVote(&s.voteL[k], s.pass1[si], i, 1)
		}
		off += len(ws)
	}
}
