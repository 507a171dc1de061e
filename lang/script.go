package lang

import (
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// script numbers the writing systems whatlanggo tells apart, in the order
// its DetectScript first tries them.
type script uint8

const (
	scriptLatin script = iota
	scriptCyrillic
	scriptArabic
	scriptDevanagari
	scriptHiraganaKatakana
	scriptEthiopic
	scriptHebrew
	scriptBengali
	scriptGeorgian
	scriptHan
	scriptHangul
	scriptGreek
	scriptKannada
	scriptTamil
	scriptThai
	scriptGujarati
	scriptGurmukhi
	scriptTelugu
	scriptMalayalam
	scriptOriya
	scriptMyanmar
	scriptSinhala
	scriptKhmer
	numScripts
	// scriptNone: no letter of a known script (whatlanggo: nil).
	scriptNone script = 0xff
)

// hiraganaKatakana is whatlanggo's table for Japanese kana, built the same
// way (the two tables' ranges appended, so that unicode.Is answers as it
// does there, unsorted 32-bit ranges included).
var hiraganaKatakana = &unicode.RangeTable{
	R16: append(unicode.Hiragana.R16[:len(unicode.Hiragana.R16):len(unicode.Hiragana.R16)], unicode.Katakana.R16...),
	R32: append(unicode.Hiragana.R32[:len(unicode.Hiragana.R32):len(unicode.Hiragana.R32)], unicode.Katakana.R32...),
}

// scriptTables are the Unicode tables of the scripts, by script number.
var scriptTables = [numScripts]*unicode.RangeTable{
	scriptLatin:            unicode.Latin,
	scriptCyrillic:         unicode.Cyrillic,
	scriptArabic:           unicode.Arabic,
	scriptDevanagari:       unicode.Devanagari,
	scriptHiraganaKatakana: hiraganaKatakana,
	scriptEthiopic:         unicode.Ethiopic,
	scriptHebrew:           unicode.Hebrew,
	scriptBengali:          unicode.Bengali,
	scriptGeorgian:         unicode.Georgian,
	scriptHan:              unicode.Han,
	scriptHangul:           unicode.Hangul,
	scriptGreek:            unicode.Greek,
	scriptKannada:          unicode.Kannada,
	scriptTamil:            unicode.Tamil,
	scriptThai:             unicode.Thai,
	scriptGujarati:         unicode.Gujarati,
	scriptGurmukhi:         unicode.Gurmukhi,
	scriptTelugu:           unicode.Telugu,
	scriptMalayalam:        unicode.Malayalam,
	scriptOriya:            unicode.Oriya,
	scriptMyanmar:          unicode.Myanmar,
	scriptSinhala:          unicode.Sinhala,
	scriptKhmer:            unicode.Khmer,
}

// singleScriptLang is whatlanggo's language of the scripts that have only
// one (-1 for the scripts with trigram profiles).
var singleScriptLang = [numScripts]whatlanggo.Lang{
	scriptLatin: -1, scriptCyrillic: -1, scriptArabic: -1, scriptDevanagari: -1,
	scriptEthiopic: -1, scriptHebrew: -1,
	scriptHiraganaKatakana: whatlanggo.Jpn, scriptBengali: whatlanggo.Ben,
	scriptGeorgian: whatlanggo.Kat, scriptHan: whatlanggo.Cmn, scriptHangul: whatlanggo.Kor,
	scriptGreek: whatlanggo.Ell, scriptKannada: whatlanggo.Kan, scriptTamil: whatlanggo.Tam,
	scriptThai: whatlanggo.Tha, scriptGujarati: whatlanggo.Guj, scriptGurmukhi: whatlanggo.Pan,
	scriptTelugu: whatlanggo.Tel, scriptMalayalam: whatlanggo.Mal, scriptOriya: whatlanggo.Ori,
	scriptMyanmar: whatlanggo.Mya, scriptSinhala: whatlanggo.Sin, scriptKhmer: whatlanggo.Khm,
}

// scriptOf returns the script of letter r, or scriptNone.
func scriptOf(r rune) script {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return scriptLatin
		}
		return scriptNone
	}
	for s, t := range scriptTables {
		if unicode.Is(t, r) {
			return script(s)
		}
	}
	return scriptNone
}

// detectScript is whatlanggo.DetectScript: the first script to count more
// runes than half the text's length in bytes, else the most frequent one
// (ties going to the script met earliest in whatlanggo's move-to-front
// order), with Han read as Japanese when kana are present.
func detectScript(text string) script {
	halfLen := len(text) / 2
	var order [numScripts]script // whatlanggo's counters, move-to-front
	var pos [numScripts]int      // where each script is in order
	var count [numScripts]int
	for i := range order {
		order[i], pos[i] = script(i), i
	}
	for _, r := range text {
		if r < utf8.RuneSelf && asciiTrigram[r] == ' ' || r >= utf8.RuneSelf && isStopChar(r) {
			continue
		}
		s := scriptOf(r)
		if s == scriptNone {
			continue
		}
		count[s]++
		if count[s] > halfLen {
			return s
		}
		if i := pos[s]; i > 0 {
			prev := order[i-1]
			order[i-1], order[i] = s, prev
			pos[s], pos[prev] = i-1, i
		}
	}
	best, jpCount, most := scriptNone, 0, 0
	for _, s := range order {
		if count[s] > most {
			most, best = count[s], s
			if s == scriptHiraganaKatakana {
				jpCount = most
			}
		}
	}
	if best == scriptHan && jpCount > 0 {
		return scriptHiraganaKatakana
	}
	return best
}
