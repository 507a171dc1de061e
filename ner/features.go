package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/nlp/clusters"
)

// Features are hashed: a template id and its string parts are folded into a
// 64-bit FNV-1a hash, so extraction allocates little and the model stores
// no feature strings.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashTpl(id byte) uint64 { return (fnvOffset ^ uint64(id)) * fnvPrime }

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

func hashByte(h uint64, b byte) uint64 { return ((h^uint64(b))*fnvPrime ^ 0xfe) * fnvPrime }

// Feature template ids.
const (
	tBias byte = iota + 1
	tForm
	tLower
	tShape
	tPrefix
	tSuffix
	tPrev1
	tNext1
	tPrev2
	tNext2
	tPrevShape
	tNextShape
	tShape3
	tBigramL
	tBigramR
	tFirst
	tCapsLower
	tCapsShape
	tDocCase
	tDocCaseShape
	tGaz
	tGazPrev
	tGazNext
	tLen
	tPrevLowerShape
	tNextLowerShape
	tCluFine
	tCluCoarseShape
	tCluPrev
	tCluNext
	tCapPrior
	tCluPair
	tGvCoarse
	tGvFine
	tGvFlat
	tGvMidShape
	tGvFlatShape
	tGvPrev
	tGvNext
)

// Casing classes recorded per document (docContext) for truecasing.
const (
	caseLower = 1 << iota
	caseTitle
	caseUpper
)

// docContext holds what the whole document says about each word, so that
// headlines, ALL-CAPS lines and sentence-initial words can be read by how
// the same word is cased in running text elsewhere in the article.
type docContext struct {
	cases map[string]uint8
}

// newDocContext records the casing of every word that sits in a reliable
// position: not sentence-initial and not in a mostly upper-case sentence.
func newDocContext(sents [][]string) *docContext {
	dc := &docContext{cases: make(map[string]uint8)}
	dc.fill(sents, nil)
	return dc
}

// fill adds the casings of sents to dc (see newDocContext). fold, when not
// nil, holds strings.ToLower of every word, so that it is not recomputed.
func (dc *docContext) fill(sents, fold [][]string) {
	for si, ws := range sents {
		if capsSentence(ws) {
			continue
		}
		for i, w := range ws {
			if i == 0 || !hasLetter(w) {
				continue
			}
			var lw string
			if fold != nil {
				lw = fold[si][i]
			} else {
				lw = strings.ToLower(w)
			}
			dc.cases[lw] |= caseOf(w)
		}
	}
}

func caseOf(w string) uint8 {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case isAllUpper(w):
		return caseUpper
	case unicode.IsUpper(r):
		return caseTitle
	}
	return caseLower
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isAllUpper(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// capsSentence reports whether most words of a sentence with at least three
// alphabetic words are in capitals (a headline or an ALL-CAPS line).
func capsSentence(ws []string) bool {
	alpha, upper := 0, 0
	for _, w := range ws {
		if !hasLetter(w) {
			continue
		}
		alpha++
		if isAllUpper(w) {
			upper++
		}
	}
	return alpha >= 3 && upper*10 >= alpha*8
}

// shapeOf maps letters to X/x, digits to d and collapses repeats:
// "McDonald's" → "XxXx'x", "1996-08-22" → "d-d-d".
func shapeOf(w string) string {
	var b [16]byte
	return string(b[:shapeInto(w, &b)])
}

// shapeInto writes the shape of w (at most 16 bytes) to b and returns its
// length.
func shapeInto(w string, b *[16]byte) int {
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
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
	return n
}

// normWord lower-cases a word and maps digits to 0 so numbers share features.
func normWord(w string) string { return normLower(strings.ToLower(w)) }

// normLower is normWord of a word already passed through strings.ToLower.
func normLower(lw string) string { return clusters.Normalize(lw) }

// sentFeatures is the hashed feature list of every token of one sentence:
// token i owns hashes[offs[i]:offs[i+1]].
type sentFeatures struct {
	hashes []uint64
	offs   []int
}

func (f *sentFeatures) token(i int) []uint64 { return f.hashes[f.offs[i]:f.offs[i+1]] }

// extractor turns sentences into features. It is immutable and shared.
type extractor struct {
	gaz   *gazetteer
	lex   *lexicon
	glove *clusters.Table // GloVe clusters (glove.go); nil for none
}

// extract computes the features of every token of words. dc may be nil.
func (x *extractor) extract(words []string, dc *docContext, out *sentFeatures) {
	var c sentCtx
	x.extractWith(words, nil, dc, out, &c)
}

// extractWith is extract with the working buffers of c, which it reuses.
// fold, when not nil, holds strings.ToLower of every word.
func (x *extractor) extractWith(words, fold []string, dc *docContext, out *sentFeatures, c *sentCtx) {
	x.prepare(words, fold, dc, c, nil)
	n := len(words)
	if want := n * 64; cap(out.hashes) < want {
		out.hashes = make([]uint64, 0, want)
	}
	out.hashes = out.hashes[:0]
	out.offs = append(out.offs[:0], 0)
	for i := 0; i < n; i++ {
		x.wordFeatures(&out.hashes, &out.hashes, c, i)
		x.contextFeatures(&out.hashes, &out.hashes, c, i)
		out.offs = append(out.offs, len(out.hashes))
	}
}

// prepare fills c's per-token views of words (see extractWith). wc, when
// not nil, holds the views of the words it knows (see wordCache.lookup).
func (x *extractor) prepare(words, fold []string, dc *docContext, c *sentCtx, wc *wordCache) {
	n := len(words)
	c.words, c.fold, c.dc, c.caps = words, fold, dc, capsSentence(words)
	c.lower, c.shape = resize(c.lower, n), resize(c.shape, n)
	c.clu, c.lex, c.g1 = resize(c.clu, n), resize(c.lex, n), resize(c.g1, n)
	c.wh, c.gv = resize(c.wh, n), resize(c.gv, n)
	for i, w := range words {
		if wc != nil && wc.known[i] {
			e := &wc.words[wc.at[i]]
			c.lower[i], c.shape[i], c.clu[i], c.lex[i], c.g1[i] = e.lower, e.shape, e.clu, e.lex, e.g1
			c.wh[i], c.gv[i] = e.wh, e.gv
			continue
		}
		if fold != nil {
			c.lower[i] = normLower(fold[i])
		} else {
			c.lower[i] = normWord(w)
		}
		c.shape[i] = c.shapeOf(w)
		c.clu[i], c.lex[i] = 0, -1
		if v, ok := x.lex.entry(c.lower[i]); ok {
			c.clu[i], c.lex[i] = byte(v&0xff+1), int32(v)
		}
		c.g1[i] = x.gaz.first(c.lower[i])
		c.wh[i] = hashesOf(c.lower[i], c.shape[i])
		c.gv[i] = x.gloveClass(c.lower[i])
	}
	c.gz = x.gaz.matchSteps(c.lower, c.g1, c.gz)
}

// splitFeatures is the features of every token of one sentence in two
// parts: the word's own (see wordFeatures), which depend on nothing but the
// word form, and the rest. Token i owns own[ownOffs[i]:ownOffs[i+1]] and
// ctx[ctxOffs[i]:ctxOffs[i+1]].
type splitFeatures struct {
	own, ctx         []uint64
	ownOffs, ctxOffs []int
	discard          []uint64 // scratch: the own features of cached words
}

func (f *splitFeatures) ownToken(i int) []uint64 { return f.own[f.ownOffs[i]:f.ownOffs[i+1]] }
func (f *splitFeatures) ctxToken(i int) []uint64 { return f.ctx[f.ctxOffs[i]:f.ctxOffs[i+1]] }

// extractSplit is extractWith with each token's features split into its
// own and the others, for decoding (the features are the same, the order
// is not). The own features of the words wc knows (see wordCache.lookup)
// are not computed (their list is empty).
func (x *extractor) extractSplit(words, fold []string, dc *docContext, out *splitFeatures, c *sentCtx, wc *wordCache) {
	x.prepare(words, fold, dc, c, wc)
	n := len(words)
	if want := n * 32; cap(out.own) < want {
		out.own, out.ctx = make([]uint64, 0, want), make([]uint64, 0, want)
	}
	out.own, out.ctx = out.own[:0], out.ctx[:0]
	out.ownOffs, out.ctxOffs = append(out.ownOffs[:0], 0), append(out.ctxOffs[:0], 0)
	for i := 0; i < n; i++ {
		own := &out.own
		if wc.known[i] {
			own = &out.discard
		}
		x.wordFeatures(own, &out.ctx, c, i)
		x.contextFeatures(own, &out.ctx, c, i)
		out.discard = out.discard[:0]
		out.ownOffs = append(out.ownOffs, len(out.own))
		out.ctxOffs = append(out.ctxOffs, len(out.ctx))
	}
}

// resize returns s with length n, reusing its array when it is big enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// sentCtx is what extract knows about one sentence, and its buffers.
type sentCtx struct {
	words, lower, shape []string
	fold                []string  // strings.ToLower of words, or nil
	caps                bool      // a headline or ALL-CAPS line
	gz                  [][]byte  // gazetteer matches per token
	clu                 []byte    // fine cluster + 1 per token, 0 when unknown
	lex                 []int32   // lexicon entry per token, -1 when unknown
	g1                  []gazStep // the gazetteer's first step per token
	wh                  []wordHashes
	gv                  []clusters.Class // GloVe class per token (glove.go)
	dc                  *docContext
	// shapes, when not nil, interns shape strings across calls.
	shapes map[string]string
}

// maxShapes bounds sentCtx.shapes.
const maxShapes = 4096

// shapeOf is shapeOf(w), interned in c.shapes when there is one.
func (c *sentCtx) shapeOf(w string) string {
	var b [16]byte
	n := shapeInto(w, &b)
	if c.shapes == nil {
		return string(b[:n])
	}
	if s, ok := c.shapes[string(b[:n])]; ok {
		return s
	}
	if len(c.shapes) >= maxShapes {
		clear(c.shapes)
	}
	s := string(b[:n])
	c.shapes[s] = s
	return s
}

// at returns s[i] or a sentence-boundary symbol.
func (c *sentCtx) at(s []string, i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(s):
		return "</s>"
	}
	return s[i]
}

// wordHashes are the hash states of a word's window features that depend
// on that word alone: for a word w of shape sh, prev1 is
// hashStr(hashTpl(tPrev1), w), prevShape hashStr(hashTpl(tPrevShape), sh),
// shape3 hashStr(hashTpl(tShape3), sh) and so on (see wordFeatures). Its
// neighbours' features start from them instead of hashing w again; they
// are cached per word form with the rest (wordCache).
type wordHashes struct {
	prev1, next1, prev2, next2 uint64 // of w
	prevShape, nextShape       uint64 // of sh
	shape3                     uint64 // of sh, for the shape trigram
	bigramL, bigramR           uint64 // of w, for the bigrams
	prevLS                     uint64 // of w, for the previous word and this shape
	nextLS                     uint64 // of sh, for this shape and the next word
}

// hashesOf returns the wordHashes of a word of lower case w and shape sh.
func hashesOf(w, sh string) wordHashes {
	return wordHashes{
		prev1: hashStr(hashTpl(tPrev1), w), next1: hashStr(hashTpl(tNext1), w),
		prev2: hashStr(hashTpl(tPrev2), w), next2: hashStr(hashTpl(tNext2), w),
		prevShape: hashStr(hashTpl(tPrevShape), sh), nextShape: hashStr(hashTpl(tNextShape), sh),
		shape3:  hashStr(hashTpl(tShape3), sh),
		bigramL: hashStr(hashTpl(tBigramL), w), bigramR: hashStr(hashTpl(tBigramR), w),
		prevLS: hashStr(hashTpl(tPrevLowerShape), w), nextLS: hashStr(hashTpl(tNextLowerShape), sh),
	}
}

// The wordHashes of the sentence-boundary symbols, which stand for both the
// word and the shape beyond either end (see at).
var bosHashes, eosHashes = hashesOf("<s>", "<s>"), hashesOf("</s>", "</s>")

// hashesAt returns the wordHashes of token i, or of a boundary symbol.
func (c *sentCtx) hashesAt(i int) *wordHashes {
	switch {
	case i < 0:
		return &bosHashes
	case i >= len(c.wh):
		return &eosHashes
	}
	return &c.wh[i]
}

func (c *sentCtx) cluAt(i int) byte {
	if i < 0 || i >= len(c.clu) {
		return 0xff
	}
	return c.clu[i]
}

// unreliable is 1 where capitalization says little: sentence-initial
// words and ALL-CAPS lines.
func (c *sentCtx) unreliable(i int) byte {
	if c.caps || i == 0 {
		return 1
	}
	return 0
}

// wordFeatures appends the features of token i and its ±2 window: those
// that depend only on the word form (bias, form, lower case, shape, length,
// prefixes and suffixes) to *own, the others to *ctx. Training passes the
// same list twice, so the order of the features is the order they are
// appended in.
func (x *extractor) wordFeatures(own, ctx *[]uint64, c *sentCtx, i int) {
	w, shape, lower := c.lower[i], c.shape, c.lower
	*own = append(*own, hashTpl(tBias),
		hashStr(hashTpl(tForm), c.words[i]),
		hashStr(hashTpl(tLower), w),
		hashStr(hashTpl(tShape), shape[i]))
	// The window's features, from the hashes of each word alone
	// (wordHashes): hp.prev1 is hashStr(hashTpl(tPrev1), c.at(lower, i-1)),
	// and so on.
	hp, hn, me := c.hashesAt(i-1), c.hashesAt(i+1), &c.wh[i]
	*ctx = append(*ctx,
		hp.prev1,
		hn.next1,
		c.hashesAt(i-2).prev2,
		c.hashesAt(i+2).next2,
		hp.prevShape,
		hn.nextShape,
		hashStr(hashStr(hp.shape3, shape[i]), c.at(shape, i+1)),
		hashStr(hp.bigramL, w),
		hashStr(me.bigramR, c.at(lower, i+1)),
		hashStr(hp.prevLS, shape[i]),
		hashStr(me.nextLS, c.at(lower, i+1)),
	)
	*own = append(*own, hashByte(hashTpl(tLen), byte(min(utf8.RuneCountInString(w), 12))))
	// Prefixes and suffixes of 1-4 runes, shorter than the word, sliced at
	// rune boundaries without allocating.
	var starts [5]int // byte offsets of the first runes
	var ends [5]int   // byte offsets where the last k runes begin
	nr := 0
	for off := range w {
		if nr < len(starts) {
			starts[nr] = off
		}
		nr++
	}
	for k, off := 1, len(w); k <= 4 && k <= nr; k++ {
		_, size := utf8.DecodeLastRuneInString(w[:off])
		off -= size
		ends[k] = off
	}
	for k := 1; k <= 4 && k < nr; k++ {
		*own = append(*own, hashStr(hashByte(hashTpl(tPrefix), byte(k)), w[:starts[k]]),
			hashStr(hashByte(hashTpl(tSuffix), byte(k)), w[ends[k]:]))
	}
	if i == 0 {
		*ctx = append(*ctx, hashStr(hashTpl(tFirst), shape[i]))
	}
}

// contextFeatures appends the lexicon (clusters, capitalization prior),
// GloVe-cluster (glove.go), headline, document-casing and gazetteer
// features of token i: the word's clusters to *own, the others to *ctx (see
// wordFeatures).
func (x *extractor) contextFeatures(own, ctx *[]uint64, c *sentCtx, i int) {
	w, shape := c.lower[i], c.shape[i]
	if v := c.lex[i]; v >= 0 {
		fine, coarse, capb := unpackLex(uint16(v))
		*own = append(*own, hashByte(hashTpl(tCluFine), byte(fine)),
			hashStr(hashByte(hashTpl(tCluCoarseShape), byte(coarse)), shape))
		*ctx = append(*ctx, hashByte(hashByte(hashStr(hashTpl(tCapPrior), shape), byte(capb)), c.unreliable(i)))
	}
	x.gloveFeatures(own, ctx, c, i)
	h := *ctx
	h = append(h, hashByte(hashTpl(tCluPrev), c.cluAt(i-1)), hashByte(hashTpl(tCluNext), c.cluAt(i+1)),
		hashByte(hashByte(hashTpl(tCluPair), c.cluAt(i-1)), c.clu[i]))
	if c.caps {
		h = append(h, hashStr(hashTpl(tCapsLower), w), hashStr(hashTpl(tCapsShape), shape))
	}
	if c.dc != nil && hasLetter(w) {
		var dcase uint8
		if c.fold != nil {
			dcase = c.dc.cases[c.fold[i]]
		} else {
			dcase = c.dc.cases[strings.ToLower(c.words[i])]
		}
		h = append(h, hashByte(hashByte(hashTpl(tDocCase), dcase), c.unreliable(i)),
			hashStr(hashByte(hashTpl(tDocCaseShape), dcase), shape))
	}
	for _, g := range c.gz[i] {
		h = append(h, hashByte(hashTpl(tGaz), g), hashStr(hashByte(hashTpl(tGaz), g), shape))
	}
	if i > 0 {
		for _, g := range c.gz[i-1] {
			h = append(h, hashByte(hashTpl(tGazPrev), g))
		}
	}
	if i+1 < len(c.words) {
		for _, g := range c.gz[i+1] {
			h = append(h, hashByte(hashTpl(tGazNext), g))
		}
	}
	*ctx = h
}
