package nlp

import (
	"strings"
)

// Lemmatizer maps a word and its tags to a dictionary form following
// GUM's (UD English) conventions: irregular forms from a table derived from
// WordNet's exception lists, then suffix rules by part of speech whose
// candidate stems are checked against WordNet's verb and noun lemmas
// (hoped → hope, hopped → hop, calories → calorie, cities → city).
type Lemmatizer struct {
	// irregular maps "CLASS\x00lower-cased form" to the lemma; CLASS is V
	// (verbs), N (nouns), A (adjectives/adverbs) or P (personal pronouns).
	irregular    map[string]string
	verbs, nouns map[string]bool
}

// otherLemmas covers determiners, modals, wh-words and punctuation, keyed
// by lower-cased form.
var otherLemmas = map[string]string{
	"an": "a", "those": "that", "these": "this", "whom": "who",
	"“": "\"", "”": "\"", "„": "\"", "``": "\"", "''": "\"", "‘": "'", "’": "'",
	"–": "-", "--": "-", "―": "-", "...": "…",
	"n't": "not", "n’t": "not", "na": "to",
}

var modalLemmas = map[string]string{
	"ca": "can", "wo": "will", "'ll": "will", "’ll": "will", "'d": "would", "’d": "would",
	"sha": "shall",
}

// Lemma returns the lemma of word tagged upos/xpos (Penn Treebank).
// Proper nouns keep their case; everything else is lower-cased, as in UD
// English treebanks.
func (l *Lemmatizer) Lemma(word, upos, xpos string) string {
	if upos == "PROPN" || strings.HasPrefix(xpos, "NNP") {
		if xpos == "NNPS" && strings.HasSuffix(word, "s") && len(word) > 3 {
			if l != nil && l.nouns[strings.ToLower(word[:len(word)-1])] {
				return word[:len(word)-1]
			}
		}
		return word
	}
	low := strings.ToLower(word)
	if l == nil {
		return low
	}
	if xpos == "JJ" && isCapitalized(word) {
		return word // Indian, Japanese: GUM keeps the case of such adjectives
	}
	switch {
	case xpos == "POS":
		return "'s"
	case xpos == "MD":
		if lem, ok := modalLemmas[low]; ok {
			return lem
		}
		return low
	case strings.HasPrefix(xpos, "VB") || upos == "VERB" || upos == "AUX":
		if lem, ok := l.irregular["V\x00"+low]; ok {
			return lem
		}
		return l.verbLemma(low, xpos)
	case xpos == "NNS":
		if lem, ok := l.irregular["N\x00"+low]; ok {
			return lem
		}
		return l.nounLemma(low)
	case xpos == "JJR" || xpos == "JJS" || xpos == "RBR" || xpos == "RBS":
		if lem, ok := l.irregular["A\x00"+low]; ok {
			return lem
		}
		return adjLemma(low, xpos)
	case xpos == "PRP":
		if lem, ok := l.irregular["P\x00"+low]; ok {
			return lem
		}
	}
	if lem, ok := otherLemmas[low]; ok {
		return lem
	}
	return low
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// verbLemma tries candidate stems in order and returns the first WordNet
// verb, else a rule-based guess.
func (l *Lemmatizer) verbLemma(w, xpos string) string {
	var cands [4]string
	n := 0
	add := func(s string) {
		if len(s) >= 2 && n < len(cands) {
			cands[n] = s
			n++
		}
	}
	switch {
	case xpos == "VBZ" && strings.HasSuffix(w, "s"):
		if strings.HasSuffix(w, "ies") {
			add(w[:len(w)-3] + "y")
		}
		add(w[:len(w)-1])
		if strings.HasSuffix(w, "es") {
			add(w[:len(w)-2])
		}
	case (xpos == "VBD" || xpos == "VBN") && strings.HasSuffix(w, "ed"):
		if strings.HasSuffix(w, "ied") {
			add(w[:len(w)-3] + "y")
		}
		add(w[:len(w)-1])
		add(w[:len(w)-2])
		add(undoubled(w[:len(w)-2]))
	case xpos == "VBG" && strings.HasSuffix(w, "ing"):
		stem := w[:len(w)-3]
		if strings.HasSuffix(stem, "y") && len(stem) <= 3 {
			add(stem[:len(stem)-1] + "ie") // dying → die
		}
		if !strings.HasSuffix(stem, "ng") {
			add(stem + "e")
		}
		add(stem)
		add(undoubled(stem))
	default:
		return w
	}
	for _, c := range cands[:n] {
		if l.verbs[c] {
			return c
		}
	}
	return verbGuess(w, xpos)
}

// undoubled drops a doubled final consonant (stopp → stop).
func undoubled(stem string) string {
	n := len(stem)
	if n >= 3 && stem[n-1] == stem[n-2] && !isVowel(stem[n-1]) {
		return stem[:n-1]
	}
	return stem
}

// verbGuess is the fallback for verbs WordNet does not know.
func verbGuess(w, xpos string) string {
	switch {
	case xpos == "VBZ" && len(w) > 3:
		switch {
		case strings.HasSuffix(w, "ies"):
			return w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
			strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "oes"):
			return w[:len(w)-2]
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
			return w[:len(w)-1]
		}
	case (xpos == "VBD" || xpos == "VBN") && len(w) > 4:
		stem := w[:len(w)-2]
		if strings.HasSuffix(w, "ied") {
			return stem[:len(stem)-1] + "y"
		}
		if strings.HasSuffix(stem, "is") || strings.HasSuffix(stem, "iz") || strings.HasSuffix(stem, "at") {
			return stem + "e"
		}
		return undoubled(stem)
	case xpos == "VBG" && len(w) > 5:
		stem := w[:len(w)-3]
		if strings.HasSuffix(stem, "is") || strings.HasSuffix(stem, "iz") || strings.HasSuffix(stem, "at") {
			return stem + "e"
		}
		return undoubled(stem)
	}
	return w
}

// isCapitalized reports an upper-case letter followed by lower case only.
func isCapitalized(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	return strings.ToLower(w[1:]) == w[1:] && len(w) > 1
}

func (l *Lemmatizer) nounLemma(w string) string {
	if len(w) > 1 && w[0] >= '0' && w[0] <= '9' {
		return w // 1980s
	}
	if strings.HasSuffix(w, "men") && len(w) > 3 {
		return w[:len(w)-2] + "an" // women, chairmen
	}
	if !strings.HasSuffix(w, "s") || len(w) < 3 {
		return w
	}
	for _, c := range []string{w[:len(w)-1], strings.TrimSuffix(w, "ies") + "y", strings.TrimSuffix(w, "es")} {
		if c != w && l.nouns[c] {
			return c
		}
	}
	switch {
	case len(w) <= 3:
		return strings.TrimSuffix(w, "s")
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	}
	return w[:len(w)-1]
}

func adjLemma(w, xpos string) string {
	suf := "er"
	if xpos == "JJS" || xpos == "RBS" {
		suf = "est"
	}
	if !strings.HasSuffix(w, suf) || len(w) < len(suf)+3 {
		return w
	}
	stem := w[:len(w)-len(suf)]
	n := len(stem)
	if stem[n-1] == 'i' {
		return stem[:n-1] + "y"
	}
	if n >= 3 && stem[n-1] == stem[n-2] && !isVowel(stem[n-1]) {
		return stem[:n-1]
	}
	if strings.IndexByte("vcgu", stem[n-1]) >= 0 || (n >= 3 && !isVowel(stem[n-1]) && isVowel(stem[n-2]) && !isVowel(stem[n-3]) && n <= 4 && stem[n-1] != 'w') {
		return stem + "e"
	}
	return stem
}
