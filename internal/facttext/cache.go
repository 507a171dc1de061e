package facttext

import (
	"context"
	"sync"

	"github.com/tidings/tidings/nlp"
)

// The fact annotators of one article each need the same view of its text;
// building it costs about as much as a fact extractor (a copy of every
// token, a code-point table). WithCache and For let them share one.

// cacheKey is the context key of a *cache.
type cacheKey struct{}

// cache holds the view last built for one article.
type cache struct {
	mu   sync.Mutex
	doc  *nlp.Doc
	text string
	view *Text
}

// WithCache returns a context under which For builds the view of an
// article once and hands the same *Text to every caller. The pipeline
// derives one per article before running its annotators.
func WithCache(ctx context.Context) context.Context {
	return context.WithValue(ctx, cacheKey{}, &cache{})
}

// For is New that reuses the view built earlier under the same cache for
// the same doc and text (see WithCache); without a cache it is New. The
// view may be shared, so callers must not modify it.
func For(ctx context.Context, doc *nlp.Doc, text string) *Text {
	c, _ := ctx.Value(cacheKey{}).(*cache)
	if c == nil {
		return New(doc, text)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.view == nil || c.doc != doc || c.text != text {
		c.doc, c.text, c.view = doc, text, New(doc, text)
	}
	return c.view
}
