package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleAbbrevs never end a sentence: a name or number follows them.
var titleAbbrevs = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "st.": true, "gen.": true,
	"col.": true, "lt.": true, "sgt.": true, "capt.": true, "cmdr.": true, "adm.": true, "maj.": true,
	"gov.": true, "sen.": true, "rep.": true, "rev.": true, "hon.": true, "pres.": true, "supt.": true,
	"insp.": true, "det.": true, "cpl.": true, "pvt.": true, "no.": true, "nos.": true, "vol.": true,
	"fig.": true, "pp.": true, "mt.": true, "ft.": true, "vs.": true, "cf.": true, "ca.": true,
	"approx.": true, "e.g.": true, "i.e.": true, "c.": true, "assoc.": true,
	"jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true, "aug.": true,
	"sep.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true,
}

// sentenceStarters are capitalised words that, after an abbreviation that
// can end a sentence (U.S. Inc. etc.), signal a new sentence.
var sentenceStarters = map[string]bool{
	"The": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true,
	"But": true, "A": true, "In": true, "This": true, "That": true, "There": true, "His": true,
	"Her": true, "Their": true, "Its": true, "And": true, "If": true, "When": true, "As": true,
	"On": true, "At": true, "For": true, "After": true, "Some": true, "Many": true, "Most": true,
	"Our": true, "You": true, "What": true, "Yet": true, "So": true, "However": true, "These": true,
	"Those": true, "One": true, "An": true, "Mr.": true, "Ms.": true, "Mrs.": true, "Dr.": true,
}

// SplitSentences groups tokens (as returned by Tokenize on text) into
// sentences. A blank line always ends a sentence; so do . ! ? … (with any
// closing quotes or brackets after them) before a token that does not start
// in lower case; abbreviations (Mr. Jan. U.N.) and initials do not, except
// that a non-title abbreviation before a typical sentence opener (U.S. The)
// does. A single line break ends a sentence too (headlines, lists) unless the
// line visibly continues (a comma or lower-case word before, lower case
// after). The tokens are moved into the sentences.
func SplitSentences(text string, toks []Token) []Sentence {
	var out []Sentence
	start := 0
	for i := range toks {
		if i == len(toks)-1 || boundaryAfter(text, toks, i) {
			out = append(out, makeSentence(toks[start:i+1:i+1]))
			start = i + 1
		}
	}
	return out
}

// makeSentence wraps a run of tokens without copying them: the caller
// passes a slice whose capacity ends with it, so an append to one sentence
// never overwrites the next.
func makeSentence(toks []Token) Sentence {
	f, l := toks[0], toks[len(toks)-1]
	return Sentence{Start: f.Start, End: l.End, BStart: f.BStart, BEnd: l.BEnd, Tokens: toks}
}

// gapNewlines counts line breaks between tokens i and i+1 (2 means a blank
// line or more).
func gapNewlines(text string, toks []Token, i int) int {
	gap := text[toks[i].BEnd:toks[i+1].BStart]
	n := strings.Count(gap, "\n")
	if n == 0 {
		n = strings.Count(gap, "\r")
	}
	if n == 0 && (strings.Contains(gap, "\u2029") || strings.Contains(gap, "\u2028")) {
		n = 2
	}
	return n
}

func isTerminal(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return true
}

func isCloser(s string) bool {
	switch s {
	case "\"", "'", "’", "”", ")", "]", "}", "»", "''":
		return true
	}
	return false
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func boundaryAfter(text string, toks []Token, i int) bool {
	nl := gapNewlines(text, toks, i)
	if nl >= 2 {
		return true
	}
	cur, next := toks[i].Text, toks[i+1].Text
	if nl == 1 {
		if cur == "," || cur == "-" || cur == "–" || cur == "&" {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(cur)
		return !(unicode.IsLower(r) && startsLower(next))
	}
	// A citation mark after the period ("... in 1805. [6] The ...") belongs
	// to the sentence it follows.
	if isCitation(toks, i+1) && endsTerminal(toks, i) {
		return false
	}
	if cur == "]" && i >= 3 && isCitation(toks, i-2) && endsTerminal(toks, i-3) {
		return !startsLower(next)
	}
	// A closer continues the sentence it closes; decide at the last closer.
	if isCloser(next) && toks[i+1].BStart == toks[i].BEnd && endsTerminal(toks, i) {
		return false
	}
	if !endsTerminal(toks, i) {
		return false
	}
	if startsLower(next) {
		return false
	}
	j := i
	for j > 0 && j > i-maxClosers && isCloser(toks[j].Text) {
		j--
	}
	last := toks[j].Text
	if (last == "!" || last == "?") && j < i && titleCaseLine(text, toks[i].BEnd) {
		// 'STOP!' inside a title-case headline: Trump Urges Putin to 'STOP!' After ...
		return false
	}
	if isTerminal(last) {
		// "e.g. ." style doubling is rare; a lone period after an initial
		// token like "J" is an abbreviation the tokenizer did not know.
		if r := next; r == "," || r == ";" || r == ":" {
			return false
		}
		return true
	}
	// An abbreviation with its period.
	low := strings.ToLower(last)
	if titleAbbrevs[low] {
		return false
	}
	if isInitial(strings.TrimSuffix(last, ".")) {
		// A name's initial follows a capitalised name ("George W. Bush");
		// a letter after a lower-case word is a name of its own that ends
		// the sentence: "posted on X. He said", "vitamin D. It".
		return j > 0 && startsLower(toks[j-1].Text) && sentenceStarters[next]
	}
	return sentenceStarters[next]
}

// maxClosers bounds how many closing quotes/brackets after a full stop are
// looked through (keeps splitting linear on pathological input).
const maxClosers = 4

// endsTerminal reports whether token i, skipping back over closers glued to
// it, is sentence-final punctuation or an abbreviation ending in a period.
func endsTerminal(toks []Token, i int) bool {
	for k := 0; i > 0 && k < maxClosers && isCloser(toks[i].Text) && toks[i].BStart == toks[i-1].BEnd; k++ {
		i--
	}
	s := toks[i].Text
	return isTerminal(s) || (len(s) > 1 && strings.HasSuffix(s, "."))
}

// isCitation reports whether toks[i:] starts with a bracketed citation or
// elision mark: [6], [...], […].
func isCitation(toks []Token, i int) bool {
	if i+2 >= len(toks) || toks[i].Text != "[" || toks[i+2].Text != "]" {
		return false
	}
	m := toks[i+1].Text
	if m == "..." || m == "…" {
		return true
	}
	for _, r := range m {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// headlineSmallWords may stay lower case in a title-case headline.
var headlineSmallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true,
	"to": true, "in": true, "on": true, "at": true, "by": true, "for": true, "with": true,
	"from": true, "as": true, "vs": true, "vs.": true, "over": true, "into": true,
}

// titleCaseLine reports whether the line around byte offset at (up to 300
// bytes either side) reads as a title-case headline: at least three
// capitalised words and no lower-case word other than short function words.
func titleCaseLine(text string, at int) bool {
	lo := max(0, at-300)
	if k := strings.LastIndexByte(text[lo:at], '\n'); k >= 0 {
		lo += k + 1
	} else if lo > 0 {
		return false
	}
	hi := min(len(text), at+300)
	if k := strings.IndexByte(text[at:hi], '\n'); k >= 0 {
		hi = at + k
	} else if hi < len(text) {
		return false
	}
	upper := 0
	for _, w := range strings.Fields(text[lo:hi]) {
		w = strings.Trim(w, "\"'‘’“”()[]!?.,:;")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r) && !headlineSmallWords[strings.ToLower(w)]:
			return false
		}
	}
	return upper >= 3
}
