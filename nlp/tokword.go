package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// hyphenPrefixes are bound prefixes GUM keeps attached to the following word
// (non-profit, pro-abortion, semi-finals); other hyphens are split off.
var hyphenPrefixes = map[string]bool{
	"non": true, "pro": true, "semi": true, "quarter": true, "proto": true,
	"anti": true, "co": true, "pre": true, "post": true, "multi": true,
	"e": true, "x": true, "mid": true, "self": true, "ex": true,
}

// abbreviations end with a period that belongs to the word (lower case,
// without the period). Single letters (initials) are handled separately.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "cmdr": true,
	"adm": true, "maj": true, "gov": true, "sen": true, "rep": true, "rev": true, "hon": true,
	"pres": true, "supt": true, "insp": true, "det": true, "cpl": true, "pvt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "bros": true, "dept": true, "univ": true,
	"assn": true, "est": true, "no": true, "nos": true, "vol": true, "vols": true, "pp": true,
	"fig": true, "figs": true, "eq": true, "ed": true, "eds": true, "vs": true, "etc": true,
	"al": true, "cf": true, "c": true, "assoc": true, "approx": true, "ca": true, "ave": true, "blvd": true, "rd": true,
	"mt": true, "ft": true, "calif": true, "ariz": true, "mass": true, "conn": true,
	"fla": true, "ill": true, "mich": true, "minn": true, "penn": true, "tenn": true,
	"wash": true, "wis": true, "ala": true, "ark": true, "colo": true, "del": true,
	"ga": true, "kan": true, "ky": true, "la": true, "md": true, "miss": true, "mo": true,
	"mont": true, "neb": true, "nev": true, "okla": true, "ore": true, "pa": true, "va": true,
	"vt": true, "wyo": true,
}

// splitWords are single orthographic words GUM splits into two.
var splitWords = map[string]int{"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3}

// word emits a word starting at p (a letter) and returns where it ends.
func (t *tokenizer) word(p, e int) int {
	s := t.text
	if q, ok := acronym(s, p, e); ok {
		t.emit(p, q)
		return q
	}
	q := p
	for {
		for q < e {
			r, n := utf8.DecodeRuneInString(s[q:])
			if !isAlnum(r) {
				break
			}
			q += n
		}
		if q+1 >= e {
			break
		}
		r, n := utf8.DecodeRuneInString(s[q:])
		r2, _ := utf8.DecodeRuneInString(s[q+n:])
		if r == '-' && isAlnum(r2) && hyphenPrefixes[strings.ToLower(s[p:q])] {
			q += n
			if a, ok := acronym(s, q, e); ok {
				t.emit(p, a) // "non-U.S.", "anti-U.N."
				return a
			}
			continue
		}
		break
	}
	if q < e {
		r, n := utf8.DecodeRuneInString(s[q:])
		switch {
		case isApos(r):
			return t.afterWord(p, q, e)
		case r == '.' && (abbreviations[strings.ToLower(s[p:q])] || isInitial(s[p:q])):
			q += n
		}
	}
	if k, ok := splitWords[strings.ToLower(s[p:q])]; ok {
		t.emit(p, p+k)
		t.emit(p+k, q)
		return q
	}
	t.emit(p, q)
	return q
}

// isInitial reports whether w is one upper-case letter (J. in J. Smith).
func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// acronym matches letter-period pairs repeated at least twice (U.S. e.g.
// a.m. U.N.) starting at p.
func acronym(s string, p, e int) (int, bool) {
	q, pairs := p, 0
	for q < e {
		r, n := utf8.DecodeRuneInString(s[q:])
		if !unicode.IsLetter(r) || q+n >= e || s[q+n] != '.' {
			break
		}
		q += n + 1
		pairs++
	}
	if pairs < 2 {
		return 0, false
	}
	if q < e {
		// U.S.A.B -> not an acronym boundary if a letter follows directly.
		if r, _ := utf8.DecodeRuneInString(s[q:]); unicode.IsLetter(r) {
			return 0, false
		}
	}
	return q, true
}

// afterWord handles an apostrophe at q following the word s[p:q]: n't and
// clitics ('s 'm 'd 'll 're 've) are split off, a possessive apostrophe
// after s (students') is its own token, and other apostrophes inside a word
// (O'Brien, rock'n'roll) are kept.
func (t *tokenizer) afterWord(p, q, e int) int {
	s := t.text
	_, an := utf8.DecodeRuneInString(s[q:])
	a := q + an // after the apostrophe
	if a < e {
		low := strings.ToLower(s[a:min(a+2, e)])
		// n't: host ends in n, apostrophe then t and a non-letter.
		if (low == "t" || (len(low) == 2 && low[0] == 't' && !isLetterAt(s, a+1))) && q-p >= 2 &&
			(s[q-1] == 'n' || s[q-1] == 'N') {
			t.emit(p, q-1)
			t.emit(q-1, a+1)
			return a + 1
		}
		if k, ok := clitic(s, a, e); ok {
			t.emit(p, q)
			t.emit(q, k)
			return k
		}
		if r, _ := utf8.DecodeRuneInString(s[a:]); unicode.IsLetter(r) {
			// O'Brien: keep going as one word.
			k := a
			for k < e {
				r, n := utf8.DecodeRuneInString(s[k:])
				if !isAlnum(r) && !(isApos(r) && k+n < e && isLetterAt(s, k+n)) {
					break
				}
				if isApos(r) {
					if _, ok := clitic(s, k+n, e); ok {
						break
					}
				}
				k += n
			}
			t.emit(p, k)
			return k
		}
	}
	t.emit(p, q)
	return q
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}
