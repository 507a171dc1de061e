package facttext

import (
	"context"
	"testing"

	"github.com/tidings/tidings/nlp"
)

func TestFor(t *testing.T) {
	p, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	text, other := "Police arrested two men on Monday.", "Another text."
	doc, otherDoc := p.Analyze(text), p.Analyze(other)
	bg := context.Background()
	if For(bg, doc, text) == For(bg, doc, text) {
		t.Error("without a cache, For shared a view")
	}
	ctx := WithCache(bg)
	first := For(ctx, doc, text)
	if !first.Tagged || len(first.Sentences) != 1 {
		t.Fatalf("For built %+v", first)
	}
	if For(ctx, doc, text) != first {
		t.Error("For under one cache built the view twice")
	}
	if v := For(ctx, otherDoc, other); v == first || v.S != other {
		t.Error("For reused the view of another doc")
	}
	if v := For(WithCache(bg), doc, text); v == first {
		t.Error("a new cache reused an old view")
	}
}
