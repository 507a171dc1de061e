package main

import (
	"context"
	"io"

	"github.com/tidings/tidings/nlp/nlpeval"
)

// trainTagger rebuilds nlp/models/tagger.bin.gz from GUM's train split
// (run from the repository root):
//
//	tidings train tagger --data ../shared/data/treebank/gum
func trainTagger(ctx context.Context, data, out string, stderr io.Writer) error {
	return nlpeval.TrainTagger(ctx, data, out, stderr)
}

// trainParser rebuilds nlp/models/parser.bin.gz from GUM's train split
// (run from the repository root, after the tagger: the parser is trained on
// the tags it predicts):
//
//	tidings train parser --data ../shared/data/treebank/gum
func trainParser(ctx context.Context, data, out string, stderr io.Writer) error {
	return nlpeval.TrainParser(ctx, data, out, stderr)
}
