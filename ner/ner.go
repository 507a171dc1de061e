// Package ner finds the names of persons, organisations, places and
// nationality or religious groups in text.
//
// The recognizer is a pair of BILOU sequence models (averaged structured
// perceptrons, Viterbi decoding restricted to valid BILOU transitions) over
// hashed features: word form, lower case, shape, prefixes and suffixes,
// a ±2 window of words and shapes, word clusters and a capitalization prior
// learnt from raw text (lexicon.go), clusters of pretrained GloVe vectors
// (glove.go), the casing of the same word elsewhere in the article (for
// headlines, ALL-CAPS lines and sentence-initial words), and gazetteer
// matches (countries, demonyms, first names, cities, regions,
// PETRARCH2 actors; gazetteer.go). The second model is stacked: it adds
// document-level features from the first pass's labels of the other
// mentions of each word (stack.go). A post-pass labels untagged recurrences
// of confidently tagged names and surnames of tagged persons
// (consistency.go). Three rules then fix name patterns too rare in the
// training data for the model to learn (postrules.go): an organization or
// place followed by an elliptic possessive takes it in ("dinner at Del
// Frisco 's"), an inverted "Surname , Given" between quotes is one person,
// and a MISC span that the gazetteer lists as an organization is one
// (together UNER dev F1 +1.1, CoNLL +0.1, mean of three training seeds).
// Locations are split into GPE and LOC, and nationality,
// religious and ethnic group names are typed NORP, by rule (classify.go).
//
// Training (Train, "tidings train ner") uses CoNLL-2003 eng.train, UNER
// English-EWT train and WNUT-17 train, with CoNLL MISC, UNER OTH and
// WNUT product/creative-work as an internal MISC class. For web text,
// where names are often typed in lower case, a lower-cased copy of every
// fourth training document is added (case augmentation: WNUT-17 dev F1
// +5 points, UNER +0.5, CoNLL about even), and each final model is the
// average of two perceptrons trained in different orders, which removes
// much of the run-to-run variance. The model uses no
// part-of-speech tags, so it behaves the same whatever tagger produced the
// tokens (Tag's pos argument is ignored).
//
// Decoding is tuned for throughput without changing any score: both
// passes' weights sit side by side in one open-addressing table built at
// load time (joint.go), so a base feature is looked up once for both
// passes, with the probing done in a compact array of fingerprints and the
// weights added with AVX2 (simd_amd64.s; four to a machine word without
// it); the weight sums of the features of a word form alone (form,
// affixes, shape, clusters) are cached per word across documents, with
// the word's views, first gazetteer step and the hash states of its window
// features (wordcache.go); gazetteer phrases are first asked of a small
// Bloom filter (table.go); per-document buffers come from a pool
// (decode.go); Viterbi and forward-backward follow the shape of BILOU
// (lattice.go), Viterbi taking the maxima of eight labels at once with
// AVX2, and forward-backward runs only over the tokens the spans need. The
// sums are integers, so their order does not matter; the floating-point
// operations are those of a dense decoder, in the same order.
package ner

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/tidings/tidings/nlp"
	"github.com/tidings/tidings/nlp/clusters"
)

// modelGz is the trained model (both passes and the lexicon). Rebuild it,
// byte for byte (training is deterministic; one to six minutes on one
// core), from the repository root with
//
//	go run ./cmd/tidings train ner --data ../shared/data/ner
//
// and whenever nlp/clusters/glove.tsv.gz changes: the model's GloVe-cluster
// features (glove.go) name that table's classes.
//
//go:embed model.bin.gz
var modelGz []byte

// Entity types of the spans Recognize returns; they match the article
// record's entity types. Tag may also return MISC (other names).
const (
	Person = "PERSON"
	Org    = "ORG"
	GPE    = "GPE"
	Loc    = "LOC"
	NORP   = "NORP"
	Misc   = "MISC"
)

// Span is one entity mention found in a document.
type Span struct {
	// Sent is the sentence index in the Doc; Start and End are token
	// indices within it, End exclusive.
	Sent, Start, End int
	Type             string
	Text             string
	// CStart and CEnd are code-point offsets into Doc.Text.
	CStart, CEnd int
	// Score is the model's confidence in the span, in [0, 1].
	Score float64
}

// Recognizer finds entity mentions. It is immutable and safe for concurrent
// use.
type Recognizer struct {
	m1 *model // first pass
	m2 *model // second pass with stacked document features; may be nil
	x  *extractor
	// joint holds both passes' weights in one table (joint.go).
	joint *jointModel
	// pool keeps per-document scratch buffers (decode.go).
	pool *sync.Pool
}

var (
	loadOnce sync.Once
	loaded   *Recognizer
	loadErr  error

	gazOnce sync.Once
	gaz     *gazetteer
	gazErr  error
)

func loadGazetteer() (*gazetteer, error) {
	gazOnce.Do(func() { gaz, gazErr = parseGazetteer(gazetteerGz) })
	return gaz, gazErr
}

// Load returns the recognizer with the embedded model, decoded once.
func Load() (*Recognizer, error) {
	loadOnce.Do(func() { loaded, loadErr = NewFromModel(modelGz) })
	return loaded, loadErr
}

// NewFromModel builds a recognizer from a gzip'd model as written by Train.
func NewFromModel(gz []byte) (*Recognizer, error) {
	// The gazetteer and the GloVe table decode while the model does.
	var (
		g          *gazetteer
		gv         *clusters.Table
		gerr, verr error
		wg         sync.WaitGroup
	)
	wg.Add(2)
	go func() { defer wg.Done(); g, gerr = loadGazetteer() }()
	go func() { defer wg.Done(); gv, verr = clusters.GloVe() }()
	ms, err := decodeModels(gz)
	wg.Wait()
	switch {
	case gerr != nil:
		return nil, gerr
	case verr != nil:
		return nil, fmt.Errorf("ner model: %w", verr)
	case err != nil:
		return nil, err
	}
	r := &Recognizer{m1: ms[0], x: &extractor{gaz: g, lex: ms[0].lex, glove: gv}, pool: new(sync.Pool)}
	if len(ms) > 1 {
		r.m2 = ms[1]
	}
	r.joint = newJointModel(r.m1, r.m2)
	for _, m := range ms {
		m.keys = nil // only needed to build the joint table
	}
	return r, nil
}

// decodeModels reads the gzipped models of gz.
func decodeModels(gz []byte) ([]*model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	ms, err := readModels(zr)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	return ms, nil
}

// scoredSpan is a span of one sentence with its internal class.
type scoredSpan struct {
	Start, End int
	Class      int
	Score      float64
	typ        string // record type (finalType), set by decodeDoc
}

func slicesGrow(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}

// Tag labels one gold-tokenized sentence with IOB2 tags whose types are
// PERSON, ORG, GPE, LOC, NORP or MISC. pos is ignored (the model uses no
// part-of-speech features) and may be nil.
func (r *Recognizer) Tag(words []string, pos []string) []string {
	return r.TagDocument([][]string{words})[0]
}

// TagDocument labels the sentences of one document together, so that
// document-level casing and consistency apply, with IOB2 tags as Tag.
func (r *Recognizer) TagDocument(sents [][]string) [][]string {
	spans := r.decodeDoc(sents)
	out := make([][]string, len(sents))
	for si, ws := range sents {
		tags := make([]string, len(ws))
		for i := range tags {
			tags[i] = "O"
		}
		for _, s := range spans[si] {
			typ := s.typ
			tags[s.Start] = "B-" + typ
			for i := s.Start + 1; i < s.End; i++ {
				tags[i] = "I-" + typ
			}
		}
		out[si] = tags
	}
	return out
}

// Lowercase reports whether word is written in lower case almost
// everywhere it occurs mid-sentence in the NER's training text ("bath",
// "sale", "come"; not "vancouver"): a capitalised occurrence is then more
// likely a sentence start, a headline or a team than a place.
func (r *Recognizer) Lowercase(word string) bool {
	_, _, capb, ok := r.x.lex.get(normWord(word))
	return ok && capb == capLower
}

// Recognize finds the PERSON, ORG, GPE, LOC, NORP and MISC mentions of an
// analysed document, in document order. MISC spans (events, works,
// products: "U.S. Open", "Tour of the Netherlands") are names of no entity
// type the record keeps; they are returned so that a dictionary spotter
// combined with the NER does not find places inside them.
func (r *Recognizer) Recognize(doc *nlp.Doc) []Span {
	if doc == nil {
		return nil
	}
	sents := make([][]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		ws := make([]string, len(s.Tokens))
		for j, t := range s.Tokens {
			ws[j] = t.Text
		}
		sents[i] = ws
	}
	var out []Span
	for si, spans := range r.decodeDoc(sents) {
		toks := doc.Sentences[si].Tokens
		for _, s := range spans {
			typ := s.typ
			first, last := toks[s.Start], toks[s.End-1]
			text := ""
			if first.BStart >= 0 && last.BEnd <= len(doc.Text) && first.BStart <= last.BEnd {
				text = doc.Text[first.BStart:last.BEnd]
			} else {
				text = strings.Join(sents[si][s.Start:s.End], " ")
			}
			out = append(out, Span{
				Sent: si, Start: s.Start, End: s.End, Type: typ, Text: text,
				CStart: first.Start, CEnd: last.End, Score: s.Score,
			})
		}
	}
	return out
}
