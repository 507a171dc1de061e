package ner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Corpus is one training or development set under the NER data directory
// (../shared/data/ner).
type Corpus struct {
	Name   string
	Path   string // relative to the data directory
	Format string
}

// Training and development corpora under the data directory.
var (
	CorpusCoNLL = Corpus{"conll", "conll2003/eng.train", FormatCoNLL}
	CorpusUNER  = Corpus{"uner", "uner-ewt/en_ewt-ud-train.iob2", FormatIOB2}
	CorpusWNUT  = Corpus{"wnut", "wnut17/wnut17train.conll", FormatIOB2}
	// CorpusGUM is the GUM treebank's training documents, read from the
	// shared data root (../treebank/gum from the NER directory).
	CorpusGUM       = Corpus{"gum", "../treebank/gum", "gum"}
	CorpusCoNLLDev  = Corpus{"conll-dev", "conll2003/eng.testa", FormatCoNLL}
	CorpusUNERDev   = Corpus{"uner-dev", "uner-ewt/en_ewt-ud-dev.iob2", FormatIOB2}
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

// ReadCorpus reads one corpus from the data directory.
func ReadCorpus(ctx context.Context, dir string, c Corpus) ([]Document, error) {
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

// ParseMix reads a comma-separated list of corpus names ("conll,uner").
func ParseMix(s string) ([]Corpus, error) {
	var out []Corpus
	for _, name := range strings.Split(s, ",") {
		c, ok := CorpusByName(strings.TrimSpace(name))
		if !ok {
			return nil, fmt.Errorf("unknown NER corpus %q (want conll, uner, wnut, gum)", name)
		}
		out = append(out, c)
	}
	return out, nil
}
