package main

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// synthetic builds a corpus of nw words with about density·nw random
// bigram types.
func synthetic(nw, density int, seed uint64) *Corpus {
	rng := rand.New(rand.NewPCG(seed, 1))
	c := &Corpus{Right: make([][]Neighbor, nw), Left: make([][]Neighbor, nw)}
	pair := map[[2]int]int32{}
	for k := 0; k < nw*density; k++ {
		a, b := rng.IntN(nw), rng.IntN(nw)
		if a%3 == 0 {
			b = (a + 1) % nw // some structure
		}
		pair[[2]int{a, b}] += int32(1 + rng.IntN(4))
	}
	c.Counts = make([]int64, nw)
	for k, n := range pair {
		c.Right[k[0]] = append(c.Right[k[0]], Neighbor{int32(k[1]), n})
		c.Left[k[1]] = append(c.Left[k[1]], Neighbor{int32(k[0]), n})
		c.Counts[k[0]] += int64(n)
	}
	for w := 0; w < nw; w++ {
		c.Words = append(c.Words, fmt.Sprintf("w%d", w))
		c.Counts[w]++ // no zero counts
		sortNeighbors(c.Right[w])
		sortNeighbors(c.Left[w])
	}
	return c
}

// mi computes the objective of the current active clustering from scratch.
func (b *brown) mi(cnt []int64, member func(w int) int) float64 {
	n := map[[2]int]int32{}
	for w, rs := range b.c.Right {
		if member(w) < 0 {
			continue
		}
		for _, r := range rs {
			if member(int(r.Word)) >= 0 {
				n[[2]int{member(w), member(int(r.Word))}] += r.Count
			}
		}
	}
	sum := 0.0
	for k, v := range n {
		sum += b.q(v, math.Log(float64(cnt[k[0]])), math.Log(float64(cnt[k[1]])))
	}
	return sum
}

// TestLossMatchesBruteForce checks every stored merge loss against the
// drop in mutual information computed from scratch, after each step.
func TestLossMatchesBruteForce(t *testing.T) {
	for _, tc := range []struct{ words, density, win int }{
		{40, 8, 6},   // dense
		{150, 2, 12}, // sparse: most pairs are skipped
	} {
		t.Run(fmt.Sprintf("%d-%d-%d", tc.words, tc.density, tc.win), func(t *testing.T) {
			checkLosses(t, synthetic(tc.words, tc.density, 7), tc.win)
		})
	}
}

func checkLosses(t *testing.T, c *Corpus, win int) {
	b := newBrown(c, win)
	check := func(step string) {
		base := b.mi(b.cnt, func(w int) int { return b.wordSlot[w] })
		for i := 0; i < b.size; i++ {
			for j := i + 1; j < b.size; j++ {
				if !b.active[i] || !b.active[j] {
					continue
				}
				cnt := append([]int64(nil), b.cnt...)
				cnt[i] += cnt[j]
				after := b.mi(cnt, func(w int) int {
					if s := b.wordSlot[w]; s == j {
						return i
					} else {
						return s
					}
				})
				if got, want := b.lossAt(i, j), base-after; math.Abs(got-want) > 1e-6*(1+math.Abs(want)) {
					t.Fatalf("%s: loss(%d,%d) = %g, brute force %g", step, i, j, got, want)
				}
			}
		}
	}
	for w := range c.Words {
		b.add(w)
		check(fmt.Sprintf("add %d", w))
		if b.numActive() > b.win {
			b.mergeBest()
			check(fmt.Sprintf("merge after %d", w))
		}
	}
	for b.numActive() > 1 {
		b.mergeBest()
		check("final merge")
	}
}

func TestRunDeterministicAndComplete(t *testing.T) {
	run := func() *Result {
		b := newBrown(synthetic(60, 8, 3), 8)
		res, err := b.run(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	r1, r2 := run(), run()
	if strings.Join(r1.Paths, ",") != strings.Join(r2.Paths, ",") {
		t.Fatal("two runs gave different paths")
	}
	// One path per flat class, distinct between classes.
	pathOf := map[int]string{}
	classOf := map[string]int{}
	for i, p := range r1.Paths {
		k := r1.Flat[i]
		if q, ok := pathOf[k]; ok && q != p {
			t.Fatalf("flat class %d has paths %q and %q", k, q, p)
		}
		if k2, ok := classOf[p]; ok && k2 != k {
			t.Fatalf("path %q shared by flat classes %d and %d", p, k, k2)
		}
		pathOf[k], classOf[p] = p, k
	}
	if len(pathOf) != 8 {
		t.Errorf("%d flat classes, want 8", len(pathOf))
	}
	// Paths form a prefix-free code (leaves of one binary tree).
	var ps []string
	for p := range classOf {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	for i := 1; i < len(ps); i++ {
		if strings.HasPrefix(ps[i], ps[i-1]) {
			t.Fatalf("path %q is a prefix of %q", ps[i-1], ps[i])
		}
	}
}
