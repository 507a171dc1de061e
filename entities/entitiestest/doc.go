// Package entitiestest builds nlp.Docs with a small rule tokenizer, so the
// entity and place tests do not depend on the trained NLP pipeline.
package entitiestest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/tidings/tidings/nlp"
)

// tokenRE: abbreviations with dots (U.S.), possessive 's, words with inner
// hyphens or apostrophes, numbers, single other characters.
var tokenRE = regexp.MustCompile(`(?:[A-Za-z]\.){2,}|['’]s\b|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*(?:['’][\p{L}\p{N}]{2,}(?:-[\p{L}\p{N}]+)*)?|\S`)

// sentEnd marks the end of a sentence: . ! ? (and a closing quote) before
// a space and a capital or quote, or a line break.
var sentEnd = regexp.MustCompile(`[.!?]["'”’]?\s+["“'‘]?[A-Z]|\n+`)

var abbrevEnd = regexp.MustCompile(`(?:^|\s)(?:[A-Za-z]\.){2,}$|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Lt|Col|Gov|Capt|Sgt|Adm|Cmdr|Maj|Brig)\.$`)

// Doc splits text into sentences and tokens with code-point and byte
// offsets. Tags and parse are left empty.
func Doc(text string) *nlp.Doc {
	doc := &nlp.Doc{Text: text}
	start := 0
	for _, loc := range sentEnd.FindAllStringIndex(text, -1) {
		end := loc[0] + 1
		if abbrevEnd.MatchString(text[:end]) {
			continue // U.S. Vice-President: not a sentence end
		}
		if text[loc[0]] == '\n' {
			end = loc[0]
		} else {
			for end < loc[1] && strings.ContainsRune(`"'”’`, rune(text[end])) {
				end++
			}
		}
		addSentence(doc, start, end)
		start = end
	}
	addSentence(doc, start, len(text))
	return doc
}

// addSentence tokenizes text[bs:be] and appends it as a sentence.
func addSentence(doc *nlp.Doc, bs, be int) {
	var s nlp.Sentence
	for _, m := range tokenRE.FindAllStringIndex(doc.Text[bs:be], -1) {
		b, e := bs+m[0], bs+m[1]
		cs := utf8.RuneCountInString(doc.Text[:b])
		s.Tokens = append(s.Tokens, nlp.Token{Text: doc.Text[b:e], BStart: b, BEnd: e,
			Start: cs, End: cs + utf8.RuneCountInString(doc.Text[b:e]), Head: -1})
	}
	if len(s.Tokens) == 0 {
		return
	}
	first, last := s.Tokens[0], s.Tokens[len(s.Tokens)-1]
	s.BStart, s.BEnd, s.Start, s.End = first.BStart, last.BEnd, first.Start, last.End
	doc.Sentences = append(doc.Sentences, s)
}
