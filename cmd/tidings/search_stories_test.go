package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/sqlite"
)

// storiesStore makes a store with two stories: "s1" of three reports (one
// a near-duplicate) and "s2" of one.
func storiesStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stories.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	day := func(d int) *time.Time { t := time.Date(2025, 4, d, 8, 0, 0, 0, time.UTC); return &t }
	s1, s2, dup := "a1", "b1", "a1"
	for _, a := range []*tidings.Article{
		{ID: "a1", Title: "Strike on Kyiv", Source: "voa", Language: "en", Published: day(20), Text: "Missiles hit Kyiv overnight.", Story: &s1},
		{ID: "a2", Title: "Kyiv struck again", Source: "bbc", Language: "en", Published: day(21), Text: "Missiles hit Kyiv overnight, again.", Story: &s1},
		{ID: "a3", Title: "Strike on Kyiv (wire)", Source: "wire", Language: "en", Published: day(21), Text: "Missiles hit Kyiv overnight!", Story: &s1, DuplicateOf: &dup},
		{ID: "b1", Title: "Kyiv port strike", Source: "blog", Language: "en", Published: day(22), Text: "Kyiv port workers strike.", Story: &s2},
	} {
		if _, err := db.Put(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestCmdSearchStories(t *testing.T) {
	db := storiesStore(t)
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, out string)
	}{
		{"json", []string{"kyiv", "--db", db, "--stories", "--format", "json"}, func(t *testing.T, out string) {
			var hits []tidings.Hit
			if err := json.Unmarshal([]byte(out), &hits); err != nil {
				t.Fatalf("json %q: %v", out, err)
			}
			if len(hits) != 2 || hits[0].ID != "b1" || hits[0].Reports != 1 || hits[1].ID != "a1" || hits[1].Reports != 2 {
				t.Errorf("hits %+v", hits)
			}
		}},
		{"csv", []string{"--db", db, "--stories", "--format=csv", "--to", "2025-04-21"}, func(t *testing.T, out string) {
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(recs) != 2 || recs[0][9] != "reports" || recs[1][0] != "a1" || recs[1][9] != "2" {
				t.Errorf("csv %q %v", recs, err)
			}
		}},
		{"table", []string{"kyiv", "--stories", "--db", db, "--limit", "1"}, func(t *testing.T, out string) {
			if !strings.Contains(out, "REPORTS") || !strings.Contains(out, "Kyiv port strike") || !strings.Contains(out, "1 of 2 stories") {
				t.Errorf("table %q", out)
			}
		}},
		{"rank", []string{"missiles", "--stories", "--db", db, "--sort", "rank", "--format", "json"}, func(t *testing.T, out string) {
			if !strings.Contains(out, `"id": "a1"`) || !strings.Contains(out, `"reports": 2`) || strings.Contains(out, `"b1"`) {
				t.Errorf("rank %s", out)
			}
		}},
		{"articles", []string{"kyiv", "--db", db, "--format", "json"}, func(t *testing.T, out string) {
			if strings.Contains(out, `"reports"`) || !strings.Contains(out, `"id": "a2"`) {
				t.Errorf("without --stories %s", out)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := runSearch(t, tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, out)
		})
	}
	// A page's cursor continues the collapsed search.
	_, errOut, err := runSearch(t, "kyiv", "--stories", "--db", db, "--limit", "1")
	cur := strings.TrimSpace(strings.TrimPrefix(errOut, "more: add --cursor "))
	if err != nil || cur == "" || cur == errOut {
		t.Fatalf("first page: %q %v", errOut, err)
	}
	out, _, err := runSearch(t, "kyiv", "--stories", "--db", db, "--limit", "1", "--cursor", cur)
	if err != nil || !strings.Contains(out, "Strike on Kyiv") || !strings.Contains(out, "1 of 2 stories") {
		t.Errorf("second page %q %v", out, err)
	}
}
