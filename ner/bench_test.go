package ner

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings/internal/cputime"
	"github.com/tidings/tidings/internal/shared"
	"github.com/tidings/tidings/nlp"

	prosener "github.com/jdkato/prose/v3/ner"
	prosetag "github.com/jdkato/prose/v3/tag"
	prosetoken "github.com/jdkato/prose/v3/token"
)

// devDocs returns up to n documents of CoNLL eng.testa, or skips.
func devDocs(tb testing.TB, n int) []Document {
	tb.Helper()
	dir := shared.Path("data", "ner")
	if dir == "" {
		tb.Skip("../shared/data/ner not found: skipping data-dependent test")
	}
	docs, err := ReadCorpus(context.Background(), dir, CorpusCoNLLDev)
	if err != nil {
		tb.Skipf("CoNLL dev set unreadable: %v", err)
	}
	if len(docs) > n {
		docs = docs[:n]
	}
	return docs
}

// TestDevSample is a sanity check on part of CoNLL eng.testa; the full
// figure comes from "tidings eval ner".
func TestDevSample(t *testing.T) {
	docs := devDocs(t, 60)
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	rep := r.Evaluate(docs)
	t.Logf("CoNLL dev sample: %d tokens, P %.3f R %.3f F1 %.3f", rep.Tokens, rep.Precision, rep.Recall, rep.F1)
	if rep.F1 < 0.85 {
		t.Errorf("F1 %.3f on the CoNLL dev sample, want ≥ 0.85", rep.F1)
	}
}

// reportSpeed reports tokens per wall-clock second and per CPU second.
func reportSpeed(b *testing.B, toks int, t0 time.Time, c0 float64) {
	b.ReportMetric(float64(toks*b.N)/time.Since(t0).Seconds(), "tokens/s")
	if c := cputime.Process().Seconds() - c0; c > 0 {
		b.ReportMetric(float64(toks*b.N)/c, "tokens/cpu-s")
	}
}

func benchSentences(b *testing.B) ([][][]string, int) {
	docs := devDocs(b, 1000)
	var out [][][]string
	toks := 0
	for _, d := range docs {
		var ws [][]string
		for _, s := range d.Sentences {
			ws = append(ws, s.Words)
			toks += len(s.Words)
		}
		out = append(out, ws)
	}
	return out, toks
}

// BenchmarkTagDocument measures tokens per second of the recognizer on
// CoNLL eng.testa (gold tokens, document-level pass included).
func BenchmarkTagDocument(b *testing.B) {
	docs, toks := benchSentences(b)
	r, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	t0, c0 := time.Now(), cputime.Process().Seconds()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			r.TagDocument(d)
		}
	}
	reportSpeed(b, toks, t0, c0)
}

// BenchmarkProse measures prose v3's tagger and NER on the same tokens, for
// comparison with BenchmarkTagDocument.
func BenchmarkProse(b *testing.B) {
	docs, toks := benchSentences(b)
	tg, err := prosetag.New()
	if err != nil {
		b.Fatal(err)
	}
	ex, err := prosener.New()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	t0, c0 := time.Now(), cputime.Process().Seconds()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			for _, ws := range d {
				tokens := make([]prosetoken.Token, len(ws))
				text := ""
				for k, w := range ws {
					tokens[k] = prosetoken.Token{Text: w, Start: len(text)}
					text += w + " "
				}
				tg.TagTokens(tokens)
				ex.Label(tokens)
				ex.Chunk(text, tokens)
			}
		}
	}
	reportSpeed(b, toks, t0, c0)
}

// BenchmarkRecognize measures Recognize on a hand-written paragraph.
func BenchmarkRecognize(b *testing.B) {
	text := strings.Repeat("Russian Foreign Minister Sergei Lavrov met Turkish officials in Ankara on Monday .\nLavrov said Moscow and the United Nations were ready to talk .\n", 20)
	doc := whitespaceDoc(text)
	toks := 0
	for _, s := range doc.Sentences {
		toks += len(s.Tokens)
	}
	r, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	t0, c0 := time.Now(), cputime.Process().Seconds()
	for i := 0; i < b.N; i++ {
		r.Recognize(doc)
	}
	reportSpeed(b, toks, t0, c0)
}

// demoTexts returns the demo corpus's VOA stories (title and text, as the
// pipeline analyses them), or skips.
func demoTexts(b *testing.B) []string {
	var texts []string
	for _, st := range shared.DemoStories(b) {
		texts = append(texts, st.Title+"\n\n"+st.Text)
	}
	return texts
}

// BenchmarkRecognizeDemo measures Recognize on real articles, the demo
// corpus's VOA stories, tokenized and split by package nlp. In "warm" the
// recognizer runs on one article after another, so the weights that
// articles share stay in the CPU caches; in "afterNLP" the tagger and
// parser analyse each article first (not timed), as in the analysis
// pipeline, and leave their own tables in the caches. cpu-ns/article
// (process CPU time, steadier than ns/op on a shared machine) is the figure
// to compare.
func BenchmarkRecognizeDemo(b *testing.B) {
	texts := demoTexts(b)
	p, err := nlp.Load()
	if err != nil {
		b.Fatal(err)
	}
	r, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*nlp.Doc, len(texts))
	for i, t := range texts {
		docs[i] = &nlp.Doc{Text: t, Sentences: nlp.SplitSentences(t, nlp.Tokenize(t))}
	}
	b.Run("warm", func(b *testing.B) {
		c0 := cputime.Process()
		for i := 0; b.Loop(); i++ {
			r.Recognize(docs[i%len(docs)])
		}
		b.ReportMetric(float64((cputime.Process()-c0).Nanoseconds())/float64(b.N), "cpu-ns/article")
	})
	b.Run("afterNLP", func(b *testing.B) {
		var cpu time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			doc := p.Analyze(texts[i%len(texts)])
			b.StartTimer()
			c0 := cputime.Process()
			r.Recognize(doc)
			cpu += cputime.Process() - c0
		}
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/article")
	})
}
