package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/source"
)

// newsSite is a test server: a feed of five items (three good pages, one
// that fails, one forbidden by robots.txt) with ETag support, counting
// what it is asked.
type newsSite struct {
	*httptest.Server
	mu          sync.Mutex
	feedGets    int
	conditional int
	notModified int
	pages       map[string]int
}

func newNewsSite(t *testing.T) *newsSite {
	s := &newsSite{pages: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.feedGets++
		const etag = `"v1"`
		if r.Header.Get("If-None-Match") != "" {
			s.conditional++
		}
		if r.Header.Get("If-None-Match") == etag {
			s.notModified++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rssFeed(s.URL))
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.pages[r.URL.Path]++
		s.mu.Unlock()
		if strings.Contains(r.URL.Path, "broken") {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>%s</title></head><body><article><p>Body of %s.</p></article></body></html>", r.URL.Path, r.URL.Path)
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.pages[r.URL.Path]++
		s.mu.Unlock()
		fmt.Fprint(w, "<html>secret</html>")
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func rssFeed(base string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test News</title>`)
	for _, p := range []string{"/news/one", "/news/two", "/news/broken", "/news/three", "/private/four"} {
		fmt.Fprintf(&b, "<item><title>Story %s</title><link>%s%s</link><guid>%s</guid><pubDate>Fri, 14 Mar 2025 10:00:00 GMT</pubDate><author>x@example.com (Ann Writer)</author></item>", p, base, p, p)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

type recordingSink struct {
	mu   sync.Mutex
	docs []*tidings.Document
}

func (s *recordingSink) Ingest(_ context.Context, d *tidings.Document) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs = append(s.docs, d)
	return nil
}

func TestWatcherPass(t *testing.T) {
	ctx := context.Background()
	site := newNewsSite(t)
	state := NewMemState()
	sink := &recordingSink{}
	var logBuf bytes.Buffer
	opts := Options{AllowPrivate: true, HostDelay: -1, Log: &logBuf}
	feeds := []string{site.URL + "/feed.xml", site.URL + "/missing.xml"}
	reps := NewWatcher(state, sink, opts).Pass(ctx, feeds)
	r := reps[0]
	if r.Err != nil || r.Items != 5 || r.New != 5 || r.Ingested != 3 || r.Failed != 1 || r.Skipped != 1 {
		t.Fatalf("first pass: %+v", r)
	}
	if reps[1].Err == nil {
		t.Error("missing feed not reported")
	}
	if len(sink.docs) != 3 {
		t.Fatalf("ingested %d documents", len(sink.docs))
	}
	d := sink.docs[0]
	if d.Format != tidings.FormatHTML || d.Source != "Test News" || d.Published == nil || d.Crawled == nil ||
		!strings.HasSuffix(d.URL, "/news/one") || d.Title != "Story /news/one" || !bytes.Contains(d.Body, []byte("Body of /news/one")) {
		t.Errorf("document: %+v", d)
	}
	log := logBuf.String()
	for _, want := range []string{"3 ingested, 1 failed, 1 skipped", "/news/broken: HTTP 500", "missing.xml: error"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if site.pages["/private/four"] != 0 {
		t.Error("robots.txt ignored")
	}

	// A restart with the same state: the feed is unchanged, nothing is
	// fetched again.
	sink2 := &recordingSink{}
	r = NewWatcher(state, sink2, opts).Pass(ctx, feeds[:1])[0]
	if !r.NotModified || len(sink2.docs) != 0 {
		t.Errorf("second pass: %+v, %d docs", r, len(sink2.docs))
	}
	if site.conditional != 1 || site.notModified != 1 {
		t.Errorf("server saw %d conditional GETs, %d answered 304", site.conditional, site.notModified)
	}
	for p, n := range site.pages {
		if n != 1 {
			t.Errorf("%s fetched %d times", p, n)
		}
	}
}

func TestRetryFailedItems(t *testing.T) {
	ctx := context.Background()
	site := newNewsSite(t)
	state := NewMemState()
	opts := Options{AllowPrivate: true, HostDelay: -1}
	for i := 0; i < MaxAttempts+2; i++ {
		// Forget the ETag so the feed is read again each pass.
		state.SaveFeedState(ctx, site.URL+"/feed.xml", Conditional{}, time.Now())
		NewWatcher(state, &recordingSink{}, opts).Pass(ctx, []string{site.URL + "/feed.xml"})
	}
	if n := site.pages["/news/broken"]; n != MaxAttempts {
		t.Errorf("broken page tried %d times, want %d", n, MaxAttempts)
	}
	if n := site.pages["/news/one"]; n != 1 {
		t.Errorf("good page fetched %d times", n)
	}
}

func TestFetcherRefusesPrivate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "hi") }))
	defer srv.Close()
	f := NewFetcher(false, 5*time.Second, "")
	_, err := f.Get(context.Background(), srv.URL, Conditional{}, 100)
	if !errors.Is(err, ErrForbiddenAddress) {
		t.Errorf("loopback fetched: %v", err)
	}
	f = NewFetcher(true, 5*time.Second, "")
	if r, err := f.Get(context.Background(), srv.URL, Conditional{}, 100); err != nil || string(r.Body) != "hi" {
		t.Errorf("allow-private: %v", err)
	}
	if _, err := f.Get(context.Background(), "file:///etc/passwd", Conditional{}, 100); err == nil {
		t.Error("file URL fetched")
	}
}

func TestForbiddenAddresses(t *testing.T) {
	tests := map[string]bool{
		"127.0.0.1": true, "10.1.2.3": true, "172.16.0.1": true, "192.168.1.1": true,
		"169.254.169.254": true, "100.100.100.200": true, "0.0.0.0": true, "::1": true,
		"fe80::1": true, "fd00:ec2::254": true, "::ffff:127.0.0.1": true, "64:ff9b::a00:1": true,
		"8.8.8.8": false, "2606:4700::1111": false, "93.184.216.34": false,
	}
	for addr, want := range tests {
		err := refusePrivate("tcp", addr+":80", nil)
		if addr[0] != '[' && strings.Contains(addr, ":") {
			err = refusePrivate("tcp6", "["+addr+"]:80", nil)
		}
		if got := err != nil; got != want {
			t.Errorf("%s: refused=%v, want %v", addr, got, want)
		}
	}
}

func TestFetcherLimits(t *testing.T) {
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("a"), 4096)
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := NewFetcher(true, 500*time.Millisecond, "")
	ctx := context.Background()
	tests := []struct{ path, want string }{
		{"/loop", "redirect loop"},
		{"/chain/", "redirects"},
		{"/endless", "limit"},
		{"/slow", "timeout|deadline"},
	}
	for _, tt := range tests {
		_, err := f.Get(ctx, srv.URL+tt.path, Conditional{}, 1<<20)
		ok := false
		for _, w := range strings.Split(tt.want, "|") {
			ok = ok || (err != nil && strings.Contains(err.Error(), w))
		}
		if !ok {
			t.Errorf("%s: %v, want error with %q", tt.path, err, tt.want)
		}
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clean", `<?xml version="1.0"?><a>x</a>`, `<?xml version="1.0"?><a>x</a>`},
		{"bom and space", "\xef\xbb\xbf  \n<?xml version=\"1.0\"?><a/>", `<?xml version="1.0"?><a/>`},
		{"controls", "<a>x\x00y\x1bz\x0b</a>", "<a>xyz</a>"},
		{"cp1252 bytes", "<a>caf\xe9 \x93q\x94</a>", "<a>café “q”</a>"},
		{"latin1 declared", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xe9</a>", `<?xml version="1.0" encoding="utf-8"?><a>café</a>`},
		{"mislabelled utf8", "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>café</a>", `<?xml version="1.0" encoding="utf-8"?><a>café</a>`},
		{"utf16", "\xff\xfe<\x00a\x00>\x00\xe9\x00<\x00/\x00a\x00>\x00", "<a>é</a>"},
		{"nonchars", "<a>x\uFFFEy\uFFFF</a>", "<a>xy</a>"},
	}
	for _, tt := range tests {
		if got := string(Sanitize([]byte(tt.in))); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestParseHostileFeeds(t *testing.T) {
	feeds := map[string]string{
		"illegal chars": "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T\x01</title><item><title>A\x0c</title><link>/a</link></item></channel></rss>",
		"latin1":        "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>Caf\xe9</title><item><title>\x93A\x94</title><link>http://x.example/a</link></item></channel></rss>",
		"atom":          `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><link href="a"/><id>tag:1</id><updated>2025-03-14T10:00:00Z</updated></entry></feed>`,
		"bare amp":      `<rss version="2.0"><channel><title>A & B</title><item><title>Q&A &nbsp; now</title><link>http://x.example/a?x=1&y=2</link></item></channel></rss>`,
	}
	for name, data := range feeds {
		f, err := Parse([]byte(data), "http://x.example/feed")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(f.Items) != 1 || !strings.HasPrefix(f.Items[0].Link, "http://x.example/a") {
			t.Errorf("%s: items %+v", name, f.Items)
		}
	}
	// Cut short after two items: both are kept.
	full := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><link>http://x.example/a</link></item><item><title>B</title><link>http://x.example/b</link></item><item><title>C</title><li`
	f, err := Parse([]byte(full), "")
	if err != nil || len(f.Items) != 2 {
		t.Errorf("truncated RSS: %v %+v", err, f)
	}
	atom := `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><link href="http://x.example/a"/></entry><entry><title>B</ti`
	if f, err := Parse([]byte(atom), ""); err != nil || len(f.Items) != 1 {
		t.Errorf("truncated Atom: %v %+v", err, f)
	}
	if _, err := Parse([]byte("<html>not a feed</html>"), ""); err == nil {
		t.Error("HTML parsed as a feed")
	}
}

func TestRobots(t *testing.T) {
	const txt = `# comment
User-agent: googlebot
Disallow: /

User-agent: *
Crawl-delay: 2.5
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search?

User-agent: tidings
User-agent: other
Disallow: /nottidings/
`
	star := ParseRobots([]byte(txt), "somebot/1.0")
	ours := ParseRobots([]byte(txt), DefaultUserAgent)
	tests := []struct {
		r    *Robots
		path string
		want bool
	}{
		{star, "/news/a", true},
		{star, "/private/x", false},
		{star, "/private/open/x", true},
		{star, "/doc.pdf", false},
		{star, "/doc.pdf?x", true},
		{star, "/search?q=1", false},
		{star, "/robots.txt", true},
		{ours, "/private/x", true},
		{ours, "/nottidings/a", false},
		{DisallowAll, "/a", false},
		{AllowAll, "/a", true},
	}
	if star.CrawlDelay != 2500*time.Millisecond || ours.CrawlDelay != 0 {
		t.Errorf("crawl delays %v %v", star.CrawlDelay, ours.CrawlDelay)
	}
	for _, tt := range tests {
		if got := tt.r.Allowed(tt.path); got != tt.want {
			t.Errorf("Allowed(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestReadList(t *testing.T) {
	urls, err := readList("feeds.txt", strings.NewReader("# feeds\n\nhttps://a.example/rss # main\nhttps://a.example/rss\nhttp://b.example/atom\n"))
	if err != nil || len(urls) != 2 || urls[0] != "https://a.example/rss" {
		t.Errorf("got %v %v", urls, err)
	}
	if _, err := readList("feeds.txt", strings.NewReader("ftp://x\n")); err == nil || !strings.Contains(err.Error(), "feeds.txt:1") {
		t.Errorf("bad line: %v", err)
	}
}

func FuzzSanitize(f *testing.F) {
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><link>http://a/\xe9</link></item></channel></rss>"))
	f.Add([]byte("\xef\xbb\xbf<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"x\"/></entry></feed>"))
	f.Add([]byte("\xfe\xff\x00<\x00a"))
	f.Add([]byte("<a>\x00\x01\xff\xfe</a>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		out := Sanitize(b)
		if !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8 out of %q", b)
		}
		for _, r := range string(out) {
			if !legalXML(r) {
				t.Fatalf("illegal XML character %U out of %q", r, b)
			}
		}
		Parse(b, "http://x.example/") // must not panic
	})
}

func TestDeclaredToUTF8(t *testing.T) {
	tests := []struct{ body, ct, want string }{
		{"caf\xe9", "text/html; charset=iso-8859-1", "café"},
		{"café", "text/html; charset=iso-8859-1", "café"}, // already UTF-8
		{"caf\xe9", "text/html", "caf\xe9"},               // left to the extractor
		{"caf\xe9", "text/html; charset=bogus", "caf\xe9"},
	}
	for _, tt := range tests {
		if got := string(source.DecodeDeclared([]byte(tt.body), tt.ct)); got != tt.want {
			t.Errorf("%q %q: got %q, want %q", tt.body, tt.ct, got, tt.want)
		}
	}
}
