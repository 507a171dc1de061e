// Package facttext gives the fact extractors (quotes, events, counts, tone,
// themes) one view of an article's text: sentences of tokens with byte and
// code-point offsets, taken from the NLP analysis when there is one and from
// a small rule-based splitter when there is not (or when the NLP document
// does not belong to the text), so every extractor degrades gracefully: it
// uses POS tags and the dependency parse where they are present and surface
// patterns everywhere.
package facttext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/nlp"
)

// Token is one word or punctuation mark of a sentence.
type Token struct {
	Text  string
	Lower string
	// B and E are byte offsets into Text.S; Start and End code points.
	B, E       int
	Start, End int
	Lemma      string // lower-case lemma; a crude one when the NLP gave none
	UPOS       string // empty when untagged
	XPOS       string // Penn Treebank tag; empty when untagged
	Head       int    // -1 for root or unparsed
	Rel        string // empty when unparsed
}

// Sentence is a run of tokens.
type Sentence struct {
	B, E   int // byte offsets
	Tokens []Token
}

// Text is an article's text split into sentences, with offset conversion.
// It is read-only once built: For shares one among an article's extractors.
type Text struct {
	S         string
	Sentences []Sentence
	// Tagged and Parsed say whether the tokens carry POS tags and a
	// dependency parse from the NLP pipeline.
	Tagged, Parsed bool
	cp             []int32 // byte offset -> code-point offset
}

// New returns the view of text, using doc when it analyses exactly text.
func New(doc *nlp.Doc, text string) *Text {
	t := &Text{S: text}
	t.cp = make([]int32, len(text)+1)
	n := int32(0)
	for i := range text {
		t.cp[i] = n
		n++
	}
	// Fill continuation bytes with the next rune's index so any byte maps
	// sensibly.
	for i := len(text) - 1; i >= 0; i-- {
		if !utf8.RuneStart(text[i]) {
			t.cp[i] = t.cp[i+1]
		}
	}
	t.cp[len(text)] = n
	if doc != nil && doc.Text == text && len(doc.Sentences) > 0 {
		t.fromDoc(doc)
	} else {
		t.split()
	}
	return t
}

func (t *Text) fromDoc(doc *nlp.Doc) {
	// One backing array for every sentence's tokens, each sentence a slice
	// of it whose capacity ends with it.
	n := 0
	for _, s := range doc.Sentences {
		n += len(s.Tokens)
	}
	all := make([]Token, 0, n)
	t.Sentences = make([]Sentence, 0, len(doc.Sentences))
	for _, s := range doc.Sentences {
		first := len(all)
		for _, k := range s.Tokens {
			tk := Token{Text: k.Text, Lower: strings.ToLower(k.Text), B: k.BStart, E: k.BEnd,
				Start: k.Start, End: k.End, UPOS: k.UPOS, XPOS: k.XPOS, Head: k.Head, Rel: k.Rel}
			tk.Lemma = strings.ToLower(k.Lemma)
			if tk.Lemma == "" {
				tk.Lemma = tk.Lower
			}
			if k.UPOS != "" {
				t.Tagged = true
			}
			if k.Rel != "" {
				t.Parsed = true
			}
			all = append(all, tk)
		}
		t.Sentences = append(t.Sentences, Sentence{B: s.BStart, E: s.BEnd, Tokens: all[first:len(all):len(all)]})
	}
}

// CP converts a byte offset into a code-point offset.
func (t *Text) CP(b int) int {
	if b < 0 {
		return 0
	}
	if b >= len(t.cp) {
		return int(t.cp[len(t.cp)-1])
	}
	return int(t.cp[b])
}

// Span returns the contract span of bytes [b, e).
func (t *Text) Span(b, e int) tidings.Span {
	return tidings.Span{Text: t.S[b:e], Start: t.CP(b), End: t.CP(e)}
}

// SentenceAt returns the index of the sentence holding byte b, or -1.
func (t *Text) SentenceAt(b int) int {
	lo, hi := 0, len(t.Sentences)-1
	for lo <= hi {
		m := (lo + hi) / 2
		s := t.Sentences[m]
		switch {
		case b < s.B:
			hi = m - 1
		case b >= s.E:
			lo = m + 1
		default:
			return m
		}
	}
	// b falls between sentences: the next one.
	if lo < len(t.Sentences) {
		return lo
	}
	return -1
}

// SentenceSpan is the contract span of sentence i.
func (t *Text) SentenceSpan(i int) tidings.Span {
	s := t.Sentences[i]
	return t.Span(s.B, s.E)
}

// TokenAt returns the index in sentence si of the first token ending after
// byte b.
func (t *Text) TokenAt(si, b int) int {
	toks := t.Sentences[si].Tokens
	for i, k := range toks {
		if k.E > b {
			return i
		}
	}
	return len(toks)
}

// IsCap reports whether w starts with an upper-case letter.
func IsCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// IsWord reports whether w starts with a letter or digit.
func IsWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
