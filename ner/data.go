package ner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Corpus is one training or development set under the NER data directory
// (../shared/data/ner).
type Corpus struct {
	Name   string
	Path   string // relative to the data directory
	Format string
	Weight int // training visits per document and epoch (0 counts as 1)
}

// Training and development corpora under the data directory.
var (
	CorpusCoNLL = Corpus{"conll", "conll2003/eng.train", FormatCoNLL, 1}
	CorpusUNER  = Corpus{"uner", "uner-ewt/en_ewt-ud-train.iob2", FormatIOB2, 1}
	CorpusWNUT  = Corpus{"wnut", "wnut17/wnut17train.conll", FormatIOB2, 1}
	// CorpusGUM is the GUM treebank's training documents, read from the
	// shared data root (../treebank/gum from the NER directory).
	CorpusGUM       = Corpus{"gum", "../treebank/gum", "gum", 1}
	CorpusCoNLLDev  = Corpus{"conll-dev", "conll2003/eng.testa", FormatCoNLL, 1}
	CorpusUNERDev   = Corpus{"uner-dev", "uner-ewt/en_ewt-ud-dev.iob2", FormatIOB2, 1}
	DefaultTraining = []Corpus{CorpusCoNLL, CorpusUNER, CorpusWNUT}
	DevSets         = []Corpus{CorpusCoNLLDev, CorpusUNERDev}
)

// CorpusByName returns a known training corpus by name.
func CorpusByName(name string) (Corpus, bool) {
	for _, c := range []Corpus{CorpusCoNLL, CorpusUNER, CorpusWNUT, CorpusGUM} {
		if c.Name == name {
			return c, true
		}
	}
	return Corpus{}, false
}

// ReadCorpus reads one corpus from the data directory; its documents get
// the corpus's weight.
func ReadCorpus(ctx context.Context, dir string, c Corpus) ([]Document, error) {
	docs, err := readCorpus(ctx, dir, c)
	for i := range docs {
		docs[i].Weight = c.Weight
	}
	return docs, err
}

func readCorpus(ctx context.Context, dir string, c Corpus) ([]Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p := filepath.Join(dir, c.Path)
	if c.Format == "gum" {
		g, err := loadGazetteer()
		if err != nil {
			return nil, err
		}
		docs, err := g.readGUMNames(p)
		if err != nil {
			return nil, fmt.Errorf("ner corpus %s: %w", c.Name, err)
		}
		return docs, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("ner corpus %s: %w", c.Name, err)
	}
	defer f.Close()
	docs, err := ReadGold(f, c.Format, p)
	if err != nil {
		return nil, err
	}
	if c.Name == "wnut" {
		// WNUT-17 tweets are independent: one document each.
		var out []Document
		for _, d := range docs {
			for _, s := range d.Sentences {
				out = append(out, Document{Sentences: []Sentence{s}})
			}
		}
		docs = out
	}
	return docs, nil
}

// ParseMix reads a comma-separated list of corpus names, each optionally
// with a training weight ("conll,uner*2").
func ParseMix(s string) ([]Corpus, error) {
	var out []Corpus
	for _, item := range strings.Split(s, ",") {
		name, weight, hasWeight := strings.Cut(strings.TrimSpace(item), "*")
		c, ok := CorpusByName(name)
		if !ok {
			return nil, fmt.Errorf("unknown NER corpus %q (want conll, uner, wnut, gum)", name)
		}
		if hasWeight {
			w, err := strconv.Atoi(weight)
			if err != nil || w < 1 || w > 10 {
				return nil, fmt.Errorf("NER corpus %q: weight must be 1-10", item)
			}
			c.Weight = w
		}
		out = append(out, c)
	}
	return out, nil
}
