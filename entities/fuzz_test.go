package entities

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidings/tidings/entities/entitiestest"
	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/nlp"
)

// runSpotter marks every run of capitalised tokens, cycling through the
// types, so that the fuzzer reaches the resolver's rules for each type.
type runSpotter struct{}

func (runSpotter) Spot(doc *nlp.Doc) []Mention {
	types := []string{"PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"}
	var out []Mention
	for si, s := range doc.Sentences {
		for i := 0; i < len(s.Tokens); {
			j := i
			for j < len(s.Tokens) && startsUpper(s.Tokens[j].Text) {
				j++
			}
			if j > i {
				out = append(out, mentionOf(doc, si, i, j, types[(si+i)%len(types)], 0.5))
				i = j
				continue
			}
			i++
		}
	}
	return out
}

// FuzzResolve checks that the resolver never panics on article text and
// that every mention it returns is a span of the text with its offsets.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"US President Donald Trump met Russian Foreign Minister Sergei Lavrov in Kyiv. Trump's aide said so.",
		"the the THE U.S. 's 's Mr. Mr Vice-President - -",
		"Über ñandú Café, São Paulo; “Zelensky’s” NATO’s",
		"Talks between Norwick Mills and Castell Group stalled, the “Wild Rose,” film (WR) said.",
		"Rep. Ann Lee, R-W.Va., met the Economic Community of Lake States (ECOLS) in Bosnia and Herzegovina.",
		"non-U.S. RCTs at the University of Nordvik; energy company Karvex and de Vries. Karvex said so.",
		"“ ” ( ) A and B and C ' s",
	} {
		f.Add(s)
	}
	db, err := gazetteer.Load()
	if err != nil {
		f.Fatal(err)
	}
	r := New(Combine(runSpotter{}, NewDictSpotter(db)), db, LowercaseWords(func(w string) bool { return strings.ToLower(w) == w }))
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 2000 {
			return
		}
		runes := []rune(text)
		for _, e := range r.Resolve(entitiestest.Doc(text), 0) {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(runes) || m.Start >= m.End || string(runes[m.Start:m.End]) != m.Text {
					t.Fatalf("entity %q: mention %q at [%d,%d) is not the text there", e.Name, m.Text, m.Start, m.End)
				}
			}
		}
	})
}

func TestAbbreviates(t *testing.T) {
	tests := []struct {
		acr, name string
		want      bool
	}{
		{"ECOWAS", "Economic Community of West African States", true},
		{"NATO", "North Atlantic Treaty Organization", true},
		{"DOJ", "Department of Justice", true},
		{"UNESCO", "United Nations Educational, Scientific and Cultural Organization", true},
		{"NDP", "National Democratic", false},      // every letter spelt
		{"ND", "National Democratic Party", false}, // every word used
		{"OOOOOOOO", strings.Repeat("of ", 16), true},
		{"OOOOOOOX", strings.Repeat("of ", 16), false},
	}
	for _, tt := range tests {
		if got := abbreviates(tt.acr, strings.Fields(tt.name)); got != tt.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v", tt.acr, tt.name, got, tt.want)
		}
	}
}
