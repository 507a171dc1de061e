// Command genclusters learns the word clusters embedded in nlp/clusters
// (nlp/clusters/clusters.tsv.gz) from the unlabelled text in ../shared/data:
// PolNeAR texts (train and dev), the VOA stories, the IndiaPoliceEvents
// documents, the zyte extraction ground-truth bodies and the word forms of
// CoNLL-2003 eng.train, UNER-EWT train, WNUT-17 train and GUM train. No dev
// or test set is read. Rebuild, from the repository root:
//
//	GOMAXPROCS=1 nice -n 10 go run ./nlp/internal/genclusters -data ../shared/data -out nlp/clusters/clusters.tsv.gz
//
// Text is tokenized with nlp.Tokenize, case is kept and digits become 0
// (clusters.Normalize); words seen fewer than -min times get no cluster.
// The clustering is Brown et al.'s (1992) hierarchical clustering with
// Liang's (2005) window of -c active clusters, over bigrams within a
// paragraph or sentence. It is deterministic: words enter by descending
// count (ties by word), merge ties go to the first pair in slot order, and
// the output is sorted, so the same data gives the same bytes.
//
// An intrinsic check of tables (how well a class predicts the UPOS of GUM
// dev words unseen in GUM train, by path prefix length):
//
//	go run ./nlp/internal/genclusters -eval ../shared/data/treebank/gum nlp/clusters/clusters.tsv.gz /tmp/other.tsv.gz
package main

import (
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"sort"
	"time"
)

func main() {
	data := flag.String("data", "../shared/data", "shared data directory")
	out := flag.String("out", "nlp/clusters/clusters.tsv.gz", "output table (gzip)")
	win := flag.Int("c", 1000, "window: number of active clusters (and of flat classes)")
	minCount := flag.Int("min", 2, "minimum word count")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	eval := flag.String("eval", "", "score the tables named as arguments on this GUM directory (dev split) instead of building one")
	flag.Parse()
	if *eval != "" {
		for _, table := range flag.Args() {
			if _, err := evalTable(context.Background(), os.Stdout, *eval, table); err != nil {
				fmt.Fprintln(os.Stderr, "genclusters:", err)
				os.Exit(1)
			}
		}
		return
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "genclusters:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if err := run(context.Background(), *data, *out, *win, *minCount); err != nil {
		fmt.Fprintln(os.Stderr, "genclusters:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(ctx context.Context, data, out string, win, minCount int) error {
	start := time.Now()
	c, st, err := readCorpus(ctx, data, minCount)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genclusters: %d tokens, %d types, %d words with count ≥ %d (%s)\n",
		st.Tokens, st.Types, len(c.Words), minCount, time.Since(start).Round(time.Millisecond))
	b := newBrown(c, win)
	res, err := b.run(ctx, func(done int) {
		fmt.Fprintf(os.Stderr, "genclusters: %d/%d words (%s)\n", done, len(c.Words), time.Since(start).Round(time.Second))
	})
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := write(f, c, res, win, minCount); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genclusters: wrote %s (%s)\n", out, time.Since(start).Round(time.Second))
	return nil
}

// write writes the table gzipped: a header line, then "PATH\tWORD\tFLAT\tCOUNT"
// sorted by path and word. The flat classes are renumbered in path order.
func write(w io.Writer, c *Corpus, res *Result, win, minCount int) error {
	order := make([]int, len(c.Words))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if res.Paths[a] != res.Paths[b] {
			return res.Paths[a] < res.Paths[b]
		}
		return c.Words[a] < c.Words[b]
	})
	renum := map[int]int{}
	for _, i := range order {
		if _, ok := renum[res.Flat[i]]; !ok {
			renum[res.Flat[i]] = len(renum)
		}
	}
	zw := gzip.NewWriter(w)
	if _, err := fmt.Fprintf(zw, "# tidings word clusters: Brown/Liang, C=%d, %d words (count >= %d); PATH WORD FLAT COUNT\n",
		win, len(c.Words), minCount); err != nil {
		return err
	}
	for _, i := range order {
		if _, err := fmt.Fprintf(zw, "%s\t%s\t%d\t%d\n", res.Paths[i], c.Words[i], renum[res.Flat[i]], c.Counts[i]); err != nil {
			return err
		}
	}
	return zw.Close()
}
