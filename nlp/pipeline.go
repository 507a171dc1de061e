package nlp

import (
	"context"
	"fmt"
	"sync"
)

// Pipeline tokenizes, splits, tags, lemmatizes and parses text. It is
// read-only after Load and safe for concurrent use by many goroutines.
type Pipeline struct {
	tagger *Tagger // nil: tokens get no tags
	parser *Parser // nil: tokens get no heads
	lemmas *Lemmatizer
}

// sharedLemmatizer decodes the lemma tables once per process.
var sharedLemmatizer = sync.OnceValue(defaultLemmatizer)

var (
	loadOnce sync.Once
	loaded   *Pipeline
	loadErr  error
)

// Load returns the pipeline with the models embedded in the binary. The
// models are decoded once per process; later calls return the same
// *Pipeline.
func Load() (*Pipeline, error) {
	loadOnce.Do(func() {
		loaded, loadErr = newPipeline()
	})
	return loaded, loadErr
}

func newPipeline() (*Pipeline, error) {
	p := &Pipeline{}
	// The three tables decode independently; doing it concurrently roughly
	// halves Load's wall time on a multi-core machine.
	var wg sync.WaitGroup
	var terr, perr error
	wg.Add(3)
	go func() { defer wg.Done(); p.tagger, terr = embeddedTagger() }()
	go func() { defer wg.Done(); p.parser, perr = embeddedParser() }()
	go func() { defer wg.Done(); p.lemmas = sharedLemmatizer() }()
	wg.Wait()
	if terr != nil {
		return nil, fmt.Errorf("nlp: loading tagger: %w", terr)
	}
	if perr != nil {
		return nil, fmt.Errorf("nlp: loading parser: %w", perr)
	}
	return p, nil
}

// Analyze runs the whole pipeline on text.
func (p *Pipeline) Analyze(text string) *Doc {
	d, _ := p.AnalyzeContext(context.Background(), text)
	return d
}

// AnalyzeContext is Analyze that stops between sentences when ctx is done,
// returning the sentences fully analysed so far and ctx's error.
//
// It tags every sentence, then parses every sentence, rather than both per
// sentence: each model's weight table then stays warm in the CPU caches for
// a whole document, which makes the NLP about 10% faster. Sentences are
// independent, so the result is the same.
func (p *Pipeline) AnalyzeContext(ctx context.Context, text string) (*Doc, error) {
	doc := &Doc{Text: text}
	doc.Sentences = SplitSentences(text, Tokenize(text))
	var st state
	for i := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			doc.Sentences = doc.Sentences[:0] // none is parsed yet
			return doc, err
		}
		p.tagSentence(&doc.Sentences[i], &st)
	}
	for i := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			doc.Sentences = doc.Sentences[:i]
			return doc, err
		}
		p.parseSentence(&doc.Sentences[i], &st)
	}
	return doc, nil
}

// state holds per-call scratch buffers so that tagging and parsing do not
// allocate per token.
type state struct {
	tag   tagScratch
	parse parseScratch
}

// AnalyzeSentence tags, lemmatizes and parses one already tokenized
// sentence in place (only Token.Text is read). Evaluation on gold
// tokenization uses it.
func (p *Pipeline) AnalyzeSentence(s *Sentence) {
	p.analyzeSentence(s, &state{})
}

// HasTagger and HasParser report whether those models are embedded.
func (p *Pipeline) HasTagger() bool { return p.tagger != nil }

// HasParser reports whether the parser model is embedded.
func (p *Pipeline) HasParser() bool { return p.parser != nil }

// NewPipeline builds a pipeline from explicit models (either may be nil),
// for training-time evaluation.
func NewPipeline(t *Tagger, ps *Parser) *Pipeline {
	return &Pipeline{tagger: t, parser: ps, lemmas: sharedLemmatizer()}
}

func (p *Pipeline) analyzeSentence(s *Sentence, st *state) {
	p.tagSentence(s, st)
	p.parseSentence(s, st)
}

// tagSentence sets the tags and lemmas of s.
func (p *Pipeline) tagSentence(s *Sentence, st *state) {
	toks := s.Tokens
	if p.tagger != nil {
		p.tagger.tag(toks, &st.tag)
	}
	for i := range toks {
		toks[i].Lemma = p.lemmas.Lemma(toks[i].Text, toks[i].UPOS, toks[i].XPOS)
	}
}

// parseSentence sets the heads and relations of the tagged sentence s.
func (p *Pipeline) parseSentence(s *Sentence, st *state) {
	toks := s.Tokens
	if p.parser != nil {
		p.parser.parse(toks, &st.parse)
	} else {
		for i := range toks {
			toks[i].Head = -1
		}
	}
}

// TagWords tags already tokenized words, returning PTB and UD tags (empty
// strings when no tagger is embedded).
func (p *Pipeline) TagWords(words []string) (xpos, upos []string) {
	if p.tagger == nil {
		return make([]string, len(words)), make([]string, len(words))
	}
	return p.tagger.TagWords(words)
}

// Lemma returns the lemma of word given its tags.
func (p *Pipeline) Lemma(word, upos, xpos string) string { return p.lemmas.Lemma(word, upos, xpos) }
