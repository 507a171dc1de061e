package main

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/ner"
	"github.com/tidings/tidings/nlp"
)

// evalEntities scores the whole entity layer — the NLP pipeline, the NER
// and the gazetteer's names combined, and the resolver that cleans,
// retypes and groups their mentions — on an NER gold file, the way
// evalNER scores the NER alone: exact PER/ORG/LOC spans on the gold
// tokenization (GPE and LOC count as LOC). The names are the mentions of
// the record's entities; descriptions ("the president") that the resolver
// adds to an entity are not names and are left out. The difference from
// "eval ner" on the same file is what the resolver's rules cost or gain.
func evalEntities(ctx context.Context, gold string, opts evalOptions) (any, error) {
	docs, err := readNERGold(gold, opts)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	p, err := nlp.Load()
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	_, res, err := loadEntities()
	if err != nil {
		return nil, err
	}
	var sc ner.Scorer
	sents, toks := 0, 0
	start := time.Now()
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc := goldDoc(p, d)
		pred := entityTags(doc, res.Resolve(doc, 0))
		for i, s := range d.Sentences {
			sc.Add(s.Tags, pred[i])
			toks += len(s.Words)
		}
		sents += len(d.Sentences)
	}
	rep := sc.Report()
	rep.Task, rep.Documents, rep.Sentences, rep.Tokens = "entities", len(docs), sents, toks
	// The speed of the whole layer, tagging and parsing included.
	rep.TokensPerSec = float64(toks) / time.Since(start).Seconds()
	return rep, nil
}

// goldDoc analyses a gold document on its own tokenization: the words
// joined by spaces, one sentence a line, tagged and parsed by p.
func goldDoc(p *nlp.Pipeline, d ner.Document) *nlp.Doc {
	doc := &nlp.Doc{}
	var text strings.Builder
	runes := 0
	for _, s := range d.Sentences {
		if text.Len() > 0 {
			text.WriteByte('\n')
			runes++
		}
		sent := nlp.Sentence{}
		for k, w := range s.Words {
			if k > 0 {
				text.WriteByte(' ')
				runes++
			}
			b, n := text.Len(), utf8.RuneCountInString(w)
			text.WriteString(w)
			sent.Tokens = append(sent.Tokens, nlp.Token{Text: w, BStart: b, BEnd: b + len(w), Start: runes, End: runes + n, Head: -1})
			runes += n
		}
		if len(sent.Tokens) > 0 {
			p.AnalyzeSentence(&sent)
			first, last := sent.Tokens[0], sent.Tokens[len(sent.Tokens)-1]
			sent.BStart, sent.BEnd, sent.Start, sent.End = first.BStart, last.BEnd, first.Start, last.End
		}
		doc.Sentences = append(doc.Sentences, sent)
	}
	doc.Text = text.String()
	return doc
}

// entityTags writes the name mentions of es as IOB2 tags over doc's
// sentences (PER, ORG, LOC; other types and descriptions are O).
func entityTags(doc *nlp.Doc, es []tidings.Entity) [][]string {
	type at struct{ sent, tok int }
	starts, ends := map[int]at{}, map[int]at{}
	tags := make([][]string, len(doc.Sentences))
	for si, s := range doc.Sentences {
		tags[si] = make([]string, len(s.Tokens))
		for ti, t := range s.Tokens {
			tags[si][ti] = "O"
			starts[t.Start], ends[t.End] = at{si, ti}, at{si, ti}
		}
	}
	for _, e := range es {
		typ := ner.EvalType(e.Type)
		if typ == "" {
			continue
		}
		for _, m := range e.Mentions {
			if w := strings.Fields(m.Text); len(w) > 1 && strings.EqualFold(w[0], "the") && strings.ToLower(w[1]) == w[1] {
				continue // a description ("the president"), not a name
			}
			a, okA := starts[m.Start]
			b, okB := ends[m.End]
			if !okA || !okB || a.sent != b.sent || a.tok > b.tok {
				continue
			}
			tags[a.sent][a.tok] = "B-" + typ
			for k := a.tok + 1; k <= b.tok; k++ {
				tags[a.sent][k] = "I-" + typ
			}
		}
	}
	return tags
}
