package nlpeval

import (
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tidings/tidings/nlp"
)

// JackknifedData reads GUM's train split with jackknifed tags (see
// TrainParser), caching the result in cache (a gob file; "" = no cache) so
// that parser experiments need not retrain the five fold taggers.
func JackknifedData(ctx context.Context, data, cache string, stderr io.Writer) ([]nlp.ParsedSentence, error) {
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			defer f.Close()
			var out []nlp.ParsedSentence
			if err := gob.NewDecoder(f).Decode(&out); err != nil {
				return nil, fmt.Errorf("cache %s: %w", cache, err)
			}
			return out, nil
		}
	}
	sents, err := ReadTreebank(ctx, trainSplit(data))
	if err != nil {
		return nil, err
	}
	tagged := taggedSentences(sents)
	if err := jackknifeTags(ctx, tagged, 5, stderr); err != nil {
		return nil, err
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
	if cache != "" {
		f, err := os.Create(cache)
		if err != nil {
			return nil, err
		}
		if err := gob.NewEncoder(f).Encode(parsed); err != nil {
			f.Close()
			return nil, fmt.Errorf("cache %s: %w", cache, err)
		}
		if err := f.Close(); err != nil {
			return nil, err
		}
	}
	return parsed, nil
}

// TrainParserWith trains a parser with explicit options on (cached)
// jackknifed data and writes it to out (for experiments).
func TrainParserWith(ctx context.Context, data, cache, out string, opt nlp.ParserOptions, stderr io.Writer) error {
	parsed, err := JackknifedData(ctx, data, cache, stderr)
	if err != nil {
		return err
	}
	if opt.Snapshot == nil {
		// Keep the models of the last passes beside out, to compare
		// numbers of passes with one run.
		last := opt.Iterations
		opt.Snapshot = func(it int, ps *nlp.Parser) {
			if last > 0 && it > last-10 && it%5 == 0 && it != last {
				name := fmt.Sprintf("%s.it%d", out, it)
				if err := writeModel(name, name, ps.Encode); err != nil {
					fmt.Fprintln(stderr, err)
				}
			}
		}
	}
	ps, err := nlp.TrainParser(ctx, parsed, opt, stderr)
	if err != nil {
		return err
	}
	return writeModel(out, out, ps.Encode)
}

// EvalDepsFile scores the embedded tagger with the parser stored in
// parserFile on gold (for experiments with unembedded models).
func EvalDepsFile(ctx context.Context, gold, parserFile string) (*DepsReport, error) {
	b, err := os.ReadFile(parserFile)
	if err != nil {
		return nil, err
	}
	ps, err := nlp.DecodeParser(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", parserFile, err)
	}
	tb, err := os.ReadFile(filepath.Join("nlp", "models", "tagger.bin.gz"))
	if err != nil {
		return nil, err
	}
	t, err := nlp.DecodeTagger(tb)
	if err != nil {
		return nil, err
	}
	return evalDepsWith(ctx, gold, nlp.NewPipeline(t, ps))
}

// ErrorsByRel counts head errors on gold by gold relation (experiments).
func ErrorsByRel(ctx context.Context, gold, parserFile string) (map[string][2]int, error) {
	b, err := os.ReadFile(parserFile)
	if err != nil {
		return nil, err
	}
	ps, err := nlp.DecodeParser(b)
	if err != nil {
		return nil, err
	}
	tb, err := os.ReadFile(filepath.Join("nlp", "models", "tagger.bin.gz"))
	if err != nil {
		return nil, err
	}
	t, err := nlp.DecodeTagger(tb)
	if err != nil {
		return nil, err
	}
	p := nlp.NewPipeline(t, ps)
	docs, err := readDocs(ctx, gold, 0)
	if err != nil {
		return nil, err
	}
	out := map[string][2]int{}
	for _, doc := range docs {
		for _, s := range doc {
			sent := nlp.Sentence{Tokens: make([]nlp.Token, len(s.Words))}
			for i, w := range s.Words {
				sent.Tokens[i] = nlp.Token{Text: w.Form, Head: -1}
			}
			p.AnalyzeSentence(&sent)
			for i, w := range s.Words {
				c := out[w.Rel]
				c[1]++
				if sent.Tokens[i].Head+1 != w.Head {
					c[0]++
				}
				out[w.Rel] = c
			}
		}
	}
	return out, nil
}
