package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tidings/tidings"
)

// openTest opens a fresh store in a temporary directory, closed at cleanup.
func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}

func mustPut(t testing.TB, db *DB, a *tidings.Article) tidings.PutStatus {
	t.Helper()
	st, err := db.Put(context.Background(), a)
	if err != nil {
		t.Fatalf("put %s: %v", a.ID, err)
	}
	return st
}

func ptr[T any](v T) *T { return &v }

func TestPutGetRoundTrip(t *testing.T) {
	when := time.Date(2025, 4, 24, 7, 30, 0, 0, time.FixedZone("EEST", 3*3600))
	full := newSynth(1).article(7)
	full.DuplicateOf, full.Story = ptr("a0000001"), ptr("s42")
	tests := []struct {
		name string
		a    *tidings.Article
	}{
		{"minimal, nil lists", &tidings.Article{ID: "min", Text: "Just a line."}},
		{"normalized empty lists", func() *tidings.Article {
			a := &tidings.Article{ID: "norm", Title: "T", Text: "Body text here."}
			a.Normalize()
			return a
		}()},
		{"zoned time and unicode", &tidings.Article{ID: "uni", URL: "https://example.com/ä?x=1",
			Title: "Київ «under attack» 🚀", Text: "Удар по Києву.\n\nSecond paragraph, naïve café.",
			Published: &when, Language: "uk", Authors: []string{"Ю. Автор"}}},
		{"full synthetic record", full},
		{"speaker null and zero tone", &tidings.Article{ID: "q", Text: "\"Stop,\" someone said.",
			Quotes: []tidings.Quote{{Text: "Stop,", Start: 1, End: 6}}, Tone: &tidings.Tone{}}},
	}
	db := openTest(t)
	ctx := context.Background()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want, _ := json.Marshal(tc.a)
			if st := mustPut(t, db, tc.a); st != tidings.Stored {
				t.Fatalf("status %v, want Stored", st)
			}
			got, err := db.Get(ctx, tc.a.ID)
			if err != nil {
				t.Fatal(err)
			}
			gotJSON, _ := json.Marshal(got)
			if string(gotJSON) != string(want) {
				t.Errorf("round trip differs:\n got %s\nwant %s", gotJSON, want)
			}
		})
	}
	if _, err := db.Get(ctx, "nope"); !errors.Is(err, tidings.ErrNotFound) {
		t.Errorf("Get(unknown) = %v, want ErrNotFound", err)
	}
}

func TestPutRejects(t *testing.T) {
	db := openTest(t)
	for _, a := range []*tidings.Article{nil, {Text: "no id"}, {ID: "  ", Text: "blank id"}} {
		if _, err := db.Put(context.Background(), a); err == nil {
			t.Errorf("Put(%+v) succeeded, want error", a)
		}
	}
}

func TestDuplicates(t *testing.T) {
	base := "https://www.Example.com/world/kyiv-strike/?utm_source=rss&b=2&a=1#top"
	tests := []struct {
		name string
		a    tidings.Article
		want tidings.PutStatus
	}{
		{"first", tidings.Article{ID: "1", URL: base, Text: "Original text."}, tidings.Stored},
		{"same id", tidings.Article{ID: "1", Text: "Other text."}, tidings.Duplicate},
		{"http, no www, reordered, no tracking", tidings.Article{ID: "2", URL: "http://example.com/world/kyiv-strike?a=1&b=2", Text: "Changed."}, tidings.Duplicate},
		{"fbclid and fragment", tidings.Article{ID: "3", URL: "https://EXAMPLE.com:443/world/kyiv-strike?b=2&fbclid=zz&a=1#x", Text: "Changed again."}, tidings.Duplicate},
		{"other path", tidings.Article{ID: "4", URL: "https://example.com/world/kyiv-strike-2?a=1&b=2", Text: "Another story."}, tidings.Stored},
		{"other query value", tidings.Article{ID: "5", URL: "https://example.com/world/kyiv-strike?a=1&b=3", Text: "Yet another."}, tidings.Stored},
		{"path case matters", tidings.Article{ID: "6", URL: "https://example.com/World/Kyiv-Strike?a=1&b=2", Text: "Case story."}, tidings.Stored},
		{"text only", tidings.Article{ID: "7", Text: "A story\n\nwith two paragraphs."}, tidings.Stored},
		{"same text, other spacing and case", tidings.Article{ID: "8", Text: "  a STORY with\ttwo   paragraphs. "}, tidings.Duplicate},
		{"same text, new URL", tidings.Article{ID: "9", URL: "https://other.example/x", Text: "A story with two paragraphs."}, tidings.Duplicate},
		{"different text", tidings.Article{ID: "10", Text: "A story with three paragraphs."}, tidings.Stored},
		{"empty text twice is not a duplicate", tidings.Article{ID: "11", URL: "https://e.example/1"}, tidings.Stored},
		{"empty text twice, second", tidings.Article{ID: "12", URL: "https://e.example/2"}, tidings.Stored},
	}
	db := openTest(t)
	for _, tc := range tests {
		if got := mustPut(t, db, &tc.a); got != tc.want {
			t.Errorf("%s: status %v, want %v", tc.name, got, tc.want)
		}
	}
	n, err := db.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != 8 {
		t.Errorf("stored %d articles, want 8", n)
	}
}

func TestNormalizeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  https://Example.COM/a/b/  ", "https://example.com/a/b"},
		{"http://www.example.com/", "https://example.com"},
		{"https://example.com:8080/x#frag", "https://example.com:8080/x"},
		{"https://example.com/x?utm_medium=a&UTM_Campaign=b&id=3", "https://example.com/x?id=3"},
		{"https://example.com/x?z=1&a=2&gclid=9", "https://example.com/x?a=2&z=1"},
		{"https://example.com/x?", "https://example.com/x"},
		{"not a url", "not a url"},
		{"mailto:someone@example.com", "mailto:someone@example.com"},
		{"https://example.com/%E2%82%AC", "https://example.com/%E2%82%AC"},
	}
	for _, tc := range tests {
		if got := NormalizeURL(tc.in); got != tc.want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTextHash(t *testing.T) {
	if TextHash(" \n\t") != "" {
		t.Error("blank text has a hash")
	}
	if TextHash("Hello  World\n") != TextHash("hello world") {
		t.Error("hash depends on case or spacing")
	}
	if TextHash("hello world") == TextHash("hello worlds") {
		t.Error("different texts share a hash")
	}
}

func TestFactsAndRegistry(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	mk := func(id string, day int, mentions ...string) *tidings.Article {
		a := &tidings.Article{ID: id, Text: "text of " + id,
			Published: ptr(time.Date(2025, 4, day, 0, 0, 0, 0, time.UTC)),
			Themes:    []string{"PEACE_TALKS", "PEACE_TALKS"}}
		e := tidings.Entity{ID: "e1", Name: "Donald Trump", Type: tidings.EntityPerson, Country: "USA", Role: "President"}
		for _, m := range mentions {
			e.Mentions = append(e.Mentions, tidings.Span{Text: m, Start: 0, End: len(m)})
		}
		// The same canonical entity twice (an analyzer slip) counts the article once.
		a.Entities = []tidings.Entity{e, {ID: "e1", Name: "donald  trump", Type: tidings.EntityPerson}}
		return a
	}
	mustPut(t, db, mk("x", 10, "Trump", "Donald Trump"))
	mustPut(t, db, mk("y", 3, "Trump", "the US president"))
	var name, country, roles, aliases string
	var mentions, articles int
	var first, last int64
	err := db.read.QueryRowContext(ctx, `SELECT name, country, roles, aliases, mentions, articles, first_seen, last_seen
		FROM registry WHERE name_key = 'donald trump' AND type = 'PERSON'`).
		Scan(&name, &country, &roles, &aliases, &mentions, &articles, &first, &last)
	if err != nil {
		t.Fatal(err)
	}
	if name != "Donald Trump" || country != "USA" || roles != `["President"]` || mentions != 4 || articles != 2 {
		t.Errorf("registry row = %q %q %s mentions=%d articles=%d", name, country, roles, mentions, articles)
	}
	if aliases != `["Donald Trump","Trump","donald  trump","the US president"]` {
		t.Errorf("aliases = %s", aliases)
	}
	if time.Unix(first, 0).UTC().Day() != 3 || time.Unix(last, 0).UTC().Day() != 10 {
		t.Errorf("first/last seen = %v %v", time.Unix(first, 0), time.Unix(last, 0))
	}
	var eid, text string
	var start, end int
	err = db.read.QueryRowContext(ctx, `SELECT eid, span_start, span_end, text FROM mentions
		WHERE article_id = 'y' ORDER BY rowid DESC LIMIT 1`).Scan(&eid, &start, &end, &text)
	if err != nil || eid != "e1" || start != 0 || end != 16 || text != "the US president" {
		t.Errorf("last mention of y = %q %d %d %q, %v", eid, start, end, text, err)
	}
	for table, want := range map[string]int{"entities": 4, "mentions": 4, "themes": 2} {
		var n int
		if err := db.read.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s has %d rows, want %d", table, n, want)
		}
	}
}

func TestFactRowsMatchRecord(t *testing.T) {
	db := openTest(t)
	s := newSynth(3)
	for i := range 30 {
		mustPut(t, db, s.article(i))
	}
	if err := checkFacts(context.Background(), db); err != nil {
		t.Fatal(err)
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	for range 2 { // the second open finds everything applied
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := db.SchemaVersion(ctx)
		if err != nil || v < 1 {
			t.Fatalf("schema version %d, %v", v, err)
		}
		db.Close()
	}
	bad := []fstest.MapFS{
		{"migrations/1_x.sql": {Data: []byte("")}},
		{"migrations/001_x.sql": {}, "migrations/001_y.sql": {}},
		{"migrations/000_zero.sql": {}},
		{"migrations/002_Upper.sql": {}},
	}
	for _, fsys := range bad {
		if _, err := loadMigrations(fsys); err == nil {
			t.Errorf("loadMigrations(%v) accepted bad names", fsys)
		}
	}
	ms, err := loadMigrations(fstest.MapFS{"migrations/010_b.sql": {}, "migrations/002_a.sql": {}})
	if err != nil || len(ms) != 2 || ms[0].version != 2 || ms[1].version != 10 {
		t.Errorf("loadMigrations order = %+v, %v", ms, err)
	}
}

func TestOpenBadFile(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, []byte("this is not a database, just some text that is long enough"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{junk, filepath.Join(dir, "no", "such", "dir.db"), ""} {
		db, err := Open(context.Background(), path)
		if err == nil {
			db.Close()
			t.Errorf("Open(%q) succeeded", path)
		} else if !strings.Contains(err.Error(), path) {
			t.Errorf("Open(%q) error %q does not name the file", path, err)
		}
	}
}

func TestPutBatch(t *testing.T) {
	db := openTest(t)
	s := newSynth(8)
	a0, a1 := s.article(0), s.article(1)
	bad := s.article(2)
	bad.Entities = append(bad.Entities, bad.Entities[0]) // same eid twice is repaired, not fatal
	arts := []*tidings.Article{a0, a1, a0, nil, {ID: "x"}, bad}
	res, err := db.PutBatch(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	want := []tidings.PutStatus{tidings.Stored, tidings.Stored, tidings.Duplicate, 0, tidings.Stored, tidings.Stored}
	for i, r := range res {
		if (r.Err != nil) != (arts[i] == nil) || (r.Err == nil && r.Status != want[i]) {
			t.Errorf("article %d: %+v, want %v", i, r, want[i])
		}
	}
	if err := checkFacts(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	// A failing hook aborts only its article.
	db.addPutHook(putHook{name: "test", before: func(_ context.Context, _ *sql.Tx, a *tidings.Article) error {
		if a.ID == "fail" {
			return errors.New("refused")
		}
		return nil
	}})
	res, err = db.PutBatch(context.Background(), []*tidings.Article{{ID: "fail", Text: "f"}, {ID: "ok", Text: "o"}})
	if err != nil || res[0].Err == nil || res[1].Err != nil || res[1].Status != tidings.Stored {
		t.Fatalf("batch with failing hook: %+v, %v", res, err)
	}
	if _, err := db.Get(context.Background(), "fail"); !errors.Is(err, tidings.ErrNotFound) {
		t.Errorf("failed article was stored: %v", err)
	}
}

func TestConcurrentPut(t *testing.T) {
	db := openTest(t)
	s := newSynth(5)
	arts := make([]*tidings.Article, 60)
	for i := range arts {
		arts[i] = s.article(i)
	}
	const workers = 6
	var stored, dups [workers]int
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range arts { // every worker puts every article
				a := arts[(k+w*10)%len(arts)]
				c := *a // Put may not share the record's memory between goroutines
				st, err := db.Put(context.Background(), &c)
				if err != nil {
					errs <- fmt.Errorf("worker %d: %w", w, err)
					return
				}
				if st == tidings.Stored {
					stored[w]++
				} else {
					dups[w]++
				}
				if _, err := db.Search(context.Background(), tidings.SearchQuery{Text: "ceasefire"}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	total := 0
	for w := range workers {
		total += stored[w]
	}
	if total != len(arts) {
		t.Errorf("stored %d in total, want %d (each article exactly once)", total, len(arts))
	}
	if err := checkFacts(context.Background(), db); err != nil {
		t.Fatal(err)
	}
}

// checkFacts verifies that the store is whole: SQLite's integrity check, the
// FTS index against its content, and for every article as many fact rows as
// its record has facts.
func checkFacts(ctx context.Context, db *DB) error {
	var ok string
	if err := db.read.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		return fmt.Errorf("integrity_check: %q %v", ok, err)
	}
	if _, err := db.write.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		return fmt.Errorf("fts integrity-check: %w", err)
	}
	checks := map[string]string{
		"removed":  "json_array_length(a.record, '$.removed')",
		"entities": "json_array_length(a.record, '$.entities')",
		"quotes":   "json_array_length(a.record, '$.quotes')",
		"events":   "json_array_length(a.record, '$.events')",
		"counts":   "json_array_length(a.record, '$.counts')",
		"places":   "json_array_length(a.record, '$.places')",
		"themes":   "(SELECT count(DISTINCT value) FROM json_each(a.record, '$.themes'))",
		"mentions": "(SELECT ifnull(sum(json_array_length(value, '$.mentions')), 0) FROM json_each(a.record, '$.entities'))",
	}
	for table, want := range checks {
		var bad string
		err := db.read.QueryRowContext(ctx, `SELECT a.id FROM articles a
			WHERE ifnull(`+want+`, 0) != (SELECT count(*) FROM `+table+` f WHERE f.article_id = a.id) LIMIT 1`).Scan(&bad)
		if err == nil {
			return fmt.Errorf("article %s: %s rows do not match its record", bad, table)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("check %s: %w", table, err)
		}
	}
	return nil
}
