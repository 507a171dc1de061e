package main

import (
	"context"
	"iter"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/analyze"
	"github.com/tidings/tidings/internal/cputime"
	"github.com/tidings/tidings/internal/shared"
	"github.com/tidings/tidings/source"
)

// Issue #5's figure is full analysis (extraction, cleaning, NLP and every
// fact) of ~700-word articles on 2 cores; issue #3's per-core NLP figure is
// nlp.BenchmarkPipeline. Reproduce both analysis figures with
//
//	go test -run '^$' -bench 'Analyze(Text|Stream)' -benchtime 200x -cpu 1,2 -count 5 ./cmd/tidings
//
// AnalyzeText-1 is the per-core rate, AnalyzeStream-2 the 2-core rate of the
// batch path the CLI uses. On a shared machine compare articles/cpu-s (process
// CPU time, so steady under load) and the best of -count runs.

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

// demoDocs are the demo corpus's VOA stories (about 680 words on average).
func demoDocs(b *testing.B) []*tidings.Document {
	return benchDocs(b, filepath.Join("..", "..", "demo", "voa.jsonl"))
}

// benchPipeline loads the full analyzer, or fails the benchmark.
func benchPipeline(b *testing.B) *analyze.Pipeline {
	b.Helper()
	setGC()
	p, err := loadAnalyzer(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// benchAnalyze runs the full pipeline over docs on GOMAXPROCS goroutines
// (-cpu 1: the per-core rate) and reports articles per second.
func benchAnalyze(b *testing.B, docs []*tidings.Document) {
	ctx := context.Background()
	p := benchPipeline(b)
	var next atomic.Int64
	b.ResetTimer()
	start, cpu0 := time.Now(), cputime.Process()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			d := docs[int(next.Add(1))%len(docs)]
			if _, err := p.Analyze(ctx, d); err != nil {
				b.Error(err)
			}
		}
	})
	reportArticles(b, docs, start, cpu0)
}

// reportArticles reports articles per wall-clock second and per process
// CPU second, and the mean word count of text articles (an HTML page's
// words are mostly markup).
func reportArticles(b *testing.B, docs []*tidings.Document, start time.Time, cpu0 time.Duration) {
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
	if cpu := cputime.Process() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	}
	words, texts := 0, 0
	for _, d := range docs {
		if d.Format != tidings.FormatHTML {
			words += len(strings.Fields(string(d.Body)))
			texts++
		}
	}
	if texts > 0 {
		b.ReportMetric(float64(words)/float64(texts), "words/article")
	}
}

// BenchmarkAnalyzeText: the demo corpus's VOA stories, one article at a
// time per core.
func BenchmarkAnalyzeText(b *testing.B) {
	benchAnalyze(b, demoDocs(b))
}

// BenchmarkAnalyzeStream: the demo corpus through analyze.Stream, the
// ordered batch path of `tidings analyze` and ingestion, with one worker per
// core (-cpu 2: issue #5's 2-core figure). One op is one article.
func BenchmarkAnalyzeStream(b *testing.B) {
	docs := demoDocs(b)
	p := benchPipeline(b)
	ctx := context.Background()
	var in iter.Seq2[*tidings.Document, error] = func(yield func(*tidings.Document, error) bool) {
		for i := range b.N {
			if !yield(docs[i%len(docs)], nil) {
				return
			}
		}
	}
	b.ResetTimer()
	start, cpu0 := time.Now(), cputime.Process()
	for r := range p.Stream(ctx, in, runtime.GOMAXPROCS(0)) {
		if r.Err != nil {
			b.Fatal(r.Err)
		}
	}
	reportArticles(b, docs, start, cpu0)
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
