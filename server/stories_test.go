package server

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/sqlite"
)

// storyStore is a store with the dedup and story hooks on, holding one
// story of three reports (one a near-duplicate) whose KILL figures differ,
// and an unrelated story of one report, all on 2025-03-10:
//
//	orig  a.example  KILL 12  story orig
//	copy  b.example  KILL 12  near-duplicate of orig (left out of counts)
//	later c.example  KILL 15  story orig (set by the caller)
//	bank  a.example  no count story bank
//
// later's title carries a script-injection payload for the browser test.
func storyStore(t testing.TB) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "stories.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.EnableCoverage()
	t.Cleanup(func() { db.Close() })
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "dedup", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	orig := read("original.txt")
	at := func(h int) *time.Time { x := time.Date(2025, 3, 10, h, 0, 0, 0, time.UTC); return &x }
	kill := func(n int) []tidings.Count { return []tidings.Count{{Kind: "KILL", Number: n, Qualifier: "exact"}} }
	varna := []tidings.Entity{{ID: "E1", Name: "Varna", Type: "LOC"}}
	floods := "Floods in Varna killed fifteen people, the regional governor said on Monday evening."
	arts := []*tidings.Article{
		{ID: "orig", URL: "https://a.example/floods", Source: "a.example", Title: "Floods force thousands from homes",
			Text: orig, Published: at(8), Language: "en", Counts: kill(12), Entities: varna, Themes: []string{"FLOOD"}},
		{ID: "copy", URL: "https://b.example/wire/1", Source: "b.example", Title: "Thousands flee as river bursts its banks",
			Text: orig + "\n\nThe visit would go ahead despite the weather.", Published: at(9), Language: "en", Counts: kill(12),
			Entities: varna, Themes: []string{"FLOOD"}},
		{ID: "later", URL: "https://c.example/toll", Source: "c.example", Title: `Varna flood toll rises <img src=x onerror="window.__xss=9">`, Story: ptrTo("orig"),
			Text: floods, Published: at(10), Language: "en", Counts: kill(15), Entities: varna, Themes: []string{"FLOOD"}},
		{ID: "bank", URL: "https://a.example/rates", Source: "a.example", Title: "Rates unchanged", Text: read("unrelated.txt"),
			Published: at(11), Language: "en", Entities: varna, Themes: []string{"ECON"}},
	}
	for _, a := range arts {
		if _, err := db.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if a, err := db.Get(ctx, "copy"); err != nil || a.DuplicateOf == nil || *a.DuplicateOf != "orig" {
		t.Fatalf("fixture: copy is not marked a near-duplicate of orig: %+v %v", a, err)
	}
	srv := httptest.NewServer(New(db, nil, Options{}))
	t.Cleanup(srv.Close)
	return srv
}

func ptrTo[T any](v T) *T { return &v }

// TestUnitStories checks that unit=stories counts distinct stories and
// leaves near-duplicates out, and that unit=articles is the default.
func TestUnitStories(t *testing.T) {
	srv := storyStore(t)
	tests := []struct {
		name, path string
		check      func(t *testing.T, body []byte)
	}{
		{"timeline articles", "/api/timeline", func(t *testing.T, body []byte) {
			tl := decode[tidings.Timeline](t, body)
			if len(tl.Buckets) != 1 || tl.Buckets[0].Count != 3 || tl.Buckets[0].Total != 3 || tl.Unit != "articles" {
				t.Errorf("timeline %+v", tl)
			}
		}},
		{"timeline stories", "/api/timeline?unit=stories", func(t *testing.T, body []byte) {
			tl := decode[tidings.Timeline](t, body)
			if len(tl.Buckets) != 1 || tl.Buckets[0].Count != 2 || tl.Buckets[0].Total != 2 || tl.Unit != "stories" {
				t.Errorf("timeline %+v", tl)
			}
		}},
		{"timeline stories filtered", "/api/timeline?unit=stories&theme=FLOOD", func(t *testing.T, body []byte) {
			tl := decode[tidings.Timeline](t, body)
			if len(tl.Buckets) != 1 || tl.Buckets[0].Count != 1 || tl.Buckets[0].Total != 2 || tl.Buckets[0].Ratio != 0.5 {
				t.Errorf("timeline %+v", tl)
			}
		}},
		{"timeline stories with copies", "/api/timeline?unit=stories&duplicates=true&source=b.example", func(t *testing.T, body []byte) {
			tl := decode[tidings.Timeline](t, body)
			if len(tl.Buckets) != 1 || tl.Buckets[0].Count != 1 || tl.Buckets[0].Total != 2 {
				t.Errorf("timeline %+v", tl)
			}
		}},
		{"timeline stories split", "/api/timeline?unit=stories&split=source", func(t *testing.T, body []byte) {
			tl := decode[tidings.Timeline](t, body)
			got := map[string]int{}
			for _, s := range tl.Series {
				got[s.Key] = s.Buckets[0].Count
			}
			if got["a.example"] != 2 || got["c.example"] != 1 || got["b.example"] != 0 {
				t.Errorf("series %+v", got)
			}
		}},
		{"facets articles", "/api/facets", func(t *testing.T, body []byte) {
			f := decode[tidings.Facets](t, body)
			if facet(f.Themes, "FLOOD") != 2 || len(f.Entities) != 1 || f.Entities[0].Articles != 3 {
				t.Errorf("facets %+v", f)
			}
		}},
		{"facets stories", "/api/facets?unit=stories", func(t *testing.T, body []byte) {
			f := decode[tidings.Facets](t, body)
			if facet(f.Themes, "FLOOD") != 1 || facet(f.Themes, "ECON") != 1 || facet(f.Sources, "a.example") != 2 ||
				facet(f.Sources, "c.example") != 1 || len(f.Entities) != 1 || f.Entities[0].Articles != 2 || f.Unit != "stories" {
				t.Errorf("facets %+v", f)
			}
		}},
		{"entities stories", "/api/entities?unit=stories", func(t *testing.T, body []byte) {
			var res struct{ Entities []tidings.EntityCount }
			if err := json.Unmarshal(body, &res); err != nil || len(res.Entities) != 1 || res.Entities[0].Articles != 2 {
				t.Errorf("entities %s %v", body, err)
			}
		}},
		{"collapse", "/api/articles?collapse=story", func(t *testing.T, body []byte) {
			res := decode[articlesResponse](t, body)
			if res.Total != 2 || len(res.Articles) != 2 {
				t.Fatalf("collapsed %+v", res)
			}
			// bank's report is newer than the flood story's latest.
			if a := res.Articles[0]; a.ID != "bank" || a.Reports != 1 {
				t.Errorf("first story %+v", a)
			}
			if a := res.Articles[1]; a.ID != "orig" || a.Reports != 2 {
				t.Errorf("second story %+v", a)
			}
		}},
		// Three reports say "floods"; the copy counts only when asked for.
		{"collapse with copies", "/api/articles?collapse=story&duplicates=true&q=floods", func(t *testing.T, body []byte) {
			res := decode[articlesResponse](t, body)
			if res.Total != 1 || len(res.Articles) != 1 || res.Articles[0].ID != "orig" || res.Articles[0].Reports != 3 {
				t.Errorf("collapsed %+v", res)
			}
		}},
		{"collapse relevance", "/api/articles?collapse=story&q=varna+OR+rates&sort=relevance&limit=1", func(t *testing.T, body []byte) {
			res := decode[articlesResponse](t, body)
			if res.Total != 2 || len(res.Articles) != 1 || res.Next == nil {
				t.Errorf("collapsed %+v", res)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, body := get(t, srv.URL, tc.path)
			if code != 200 {
				t.Fatalf("%s: status %d: %s", tc.path, code, body)
			}
			tc.check(t, body)
		})
	}
}

// TestCollapsePages walks collapsed searches one story per page.
func TestCollapsePages(t *testing.T) {
	srv := storyStore(t)
	for _, tc := range []struct{ base, want string }{
		{"/api/articles?collapse=story&limit=1", "bank,orig"},
		{"/api/articles?collapse=story&limit=1&sort=relevance&q=varna+OR+rates", "bank,orig"},
	} {
		var ids []string
		path := tc.base
		for range 5 {
			code, _, body := get(t, srv.URL, path)
			if code != 200 {
				t.Fatalf("%s: status %d: %s", path, code, body)
			}
			res := decode[articlesResponse](t, body)
			for _, a := range res.Articles {
				ids = append(ids, a.ID)
			}
			if res.Next == nil {
				break
			}
			path = tc.base + "&cursor=" + *res.Next
		}
		if got := strings.Join(ids, ","); got != tc.want {
			t.Errorf("%s: pages %s, want %s", tc.base, got, tc.want)
		}
	}
}

func TestStory(t *testing.T) {
	srv := storyStore(t)
	code, _, body := get(t, srv.URL, "/api/stories/orig")
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	st := decode[storyResponse](t, body)
	var ids []string
	for _, r := range st.Reports {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, ",") != "orig,copy,later" || st.Reports[1].DuplicateOf == nil || *st.Reports[1].DuplicateOf != "orig" {
		t.Errorf("reports %+v", st.Reports)
	}
	if len(st.Casualties) != 1 {
		t.Fatalf("casualties %+v", st.Casualties)
	}
	c := st.Casualties[0]
	if c.Kind != "KILL" || c.Min != 12 || c.Max != 15 || len(c.Figures) != 2 ||
		c.Figures[0].Source != "a.example" || c.Figures[1].Source != "c.example" {
		t.Errorf("casualty range %+v", c)
	}
	if code, _, _ := get(t, srv.URL, "/api/stories/nope"); code != 404 {
		t.Errorf("unknown story: status %d", code)
	}
}

func TestStoryBadParameters(t *testing.T) {
	srv := storyStore(t)
	for _, path := range []string{
		"/api/timeline?unit=story",
		"/api/facets?unit=ARTICLES",
		"/api/entities?unit=",
		"/api/articles?collapse=stories",
		"/api/articles?collapse=story&format=csv",
		"/api/stories/orig?unit=stories",
	} {
		code, _, body := get(t, srv.URL, path)
		if path == "/api/entities?unit=" {
			if code != 200 { // an empty value is the default
				t.Errorf("%s: status %d", path, code)
			}
			continue
		}
		if code != 400 || !strings.Contains(string(body), "error") {
			t.Errorf("%s: status %d %s", path, code, body)
		}
	}
}

// facet returns the count of key among fs, 0 when absent.
func facet(fs []tidings.Facet, key string) int {
	for _, f := range fs {
		if f.Key == key {
			return f.Count
		}
	}
	return 0
}

// TestBrowserStories checks the dashboard's count toggle and the story box
// of the article page, whose data must arrive as text.
func TestBrowserStories(t *testing.T) {
	ctx, check := browser(t)
	srv := storyStore(t)
	dir := artifactDir(t)
	run(t, ctx, "search floods counting articles", chromedp.Steps(
		chromedp.Navigate(srv.URL+"/#/search?q=floods"),
		chromedp.Poll[chromedp.Void](`document.querySelector('#total') && document.querySelector('#total').textContent === '2'`),
		chromedp.WaitVisible(chromedp.CSS(`#facets .bars li`)),
	))
	run(t, ctx, "switch to stories", chromedp.Steps(
		chromedp.Click(chromedp.CSS(`#timeline a.unit-stories`)),
		chromedp.Poll[chromedp.Void](`location.hash.includes('unit=stories') && document.querySelector('#total') && document.querySelector('#total').textContent === '1'`),
		chromedp.WaitVisible(chromedp.CSS(`#results .hit .reports`)),
		chromedp.WaitVisible(chromedp.CSS(`#facets a.unit-stories.active`)),
	))
	if s := text(t, ctx, "#results .hit .reports"); s != "2 reports" {
		t.Errorf("reports chip %q", s)
	}
	screenshot(t, ctx, dir, "search-stories.png")
	goHash(t, ctx, "#/article/orig", `#story-casualties li.casualty`)
	if n := count(t, ctx, "#story-reports li.report"); n != 2 {
		t.Errorf("story box lists %d other reports, want 2", n)
	}
	if s := text(t, ctx, "#story-casualties"); !strings.Contains(s, "KILL 12–15") || !strings.Contains(s, "c.example: 15") {
		t.Errorf("casualty range %q", s)
	}
	if s := text(t, ctx, "#story-reports"); !strings.Contains(s, `<img src=x onerror="window.__xss=9">`) {
		t.Errorf("report title not shown as text: %q", s)
	}
	screenshot(t, ctx, dir, "article-story.png")
	if v := run(t, ctx, "read window.__xss", chromedp.Evaluate[string](`typeof window.__xss`)); v != "undefined" {
		t.Error("an injected script ran (window.__xss is set)")
	}
	if n := count(t, ctx, "#app script, #app img, #app [onerror]"); n != 0 {
		t.Errorf("%d elements were made from article data", n)
	}
	check()
}
