package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings/tidings/internal/shared"
)

// TestReadCorpus reads the real sources (skipped without ../shared).
func TestReadCorpus(t *testing.T) {
	data := shared.Dir(t, "data")
	c, st, err := readCorpus(context.Background(), data, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Sources) != len(sources) {
		t.Errorf("read %v, want all %d sources", st.Sources, len(sources))
	}
	if st.Tokens < 1_000_000 || len(c.Words) < 10_000 {
		t.Errorf("%d tokens, %d words: too few", st.Tokens, len(c.Words))
	}
	for i := 1; i < len(c.Words); i++ {
		if c.Counts[i] > c.Counts[i-1] || c.Counts[i] == c.Counts[i-1] && c.Words[i] <= c.Words[i-1] {
			t.Fatalf("words %d, %d out of order", i-1, i)
		}
	}
	if c.Counts[len(c.Counts)-1] < 3 {
		t.Errorf("a word with count %d was kept", c.Counts[len(c.Counts)-1])
	}
	for _, w := range c.Words[:50] {
		if w == "1990" {
			t.Error("digits were not normalized")
		}
	}
}

func TestMojibake(t *testing.T) {
	for in, want := range map[string]string{
		"the â€˜bestâ€™ one": "the ‘best’ one",
		"â€œquotedâ€\uFFFD":  "“quoted”",
		"cityÂ\u00a0centre":  "city centre",
		"plain text – fine":  "plain text – fine",
	} {
		if got := mojibake.Replace(in); got != want {
			t.Errorf("mojibake.Replace(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEvalTable scores the committed table (skipped without ../shared):
// its classes must beat tagging every unseen word PROPN.
func TestEvalTable(t *testing.T) {
	gum := shared.Dir(t, "data", "treebank", "gum")
	var out strings.Builder
	sc, err := evalTable(context.Background(), &out, gum, filepath.Join("..", "..", "clusters", "clusters.tsv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	t.Log(out.String())
	if sc.oov < 500 || sc.covered < sc.oov/3 {
		t.Errorf("%d unseen dev tokens, %d with a class: too few", sc.oov, sc.covered)
	}
	for i, p := range evalPrefixes {
		if sc.right[i] <= sc.propn+sc.oov/20 {
			t.Errorf("prefix %d: %d right, all-PROPN gets %d", p, sc.right[i], sc.propn)
		}
	}
}
