package ner

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/tidings/tidings/internal/shared"
)

// cacheTestDocs are the fixture texts and, when ../shared is there, CoNLL
// dev documents, as sentences of words.
func cacheTestDocs(t *testing.T) [][][]string {
	var docs [][][]string
	for _, c := range readFixture(t) {
		var sents [][]string
		for _, line := range strings.Split(strings.ReplaceAll(c.text, " . ", " .\n"), "\n") {
			sents = append(sents, strings.Fields(line))
		}
		docs = append(docs, sents, [][]string{strings.Fields(strings.ToUpper(c.text))})
	}
	if shared.Path("data", "ner") != "" {
		for _, d := range devDocs(t, 40) {
			var sents [][]string
			for _, s := range d.Sentences {
				sents = append(sents, s.Words)
			}
			docs = append(docs, sents)
		}
	}
	return docs
}

// TestExtractSplitMatchesExtract checks that decoding's split extraction
// gives every token the features training's extraction gives it, and that
// the views of words the cache knows are the ones computed afresh.
func TestExtractSplitMatchesExtract(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s := newScratch()
	known := 0
	for _, sents := range cacheTestDocs(t) {
		dc := newDocContext(sents)
		for _, ws := range sents {
			var want sentFeatures
			var wc sentCtx
			r.x.extract(ws, dc, &want)
			r.x.prepare(ws, nil, dc, &wc, nil)

			s.words.lookup(ws)
			var split splitFeatures
			r.x.extractSplit(ws, nil, dc, &split, &s.ctx, &s.words)
			if !slices.Equal(s.ctx.lower, wc.lower) || !slices.Equal(s.ctx.shape, wc.shape) ||
				!slices.Equal(s.ctx.clu, wc.clu) || !slices.Equal(s.ctx.lex, wc.lex) ||
				!slices.Equal(s.ctx.gv, wc.gv) ||
				!slices.EqualFunc(s.ctx.gz, wc.gz, bytes.Equal) {
				t.Fatalf("%q: views differ from uncached ones", ws)
			}
			for i := range ws {
				got := slices.Clone(split.ctxToken(i))
				if !s.words.known[i] {
					got = append(got, split.ownToken(i)...)
				} else if n := len(split.ownToken(i)); n != 0 {
					t.Fatalf("%q token %d: %d own features of a cached word", ws, i, n)
				}
				w := slices.Clone(want.token(i))
				if s.words.known[i] {
					known++
					// Only the context features: drop the word's own.
					var own, ctx []uint64
					r.x.wordFeatures(&own, &ctx, &wc, i)
					r.x.contextFeatures(&own, &ctx, &wc, i)
					w = ctx
				}
				slices.Sort(got)
				slices.Sort(w)
				if !slices.Equal(got, w) {
					t.Fatalf("%q token %d: features %v, want %v", ws, i, got, w)
				}
				s.words.ownSums(r.joint, ws[i], i, &split, &s.ctx)
			}
		}
	}
	if known == 0 {
		t.Error("no cached word met")
	}
	t.Logf("%d tokens of cached words", known)
}

// TestWindowHashes checks that the window features wordFeatures builds
// from wordHashes are the hashes of the words and shapes themselves.
func TestWindowHashes(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, sents := range cacheTestDocs(t) {
		for _, ws := range append(sents, []string{"Solo"}, []string{"Two", "words"}) {
			var c sentCtx
			r.x.prepare(ws, nil, nil, &c, nil)
			lower, shape := c.lower, c.shape
			for i := range ws {
				var own, got []uint64
				r.x.wordFeatures(&own, &got, &c, i)
				w := lower[i]
				want := []uint64{
					hashStr(hashTpl(tPrev1), c.at(lower, i-1)),
					hashStr(hashTpl(tNext1), c.at(lower, i+1)),
					hashStr(hashTpl(tPrev2), c.at(lower, i-2)),
					hashStr(hashTpl(tNext2), c.at(lower, i+2)),
					hashStr(hashTpl(tPrevShape), c.at(shape, i-1)),
					hashStr(hashTpl(tNextShape), c.at(shape, i+1)),
					hashStr(hashStr(hashStr(hashTpl(tShape3), c.at(shape, i-1)), shape[i]), c.at(shape, i+1)),
					hashStr(hashStr(hashTpl(tBigramL), c.at(lower, i-1)), w),
					hashStr(hashStr(hashTpl(tBigramR), w), c.at(lower, i+1)),
					hashStr(hashStr(hashTpl(tPrevLowerShape), c.at(lower, i-1)), shape[i]),
					hashStr(hashStr(hashTpl(tNextLowerShape), shape[i]), c.at(lower, i+1)),
				}
				if i == 0 {
					want = append(want, hashStr(hashTpl(tFirst), shape[i]))
				}
				if !slices.Equal(got, want) {
					t.Fatalf("%q token %d: window features %v, want %v", ws, i, got, want)
				}
			}
		}
	}
}
