package themes

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
)

func TestTag(t *testing.T) {
	cases := []struct {
		text   string
		events []tidings.Event
		want   []string
		not    []string
	}{
		{"Thousands of protesters marched through the capital. The demonstration ended in a rally outside parliament, and more protests are planned.",
			[]tidings.Event{{Type: "PROTEST"}}, []string{"PROTEST"}, []string{"ELECTION"}},
		{"Voters cast their ballots in the presidential election. The candidate thanked voters after the vote count.",
			nil, []string{"ELECTION"}, []string{"ARMED_CONFLICT"}},
		{"Troops shelled the town as the war entered its third year. Artillery fire continued.",
			[]tidings.Event{{Type: "ASSAULT"}}, []string{"ARMED_CONFLICT"}, []string{"ECONOMY"}},
		{"Both sides agreed to a ceasefire and a truce began at midnight. The ceasefire held.",
			nil, []string{"CEASEFIRE"}, nil},
		{"The weather was mild.", nil, nil, []string{"DISASTER", "CLIMATE"}},
	}
	tg := New()
	for _, c := range cases {
		got := tg.Tag(facttext.New(nil, c.text), nil, c.events)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: themes %v lack %s", c.text, got, w)
			}
		}
		for _, n := range c.not {
			if slices.Contains(got, n) {
				t.Errorf("%q: themes %v have %s", c.text, got, n)
			}
		}
	}
}

func TestTaxonomySize(t *testing.T) {
	if n := len(cues); n < 28 || n > 35 {
		t.Errorf("taxonomy has %d themes", n)
	}
}

// TestPairsMatchWords checks that the pair index answers as a lookup of
// the joined key would, for every split of every key and for pairs of cue
// words that are no key.
func TestPairsMatchWords(t *testing.T) {
	tg := New()
	var parts []string
	for k := range tg.words {
		parts = append(parts, strings.Split(k, "_")...)
		for i := range len(k) {
			if k[i] == '_' {
				parts = append(parts, k[:i], k[i+1:])
			}
		}
	}
	parts = append(parts, "", "_", "s")
	for _, a := range parts {
		for _, b := range parts {
			want, wantOK := tg.words[a+"_"+b]
			got, gotOK := tg.pairs[a][b]
			if gotOK != wantOK || !slices.Equal(got, want) {
				t.Fatalf("pairs[%q][%q] = %v, %v; want %v, %v", a, b, got, gotOK, want, wantOK)
			}
		}
	}
}
