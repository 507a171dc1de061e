// Command genlemma derives nlp/models/lemmas.tsv.gz, the lemmatizer's
// irregular-form table, from WordNet's exception lists (Debian package
// wordnet-base). Rebuild, from the repository root:
//
//	apt-get install -y wordnet-base
//	go run ./nlp/internal/genlemma /usr/share/wordnet nlp/models/lemmas.tsv.gz
//
// Each output line is "CLASS\tform\tlemma" with CLASS V (verb), N (noun) or
// A (adjective/adverb); multi-word entries are dropped and the first lemma
// of a form wins. Lines "LV\tlemma" and "LN\tlemma" list WordNet's
// one-word verb and noun lemmas (index.verb, index.noun), which the
// suffix rules use to choose between candidate stems (hoped → hope, not hop).
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: genlemma WORDNET_DIR OUT.tsv.gz")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "genlemma:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	var lines []string
	seen := map[string]bool{}
	for _, src := range []struct{ file, class string }{
		{"verb.exc", "V"}, {"noun.exc", "N"}, {"adj.exc", "A"}, {"adv.exc", "A"},
	} {
		f, err := os.Open(filepath.Join(dir, src.file))
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fs := strings.Fields(sc.Text())
			if len(fs) < 2 || strings.Contains(fs[0], "_") || strings.Contains(fs[1], "_") {
				continue
			}
			key := src.class + "\t" + fs[0]
			if seen[key] || fs[0] == fs[1] {
				continue
			}
			seen[key] = true
			lines = append(lines, key+"\t"+fs[1])
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %w", src.file, err)
		}
	}
	for _, src := range []struct{ file, class string }{{"index.verb", "LV"}, {"index.noun", "LN"}} {
		data, err := os.ReadFile(filepath.Join(dir, src.file))
		if err != nil {
			return err
		}
		for _, l := range strings.Split(string(data), "\n") {
			w, _, _ := strings.Cut(l, " ")
			if w == "" || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
				continue
			}
			lines = append(lines, src.class+"\t"+w)
		}
	}
	sort.Strings(lines)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	for _, l := range lines {
		fmt.Fprintln(zw, l)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
