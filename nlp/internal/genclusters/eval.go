package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/tidings/tidings/nlp/clusters"
	"github.com/tidings/tidings/nlp/conllu"
)

// evalPrefixes are the path prefix lengths scored by evalTable; 0 stands
// for the flat class.
var evalPrefixes = []int{4, 6, 8, 10, 12, 0}

// evalScore is the outcome of evalTable: counts of GUM dev tokens unseen
// in train, of those with a class, of those whose gold UPOS is PROPN, and
// of those tagged right by each of evalPrefixes (overall and among the
// tokens with a class).
type evalScore struct {
	oov, covered, propn int
	right, rightCovered []int
}

// evalTable is an intrinsic check of a table: how well a word's class
// predicts the UPOS of GUM words that GUM train never shows. Each class
// (path prefix or flat class) is labelled with its commonest UPOS over the
// GUM train tokens; the score is the accuracy of that label on the dev
// tokens whose form is not in train (words without a class, and classes
// never seen in train, get PROPN). It writes one line per prefix length.
// Dev is used for choosing the clustering's settings, never test.
func evalTable(ctx context.Context, w io.Writer, gum, table string) (*evalScore, error) {
	tab, err := readTable(table)
	if err != nil {
		return nil, err
	}
	train, err := gumTokens(gum + "@train")
	if err != nil {
		return nil, err
	}
	dev, err := gumTokens(gum + "@dev")
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sc := scoreTable(tab, train, dev)
	fmt.Fprintf(w, "%s: %d words, %d flat classes; GUM dev tokens unseen in train: %d, with a class: %.1f%%; all-PROPN accuracy %.1f%%\n",
		table, tab.Len(), tab.Flats(), sc.oov, pct(sc.covered, sc.oov), pct(sc.propn, sc.oov))
	for i, p := range evalPrefixes {
		name := fmt.Sprintf("prefix %2d", p)
		if p == 0 {
			name = "flat     "
		}
		fmt.Fprintf(w, "  %s  UPOS accuracy %.1f%% (on words with a class %.1f%%)\n",
			name, pct(sc.right[i], sc.oov), pct(sc.rightCovered[i], sc.covered))
	}
	return sc, nil
}

func scoreTable(tab *clusters.Table, train, dev []formTag) *evalScore {
	seen := map[string]bool{}
	votes := make([]map[uint64]map[string]int, len(evalPrefixes))
	for i := range votes {
		votes[i] = map[uint64]map[string]int{}
	}
	for _, t := range train {
		seen[t.form] = true
		c, ok := tab.Lookup(t.form)
		if !ok {
			continue
		}
		for i, p := range evalPrefixes {
			k := classKey(c, p)
			if votes[i][k] == nil {
				votes[i][k] = map[string]int{}
			}
			votes[i][k][t.upos]++
		}
	}
	sc := &evalScore{right: make([]int, len(evalPrefixes)), rightCovered: make([]int, len(evalPrefixes))}
	for _, t := range dev {
		if seen[t.form] {
			continue
		}
		sc.oov++
		c, ok := tab.Lookup(t.form)
		if ok {
			sc.covered++
		}
		if t.upos == "PROPN" {
			sc.propn++
		}
		for i, p := range evalPrefixes {
			guess := "PROPN"
			if ok {
				guess = majority(votes[i][classKey(c, p)], guess)
			}
			if guess == t.upos {
				sc.right[i]++
				if ok {
					sc.rightCovered[i]++
				}
			}
		}
	}
	return sc
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

func classKey(c clusters.Class, prefix int) uint64 {
	if prefix == 0 {
		return uint64(c.Flat())
	}
	return c.Prefix(prefix)
}

func majority(m map[string]int, fallback string) string {
	best, n := fallback, 0
	for k, v := range m {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}

type formTag struct{ form, upos string }

func gumTokens(path string) ([]formTag, error) {
	files, err := conllu.Files(path)
	if err != nil {
		return nil, err
	}
	var out []formTag
	for _, f := range files {
		doc, err := conllu.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if conllu.Masked(doc) {
			continue
		}
		for _, s := range doc {
			for _, w := range s.Words {
				out = append(out, formTag{w.Form, w.UPOS})
			}
		}
	}
	return out, nil
}

func readTable(path string) (*clusters.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	t, err := clusters.Read(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}
