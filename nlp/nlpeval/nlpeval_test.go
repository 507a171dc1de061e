package nlpeval

import (
	"context"
	"strings"
	"testing"

	"github.com/tidings/tidings/internal/shared"
	"github.com/tidings/tidings/nlp/conllu"
)

// gumDir finds ../shared/data/treebank/gum beside the repository root, or
// skips the test.
func gumDir(t *testing.T) string {
	return shared.Dir(t, "data", "treebank", "gum")
}

func TestEvalOnDev(t *testing.T) {
	gum := gumDir(t)
	ctx := context.Background()
	s, err := EvalSentences(ctx, gum+"@dev", 4)
	if err != nil {
		t.Fatal(err)
	}
	if s.F1 < 0.85 {
		t.Errorf("sentence F1 %.3f on 4 dev documents", s.F1)
	}
	p, err := EvalPOS(ctx, gum+"@dev", 2)
	if err != nil {
		t.Fatal(err)
	}
	if p.UPOS < 0.9 || p.XPOS < 0.9 {
		t.Errorf("POS on 2 dev documents: %+v", p)
	}
	d, err := EvalDeps(ctx, gum+"@dev", 2)
	if err != nil {
		t.Fatal(err)
	}
	if d.UAS < 0.75 || d.LAS < 0.7 {
		t.Errorf("deps on 2 dev documents: %+v", d)
	}
}

func TestRawText(t *testing.T) {
	docs, err := conllu.ReadFile("../conllu/testdata/tb/dep/doc_a.conllu")
	if err != nil {
		t.Fatal(err)
	}
	text, ends := RawText(docs)
	if text != "I don't know. Fine." || len(ends) != 2 || ends[0] != len("I don't know.") {
		t.Errorf("RawText = %q, %v", text, ends)
	}
	if !strings.HasSuffix(text, "Fine.") {
		t.Error("bad text")
	}
}
