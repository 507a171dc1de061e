package warc

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// writeArchive writes a Common Crawl-like archive of about size bytes to
// path: per record, a request, an HTML response of 10–60 KB and a metadata
// record, each a gzip member when compress is set. It returns the number
// of HTML responses.
func writeArchive(t testing.TB, path string, size int64, compress bool) int {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cw := &countingWriter{w: bufio.NewWriterSize(f, 1<<20)}
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("the minister said on tuesday that talks with rebels in the north would resume after a ceasefire collapsed amid heavy shelling of the city")
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	put := func(rec []byte) {
		if !compress {
			cw.Write(rec)
			return
		}
		zw.Reset(cw)
		zw.Write(rec)
		zw.Close()
	}
	var sb strings.Builder
	n := 0
	for cw.n < size {
		uri := "https://news.example/story/" + strconv.Itoa(n)
		sb.Reset()
		sb.WriteString("<!doctype html><html><head><title>Story " + strconv.Itoa(n) + "</title></head><body>")
		for sb.Len() < 10_000+rng.IntN(50_000) {
			sb.WriteString("<p>")
			for range 60 {
				sb.WriteString(words[rng.IntN(len(words))])
				sb.WriteByte(' ')
			}
			sb.WriteString("</p>\n")
		}
		sb.WriteString("</body></html>")
		put(record("request", uri, "2025-03-14T10:00:00Z", "application/http; msgtype=request", []byte("GET / HTTP/1.1\r\nHost: news.example\r\n\r\n")))
		put(response(uri, 200, "Content-Type: text/html; charset=utf-8\r\nX-Crawler-Content-Encoding: gzip\r\n", []byte(sb.String())))
		put(record("metadata", uri, "2025-03-14T10:00:00Z", "application/warc-fields", []byte("fetchTimeMs: 120\r\n")))
		n++
	}
	if err := cw.w.(*bufio.Writer).Flush(); err != nil {
		t.Fatal(err)
	}
	return n
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// TestMemoryFlat reads a generated archive and checks that the heap stays
// small whatever its size. Plain runs use 8 MB; set TIDINGS_WARC_TEST_MB
// (e.g. 1024) to check a large archive.
func TestMemoryFlat(t *testing.T) {
	size := int64(8 << 20)
	if s := os.Getenv("TIDINGS_WARC_TEST_MB"); s != "" {
		mb, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("TIDINGS_WARC_TEST_MB: %v", err)
		}
		size = int64(mb) << 20
	}
	path := filepath.Join(t.TempDir(), "big.warc.gz")
	want := writeArchive(t, path, size, true)
	st, _ := os.Stat(path)
	var peak uint64
	var ms runtime.MemStats
	got := 0
	for doc, err := range Read(context.Background(), path) {
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Body) == 0 {
			t.Fatal("empty body")
		}
		got++
		if got%50 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	if got != want {
		t.Errorf("read %d pages, wrote %d", got, want)
	}
	t.Logf("%d MB archive (%d pages): peak heap in use %.1f MB", st.Size()>>20, got, float64(peak)/(1<<20))
	if peak > 64<<20 {
		t.Errorf("peak heap %.1f MB: reading is not streaming", float64(peak)/(1<<20))
	}
}

// BenchmarkRead measures records per second over a generated 32 MB
// archive of gzip members (a third of the records are HTML responses).
func BenchmarkRead(b *testing.B) {
	for _, compress := range []bool{true, false} {
		b.Run(fmt.Sprintf("gzip=%v", compress), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "bench.warc")
			pages := writeArchive(b, path, 32<<20, compress)
			st, _ := os.Stat(path)
			b.SetBytes(st.Size())
			b.ResetTimer()
			for b.Loop() {
				n := 0
				for _, err := range Read(context.Background(), path) {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != pages {
					b.Fatalf("read %d pages, want %d", n, pages)
				}
			}
			b.ReportMetric(float64(3*pages*b.N)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
