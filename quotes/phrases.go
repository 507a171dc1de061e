package quotes

import (
	"strings"

	"github.com/tidings/tidings/internal/facttext"
)

// This file finds the noun phrases of speakers around a reporting verb.

// npEnd is the end byte of the subject noun phrase starting at token i,
// before the cue at c (skipping adverbs and auxiliaries).
func npEnd(toks []facttext.Token, i, c int) int {
	j := c - 1
	for j > i && (skipLeft[toks[j].Lower] || isAdverb(toks[j])) {
		j--
	}
	if j > i && toks[j].Text == ")" {
		for j > i && toks[j].Text != "(" {
			j--
		}
		j--
	}
	// An appositive ("Smith, a spokesman, said"): the name before it.
	for k := i; k < j; k++ {
		if toks[k].Text == "," {
			return toks[k-1].E
		}
	}
	return toks[j].E
}

// dateline is the index of the first token after a dateline opening the
// sentence ("WASHINGTON (AFP) — …", "PHILADELPHIA, July 25 (UPI) — …"),
// or 0.
func dateline(toks []facttext.Token) int {
	paren := false
	for i := 0; i < len(toks) && i < 10; i++ {
		switch {
		case toks[i].Text == "(":
			paren = true
		case isDash(toks[i].Text) && i > 0 && (paren || strings.ToUpper(toks[0].Text) == toks[0].Text):
			return i + 1
		}
	}
	return 0
}

func isAdverb(k facttext.Token) bool {
	if k.UPOS == "ADV" || k.UPOS == "AUX" {
		return true
	}
	return k.UPOS == "" && len(k.Lower) > 4 && strings.HasSuffix(k.Lower, "ly") && !facttext.IsCap(k.Text)
}

// npWord reports whether a token can be part of a subject noun phrase.
func npWord(k facttext.Token) bool {
	if k.Lower == "'s" || k.Lower == "’s" || k.Lower == "-" || k.Lower == "&" {
		return true
	}
	if !facttext.IsWord(k.Text) {
		return false
	}
	if facttext.IsCap(k.Text) && !boundary[k.Lower] && !pronouns[k.Lower] {
		return true // names, whatever the tagger says
	}
	if k.UPOS != "" {
		switch k.UPOS {
		case "PROPN", "NOUN", "ADJ", "DET", "NUM", "PART":
			return !boundary[k.Lower] || determiners[k.Lower]
		case "ADP":
			return k.Lower == "of" || k.Lower == "for"
		}
		return false
	}
	if k.Lower == "of" || k.Lower == "for" {
		return true
	}
	if boundary[k.Lower] && !determiners[k.Lower] {
		return false
	}
	if _, cue := cueForms[k.Lower]; cue && !facttext.IsCap(k.Text) {
		return false
	}
	return true
}

// leftNP finds the start of the subject noun phrase of the cue at c.
func leftNP(toks []facttext.Token, c int) (int, bool) {
	j := c - 1
	for pass := 0; pass < 3 && j >= 0; pass++ {
		for j >= 0 && (skipLeft[toks[j].Lower] || isAdverb(toks[j]) || timeWords[toks[j].Lower]) {
			if timeWords[toks[j].Lower] && j > 0 && (toks[j-1].Lower == "last" || toks[j-1].Lower == "this" ||
				toks[j-1].Lower == "next" || toks[j-1].Lower == "on") {
				j-- // "Feinstein last week said"
			}
			j--
		}
		switch {
		case j >= 0 && toks[j].Text == ")":
			for j >= 0 && toks[j].Text != "(" {
				j--
			}
			j--
		case j >= 0 && toks[j].Text == ",": // appositive or relative clause
			k := j - 1
			for k >= 0 && j-k < 25 && toks[k].Text != "," {
				k--
			}
			if k <= 0 {
				return 0, false
			}
			j = k - 1
		case j >= 1 && toks[j].Lower == "and" && (toks[j-1].UPOS == "VERB" || strings.HasSuffix(toks[j-1].Lower, "ed")):
			j -= 2 // "I laughed and said"
		}
	}
	if j < 0 {
		return 0, false
	}
	if pronouns[toks[j].Lower] {
		return j, toks[j].Lower != "you"
	}
	i := j
	for i >= 0 && j-i < 12 && npWord(toks[i]) {
		if determiners[toks[i].Lower] && i < j {
			break
		}
		i--
	}
	if i < j && i >= 0 && determiners[toks[i].Lower] {
		// include the determiner we stopped at
	} else {
		i++
	}
	for i < j && (toks[i].Lower == "of" || toks[i].Lower == "for" || toks[i].Lower == "'s" || toks[i].Lower == "’s") {
		i++
	}
	if i > j || !npWord(toks[j]) || determiners[toks[j].Lower] || toks[j].Lower == "of" || toks[j].Lower == "for" {
		return 0, false
	}
	return i, true
}

// rightNP finds the end of a noun phrase starting at i.
func rightNP(toks []facttext.Token, i int) (int, bool) {
	if i >= len(toks) {
		return 0, false
	}
	k := toks[i]
	if pronouns[k.Lower] {
		return i, true
	}
	if !facttext.IsCap(k.Text) && !determiners[k.Lower] && k.UPOS != "NOUN" && k.UPOS != "PROPN" &&
		(k.UPOS != "ADJ" || i+1 >= len(toks) || !npWord(toks[i+1])) { // "said conservative activist Bob Klaus"
		return 0, false
	}
	if k.Lower == "that" || k.Lower == "this" {
		return 0, false
	}
	j := i
	for j+1 < len(toks) && j-i < 8 {
		n := toks[j+1]
		if (n.Lower == "of" || n.Lower == "for") && j+2 < len(toks) && npWord(toks[j+2]) {
			j++
			continue
		}
		if !npWord(n) || n.Lower == "of" || n.Lower == "for" || (determiners[n.Lower] && toks[j].Lower != "of" && toks[j].Lower != "for") {
			break
		}
		j++
	}
	return j, true
}
