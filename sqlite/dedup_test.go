package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/dedup"
	"github.com/tidings/tidings/feed"
)

// dedupFixture reads a text of package dedup's test fixtures.
func dedupFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "dedup", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func openCoverage(t *testing.T, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.EnableCoverage()
	db.EnableCoverage() // idempotent
	return db
}

func strOf(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

// TestNearDuplicatesAndStories is issue 7's acceptance test at the store:
// a copy with a new headline and an added paragraph is marked duplicate_of
// the original, across a restart; an article on the same topic is not.
func TestNearDuplicatesAndStories(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cov.db")
	db := openCoverage(t, path)
	orig := dedupFixture(t, "original.txt")
	day := func(d int) *time.Time { x := time.Date(2025, 3, d, 9, 0, 0, 0, time.UTC); return &x }
	places := []tidings.Place{{Name: "Varna", Country: "BG"}, {Name: "Brezovo", Country: "BG"}}
	arts := []*tidings.Article{
		{ID: "orig", URL: "https://a.example/floods", Title: "Floods force thousands from homes", Text: orig, Published: day(10), Places: places},
		{ID: "copy", URL: "https://b.example/wire/123", Title: "Thousands flee as river bursts its banks",
			Text: orig + "\n\nThe prime minister's office said the visit would go ahead despite the weather.", Published: day(10), Places: places},
		{ID: "same-topic", URL: "https://a.example/search", Title: "Search for missing men goes on",
			Text: dedupFixture(t, "sametopic.txt"), Published: day(12), Places: places},
		{ID: "bank", URL: "https://c.example/rates", Title: "Rates unchanged", Text: dedupFixture(t, "unrelated.txt"), Published: day(10)},
	}
	for _, a := range arts {
		if st := mustPut(t, db, a); st != tidings.Stored {
			t.Fatalf("%s: status %v", a.ID, st)
		}
	}
	want := map[string][2]string{ // id: duplicate_of, story
		"orig": {"<nil>", "orig"}, "copy": {"orig", "orig"}, "same-topic": {"<nil>", ""}, "bank": {"<nil>", "bank"},
	}
	check := func(db *DB) {
		for id, w := range want {
			a, err := db.Get(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if got := strOf(a.DuplicateOf); got != w[0] {
				t.Errorf("%s: duplicate_of %s, want %s", id, got, w[0])
			}
			if a.Story == nil || (w[1] != "" && *a.Story != w[1]) {
				t.Errorf("%s: story %s, want %s", id, strOf(a.Story), w[1])
			}
		}
	}
	check(db)
	// A story whose reports give no figures has no ranges.
	ranges, err := db.StoryCasualties(ctx, "orig")
	if err != nil || len(ranges) != 0 {
		t.Errorf("story without counts: %+v %v", ranges, err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	// After a restart, another copy is still recognised.
	db = openCoverage(t, path)
	defer db.Close()
	again := &tidings.Article{ID: "copy2", URL: "https://d.example/x", Title: "River floods", Text: "UPDATED: " + orig, Published: day(11)}
	mustPut(t, db, again)
	want["copy2"] = [2]string{"orig", "orig"}
	check(db)
	// A caller's own values win.
	mine := "mine"
	own := &tidings.Article{ID: "own", Text: orig + " Extra words here for a new hash.", DuplicateOf: &mine, Story: &mine}
	mustPut(t, db, own)
	want["own"] = [2]string{"mine", "mine"}
	check(db)
	counted := &tidings.Article{ID: "counted", URL: "https://e.example/y", Title: "Varna floods: toll", Story: ptr("orig"),
		Text: "Two fishermen were found dead downstream, officials said.", Published: day(12),
		Counts: []tidings.Count{{Kind: "KILL", Number: 2, Qualifier: "exact"}}}
	mustPut(t, db, counted)
	ranges, err = db.StoryCasualties(ctx, "orig")
	if err != nil || len(ranges) != 1 || ranges[0].Min != 2 || ranges[0].Figures[0].Article != "counted" {
		t.Errorf("story casualties: %+v %v", ranges, err)
	}
}

func TestFeedState(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	var _ feed.State = db
	if c, err := db.FeedState(ctx, "https://x/feed"); err != nil || c != (feed.Conditional{}) {
		t.Fatalf("unknown feed: %+v %v", c, err)
	}
	c := feed.Conditional{ETag: `"abc"`, LastModified: "Fri, 14 Mar 2025 10:00:00 GMT"}
	if err := db.SaveFeedState(ctx, "https://x/feed", c, time.Now()); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.FeedState(ctx, "https://x/feed"); got != c {
		t.Errorf("feed state %+v", got)
	}
	if st, err := db.ItemState(ctx, "https://x/a"); err != nil || st.Status != "" {
		t.Fatalf("unknown item: %+v %v", st, err)
	}
	for _, st := range []feed.ItemState{{Status: feed.StatusFailed, Attempts: 1}, {Status: feed.StatusDone, Attempts: 1}} {
		if err := db.SaveItemState(ctx, "https://x/feed", "https://x/a", st); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.ItemState(ctx, "https://x/a"); got != st {
			t.Errorf("item state %+v, want %+v", got, st)
		}
	}
}

// BenchmarkPutWithCoverage measures Put with near-duplicate and story
// hooks against Put alone.
func BenchmarkPutWithCoverage(b *testing.B) {
	for _, cov := range []bool{false, true} {
		name := "plain"
		if cov {
			name = "coverage"
		}
		b.Run(name, func(b *testing.B) {
			db := openTest(b)
			if cov {
				db.EnableCoverage()
			}
			s := newSynth(3)
			i := 0
			for b.Loop() {
				a := s.article(i)
				a.ID = a.ID + "-" + name
				a.URL = ""
				if _, err := db.Put(context.Background(), a); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkDedupLookup measures near-duplicate look-ups (the Put hook's
// query) against 10,000 stored signatures.
func BenchmarkDedupLookup(b *testing.B) {
	ctx := context.Background()
	db := openTest(b)
	words := strings.Fields(strings.Repeat("the minister said talks with rebels in the north would resume after a ceasefire collapsed amid shelling of the city ", 20))
	text := func(i int) string {
		w := append([]string(nil), words...)
		for j := range w {
			if (j*7+i)%4 == 0 {
				w[j] += strconv.Itoa(i)
			}
		}
		return strings.Join(w, " ")
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	// No articles behind the signatures: check the keys at commit, which
	// never comes.
	if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
		b.Fatal(err)
	}
	ix := dedup.NewIndex(txDedup{tx}, 0)
	for i := 0; i < 10000; i++ {
		if err := ix.Add(ctx, "seed"+strconv.Itoa(i), text(i), ""); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		if _, err := ix.Lookup(ctx, "", text(20000+i)); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "checks/s")
}
