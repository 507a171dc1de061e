package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/sqlite"
)

func TestReorderArgs(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"kyiv strike", "--format", "json"}, []string{"--format", "json", "--", "kyiv strike"}},
		{[]string{"--limit=5", "kyiv", "--sort", "rank", "strike"}, []string{"--limit=5", "--sort", "rank", "--", "kyiv", "strike"}},
		{[]string{"a", "--", "--not-a-flag"}, []string{"--", "a", "--not-a-flag"}},
		{[]string{"-h"}, []string{"-h", "--"}},
		{[]string{"-", "x"}, []string{"--", "-", "x"}},
	}
	for _, tc := range tests {
		if got := reorderArgs(tc.in, searchValueFlags); !slices.Equal(got, tc.want) {
			t.Errorf("reorderArgs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseDateFlag(t *testing.T) {
	from, err := parseDateFlag("from", "2025-04-24", false)
	if err != nil || !from.Equal(time.Date(2025, 4, 24, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("from = %v, %v", from, err)
	}
	to, err := parseDateFlag("to", "2025-04-24", true)
	if err != nil || !to.Equal(time.Date(2025, 4, 24, 23, 59, 59, 0, time.UTC)) {
		t.Errorf("to = %v, %v", to, err)
	}
	if t2, err := parseDateFlag("to", "2025-04-24T10:00:00+03:00", true); err != nil || t2.Hour() != 10 {
		t.Errorf("rfc3339 = %v, %v", t2, err)
	}
	for _, bad := range []string{"24/04/2025", "2025-13-01", "yesterday"} {
		if _, err := parseDateFlag("from", bad, false); err == nil || !strings.Contains(err.Error(), "--from") {
			t.Errorf("parseDateFlag(%q) error = %v", bad, err)
		}
	}
}

// searchStore makes a store with three articles and returns its path.
func searchStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	day := func(d int) *time.Time { t := time.Date(2025, 4, d, 8, 0, 0, 0, time.UTC); return &t }
	for _, a := range []*tidings.Article{
		{ID: "k", Title: "Strike on Kyiv", Source: "voa", Language: "en", Published: day(24), Text: "Missiles hit Kyiv overnight."},
		{ID: "o", Title: "=HYPERLINK(\"evil\") \x1b[31mred", Source: "blog", Language: "en", Published: day(20), Text: "Kyiv port workers strike in Odesa."},
		{ID: "p", Title: "Paris", Source: "wire", Language: "fr", Published: day(18), Text: "Grève à Paris."},
	} {
		if _, err := db.Put(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func runSearch(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := cmdSearch(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestCmdSearch(t *testing.T) {
	db := searchStore(t)
	out, _, err := runSearch(t, "kyiv", "--db", db, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var hits []tidings.Hit
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatalf("json output %q: %v", out, err)
	}
	if len(hits) != 2 || hits[0].ID != "k" || hits[1].ID != "o" || !strings.Contains(hits[0].Snippet, "«Kyiv»") {
		t.Errorf("json hits = %+v", hits)
	}
	if !strings.Contains(out, `"duplicate_of": null`) || !strings.Contains(out, `"story": null`) {
		t.Errorf("json hits lack duplicate_of/story: %s", out)
	}

	out, _, err = runSearch(t, "--db", db, "--format=csv", "--from", "2025-04-19", "--to", "2025-04-20")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 2 || recs[0][0] != "id" || recs[1][0] != "o" || !strings.HasPrefix(recs[1][4], "'=") {
		t.Errorf("csv = %q, %v", recs, err)
	}

	out, _, err = runSearch(t, "--db", db, "--lang", "en", "--limit", "1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Strike on Kyiv") || !strings.Contains(out, "1 of 2 articles") || strings.Contains(out, "\x1b") {
		t.Errorf("table = %q", out)
	}

	out, _, err = runSearch(t, "--db", db, "--sort", "rank", "--format", "json", "kyiv", "strike")
	if err != nil || !strings.Contains(out, `"id": "k"`) || !strings.Contains(out, `"id": "o"`) {
		t.Errorf("rank search = %s, %v", out, err)
	}
	out, _, err = runSearch(t, "--db", db, "--format", "json", "nothing-matches-this")
	if err != nil || strings.TrimSpace(out) != "[]" {
		t.Errorf("no hits = %q, %v", out, err)
	}
}

func TestCmdSearchErrors(t *testing.T) {
	db := searchStore(t)
	missing := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"kyiv", "--db", missing}, "no store at " + missing + ": run tidings ingest first"},
		{[]string{"kyiv AND", "--db", db}, `bad query "kyiv AND"`},
		{[]string{"--db", db, "--from", "04/24/2025"}, `--from "04/24/2025"`},
		{[]string{"--db", db, "--format", "xml"}, `--format "xml"`},
		{[]string{"--db", db, "--sort", "best"}, `--sort "best"`},
		{[]string{"--db", db, "--limit", "0"}, `--limit 0`},
		{[]string{"--db", db, "--cursor", "junk"}, `invalid cursor`},
	}
	for _, tc := range tests {
		_, _, err := runSearch(t, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("search %q: error %v, want %q", tc.args, err, tc.want)
		}
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("search created %s", missing)
	}
	if _, _, err := runSearch(t, "--bogus"); err == nil {
		t.Error("unknown flag accepted")
	}
	if _, _, err := runSearch(t, "-h"); err != nil {
		t.Errorf("-h: %v", err)
	}
}
