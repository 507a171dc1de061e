package nlpeval

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jdkato/prose/v3/tag"
	"github.com/tidings/tidings/nlp"
	"github.com/tidings/tidings/nlp/conllu"
)

// POSReport is the result of EvalPOS. Accuracies are over gold tokens
// (syntactic words); the prose_* fields score github.com/jdkato/prose/v3's
// PTB tagger on the same words, for comparison.
type POSReport struct {
	Task         string  `json:"task"`
	UPOS         float64 `json:"upos"`
	XPOS         float64 `json:"xpos"`
	Tokens       int     `json:"tokens"`
	TokensPerSec float64 `json:"tokens_per_sec"`
	ProseXPOS    float64 `json:"prose_xpos"`
	ProsePerSec  float64 `json:"prose_tokens_per_sec"`
	Lemma        float64 `json:"lemma"` // lemma accuracy on predicted tags
}

// DepsReport is the result of EvalDeps (gold tokenization, predicted tags).
// Punctuation is included in the scores, as in the CoNLL 2018 shared task.
type DepsReport struct {
	Task   string  `json:"task"`
	UAS    float64 `json:"uas"`
	LAS    float64 `json:"las"`
	Tokens int     `json:"tokens"`
}

// SentReport is the result of EvalSentences: sentence-end boundaries on
// raw text rebuilt from the treebank.
type SentReport struct {
	Task      string  `json:"task"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
}

// readDocs reads the documents of gold (at most limit, 0 = all), skipping
// those whose text is withheld (GUM's Reddit documents, see conllu.Masked).
func readDocs(ctx context.Context, gold string, limit int) ([][]conllu.Sentence, error) {
	files, err := conllu.Files(gold)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", gold, err)
	}
	if limit > 0 && len(files) > limit {
		files = files[:limit]
	}
	var docs [][]conllu.Sentence
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s, err := conllu.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if conllu.Masked(s) {
			continue // text withheld (GUM Reddit): not scorable
		}
		docs = append(docs, s)
	}
	return docs, nil
}

func loadPipeline() (*nlp.Pipeline, error) {
	p, err := nlp.Load()
	if err != nil {
		return nil, err
	}
	return p, nil
}

// EvalPOS scores the embedded tagger on the gold words of gold.
func EvalPOS(ctx context.Context, gold string, limit int) (*POSReport, error) {
	docs, err := readDocs(ctx, gold, limit)
	if err != nil {
		return nil, err
	}
	p, err := loadPipeline()
	if err != nil {
		return nil, err
	}
	if !p.HasTagger() {
		return nil, errors.New("pos: no tagger model embedded")
	}
	pt, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("pos: prose tagger: %w", err)
	}
	r := &POSReport{Task: "pos"}
	var up, xp, pp, lm int
	var ours, theirs time.Duration
	for _, doc := range docs {
		for _, s := range doc {
			words := make([]string, len(s.Words))
			for i, w := range s.Words {
				words[i] = w.Form
			}
			t0 := time.Now()
			xpos, upos := p.TagWords(words)
			t1 := time.Now()
			pro := pt.Tag(words)
			ours += t1.Sub(t0)
			theirs += time.Since(t1)
			for i, w := range s.Words {
				if upos[i] == w.UPOS {
					up++
				}
				if xpos[i] == w.XPOS {
					xp++
				}
				if pro[i].Tag == w.XPOS {
					pp++
				}
				if p.Lemma(w.Form, upos[i], xpos[i]) == w.Lemma {
					lm++
				}
			}
			r.Tokens += len(words)
		}
	}
	if r.Tokens == 0 {
		return nil, fmt.Errorf("pos: no tokens in %s", gold)
	}
	n := float64(r.Tokens)
	r.UPOS, r.XPOS, r.ProseXPOS = float64(up)/n, float64(xp)/n, float64(pp)/n
	r.Lemma = float64(lm) / n
	r.TokensPerSec = n / ours.Seconds()
	r.ProsePerSec = n / theirs.Seconds()
	return r, nil
}

// EvalDeps scores the embedded tagger+parser on the gold words of gold.
func EvalDeps(ctx context.Context, gold string, limit int) (*DepsReport, error) {
	docs, err := readDocs(ctx, gold, limit)
	if err != nil {
		return nil, err
	}
	p, err := loadPipeline()
	if err != nil {
		return nil, err
	}
	return scoreDeps(docs, p)
}

// evalDepsWith scores pipeline p on gold (for experiments with unembedded models).
func evalDepsWith(ctx context.Context, gold string, p *nlp.Pipeline) (*DepsReport, error) {
	docs, err := readDocs(ctx, gold, 0)
	if err != nil {
		return nil, err
	}
	return scoreDeps(docs, p)
}

func scoreDeps(docs [][]conllu.Sentence, p *nlp.Pipeline) (*DepsReport, error) {
	if !p.HasParser() {
		return nil, errors.New("deps: no parser model embedded")
	}
	r := &DepsReport{Task: "deps"}
	var ua, la int
	for _, doc := range docs {
		for _, s := range doc {
			sent := nlp.Sentence{Tokens: make([]nlp.Token, len(s.Words))}
			for i, w := range s.Words {
				sent.Tokens[i] = nlp.Token{Text: w.Form, Head: -1}
			}
			p.AnalyzeSentence(&sent)
			for i, w := range s.Words {
				t := sent.Tokens[i]
				if t.Head+1 == w.Head {
					ua++
					if t.Rel == w.Rel {
						la++
					}
				}
			}
			r.Tokens += len(s.Words)
		}
	}
	if r.Tokens == 0 {
		return nil, errors.New("deps: no tokens")
	}
	r.UAS, r.LAS = float64(ua)/float64(r.Tokens), float64(la)/float64(r.Tokens)
	return r, nil
}

// RawText rebuilds a document's running text from its sentences: the
// "# text" lines (or the surface tokens and SpaceAfter), sentences of one
// paragraph joined by a space, paragraphs ("# newpar") by a blank line. It
// returns the text and the byte offset where each sentence ends.
func RawText(doc []conllu.Sentence) (string, []int) {
	var b strings.Builder
	var ends []int
	for i, s := range doc {
		if i > 0 {
			if s.NewPar {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		t := s.Text
		if t == "" {
			forms, space := s.Surface()
			var sb strings.Builder
			for k, f := range forms {
				sb.WriteString(f)
				if space[k] && k < len(forms)-1 {
					sb.WriteByte(' ')
				}
			}
			t = sb.String()
		}
		b.WriteString(t)
		ends = append(ends, b.Len())
	}
	return b.String(), ends
}

// EvalSentences scores sentence splitting on raw text rebuilt by RawText.
func EvalSentences(ctx context.Context, gold string, limit int) (*SentReport, error) {
	docs, err := readDocs(ctx, gold, limit)
	if err != nil {
		return nil, err
	}
	r := &SentReport{Task: "sentences"}
	hit := 0
	for _, doc := range docs {
		text, ends := RawText(doc)
		want := map[int]bool{}
		for _, e := range ends {
			want[e] = true
		}
		got := nlp.SplitSentences(text, nlp.Tokenize(text))
		for _, s := range got {
			if want[s.BEnd] {
				hit++
			}
		}
		r.Gold += len(ends)
		r.Predicted += len(got)
	}
	if r.Gold == 0 || r.Predicted == 0 {
		return nil, fmt.Errorf("sentences: nothing to score in %s", gold)
	}
	r.Precision = float64(hit) / float64(r.Predicted)
	r.Recall = float64(hit) / float64(r.Gold)
	if hit > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r, nil
}
