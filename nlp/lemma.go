package nlp

import (
	"strings"
)

// Lemmatizer maps a word and its tags to a dictionary form: irregular forms
// from a table (see lemma_table.go), then suffix rules by part of speech.
type Lemmatizer struct {
	// irregular maps "xpos-class\x00lowercased form" to the lemma, where the
	// class is "V" (verbs), "N" (nouns), "A" (adjectives/adverbs).
	irregular map[string]string
}

func defaultLemmatizer() *Lemmatizer {
	return &Lemmatizer{irregular: irregularTable()}
}

// Lemma returns the lemma of word tagged upos/xpos (Penn Treebank).
// Proper nouns keep their case; everything else is lower-cased, as in UD
// English treebanks.
func (l *Lemmatizer) Lemma(word, upos, xpos string) string {
	if upos == "PROPN" || strings.HasPrefix(xpos, "NNP") {
		if xpos == "NNPS" && strings.HasSuffix(word, "s") && len(word) > 3 {
			return word[:len(word)-1]
		}
		return word
	}
	low := strings.ToLower(word)
	if l == nil {
		return low
	}
	switch {
	case xpos == "POS":
		return "'s"
	case strings.HasPrefix(xpos, "VB") || upos == "VERB" || upos == "AUX":
		if lem, ok := l.irregular["V\x00"+low]; ok {
			return lem
		}
		return verbLemma(low, xpos)
	case xpos == "NNS":
		if lem, ok := l.irregular["N\x00"+low]; ok {
			return lem
		}
		return nounLemma(low)
	case xpos == "JJR" || xpos == "JJS" || xpos == "RBR" || xpos == "RBS":
		if lem, ok := l.irregular["A\x00"+low]; ok {
			return lem
		}
		return adjLemma(low, xpos)
	case xpos == "PRP" || xpos == "PRP$" || upos == "PRON":
		if lem, ok := l.irregular["P\x00"+low]; ok {
			return lem
		}
	case low == "n't" || low == "nt":
		return "not"
	}
	return low
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func verbLemma(w, xpos string) string {
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
	case (xpos == "VBD" || xpos == "VBN") && strings.HasSuffix(w, "ed") && len(w) > 4:
		return undouble(w[:len(w)-2], w)
	case xpos == "VBG" && strings.HasSuffix(w, "ing") && len(w) > 5:
		return undouble(w[:len(w)-3], w)
	}
	return w
}

// undouble restores a stem after -ed/-ing removal: stopped → stop,
// tried → try, hoped → hope, making → make.
func undouble(stem, full string) string {
	n := len(stem)
	if n >= 2 && stem[n-1] == 'i' && strings.HasSuffix(full, "ied") {
		return stem[:n-1] + "y"
	}
	if n >= 3 && stem[n-1] == stem[n-2] && !isVowel(stem[n-1]) && strings.IndexByte("lsz", stem[n-1]) < 0 {
		return stem[:n-1]
	}
	if n >= 2 {
		last, prev := stem[n-1], stem[n-2]
		// consonant + v/z/c/g/u (hoping → hope, leaving → leave, using → use)
		if strings.IndexByte("vzcu", last) >= 0 && !(last == 'u' && prev == 'u') {
			return stem + "e"
		}
		if n >= 3 && !isVowel(last) && last != 'w' && last != 'x' && last != 'y' && isVowel(prev) && !isVowel(stem[n-3]) && n <= 4 {
			// make → mak+e, hope → hop+e (short CVC stems)
			return stem + "e"
		}
		if strings.HasSuffix(stem, "at") && n > 4 || strings.HasSuffix(stem, "iz") || strings.HasSuffix(stem, "ys") {
			return stem + "e"
		}
	}
	return stem
}

func nounLemma(w string) string {
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
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
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
