package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitParagraphs splits text into paragraphs at blank lines. A text with
// no blank line at all but several lines (as many scrapers and feeds
// write it) is split at every line break instead. Whitespace inside a
// paragraph is left alone except that each line is trimmed and CRLF is
// read as LF; empty paragraphs are dropped.
func SplitParagraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimFunc(l, unicode.IsSpace)
	}
	blank := false
	for i := 1; i < len(lines)-1; i++ {
		if lines[i] == "" && lines[i-1] != "" {
			blank = true
			break
		}
	}
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		switch {
		case l == "":
			flush()
		case !blank:
			cur = append(cur, l)
			flush()
		default:
			cur = append(cur, l)
		}
	}
	flush()
	return out
}

// wordCount counts the words (runs of letters or digits) of s.
func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsNumber(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// runeLen is the length of s in code points.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
