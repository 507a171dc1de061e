// Package clusters gives words classes from two embedded tables, as
// features that generalise beyond the training words (Koo et al. 2008;
// Ratinov & Roth 2009). A word's Class is its path in a binary tree over the
// table's flat classes, whose prefixes give coarse to fine classes.
//
// Default is Brown et al.'s (1992) hierarchical clustering, with Liang's
// 2005 window of C active clusters, learnt from unlabelled news and web text;
// the parser uses it. It holds the 39,920 words seen at least twice in 1.95 M
// tokens of raw text (no dev or test sets), with case, in C = 1000 flat
// classes (the clusters active when the last word entered); paths are 4–15
// bits long. Rebuild it from the repository root (deterministic; about 2.5
// minutes of CPU on one core):
//
//	GOMAXPROCS=1 nice -n 10 go run ./nlp/internal/genclusters -data ../shared/data -out nlp/clusters/clusters.tsv.gz
//
// GloVe clusters the 150,000 most frequent lower-case words of pretrained
// GloVe vectors (6 B tokens of Wikipedia and Gigaword) into 1000 flat
// classes under a Ward tree (paths 7–17 bits); the NER tagger uses it. It
// knows far more words than Default (87.6% of the GUM dev words unseen in
// GUM train, against 58.5%), but not their case. See
// nlp/internal/genglove for its source and rebuild command.
//
// The tables are embedded (clusters.tsv.gz, glove.tsv.gz) and each is
// decoded once, on first use; a decoded Table is immutable and safe for
// concurrent use. Words are looked up after Normalize (digits → 0), so
// "1990" and "2024" share a class.
//
// Each line of a table is "PATH\tWORD\tFLAT\tCOUNT", sorted by path, after
// a header line starting with "#".
package clusters

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed clusters.tsv.gz
var embedded []byte

//go:embed glove.tsv.gz
var embeddedGloVe []byte

// MaxBits is the longest path prefix a Class keeps; deeper bits are dropped
// (Len still reports the full depth).
const MaxBits = 63

// Class is a word's cluster: the first MaxBits bits of its path from the
// root of the merge tree, the path's full length and its flat class.
type Class struct {
	bits uint64 // path bits, first bit most significant of the kept ones
	kept uint8  // number of bits in bits (≤ MaxBits)
	n    uint16 // full path length
	flat uint16
}

// Len is the depth of the word's flat class in the merge tree (its path
// length). The zero Class, returned for unknown words, has an empty path.
func (c Class) Len() int { return int(c.n) }

// Flat is the word's flat class, 0..Table.Flats()-1: the cluster it was in
// when the last word entered the window of C active clusters. The flat
// classes are the leaves of the merge tree: words of one flat class share
// their whole path, and the path identifies the flat class.
func (c Class) Flat() int { return int(c.flat) }

// Prefix returns the first n bits of the path (all of them when the path is
// shorter, at most MaxBits) with a leading 1 bit, so that prefixes of
// different lengths never collide: a value ready to hash into a feature.
func (c Class) Prefix(n int) uint64 {
	k := min(n, int(c.kept))
	if k < 0 {
		k = 0
	}
	return 1<<k | c.bits>>(int(c.kept)-k)
}

// Path is the path as a string of '0' and '1' (at most MaxBits long).
func (c Class) Path() string {
	var b strings.Builder
	for i := int(c.kept) - 1; i >= 0; i-- {
		b.WriteByte('0' + byte(c.bits>>i&1))
	}
	return b.String()
}

// Table maps normalized words to their classes. It is immutable.
type Table struct {
	words map[string]Class
	flats int
	// index holds the words' classes by a 64-bit hash of the word, in one
	// flat open-addressing array: the parser looks every token up, and a
	// lookup here reads one cache line where the map reads its bucket and
	// then the key's bytes. nil when two words of the table share a hash
	// (then lookups use words).
	index []slot
	mask  uint64
}

// slot is a cell of Table.index; h == 0 marks an empty one.
type slot struct {
	h uint64
	c Class
}

// hashWord is FNV-1a over the bytes of w, never 0 (the empty mark).
func hashWord(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, b := range w {
		h = (h ^ uint64(b)) * 1099511628211
	}
	return h | 1
}

// buildIndex fills t.index from t.words.
func (t *Table) buildIndex() {
	size := 16
	for size < 2*len(t.words) {
		size *= 2
	}
	t.index, t.mask = make([]slot, size), uint64(size-1)
	for w, c := range t.words {
		h := hashWord([]byte(w))
		i := (h ^ h>>29) & t.mask
		for t.index[i].h != 0 {
			if t.index[i].h == h {
				t.index = nil // two words, one hash: use the map
				return
			}
			i = (i + 1) & t.mask
		}
		t.index[i] = slot{h, c}
	}
}

// find looks the bytes w up.
func (t *Table) find(w []byte) (Class, bool) {
	if t.index == nil {
		c, ok := t.words[string(w)]
		return c, ok
	}
	h := hashWord(w)
	for i := (h ^ h>>29) & t.mask; ; i = (i + 1) & t.mask {
		switch t.index[i].h {
		case h:
			return t.index[i].c, true
		case 0:
			return Class{}, false
		}
	}
}

// Len is the number of words in the table.
func (t *Table) Len() int { return len(t.words) }

// Flats is the number of flat classes (the window size C).
func (t *Table) Flats() int { return t.flats }

// LookupExact returns the class of word after Normalize, without fallbacks.
func (t *Table) LookupExact(word string) (Class, bool) {
	c, ok := t.words[Normalize(word)]
	return c, ok
}

// Lookup returns the class of word; when the word itself is unknown it
// tries its lowercase form and then its capitalised form (so "CHINA" and
// "china" find "China"). ok is false when none is in the table.
func (t *Table) Lookup(word string) (Class, bool) {
	if c, ok, done := t.lookupASCII(word); done {
		return c, ok
	}
	return t.lookupAny(word)
}

// lookupASCII is Lookup for short ASCII words, without allocating: the
// parser looks up every token. done is false for other words.
func (t *Table) lookupASCII(word string) (c Class, ok, done bool) {
	var buf [48]byte
	if len(word) == 0 || len(word) > len(buf) {
		return Class{}, false, false
	}
	b := buf[:len(word)]
	for i := 0; i < len(word); i++ {
		ch := word[i]
		switch {
		case ch >= utf8.RuneSelf:
			return Class{}, false, false
		case '0' <= ch && ch <= '9':
			ch = '0'
		}
		b[i] = ch
	}
	if c, ok := t.find(b); ok {
		return c, true, true
	}
	lowered := false
	for i, ch := range b {
		if 'A' <= ch && ch <= 'Z' {
			b[i] = ch + 'a' - 'A'
			lowered = true
		}
	}
	if lowered {
		if c, ok := t.find(b); ok {
			return c, true, true
		}
	}
	if 'a' <= b[0] && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
		if c, ok := t.find(b); ok {
			return c, true, true
		}
	}
	return Class{}, false, true
}

// lookupAny is Lookup for any word.
func (t *Table) lookupAny(word string) (Class, bool) {
	w := Normalize(word)
	if c, ok := t.words[w]; ok || w == "" {
		return c, ok
	}
	lower := strings.ToLower(w)
	if c, ok := t.words[lower]; ok {
		return c, true
	}
	r, n := utf8.DecodeRuneInString(lower)
	if title := string(unicode.ToUpper(r)) + lower[n:]; title != w {
		if c, ok := t.words[title]; ok {
			return c, true
		}
	}
	return Class{}, false
}

// Normalize maps every decimal digit to '0', the form in which the table
// stores words.
func Normalize(word string) string {
	i := strings.IndexFunc(word, unicode.IsDigit)
	if i < 0 {
		return word
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '0'
		}
		return r
	}, word)
}

var (
	defaultTable = sync.OnceValues(func() (*Table, error) { return decode("clusters.tsv.gz", embedded) })
	gloveTable   = sync.OnceValues(func() (*Table, error) { return decode("glove.tsv.gz", embeddedGloVe) })
)

// decode reads the gzipped table data embedded as name.
func decode(name string, data []byte) (*Table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("clusters: embedded table %s: %w", name, err)
	}
	t, err := Read(zr)
	if err != nil {
		return nil, fmt.Errorf("clusters: embedded table %s: %w", name, err)
	}
	return t, nil
}

// Default returns the embedded Brown table, decoded on first use.
func Default() (*Table, error) { return defaultTable() }

// GloVe returns the embedded table of GloVe-vector clusters, decoded on
// first use.
func GloVe() (*Table, error) { return gloveTable() }

// Read decodes a table in the text format (not gzipped). The words are
// substrings of one copy of the input, and the map is sized from its line
// count: the GloVe table has 150,000 lines, and every process that runs the
// NER decodes it.
func Read(r io.Reader) (*Table, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	text := string(b)
	t := &Table{words: make(map[string]Class, strings.Count(text, "\n")+1)}
	for line := 1; text != ""; line++ {
		s, rest, _ := strings.Cut(text, "\n")
		text = rest
		s = strings.TrimSuffix(s, "\r")
		if s == "" || s[0] == '#' {
			continue
		}
		path, s, ok1 := strings.Cut(s, "\t")
		word, s, ok2 := strings.Cut(s, "\t")
		flat, _, _ := strings.Cut(s, "\t")
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("line %d: want PATH WORD FLAT[ COUNT]", line)
		}
		c, err := parseClass(path, flat)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		t.words[word] = c
		t.flats = max(t.flats, int(c.flat)+1)
	}
	t.buildIndex()
	return t, nil
}

func parseClass(path, flat string) (Class, error) {
	fl, err := strconv.ParseUint(flat, 10, 16)
	if err != nil {
		return Class{}, fmt.Errorf("flat class %q: %w", flat, err)
	}
	if len(path) > 1<<16-1 {
		return Class{}, fmt.Errorf("path of %d bits is too long", len(path))
	}
	c := Class{n: uint16(len(path)), flat: uint16(fl)}
	for i := 0; i < len(path) && i < MaxBits; i++ {
		switch path[i] {
		case '0':
			c.bits <<= 1
		case '1':
			c.bits = c.bits<<1 | 1
		default:
			return Class{}, fmt.Errorf("path %q: not binary", path)
		}
		c.kept++
	}
	return c, nil
}
