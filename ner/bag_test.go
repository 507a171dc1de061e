package ner

import (
	"testing"
)

func TestParseMixWeights(t *testing.T) {
	tests := []struct {
		in      string
		want    []int // weights
		wantErr bool
	}{
		{"conll,uner", []int{1, 1}, false},
		{"conll, uner*3,wnut", []int{1, 3, 1}, false},
		{"uner*0", nil, true},
		{"uner*x", nil, true},
		{"nosuch", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseMix(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseMix(%q) error = %v", tt.in, err)
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("ParseMix(%q) = %d corpora, want %d", tt.in, len(got), len(tt.want))
			continue
		}
		for i, c := range got {
			if c.Weight != tt.want[i] {
				t.Errorf("ParseMix(%q)[%d].Weight = %d, want %d", tt.in, i, c.Weight, tt.want[i])
			}
		}
	}
}

func TestAddLowerCopies(t *testing.T) {
	docs := []Document{
		{Sentences: []Sentence{{Words: []string{"John", "left", "Paris"}, Tags: []string{"B-PER", "O", "B-LOC"}}}},
		{Sentences: []Sentence{{Words: []string{"Acme"}, Tags: []string{"B-ORG"}}}, Weight: 2},
		{Sentences: []Sentence{{Words: []string{"Rome"}, Tags: []string{"B-LOC"}}}},
	}
	got, groups := addLowerCopies(docs, []int{0, 1, 2}, 2)
	if len(got) != 5 || len(groups) != 5 {
		t.Fatalf("got %d docs, %d groups, want 5", len(got), len(groups))
	}
	if w := got[3].Sentences[0].Words; w[0] != "john" || w[2] != "paris" || got[3].Sentences[0].Tags[2] != "B-LOC" {
		t.Errorf("copy of doc 0 = %+v", got[3])
	}
	if groups[3] != 0 || groups[4] != 2 || got[4].Sentences[0].Words[0] != "rome" {
		t.Errorf("groups %v, copy %+v", groups, got[4])
	}
	if docs[0].Sentences[0].Words[0] != "John" {
		t.Error("original modified")
	}
}

func TestMergeModels(t *testing.T) {
	a := &model{rows: map[uint64]int32{7: 0}, w: make([]float32, numLabels), version: modelVersion}
	b := &model{rows: map[uint64]int32{9: 0, 7: 1}, w: make([]float32, 2*numLabels), version: modelVersion}
	a.w[0] = 2
	b.w[numLabels] = 4 // hash 7
	b.w[1] = 6         // hash 9
	a.trans[0][1], b.trans[0][1] = 1, 3
	m := mergeModels([]*model{a, b})
	if len(m.rows) != 2 {
		t.Fatalf("rows %v", m.rows)
	}
	r7, r9 := m.rows[7], m.rows[9]
	if got := m.w[int(r7)*numLabels]; got != 3 {
		t.Errorf("hash 7 weight = %v, want 3", got)
	}
	if got := m.w[int(r9)*numLabels+1]; got != 3 {
		t.Errorf("hash 9 weight = %v, want 3", got)
	}
	if m.trans[0][1] != 2 {
		t.Errorf("trans = %v, want 2", m.trans[0][1])
	}
}

func FuzzParseMix(f *testing.F) {
	for _, s := range []string{"conll,uner", "uner*2", "wnut*", "*", ",", "gum*10,conll*11"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cs, err := ParseMix(s)
		if err != nil {
			return
		}
		for _, c := range cs {
			if c.Weight < 1 || c.Weight > 10 {
				t.Fatalf("ParseMix(%q): weight %d", s, c.Weight)
			}
		}
	})
}
