package server

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"
)

func post(t *testing.T, url, token, ctype string, body io.Reader) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest("POST", url, body)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", ctype)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

func TestIngestToken(t *testing.T) {
	line := `{"id":"new-1","url":"https://x.example/1","title":"New","text":"Something happened in Kyiv.","published":"2025-04-27"}`
	off, _ := newTestServer(t, Options{})
	if code, _, body := post(t, off.URL+"/api/ingest", "anything", "application/x-ndjson", strings.NewReader(line)); code != 403 {
		t.Errorf("no token configured: %d %s, want 403", code, body)
	}
	srv, db := newTestServer(t, Options{Token: testToken})
	for _, tok := range []string{"", "wrong", testToken + "x"} {
		code, hdr, body := post(t, srv.URL+"/api/ingest", tok, "application/x-ndjson", strings.NewReader(line))
		if code != 401 || hdr.Get("WWW-Authenticate") == "" {
			t.Errorf("token %q: %d %s, want 401", tok, code, body)
		}
	}
	body := line + "\n" + line + "\n" + `{"id":"bad"` + "\n" + `{"id":"no-text"}` + "\n" +
		`{"id":"new-2","html":"<p>Hello</p>","published":"not a date"}` + "\n"
	code, _, out := post(t, srv.URL+"/api/ingest", testToken, "application/x-ndjson", strings.NewReader(body))
	if code != 200 {
		t.Fatalf("ingest: %d %s", code, out)
	}
	res := decode[ingestResponse](t, out)
	if res.Stored != 1 || res.Duplicates != 1 || res.Failed != 3 || res.Results[2].Name != "body:3" {
		t.Errorf("ingest result: %+v", res)
	}
	if _, err := db.Get(t.Context(), "new-1"); err != nil {
		t.Errorf("ingested article not stored: %v", err)
	}
	if code, _, out := post(t, srv.URL+"/api/ingest", testToken, "application/x-ndjson", strings.NewReader("\n\n")); code != 400 {
		t.Errorf("empty body: %d %s", code, out)
	}
}

func TestIngestMultipartAndLimits(t *testing.T) {
	srv, db := newTestServer(t, Options{Token: testToken, MaxBody: 4096, WriteRate: 0.001, WriteBurst: 2})
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "a.jsonl")
	fw.Write([]byte(`{"id":"m-1","text":"First multipart article."}` + "\n"))
	fw, _ = mw.CreateFormFile("file", "page.html")
	fw.Write([]byte(`<html><body><p>An HTML page.</p></body></html>`))
	mw.WriteField("note", "ignored")
	mw.Close()
	code, _, out := post(t, srv.URL+"/api/ingest", testToken, mw.FormDataContentType(), &buf)
	if code != 200 {
		t.Fatalf("multipart: %d %s", code, out)
	}
	if res := decode[ingestResponse](t, out); res.Stored != 2 {
		t.Errorf("multipart result: %+v", res)
	}
	if _, err := db.Get(t.Context(), "m-1"); err != nil {
		t.Error(err)
	}
	big := `{"id":"big","text":"` + strings.Repeat("x", 5000) + `"}`
	if code, _, out := post(t, srv.URL+"/api/ingest", testToken, "application/x-ndjson", strings.NewReader(big)); code != 413 && code != 400 {
		t.Errorf("oversized body: %d %s, want 413", code, out)
	}
	code, hdr, out := post(t, srv.URL+"/api/ingest", testToken, "application/x-ndjson", strings.NewReader(`{"id":"r","text":"t"}`))
	if code != 429 || hdr.Get("Retry-After") == "" {
		t.Errorf("rate limit: %d %s, want 429 with Retry-After", code, out)
	}
	if code, _, _ := get(t, srv.URL, "/api/articles"); code != 200 {
		t.Errorf("reads are rate limited too: %d", code)
	}
}

func TestTokenBucket(t *testing.T) {
	now := time.Unix(0, 0)
	b := newTokenBucket(2, 3, func() time.Time { return now })
	for i := 0; i < 3; i++ {
		if ok, _ := b.allow(); !ok {
			t.Fatalf("request %d refused within the burst", i)
		}
	}
	ok, wait := b.allow()
	if ok || wait != 500*time.Millisecond {
		t.Fatalf("over the burst: ok=%v wait=%v", ok, wait)
	}
	now = now.Add(time.Second)
	for i := 0; i < 2; i++ {
		if ok, _ := b.allow(); !ok {
			t.Fatalf("refill: request %d refused", i)
		}
	}
	if ok, _ := b.allow(); ok {
		t.Fatal("refill gave more than rate×time")
	}
}
