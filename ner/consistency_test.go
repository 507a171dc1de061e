package ner

import (
	"math"
	"strings"
	"testing"
)

func TestConsistency(t *testing.T) {
	sents := [][]string{
		strings.Fields("Sergei Lavrov met Acme Corp officials ."),
		strings.Fields("Lavrov said Acme Corp would pay ."),
		strings.Fields("LAVROV ARRIVES IN PARIS"),
		strings.Fields("lavrov is not capitalized here"),
	}
	spans := [][]scoredSpan{
		{{Start: 0, End: 2, Class: classPER, Score: 0.9}, {Start: 3, End: 5, Class: classORG, Score: 0.8}},
		nil,
		nil,
		nil,
	}
	got := consistency(sents, spans)
	want1 := []scoredSpan{
		{Start: 0, End: 1, Class: classPER, Score: 0.9 * 0.45},
		{Start: 2, End: 4, Class: classORG, Score: 0.9 * 0.8},
	}
	if len(got[1]) != len(want1) {
		t.Fatalf("sentence 1: got %+v, want %+v", got[1], want1)
	}
	for i, w := range want1 {
		g := got[1][i]
		if g.Start != w.Start || g.End != w.End || g.Class != w.Class || math.Abs(g.Score-w.Score) > 1e-9 {
			t.Errorf("sentence 1 span %d: got %+v, want %+v", i, g, w)
		}
	}
	if len(got[2]) != 1 || got[2][0].Class != classPER || got[2][0].Start != 0 {
		t.Errorf("ALL-CAPS line: got %+v", got[2])
	}
	if len(got[3]) != 0 {
		t.Errorf("lower-case word tagged: %+v", got[3])
	}
}

func TestConsistencyIgnoresUnsure(t *testing.T) {
	sents := [][]string{strings.Fields("Apple rose ."), strings.Fields("Apple fell .")}
	spans := [][]scoredSpan{{{Start: 0, End: 1, Class: classORG, Score: 0.1}}, nil}
	if got := consistency(sents, spans); len(got[1]) != 0 {
		t.Errorf("low-confidence span propagated: %+v", got[1])
	}
}
