package warc

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings/tidings"
)

// record builds one WARC/1.1 record.
func record(typ, uri, date, contentType string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n", typ, len(block)^len(uri))
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", date, contentType, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// response builds a response record around an HTTP message.
func response(uri string, status int, headers string, payload []byte) []byte {
	var h bytes.Buffer
	fmt.Fprintf(&h, "HTTP/1.1 %d X\r\n%sContent-Length: %d\r\n\r\n", status, headers, len(payload))
	h.Write(payload)
	return record("response", uri, "2025-03-14T10:00:00Z", "application/http; msgtype=response", h.Bytes())
}

func gz(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func page(title string) []byte {
	return []byte("<!doctype html><html><head><title>" + title + "</title></head><body><p>" +
		strings.Repeat(title+" text. ", 20) + "</p></body></html>")
}

// archive is a small archive with every kind of record the reader meets.
func archive(compress bool) (data []byte, wantURLs []string) {
	recs := [][]byte{
		record("warcinfo", "", "2025-03-14T09:00:00Z", "application/warc-fields", []byte("software: test\r\n")),
		record("request", "https://news.example/a", "2025-03-14T10:00:00Z", "application/http; msgtype=request",
			[]byte("GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n")),
		response("https://news.example/a", 200, "Content-Type: text/html; charset=utf-8\r\n", page("Alpha")),
		response("https://news.example/missing", 404, "Content-Type: text/html\r\n", page("Not found")),
		response("https://news.example/logo.png", 200, "Content-Type: image/png\r\n", []byte("\x89PNG\r\n\x1a\n....")),
		// Common Crawl style: header says gzip, payload already decoded.
		response("https://www.wire.example/b", 200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", page("Bravo")),
		// Archived as sent: really gzipped.
		response("https://news.example/c", 200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz(page("Charlie"))),
		// Chunked transfer kept in the archive.
		response("https://news.example/d", 200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
			[]byte(fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(page("Delta")), page("Delta")))),
		// Charset named only in the HTTP header.
		response("https://news.example/f", 200, "Content-Type: text/html; charset=windows-1251\r\n",
			[]byte("<!doctype html><html><body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p></body></html>")),
		// No Content-Type: sniffed.
		response("https://news.example/e", 200, "", page("Echo")),
		record("metadata", "https://news.example/e", "2025-03-14T10:00:00Z", "application/warc-fields", []byte("via: x\r\n")),
	}
	wantURLs = []string{"https://news.example/a", "https://www.wire.example/b", "https://news.example/c", "https://news.example/d", "https://news.example/f", "https://news.example/e"}
	var b bytes.Buffer
	for _, r := range recs {
		if compress {
			r = gz(r)
		}
		b.Write(r)
	}
	return b.Bytes(), wantURLs
}

func collect(t *testing.T, name string, data []byte) (docs []*tidings.Document, errs []error) {
	t.Helper()
	for doc, err := range ReadFrom(context.Background(), name, bytes.NewReader(data)) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, doc)
	}
	return docs, errs
}

func TestRead(t *testing.T) {
	for _, compress := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", compress), func(t *testing.T) {
			data, want := archive(compress)
			docs, errs := collect(t, "test.warc", data)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(docs) != len(want) {
				t.Fatalf("got %d documents, want %d", len(docs), len(want))
			}
			for i, d := range docs {
				if d.URL != want[i] {
					t.Errorf("doc %d: URL %q, want %q", i, d.URL, want[i])
				}
				if d.Format != tidings.FormatHTML || d.Published != nil {
					t.Errorf("doc %d: format %q published %v", i, d.Format, d.Published)
				}
				if d.Crawled == nil || d.Crawled.Format("2006-01-02T15:04:05Z07:00") != "2025-03-14T10:00:00Z" {
					t.Errorf("doc %d: crawled %v", i, d.Crawled)
				}
				if !bytes.HasPrefix(d.Body, []byte("<!doctype html>")) || !bytes.HasSuffix(d.Body, []byte("</html>")) {
					t.Errorf("doc %d: body not decoded: %q", i, d.Body[:min(40, len(d.Body))])
				}
				if !strings.HasPrefix(d.Name, "test.warc@") {
					t.Errorf("doc %d: name %q", i, d.Name)
				}
			}
			if !bytes.Contains(docs[4].Body, []byte("<p>Привет</p>")) {
				t.Errorf("windows-1251 page not decoded: %q", docs[4].Body)
			}
			if docs[1].Source != "wire.example" {
				t.Errorf("source %q", docs[1].Source)
			}
		})
	}
}

func TestCorruptRecordsSkipped(t *testing.T) {
	good, want := archive(true)
	var b bytes.Buffer
	b.Write(good[:len(good)/2])
	// A gzip member cut short, then garbage, then the rest.
	broken := gz(response("https://news.example/broken", 200, "Content-Type: text/html\r\n", page("Broken")))
	b.Write(broken[:len(broken)/2])
	b.WriteString("this is not a warc record at all")
	// Re-align: write the whole archive again after the damage.
	b.Write(good)
	// Finally a record whose body is shorter than its Content-Length.
	b.WriteString("WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2025-03-14T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 999\r\n\r\nHTTP/1.1 200 OK\r\n")
	docs, errs := collect(t, "bad.warc.gz", b.Bytes())
	if len(docs) < len(want) {
		t.Errorf("got %d documents, want at least %d", len(docs), len(want))
	}
	if len(errs) == 0 {
		t.Fatal("corruption not reported")
	}
	for _, err := range errs {
		var ie *tidings.InputError
		if !errors.As(err, &ie) || !strings.HasPrefix(ie.Name, "bad.warc.gz@") {
			t.Errorf("error %v does not name the record", err)
		}
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	var n int
	for _, err := range Read(context.Background(), filepath.Join(dir, "none.warc")) {
		n++
		var ie *tidings.InputError
		if !errors.As(err, &ie) {
			t.Errorf("missing file: %v", err)
		}
	}
	if n != 1 {
		t.Errorf("missing file gave %d results", n)
	}
	data, want := archive(true)
	path := filepath.Join(dir, "ok.warc.gz")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	n = 0
	for doc, err := range Read(context.Background(), path) {
		if err != nil {
			t.Fatal(err)
		}
		if doc.URL != want[n] {
			t.Errorf("doc %d: %q", n, doc.URL)
		}
		n++
		if n == 2 {
			break // stopping early must not hang or leak
		}
	}
	if !IsArchive(path) || !IsArchive("X.WARC") || IsArchive("a.html") {
		t.Error("IsArchive")
	}
}

func TestWholeFileGzip(t *testing.T) {
	plain, want := archive(false)
	dir := t.TempDir()
	for name, data := range map[string][]byte{"whole.warc.gz": gz(plain), "plain.warc": plain} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		n := 0
		for doc, err := range Read(context.Background(), path) {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if doc.URL != want[n] {
				t.Errorf("%s: doc %d URL %q", name, n, doc.URL)
			}
			n++
		}
		if n != len(want) {
			t.Errorf("%s: %d documents, want %d", name, n, len(want))
		}
	}
}

func TestOversizedBody(t *testing.T) {
	h := http200("text/html")
	big := bytes.Repeat([]byte("a"), MaxBody+1)
	data := response("https://news.example/big", 200, h, big)
	data = append(data, response("https://news.example/a", 200, h, page("A"))...)
	docs, errs := collect(t, "big.warc", data)
	if len(docs) != 1 || len(errs) != 1 {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
	if !strings.Contains(errs[0].Error(), "limit") {
		t.Errorf("error %v", errs[0])
	}
}

func http200(ct string) string { return "Content-Type: " + ct + "\r\n" }

func TestContextCancel(t *testing.T) {
	data, _ := archive(false)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, err := range ReadFrom(ctx, "x", bytes.NewReader(data)) {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("got %v", err)
		}
	}
}

func FuzzRead(f *testing.F) {
	data, _ := archive(false)
	f.Add(data)
	gzData, _ := archive(true)
	f.Add(gzData[:300])
	f.Add([]byte("WARC/1.0\r\nContent-Length: -5\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		n := 0
		for doc, err := range ReadFrom(context.Background(), "fuzz", bytes.NewReader(b)) {
			if err == nil && doc == nil {
				t.Fatal("nil document without error")
			}
			n++
			if n > len(b)+10 {
				t.Fatal("reader does not advance")
			}
		}
	})
}
