package extract

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestScrapedPage extracts the hand-written scraped page: metadata, the
// body without navigation, sidebar or footer, and the body's own furniture
// left for the cleaner (the advertisement line, the repeated quote).
func TestScrapedPage(t *testing.T) {
	res, err := New().Extract(context.Background(), readFixture(t, "scraped-page.html"), "https://courier.example.org/local/port-alder-sea-wall")
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "Harbor town votes to rebuild its sea wall after winter storms" {
		t.Errorf("title %q", res.Title)
	}
	if len(res.Authors) != 1 || res.Authors[0] != "Maren Holt" {
		t.Errorf("authors %q", res.Authors)
	}
	if res.Published == nil || res.Published.Format(time.RFC3339) != "2025-03-12T09:15:00Z" {
		t.Errorf("published %v", res.Published)
	}
	if res.URL != "https://courier.example.org/local/port-alder-sea-wall" {
		t.Errorf("url %q", res.URL)
	}
	if res.SiteName != "The Coastline Courier" || res.Language != "en" || res.Method != MethodTrafilatura {
		t.Errorf("site %q language %q method %q", res.SiteName, res.Language, res.Method)
	}
	text := res.Text()
	for _, want := range []string{
		"Port Alder's town council voted seven to two",
		"The harbor board will hold an open evening",
		"said councillor Tomas Reyes.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, bad := range []string{"Most read", "Ferry timetable", "All rights reserved", "We use cookies", "Business"} {
		if strings.Contains(text, bad) {
			t.Errorf("body has page furniture %q", bad)
		}
	}
	if strings.HasPrefix(text, res.Title) {
		t.Error("body starts with the title")
	}
	for _, p := range res.Paragraphs {
		if strings.Contains(p, "\n") || p != strings.TrimSpace(p) {
			t.Errorf("paragraph not normalised: %q", p)
		}
	}
}

func TestParagraphBoundaries(t *testing.T) {
	page := `<html><body><article>
<h2>Sub head</h2><p>First <b>bo</b>ld para&nbsp;graph of the story, long enough to count as real text for the extractor here.</p>
<ul><li>Item one</li><li>Item two</li><li>
<b>Ann</b> <i>Lee</i> met us. Since <strong>Bob Roe's</strong> injury, <a href="/c"><strong>Cy Poe</strong></a> has <em>played</em> well.</li></ul>
<blockquote>A quoted passage.</blockquote>
<div>Line one<br>Line two</div>
<table><tr><td>cell a</td><td>cell b</td></tr></table>
<p>` + strings.Repeat("More words of the article body follow here. ", 12) + `</p>
</article></body></html>`
	res, err := NewWithOptions(Options{MinText: 0}).Extract(context.Background(), []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(res.Paragraphs, "|")
	// go-trafilatura trims the text around inline elements in list items;
	// markListSpaces keeps the spaces.
	for _, want := range []string{"First bold para graph", "Item one|Item two", "A quoted passage.", "Line one|Line two", "cell a cell b",
		"Ann Lee met us. Since Bob Roe's injury, Cy Poe has played well."} {
		if !strings.Contains(got, want) {
			t.Errorf("paragraphs %q lack %q", got, want)
		}
	}
}

func TestHoverCards(t *testing.T) {
	card := `<span class="card"><span><img src="/a.jpg" alt=""><a href="/p/lee">Ann Lee</a>` +
		`<a href="/n/1">Lee wins the vote on the harbour plan</a> <a href="/n/2">More</a></span></span>`
	page := `<html><body><article>
<p>The council heard from Rep. <span class="who"><a href="/p/lee">Ann Lee</a>` + card + `</span> (D-Ore.) on Monday, and ` +
		strings.Repeat("the debate on the harbour plan went on for hours. ", 6) + `</p>
<p>A photo <span><img src="/b.jpg" alt=""> of the harbour</span> and <a href="/x">a link</a> stay.</p>
<p>` + strings.Repeat("More words of the article body follow here. ", 12) + `</p>
</article></body></html>`
	res, err := NewWithOptions(Options{MinText: 0}).Extract(context.Background(), []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(res.Paragraphs, "|")
	if !strings.Contains(got, "Rep. Ann Lee (D-Ore.) on Monday") || strings.Contains(got, "wins the vote") {
		t.Errorf("hover card kept or name lost: %q", got)
	}
	if !strings.Contains(got, "of the harbour and a link stay") {
		t.Errorf("an inline picture with one link was dropped: %q", got)
	}
}

func TestCharsets(t *testing.T) {
	body := strings.Repeat("Le conseil municipal a voté mardi la reconstruction de la digue du port. ", 8)
	latin1 := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r))
		}
		return b
	}
	tests := []struct {
		name string
		page []byte
	}{
		{"utf-8", []byte(`<html><head><meta charset="utf-8"></head><body><p>` + body + `</p></body></html>`)},
		{"declared latin-1", latin1(`<html><head><meta charset="iso-8859-1"></head><body><p>` + body + `</p></body></html>`)},
		{"http-equiv windows-1252", latin1(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>` + body + `</p></body></html>`)},
		{"undeclared legacy", latin1(`<html><body><p>` + body + `</p></body></html>`)},
		{"utf-8 page declaring latin-1", []byte(`<html><head><meta charset="iso-8859-1"></head><body><p>` + body + `</p></body></html>`)},
		{"utf-8 with BOM", []byte("\xef\xbb\xbf<html><body><p>" + body + "</p></body></html>")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New().Extract(context.Background(), tt.page, "")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(res.Text(), "Le conseil municipal a voté mardi") {
				t.Errorf("text = %q", res.Text())
			}
		})
	}
}

func TestNoContent(t *testing.T) {
	for name, page := range map[string]string{
		"empty":           "",
		"no body":         "<html><head><title>Only a title</title></head></html>",
		"empty body":      "<html><head><title>x</title></head><body>  </body></html>",
		"scripts only":    "<html><body><script>var a = 1;</script><style>p{}</style></body></html>",
		"not html at all": "\x00\x01\x02\x03",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := New().Extract(context.Background(), []byte(page), "")
			if !errors.Is(err, ErrNoContent) {
				t.Errorf("err = %v, want ErrNoContent", err)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	ex := NewWithOptions(Options{MaxPage: 10})
	if _, err := ex.Extract(context.Background(), []byte("<p>01234567890</p>"), ""); err == nil {
		t.Error("want an error for a page over MaxPage")
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New().Extract(ctx, readFixture(t, "scraped-page.html"), ""); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

// TestConcurrent runs one extractor from several goroutines (run with
// -race to check for shared state).
func TestConcurrent(t *testing.T) {
	page := readFixture(t, "scraped-page.html")
	ex := New()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := ex.Extract(context.Background(), page, ""); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

func TestSplitAuthors(t *testing.T) {
	tests := map[string]string{
		"":                       "",
		"Jane Roe":               "Jane Roe",
		"Jane Roe; John Doe":     "Jane Roe|John Doe",
		"By Jane Roe and Li Wei": "Jane Roe|Li Wei",
	}
	for in, want := range tests {
		if got := strings.Join(splitAuthors(in), "|"); got != want {
			t.Errorf("splitAuthors(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzExtract checks that no page makes the extractor panic or return a
// result without paragraphs.
func FuzzExtract(f *testing.F) {
	f.Add([]byte("<html><body><p>Hello, world. This is a page.</p></body></html>"))
	f.Add([]byte("<table><tr><td><p>x</td></p><br><pre>a\nb</pre>"))
	f.Add([]byte("<meta charset=shift_jis><p>\x82\xa0\x82\xa2</p>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		res, err := New().Extract(context.Background(), page, "http://example.org/a")
		if err == nil && (res == nil || len(res.Paragraphs) == 0) {
			t.Fatal("nil error with no paragraphs")
		}
	})
}

// BenchmarkExtract measures HTML pages per second over the Zyte benchmark
// pages when ../shared is present, else over the scraped-page fixture.
func BenchmarkExtract(b *testing.B) {
	pages := zytePages(b)
	if len(pages) == 0 {
		pages = [][]byte{readFixture(b, "scraped-page.html")}
	}
	ex := New()
	ctx := context.Background()
	var n int
	b.ResetTimer()
	for b.Loop() {
		ex.Extract(ctx, pages[n%len(pages)], "")
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}

// zytePages loads the Zyte benchmark pages from ../shared, or nil.
func zytePages(b *testing.B) [][]byte {
	dir := filepath.Join("..", "..", "shared", "data", "extraction", "zyte", "html")
	files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	var pages [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			continue
		}
		page, err := io.ReadAll(zr)
		if err == nil {
			pages = append(pages, page)
		}
	}
	return pages
}

func TestMarkEdges(t *testing.T) {
	mark := string(spaceMark)
	for _, tt := range []struct{ in, want string }{
		{"plain", "plain"},
		{" lead", mark + "lead"},
		{"trail\n", "trail" + mark},
		{"\u2003—dash\u2003", mark + "—dash" + mark},
		{"  ", "  "}, // whitespace alone, with no elements around it
	} {
		n := &html.Node{Type: html.TextNode, Data: tt.in}
		if got := markEdges(n); got != tt.want {
			t.Errorf("markEdges(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
