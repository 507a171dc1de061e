package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/tidings/tidings/clean"
	"github.com/tidings/tidings/extract"
)

// extractionReport is the result of "tidings eval extraction": shingle
// precision and recall of the cleaned main text against the Zyte article
// extraction benchmark, with the same figures before cleaning so the cost
// of cleaning in lost text is visible.
type extractionReport struct {
	Task               string         `json:"task"`
	Precision          float64        `json:"precision"`
	Recall             float64        `json:"recall"`
	F1                 float64        `json:"f1"`
	Documents          int            `json:"documents"`
	PrecisionUncleaned float64        `json:"precision_uncleaned"`
	RecallUncleaned    float64        `json:"recall_uncleaned"`
	F1Uncleaned        float64        `json:"f1_uncleaned"`
	Failed             int            `json:"failed"`
	Methods            map[string]int `json:"methods"`
	RemovedParagraphs  map[string]int `json:"removed_paragraphs"`
	Seconds            float64        `json:"seconds"`
	PagesPerSecond     float64        `json:"pages_per_second"`
}

// zyteEntry is one page of ground-truth.json.
type zyteEntry struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// extractionDoc is the outcome for one benchmark page.
type extractionDoc struct {
	id             string
	gold           string
	cleaned, raw   string
	method         string
	removed        map[string]int
	err            error
	cleanedS, rawS zyteCounts
}

// evalExtraction scores HTML main-text extraction plus cleaning on the Zyte
// benchmark at gold (a directory holding ground-truth.json and
// html/ID.html.gz). The metric is the benchmark's own (evaluate.py): 4-token
// shingles of \w+ tokens, case kept, precision and recall per page averaged
// over pages, F1 from the averages.
func evalExtraction(ctx context.Context, gold string, opts evalOptions) (any, error) {
	start := time.Now()
	docs, err := runExtraction(ctx, gold, opts.Limit)
	if err != nil {
		return nil, err
	}
	elapsed := time.Since(start).Seconds()
	rep := &extractionReport{Task: "extraction", Documents: len(docs),
		Methods: map[string]int{}, RemovedParagraphs: map[string]int{}}
	var cleaned, raw []zyteCounts
	for _, d := range docs {
		if d.err != nil {
			rep.Failed++
			if opts.Stderr != nil {
				fmt.Fprintf(opts.Stderr, "extraction: %s: %v\n", d.id, d.err)
			}
		}
		if d.method != "" {
			rep.Methods[d.method]++
		}
		for k, n := range d.removed {
			rep.RemovedParagraphs[k] += n
		}
		cleaned = append(cleaned, d.cleanedS)
		raw = append(raw, d.rawS)
	}
	rep.Precision, rep.Recall, rep.F1 = zyteAverages(cleaned)
	rep.PrecisionUncleaned, rep.RecallUncleaned, rep.F1Uncleaned = zyteAverages(raw)
	rep.Seconds = elapsed
	if elapsed > 0 {
		rep.PagesPerSecond = float64(len(docs)) / elapsed
	}
	return rep, nil
}

// runExtraction extracts and cleans every page of the benchmark with two
// workers and scores each against its gold text.
func runExtraction(ctx context.Context, gold string, limit int) ([]*extractionDoc, error) {
	b, err := os.ReadFile(filepath.Join(gold, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("extraction gold: %w", err)
	}
	var truth map[string]zyteEntry
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, fmt.Errorf("extraction gold %s: %w", filepath.Join(gold, "ground-truth.json"), err)
	}
	ids := sortedKeys(truth)
	if limit > 0 && limit < len(ids) {
		ids = ids[:limit]
	}
	docs := make([]*extractionDoc, len(ids))
	ex := extract.New()
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				e := truth[ids[i]]
				docs[i] = extractOne(ctx, ex, gold, ids[i], e)
			}
		}()
	}
feed:
	for i := range ids {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return docs, nil
}

// extractOne runs one page through extraction and cleaning.
func extractOne(ctx context.Context, ex extract.Extractor, gold, id string, e zyteEntry) *extractionDoc {
	d := &extractionDoc{id: id, gold: e.ArticleBody, removed: map[string]int{}}
	page, err := readZytePage(filepath.Join(gold, "html", id+".html.gz"))
	if err == nil {
		var res *extract.Result
		res, err = ex.Extract(ctx, page, e.URL)
		if err == nil {
			d.method = res.Method
			d.raw = strings.Join(res.Paragraphs, "\n\n")
			kept, removed := clean.Paragraphs(res.Paragraphs)
			d.cleaned = strings.Join(kept, "\n\n")
			for _, r := range removed {
				d.removed[r.Kind]++
			}
		}
	}
	d.err = err
	d.cleanedS = zyteScore(d.gold, d.cleaned)
	d.rawS = zyteScore(d.gold, d.raw)
	return d
}

func readZytePage(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// zyteCounts is the true-positive, false-positive and false-negative
// shingle counts of one page.
type zyteCounts struct{ tp, fp, fn float64 }

// zyteScore compares the 4-token shingle multisets of gold and pred as
// the benchmark's evaluate.py does.
func zyteScore(gold, pred string) zyteCounts {
	g, p := zyteShingles(gold, 4), zyteShingles(pred, 4)
	var s zyteCounts
	for k, gc := range g {
		pc := p[k]
		s.tp += float64(min(gc, pc))
		s.fn += float64(max(0, gc-pc))
	}
	for k, pc := range p {
		s.fp += float64(max(0, pc-g[k]))
	}
	return s
}

// zyteShingles counts the n-grams of \w+ tokens of text (Python's Unicode \w:
// letters, digits, underscore; case kept). A text of fewer than n tokens is
// one shingle of all of them, as in evaluate.py.
func zyteShingles(text string, n int) map[string]int {
	toks := strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
	out := map[string]int{}
	for i := 0; i < max(1, len(toks)-n+1); i++ {
		sh := toks[i:min(i+n, len(toks))]
		if len(sh) > 0 {
			out[strings.Join(sh, "\x00")]++
		}
	}
	return out
}

// zyteAverages averages per-page precision (over pages that predicted
// anything) and recall (over pages with gold text), F1 from the averages.
func zyteAverages(scores []zyteCounts) (p, r, f1 float64) {
	var np, nr int
	for _, s := range scores {
		if s.tp+s.fp > 0 {
			p += zyteRatio(s.tp, s.fp, s.fn, s.fp)
			np++
		}
		if s.tp+s.fn > 0 {
			r += zyteRatio(s.tp, s.fp, s.fn, s.fn)
			nr++
		}
	}
	if np > 0 {
		p /= float64(np)
	}
	if nr > 0 {
		r /= float64(nr)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// zyteRatio is evaluate.py's precision_score (miss = fp) or recall_score
// (miss = fn).
func zyteRatio(tp, fp, fn, miss float64) float64 {
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && miss == 0:
		return 0
	}
	return tp / (tp + miss)
}
