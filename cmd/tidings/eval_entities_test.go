package main

import (
	"context"
	"reflect"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/ner"
	"github.com/tidings/tidings/nlp"
)

func TestEntityTags(t *testing.T) {
	// "the president met Ann Lee in Kyiv", one token a word
	doc := &nlp.Doc{Text: "the president met Ann Lee in Kyiv"}
	s := nlp.Sentence{}
	pos := 0
	for _, w := range []string{"the", "president", "met", "Ann", "Lee", "in", "Kyiv"} {
		s.Tokens = append(s.Tokens, nlp.Token{Text: w, Start: pos, End: pos + len(w), BStart: pos, BEnd: pos + len(w)})
		pos += len(w) + 1
	}
	doc.Sentences = []nlp.Sentence{s}
	es := []tidings.Entity{
		{Type: "PERSON", Mentions: []tidings.Span{{Text: "the president", Start: 0, End: 13}, {Text: "Ann Lee", Start: 18, End: 25}}},
		{Type: "GPE", Mentions: []tidings.Span{{Text: "Kyiv", Start: 29, End: 33}}},
		{Type: "NORP", Mentions: []tidings.Span{{Text: "met", Start: 14, End: 17}}},
		{Type: "ORG", Mentions: []tidings.Span{{Text: "in Ky", Start: 26, End: 31}}}, // not on token bounds
	}
	want := [][]string{{"O", "O", "O", "B-PER", "I-PER", "O", "B-LOC"}}
	if got := entityTags(doc, es); !reflect.DeepEqual(got, want) {
		t.Errorf("entityTags = %q, want %q", got, want)
	}
}

// TestEvalEntities runs the whole entity layer on a small gold file of
// our own: the titles, demonyms (MISC) and descriptions must not count
// against it.
func TestEvalEntities(t *testing.T) {
	rep, err := evalEntities(context.Background(), "testdata/entities-mini.conll", evalOptions{Format: ner.FormatCoNLL})
	if err != nil {
		t.Fatal(err)
	}
	r := rep.(ner.Report)
	if r.Task != "entities" || r.Tokens != 22 || r.Sentences != 2 {
		t.Fatalf("report %+v", r)
	}
	if r.F1 < 0.99 {
		t.Errorf("F1 %.3f on a set the layer gets right (per type %+v)", r.F1, r.PerType)
	}
}
