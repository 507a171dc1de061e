package nlp

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jdkato/prose/v3/tag"
	"github.com/tidings/tidings/internal/cputime"
	"github.com/tidings/tidings/internal/shared"
)

const sampleText = `Missiles hit Kyiv overnight

At least 12 people were killed and 90 wounded when Russian missiles struck Kyiv on Thursday, officials said. President Volodymyr Zelensky cut short a visit to South Africa.

"Vladimir, STOP!" U.S. President Donald Trump wrote on social media. He didn't say what he would do next.`

func TestAnalyze(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := p.Analyze(sampleText)
	// The quote ending in "!" is a sentence of its own: a capitalised word
	// follows it.
	if len(doc.Sentences) != 6 {
		t.Fatalf("got %d sentences, want 6", len(doc.Sentences))
	}
	for _, s := range doc.Sentences {
		checkTokens(t, sampleText, s.Tokens)
		roots := 0
		for i, tok := range s.Tokens {
			if p.HasTagger() && (tok.UPOS == "" || tok.XPOS == "") {
				t.Errorf("token %q has no tags", tok.Text)
			}
			if tok.Lemma == "" {
				t.Errorf("token %q has no lemma", tok.Text)
			}
			if !p.HasParser() {
				continue
			}
			if tok.Head == -1 {
				roots++
				if tok.Rel != "root" {
					t.Errorf("root %q has relation %q", tok.Text, tok.Rel)
				}
			} else if tok.Head < 0 || tok.Head >= len(s.Tokens) || tok.Head == i {
				t.Errorf("token %q has head %d", tok.Text, tok.Head)
			}
		}
		if p.HasParser() && roots != 1 {
			t.Errorf("sentence %q has %d roots", sampleText[s.BStart:s.BEnd], roots)
		}
	}
}

// TestAnalyzeTags checks a few unambiguous analyses the later stages rely on.
func TestAnalyzeTags(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if !p.HasParser() || !p.HasTagger() {
		t.Skip("models not embedded")
	}
	doc := p.Analyze("Police arrested two men on Monday.")
	got := map[string]Token{}
	for _, tok := range doc.Sentences[0].Tokens {
		got[tok.Text] = tok
	}
	toks := doc.Sentences[0].Tokens
	if tok := got["arrested"]; tok.UPOS != "VERB" || tok.XPOS != "VBD" || tok.Lemma != "arrest" || tok.Head != -1 {
		t.Errorf("arrested: %+v", tok)
	}
	if tok := got["Police"]; tok.Rel != "nsubj" || toks[tok.Head].Text != "arrested" {
		t.Errorf("Police: %+v", tok)
	}
	if tok := got["men"]; tok.Rel != "obj" || toks[tok.Head].Text != "arrested" || tok.Lemma != "man" {
		t.Errorf("men: %+v", tok)
	}
}

// TestAnalyzePhases checks that tagging a whole document before parsing it
// gives what analysing one sentence at a time gives.
func TestAnalyzePhases(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat(sampleText+"\n\n", 3)
	got := p.Analyze(text)
	want := SplitSentences(text, Tokenize(text))
	if len(got.Sentences) != len(want) {
		t.Fatalf("%d sentences, want %d", len(got.Sentences), len(want))
	}
	for i := range want {
		p.AnalyzeSentence(&want[i])
		for j, tok := range want[i].Tokens {
			if g := got.Sentences[i].Tokens[j]; g != tok {
				t.Errorf("sentence %d token %d: %+v, want %+v", i, j, g, tok)
			}
		}
	}
}

func TestAnalyzeContextCancelled(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc, err := p.AnalyzeContext(ctx, sampleText)
	if !errors.Is(err, context.Canceled) || len(doc.Sentences) != 0 {
		t.Errorf("cancelled: %d sentences, err %v; want none and context.Canceled", len(doc.Sentences), err)
	}
}

func TestAnalyzeConcurrent(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	want := p.Analyze(sampleText)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				d := p.Analyze(sampleText)
				for i, s := range d.Sentences {
					for j, tok := range s.Tokens {
						if tok != want.Sentences[i].Tokens[j] {
							t.Errorf("concurrent analysis differs at %q", tok.Text)
							return
						}
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestLemma(t *testing.T) {
	l := sharedLemmatizer()
	tests := []struct{ word, upos, xpos, want string }{
		{"killed", "VERB", "VBD", "kill"}, {"hoped", "VERB", "VBD", "hope"}, {"stopped", "VERB", "VBD", "stop"},
		{"was", "AUX", "VBD", "be"}, {"'s", "AUX", "VBZ", "be"}, {"'s", "PART", "POS", "'s"},
		{"went", "VERB", "VBD", "go"}, {"making", "VERB", "VBG", "make"}, {"tries", "VERB", "VBZ", "try"},
		{"children", "NOUN", "NNS", "child"}, {"cities", "NOUN", "NNS", "city"}, {"women", "NOUN", "NNS", "woman"},
		{"n't", "PART", "RB", "not"}, {"better", "ADJ", "JJR", "good"}, {"Kyiv", "PROPN", "NNP", "Kyiv"},
		{"them", "PRON", "PRP", "they"}, {"ca", "AUX", "MD", "can"}, {"The", "DET", "DT", "the"},
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.word, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.word, tt.xpos, got, tt.want)
		}
	}
}

// BenchmarkPipeline measures tokenize+split+tag+lemmatize+parse; the
// tokens/s metric is the figure to compare (one core: -cpu 1). Its text is
// one sample repeated, so the weights it reads stay in cache: the
// best-case rate. BenchmarkPipelineNews is the rate on varied real text.
func BenchmarkPipeline(b *testing.B) {
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(sampleText+"\n\n", 20)
	n := 0
	for _, s := range p.Analyze(text).Sentences {
		n += len(s.Tokens)
	}
	b.ResetTimer()
	cpu0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		p.Analyze(text)
	}
	reportRate(b, n, cpu0)
}

// BenchmarkPipelineNews runs the same pipeline over the demo corpus's VOA
// stories (about 180k tokens of varied news), where most weight lookups
// miss the cache, as in `tidings analyze`.
func BenchmarkPipelineNews(b *testing.B) {
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for _, st := range shared.DemoStories(b) {
		texts = append(texts, st.Text)
	}
	n := 0
	for _, t := range texts {
		for _, s := range p.Analyze(t).Sentences {
			n += len(s.Tokens)
		}
	}
	b.ResetTimer()
	cpu0 := cputime.Process()
	for range b.N {
		for _, t := range texts {
			p.Analyze(t)
		}
	}
	reportRate(b, n, cpu0)
}

// BenchmarkTokenizeSplit measures tokenization and sentence splitting alone.
func BenchmarkTokenizeSplit(b *testing.B) {
	text := strings.Repeat(sampleText+"\n\n", 20)
	n := len(Tokenize(text))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		SplitSentences(text, Tokenize(text))
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagger and BenchmarkProseTagger compare our tagger with
// github.com/jdkato/prose/v3's on the same pre-tokenized words.
func BenchmarkTagger(b *testing.B) {
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	sents := benchSentences(p)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	b.ResetTimer()
	cpu0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			p.TagWords(s)
		}
	}
	reportRate(b, n, cpu0)
}

func BenchmarkProseTagger(b *testing.B) {
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	pt, err := tag.New()
	if err != nil {
		b.Fatal(err)
	}
	sents := benchSentences(p)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	b.ResetTimer()
	cpu0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			pt.Tag(s)
		}
	}
	reportRate(b, n, cpu0)
}

func benchSentences(p *Pipeline) [][]string {
	var out [][]string
	for _, s := range p.Analyze(strings.Repeat(sampleText+"\n\n", 20)).Sentences {
		var w []string
		for _, t := range s.Tokens {
			w = append(w, t.Text)
		}
		out = append(out, w)
	}
	return out
}

// reportRate reports n tokens per iteration as tokens per wall-clock second
// and per CPU second of the process (steadier on a shared machine; run with
// -cpu 1 so that both describe one core).
func reportRate(b *testing.B, n int, cpu0 time.Duration) {
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cputime.Process() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// TestParseSumsSameAsMoves checks that parsing with the buffer templates'
// sums kept across moves gives the trees that scoring every move afresh
// gives, on the demo corpus's first stories.
func TestParseSumsSameAsMoves(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if !p.parser.model.CanSum() {
		t.Fatal("embedded parser cannot sum")
	}
	var s parseScratch
	sentences := 0
	for _, story := range shared.DemoStories(t) {
		for _, sent := range p.Analyze(story.Text).Sentences {
			toks := sent.Tokens
			ps := p.parser
			ps.prepare(toks, &s)
			s.cfg.reset(len(toks))
			sc := make([]float32, ps.model.NClasses)
			ps.parseMoves(&s, sc)
			want := slices.Clone(s.cfg.head)
			ps.prepare(toks, &s)
			s.cfg.reset(len(toks))
			ps.parseSums(&s, sc)
			if !slices.Equal(s.cfg.head, want) {
				t.Fatalf("sentence at %d: heads %v with sums, %v without", sent.Start, s.cfg.head, want)
			}
			sentences++
		}
		if sentences > 300 {
			break
		}
	}
}
