package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tidings/tidings/sqlite"
)

// watchSite serves an RSS feed of four items (one of whose pages fails)
// with ETag support, and counts requests.
type watchSite struct {
	mu                  sync.Mutex
	feedGets, notModify int
	pageGets            map[string]int
}

var watchPages = map[string]string{
	"/news/dam": "Engineers opened the spillway of the Lakeside dam on Monday after water levels rose sharply following a week of storms. " +
		"The regional water authority said the release was controlled and posed no danger to towns downstream, but advised residents to keep away from the riverbanks.",
	"/news/election": "Voters in the coastal province go to the polls on Sunday to choose a new council, with turnout expected to be low after a campaign dominated by housing costs. " +
		"Three parties are competing for the 41 seats, and polls suggest that no single party will win a majority.",
	"/news/museum": "A museum in the old harbour district reopened its doors on Saturday after a four-year renovation that cost nearly 30 million euros. " +
		"The collection of ship models and maritime paintings is now displayed in a new glass wing overlooking the water.",
}

func (s *watchSite) handler(t *testing.T) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.feedGets++
		if r.Header.Get("If-None-Match") == `"feed-1"` {
			s.notModify++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"feed-1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		base := "http://" + r.Host
		fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local Wire</title>`)
		for _, p := range []string{"/news/dam", "/news/broken", "/news/election", "/news/museum"} {
			fmt.Fprintf(w, `<item><title>%s</title><link>%s%s</link><pubDate>Fri, 14 Mar 2025 10:00:00 GMT</pubDate></item>`, p, base, p)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.pageGets[r.URL.Path]++
		s.mu.Unlock()
		text, ok := watchPages[r.URL.Path]
		if !ok {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><html><head><title>%s</title></head><body><nav>Home | World</nav><article><h1>%s</h1>", r.URL.Path, r.URL.Path)
		for _, sent := range strings.SplitAfter(text, ". ") {
			fmt.Fprintf(w, "<p>%s</p>\n", sent)
		}
		fmt.Fprint(w, "</article><footer>Copyright Local Wire</footer></body></html>")
	})
	return mux
}

// TestWatchOnce is issue 7's acceptance test: "tidings watch --once
// --allow-private" against a local server ingests every item once, reports
// the broken one and stores the rest; a second pass makes a conditional
// GET, answered 304, and fetches no page.
func TestWatchOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the analysis models")
	}
	site := &watchSite{pageGets: map[string]int{}}
	srv := httptest.NewServer(site.handler(t))
	defer srv.Close()
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	if err := os.WriteFile(feeds, []byte("# test feeds\n"+srv.URL+"/feed.xml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "t.db")
	args := []string{"watch", feeds, "--once", "--allow-private", "--db", db, "--delay", "1ms"}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	log := stderr.String()
	if !strings.Contains(log, "4 items, 4 new: 3 ingested, 1 failed") || !strings.Contains(log, "/news/broken: HTTP 500") {
		t.Errorf("log:\n%s", log)
	}
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	n, err := store.Count(context.Background())
	store.Close()
	if err != nil || n != 3 {
		t.Fatalf("stored %d articles (%v), want 3\n%s", n, err, log)
	}

	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("second pass: exit %d\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "not modified") || site.notModify != 1 {
		t.Errorf("second pass was not a conditional GET answered 304:\n%s", stderr.String())
	}
	for p, n := range site.pageGets {
		if n != 1 {
			t.Errorf("%s fetched %d times", p, n)
		}
	}
}
