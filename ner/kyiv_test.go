package ner

import (
	"encoding/json"
	"github.com/tidings/tidings/internal/shared"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tidings/tidings/nlp"
)

// TestKyivArticle runs the recognizer on the seed article after the NLP
// pipeline and checks the mentions the expected analysis lists: every
// "must" entity's name and mentions are found as spans of its type (the
// United States only through its listed mentions), and no "must_not" string
// is a span. "Read also|" lines (links to other stories, which the
// article cleaner removes before entities are extracted) are dropped first.
func TestKyivArticle(t *testing.T) {
	dir := shared.Path("data", "ner")
	if dir == "" {
		t.Skip("../shared not found: skipping data-dependent test")
	}
	ex := filepath.Join(dir, "..", "..", "examples", "kyiv-strike")
	text, err := os.ReadFile(filepath.Join(ex, "article.txt"))
	if err != nil {
		t.Skipf("seed article unreadable: %v", err)
	}
	raw, err := os.ReadFile(filepath.Join(ex, "expected.json"))
	if err != nil {
		t.Skipf("expected analysis unreadable: %v", err)
	}
	var want struct {
		Entities struct {
			Must []struct {
				Name, Type string
				Mentions   []string
			}
			MustNot []string `json:"must_not"`
		}
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	p, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{} // text → types
	var body []string
	for _, line := range strings.Split(string(text), "\n") {
		if !strings.HasPrefix(line, "Read also|") {
			body = append(body, line)
		}
	}
	for _, s := range r.Recognize(p.Analyze(strings.Join(body, "\n"))) {
		got[s.Text] = append(got[s.Text], s.Type)
	}
	t.Logf("spans: %v", got)
	for _, e := range want.Entities.Must {
		mentions := e.Mentions
		if len(mentions) == 0 {
			mentions = []string{e.Name}
		}
		for _, m := range mentions {
			if !slices.Contains(got[m], e.Type) {
				t.Errorf("%s: mention %q not found as %s (got %v)", e.Name, m, e.Type, got[m])
			}
		}
	}
	for _, m := range want.Entities.MustNot {
		if len(got[m]) > 0 {
			t.Errorf("must-not %q found as %v", m, got[m])
		}
	}
}
