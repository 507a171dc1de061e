package events_test

import (
	"testing"

	"github.com/tidings/tidings/events"
	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
	"github.com/tidings/tidings/quotes"
)

func BenchmarkEachLocal(b *testing.B) {
	text := benchArticle(b)
	p, _ := nlp.Load()
	doc := p.Analyze(text)
	c, _ := events.New()
	b.Run("events", func(b *testing.B) {
		for b.Loop() {
			c.Code(facttext.New(doc, text), nil, nil)
		}
	})
	b.Run("quotes", func(b *testing.B) {
		for b.Loop() {
			quotes.Extract(facttext.New(doc, text), nil)
		}
	})
	b.Run("facttext", func(b *testing.B) {
		for b.Loop() {
			facttext.New(doc, text)
		}
	})
}
