package ner

import "github.com/tidings/tidings/nlp/clusters"

// GloVe-cluster features (issue #4). The lexicon's clusters (lexicon.go)
// come from the 2 M tokens of the training text and cover little beyond
// it; the GloVe table (clusters.GloVe: 150,000 lower-case words from 6 B
// tokens of Wikipedia and Gigaword, 1000 flat classes under a binary tree)
// gives most unseen words a class, the same one whatever their case, so
// "france", "France" and "FRANCE" share it and web text typed in lower
// case keeps the cue. A word's class is looked up once per word form and
// cached with its other views (sentCtx.gv, cachedWord.gv).
//
// The set was chosen on the dev sets (UNER dev, CoNLL eng.testa, WNUT-17
// dev) over three training seeds: the word's class at three depths and two
// of them joined with its shape, and the neighbours' coarse classes. The
// neighbours' flat or 8-bit classes, ±2 neighbours, a class pair and
// neighbour×shape conjunctions all scored lower.

// The depths of a GloVe class used as features (paths are 7-17 bits long;
// Prefix(4) is only 16 classes, too coarse).
const (
	gvCoarse = 6
	gvMid    = 8
	gvFine   = 10
)

// gvBoundary is gvCoarseAt beyond the ends of the sentence.
const gvBoundary = 0xffff

// gloveClass returns the GloVe class of a normalized lower-case word; the
// zero Class (Len 0) when it has none or x has no table.
func (x *extractor) gloveClass(norm string) clusters.Class {
	if x.glove == nil {
		return clusters.Class{}
	}
	c, _ := x.glove.Lookup(norm)
	return c
}

// gvCoarseAt is token i's coarse GloVe class (Prefix(gvCoarse); 1 for a
// word without a class) or gvBoundary beyond the sentence.
func (c *sentCtx) gvCoarseAt(i int) uint16 {
	if i < 0 || i >= len(c.gv) {
		return gvBoundary
	}
	return uint16(c.gv[i].Prefix(gvCoarse))
}

// hashU16 folds a 16-bit value into a feature hash.
func hashU16(h uint64, v uint16) uint64 { return hashByte(hashByte(h, byte(v)), byte(v>>8)) }

// gloveFeatures appends the GloVe-cluster features of token i: the word's
// class at three depths and two of them joined with its shape to *own (they
// depend on the word form alone), its neighbours' coarse classes to *ctx.
func (x *extractor) gloveFeatures(own, ctx *[]uint64, c *sentCtx, i int) {
	if g := c.gv[i]; g.Len() > 0 {
		shape := c.shape[i]
		*own = append(*own,
			hashU16(hashTpl(tGvCoarse), uint16(g.Prefix(gvCoarse))),
			hashU16(hashTpl(tGvFine), uint16(g.Prefix(gvFine))),
			hashU16(hashTpl(tGvFlat), uint16(g.Flat())),
			hashStr(hashU16(hashTpl(tGvMidShape), uint16(g.Prefix(gvMid))), shape),
			hashStr(hashU16(hashTpl(tGvFlatShape), uint16(g.Flat())), shape))
	}
	*ctx = append(*ctx, hashU16(hashTpl(tGvPrev), c.gvCoarseAt(i-1)), hashU16(hashTpl(tGvNext), c.gvCoarseAt(i+1)))
}
