package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/tidings/tidings"
)

// BenchmarkIngest measures Put: one transaction per article with all its
// facts, into a fresh store. The figure the backbone issue asks for is
//
//	go test ./sqlite -run '^$' -bench Ingest -benchtime 10000x
func BenchmarkIngest(b *testing.B) {
	db := openTest(b)
	s := newSynth(2024)
	arts := make([]*tidings.Article, b.N)
	bytes := 0
	for i := range arts {
		arts[i] = s.article(i)
		bytes += len(arts[i].Text)
	}
	ctx := context.Background()
	b.SetBytes(int64(bytes / max(1, b.N)))
	b.ResetTimer()
	start := time.Now()
	for _, a := range arts {
		if st, err := db.Put(ctx, a); err != nil || st != tidings.Stored {
			b.Fatal(st, err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

// benchStoreSize is the number of articles the search benchmark runs over.
const benchStoreSize = 100_000

// BenchmarkSearch reports search latency percentiles over a store of
// 100,000 synthetic articles, built once per run (a few minutes on two
// cores; set TIDINGS_BENCH_DB to a path to keep and reuse it):
//
//	go test ./sqlite -run '^$' -bench Search -benchtime 200x -timeout 30m
func BenchmarkSearch(b *testing.B) {
	db := benchStore(b)
	day := func(y int, m time.Month, d int) *time.Time { t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); return &t }
	cases := []struct {
		name string
		q    tidings.SearchQuery
	}{
		{"all", tidings.SearchQuery{}},
		{"word", tidings.SearchQuery{Text: "ceasefire"}},
		{"rare-word", tidings.SearchQuery{Text: "tanker"}},
		{"phrase", tidings.SearchQuery{Text: `"officials said"`}},
		{"and", tidings.SearchQuery{Text: "kyiv AND hospital"}},
		{"or-not", tidings.SearchQuery{Text: "(drone OR missile) NOT kyiv"}},
		{"prefix", tidings.SearchQuery{Text: "evacu*"}},
		{"rank", tidings.SearchQuery{Text: "refugees border", Sort: "rank"}},
		{"filters", tidings.SearchQuery{Text: "protest", Source: "voanews.com", Language: "en",
			From: day(2024, 6, 1), To: day(2025, 3, 1)}},
		{"date-range", tidings.SearchQuery{From: day(2025, 1, 1), To: day(2025, 1, 31)}},
	}
	ctx := context.Background()
	var all []time.Duration
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			for i := range b.N {
				q := c.q
				if i%2 == 1 { // every other query asks for the second page
					res, err := db.Search(ctx, q)
					if err != nil {
						b.Fatal(err)
					}
					q.Cursor = res.Next
				}
				start := time.Now()
				if _, err := db.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			reportPercentiles(b, lat)
			all = append(all, lat...)
		})
	}
	if len(all) > 0 {
		p50, p95 := percentiles(all)
		b.Logf("all queries over %d articles: p50 %.2f ms, p95 %.2f ms (%d queries)",
			benchStoreSize, ms(p50), ms(p95), len(all))
	}
}

func reportPercentiles(b *testing.B, lat []time.Duration) {
	p50, p95 := percentiles(lat)
	b.ReportMetric(ms(p50), "p50-ms")
	b.ReportMetric(ms(p95), "p95-ms")
}

func percentiles(lat []time.Duration) (p50, p95 time.Duration) {
	s := slices.Clone(lat)
	slices.Sort(s)
	at := func(p float64) time.Duration { return s[min(len(s)-1, int(p*float64(len(s))))] }
	return at(0.50), at(0.95)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// benchStore returns a store holding benchStoreSize synthetic articles. It
// is built only when a benchmark asks for it, never by plain "go test".
func benchStore(b *testing.B) *DB {
	b.Helper()
	path := os.Getenv("TIDINGS_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	n, err := db.Count(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if n >= benchStoreSize {
		return db
	}
	start := time.Now()
	s := newSynth(7)
	var batch []*tidings.Article
	for i := range benchStoreSize {
		a := s.article(i)
		if i < n {
			continue
		}
		batch = append(batch, a)
		if len(batch) == 500 || i == benchStoreSize-1 {
			if _, err := db.PutBatch(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.Logf("built a store of %d articles in %v", benchStoreSize, time.Since(start).Round(time.Second))
	if _, err := db.write.ExecContext(ctx, "PRAGMA optimize; INSERT INTO articles_fts(articles_fts) VALUES ('optimize')"); err != nil {
		b.Fatal(fmt.Errorf("optimize: %w", err))
	}
	return db
}

// BenchmarkIngestBatch measures PutBatch with batches of 200 articles:
//
//	go test ./sqlite -run '^$' -bench IngestBatch -benchtime 10000x
func BenchmarkIngestBatch(b *testing.B) {
	db := openTest(b)
	s := newSynth(2024)
	arts := make([]*tidings.Article, b.N)
	for i := range arts {
		arts[i] = s.article(i)
	}
	ctx := context.Background()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < len(arts); i += 200 {
		res, err := db.PutBatch(ctx, arts[i:min(i+200, len(arts))])
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil || r.Status != tidings.Stored {
				b.Fatal(r)
			}
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}
