package entities

import (
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/nlp"
)

// joinHyphenated extends names across the hyphens the tokenizer splits off
// ("Rose-Lynn Harlan", "Canos-Donnay said", "Guinea-Bissau"): the NER learnt
// from text whose hyphenated words are single tokens, so it often stops at
// the hyphen. A name continues across a hyphen with no space on either
// side into a capitalised word unless the pair is two entities rather than
// one name: two places ("U.S.-China", "Russia-Ukraine" — unless the whole
// is a known place) or a modifier of the noun after it ("Biden-Xi
// meeting"). A mention of the continuation that the join covers is
// dropped; the joined name is a person when either part was.
func (r *Resolver) joinHyphenated(doc *nlp.Doc, ms []Mention) []Mention {
	sortMentions(ms)
	out := ms[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if m.Type == "NORP" || m.Type == "MISC" || m.Sent < 0 || m.Sent >= len(doc.Sentences) ||
			m.Start < 0 || m.Start >= m.End || m.End > len(doc.Sentences[m.Sent].Tokens) {
			out = append(out, m) // clean rejects the malformed ones
			continue
		}
		toks := doc.Sentences[m.Sent].Tokens
		end := m.End
		for {
			ok, place := r.joinsNext(doc, toks, m)
			if !ok {
				break
			}
			c := m.End + 1
			to, typ, used := c+1, m.Type, 0
			if k+1 < len(ms) && ms[k+1].Sent == m.Sent && ms[k+1].Start == c {
				n := ms[k+1]
				if n.End > c+1 && n.Type != "PERSON" {
					break // "Liu-Shiu-" + "Cheong of Victoria Hospital"
				}
				to, used = max(to, n.End), 1
				if n.Type == "PERSON" {
					typ = "PERSON"
				}
			}
			if !place && to < len(toks) && toks[to].UPOS == "NOUN" {
				break // "the Biden-Xi meeting", "the Coty-Kylie Jenner deal"
			}
			m.End, m.Type = to, typ
			k += used
		}
		if m.End != end {
			m = mentionOf(doc, m.Sent, m.Start, m.End, m.Type, m.Score)
		}
		out = append(out, m)
	}
	return out
}

// hyphenSuffixes are short words that follow a name and a hyphen as part
// of a compound modifier ("Trump-era", "Putin-led").
var hyphenSuffixes = setOf("led", "run", "era", "age", "aid", "ish", "war", "old", "man", "men",
	"set", "fed", "cut", "off", "out", "day", "way", "bid", "pro", "tie", "law")

func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// joinsNext reports whether mention m may continue across a hyphen into
// the next token, and whether the joined name is a known place (see
// joinHyphenated).
func (r *Resolver) joinsNext(doc *nlp.Doc, toks []nlp.Token, m Mention) (ok, place bool) {
	h, c := m.End, m.End+1
	if c >= len(toks) || toks[h].Text != "-" || toks[h-1].BEnd != toks[h].BStart || toks[h].BEnd != toks[c].BStart {
		return false, false
	}
	first, _ := utf8.DecodeRuneInString(toks[c].Text)
	if !classify(toks[c].Text).word {
		return false, false
	}
	if !unicode.IsUpper(first) {
		// The second syllable of an East Asian given name ("Kim Jong-un",
		// "Tsai Ing-wen"), not an English word after a name ("Trump-era").
		w := toks[c].Text
		return m.Type == "PERSON" && len(w) <= 3 && isLowerASCII(w) && !hyphenSuffixes[w], false
	}
	if r.knownPlace(doc.Text[toks[m.Start].BStart:toks[c].BEnd]) {
		return true, true // "Guinea-Bissau"
	}
	if (m.Type == "GPE" || m.Type == "LOC") && r.knownPlace(toks[c].Text) {
		return false, false // "Baghdad-Damascus", "US-China"
	}
	return true, false
}
