package main

import (
	"context"
	"fmt"
	"math"
	"math/bits"
)

// Corpus is the input of the clustering: a vocabulary sorted by descending
// count (ties by word) and the bigram counts between its words. Words are
// referred to by their index in Words.
type Corpus struct {
	Words  []string
	Counts []int64
	// Right[w] lists (v, n): v followed w n times; Left[w] lists (v, n): v
	// preceded w n times. Self bigrams (w w) appear in both lists.
	Right, Left [][]Neighbor
}

// Neighbor is one bigram partner of a word and the bigram's count.
type Neighbor struct {
	Word  int32
	Count int32
}

// Result is a finished hierarchical clustering: each word's flat class, the
// active cluster it belonged to when all words were in (0..C-1), and the
// path of that class from the root of the tree that the final C-1 merges
// build ("0" left, "1" right).
type Result struct {
	Paths []string
	Flat  []int
}

// brown runs Brown et al. (1992) agglomerative clustering with Liang's
// (2005) window: words enter in order of frequency, at most C+1 clusters are
// active, and after each new word the pair of clusters whose merge loses the
// least average mutual information between adjacent clusters is merged.
// When all words are in, the remaining C clusters are merged down to one,
// which completes the binary tree. Counts and losses are dense (C+2)²
// matrices over slots; a step updates only the losses that change and
// recomputes those of the merged cluster, skipping clusters without shared
// neighbours (bitsets), so a run costs well under O(V·C²) logs.
type brown struct {
	c    *Corpus
	win  int // C
	size int // slots: win + 2

	cnt  []int64   // unigram count of the cluster in each slot
	lcnt []float64 // log cnt
	n    []int32   // n[s*size+t]: bigrams s t between the clusters
	nt   []int32   // the transpose of n, for reading columns as rows
	sum  []int64   // sum[s]: Σ_t n[s][t] + n[t][s]
	// rowNZ[s*words64:] has bit t set if n[s][t] may be non-zero; colNZ
	// likewise for n[t][s].
	rowNZ, colNZ []uint64
	words64      int
	loss         []float64 // loss[s*size+t], s < t: loss of merging s and t
	active       []bool
	node         []int     // tree node of the cluster in each slot
	words        [][]int32 // words of the cluster in each slot

	wordSlot []int // slot of each word, -1 before it enters
	kids     [][2]int
	flat     []int
	nflat    int

	lg  []float64 // lg[k] = log k for bigram counts
	flg []float64 // flg[k] = k log k
	k0  float64   // 2 log Nu − log Nb: the probabilities' normalising constant

	// scratch
	fa, fb []float64
	mark   []bool
	list   []int
}

func newBrown(c *Corpus, win int) *brown {
	var nu, nb int64
	for w, x := range c.Counts {
		nu += x
		for _, r := range c.Right[w] {
			nb += int64(r.Count)
		}
	}
	size := win + 2
	b := &brown{
		c: c, win: win, size: size,
		cnt: make([]int64, size), lcnt: make([]float64, size),
		n: make([]int32, size*size), nt: make([]int32, size*size), sum: make([]int64, size),
		words64: (size + 63) / 64,
		loss:    make([]float64, size*size),
		active:  make([]bool, size), node: make([]int, size), words: make([][]int32, size),
		wordSlot: make([]int, len(c.Words)),
		flat:     make([]int, len(c.Words)),
		fa:       make([]float64, size), fb: make([]float64, size),
		mark: make([]bool, size),
	}
	b.rowNZ = make([]uint64, size*b.words64)
	b.colNZ = make([]uint64, size*b.words64)
	for i := range b.wordSlot {
		b.wordSlot[i] = -1
	}
	b.kids = make([][2]int, len(c.Words), 2*len(c.Words))
	b.lg = make([]float64, 1<<16)
	for i := 1; i < len(b.lg); i++ {
		b.lg[i] = math.Log(float64(i))
	}
	b.flg = make([]float64, 1<<20)
	for i := 1; i < len(b.flg); i++ {
		b.flg[i] = float64(i) * math.Log(float64(i))
	}
	b.k0 = 2*math.Log(float64(max(nu, 1))) - math.Log(float64(max(nb, 1)))
	return b
}

// log is the natural log of a bigram count k > 0.
func (b *brown) log(k int32) float64 {
	if int(k) < len(b.lg) {
		return b.lg[k]
	}
	return math.Log(float64(k))
}

// q is one term of the mutual information, scaled by Nb: k bigrams between
// clusters whose counts have logs lx and ly; 0 when k is 0.
func (b *brown) q(k int32, lx, ly float64) float64 {
	if k == 0 {
		return 0
	}
	return float64(k) * (b.log(k) - lx - ly + b.k0)
}

func (b *brown) at(s, t int) int32 { return b.n[s*b.size+t] }

func (b *brown) lossAt(s, t int) float64 {
	if s > t {
		s, t = t, s
	}
	return b.loss[s*b.size+t]
}

func (b *brown) setLoss(s, t int, v float64) {
	if s > t {
		s, t = t, s
	}
	b.loss[s*b.size+t] = v
}

// run clusters the whole vocabulary and returns each word's path and flat
// class. ctx is checked between words.
func (b *brown) run(ctx context.Context, progress func(done int)) (*Result, error) {
	for w := range b.c.Words {
		if w%500 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if progress != nil {
				progress(w)
			}
		}
		b.add(w)
		if b.numActive() > b.win {
			b.mergeBest()
		}
	}
	b.setFlat()
	for b.numActive() > 1 {
		b.mergeBest()
	}
	return b.paths(), nil
}

func (b *brown) numActive() int {
	k := 0
	for _, a := range b.active {
		if a {
			k++
		}
	}
	return k
}

// add puts word w into a free slot as a cluster of its own.
func (b *brown) add(w int) {
	s := 0
	for b.active[s] {
		s++
	}
	b.active[s] = true
	b.cnt[s] = b.c.Counts[w]
	b.lcnt[s] = math.Log(float64(b.cnt[s]))
	b.node[s] = w
	b.words[s] = []int32{int32(w)}
	b.wordSlot[w] = s
	b.clearSlot(s)
	for _, r := range b.c.Right[w] {
		if t := b.wordSlot[r.Word]; t >= 0 {
			b.inc(s, t, r.Count)
		}
	}
	for _, l := range b.c.Left[w] {
		if t := b.wordSlot[l.Word]; t >= 0 && int(l.Word) != w {
			b.inc(t, s, l.Count)
		}
	}
	// Existing pairs gain the terms of the new cluster s; only pairs with a
	// member that has bigrams with s change.
	touch := b.touching(s, -1)
	for _, i := range touch {
		b.fa[i] = b.q(b.at(i, s), b.lcnt[i], b.lcnt[s]) + b.q(b.at(s, i), b.lcnt[s], b.lcnt[i])
	}
	for _, i := range touch {
		for j := 0; j < b.size; j++ {
			if !b.active[j] || j == s || j == i || b.mark[j] && j < i {
				continue
			}
			fj := 0.0
			if b.mark[j] {
				fj = b.fa[j]
			}
			lij := math.Log(float64(b.cnt[i] + b.cnt[j]))
			d := b.fa[i] + fj -
				b.q(b.at(i, s)+b.at(j, s), lij, b.lcnt[s]) -
				b.q(b.at(s, i)+b.at(s, j), b.lcnt[s], lij)
			b.addLoss(i, j, d)
		}
	}
	b.unmark(touch)
	b.refreshLoss(s)
}

// inc adds k bigrams "s t" to the matrix, its transpose, the bigram sums
// and the non-zero bitsets (which may keep a bit of an entry that drops to
// zero: readers check the counts).
func (b *brown) inc(s, t int, k int32) {
	b.n[s*b.size+t] += k
	b.nt[t*b.size+s] += k
	b.sum[s] += int64(k)
	b.sum[t] += int64(k)
	if k > 0 {
		b.rowNZ[s*b.words64+t/64] |= 1 << (t % 64)
		b.colNZ[t*b.words64+s/64] |= 1 << (s % 64)
	}
}

// row is n[s][·]; col is n[·][s] (a row of the transpose).
func (b *brown) row(s int) []int32 { return b.n[s*b.size : (s+1)*b.size] }
func (b *brown) col(s int) []int32 { return b.nt[s*b.size : (s+1)*b.size] }

// clearSlot zeroes the bigram counts of slot s and its bits.
func (b *brown) clearSlot(s int) {
	for t := 0; t < b.size; t++ {
		if v := b.at(s, t); v != 0 {
			b.inc(s, t, -v)
		}
		if v := b.at(t, s); v != 0 && t != s {
			b.inc(t, s, -v)
		}
	}
	clear(b.rowNZ[s*b.words64 : (s+1)*b.words64])
	clear(b.colNZ[s*b.words64 : (s+1)*b.words64])
	w, bit := s/64, uint64(1)<<(s%64)
	for t := 0; t < b.size; t++ {
		b.rowNZ[t*b.words64+w] &^= bit
		b.colNZ[t*b.words64+w] &^= bit
	}
}

// touching lists the active slots other than s and skip that have bigrams
// with s, and marks them in b.mark (undo with unmark).
func (b *brown) touching(s, skip int) []int {
	out := b.list[:0]
	r, c := b.row(s), b.col(s)
	for i := 0; i < b.size; i++ {
		if i != s && i != skip && r[i]|c[i] != 0 {
			out = append(out, i)
			b.mark[i] = true
		}
	}
	b.list = out
	return out
}

func (b *brown) unmark(list []int) {
	for _, i := range list {
		b.mark[i] = false
	}
}

func (b *brown) addLoss(s, t int, d float64) {
	if s > t {
		s, t = t, s
	}
	b.loss[s*b.size+t] += d
}

// refreshLoss recomputes the merge loss of slot a with every other active slot.
func (b *brown) refreshLoss(a int) {
	for i := 0; i < b.size; i++ {
		if b.active[i] && i != a {
			b.setLoss(a, i, b.computeLoss(a, i))
		}
	}
}

// computeLoss is the loss of mutual information from merging clusters x
// and y, from scratch: the terms involving x or y before, minus those
// involving the merged cluster m after. Expanding q, the parts with the
// log count of the other cluster d cancel, which leaves
//
//	Σ_d (n(x,d)+n(d,x))·(log c(m) − log c(x)) + (same for y)
//	  + Σ_d G(n(x,d), n(y,d)) + G(n(d,x), n(d,y))
//
// with G(a, b) = a log a + b log b − (a+b) log(a+b), zero unless both
// counts are; the bigrams within x and y are added apart. Inactive slots
// have no bigrams.
func (b *brown) computeLoss(x, y int) float64 {
	lx, ly := b.lcnt[x], b.lcnt[y]
	lm := math.Log(float64(b.cnt[x] + b.cnt[y]))
	rx, cx, ry, cy := b.row(x), b.col(x), b.row(y), b.col(y)
	sum := 0.0
	// Σ G over the clusters that both x and y have bigrams with.
	bx, by := b.rowNZ[x*b.words64:(x+1)*b.words64], b.rowNZ[y*b.words64:(y+1)*b.words64]
	for k := range bx {
		for m := bx[k] & by[k]; m != 0; m &= m - 1 {
			d := k*64 + bits.TrailingZeros64(m)
			sum += b.g(rx[d], ry[d])
		}
	}
	bx, by = b.colNZ[x*b.words64:(x+1)*b.words64], b.colNZ[y*b.words64:(y+1)*b.words64]
	for k := range bx {
		for m := bx[k] & by[k]; m != 0; m &= m - 1 {
			d := k*64 + bits.TrailingZeros64(m)
			sum += b.g(cx[d], cy[d])
		}
	}
	// Take d = x and d = y back out of the sums.
	xx, xy, yx, yy := rx[x], rx[y], ry[x], ry[y]
	sx := b.sum[x] - (2*int64(xx) + int64(xy) + int64(yx))
	sy := b.sum[y] - (2*int64(yy) + int64(xy) + int64(yx))
	sum -= b.g(xx, yx) + b.g(xx, xy) + b.g(xy, yy) + b.g(yx, yy)
	sum += float64(sx)*(lm-lx) + float64(sy)*(lm-ly)
	sum += b.q(xx, lx, lx) + b.q(xy, lx, ly) + b.q(yx, ly, lx) + b.q(yy, ly, ly) -
		b.q(xx+xy+yx+yy, lm, lm)
	return sum
}

// g is a log a + b log b − (a+b) log(a+b), 0 when a or b is.
func (b *brown) g(x, y int32) float64 {
	if x == 0 || y == 0 {
		return 0
	}
	return b.klogk(x) + b.klogk(y) - b.klogk(x+y)
}

// klogk is k log k for a bigram count k > 0.
func (b *brown) klogk(k int32) float64 {
	if int(k) < len(b.flg) {
		return b.flg[k]
	}
	return float64(k) * math.Log(float64(k))
}

// mergeBest merges the active pair with the least loss (ties: first pair in
// slot order).
func (b *brown) mergeBest() {
	bi, bj, best := -1, -1, math.Inf(1)
	for i := 0; i < b.size; i++ {
		if !b.active[i] {
			continue
		}
		row := b.loss[i*b.size : (i+1)*b.size]
		for j := i + 1; j < b.size; j++ {
			if b.active[j] && row[j] < best {
				bi, bj, best = i, j, row[j]
			}
		}
	}
	if bi < 0 {
		panic(fmt.Sprintf("genclusters: no pair to merge among %d clusters", b.numActive()))
	}
	b.merge(bi, bj)
}

// merge folds cluster y into x (x < y), updating the losses of the other
// pairs incrementally (Brown et al. 1992, §3) and those of x from scratch.
// The loss of merging i and j changes only if {i, j} has bigrams with both
// x and y (otherwise the terms with x and y change by the same amount on
// both sides), so only pairs with a member touching the sparser of x and y
// are visited.
func (b *brown) merge(x, y int) {
	lx, ly := b.lcnt[x], b.lcnt[y]
	cm := b.cnt[x] + b.cnt[y]
	lm := math.Log(float64(cm))
	sparse := y
	tx, ty := b.countTouching(x, y), b.countTouching(y, x)
	if tx < ty {
		sparse = x
	}
	touch := b.touching(sparse, x+y-sparse)
	for i := 0; i < b.size; i++ {
		if !b.active[i] || i == x || i == y {
			continue
		}
		li := b.lcnt[i]
		ix, xi, iy, yi := b.at(i, x), b.at(x, i), b.at(i, y), b.at(y, i)
		b.fa[i] = b.q(ix, li, lx) + b.q(xi, lx, li) + b.q(iy, li, ly) + b.q(yi, ly, li) // old terms
		b.fb[i] = b.q(ix+iy, li, lm) + b.q(xi+yi, lm, li)                               // new terms
	}
	for _, i := range touch {
		for j := 0; j < b.size; j++ {
			if !b.active[j] || j == x || j == y || j == i || b.mark[j] && j < i {
				continue
			}
			ix, xi, iy, yi := b.at(i, x), b.at(x, i), b.at(i, y), b.at(y, i)
			jx, xj, jy, yj := b.at(j, x), b.at(x, j), b.at(j, y), b.at(y, j)
			lij := math.Log(float64(b.cnt[i] + b.cnt[j]))
			oldPair := b.q(ix+jx, lij, lx) + b.q(xi+xj, lx, lij) + b.q(iy+jy, lij, ly) + b.q(yi+yj, ly, lij)
			newPair := b.q(ix+jx+iy+jy, lij, lm) + b.q(xi+xj+yi+yj, lm, lij)
			b.addLoss(i, j, (b.fb[i]+b.fb[j]-newPair)-(b.fa[i]+b.fa[j]-oldPair))
		}
	}
	b.unmark(touch)
	// Fold the counts of y into x.
	xx := b.at(x, x) + b.at(x, y) + b.at(y, x) + b.at(y, y)
	for d := 0; d < b.size; d++ {
		if d != x && d != y {
			b.inc(x, d, b.at(y, d))
			b.inc(d, x, b.at(d, y))
		}
	}
	b.clearSlot(y)
	b.inc(x, x, xx-b.at(x, x))
	b.cnt[x], b.lcnt[x] = cm, lm
	b.active[y] = false
	b.kids = append(b.kids, [2]int{b.node[x], b.node[y]})
	b.node[x] = len(b.kids) - 1
	for _, w := range b.words[y] {
		b.wordSlot[w] = x
	}
	b.words[x] = append(b.words[x], b.words[y]...)
	b.words[y] = nil
	b.refreshLoss(x)
}

// countTouching counts the slots other than s and skip with bigrams with s.
func (b *brown) countTouching(s, skip int) int {
	k := 0
	r, c := b.row(s), b.col(s)
	for i := 0; i < b.size; i++ {
		if i != s && i != skip && r[i]|c[i] != 0 {
			k++
		}
	}
	return k
}

// setFlat numbers the active clusters in slot order as the flat classes
// and makes each a leaf of the tree that the final merges build (node
// -1-k for flat class k), as Liang's implementation does: the words of
// one flat class share its path.
func (b *brown) setFlat() {
	k := 0
	for s := 0; s < b.size; s++ {
		if !b.active[s] {
			continue
		}
		for _, w := range b.words[s] {
			b.flat[w] = k
		}
		b.node[s] = -1 - k
		k++
	}
	b.nflat = k
}

// paths walks the merge tree from its root and returns each word's path.
func (b *brown) paths() *Result {
	res := &Result{Paths: make([]string, len(b.c.Words)), Flat: b.flat}
	if len(b.c.Words) == 0 {
		return res
	}
	type item struct {
		node int
		path []byte
	}
	flatPath := make([]string, b.nflat)
	root := -1
	if b.nflat > 1 {
		root = len(b.kids) - 1
	}
	stack := []item{{node: root}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.node < 0 {
			flatPath[-1-it.node] = string(it.path)
			continue
		}
		k := b.kids[it.node]
		stack = append(stack,
			item{k[1], append(append([]byte(nil), it.path...), '1')},
			item{k[0], append(append([]byte(nil), it.path...), '0')})
	}
	for w, k := range b.flat {
		res.Paths[w] = flatPath[k]
	}
	return res
}
