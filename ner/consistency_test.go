package ner

import (
	"reflect"
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
	want1 := []scoredSpan{{0, 1, classPER, consistencyMinScore}, {2, 4, classORG, consistencyMinScore}}
	if !reflect.DeepEqual(got[1], want1) {
		t.Errorf("sentence 1: got %+v, want %+v", got[1], want1)
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
	spans := [][]scoredSpan{{{Start: 0, End: 1, Class: classORG, Score: 0.2}}, nil}
	if got := consistency(sents, spans); len(got[1]) != 0 {
		t.Errorf("low-confidence span propagated: %+v", got[1])
	}
}
