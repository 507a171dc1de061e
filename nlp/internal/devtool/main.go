// Command devtool trains and scores the nlp models without building the
// whole tidings binary (used while developing the nlp package).
//
//	devtool train-parser-opts GUMDIR CACHE OUT [ITER [EXPLOREP [MINWEIGHT [SEED]]]]
//	devtool deps-file GOLD PARSER   (UAS/LAS of an unembedded parser file)
//	devtool errors GOLD PARSER      (head errors by gold relation)
//	devtool prune IN OUT MINWEIGHT  (drop a parser file's small weights)
//	devtool parse TEXT              (tags and tree of TEXT, one token a line)
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/tidings/tidings/nlp"
	"github.com/tidings/tidings/nlp/nlpeval"
)

func main() {
	ctx := context.Background()
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: devtool train-tagger|train-parser|train-parser-opts|pos|deps|deps-file|sentences PATH [OUT]")
		os.Exit(2)
	}
	arg := func(i int) string {
		if len(os.Args) > i {
			return os.Args[i]
		}
		return ""
	}
	num := func(i int) float64 {
		v, _ := strconv.ParseFloat(arg(i), 64)
		return v
	}
	out := arg(3)
	var rep any
	var err error
	switch os.Args[1] {
	case "train-tagger":
		err = nlpeval.TrainTagger(ctx, os.Args[2], out, os.Stderr)
	case "train-parser-gold":
		err = nlpeval.TrainParserGoldTags(ctx, os.Args[2], out, os.Stderr)
	case "train-parser":
		err = nlpeval.TrainParser(ctx, os.Args[2], out, os.Stderr)
	case "train-parser-opts":
		opt := nlp.ParserOptions{Iterations: int(num(5)), ExploreP: num(6), MinWeight: float32(num(7)), Seed: uint64(num(8))}
		err = nlpeval.TrainParserWith(ctx, os.Args[2], arg(3), arg(4), opt, os.Stderr)
	case "pos":
		rep, err = nlpeval.EvalPOS(ctx, os.Args[2], 0)
	case "deps":
		rep, err = nlpeval.EvalDeps(ctx, os.Args[2], 0)
	case "deps-file":
		rep, err = nlpeval.EvalDepsFile(ctx, os.Args[2], arg(3))
	case "prune":
		err = pruneFile(arg(2), arg(3), float32(num(4)))
	case "parse":
		err = printParse(os.Args[2])
	case "errors":
		rep, err = nlpeval.ErrorsByRel(ctx, os.Args[2], arg(3))
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

// pruneFile writes the parser in file in without its weights below min in
// magnitude to out (to trade accuracy for a smaller, faster table).
func pruneFile(in, out string, min float32) error {
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	ps, err := nlp.DecodeParser(b)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	ps.PruneModel(min)
	f, w := ps.ModelSize()
	fmt.Fprintf(os.Stderr, "%s: %d features, %d weights\n", out, f, w)
	var buf bytes.Buffer
	if err := ps.Encode(&buf); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// printParse analyses text with the embedded models and prints each token's
// index, text, tags, head and relation.
func printParse(text string) error {
	p, err := nlp.Load()
	if err != nil {
		return err
	}
	for _, s := range p.Analyze(text).Sentences {
		for i, t := range s.Tokens {
			fmt.Printf("%d\t%s\t%s\t%s\t%d\t%s\n", i, t.Text, t.XPOS, t.UPOS, t.Head, t.Rel)
		}
		fmt.Println()
	}
	return nil
}
