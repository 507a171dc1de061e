package ner

import (
	"strings"

	"github.com/tidings/tidings/nlp/clusters"
)

// wordCache keeps, across the documents a scratch decodes, what decoding
// computes of recent word forms alone: the normalized form, shape, lexicon
// entry, GloVe class, first gazetteer step (gazStep) and window feature hashes
// (wordHashes), and the sums of the weights of the word's own features
// (see wordFeatures). More than half the tokens of an article repeat an
// earlier word, and more than three quarters one of the last few thousand
// words seen. The sums are integers, so adding a cached sum gives exactly
// the scores of adding its features one by one.
type wordCache struct {
	index map[string]int32 // word form (a copy) → words index
	words []cachedWord
	known []bool  // per token of the sentence: cached
	at    []int32 // per token: its words index, if known
	tmp   [rowWeights]int32
}

// cachedWord is what wordCache keeps of one word form.
type cachedWord struct {
	sums         [rowWeights]int32 // both passes' sums, as a joint row
	lower, shape string            // sentCtx.lower and shape
	clu          byte              // sentCtx.clu
	lex          int32             // sentCtx.lex
	g1           gazStep           // sentCtx.g1
	wh           wordHashes        // sentCtx.wh
	gv           clusters.Class    // sentCtx.gv
}

// maxCachedWords bounds a wordCache, which is emptied when full.
const maxCachedWords = 4096

// lookup finds the cached words of one sentence.
func (wc *wordCache) lookup(ws []string) {
	if len(wc.words)+len(ws) > maxCachedWords {
		clear(wc.index)
		wc.words = wc.words[:0]
	}
	wc.known, wc.at = resize(wc.known, len(ws)), resize(wc.at, len(ws))
	for i, w := range ws {
		wc.at[i], wc.known[i] = wc.index[w]
	}
}

// ownSums returns the sums of the own features of token i (word w) of the
// sentence of the last lookup, extracted with c: cached, or added up and
// cached when w was not known. The result is valid until the next call.
func (wc *wordCache) ownSums(jm *jointModel, w string, i int, f *splitFeatures, c *sentCtx) *[rowWeights]int32 {
	if wc.known[i] {
		wc.tmp = wc.words[wc.at[i]].sums
		return &wc.tmp
	}
	var a1, a2 [numLabels]int32
	jm.addBase(f.ownToken(i), &a1, &a2)
	copy(wc.tmp[:numLabels], a1[:])
	copy(wc.tmp[numLabels:], a2[:])
	if _, ok := wc.index[w]; !ok {
		wc.index[strings.Clone(w)] = int32(len(wc.words))
		// lower may share the document's memory; shapes never do.
		wc.words = append(wc.words, cachedWord{sums: wc.tmp, lower: strings.Clone(c.lower[i]),
			shape: c.shape[i], clu: c.clu[i], lex: c.lex[i], g1: c.g1[i], wh: c.wh[i], gv: c.gv[i]})
	}
	return &wc.tmp
}
