// Package nlpeval trains and scores the nlp models on CoNLL-U treebanks
// (GUM): the work behind "tidings train tagger|parser" and "tidings eval
// pos|deps|sentences".
package nlpeval

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/tidings/tidings/nlp"
	"github.com/tidings/tidings/nlp/conllu"
)

// ReadTreebank reads every sentence of the CoNLL-U files named by path (a
// file, a directory, or DIR@SPLIT; see conllu.Files), skipping documents
// whose text is withheld (conllu.Masked).
func ReadTreebank(ctx context.Context, path string) ([]conllu.Sentence, error) {
	files, err := conllu.Files(path)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	var out []conllu.Sentence
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s, err := conllu.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if conllu.Masked(s) {
			continue // text withheld (GUM Reddit): nothing to learn from
		}
		out = append(out, s...)
	}
	return out, nil
}

func taggedSentences(sents []conllu.Sentence) []nlp.TaggedSentence {
	out := make([]nlp.TaggedSentence, 0, len(sents))
	for _, s := range sents {
		var ts nlp.TaggedSentence
		for _, w := range s.Words {
			ts.Words = append(ts.Words, w.Form)
			ts.XPOS = append(ts.XPOS, w.XPOS)
			ts.UPOS = append(ts.UPOS, w.UPOS)
		}
		out = append(out, ts)
	}
	return out
}

// trainSplit is the treebank split models are trained on: data may be the
// GUM directory (its train split per splits.md is used) or an explicit
// file/directory/DIR@SPLIT.
func trainSplit(data string) string {
	if _, err := os.Stat(filepath.Join(data, "splits.md")); err == nil {
		return data + "@train"
	}
	return data
}

func writeModel(out, def string, encode func(io.Writer) error) error {
	if out == "" {
		out = def
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := encode(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return f.Close()
}

// TrainTagger rebuilds nlp/models/tagger.bin.gz (or out) from GUM's train
// split; data is the GUM directory.
func TrainTagger(ctx context.Context, data, out string, stderr io.Writer) error {
	sents, err := ReadTreebank(ctx, trainSplit(data))
	if err != nil {
		return err
	}
	start := time.Now()
	t, err := nlp.TrainTagger(ctx, taggedSentences(sents), nlp.TaggerOptions{}, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "tagger: trained on %d sentences in %s\n", len(sents), time.Since(start).Round(time.Second))
	return writeModel(out, filepath.Join("nlp", "models", "tagger.bin.gz"), t.Encode)
}

// TrainParser rebuilds nlp/models/parser.bin.gz (or out) from GUM's train
// split; data is the GUM directory. The parser learns from the tags the
// tagger would predict, not gold tags: the train split is cut into 5 folds
// and each fold is tagged by a tagger trained on the other four
// (jackknifing), so tagging errors at parse time look like those in
// training.
func TrainParser(ctx context.Context, data, out string, stderr io.Writer) error {
	return trainParser(ctx, data, out, stderr, true)
}

// TrainParserGoldTags is TrainParser on gold tags (faster; for experiments).
func TrainParserGoldTags(ctx context.Context, data, out string, stderr io.Writer) error {
	return trainParser(ctx, data, out, stderr, false)
}

func trainParser(ctx context.Context, data, out string, stderr io.Writer, jackknife bool) error {
	sents, err := ReadTreebank(ctx, trainSplit(data))
	if err != nil {
		return err
	}
	start := time.Now()
	tagged := taggedSentences(sents)
	if jackknife {
		if err := jackknifeTags(ctx, tagged, 5, stderr); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "parser: jackknifed tags in %s\n", time.Since(start).Round(time.Second))
	}
	parsed := make([]nlp.ParsedSentence, len(sents))
	for i, s := range sents {
		p := nlp.ParsedSentence{Words: tagged[i].Words, XPOS: tagged[i].XPOS, UPOS: tagged[i].UPOS}
		for _, w := range s.Words {
			p.Heads = append(p.Heads, w.Head)
			p.Rels = append(p.Rels, w.Rel)
		}
		parsed[i] = p
	}
	ps, err := nlp.TrainParser(ctx, parsed, nlp.ParserOptions{}, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "parser: trained on %d sentences in %s\n", len(sents), time.Since(start).Round(time.Second))
	return writeModel(out, filepath.Join("nlp", "models", "parser.bin.gz"), ps.Encode)
}

// jackknifeTags replaces the gold tags of sents by those predicted by
// taggers trained on the other folds (sentence i is in fold i mod k).
func jackknifeTags(ctx context.Context, sents []nlp.TaggedSentence, k int, stderr io.Writer) error {
	for fold := 0; fold < k; fold++ {
		var train []nlp.TaggedSentence
		for i, s := range sents {
			if i%k != fold {
				train = append(train, s)
			}
		}
		t, err := nlp.TrainTagger(ctx, train, nlp.TaggerOptions{}, nil)
		if err != nil {
			return err
		}
		right, all := 0, 0
		for i := fold; i < len(sents); i += k {
			xpos, upos := t.TagWords(sents[i].Words)
			for j := range xpos {
				if xpos[j] == sents[i].XPOS[j] {
					right++
				}
				all++
			}
			sents[i] = nlp.TaggedSentence{Words: sents[i].Words, XPOS: xpos, UPOS: upos}
		}
		fmt.Fprintf(stderr, "parser: fold %d tagged, XPOS accuracy %.4f\n", fold+1, float64(right)/float64(max(all, 1)))
	}
	return nil
}
