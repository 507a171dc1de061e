package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	prosener "github.com/jdkato/prose/v3/ner"
	prosetag "github.com/jdkato/prose/v3/tag"
	prosetoken "github.com/jdkato/prose/v3/token"

	"github.com/tidings/tidings/ner"
)

// evalNER scores the named-entity recognizer on a gold file (--format
// conll for CoNLL-2003, iob2 for UNER/WNUT-style files) with exact-span
// P/R/F1 over PER, ORG and LOC (GPE counts as LOC; MISC, NORP and other
// types are dropped from gold and prediction before matching). The model
// tags each document on the gold tokenization. With TIDINGS_NER_PEER=prose
// the report also holds prose v3's scores and speed on the same tokens
// ("peer"). TIDINGS_NER_MODEL=FILE scores the model in FILE (as written by
// "tidings train ner --out FILE") instead of the embedded one.
func evalNER(ctx context.Context, gold string, opts evalOptions) (any, error) {
	docs, err := readNERGold(gold, opts)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r, err := loadNERFor(os.Getenv("TIDINGS_NER_MODEL"))
	if err != nil {
		return nil, err
	}
	rep := r.Evaluate(docs)
	if os.Getenv("TIDINGS_NER_PEER") == "prose" {
		peer, err := evalProse(ctx, docs)
		if err != nil {
			return nil, err
		}
		rep.Peer, rep.PeerName = &peer, "github.com/jdkato/prose/v3 ner"
	}
	return rep, nil
}

// readNERGold reads the documents of an NER gold file in opts.Format
// (by default iob2 for a .iob2 file, else conll), at most opts.Limit.
func readNERGold(gold string, opts evalOptions) ([]ner.Document, error) {
	format := opts.Format
	if format == "" {
		format = ner.FormatCoNLL
		if strings.HasSuffix(gold, ".iob2") {
			format = ner.FormatIOB2
		}
	}
	f, err := os.Open(gold)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ner.ReadGold(f, format, gold)
	if err != nil {
		return nil, err
	}
	if opts.Limit > 0 && len(docs) > opts.Limit {
		docs = docs[:opts.Limit]
	}
	return docs, nil
}

// loadNERFor loads the model file path, or the embedded model when path is
// empty.
func loadNERFor(path string) (*ner.Recognizer, error) {
	if path == "" {
		return ner.Load()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	r, err := ner.NewFromModel(b)
	if err != nil {
		return nil, fmt.Errorf("ner: %s: %w", path, err)
	}
	return r, nil
}

// evalProse scores prose v3's tagger+NER on the gold tokens of docs: each
// sentence's words become prose tokens (joined by spaces), are POS-tagged,
// labelled and chunked into entities, and the entities (PERSON, GPE,
// ORGANIZATION) are scored like ours.
func evalProse(ctx context.Context, docs []ner.Document) (ner.Report, error) {
	tg, err := prosetag.New()
	if err != nil {
		return ner.Report{}, fmt.Errorf("prose tagger: %w", err)
	}
	ex, err := prosener.New()
	if err != nil {
		return ner.Report{}, fmt.Errorf("prose ner: %w", err)
	}
	var sc ner.Scorer
	var dur time.Duration
	toks, sents := 0, 0
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return ner.Report{}, err
		}
		for _, s := range d.Sentences {
			t0 := time.Now()
			tokens := make([]prosetoken.Token, len(s.Words))
			text := ""
			for i, w := range s.Words {
				tokens[i] = prosetoken.Token{Text: w, Start: len(text)}
				text += w + " "
			}
			tg.TagTokens(tokens)
			ex.Label(tokens)
			ents := ex.Chunk(text, tokens)
			dur += time.Since(t0)
			pred := proseTags(tokens, ents)
			sc.Add(s.Tags, pred)
			toks += len(s.Words)
			sents++
		}
	}
	rep := sc.Report()
	rep.Documents, rep.Sentences, rep.Tokens = len(docs), sents, toks
	if dur > 0 {
		rep.TokensPerSec = float64(toks) / dur.Seconds()
	}
	return rep, nil
}

// proseTags turns prose's entities back into IOB2 tags over its tokens,
// matching them by byte offset.
func proseTags(tokens []prosetoken.Token, ents []prosener.Entity) []string {
	tags := make([]string, len(tokens))
	for i := range tags {
		tags[i] = "O"
	}
	for _, e := range ents {
		first := true
		for i, t := range tokens {
			if t.Start >= e.Start && t.Start+len(t.Text) <= e.End() {
				if first {
					tags[i] = "B-" + e.Label
					first = false
				} else {
					tags[i] = "I-" + e.Label
				}
			}
		}
	}
	return tags
}
