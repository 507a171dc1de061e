package server

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findChromium returns a Chromium or Chrome binary: $TIDINGS_CHROME, else
// the first of the usual names on $PATH.
func findChromium() string {
	if p := os.Getenv("TIDINGS_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactDir is where screenshots go: $TIDINGS_ARTIFACTS, else a
// temporary directory of the test.
func artifactDir(t *testing.T) string {
	if d := os.Getenv("TIDINGS_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// browser starts headless Chromium and returns a context for one tab with
// a time limit, plus a function that reports uncaught exceptions and CSP
// violations of the page as test errors.
func browser(t *testing.T) (context.Context, func()) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := findChromium()
	if bin == "" {
		t.Skip("no chromium binary found (install Debian's chromium or set TIDINGS_CHROME): browser tests skipped")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelB(); cancelA() })
	// The first call starts the browser; it must not carry a timeout.
	if err := chromedp.Do(bctx); err != nil {
		t.Skipf("chromium %s does not start: %v", bin, err)
	}
	var mu sync.Mutex
	var problems []string
	msgs := chromedp.Console(bctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if testing.Verbose() {
				fmt.Fprintln(os.Stderr, "console:", m.String(), m.URL, m.Line, m.Column)
			}
			if m.IsException() || strings.Contains(m.Text, "Content Security Policy") {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	ctx, cancelT := context.WithTimeout(bctx, 30*time.Second)
	t.Cleanup(cancelT)
	check := func() {
		time.Sleep(100 * time.Millisecond) // let the last console events arrive
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("browser console: %s", p)
		}
	}
	return ctx, check
}

// run runs an action and fails the test on error.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// goHash moves the single-page app to hash and waits for ready.
func goHash(t *testing.T, ctx context.Context, hash, ready string) {
	t.Helper()
	run(t, ctx, "go to "+hash, chromedp.Steps(
		chromedp.Evaluate[chromedp.Void](`delete document.body.dataset.ready; location.hash = `+jsString(hash)+`; undefined`),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)),
		chromedp.WaitVisible(chromedp.CSS(ready)),
	))
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	buf := run(t, ctx, "screenshot", chromedp.FullScreenshot(100))
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", p)
}

func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	return run(t, ctx, "count "+sel, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return run(t, ctx, "text of "+sel, chromedp.Text(chromedp.CSS(sel)))
}

func TestBrowserDashboard(t *testing.T) {
	ctx, check := browser(t)
	srv, _ := newTestServer(t, Options{})
	dir := artifactDir(t)

	run(t, ctx, "load the dashboard and run a query", chromedp.Steps(
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#results .hit`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), "kyiv"),
		chromedp.Click(chromedp.CSS(`#go`)),
		chromedp.Poll[chromedp.Void](`location.hash.includes('q=kyiv') && document.querySelector('#total') && document.querySelector('#total').textContent === '3'`),
		chromedp.WaitVisible(chromedp.CSS(`#timeline svg.chart rect.bar`)),
		chromedp.WaitVisible(chromedp.CSS(`#facets .bars li`)),
	))
	if n := count(t, ctx, "#timeline rect.bar"); n < 3 {
		t.Errorf("chart has %d bars", n)
	}
	if n := count(t, ctx, "#results .hit"); n != 3 {
		t.Errorf("%d results, want 3", n)
	}
	screenshot(t, ctx, dir, "search.png")

	run(t, ctx, "open an article", chromedp.Steps(
		chromedp.Click(chromedp.CSS(`#results a[href="#/article/kyiv-strike"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#article-text .hl-entity`)),
	))
	for sel, min := range map[string]int{".hl-entity": 4, ".hl-quote": 1, ".hl-event": 1, ".hl-count": 2} {
		if n := count(t, ctx, "#article-text "+sel); n < min {
			t.Errorf("%d %s highlights, want at least %d", n, sel, min)
		}
	}
	// Offsets are code points: after an emoji (two UTF-16 units) the
	// highlights must still cover exactly the mentions.
	if s := text(t, ctx, "#article-text .hl-entity"); s != "Russian" {
		t.Errorf("first entity highlight %q, want Russian", s)
	}
	run(t, ctx, "click a fact", chromedp.Steps(
		chromedp.Click(chromedp.CSS(`#article-text .hl-count`)),
		chromedp.WaitVisible(chromedp.CSS(`#evidence-sentence`)),
	))
	if s := text(t, ctx, "#evidence-sentence"); !strings.Contains(s, "12 people were killed") {
		t.Errorf("evidence sentence %q", s)
	}
	if s := text(t, ctx, "#evidence"); !strings.Contains(s, "tidings/") {
		t.Errorf("evidence does not name the extractor: %q", s)
	}
	screenshot(t, ctx, dir, "article.png")

	goHash(t, ctx, "#/entity/Volodymyr%20Zelensky", `#entity-timeline svg.chart`)
	if s := text(t, ctx, "#entity-name"); s != "Volodymyr Zelensky" {
		t.Errorf("entity page name %q", s)
	}
	screenshot(t, ctx, dir, "entity.png")
	goHash(t, ctx, "#/map", `#map svg.worldmap circle.place`)
	screenshot(t, ctx, dir, "map.png")
	goHash(t, ctx, "#/network", `#network svg.network .node`)
	screenshot(t, ctx, dir, "network.png")
	check()
}

// TestBrowserXSS shows every page that displays the hostile article and
// checks that none of its payloads ran or became markup.
func TestBrowserXSS(t *testing.T) {
	ctx, check := browser(t)
	srv, _ := newTestServer(t, Options{})
	dir := artifactDir(t)
	run(t, ctx, "search", chromedp.Steps(
		chromedp.Navigate(srv.URL+"/#/search?q=breaking"),
		chromedp.WaitVisible(chromedp.CSS(`#results .hit`)),
		chromedp.WaitVisible(chromedp.CSS(`#facets .bars li`)),
	))
	goHash(t, ctx, "#/search?source="+url.QueryEscape(`"><script>window.__xss=7</script>`), `#results .hit`)
	goHash(t, ctx, "#/article/xss-article", `#article-text .hl-entity`)
	run(t, ctx, "click the quote", chromedp.Steps(
		chromedp.Click(chromedp.CSS(`#article-text .hl-quote`)),
		chromedp.WaitVisible(chromedp.CSS(`#evidence-sentence`)),
	))
	title := text(t, ctx, "#article-title")
	screenshot(t, ctx, dir, "xss-article.png")
	goHash(t, ctx, "#/entity/"+url.PathEscape(`<img src=x onerror="window.__xss=2">`), `#entity-name`)
	goHash(t, ctx, "#/network", `#network svg.network .node`)
	goHash(t, ctx, "#/map", `#map svg.worldmap circle.place`)
	time.Sleep(200 * time.Millisecond) // let any injected handler fire
	if v := run(t, ctx, "read window.__xss", chromedp.Evaluate[string](`typeof window.__xss`)); v != "undefined" {
		t.Error("an injected script ran (window.__xss is set)")
	}
	if n := count(t, ctx, "#app script, #app img, #app [onerror], #app [onload]"); n != 0 {
		t.Errorf("%d elements were made from article data", n)
	}
	if n := run(t, ctx, "javascript: links", chromedp.Evaluate[int](
		`[...document.querySelectorAll('a[href]')].filter(a => /^\s*javascript:/i.test(a.getAttribute('href'))).length`)); n != 0 {
		t.Errorf("%d javascript: links on the page", n)
	}
	if !strings.Contains(title, "<script>window.__xss=1</script>") {
		t.Errorf("title not shown as text: %q", title)
	}
	check()
}
