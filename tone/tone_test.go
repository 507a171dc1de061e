package tone

import (
	"testing"

	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

func TestScoreSign(t *testing.T) {
	cases := []struct {
		text string
		sign int
	}{
		{"The festival was a wonderful success and visitors were happy.", 1},
		{"The attack killed dozens and the deadly violence left the city in fear.", -1},
		{"The talks were not successful.", -1},
		{"The report lists the dates of the meetings.", 0},
		{"Relief workers were very happy with the excellent help.", 1},
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		for view, ft := range map[string]*facttext.Text{"nlp": facttext.New(p.Analyze(c.text), c.text), "fallback": facttext.New(nil, c.text)} {
			got := s.Score(ft)
			sign := 0
			if got.Score > 0 {
				sign = 1
			} else if got.Score < 0 {
				sign = -1
			}
			if sign != c.sign {
				t.Errorf("%s %q: tone %+v, want sign %d", view, c.text, got, c.sign)
			}
			if got.Score != round2(got.Positive-got.Negative) {
				t.Errorf("%s %q: score %v is not positive-negative", view, c.text, got)
			}
		}
	}
}

func TestIntensifier(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	plain := s.Score(facttext.New(nil, "The result was bad for them."))
	strong := s.Score(facttext.New(nil, "The result was very bad for them."))
	// One more word, weighed 1.5: the negative share grows.
	if strong.Negative <= plain.Negative*6/7 {
		t.Errorf("intensifier: %v vs %v", strong, plain)
	}
}

func BenchmarkScore(b *testing.B) {
	s, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ft := facttext.New(nil, "The attack killed dozens and the deadly violence left the city in fear. Relief workers were happy with the help.")
	for b.Loop() {
		s.Score(ft)
	}
}

// TestWordInfos checks the merged index Score reads against the lexicon
// and the word lists it merges.
func TestWordInfos(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"", "zzz", "not", "no", "lack", "very", "slightly", "deadly", "good"}
	for _, m := range []map[string]bool{negators, intensifiers, dampeners} {
		for w := range m {
			words = append(words, w)
		}
	}
	for w := range s.lex {
		words = append(words, w)
	}
	for _, w := range words {
		v, inLex := s.lex[w]
		want := wordInfo{v: v, inLex: inLex, neg: negators[w], intensify: intensifiers[w], dampen: dampeners[w]}
		if got := s.info[w]; got != want {
			t.Fatalf("info[%q] = %+v, want %+v", w, got, want)
		}
	}
}
