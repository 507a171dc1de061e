package analyze

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/clean"
	"github.com/tidings/tidings/extract"
	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/lang"
	"github.com/tidings/tidings/nlp"
)

// ErrEmpty is returned for a document with no text left to analyse.
var ErrEmpty = errors.New("no text to analyse")

// Pipeline turns Documents into Article records. It is safe for concurrent
// use: the models it holds are loaded once and only read.
type Pipeline struct {
	extractor  extract.Extractor
	nlp        *nlp.Pipeline
	annotators []Annotator
}

// New returns a pipeline that extracts with ex, analyses English text with
// p (nil: no NLP, no facts) and then runs the annotators in order.
func New(ex extract.Extractor, p *nlp.Pipeline, annotators ...Annotator) *Pipeline {
	return &Pipeline{extractor: ex, nlp: p, annotators: annotators}
}

// Analyze builds the record of one document. Errors are wrapped in a
// *tidings.InputError naming the document.
func (p *Pipeline) Analyze(ctx context.Context, doc *tidings.Document) (*tidings.Article, error) {
	a, err := p.analyze(ctx, doc)
	if err != nil {
		var ie *tidings.InputError
		if errors.As(err, &ie) {
			return nil, err
		}
		return nil, &tidings.InputError{Name: doc.Name, Err: err}
	}
	return a, nil
}

func (p *Pipeline) analyze(ctx context.Context, doc *tidings.Document) (*tidings.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := &tidings.Article{
		ID:        doc.ID,
		URL:       doc.URL,
		Source:    doc.Source,
		Title:     strings.TrimSpace(doc.Title),
		Published: doc.Published,
		Authors:   doc.Authors,
		Extractor: tidings.Version,
	}
	if err := p.body(ctx, doc, a); err != nil {
		return nil, err
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, ErrEmpty
	}
	if a.ID == "" {
		a.ID = TextID(a.Text)
	}
	if a.Published == nil {
		// A crawled page that names no date is dated by its crawl.
		a.Published = doc.Crawled
	}
	if a.Source == "" {
		a.Source = hostOf(a.URL)
	}
	// The text itself is better evidence than a page's lang attribute,
	// which templates often get wrong; the attribute decides only when the
	// detector is unsure.
	if detected := lang.Detect(a.Title + "\n" + a.Text); detected != "" {
		a.Language = detected
	}
	if p.nlp != nil && a.Language == "en" {
		d, err := p.nlp.AnalyzeContext(ctx, a.Text)
		if err != nil {
			return nil, err
		}
		// The annotators share one facttext view of the article.
		actx := facttext.WithCache(ctx)
		for _, an := range p.annotators {
			if err := an.Annotate(actx, d, a); err != nil {
				return nil, err
			}
		}
	}
	a.Normalize()
	return a, nil
}

// body fills a.Text (and what extraction tells of the page) from the
// document's bytes.
func (p *Pipeline) body(ctx context.Context, doc *tidings.Document, a *tidings.Article) error {
	if doc.Format == tidings.FormatHTML && !doc.Raw {
		res, err := p.extractor.Extract(ctx, doc.Body, doc.URL)
		if err != nil {
			return err
		}
		mergeMeta(a, res)
		kept, removed := clean.Paragraphs(res.Paragraphs)
		a.Text, a.Removed = strings.Join(kept, "\n\n"), removed
		return nil
	}
	if !utf8.Valid(doc.Body) {
		return errors.New("text is not valid UTF-8")
	}
	if doc.Raw {
		a.Text = string(doc.Body)
		return nil
	}
	kept, removed := clean.Paragraphs(clean.SplitParagraphs(string(doc.Body)))
	a.Text, a.Removed = strings.Join(kept, "\n\n"), removed
	return nil
}

// mergeMeta takes from the extractor what the source did not say.
func mergeMeta(a *tidings.Article, res *extract.Result) {
	if a.Title == "" {
		a.Title = strings.TrimSpace(res.Title)
	}
	if len(a.Authors) == 0 {
		a.Authors = res.Authors
	}
	if a.Published == nil {
		a.Published = res.Published
	}
	if a.Source == "" {
		a.Source = res.SiteName
	}
	a.Language = res.Language
}

// TextID is the id of an article that has none of its own: a hash of its
// cleaned text, stable across runs.
func TextID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:10])
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// String describes the pipeline for logs.
func (p *Pipeline) String() string {
	return fmt.Sprintf("analyze.Pipeline(nlp=%v, annotators=%d)", p.nlp != nil, len(p.annotators))
}
