package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzQuery sends arbitrary query strings to the read endpoints: the answer
// must be 200 or a 400 with a message, never a server error or a panic.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{
		"q=kyiv", "q=%22air+defence%22+OR+protesters", "q=(", "q=a:b", "q=NEAR(a+b,+2)", "q=kyi*",
		"from=2025-04-01&to=2025-05-01", "from=x", "entity=Kyiv&entity_type=GPE", "limit=3&cursor=abc",
		"sort=relevance&q=kyiv", "interval=week&split=source", "q=%00%ff", "q=-x", "q=^kyiv", "q={title}:kyiv",
		"unit=stories&q=kyiv", "collapse=story&sort=relevance&q=kyiv&limit=1", "collapse=story&cursor=ZHwxfDI",
		"unit=stories&split=event_type&duplicates=true",
	} {
		f.Add("/api/articles", s)
		f.Add("/api/timeline", s)
		f.Add("/api/facets", s)
	}
	f.Add("/api/events", "type=ASSAULT&actor=Russia")
	f.Add("/api/quotes", "speaker=x&q=%25")
	db := openFixtureStore(f)
	h := New(db, nil, Options{})
	paths := []string{"/api/articles", "/api/timeline", "/api/facets", "/api/entities", "/api/places",
		"/api/events", "/api/quotes", "/api/network", "/api/entities/Kyiv", "/api/stories/kyiv-strike"}
	f.Fuzz(func(t *testing.T, path, raw string) {
		ok := false
		for _, p := range paths {
			ok = ok || p == path
		}
		if !ok {
			path = paths[len(path)%len(paths)]
		}
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path = path
		req.URL.RawQuery = raw
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200:
		case 400:
			if !strings.Contains(rec.Body.String(), `"error"`) {
				t.Errorf("400 without message: %s", rec.Body)
			}
		default:
			t.Errorf("%s?%s: status %d: %s", path, raw, rec.Code, rec.Body)
		}
	})
}

// FuzzInputDoc checks that any ingest line gives a document or an error.
func FuzzInputDoc(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"x"}`, `{"html":"<p>x</p>","published":"2025-01-02"}`, `{"text":"x","published":"bad"}`,
		`{"text":1}`, `[]`, `{"text":"a","html":"b"}`, `{`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		doc, err := parseInputDoc("line", line)
		if (doc == nil) == (err == nil) {
			t.Fatalf("doc %v, err %v", doc, err)
		}
		if doc != nil && doc.Format != "text" && doc.Format != "html" {
			t.Errorf("format %q", doc.Format)
		}
	})
}
