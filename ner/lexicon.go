package ner

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// lexicon holds per-word information learnt from raw text at training time
// and stored in the model: two word clusters (fine and coarse, from k-means
// over left/right neighbour distributions, a cheap stand-in for Brown
// clusters) and how often the word is capitalized in running text (a
// truecasing prior for headlines, ALL-CAPS lines and sentence-initial
// words). Words are keyed by the hash of their normalized form.
type lexicon struct {
	words map[uint64]uint16
	flat  *flatMap[uint16] // words, once loaded, for fast lookups
}

// lookup returns the entry of a word key.
func (l *lexicon) lookup(k uint64) (uint16, bool) {
	if l.flat != nil {
		return l.flat.get(k)
	}
	v, ok := l.words[k]
	return v, ok
}

// Packing of a lexicon entry.
const (
	lexFine      = 256 // fine clusters: bits 0-7
	lexCoarse    = 32  // coarse clusters: bits 8-12
	lexCoarseBit = 8
	lexCapBit    = 13 // capitalization bucket: bits 13-14
)

// Capitalization buckets.
const (
	capUnknown = iota
	capLower   // almost always lower-case in running text
	capMixed
	capUpper // almost always capitalized
)

func wordKey(norm string) uint64 { return hashStr(hashTpl(0xee), norm) }

// get returns the fine and coarse cluster and capitalization bucket of a
// normalized word; ok is false for words outside the lexicon.
func (l *lexicon) get(norm string) (fine, coarse, capb int, ok bool) {
	if l == nil {
		return 0, 0, 0, false
	}
	v, ok := l.lookup(wordKey(norm))
	if !ok {
		return 0, 0, 0, false
	}
	fine, coarse, capb = unpackLex(v)
	return fine, coarse, capb, true
}

// entry returns the packed lexicon entry of a normalized word.
func (l *lexicon) entry(norm string) (uint16, bool) {
	if l == nil {
		return 0, false
	}
	return l.lookup(wordKey(norm))
}

// unpackLex splits a lexicon entry into its fine and coarse cluster and
// capitalization bucket.
func unpackLex(v uint16) (fine, coarse, capb int) {
	return int(v & 0xff), int(v>>lexCoarseBit) & 0x1f, int(v>>lexCapBit) & 3
}

// lexiconOptions bound the work of buildLexicon.
const (
	lexMinCount  = 3
	lexMaxVocab  = 40000
	lexContexts  = 300
	lexKMeansItr = 8
)

// buildLexicon computes clusters and capitalization buckets from raw
// sentences. It is deterministic.
func buildLexicon(sents [][]string) *lexicon {
	counts := make(map[string]int)
	capCount := make(map[string][2]int) // [lower, capitalized] in reliable positions
	for _, ws := range sents {
		caps := capsSentence(ws)
		for i, w := range ws {
			n := normWord(w)
			counts[n]++
			if i == 0 || caps || !hasLetter(w) {
				continue
			}
			c := capCount[n]
			if caseOf(w) == caseLower {
				c[0]++
			} else {
				c[1]++
			}
			capCount[n] = c
		}
	}
	vocab := make([]string, 0, len(counts))
	for w, c := range counts {
		if c >= lexMinCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	if len(vocab) > lexMaxVocab {
		vocab = vocab[:lexMaxVocab]
	}
	vecs := contextVectors(sents, vocab)
	fine := kmeans(vecs, lexFine)
	coarse := kmeans(vecs, lexCoarse)
	lex := &lexicon{words: make(map[uint64]uint16, len(vocab))}
	for i, w := range vocab {
		capb := capUnknown
		if c := capCount[w]; c[0]+c[1] >= 2 {
			r := float64(c[1]) / float64(c[0]+c[1])
			switch {
			case r < 0.1:
				capb = capLower
			case r > 0.9:
				capb = capUpper
			default:
				capb = capMixed
			}
		}
		lex.words[wordKey(w)] = uint16(fine[i]) | uint16(coarse[i])<<lexCoarseBit | uint16(capb)<<lexCapBit
	}
	return lex
}

// sparseVec is an L2-normalized sparse vector.
type sparseVec struct {
	idx []int32
	val []float32
}

// contextVectors describes each vocabulary word by the distribution of its
// left and right neighbours among the most frequent words.
func contextVectors(sents [][]string, vocab []string) []sparseVec {
	id := make(map[string]int, len(vocab))
	for i, w := range vocab {
		id[w] = i
	}
	nctx := min(lexContexts, len(vocab))
	other, bound := nctx, nctx+1
	side := nctx + 2
	ctx := make([]map[int32]float32, len(vocab))
	for _, ws := range sents {
		norm := make([]string, len(ws))
		for i, w := range ws {
			norm[i] = normWord(w)
		}
		cid := func(i int) int {
			if i < 0 || i >= len(norm) {
				return bound
			}
			if c, ok := id[norm[i]]; ok && c < nctx {
				return c
			}
			return other
		}
		for i, w := range norm {
			v, ok := id[w]
			if !ok {
				continue
			}
			if ctx[v] == nil {
				ctx[v] = make(map[int32]float32)
			}
			ctx[v][int32(cid(i-1))]++
			ctx[v][int32(side+cid(i+1))]++
		}
	}
	vecs := make([]sparseVec, len(vocab))
	for v, m := range ctx {
		keys := make([]int32, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		sv := sparseVec{idx: keys, val: make([]float32, len(keys))}
		norm := 0.0
		for i, k := range keys {
			x := math.Sqrt(float64(m[k]))
			sv.val[i] = float32(x)
			norm += x * x
		}
		for i := range sv.val {
			sv.val[i] /= float32(math.Sqrt(norm))
		}
		vecs[v] = sv
	}
	return vecs
}

// kmeans runs spherical k-means with k clusters, seeded deterministically
// by words spread evenly over the frequency ranking, and returns each
// vector's cluster.
func kmeans(vecs []sparseVec, k int) []int {
	assign := make([]int, len(vecs))
	if len(vecs) == 0 {
		return assign
	}
	dim := 0
	for _, v := range vecs {
		for _, i := range v.idx {
			dim = max(dim, int(i)+1)
		}
	}
	k = min(k, len(vecs))
	cent := make([][]float32, k)
	for c := range cent {
		cent[c] = make([]float32, dim)
		v := vecs[c*len(vecs)/k]
		for j, i := range v.idx {
			cent[c][i] = v.val[j]
		}
	}
	for it := 0; it < lexKMeansItr; it++ {
		for n, v := range vecs {
			best, arg := float32(-1), 0
			for c := range cent {
				var s float32
				for j, i := range v.idx {
					s += cent[c][i] * v.val[j]
				}
				if s > best {
					best, arg = s, c
				}
			}
			assign[n] = arg
		}
		for c := range cent {
			clear(cent[c])
		}
		for n, v := range vecs {
			for j, i := range v.idx {
				cent[assign[n]][i] += v.val[j]
			}
		}
		for c := range cent {
			norm := float32(0)
			for _, x := range cent[c] {
				norm += x * x
			}
			if norm > 0 {
				s := float32(1 / math.Sqrt(float64(norm)))
				for i := range cent[c] {
					cent[c][i] *= s
				}
			}
		}
	}
	return assign
}
