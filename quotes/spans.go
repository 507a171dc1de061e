package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a quotation found by its marks: Open is the byte of the opening
// mark, B..E the quoted text (marks and surrounding space excluded), Close
// the byte just after the closing mark (or E when the quote runs to the end
// of its paragraph unclosed).
type Span struct {
	Open, B, E, Close int
	Closed            bool
	// Paragraphs is how many paragraphs the quote runs over.
	Paragraphs int
}

// FindSpans finds double-quoted stretches of text: straight or curly marks,
// paired within a paragraph. An opening mark with no closing one continues
// into the next paragraph when that paragraph opens with a mark again (the
// convention for quotes running over several paragraphs); otherwise the
// quote ends with its paragraph. Straight marks right after a digit (6'3")
// are inch marks, not quotes; an opening curly mark where a closing one
// belongs (`here,“ said`: after a word, before a space) closes the quote.
func FindSpans(text string) []Span {
	var out []Span
	open, cs, paras := -1, 0, 0
	emit := func(e, close int, closed bool) {
		b := cs
		for b < e {
			r, w := utf8.DecodeRuneInString(text[b:])
			if !unicode.IsSpace(r) {
				break
			}
			b += w
		}
		for e > b {
			r, w := utf8.DecodeLastRuneInString(text[:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= w
		}
		if e > b {
			out = append(out, Span{Open: open, B: b, E: e, Close: close, Closed: closed, Paragraphs: paras})
		}
		open = -1
	}
	pb := 0
	for pb < len(text) {
		pe := strings.IndexByte(text[pb:], '\n')
		if pe < 0 {
			pe = len(text)
		} else {
			pe += pb
		}
		para := strings.TrimSpace(text[pb:pe])
		if para == "" {
			pb = pe + 1
			continue
		}
		i := pb
		if open >= 0 {
			// A carried quote continues only if this paragraph reopens it.
			lead := pb + strings.Index(text[pb:pe], para)
			_, w := utf8.DecodeRuneInString(text[lead:])
			switch {
			case (strings.HasPrefix(para, "“") || strings.HasPrefix(para, "\"")) && !speakerHead(text[lead+w:pe]):
				i = lead + w
				paras++
			default:
				// A paragraph that does not reopen the quote, or opens a
				// transcript turn ("PENCE: …"), ends it.
				emit(lastEnd(text, pb), lastEnd(text, pb), false)
			}
		}
		for i < pe {
			r, w := utf8.DecodeRuneInString(text[i:])
			switch r {
			case '“':
				if open >= 0 {
					if closingMark(text, i, w, pe) {
						emit(i, i+w, true) // `… here,“ said Clyburn`: a misturned close
						break
					}
					emit(i, i, false)
				}
				open, cs, paras = i, i+w, 1
			case '”':
				if open >= 0 {
					emit(i, i+w, true)
				}
			case '"':
				if open >= 0 {
					emit(i, i+w, true)
				} else {
					p, _ := utf8.DecodeLastRuneInString(text[:i])
					if i == 0 || !unicode.IsDigit(p) {
						open, cs, paras = i, i+w, 1
					}
				}
			}
			i += w
		}
		pb = pe + 1
	}
	if open >= 0 {
		emit(len(text), len(text), false)
	}
	return out
}

// closingMark reports whether the opening mark at text[i:i+w] stands where
// a closing one belongs: right after a word or punctuation and before a
// space or the end of the paragraph (pe).
func closingMark(text string, i, w, pe int) bool {
	p, _ := utf8.DecodeLastRuneInString(text[:i])
	if i == 0 || unicode.IsSpace(p) {
		return false
	}
	if i+w >= pe {
		return true
	}
	n, _ := utf8.DecodeRuneInString(text[i+w:])
	return unicode.IsSpace(n)
}

// speakerHead reports whether s opens with a transcript speaker: "PENCE:".
func speakerHead(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 2 || i > 30 {
		return false
	}
	h := s[:i]
	return strings.ToUpper(h) == h && strings.IndexFunc(h, unicode.IsLetter) == 0
}

// lastEnd is the end of the text before byte pb, without trailing space.
func lastEnd(text string, pb int) int {
	return len(strings.TrimRightFunc(text[:pb], unicode.IsSpace))
}
