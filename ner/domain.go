package ner

import (
	"math"
	"slices"
)

// Genre-aware features ("frustratingly easy domain adaptation", Daumé
// 2007): every feature of a token is duplicated, once as is (shared by all
// genres) and once conjoined with the document's genre, so the perceptron
// learns what holds everywhere in the shared copy and what is particular to
// newswire, web text or tweets in the genre copies. Training documents get
// the genre of their corpus; at run time a document's genre is guessed by
// a small classifier (newswire vs web text) trained with the model and
// stored in the first-pass model's rows.

// Document genres (Document.Genre). GenreNone adds no genre features.
const (
	GenreNone   byte = 0
	GenreNews   byte = 1 // edited newswire (CoNLL-2003)
	GenreWeb    byte = 2 // reviews, e-mail, blogs, Q&A (UNER English-EWT)
	GenreSocial byte = 3 // tweets (WNUT-17)
)

// Template ids of the genre copies and of the genre classifier's word
// weights.
const (
	tGenre     byte = 0x70
	tGenreWord byte = 0x71
)

// genreBit salts a shared feature hash into its genre-specific copy.
func genreCopy(h uint64, g byte) uint64 { return hashByte(h^0x9e3779b97f4a7c15, tGenre+g) }

// augmentGenre appends the genre copies of the hashes h[from:].
func augmentGenre(h []uint64, from int, g byte) []uint64 {
	if g == GenreNone {
		return h
	}
	for _, x := range h[from:len(h):len(h)] {
		h = append(h, genreCopy(x, g))
	}
	return h
}

// genreWordKey is the model row holding a word's genre weight.
func genreWordKey(norm string) uint64 { return hashStr(hashTpl(tGenreWord), norm) }

// Genre classifier bounds: words seen in fewer documents are ignored, and
// each word's log-ratio is clipped so no single word decides.
const (
	genreMinDF = 5
	genreClip  = 3
)

// trainGenreWords learns per-word log-ratios of document frequency in
// newswire vs web-text documents (a naive Bayes over the set of words of a
// document; tweets are left out, run-time input is articles). A document
// is newswire when the mean ratio over its known words is positive; the
// mean rather than the sum keeps long and short documents comparable.
func trainGenreWords(docs []Document) map[string]float32 {
	df := [2]map[string]int{{}, {}}
	var n [2]int
	for _, d := range docs {
		k := -1
		switch d.Genre {
		case GenreNews:
			k = 0
		case GenreWeb:
			k = 1
		}
		if k < 0 {
			continue
		}
		n[k]++
		for _, w := range docWords(d.words()) {
			df[k][w]++
		}
	}
	out := make(map[string]float32)
	if n[0] == 0 || n[1] == 0 {
		return out
	}
	for _, m := range df {
		for w := range m {
			a, b := df[0][w], df[1][w]
			if a+b < genreMinDF {
				continue
			}
			r := math.Log(float64(a+1)/float64(n[0]+2)) - math.Log(float64(b+1)/float64(n[1]+2))
			out[w] = float32(max(-genreClip, min(genreClip, r)))
		}
	}
	return out
}

// docWords returns the distinct normalized words of a document (those
// with a letter), sorted.
func docWords(sents [][]string) []string {
	seen := make(map[string]bool)
	var out []string
	for _, ws := range sents {
		for _, w := range ws {
			if !hasLetter(w) {
				continue
			}
			n := normWord(w)
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	slices.Sort(out)
	return out
}

// guessGenre classifies a document as newswire or web text with the genre
// word weights stored in m (GenreNone when m has none, i.e. a model
// trained without genres).
func (m *model) guessGenre(sents [][]string) byte {
	if !m.genres {
		return GenreNone
	}
	sum, k := float32(0), 0
	for _, w := range docWords(sents) {
		if v, ok := m.weight0(genreWordKey(w)); ok {
			sum += v
			k++
		}
	}
	if k > 0 && sum/float32(k) > 0 {
		return GenreNews
	}
	return GenreWeb
}

// weight0 returns the first weight of a feature's row.
func (m *model) weight0(h uint64) (float32, bool) {
	r, ok := m.lookup(h)
	if !ok {
		return 0, false
	}
	if m.wq != nil {
		return float32(m.wq[int(r)*numLabels]) * m.scale, true
	}
	return m.w[int(r)*numLabels], true
}

// addGenreWords stores the genre word weights in m's rows (first column).
func (m *model) addGenreWords(ws map[string]float32) {
	keys := make([]string, 0, len(ws))
	for w := range ws {
		keys = append(keys, w)
	}
	slices.Sort(keys)
	for _, w := range keys {
		m.rows[genreWordKey(w)] = int32(len(m.rows))
		var row [numLabels]float32
		row[0] = ws[w]
		m.w = append(m.w, row[:]...)
	}
	if len(keys) > 0 {
		m.rows[genreFlagKey] = int32(len(m.rows))
		m.w = append(m.w, make([]float32, numLabels)...)
		m.genres = true
	}
}

// genreFlagKey marks a model that carries genre weights.
var genreFlagKey = hashStr(hashTpl(tGenreWord), "\x00genres")

// words returns the document's sentences as word lists.
func (d Document) words() [][]string {
	out := make([][]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Words
	}
	return out
}
