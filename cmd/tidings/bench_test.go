package main

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/shared"
	"github.com/tidings/tidings/source"
)

// benchDocs reads the documents of path, or fails the benchmark.
func benchDocs(b *testing.B, path string) []*tidings.Document {
	b.Helper()
	var docs []*tidings.Document
	for doc, err := range source.Read(context.Background(), path) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		b.Fatalf("no documents in %s", path)
	}
	return docs
}

// benchAnalyze runs the full pipeline (extraction, cleaning, NLP and every
// fact) over docs on all cores and reports articles per second.
func benchAnalyze(b *testing.B, docs []*tidings.Document) {
	ctx := context.Background()
	p, err := loadAnalyzer(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var next atomic.Int64
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			d := docs[int(next.Add(1))%len(docs)]
			if _, err := p.Analyze(ctx, d); err != nil {
				b.Error(err)
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

// BenchmarkAnalyzeText: the demo corpus's VOA stories (about 650 words).
func BenchmarkAnalyzeText(b *testing.B) {
	benchAnalyze(b, benchDocs(b, filepath.Join("..", "..", "demo", "voa.jsonl")))
}

// BenchmarkAnalyzeHTML: the Zyte benchmark pages when ../shared is there,
// else the demo's scraped page.
func BenchmarkAnalyzeHTML(b *testing.B) {
	dir := shared.Path("data", "extraction", "zyte", "html")
	if dir == "" {
		dir = filepath.Join("..", "..", "demo", "scraped-page.html")
	}
	benchAnalyze(b, benchDocs(b, dir))
}
