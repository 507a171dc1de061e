package events

import (
	"strings"
	"testing"

	"github.com/tidings/tidings/internal/facttext"
)

// tagged builds tokens from "word/UPOS/XPOS" fields (Rel "amod" with a
// trailing "/amod").
func tagged(s string) []facttext.Token {
	var toks []facttext.Token
	for _, f := range strings.Fields(s) {
		p := strings.Split(f, "/")
		k := facttext.Token{Text: p[0], Lower: strings.ToLower(p[0]), UPOS: p[1], XPOS: p[2], Head: -1}
		if len(p) > 3 {
			k.Rel = p[3]
		}
		toks = append(toks, k)
	}
	return toks
}

func TestTagFixes(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		toks string
		i    int
		f    func([]facttext.Token, int) bool
		want bool
	}{
		{"prenominal after determiner", "under/ADP/IN the/DET/DT recently/ADV/RB imposed/VERB/VBN tax/NOUN/NN", 3, prenominal, true},
		{"amod after a verb", "deliver/VERB/VB crushing/VERB/VBG/amod blows/NOUN/NNS", 1, prenominal, true},
		{"amod after a subject", "the/DET/DT police/NOUN/NN opened/VERB/VBN/amod fire/NOUN/NN", 2, prenominal, false},
		{"finite verb", "police/NOUN/NN attacked/VERB/VBD rebel/NOUN/NN camps/NOUN/NNS", 2, prenominal, false},
		{"sentence-initial participle", "Suspected/VERB/VBN Islamic/ADJ/JJ militants/NOUN/NNS", 0, prenominal, true},
		{"sentence-initial verb before a name", "Countered/VERB/VBD Singhal/PROPN/NNP", 0, prenominal, false},
		{"armed forces", "Moslem/PROPN/NNP armed/VERB/VBD forces/NOUN/NNS", 1, prenominal, true},
		{"in the talks", "he/PRON/PRP agreed/VERB/VBD in/ADP/IN the/DET/DT border/NOUN/NN talks/VERB/VBZ with/ADP/IN", 5, inPrepPhrase, true},
		{"subject after a phrase", "Paris/PROPN/NNP with/ADP/IN its/PRON/PRP$ allies/NOUN/NNS talks/VERB/VBZ", 4, inPrepPhrase, false},
		{"sentence subject", "the/DET/DT army/NOUN/NN attacks/VERB/VBZ", 2, inPrepPhrase, false},
		{"set fire", "settlers/NOUN/NNS set/NOUN/NN fire/NOUN/NN to/ADP/IN", 1, setFire, true},
		{"set up", "they/PRON/PRP set/VERB/VBD up/ADP/RP", 1, setFire, false},
		{"will not accept", "will/AUX/MD not/PART/RB accept/VERB/VB", 2, negatedVerb, true},
		{"will not hesitate to", "will/AUX/MD not/PART/RB hesitate/VERB/VB to/PART/TO raise/VERB/VB", 4, negatedVerb, false},
		{"past after a subject", "Relief/NOUN/NN officials/NOUN/NNS suspended/ADJ/JJ food/NOUN/NN", 2, c.pastAfterSubject, true},
		{"past after a finite verb", "officials/NOUN/NNS said/VERB/VBD troops/NOUN/NNS suspended/ADJ/JJ aid/NOUN/NN", 3, c.pastAfterSubject, false},
		{"base verb after a plural", "the/DET/DT farmers/NOUN/NNS reject/NOUN/NN proposed/VERB/VBN cuts/NOUN/NNS", 2, c.presentAfterSubject, true},
		{"plural actor before a past verb", "Fighter/PROPN/NNP jets/VERB/VBZ bombed/VERB/VBN rebel/NOUN/NN", 1, c.pluralBeforePast, true},
		{"plural actor before a base verb", "the/DET/DT troops/NOUN/NNS attack/VERB/VBP the/DET/DT", 1, c.pluralBeforePast, false},
		{"verb before a past form", "he/PRON/PRP forces/VERB/VBZ closed/VERB/VBN", 1, c.pluralBeforePast, false},
		{"compound noun", "the/DET/DT arms/NOUN/NNS attack/NOUN/NN the/DET/DT", 2, c.presentAfterSubject, false},
	}
	for _, tc := range cases {
		if got := tc.f(tagged(tc.toks), tc.i); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestIsDeterminer(t *testing.T) {
	for w := range determiners {
		if !isDeterminer(w) {
			t.Errorf("isDeterminer(%q) = false", w)
		}
	}
	for _, w := range []string{"army", "there", "thee", ""} {
		if isDeterminer(w) {
			t.Errorf("isDeterminer(%q) = true", w)
		}
	}
}
