package facttext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbrevs are words that keep their period and do not end a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "sgt": true, "st": true, "jr": true, "sr": true,
	"prof": true, "capt": true, "maj": true, "cmdr": true, "adm": true, "pres": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "no": true, "vs": true, "inc": true, "corp": true,
	"co": true, "ltd": true, "mt": true, "ft": true, "rev": true, "del": true, "atty": true,
}

// split is the fallback segmentation: a rule-based tokenizer and sentence
// splitter good enough for news prose.
func (t *Text) split() {
	toks := tokenize(t.S)
	for i := range toks {
		toks[i].Start, toks[i].End = t.CP(toks[i].B), t.CP(toks[i].E)
	}
	start := 0
	for i := 0; i < len(toks); i++ {
		end := false
		switch {
		case i+1 < len(toks) && strings.Contains(t.S[toks[i].E:toks[i+1].B], "\n"):
			end = true
		case toks[i].Text == "." || toks[i].Text == "!" || toks[i].Text == "?" || toks[i].Text == "…":
			// Attach closing quotes and brackets.
			for i+1 < len(toks) && isCloser(toks[i+1].Text) && toks[i+1].B == toks[i].E {
				i++
			}
			if i+1 >= len(toks) {
				break
			}
			if strings.Contains(t.S[toks[i].E:toks[i+1].B], "\n") {
				end = true
				break
			}
			nx := toks[i+1].Text
			end = toks[i+1].B > toks[i].E && (IsCap(nx) || isOpener(nx) || unicode.IsDigit(firstRune(nx)))
		}
		if end || i == len(toks)-1 {
			s := Sentence{B: toks[start].B, E: toks[i].E, Tokens: toks[start : i+1 : i+1]}
			t.Sentences = append(t.Sentences, s)
			start = i + 1
		}
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

func isOpener(s string) bool {
	switch s {
	case "\"", "“", "‘", "(", "[", "«":
		return true
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits s into words, numbers and punctuation marks.
func tokenize(s string) []Token {
	var out []Token
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if !isWordRune(r) {
			out = append(out, mkTok(s, i, i+w))
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				j += w2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == ',' {
				nr, _ := utf8.DecodeRuneInString(s[j+w2:])
				pr, _ := utf8.DecodeLastRuneInString(s[:j])
				ok := isWordRune(nr)
				if r2 == ',' {
					ok = unicode.IsDigit(pr) && unicode.IsDigit(nr)
				}
				if r2 == '.' {
					// 3.5, U.S.
					ok = (unicode.IsDigit(pr) && unicode.IsDigit(nr)) || (unicode.IsLetter(nr) && j-i <= 2)
				}
				if ok {
					j += w2
					continue
				}
			}
			break
		}
		word := s[i:j]
		// A trailing period belongs to abbreviations and initials.
		if j < len(s) && s[j] == '.' {
			lw := strings.ToLower(strings.ReplaceAll(word, ".", ""))
			if abbrevs[lw] || strings.Contains(word, ".") || (utf8.RuneCountInString(word) == 1 && unicode.IsUpper(r)) {
				j++
				word = s[i:j]
			}
		}
		// Split the possessive 's and the negation n't.
		lw := strings.ToLower(word)
		ks := strings.LastIndexAny(word, "'’")
		kn := strings.LastIndex(lw, "n")
		switch {
		case ks > 0 && (strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s")):
			out = append(out, mkTok(s, i, i+ks), mkTok(s, i+ks, j))
		case kn > 0 && (strings.HasSuffix(lw, "n't") || strings.HasSuffix(lw, "n’t")):
			out = append(out, mkTok(s, i, i+kn), mkTok(s, i+kn, j))
		default:
			out = append(out, mkTok(s, i, j))
		}
		i = j
	}
	return out
}

func mkTok(s string, b, e int) Token {
	w := s[b:e]
	l := strings.ToLower(w)
	return Token{Text: w, Lower: l, Lemma: l, B: b, E: e, Head: -1}
}
