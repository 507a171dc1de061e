package nlp

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"

	"github.com/tidings/tidings/nlp/perceptron"
)

// ParsedSentence is one training sentence for the parser. Heads are
// 1-based with 0 for the root, as in CoNLL-U.
type ParsedSentence struct {
	Words, XPOS, UPOS []string
	Heads             []int
	Rels              []string
}

// ParserOptions control training. The zero value means the defaults.
type ParserOptions struct {
	Iterations  int     // passes over the data (default 15: on GUM dev as good as 20, 0.853 vs 0.852 UAS)
	Seed        uint64  // shuffling and exploration seed (default 1)
	MinWeight   float32 // prune averaged weights below this (default 1: a tenth of the size, -0.1 UAS)
	ExploreFrom int     // first pass (0-based) that follows the model's own moves (default 1)
	ExploreP    float64 // probability of following the model's move then (default 0.9)
	// Snapshot, if set, receives the parser as it would be after each
	// pass (for choosing Iterations; the passes do not depend on it).
	Snapshot func(iteration int, ps *Parser)
}

// TrainParser trains a parser with the dynamic oracle. Deterministic for
// given data and options.
func TrainParser(ctx context.Context, sents []ParsedSentence, opt ParserOptions, log io.Writer) (*Parser, error) {
	if opt.Iterations == 0 {
		opt.Iterations = 15
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.MinWeight == 0 {
		opt.MinWeight = 1
	}
	if opt.ExploreFrom == 0 {
		opt.ExploreFrom = 1
	}
	if opt.ExploreP == 0 {
		opt.ExploreP = 0.9
	}
	ps, golds, err := parserData(sents)
	if err != nil {
		return nil, err
	}
	words := clusterProbe(sents)
	ps.probe = append([]string{clusterFingerprint(ps.clus, words)}, words...)
	nc := 2 + 2*len(ps.labels)
	tr := perceptron.NewTrainer(nc)
	var st parseScratch
	st.scores = make([]float32, nc)
	order := make([]int, len(golds))
	for i := range order {
		order[i] = i
	}
	for it := 0; it < opt.Iterations; it++ {
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(it)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := 0.0
		if it >= opt.ExploreFrom {
			explore = opt.ExploreP
		}
		good, total := 0, 0
		for _, gi := range order {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			g, n := ps.trainSentence(tr, &st, golds[gi], rng, explore)
			good += g
			total += n
		}
		if log != nil {
			fmt.Fprintf(log, "parser: iteration %d: zero-cost moves %.4f, %d features\n", it+1, float64(good)/float64(max(total, 1)), tr.Features())
		}
		if opt.Snapshot != nil {
			snap := *ps
			snap.model = tr.Model(opt.MinWeight)
			opt.Snapshot(it+1, &snap)
		}
	}
	ps.model = tr.Model(opt.MinWeight)
	return ps, nil
}

// goldTree is a training sentence: tokens with tags, projectivized gold
// heads (1-based, 0 root) and label indices.
type goldTree struct {
	toks        []Token
	heads, labs []int
}

// parserData collects the label set and converts the training sentences.
func parserData(sents []ParsedSentence) (*Parser, []goldTree, error) {
	labelSet := map[string]bool{}
	for _, s := range sents {
		for _, r := range s.Rels {
			labelSet[r] = true
		}
	}
	labels := sortedMapKeys(labelSet)
	ps, err := newParser(labels)
	if err != nil {
		return nil, nil, err
	}
	labelOf := map[string]int{}
	for i, l := range labels {
		labelOf[l] = i
	}
	golds := make([]goldTree, 0, len(sents))
	for _, s := range sents {
		g := goldTree{heads: projectivize(s.Heads)}
		for i := range s.Words {
			g.toks = append(g.toks, Token{Text: s.Words[i], XPOS: s.XPOS[i], UPOS: s.UPOS[i]})
			g.labs = append(g.labs, labelOf[s.Rels[i]])
		}
		golds = append(golds, g)
	}
	return ps, golds, nil
}

// trainSentence runs one pass of dynamic-oracle training over g: at each
// step the model's best move is compared with the best zero-cost move
// (updating when the former is wrong), and the parser follows its own move
// with probability explore. It returns the zero-cost and total moves.
func (ps *Parser) trainSentence(tr *perceptron.Trainer, st *parseScratch, g goldTree, rng *rand.Rand, explore float64) (good, total int) {
	ps.prepare(g.toks, st)
	c := &st.cfg
	c.reset(len(g.toks))
	for c.b <= c.n {
		tr.Tick()
		feats := ps.features(st)
		sc := st.scores
		clear(sc)
		tr.Scores(feats, sc)
		pred, gold := ps.oracleStep(c, sc, g.heads, g.labs)
		if pred < 0 {
			break
		}
		total++
		if ps.cost(c, pred, g.heads, g.labs) == 0 {
			good++
		} else {
			tr.Update(feats, gold, pred)
		}
		next := gold
		if explore > 0 && rng.Float64() < explore {
			next = pred
		}
		c.apply(next)
	}
	return good, total
}

// oracleStep returns the model's best valid move and the best-scoring move
// of least cost.
func (ps *Parser) oracleStep(c *config, sc []float32, heads, labs []int) (pred, gold int) {
	pred = ps.best(c, sc)
	bestCost := 1 << 30
	gold = -1
	base := [4]int{-1, -1, -1, -1}
	for t := range sc {
		if !ps.valid(c, t) {
			continue
		}
		kind := min(t, 2+(t&1))
		if base[kind] < 0 {
			base[kind] = ps.cost(c, t, heads, labs) - ps.labelCost(c, t, heads, labs)
		}
		k := base[kind] + ps.labelCost(c, t, heads, labs)
		if k < bestCost || (k == bestCost && sc[t] > sc[gold]) {
			bestCost, gold = k, t
		}
	}
	return pred, gold
}

// labelCost is 1 when t attaches a word to its gold head with the wrong label.
func (ps *Parser) labelCost(c *config, t int, heads, labs []int) int {
	if t < 2 {
		return 0
	}
	s, b := c.s0(), c.b
	if t&1 == 0 {
		l := (t - 2) / 2
		if s > 0 && heads[s-1] == b && labs[s-1] != l {
			return 1
		}
		return 0
	}
	l := (t - 3) / 2
	if heads[b-1] == s && labs[b-1] != l {
		return 1
	}
	return 0
}

// cost is the number of gold arcs (1-based heads, 0 root) that become
// unreachable by applying t to c (Goldberg & Nivre 2012, arc-eager), plus
// the label cost.
func (ps *Parser) cost(c *config, t int, heads, labs []int) int {
	s, b := c.s0(), c.b
	gh := func(i int) int { return heads[i-1] }
	k := 0
	switch {
	case t == trShift:
		for _, x := range c.stack {
			if gh(b) == x {
				k++
			}
			if x > 0 && c.head[x] < 0 && gh(x) == b {
				k++
			}
		}
	case t == trReduce:
		for x := b; x <= c.n; x++ {
			if gh(x) == s {
				k++
			}
		}
	case t&1 == 0:
		for x := b; x <= c.n; x++ {
			if (gh(s) == x && x != b) || gh(x) == s {
				k++
			}
		}
	default:
		for _, x := range c.stack {
			if gh(b) == x && x != s {
				k++
			}
			if x > 0 && c.head[x] < 0 && gh(x) == b {
				k++
			}
		}
		for x := b + 1; x <= c.n; x++ {
			if gh(b) == x {
				k++
			}
		}
	}
	return k + ps.labelCost(c, t, heads, labs)
}

// projectivize returns heads (1-based, 0 root) with non-projective arcs
// lifted: while some arc crosses another, the shortest crossing arc's
// dependent is re-attached to its head's head.
func projectivize(heads []int) []int {
	h := append([]int(nil), heads...)
	n := len(h)
	for iter := 0; iter < 4*n+4; iter++ {
		best, bestLen := -1, 1<<30
		for d := 1; d <= n; d++ {
			hd := h[d-1]
			if hd <= 0 || !nonProjective(h, hd, d) {
				continue
			}
			if l := abs(hd - d); l < bestLen {
				best, bestLen = d, l
			}
		}
		if best < 0 {
			break
		}
		h[best-1] = h[h[best-1]-1]
	}
	return h
}

// nonProjective reports whether arc hd→d spans a word not dominated by hd.
func nonProjective(h []int, hd, d int) bool {
	lo, hi := min(hd, d), max(hd, d)
	for k := lo + 1; k < hi; k++ {
		x := k
		for steps := 0; x != hd && x > 0 && steps <= len(h); steps++ {
			x = h[x-1]
		}
		if x != hd {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
