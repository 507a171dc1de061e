package facttext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidings/tidings/nlp"
)

func TestSplit(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"Mr. Smith went to Washington. He said “Yes.” Then he left.", []string{"Mr. Smith went to Washington.", "He said “Yes.”", "Then he left."}},
		{"The U.S. army left.\n\nA new paragraph", []string{"The U.S. army left.", "A new paragraph"}},
		{"Trump implored, \"Vladimir, STOP!\" on Truth Social.", []string{"Trump implored, \"Vladimir, STOP!\" on Truth Social."}},
	}
	for _, c := range cases {
		ft := New(nil, c.text)
		var got []string
		for _, s := range ft.Sentences {
			got = append(got, c.text[s.B:s.E])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("split %q = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	ft := New(nil, "Russia's 1,500 fighters didn't stop twenty-five U.S. drones.")
	var got []string
	for _, k := range ft.Sentences[0].Tokens {
		got = append(got, k.Text)
	}
	want := "Russia|'s|1,500|fighters|did|n't|stop|twenty-five|U.S.|drones|."
	if strings.Join(got, "|") != want {
		t.Errorf("tokens %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestOffsetsAndDoc(t *testing.T) {
	text := "Zelensky’s visit to Kyiv — “a turning point.”"
	p, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	for name, ft := range map[string]*Text{"nlp": New(p.Analyze(text), text), "fallback": New(nil, text)} {
		r := []rune(text)
		for _, s := range ft.Sentences {
			for _, k := range s.Tokens {
				if string(r[k.Start:k.End]) != k.Text || text[k.B:k.E] != k.Text {
					t.Errorf("%s: token %q offsets %d..%d / %d..%d", name, k.Text, k.Start, k.End, k.B, k.E)
				}
			}
		}
		if got := ft.CP(len(text)); got != utf8.RuneCountInString(text) {
			t.Errorf("%s: CP(end) = %d", name, got)
		}
	}
	// A doc of another text is not used.
	other := New(p.Analyze("Another text."), text)
	if other.Tagged {
		t.Error("a doc of another text was used")
	}
}

func FuzzNew(f *testing.F) {
	f.Add("Mr. Smith said “yes.”\n\nU.S. 1,500 didn't")
	f.Add("\xff\xfe broken utf8 ’s n’t")
	f.Fuzz(func(t *testing.T, s string) {
		ft := New(nil, s)
		for i, sent := range ft.Sentences {
			if sent.B > sent.E || sent.E > len(s) || (i > 0 && sent.B < ft.Sentences[i-1].E) {
				t.Fatalf("bad sentence %d %d..%d in %q", i, sent.B, sent.E, s)
			}
			for _, k := range sent.Tokens {
				if k.B >= k.E || k.E > len(s) || s[k.B:k.E] != k.Text {
					t.Fatalf("bad token %+v in %q", k, s)
				}
			}
		}
		if ft.SentenceAt(len(s)) >= len(ft.Sentences) {
			t.Fatal("SentenceAt out of range")
		}
	})
}
