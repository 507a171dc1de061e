package ner

import (
	"slices"
	"strings"
	"testing"
)

func TestStackFeaturesUseOtherMentions(t *testing.T) {
	words := [][]string{strings.Fields("Acme Corp hired Smith ."), strings.Fields("Smith left .")}
	uPER := makeLabel(classPER, posU)
	pass1 := [][]label{{makeLabel(classORG, posB), makeLabel(classORG, posL), labelO, uPER, labelO}, {labelO, labelO, labelO}}
	base := make([]sentFeatures, 2)
	x := &extractor{}
	for i, ws := range words {
		x.extract(ws, nil, &base[i])
	}
	out := make([]sentFeatures, 2)
	stackFeatures(words, pass1, base, out)
	// "Smith" in sentence 2 must see the PER vote of sentence 1 ...
	perVote := hashStr(hashByte(hashTpl(tStackClass), byte(classPER)), "Xx")
	if !slices.Contains(out[1].token(0), perVote) {
		t.Error("second Smith lacks the PER vote of the first")
	}
	// ... but the first "Smith" must not see its own vote, only the O of the other.
	if slices.Contains(out[0].token(3), perVote) {
		t.Error("first Smith sees its own vote")
	}
	oVote := hashStr(hashByte(hashTpl(tStackClass), byte(numClasses)), "Xx")
	if !slices.Contains(out[0].token(3), oVote) {
		t.Error("first Smith lacks the O vote of the second")
	}
	// Base features are kept.
	for i := range words {
		for k := range words[i] {
			if !slices.Equal(out[i].token(k)[:len(base[i].token(k))], base[i].token(k)) {
				t.Fatalf("sentence %d token %d: base features changed", i, k)
			}
		}
	}
}

func TestGazetteerMatch(t *testing.T) {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	got := g.match(normTokens(strings.Fields("He flew from Los Angeles to Kenya .")))
	has := func(i int, code byte) bool { return slices.Contains(got[i], code) }
	if !has(3, gazCity*numPos+posB) || !has(4, gazCity*numPos+posL) {
		t.Errorf("Los Angeles not matched as a city: %v", got)
	}
	if !has(6, gazCountry*numPos+posU) {
		t.Errorf("Kenya not matched as a country: %v", got)
	}
	if len(got[0]) != 0 {
		t.Errorf("He matched: %v", got[0])
	}
	if m := g.lookup([]string{"russian"}); m&(1<<gazDemonym) == 0 {
		t.Errorf("russian is not a demonym: %b", m)
	}
}

func TestLexicon(t *testing.T) {
	var sents [][]string
	for i := 0; i < 20; i++ {
		sents = append(sents, strings.Fields("the man saw Paris and the woman saw London ."),
			strings.Fields("a dog saw Rome and a cat saw Berlin ."))
	}
	lex := buildLexicon(sents)
	_, _, capb, ok := lex.get("paris")
	if !ok || capb != capUpper {
		t.Errorf("paris: ok=%v cap=%d, want capitalized", ok, capb)
	}
	if _, _, capb, _ := lex.get("saw"); capb != capLower {
		t.Errorf("saw: cap=%d, want lower", capb)
	}
	again := buildLexicon(sents)
	for h, v := range lex.words {
		if again.words[h] != v {
			t.Fatal("lexicon is not deterministic")
		}
	}
}

func TestFinalType(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words string
		class int
		want  string
	}{
		{"Kenya", classLOC, GPE},
		{"Nile River", classLOC, Loc},
		{"Middle East", classLOC, Loc},
		{"Russian", classMISC, NORP},
		{"Sunni", classMISC, NORP},
		{"World Cup", classMISC, Misc},
		{"Jane Doe", classPER, Person},
		{"Acme", classORG, Org},
	}
	for _, tt := range tests {
		if got := r.finalType(strings.Fields(tt.words), tt.class); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.words, got, tt.want)
		}
	}
}
