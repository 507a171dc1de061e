package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
)

// get fetches path and decodes the JSON answer into a generic value.
func get(t *testing.T, base, path string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, body
}

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	return v
}

func ids(hits []tidings.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

type searchAnswer struct {
	Articles []tidings.Hit `json:"articles"`
	Total    int           `json:"total"`
	Next     *string       `json:"next"`
}

func TestArticlesSearch(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	tests := []struct {
		query string
		want  []string // ids in order
	}{
		{"", []string{"istanbul-talks", "zelensky-appeal", "kyiv-strike", "xss-article", "tbilisi-protest"}},
		{"q=kyiv", []string{"zelensky-appeal", "kyiv-strike", "xss-article"}},
		{"q=" + url.QueryEscape(`"air defence" OR protesters`), []string{"zelensky-appeal", "tbilisi-protest"}},
		{"q=kyiv+NOT+missiles", []string{"zelensky-appeal", "xss-article"}},
		{"entity=donald+trump", []string{"kyiv-strike"}},
		{"entity_type=ORG", []string{"tbilisi-protest"}},
		{"actor_country=rus", []string{"istanbul-talks", "kyiv-strike"}},
		{"event_type=PROTEST", []string{"tbilisi-protest"}},
		{"theme=PEACE_TALKS", []string{"istanbul-talks"}},
		{"place=kyiv", []string{"zelensky-appeal", "kyiv-strike", "xss-article"}},
		{"source=news.example", []string{"zelensky-appeal", "tbilisi-protest"}},
		{"language=fr", nil},
		{"from=2025-04-24&to=2025-04-25", []string{"zelensky-appeal", "kyiv-strike"}},
		{"from=2025-04-24T00:00:00Z&to=2025-04-25T00:00:00Z", []string{"kyiv-strike"}},
		{"duplicates=true&q=missiles", []string{"kyiv-strike-copy", "kyiv-strike"}},
		{"q=kyiv&sort=relevance&entity_type=PERSON", nil}, // checked by set below
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			code, hdr, body := get(t, srv.URL, "/api/articles?"+tt.query)
			if code != 200 {
				t.Fatalf("status %d: %s", code, body)
			}
			if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
			res := decode[searchAnswer](t, body)
			if strings.Contains(tt.query, "relevance") {
				if res.Total != 3 || len(res.Articles) != 3 {
					t.Errorf("relevance: got %v", ids(res.Articles))
				}
				return
			}
			got := ids(res.Articles)
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if res.Total != len(tt.want) {
				t.Errorf("total %d, want %d", res.Total, len(tt.want))
			}
			if res.Articles == nil {
				t.Error("articles is null, want []")
			}
		})
	}
}

func TestArticlesSnippetAndPagination(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	_, _, body := get(t, srv.URL, "/api/articles?q=patriots")
	res := decode[searchAnswer](t, body)
	if len(res.Articles) != 1 || !strings.Contains(res.Articles[0].Snippet, "\ue000Patriots\ue001") {
		t.Fatalf("snippet not marked: %+v", res.Articles)
	}
	for _, sort := range []string{"date", "relevance"} {
		var seen []string
		path := "/api/articles?limit=2&q=kyiv+OR+russia+OR+tbilisi&sort=" + sort
		for page := 0; ; page++ {
			code, _, body := get(t, srv.URL, path)
			if code != 200 {
				t.Fatalf("%s page %d: %d %s", sort, page, code, body)
			}
			res := decode[searchAnswer](t, body)
			seen = append(seen, ids(res.Articles)...)
			if res.Total != 5 {
				t.Errorf("%s: total %d, want 5", sort, res.Total)
			}
			if res.Next == nil {
				break
			}
			if page > 5 {
				t.Fatal("pagination does not end")
			}
			path = "/api/articles?limit=2&q=kyiv+OR+russia+OR+tbilisi&sort=" + sort + "&cursor=" + url.QueryEscape(*res.Next)
		}
		if len(seen) != 5 {
			t.Errorf("%s: pages gave %v, want 5 distinct articles", sort, seen)
		}
		uniq := map[string]bool{}
		for _, id := range seen {
			uniq[id] = true
		}
		if len(uniq) != 5 {
			t.Errorf("%s: repeated articles across pages: %v", sort, seen)
		}
	}
}

func TestArticlesExport(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	code, hdr, body := get(t, srv.URL, "/api/articles?format=csv&limit=1")
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %s", code, hdr.Get("Content-Type"))
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || rows[0][0] != "id" {
		t.Fatalf("csv rows: %d (want header + 5, limit ignored): %q", len(rows), rows)
	}
	for _, r := range rows[1:] {
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("cell %q could run as a spreadsheet formula", cell)
			}
		}
	}
	code, hdr, body = get(t, srv.URL, "/api/articles?format=jsonl&q=kyiv")
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "application/x-ndjson") {
		t.Fatalf("jsonl: %d %s", code, hdr.Get("Content-Type"))
	}
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	if len(lines) != 3 {
		t.Fatalf("jsonl: %d lines, want 3", len(lines))
	}
	a := decode[tidings.Article](t, []byte(lines[1]))
	if a.ID != "kyiv-strike" || len(a.Events) != 1 || len(a.Counts) != 2 {
		t.Errorf("jsonl record incomplete: %+v", a)
	}
}

func TestBadParameters(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	tests := []struct{ path, want string }{
		{"/api/articles?from=yesterday", `"from"`},
		{"/api/articles?to=2025-13-01", `"to"`},
		{"/api/articles?from=2025-05-01&to=2025-04-01", "not before"},
		{"/api/articles?color=red", `unknown parameter "color"`},
		{"/api/articles?sort=popularity", `"sort"`},
		{"/api/articles?limit=0", `"limit"`},
		{"/api/articles?limit=abc", `"limit"`},
		{"/api/articles?format=xml", `"format"`},
		{"/api/articles?q=a&q=b", `given 2 times`},
		{"/api/articles?q=" + url.QueryEscape(`"unterminated`), `malformed search`},
		{"/api/articles?q=" + url.QueryEscape(`AND OR`), `malformed search`},
		{"/api/articles?cursor=bogus", `"cursor"`},
		{"/api/articles?event_type=" + url.QueryEscape("ASSAULT'; DROP TABLE articles;--"), `"event_type"`},
		{"/api/articles?actor_country=RUSSIA", `"actor_country"`},
		{"/api/articles?duplicates=maybe", `"duplicates"`},
		{"/api/articles/kyiv-strike?x=1", `unknown parameter "x"`},
		{"/api/timeline?interval=month", `"interval"`},
		{"/api/timeline?split=author", `"split"`},
		{"/api/timeline?from=2025-02-30", `"from"`},
		{"/api/entities?limit=1000", `"limit"`},
		{"/api/entities?sort=x", `unknown parameter "sort"`},
		{"/api/facets?q=" + url.QueryEscape(`(`), `malformed search`},
		{"/api/entities/Russia?interval=day", `unknown parameter "interval"`},
		{"/api/quotes?from=x", `"from"`},
		{"/api/quotes?entity=x", `unknown parameter "entity"`},
		{"/api/events?type=" + url.QueryEscape("<script>"), `"type"`},
		{"/api/events?country=" + url.QueryEscape("R1S"), `"country"`},
		{"/api/events?q=kyiv", `unknown parameter "q"`},
		{"/api/places?to=2025/04/01", `"to"`},
		{"/api/network?limit=-3", `"limit"`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, hdr, body := get(t, srv.URL, tt.path)
			if code != 400 {
				t.Fatalf("status %d, want 400: %s", code, body)
			}
			if !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
				t.Errorf("content type %q", hdr.Get("Content-Type"))
			}
			e := decode[errorBody](t, body)
			if !strings.Contains(e.Error, tt.want) {
				t.Errorf("error %q does not contain %q", e.Error, tt.want)
			}
		})
	}
	// The store survived the injection attempt.
	_, _, body := get(t, srv.URL, "/api/articles")
	if res := decode[searchAnswer](t, body); res.Total != 5 {
		t.Errorf("after bad queries: total %d, want 5", res.Total)
	}
}

func TestArticle(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	code, _, body := get(t, srv.URL, "/api/articles/kyiv-strike")
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	a := decode[tidings.Article](t, body)
	if a.Title != "Missile strike on Kyiv kills 12" || len(a.Entities) != 4 || len(a.Quotes) != 1 || *a.Quotes[0].Speaker != "Donald Trump" {
		t.Errorf("record: %+v", a)
	}
	for _, path := range []string{"/api/articles/nope", "/api/articles/" + url.PathEscape("a/b"), "/api/nothing"} {
		code, _, body = get(t, srv.URL, path)
		if code != 404 {
			t.Errorf("%s: status %d, want 404", path, code)
		}
		if e := decode[errorBody](t, body); e.Error == "" {
			t.Errorf("%s: no error message", path)
		}
	}
	// JSON escapes HTML so that a sniffing client cannot take it for a page.
	_, _, body = get(t, srv.URL, "/api/articles/xss-article")
	if bytes.Contains(body, []byte("<script>")) {
		t.Error("JSON answer carries a raw <script>")
	}
}

func TestTimeline(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	_, _, body := get(t, srv.URL, "/api/timeline?q=kyiv")
	tl := decode[tidings.Timeline](t, body)
	want := map[string][3]int{ // day: count, total (x1000 ratio)
		"2025-04-20": {0, 1, 0}, "2025-04-23": {1, 1, 1000}, "2025-04-24": {1, 1, 1000},
		"2025-04-25": {1, 1, 1000}, "2025-04-26": {0, 1, 0},
	}
	if tl.Interval != "day" || len(tl.Buckets) != len(want) {
		t.Fatalf("timeline: %+v", tl)
	}
	for _, b := range tl.Buckets {
		w, ok := want[b.Time.Format(time.DateOnly)]
		if !ok || b.Count != w[0] || b.Total != w[1] || int(b.Ratio*1000) != w[2] {
			t.Errorf("bucket %+v, want %v", b, w)
		}
	}
	_, _, body = get(t, srv.URL, "/api/timeline?interval=week&split=source")
	tl = decode[tidings.Timeline](t, body)
	if len(tl.Buckets) != 2 || tl.Buckets[0].Time.Weekday() != time.Monday || len(tl.Series) != 4 {
		t.Errorf("weekly split: %+v", tl)
	}
	if tl.Series[0].Key != "news.example" {
		t.Errorf("largest series %q, want news.example", tl.Series[0].Key)
	}
	_, _, body = get(t, srv.URL, "/api/timeline?interval=hour&split=event_type&actor_country=RUS")
	tl = decode[tidings.Timeline](t, body)
	if len(tl.Series) != 2 || tl.Buckets[0].Time.Hour() != 9 {
		t.Errorf("hourly event split: %+v", tl)
	}
}

func TestDuplicatesIncluded(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, path := range []string{"/api/timeline?duplicates=true&q=missiles", "/api/facets?duplicates=true",
		"/api/entities?duplicates=true&from=2025-04-24", "/api/places?duplicates=true", "/api/articles?duplicates=true&format=csv",
		"/api/timeline?duplicates=true&interval=week&split=source"} {
		if code, _, body := get(t, srv.URL, path); code != 200 {
			t.Errorf("%s: %d %s", path, code, body)
		}
	}
	_, _, body := get(t, srv.URL, "/api/timeline?duplicates=true&q=missiles")
	tl := decode[tidings.Timeline](t, body)
	for _, b := range tl.Buckets {
		if b.Time.Format(time.DateOnly) == "2025-04-24" && (b.Count != 2 || b.Total != 2) {
			t.Errorf("copies not counted: %+v", b)
		}
	}
}

func TestEntitiesAndFacets(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	_, _, body := get(t, srv.URL, "/api/entities?limit=3")
	ents := decode[struct{ Entities []tidings.EntityCount }](t, body).Entities
	if len(ents) != 3 || ents[0].Name != "Kyiv" || ents[0].Articles != 3 {
		t.Errorf("top entities: %+v", ents)
	}
	_, _, body = get(t, srv.URL, "/api/entities?entity_type=PERSON")
	for _, e := range decode[struct{ Entities []tidings.EntityCount }](t, body).Entities {
		if e.Type != "PERSON" {
			t.Errorf("entity_type=PERSON gave %+v", e)
		}
	}
	_, _, body = get(t, srv.URL, "/api/facets?q=kyiv")
	f := decode[tidings.Facets](t, body)
	if len(f.Entities) == 0 || len(f.Themes) == 0 || len(f.Sources) != 3 || len(f.EventTypes) != 3 {
		t.Errorf("facets: %+v", f)
	}
}

func TestEntityPage(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	code, _, body := get(t, srv.URL, "/api/entities/"+url.PathEscape("volodymyr zelensky"))
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	e := decode[tidings.EntitySummary](t, body)
	if e.Name != "Volodymyr Zelensky" || e.Type != "PERSON" || e.Articles != 2 || e.Mentions != 3 {
		t.Errorf("summary: %+v", e.EntityCount)
	}
	if len(e.Roles) != 1 || e.Roles[0].Key != "President" || len(e.Timeline) != 2 || len(e.Quotes) != 1 ||
		len(e.AsActor) != 1 || len(e.AsRecipient) != 0 || len(e.CoOccurring) == 0 {
		t.Errorf("page: %+v", e)
	}
	_, _, body = get(t, srv.URL, "/api/entities/Kyiv")
	e = decode[tidings.EntitySummary](t, body)
	if len(e.AsRecipient) != 2 || e.AsRecipient[0].Event.Type == "" || e.AsRecipient[0].ArticleID == "" {
		t.Errorf("Kyiv as recipient (by entity link): %+v", e.AsRecipient)
	}
	code, _, body = get(t, srv.URL, "/api/entities/protesters")
	if e = decode[tidings.EntitySummary](t, body); code != 200 || len(e.AsActor) != 1 || e.Articles != 0 {
		t.Errorf("untagged actor: %d %+v", code, e)
	}
	code, _, body = get(t, srv.URL, "/api/entities/Nobody")
	if code != 404 {
		t.Errorf("unknown entity: %d %s", code, body)
	}
}

func TestQuotesEventsPlacesNetwork(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	_, _, body := get(t, srv.URL, "/api/quotes?speaker=donald+trump")
	qs := decode[struct{ Quotes []tidings.QuoteHit }](t, body).Quotes
	if len(qs) != 1 || qs[0].Quote.Text != "Vladimir, STOP!" || qs[0].Quote.Sentence == nil || qs[0].ArticleID != "kyiv-strike" {
		t.Errorf("quotes by speaker: %+v", qs)
	}
	_, _, body = get(t, srv.URL, "/api/quotes?q=patriots&from=2025-04-25&to=2025-04-25")
	if qs := decode[struct{ Quotes []tidings.QuoteHit }](t, body).Quotes; len(qs) != 1 {
		t.Errorf("quotes by text and date: %+v", qs)
	}
	_, _, body = get(t, srv.URL, "/api/events?type=assault")
	ev := decode[tidings.EventResult](t, body)
	if ev.Total != 1 || ev.Events[0].Event.Actor.Name != "Russia" || len(ev.Aggregates) != 1 ||
		ev.Aggregates[0] != (tidings.CountAggregate{Day: "2025-04-24", Place: "Kyiv", Killed: 12, Wounded: 90, Articles: 1}) {
		t.Errorf("assault events: %+v", ev)
	}
	_, _, body = get(t, srv.URL, "/api/events?country=GEO&place=tbilisi")
	ev = decode[tidings.EventResult](t, body)
	if ev.Total != 2 || len(ev.Aggregates) != 1 || ev.Aggregates[0].Arrested != 30 {
		t.Errorf("events in Georgia: %+v", ev)
	}
	_, _, body = get(t, srv.URL, "/api/events?actor=russia&recipient=ukraine")
	if ev = decode[tidings.EventResult](t, body); ev.Total != 1 {
		t.Errorf("actor and recipient: %+v", ev)
	}
	_, _, body = get(t, srv.URL, "/api/places")
	ps := decode[struct{ Places []tidings.PlaceAggregate }](t, body).Places
	if len(ps) != 3 || ps[0].Name != "Kyiv" || ps[0].Articles != 3 || ps[0].Killed != 12 || ps[0].Wounded != 90 || ps[0].Events != 3 {
		t.Errorf("places: %+v", ps)
	}
	_, _, body = get(t, srv.URL, "/api/network")
	n := decode[tidings.Network](t, body)
	if len(n.Edges) != 6 || len(n.Nodes) < 6 {
		t.Errorf("network: %+v", n)
	}
}

func TestOpenAPIListsEveryRoute(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	code, _, body := get(t, srv.URL, "/api/openapi.json")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	for _, route := range apiRoutes() {
		method, path, _ := strings.Cut(route, " ")
		path = strings.ReplaceAll(path, "...}", "}")
		ops, ok := doc.Paths[path]
		if !ok {
			t.Errorf("route %s missing from openapi.json", route)
			continue
		}
		if _, ok := ops[strings.ToLower(method)]; !ok {
			t.Errorf("route %s: method missing from openapi.json", route)
		}
	}
	if len(doc.Paths) != len(apiRoutes()) {
		t.Errorf("openapi.json has %d paths, the server %d routes", len(doc.Paths), len(apiRoutes()))
	}
}

func TestSecurityHeaders(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, path := range []string{"/", "/api/articles", "/app.js"} {
		_, hdr, _ := get(t, srv.URL, path)
		if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if hdr.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
	}
}

func TestServeShutdown(t *testing.T) {
	db := openFixtureStore(t)
	s := New(db, nil, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- s.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addrc <- a }) }()
	var addr net.Addr
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatal(err)
	}
	if code, _, body := get(t, "http://"+addr.String(), "/api/articles?limit=1"); code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("shutdown: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server did not shut down")
	}
	if _, err := http.Get("http://" + addr.String() + "/"); err == nil {
		t.Error("server still answers after shutdown")
	}
	if err := New(db, nil, Options{}).ListenAndServe(context.Background(), "256.0.0.1:99999", nil); err == nil {
		t.Error("bad address accepted")
	}
}
