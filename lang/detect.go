package lang

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// This file is whatlanggo.Detect computed another way, with the same
// answers. whatlanggo scores a Latin-script text by looking every trigram
// of every one of its 48 Latin-script profiles (300 each) up in a map of
// the text's trigrams: 14,400 string-keyed lookups, whatever the text's
// length, about 0.75 ms. Here each trigram of the text is looked up once
// in an index of all the profiles' trigrams, built at start-up, whose
// postings carry each language's rank weight: about 0.04 ms for 2000
// bytes. The integer distances are the same sums, added in
// another order, and the confidence is computed with whatlanggo's formula.
// Where whatlanggo's answer depends on its map iteration order (two
// languages tied for the best distance) its confidence is 0, which Detect
// turns into "" either way. detect_test.go checks the equivalence.

// maxTrigramDistance is whatlanggo's rank weight base: the trigram of rank
// i in a profile weighs maxTrigramDistance-i.
const maxTrigramDistance = 300

// scriptGroup numbers the scripts whose languages are told apart by
// trigrams, in the order of profileLists.
type scriptGroup int

const (
	groupLatin scriptGroup = iota
	groupCyrillic
	groupArabic
	groupDevanagari
	groupEthiopic
	groupHebrew
	numGroups
)

// langProfile is one language's trigrams, concatenated (three runes each),
// most frequent first.
type langProfile struct {
	lang     whatlanggo.Lang
	trigrams string
}

// posting is one occurrence of a trigram in a profile: the language (its
// index in the group) and the rank weight.
type posting struct {
	lang uint8
	w    int16
}

// groupIndex maps the trigrams of one group's profiles to their postings.
type groupIndex struct {
	langs []whatlanggo.Lang
	ids   trigramTable // packed trigram → entry
	// ascii is ids for the trigrams of spaces and the letters a-z (most
	// trigrams of English text): entry+1 at (c1*27+c2)*27+c3 for the
	// asciiCodes c of the runes, 0 for none. A direct lookup in 39 KB
	// rather than a probe into a larger table.
	ascii []int16
	off   []int32 // entry e's postings are post[off[e]:off[e+1]]
	post  []posting
}

// trigramTable is a frozen map from packed trigrams to entries, with open
// addressing and linear probing: a text's ~2000 trigram lookups are most of
// the scorer's work, and this is about three times cheaper than a Go map.
type trigramTable struct {
	slots []trigramSlot
	shift uint // 64 - log2(len(slots))
}

// trigramSlot holds a key with its top bit set (0: an empty slot; packed
// trigrams use 63 bits) and its entry.
type trigramSlot struct {
	key   uint64
	entry int32
}

const slotUsed = 1 << 63

func newTrigramTable(keys []uint64) trigramTable {
	bits := uint(4)
	for 1<<bits < 3*len(keys) { // load factor at most 1/3
		bits++
	}
	t := trigramTable{slots: make([]trigramSlot, 1<<bits), shift: 64 - bits}
	for e, k := range keys {
		i := t.home(k)
		for t.slots[i].key != 0 {
			i = (i + 1) & (len(t.slots) - 1)
		}
		t.slots[i] = trigramSlot{k | slotUsed, int32(e)}
	}
	return t
}

func (t *trigramTable) home(k uint64) int { return int(k * 0x9E3779B97F4A7C15 >> t.shift) }

// get returns the entry of key k, or -1.
func (t *trigramTable) get(k uint64) int32 {
	k |= slotUsed
	for i := t.home(k &^ slotUsed); ; i = (i + 1) & (len(t.slots) - 1) {
		switch t.slots[i].key {
		case k:
			return t.slots[i].entry
		case 0:
			return -1
		}
	}
}

// detector holds the indexes of every group. It is immutable.
type detector struct {
	groups [numGroups]groupIndex
	iso    map[whatlanggo.Lang]string // ISO 639-1 codes
}

// packTrigram packs three runes (21 bits each) into one key.
func packTrigram(r1, r2, r3 rune) uint64 {
	return uint64(r1)<<42 | uint64(r2)<<21 | uint64(r3)
}

func newDetector() *detector {
	d := &detector{iso: make(map[whatlanggo.Lang]string, len(whatlanggo.Langs))}
	for l := range whatlanggo.Langs {
		d.iso[l] = l.Iso6391()
	}
	for g, profiles := range profileLists {
		d.groups[g] = newGroupIndex(profiles)
	}
	return d
}

// newGroupIndex indexes the profiles of one group: at most 256 languages
// (posting.lang) of at most 32768 trigrams (posting.w), which
// TestProfileLimits checks of the generated tables.
func newGroupIndex(profiles []langProfile) groupIndex {
	type occ struct {
		key uint64
		p   posting
	}
	var occs []occ
	var gi groupIndex
	for li, p := range profiles {
		gi.langs = append(gi.langs, p.lang)
		rank := 0
		var rs [3]rune
		n := 0
		for _, r := range p.trigrams {
			rs[n] = r
			if n++; n < 3 {
				continue
			}
			occs = append(occs, occ{packTrigram(rs[0], rs[1], rs[2]), posting{uint8(li), int16(maxTrigramDistance - rank)}})
			rank++
			n = 0
		}
	}
	// Group the postings by trigram, in order of first appearance.
	ids := map[uint64]int32{}
	var keys []uint64
	counts := []int32{}
	for _, o := range occs {
		e, ok := ids[o.key]
		if !ok {
			e = int32(len(counts))
			ids[o.key] = e
			keys = append(keys, o.key)
			counts = append(counts, 0)
		}
		counts[e]++
	}
	gi.ids = newTrigramTable(keys)
	gi.ascii = make([]int16, asciiTrigrams)
	for e, k := range keys {
		c1, c2, c3 := asciiCode(rune(k>>42)), asciiCode(rune(k>>21&(1<<21-1))), asciiCode(rune(k&(1<<21-1)))
		if c1 >= 0 && c2 >= 0 && c3 >= 0 && e < math.MaxInt16 {
			gi.ascii[(c1*27+c2)*27+c3] = int16(e + 1)
		}
	}
	gi.off = make([]int32, len(counts)+1)
	for e, c := range counts {
		gi.off[e+1] = gi.off[e] + c
	}
	gi.post = make([]posting, len(occs))
	next := append([]int32(nil), gi.off[:len(counts)]...)
	for _, o := range occs {
		e := ids[o.key]
		gi.post[next[e]] = o.p
		next[e]++
	}
	return gi
}

// detectLang is whatlanggo.Detect(text)'s language and confidence, except
// that a tie for the best distance gives -1 (whatlanggo: either language,
// confidence 0).
func (d *detector) detectLang(text string) (whatlanggo.Lang, float64) {
	switch s := detectScript(text); s {
	case scriptNone:
		return -1, 0
	case scriptLatin:
		return d.groups[groupLatin].score(text)
	case scriptCyrillic:
		return d.groups[groupCyrillic].score(text)
	case scriptArabic:
		return d.groups[groupArabic].score(text)
	case scriptDevanagari:
		return d.groups[groupDevanagari].score(text)
	case scriptEthiopic:
		return d.groups[groupEthiopic].score(text)
	case scriptHebrew:
		return d.groups[groupHebrew].score(text)
	default:
		return singleScriptLang[s], 1
	}
}

// maxGroupLangs is how many languages of one group score's stack buffers
// hold (whatlanggo has 48 Latin-script languages).
const maxGroupLangs = 64

// score is whatlanggo's detectLangInProfiles for one group: every trigram
// of the lower-cased text (punctuation, symbols and digits read as spaces,
// a space before and after) adds the rank weight of each profile holding
// it, once per occurrence; a profile's trigram count is the number of its
// trigrams present.
func (gi *groupIndex) score(text string) (whatlanggo.Lang, float64) {
	// Count each profile trigram's occurrences first, then add each found
	// one's postings once, weighted by its count.
	var cntBuf [8192]int32
	var hitBuf [1024]int32
	cnt, hits := cntBuf[:], hitBuf[:0]
	if n := len(gi.off) - 1; n > len(cntBuf) {
		cnt = make([]int32, n)
	}
	add := func(r1, r2, r3 rune) {
		var e int32
		c1, c2, c3 := asciiCode(r1), asciiCode(r2), asciiCode(r3)
		if c1 >= 0 && c2 >= 0 && c3 >= 0 && len(gi.off) <= math.MaxInt16 {
			e = int32(gi.ascii[(c1*27+c2)*27+c3]) - 1
		} else {
			e = gi.ids.get(packTrigram(r1, r2, r3))
		}
		if e >= 0 {
			if cnt[e] == 0 {
				hits = append(hits, e)
			}
			cnt[e]++
		}
	}
	r1, r2 := ' ', rune(-1)
	for _, r := range text {
		r3 := trigramRune(r)
		if r2 >= 0 && !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			add(r1, r2, r3)
		}
		if r2 >= 0 {
			r1 = r2
		}
		r2 = r3
	}
	if r2 >= 0 && r2 != ' ' { // the space after the text
		add(r1, r2, ' ')
	}
	var distBuf, numBuf [maxGroupLangs]int
	dist, num := distBuf[:len(gi.langs)], numBuf[:len(gi.langs)]
	if len(gi.langs) > maxGroupLangs {
		dist, num = make([]int, len(gi.langs)), make([]int, len(gi.langs))
	}
	for _, e := range hits {
		c := int(cnt[e])
		for _, p := range gi.post[gi.off[e]:gi.off[e+1]] {
			dist[p.lang] += int(p.w) * c
			num[p.lang]++
		}
	}
	return confidence(gi.langs, dist, num)
}

// asciiTrigrams is the number of trigrams of spaces and letters a-z.
const asciiTrigrams = 27 * 27 * 27

// asciiCode numbers a space 0 and the letters a-z 1 to 26; other runes -1.
func asciiCode(r rune) int {
	switch {
	case r == ' ':
		return 0
	case 'a' <= r && r <= 'z':
		return int(r-'a') + 1
	}
	return -1
}

// trigramRune is how a rune reads in a trigram: lower case, or a space for
// punctuation, symbols, spaces and digits.
func trigramRune(r rune) rune {
	if r < utf8.RuneSelf {
		return asciiTrigram[r]
	}
	if isStopChar(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

// asciiTrigram is trigramRune of every ASCII rune.
var asciiTrigram = func() (t [utf8.RuneSelf]rune) {
	for r := range t {
		if isStopChar(rune(r)) {
			t[r] = ' '
		} else {
			t[r] = unicode.ToLower(rune(r))
		}
	}
	return t
}()

// isStopChar is whatlanggo's: spaces, punctuation, symbols and digits.
func isStopChar(r rune) bool {
	return unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r)
}

// confidence is whatlanggo's calculateConfidence: the language with the
// greatest distance, and how far ahead of the next it is.
func confidence(langs []whatlanggo.Lang, dist, num []int) (whatlanggo.Lang, float64) {
	switch len(langs) {
	case 0:
		return -1, 0
	case 1:
		return langs[0], 1
	}
	best := 0
	for i := range dist {
		if dist[i] > dist[best] {
			best = i
		}
	}
	score1, score2 := dist[best], math.MinInt
	for i, v := range dist {
		if i != best {
			score2 = max(score2, v)
		}
	}
	switch {
	case score1 == 0:
		return -1, 0
	case score1 == score2:
		return -1, 0 // a tie: whatlanggo answers either, with confidence 0
	case score2 == 0:
		return langs[best], min(float64(score1/500), 1) // integer division, as whatlanggo
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := 12.0/float64(num[best]) + 0.05
	c := 1.0
	if rate <= confidentRate {
		c = rate / confidentRate
	}
	return langs[best], math.Round(c*100) / 100
}
