// Package analyze turns a raw Document into an Article record: extraction,
// cleaning, language, NLP, then each fact annotator in turn.
package analyze

import (
	"context"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/nlp"
)

// Annotator adds one kind of fact to an article from its NLP analysis.
// Annotators run in order (entities before places, quotes and events, since
// those resolve names through a.Entities) and must be safe for concurrent use
// on different articles.
type Annotator interface {
	Annotate(ctx context.Context, doc *nlp.Doc, a *tidings.Article) error
}
