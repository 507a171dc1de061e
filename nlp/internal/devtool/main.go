// Command devtool trains and scores the nlp models without building the
// whole tidings binary (used while developing the nlp package).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/tidings/tidings/nlp/nlpeval"
)

func main() {
	ctx := context.Background()
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: devtool train-tagger|train-parser|pos|deps|sentences PATH [OUT]")
		os.Exit(2)
	}
	out := ""
	if len(os.Args) > 3 {
		out = os.Args[3]
	}
	var rep any
	var err error
	switch os.Args[1] {
	case "train-tagger":
		err = nlpeval.TrainTagger(ctx, os.Args[2], out, os.Stderr)
	case "train-parser-gold":
		err = nlpeval.TrainParserGoldTags(ctx, os.Args[2], out, os.Stderr)
	case "train-parser":
		err = nlpeval.TrainParser(ctx, os.Args[2], out, os.Stderr)
	case "pos":
		rep, err = nlpeval.EvalPOS(ctx, os.Args[2], 0)
	case "deps":
		rep, err = nlpeval.EvalDeps(ctx, os.Args[2], 0)
	case "sentences":
		rep, err = nlpeval.EvalSentences(ctx, os.Args[2], 0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if rep != nil {
		json.NewEncoder(os.Stdout).Encode(rep)
	}
}
