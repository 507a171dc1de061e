// Package tone scores an article's tone the way GDELT does: the share of
// words that are positive and the share that are negative, in percent, and
// their difference as the score (so -100..+100, news mostly -10..+5).
//
// Word polarity comes from the VADER lexicon (vader.tsv.gz, derived from npm
// vader-sentiment 1.1.3, Apache-2.0, Copyright 2018 Comcast Cable
// Communications Management, LLC, lexicon by C.J. Hutto; rebuilt by
// internal/cmd/genlexicon, see there for the command), completed by newsWords, the words of violence and disaster that
// VADER, built for social media, lacks. Words with |valence| < 1 are too
// weak to count; names (capitalized words inside a sentence, proper nouns)
// and negation words themselves do not count. A negation
// within the three words before flips a word's polarity ("not good"); an
// intensifier right before weighs it 1.5 ("very bad"), a dampener 0.5
// ("slightly bad").
package tone

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

//go:embed vader.tsv.gz
var vaderGz []byte

var (
	loadOnce sync.Once
	lexicon  map[string]float64
	infos    map[string]wordInfo
	loadErr  error
)

// Scorer scores tone. It is read-only and safe for concurrent use.
type Scorer struct {
	lex map[string]float64
	// info holds, per word, its lexicon value and the word lists it is
	// in, so that Score looks a token up once.
	info map[string]wordInfo
}

// wordInfo is what Score asks of a word.
type wordInfo struct {
	v                      float64 // lexicon value, if inLex
	inLex                  bool
	neg, intensify, dampen bool // in negators, intensifiers, dampeners
}

// wordInfos indexes lex and the word lists by word.
func wordInfos(lex map[string]float64) map[string]wordInfo {
	m := make(map[string]wordInfo, len(lex))
	for w, v := range lex {
		m[w] = wordInfo{v: v, inLex: true}
	}
	for _, l := range []struct {
		set  map[string]bool
		set1 func(*wordInfo)
	}{
		{negators, func(i *wordInfo) { i.neg = true }},
		{intensifiers, func(i *wordInfo) { i.intensify = true }},
		{dampeners, func(i *wordInfo) { i.dampen = true }},
	} {
		for w, in := range l.set {
			if in {
				i := m[w]
				l.set1(&i)
				m[w] = i
			}
		}
	}
	return m
}

// New returns a scorer with the embedded lexicon (decoded once).
func New() (*Scorer, error) {
	loadOnce.Do(func() {
		lexicon, loadErr = decode(vaderGz)
		for w, v := range newsWords {
			if loadErr == nil {
				if _, ok := lexicon[w]; !ok {
					lexicon[w] = v
				}
			}
		}
		if loadErr == nil {
			infos = wordInfos(lexicon)
		}
	})
	if loadErr != nil {
		return nil, loadErr
	}
	return &Scorer{lex: lexicon, info: infos}, nil
}

func decode(gz []byte) (map[string]float64, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("tone: lexicon: %w", err)
	}
	m := make(map[string]float64, 8000)
	sc := bufio.NewScanner(zr)
	for n := 1; sc.Scan(); n++ {
		w, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, fmt.Errorf("tone: lexicon line %d: %w", n, err)
		}
		m[w] = f
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tone: lexicon: %w", err)
	}
	return m, nil
}

// newsWords complete VADER for news of conflict and disaster.
var newsWords = map[string]float64{
	"deadly": -2.5, "wounded": -2, "bombing": -2.5, "bombings": -2.5, "bombed": -2.5,
	"shelling": -2.5, "shelled": -2.5, "airstrike": -2, "airstrikes": -2, "missile": -1,
	"missiles": -1, "casualties": -2.5, "injured": -2, "dead": -3, "death": -2.9, "deaths": -2.9,
	"massacre": -3.5, "annexed": -1.5, "unlawfully": -2, "invasion": -2.5, "occupation": -1.5,
	"hostage": -2.5, "hostages": -2.5, "refugees": -1, "displaced": -1.5, "famine": -3,
	"earthquake": -2, "flood": -2, "floods": -2, "explosion": -2, "blast": -2, "riot": -2,
	"riots": -2, "clashes": -2, "arrested": -1.5, "detained": -1.5, "shot": -2, "gunmen": -2,
	"militants": -1.5, "insurgents": -1.5, "terrorist": -3, "terrorists": -3, "bloodshed": -3,
	"crisis": -2.5, "collapse": -2, "sanctions": -1, "corruption": -2.5, "wounding": -2,
}

var negators = setOf(`not no never n't n’t nor none nobody nothing neither without cannot
hardly barely scarcely rarely seldom lack lacks lacked despite`)

var intensifiers = setOf(`very extremely absolutely completely deeply highly hugely incredibly
really so totally truly utterly particularly especially exceptionally gravely seriously severely
strongly vigorously most more greatly`)

var dampeners = setOf(`slightly somewhat barely marginally partly little less least fairly
kind sort`)

func setOf(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Annotate sets a.Tone.
func (s *Scorer) Annotate(ctx context.Context, doc *nlp.Doc, a *tidings.Article) error {
	if a == nil {
		return errors.New("tone: nil article")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	t := s.Score(facttext.For(ctx, doc, a.Text))
	a.Tone = &t
	return nil
}

// Score computes the tone of a text.
func (s *Scorer) Score(t *facttext.Text) tidings.Tone {
	var words int
	var pos, neg float64
	for _, sent := range t.Sentences {
		toks := sent.Tokens
		for i, k := range toks {
			if !facttext.IsWord(k.Text) || k.Lower == "n't" || k.Lower == "n’t" {
				continue
			}
			words++
			if k.UPOS == "PROPN" || (i > 0 && facttext.IsCap(k.Text)) {
				continue
			}
			in := s.info[k.Lower]
			if in.neg {
				continue
			}
			v, ok := in.v, in.inLex
			if !ok && k.Lemma != k.Lower {
				v, ok = s.lex[k.Lemma]
			}
			if !ok || math.Abs(v) < 1 {
				continue
			}
			w := 1.0
			if i > 0 {
				if p := s.info[toks[i-1].Lower]; p.intensify {
					w = 1.5
				} else if p.dampen {
					w = 0.5
				}
			}
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if s.info[toks[j].Lower].neg {
					v = -v
					break
				}
				if toks[j].Text == "," || toks[j].Text == ";" {
					break
				}
			}
			if v > 0 {
				pos += w
			} else {
				neg += w
			}
		}
	}
	if words == 0 {
		return tidings.Tone{}
	}
	p := round2(100 * pos / float64(words))
	n := round2(100 * neg / float64(words))
	return tidings.Tone{Score: round2(p - n), Positive: p, Negative: n}
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
