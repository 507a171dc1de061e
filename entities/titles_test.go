package entities

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/internal/shared"
	"github.com/tidings/tidings/nlp"
)

// TestIsTitleMatchesSlow checks that isTitle's stack-key path answers as
// the general one: on the title lists in several spellings, on odd
// phrases, and on every one- to four-token span of the demo corpus.
func TestIsTitleMatchesSlow(t *testing.T) {
	db, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	phrases := []string{"", " ", "-", "--", "- -", "Foreign  Minister", "Vice-President", "vice - president",
		"MR.", "Mr", "Army Commander", "army  commander ", " Interior Minister", "Minister-", "Prime\tMinister",
		"Zürich Mayor", "Präsident", strings.Repeat("Minister ", 10)}
	for _, set := range []map[string]bool{titles, honorifics, titleHeads} {
		for w := range set {
			phrases = append(phrases, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], strings.ReplaceAll(w, " ", "-"), "Deputy "+w)
		}
	}
	if root := shared.Root(); root != "" {
		phrases = append(phrases, demoSpans(t, filepath.Join(root, "demo", "voa.jsonl"))...)
	}
	found := 0
	for _, p := range phrases {
		for _, d := range []*gazetteer.DB{db, nil} {
			gt, gh := isTitle(d, p)
			wt, wh := isTitleSlow(d, p)
			if gt != wt || gh != wh {
				t.Errorf("isTitle(%q) = %v, %v; slow path %v, %v", p, gt, gh, wt, wh)
			}
			if gt || gh {
				found++
			}
		}
	}
	t.Logf("%d phrases, %d titles or honorifics", len(phrases), found)
}

// demoSpans returns the one- to four-token spans of the articles of a
// JSON-lines corpus.
func demoSpans(t *testing.T, path string) []string {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("demo corpus unreadable: %v", err)
	}
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var rec struct{ Text string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		doc := &nlp.Doc{Text: rec.Text}
		for _, s := range nlp.SplitSentences(rec.Text, nlp.Tokenize(rec.Text)) {
			for i := range s.Tokens {
				for n := 1; n <= 4 && i+n <= len(s.Tokens); n++ {
					out = append(out, sliceText(doc, s.Tokens, i, i+n))
				}
			}
		}
	}
	return out
}
