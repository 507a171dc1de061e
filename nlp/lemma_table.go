package nlp

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"strings"
)

// closedClassLemmas follow GUM's (UD English) lemma conventions for
// pronouns, auxiliaries and clitics, which WordNet does not list.
var closedClassLemmas = map[string]string{
	"P\x00me": "I", "P\x00i": "I", "P\x00him": "he", "P\x00her": "she", "P\x00us": "we",
	"P\x00them": "they", "P\x00em": "they", "P\x00'em": "they", "P\x00's": "we", "P\x00’s": "we",
	"V\x00is": "be", "V\x00was": "be", "V\x00were": "be", "V\x00are": "be", "V\x00am": "be",
	"V\x00been": "be", "V\x00being": "be", "V\x00's": "be", "V\x00’s": "be", "V\x00'm": "be",
	"V\x00’m": "be", "V\x00're": "be", "V\x00’re": "be", "V\x00art": "be",
	"V\x00has": "have", "V\x00had": "have", "V\x00having": "have", "V\x00'd": "would",
	"V\x00’d": "would", "V\x00'll": "will", "V\x00’ll": "will", "V\x00've": "have",
	"V\x00’ve": "have", "V\x00ca": "can", "V\x00wo": "will", "V\x00does": "do",
	"V\x00did": "do", "V\x00done": "do", "V\x00doing": "do", "V\x00sha": "shall",
	"V\x00gon": "go", "V\x00wan": "want", "V\x00got": "get", "V\x00na": "to",
}

// defaultLemmatizer loads the WordNet-derived table models/lemmas.tsv.gz
// (see nlp/internal/genlemma for how it is rebuilt) plus closedClassLemmas.
func defaultLemmatizer() *Lemmatizer {
	l := &Lemmatizer{irregular: make(map[string]string, 6000), verbs: map[string]bool{}, nouns: map[string]bool{}}
	m := l.irregular
	if data, err := modelFS.ReadFile("models/lemmas.tsv.gz"); err == nil {
		if zr, err := gzip.NewReader(bytes.NewReader(data)); err == nil {
			sc := bufio.NewScanner(zr)
			for sc.Scan() {
				f := strings.Split(sc.Text(), "\t")
				switch {
				case len(f) == 3:
					m[f[0]+"\x00"+f[1]] = f[2]
				case len(f) == 2 && f[0] == "LV":
					l.verbs[f[1]] = true
				case len(f) == 2 && f[0] == "LN":
					l.nouns[f[1]] = true
				}
			}
		}
	}
	for k, v := range closedClassLemmas {
		m[k] = v
	}
	m["N\x00people"] = "person"
	return l
}
