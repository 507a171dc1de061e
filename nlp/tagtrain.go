package nlp

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/tidings/tidings/nlp/perceptron"
)

// TaggedSentence is one training sentence for the tagger.
type TaggedSentence struct {
	Words, XPOS, UPOS []string
}

// TaggerOptions control training. The zero value means the defaults.
type TaggerOptions struct {
	Iterations int     // passes over the data (default 10)
	Seed       uint64  // shuffling seed (default 1)
	MinWeight  float32 // prune averaged weights below this (default 0.01)
}

// TrainTagger trains a tagger. Training is deterministic for given data
// and options.
func TrainTagger(ctx context.Context, sents []TaggedSentence, opt TaggerOptions, log io.Writer) (*Tagger, error) {
	if opt.Iterations == 0 {
		opt.Iterations = 10
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.MinWeight == 0 {
		opt.MinWeight = 0.01
	}
	t := &Tagger{amb: map[string]uint64{}, sure: map[string]int32{}}
	classOf := map[tagPair]int32{}
	var pairs []tagPair
	for _, s := range sents {
		for i := range s.Words {
			p := tagPair{s.XPOS[i], s.UPOS[i]}
			if _, ok := classOf[p]; !ok {
				classOf[p] = 0
				pairs = append(pairs, p)
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].XPOS != pairs[j].XPOS {
			return pairs[i].XPOS < pairs[j].XPOS
		}
		return pairs[i].UPOS < pairs[j].UPOS
	})
	for i, p := range pairs {
		classOf[p] = int32(i)
	}
	t.classes = pairs
	t.buildDictionaries(sents, classOf)

	tr := perceptron.NewTrainer(len(pairs))
	scores := make([]float32, len(pairs))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var s tagScratch
	for it := 0; it < opt.Iterations; it++ {
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(it)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			sent := sents[si]
			t.prepare(sent.Words, &s)
			p1, p2 := int32(-1), int32(-1)
			for i := range sent.Words {
				gold := classOf[tagPair{sent.XPOS[i], sent.UPOS[i]}]
				guess := s.info[i].sure
				if guess < 0 {
					tr.Tick()
					feats := t.features(&s, i, p1, p2)
					clear(scores)
					tr.Scores(feats, scores)
					guess = argmax(scores)
					tr.Update(feats, int(gold), int(guess))
				}
				if guess == gold {
					correct++
				}
				total++
				p2, p1 = p1, guess
			}
		}
		if log != nil {
			fmt.Fprintf(log, "tagger: iteration %d: train accuracy %.4f, %d features\n", it+1, float64(correct)/float64(max(total, 1)), tr.Features())
		}
	}
	t.model = tr.Model(opt.MinWeight)
	return t, nil
}

// buildDictionaries fills the ambiguity classes (XPOS tags making up at
// least 5% of a word's training occurrences, for words seen twice or more)
// and the sure-tag table (words seen 20+ times with one class ≥ 99.5%).
func (t *Tagger) buildDictionaries(sents []TaggedSentence, classOf map[tagPair]int32) {
	type counts map[int32]int
	byLow := map[string]map[string]int{}
	byRaw := map[string]counts{}
	for _, s := range sents {
		for i, w := range s.Words {
			low := strings.ToLower(w)
			if byLow[low] == nil {
				byLow[low] = map[string]int{}
			}
			byLow[low][s.XPOS[i]]++
			if byRaw[w] == nil {
				byRaw[w] = counts{}
			}
			byRaw[w][classOf[tagPair{s.XPOS[i], s.UPOS[i]}]]++
		}
	}
	for w, m := range byLow {
		n := 0
		for _, c := range m {
			n += c
		}
		if n < 2 {
			continue
		}
		var tags []string
		for tag, c := range m {
			if c*20 >= n {
				tags = append(tags, tag)
			}
		}
		sort.Strings(tags)
		t.amb[w] = perceptron.String(strings.Join(tags, "|"))
	}
	for w, m := range byRaw {
		n, best, bc := 0, int32(-1), 0
		for c, k := range m {
			n += k
			if k > bc || (k == bc && c < best) {
				best, bc = c, k
			}
		}
		if n >= 20 && bc*1000 >= n*995 {
			t.sure[w] = best
		}
	}
}
