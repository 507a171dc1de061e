package ner

import (
	"reflect"
	"testing"
)

func TestParseGUMEntity(t *testing.T) {
	tests := []struct {
		in     string
		opens  []gumOpen
		closes []string
	}{
		{"(1-person-new-cf1-1-coref", []gumOpen{{"1", "person"}}, nil},
		{"1)", nil, []string{"1"}},
		{"(3-substance-new-sssss-cf3-1-coref-Iodine)", []gumOpen{{"3", "substance"}}, []string{"3"}},
		{"(2-abstract-new(3-place-giv-x)", []gumOpen{{"2", "abstract"}, {"3", "place"}}, []string{"3"}},
		{"7)6)", nil, []string{"7", "6"}},
		{"", nil, nil},
	}
	for _, tt := range tests {
		o, c := parseGUMEntity(tt.in)
		if !reflect.DeepEqual(o, tt.opens) || !reflect.DeepEqual(c, tt.closes) {
			t.Errorf("%q: got %v %v, want %v %v", tt.in, o, c, tt.opens, tt.closes)
		}
	}
}

func TestGUMSentence(t *testing.T) {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tok := func(form, upos, ent string) gumToken {
		o, c := parseGUMEntity(ent)
		return gumToken{form: form, upos: upos, opens: o, closes: c}
	}
	toks := []gumToken{
		tok("the", "DET", "(1-organization-new"),
		tok("University", "PROPN", ""),
		tok("of", "ADP", ""),
		tok("Sydney", "PROPN", "(2-place-new-x)1)"),
		tok("hired", "VERB", ""),
		tok("Australian", "ADJ", "(3-person-new"),
		tok("scientists", "NOUN", "3)"),
	}
	s := g.gumSentence(toks)
	want := []string{"O", "B-ORG", "I-ORG", "I-ORG", "O", "B-MISC", "O"}
	if !reflect.DeepEqual(s.Tags, want) {
		t.Errorf("got %v, want %v", s.Tags, want)
	}
}
