package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits text into tokens following the Penn Treebank / UD English
// conventions used by the GUM treebank the models are trained on:
// contractions are split (don't → do n't, Russia's → Russia 's), hyphens
// between words are their own tokens (all-girl → all - girl, as GUM does)
// except after a few bound prefixes (non-, pro-, semi-, ...), currency and
// percent signs are separate ($70 → $ 70, 3.5% → 3.5 %), and abbreviations
// (U.S., Sept., Mr.), numbers (1,500 3.5 12:30), URLs, e-mail addresses,
// hashtags and @-mentions stay whole. Every token's Text is exactly
// text[BStart:BEnd]; Lemma, tags and Head are left empty (Head -1).
func Tokenize(text string) []Token {
	// English news runs 5 to 6 bytes a token; one allocation of about the
	// right size saves the append doublings (a Token is 120 bytes).
	t := tokenizer{text: text, out: make([]Token, 0, len(text)/5+8)}
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		t.chunk(i, j)
		i = j
	}
	setRuneOffsets(text, t.out)
	return t.out
}

type tokenizer struct {
	text string
	out  []Token
}

func (t *tokenizer) emit(b, e int) {
	if e > b {
		t.out = append(t.out, Token{Text: t.text[b:e], BStart: b, BEnd: e, Head: -1})
	}
}

// setRuneOffsets fills Start/End from BStart/BEnd; toks must be sorted.
func setRuneOffsets(text string, toks []Token) {
	pos, cp := 0, 0
	adv := func(b int) int {
		if b < pos {
			pos, cp = 0, 0
		}
		cp += utf8.RuneCountInString(text[pos:b])
		pos = b
		return cp
	}
	for i := range toks {
		toks[i].Start = adv(toks[i].BStart)
		toks[i].End = adv(toks[i].BEnd)
	}
}

// chunk tokenizes text[b:e], a run without white space.
func (t *tokenizer) chunk(b, e int) {
	s := t.text[b:e]
	if looksLikeURL(s) || looksLikeEmail(s) {
		// Peel leading and trailing punctuation off, keep the core whole.
		cb, ce := b, e
		for cb < ce {
			r, n := utf8.DecodeRuneInString(t.text[cb:])
			if !strings.ContainsRune("([{<\"'‘“«", r) {
				break
			}
			t.emit(cb, cb+n)
			cb += n
		}
		var tail []int
		for ce > cb {
			r, n := utf8.DecodeLastRuneInString(t.text[cb:ce])
			if !strings.ContainsRune(".,;:!?)]}>\"'’”»", r) {
				break
			}
			ce -= n
			tail = append(tail, ce)
		}
		t.emit(cb, ce)
		for k := len(tail) - 1; k >= 0; k-- {
			_, n := utf8.DecodeRuneInString(t.text[tail[k]:])
			t.emit(tail[k], tail[k]+n)
		}
		return
	}
	p := b
	for p < e {
		p = t.next(p, e)
	}
}

func looksLikeURL(s string) bool {
	s = strings.TrimLeft(s, "([{<\"'‘“«")
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") ||
		strings.HasPrefix(l, "ftp://") || (strings.HasPrefix(l, "www.") && len(l) > 6)
}

func looksLikeEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return false
	}
	pre, dom := s[:at], s[at+1:]
	r, _ := utf8.DecodeLastRuneInString(pre)
	if !isAlnum(r) || !strings.Contains(strings.TrimRight(dom, ".,;:!?)]}>\"'’”»"), ".") {
		return false
	}
	return strings.IndexAny(dom, "@/") < 0
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isApos(r rune) bool { return r == '\'' || r == '’' }

// next emits the token starting at byte p (< e, not space) and returns the
// position after it.
func (t *tokenizer) next(p, e int) int {
	s := t.text
	r, n := utf8.DecodeRuneInString(s[p:])
	switch {
	case unicode.IsDigit(r):
		return t.number(p, e)
	case isAlnum(r):
		return t.word(p, e)
	case (r == '#' || r == '@') && p+n < e:
		r2, _ := utf8.DecodeRuneInString(s[p+n:])
		if isAlnum(r2) {
			q := p + n
			for q < e {
				r3, n3 := utf8.DecodeRuneInString(s[q:])
				if !isAlnum(r3) && r3 != '_' {
					break
				}
				q += n3
			}
			t.emit(p, q)
			return q
		}
	case r == '.' || r == '-' || r == '*' || r == '=' || r == '_':
		// Runs: "..." "--" "***" "===" stay one token.
		q := p + 1
		for q < e && s[q] == s[p] {
			q++
		}
		t.emit(p, q)
		return q
	case isApos(r) && p+n < e:
		// A clitic with no host in this chunk ('s after a closing quote,
		// 'll after an unusual host): keep it whole.
		if q, ok := clitic(s, p+n, e); ok && p > 0 {
			if pr, _ := utf8.DecodeLastRuneInString(s[:p]); !unicode.IsSpace(pr) {
				t.emit(p, q)
				return q
			}
		}
	}
	t.emit(p, p+n)
	return p + n
}

// clitic reports whether s[q:e] starts with the letters of an English clitic
// (s m d ll re ve, after an apostrophe) ending at a non-letter, and where it
// ends.
func clitic(s string, q, e int) (int, bool) {
	k := q
	for k < e {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsLetter(r) {
			break
		}
		k += n
	}
	switch strings.ToLower(s[q:k]) {
	case "s", "m", "d", "ll", "re", "ve":
		return k, true
	}
	return 0, false
}

// number emits a numeral: digits with inner , . : / between digits, and
// letters glued to its end (30th, 1990s, 3D).
func (t *tokenizer) number(p, e int) int {
	s := t.text
	q := p
	for q < e {
		r, n := utf8.DecodeRuneInString(s[q:])
		if unicode.IsDigit(r) {
			q += n
			continue
		}
		if (r == ',' || r == '.' || r == ':' || r == '/') && q+1 < e {
			r2, _ := utf8.DecodeRuneInString(s[q+1:])
			if unicode.IsDigit(r2) {
				q++
				continue
			}
		}
		break
	}
	for q < e {
		r, n := utf8.DecodeRuneInString(s[q:])
		if !isAlnum(r) {
			break
		}
		q += n
	}
	if q < e {
		if r, _ := utf8.DecodeRuneInString(s[q:]); isApos(r) {
			return t.afterWord(p, q, e)
		}
	}
	t.emit(p, q)
	return q
}
