// Package lang guesses the natural language of an article's text, so that
// non-English articles can be stored without being run through English
// models. It answers as github.com/RadhiFadlillah/whatlanggo (a trigram
// detector already used by go-trafilatura) on the article's first ~2000
// bytes, but scores the trigrams through an index of whatlanggo's profiles
// (detect.go), about twenty times faster than whatlanggo.Detect itself.
//
// profiles.go is generated from the whatlanggo version in go.mod; rebuild
// it, in lang/, with
//
//	go generate
package lang

//go:generate go run ./internal/genprofiles

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// sample is how many bytes of text Detect looks at: enough for a stable
// trigram profile, small enough to stay fast on long articles.
const sample = 2000

// minLetters is the fewest letters a text needs before a guess is made;
// below it trigram statistics are noise.
const minLetters = 20

// minConfidence is the detector confidence under which Detect answers "".
// whatlanggo's own "reliable" mark (0.8) rejects many correct guesses on
// short news paragraphs; 0.3 keeps those while still refusing coin flips
// between close languages.
const minConfidence = 0.3

// Detect returns the ISO 639-1 code of the language of text ("en", "fr"...)
// judged on its first ~2000 bytes, or "" when the text is too short or the
// detector is unsure.
func Detect(text string) string {
	text = head(text, sample)
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if letters >= minLetters {
				break
			}
		}
	}
	if letters < minLetters {
		return ""
	}
	d := loadDetector()
	l, conf := d.detectLang(text)
	if l < 0 || conf < minConfidence {
		return ""
	}
	return d.iso[l]
}

// loadDetector builds the trigram index once.
var loadDetector = sync.OnceValue(newDetector)

// head returns at most n bytes of s, cut at a rune boundary and, when
// possible, at a word boundary so the last trigram is not a broken word.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexFunc(s[:cut], unicode.IsSpace); i > n/2 {
		cut = i
	}
	return s[:cut]
}
