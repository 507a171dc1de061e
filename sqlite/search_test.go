package sqlite

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
)

// searchFixture stores a handful of hand-written articles whose matches are
// easy to tell apart.
func searchFixture(t *testing.T) *DB {
	t.Helper()
	db := openTest(t)
	day := func(d int) *time.Time { return ptr(time.Date(2025, 4, d, 12, 0, 0, 0, time.UTC)) }
	arts := []*tidings.Article{
		{ID: "kyiv", Title: "Russian strike on Kyiv", Source: "voa", Language: "en", Published: day(24),
			Text: "A massive Russian missile strike hit Kyiv overnight, killing at least 12 people."},
		{ID: "kharkiv", Title: "Drone attack in Kharkiv", Source: "voa", Language: "en", Published: day(20),
			Text: "Drones struck Kharkiv; officials said the strike damaged a school."},
		{ID: "talks", Title: "Peace talks resume", Source: "wire", Language: "en", Published: day(22),
			Text: "Negotiators met in Istanbul as the U.S. pressed for a ceasefire in Ukraine."},
		{ID: "paris", Title: "Grève à Paris", Source: "wire", Language: "fr", Published: day(18),
			Text: "Les travailleurs de Paris ont fait grève contre la réforme."},
		{ID: "undated", Title: "Striking workers", Source: "blog", Language: "en",
			Text: "Workers kept striking at the port of Odesa for a third day."},
		{ID: "kyivstar", Title: "Kyivstar outage", Source: "blog", Language: "en", Published: day(10),
			Text: "The mobile operator Kyivstar restored service after a cyberattack."},
	}
	for _, a := range arts {
		mustPut(t, db, a)
	}
	return db
}

func ids(r *tidings.SearchResult) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func TestSearchOperators(t *testing.T) {
	db := searchFixture(t)
	tests := []struct {
		query string
		want  []string // newest first
	}{
		{"", []string{"kyiv", "talks", "kharkiv", "paris", "kyivstar", "undated"}},
		{"kyiv", []string{"kyiv"}},
		{"strike", []string{"kyiv", "kharkiv", "undated"}}, // porter stems "striking", not "struck"
		{`"missile strike"`, []string{"kyiv"}},
		{`"strike missile"`, nil},
		{"strike AND school", []string{"kharkiv"}},
		{"strike school", []string{"kharkiv"}},
		{"kyiv OR kharkiv", []string{"kyiv", "kharkiv"}},
		{"strike NOT kyiv", []string{"kharkiv", "undated"}},
		{"kyiv*", []string{"kyiv", "kyivstar"}},
		{"title:strike", []string{"kyiv", "undated"}}, // porter: Striking
		{"NEAR(missile kyiv, 3)", []string{"kyiv"}},
		{"U.S.", []string{"talks"}},
		{"u.s. ceasefire", []string{"talks"}},
		{"grève", []string{"paris"}},
		{"greve", []string{"paris"}}, // diacritics folded
		{"cyber-attack", nil},
		{"(kyiv OR odesa) AND workers", []string{"undated"}},
	}
	for _, tc := range tests {
		res, err := db.Search(context.Background(), tidings.SearchQuery{Text: tc.query})
		if err != nil {
			t.Errorf("Search(%q): %v", tc.query, err)
			continue
		}
		if got := ids(res); !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = %v, want %v", tc.query, got, tc.want)
		}
		if res.Total != len(tc.want) {
			t.Errorf("Search(%q).Total = %d, want %d", tc.query, res.Total, len(tc.want))
		}
	}
}

func TestSearchFilters(t *testing.T) {
	db := searchFixture(t)
	day := func(d int) *time.Time { return ptr(time.Date(2025, 4, d, 0, 0, 0, 0, time.UTC)) }
	tests := []struct {
		name string
		q    tidings.SearchQuery
		want []string
	}{
		{"from", tidings.SearchQuery{From: day(20)}, []string{"kyiv", "talks", "kharkiv"}},
		{"to", tidings.SearchQuery{To: day(19)}, []string{"paris", "kyivstar"}},
		{"range", tidings.SearchQuery{From: day(19), To: day(23)}, []string{"talks", "kharkiv"}},
		{"source", tidings.SearchQuery{Source: "wire"}, []string{"talks", "paris"}},
		{"language", tidings.SearchQuery{Language: "FR"}, []string{"paris"}},
		{"text and source", tidings.SearchQuery{Text: "strike", Source: "voa"}, []string{"kyiv", "kharkiv"}},
		{"text and date", tidings.SearchQuery{Text: "strike", From: day(21)}, []string{"kyiv"}},
		{"rank: title match first", tidings.SearchQuery{Text: "strike", Sort: "rank", Source: "voa"}, []string{"kyiv", "kharkiv"}},
		{"limit", tidings.SearchQuery{Limit: 2}, []string{"kyiv", "talks"}},
	}
	for _, tc := range tests {
		res, err := db.Search(context.Background(), tc.q)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got := ids(res); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestSearchHits(t *testing.T) {
	db := searchFixture(t)
	res, err := db.Search(context.Background(), tidings.SearchQuery{Text: "cyberattack"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %v", ids(res))
	}
	h := res.Hits[0]
	if !strings.Contains(h.Snippet, MarkOpen+"cyberattack"+MarkClose) {
		t.Errorf("snippet %q does not mark the match", h.Snippet)
	}
	if h.Title != "Kyivstar outage" || h.Source != "blog" || h.Language != "en" || h.Published == nil ||
		h.Published.Day() != 10 || h.DuplicateOf != nil || h.Story != nil {
		t.Errorf("hit = %+v", h)
	}
	res, err = db.Search(context.Background(), tidings.SearchQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if s := res.Hits[0].Snippet; !strings.HasPrefix(s, "A massive Russian") {
		t.Errorf("lead snippet = %q", s)
	}
}

func TestSearchBadQuery(t *testing.T) {
	db := searchFixture(t)
	for _, q := range []tidings.SearchQuery{
		{Text: `"unterminated`},
		{Text: `AND`},
		{Text: `kyiv AND`},
		{Text: `(kyiv`},
		{Text: `nosuchcolumn:kyiv`},
		{Text: `*`},
		{Sort: "relevance"},
		{Cursor: "garbage!"},
		{Cursor: "eyJzIjoiZGF0ZSJ9"},
		{From: ptr(time.Now()), To: ptr(time.Now().Add(-time.Hour))},
	} {
		_, err := db.Search(context.Background(), q)
		var bq interface{ BadQuery() bool }
		if !errors.Is(err, ErrBadQuery) || !strings.HasPrefix(err.Error(), "bad query") ||
			!errors.As(err, &bq) || !bq.BadQuery() {
			t.Errorf("Search(%+v) error = %v, want a bad query", q, err)
		}
	}
	// A cursor is tied to its query.
	res, err := db.Search(context.Background(), tidings.SearchQuery{Limit: 1})
	if err != nil || res.Next == "" {
		t.Fatal(res, err)
	}
	_, err = db.Search(context.Background(), tidings.SearchQuery{Limit: 1, Text: "kyiv", Cursor: res.Next})
	if !errors.Is(err, ErrBadQuery) {
		t.Errorf("cursor of another query: %v", err)
	}
}

func TestSearchPagination(t *testing.T) {
	db := openTest(t)
	s := newSynth(11)
	const n = 157
	for i := range n {
		a := s.article(i)
		if i%7 == 0 { // ties on the date must not lose or repeat hits
			a.Published = ptr(time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
		}
		mustPut(t, db, a)
	}
	for _, q := range []tidings.SearchQuery{
		{Limit: 10},
		{Limit: 9, Text: "ceasefire OR kyiv"},
		{Limit: 7, Text: "ceasefire OR kyiv", Sort: "rank"},
		{Limit: 5, Source: "voanews.com"},
		{Limit: 1000},
	} {
		first, err := db.Search(context.Background(), tidings.SearchQuery{Text: q.Text, Source: q.Source, Limit: MaxLimit, Sort: q.Sort})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		seen := map[string]bool{}
		pages := 0
		for {
			res, err := db.Search(context.Background(), q)
			if err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			if res.Total != first.Total {
				t.Fatalf("%+v: total %d, want %d", q, res.Total, first.Total)
			}
			for _, id := range ids(res) {
				if seen[id] {
					t.Fatalf("%+v: %s on two pages", q, id)
				}
				seen[id] = true
				got = append(got, id)
			}
			pages++
			if res.Next == "" {
				break
			}
			q.Cursor = res.Next
		}
		if !slices.Equal(got, ids(first)) || len(got) != first.Total {
			t.Errorf("%+v: pages give %d hits (%d pages), one page %d, total %d", q, len(got), pages, len(first.Hits), first.Total)
		}
		if q.Text == "" && q.Source == "" && len(got) != n {
			t.Errorf("all articles: %d hits, want %d", len(got), n)
		}
	}
}

func TestPrepareMatch(t *testing.T) {
	tests := []struct{ in, want string }{
		{"kyiv strike", "kyiv strike"},
		{`"missile strike" AND kyiv*`, `"missile strike" AND kyiv*`},
		{"U.S. ceasefire", `"U.S." ceasefire`},
		{"kyiv-strike", `"kyiv-strike"`},
		{"don't", `"don't"`},
		{"title:kyiv NOT (a OR b)", "title:kyiv NOT (a OR b)"},
		{`"unterminated`, `"unterminated`},
		{`say "he said ""hi""" now`, `say "he said ""hi""" now`},
		{"NEAR(a b, 5)", "NEAR(a b, 5)"},
		{"café über", "café über"},
	}
	for _, tc := range tests {
		if got := prepareMatch(tc.in); got != tc.want {
			t.Errorf("prepareMatch(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{"kyiv", `"a b"`, "a AND (b OR c*)", `x"y`, "NEAR(", "title:", "^a", "{title text}: x", "a - b"} {
		f.Add(s)
	}
	db := openTest(f)
	mustPut(f, db, &tidings.Article{ID: "1", Title: "Kyiv", Text: "A strike on Kyiv."})
	f.Fuzz(func(t *testing.T, q string) {
		_, err := db.Search(context.Background(), tidings.SearchQuery{Text: q, Limit: 2})
		if err != nil && !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%q): %v is not a bad query", q, err)
		}
	})
}

func FuzzCursor(f *testing.F) {
	f.Add("eyJzIjoiZGF0ZSIsInAiOjEsInEiOjIsImYiOiJ4In0")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := decodeCursor(s)
		if err == nil && (c.Sort == "" || c.Finger == "") {
			t.Errorf("decodeCursor(%q) = %+v without error", s, c)
		}
	})
}

func FuzzNormalizeURL(f *testing.F) {
	for _, s := range []string{"https://www.example.com/a/?utm_source=x#f", "http://x", "::", "https://a/b?c=d&e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeURL(s)
		if s != "" && strings.TrimSpace(s) != "" && n == "" {
			t.Errorf("NormalizeURL(%q) is empty", s)
		}
	})
}
