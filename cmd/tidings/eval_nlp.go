package main

import (
	"context"

	"github.com/tidings/tidings/nlp/nlpeval"
)

// The NLP evaluations read CoNLL-U. --gold is a .conllu file, a directory of
// them, or DIR@SPLIT (SPLIT: train, dev, test or gentle) for the documents of
// one split of a treebank directory that has a splits.md (GUM), e.g.
//
//	tidings eval pos --gold ../shared/data/treebank/gum@test --json
//
// GUM documents whose text is withheld (Reddit, all forms "_") are skipped.

// evalPOS scores the tagger on gold tokenization:
// {"task":"pos","upos":…,"xpos":…,"tokens":…} plus speed and the
// github.com/jdkato/prose/v3 tagger's PTB accuracy and speed on the same words.
func evalPOS(ctx context.Context, gold string, opts evalOptions) (any, error) {
	return nlpeval.EvalPOS(ctx, gold, opts.Limit)
}

// evalDeps scores the parser (with predicted tags) on gold tokenization:
// {"task":"deps","uas":…,"las":…,"tokens":…}.
func evalDeps(ctx context.Context, gold string, opts evalOptions) (any, error) {
	return nlpeval.EvalDeps(ctx, gold, opts.Limit)
}

// evalSentences scores sentence splitting on raw text rebuilt from the
// CoNLL-U "# text" lines (paragraphs from "# newpar" as blank lines):
// {"task":"sentences","precision":…,"recall":…,"f1":…}.
func evalSentences(ctx context.Context, gold string, opts evalOptions) (any, error) {
	return nlpeval.EvalSentences(ctx, gold, opts.Limit)
}
