package entities

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/entities/entitiestest"
	"github.com/tidings/tidings/internal/shared"
	"github.com/tidings/tidings/nlp"
)

// seedArticle returns the example article with the page furniture that
// cleaning removes ("Read also" links, "Advertisement") dropped, and its
// expectations.
func seedArticle(t testing.TB) (string, expected) {
	dir := shared.Dir(t, "examples", "kyiv-strike")
	raw, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Skipf("seed article absent: %v", err)
	}
	var exp expected
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Skipf("seed expectations absent: %v", err)
	}
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	var keep []string
	for _, line := range strings.Split(string(raw), "\n") {
		l := strings.TrimSpace(line)
		if strings.HasPrefix(l, "Read also") || strings.HasPrefix(l, "Advertisement") {
			continue
		}
		keep = append(keep, line)
	}
	text := strings.Join(keep, "\n")
	for strings.Contains(text, "\n\n\n") {
		text = strings.ReplaceAll(text, "\n\n\n", "\n\n")
	}
	return strings.TrimSpace(text), exp
}

type expected struct {
	Entities struct {
		Must []struct {
			Name, Type, Country string
			Mentions            []string
		}
		MustNot []string `json:"must_not"`
	}
	Roles []struct{ Entity, Role, Country string }
}

// TestSeedArticle checks the dictionary spotter and the resolver on the
// cleaned example article, over the test tokenizer and over the real NLP
// pipeline (hyphens split, tags filled).
func TestSeedArticle(t *testing.T) {
	text, exp := seedArticle(t)
	t.Run("entitiestest", func(t *testing.T) { checkSeed(t, text, exp, entitiestest.Doc(text)) })
	t.Run("nlp", func(t *testing.T) {
		p, err := nlp.Load()
		if err != nil {
			t.Skipf("nlp pipeline: %v", err)
		}
		checkSeed(t, text, exp, p.Analyze(text))
	})
}

func checkSeed(t *testing.T, text string, exp expected, doc *nlp.Doc) {
	r, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	a := &tidings.Article{ID: "kyiv-strike", Text: text}
	if err := r.Annotate(context.Background(), doc, a); err != nil {
		t.Fatal(err)
	}
	checkSeed2(t, exp, a)
}

// checkSeed2 checks the entities of the annotated seed article.
func checkSeed2(t *testing.T, exp expected, a *tidings.Article) {
	text := a.Text
	byName := map[string]tidings.Entity{}
	for _, e := range a.Entities {
		byName[e.Name] = e
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text)
			if got := string([]rune(text)[m.Start:m.End]); got != m.Text {
				t.Errorf("%s: mention %q at %d:%d is %q in the text", e.ID, m.Text, m.Start, m.End, got)
			}
		}
		t.Logf("%s %s %q country=%s sector=%s role=%q mentions=%q", e.ID, e.Type, e.Name, e.Country, e.Sector, e.Role, ms)
	}
	for _, want := range exp.Entities.Must {
		e, ok := byName[want.Name]
		if !ok {
			t.Errorf("missing entity %q", want.Name)
			continue
		}
		if e.Type != want.Type || e.Country != want.Country {
			t.Errorf("%q: type %s country %s, want %s %s", want.Name, e.Type, e.Country, want.Type, want.Country)
		}
		for _, wm := range want.Mentions {
			found := false
			for _, m := range e.Mentions {
				found = found || m.Text == wm
			}
			if !found {
				t.Errorf("%q: mention %q not grouped", want.Name, wm)
			}
		}
	}
	for _, bad := range exp.Entities.MustNot {
		if _, ok := byName[bad]; ok {
			t.Errorf("entity %q must not be found", bad)
		}
	}
	for _, want := range exp.Roles {
		e := byName[want.Entity]
		if titleKey(e.Role) != titleKey(want.Role) || e.Country != want.Country {
			t.Errorf("%q: role %q country %s, want %q %s", want.Entity, e.Role, e.Country, want.Role, want.Country)
		}
	}
}
