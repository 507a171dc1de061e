package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tidings/tidings/nlp"
	"github.com/tidings/tidings/nlp/clusters"
	"github.com/tidings/tidings/nlp/conllu"
)

// source is one unlabelled corpus under the data directory. read calls emit
// once per run of adjacent tokens (a paragraph or a sentence).
type source struct {
	name string
	read func(ctx context.Context, data string, emit func([]string)) error
}

// sources are the raw texts the clusters are learnt from. Dev and test sets
// (GUM dev/test, CoNLL eng.testa, UNER dev, WNUT-17 dev) are left out so
// that dev scores of models using the clusters stay honest; only word forms
// are read, never labels.
var sources = []source{
	{"polnear-train", textDir("quotes/polnear/train/text")},
	{"polnear-dev", textDir("quotes/polnear/dev/text")},
	{"voa", jsonLines("corpus/voa/voa_stories.jsonl", "title", "text")},
	{"india-police-events", jsonLines("events/india-police-events/docs-dev.jsonl", "doc_text")}, // lowercased text
	{"zyte", zyte("extraction/zyte/ground-truth.json")},
	{"conll2003-train", columns("ner/conll2003/eng.train", 0, " ")},
	{"uner-ewt-train", columns("ner/uner-ewt/en_ewt-ud-train.iob2", 1, "\t")},
	{"wnut17-train", columns("ner/wnut17/wnut17train.conll", 0, "\t")},
	{"gum-train", gumTrain("treebank/gum")},
}

// mojibake undoes the commonest UTF-8-read-as-Windows-1252 sequences (the
// IndiaPoliceEvents documents have them: â€™ for ’), which would otherwise
// glue "Â" or "â€" onto words. U+FFFD stands for a byte lost on the way.
var mojibake = strings.NewReplacer(
	"â€™", "’", "â€˜", "‘", "â€œ", "“", "â€\uFFFD", "”", "â€\u009d", "”",
	"â€”", "—", "â€“", "–", "â€¢", "•", "â€š", "‚", "â€¦", "…",
	"Â\u00a0", " ", "Â\uFFFD", " ", "Â", "",
)

// emitText tokenizes text paragraph by paragraph (blank or single line
// breaks) with nlp.Tokenize.
func emitText(text string, emit func([]string)) {
	for _, para := range strings.Split(text, "\n") {
		toks := nlp.Tokenize(para)
		if len(toks) == 0 {
			continue
		}
		ws := make([]string, len(toks))
		for i, t := range toks {
			ws[i] = t.Text
		}
		emit(ws)
	}
}

func textDir(dir string) func(context.Context, string, func([]string)) error {
	return func(ctx context.Context, data string, emit func([]string)) error {
		files, err := filepath.Glob(filepath.Join(data, dir, "*.txt"))
		if err != nil {
			return err
		}
		if len(files) == 0 {
			return fmt.Errorf("%s: no .txt files", dir)
		}
		sort.Strings(files)
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			emitText(string(b), emit)
		}
		return nil
	}
}

func jsonLines(file string, fields ...string) func(context.Context, string, func([]string)) error {
	return func(ctx context.Context, data string, emit func([]string)) error {
		f, err := os.Open(filepath.Join(data, file))
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			var rec map[string]any
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				return fmt.Errorf("%s: %w", file, err)
			}
			for _, k := range fields {
				if s, ok := rec[k].(string); ok {
					emitText(mojibake.Replace(s), emit)
				}
			}
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		return ctx.Err()
	}
}

func zyte(file string) func(context.Context, string, func([]string)) error {
	return func(ctx context.Context, data string, emit func([]string)) error {
		b, err := os.ReadFile(filepath.Join(data, file))
		if err != nil {
			return err
		}
		var docs map[string]struct {
			ArticleBody string `json:"articleBody"`
		}
		if err := json.Unmarshal(b, &docs); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		keys := make([]string, 0, len(docs))
		for k := range docs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			emitText(docs[k].ArticleBody, emit)
		}
		return ctx.Err()
	}
}

// columns reads a token-per-line file (CoNLL-style): column col of
// non-comment lines, sentences separated by blank lines.
func columns(file string, col int, sep string) func(context.Context, string, func([]string)) error {
	return func(ctx context.Context, data string, emit func([]string)) error {
		f, err := os.Open(filepath.Join(data, file))
		if err != nil {
			return err
		}
		defer f.Close()
		var cur []string
		flush := func() {
			if len(cur) > 0 {
				emit(cur)
			}
			cur = nil
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := strings.TrimRight(sc.Text(), "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "-DOCSTART-") {
				flush()
				continue
			}
			if strings.HasPrefix(line, "# ") {
				continue
			}
			fs := strings.Split(line, sep)
			if col < len(fs) && fs[col] != "" {
				cur = append(cur, fs[col])
			}
		}
		flush()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		return ctx.Err()
	}
}

// gumTrain reads the word forms of GUM's train documents (splits.md),
// skipping the Reddit documents whose text is withheld.
func gumTrain(dir string) func(context.Context, string, func([]string)) error {
	return func(ctx context.Context, data string, emit func([]string)) error {
		files, err := conllu.Files(filepath.Join(data, dir) + "@train")
		if err != nil {
			return err
		}
		for _, p := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			doc, err := conllu.ReadFile(p)
			if err != nil {
				return err
			}
			if conllu.Masked(doc) {
				continue
			}
			for _, s := range doc {
				ws := make([]string, len(s.Words))
				for i, w := range s.Words {
					ws[i] = w.Form
				}
				emit(ws)
			}
		}
		return nil
	}
}

// Stats describes the text read.
type Stats struct {
	Tokens  int64
	Types   int
	Sources []string
}

// readCorpus reads every source under data (all must be present), keeps the
// words seen at least minCount times (after clusters.Normalize) and counts
// the bigrams between adjacent kept words.
func readCorpus(ctx context.Context, data string, minCount int) (*Corpus, Stats, error) {
	var st Stats
	var runs [][]string
	counts := map[string]int64{}
	for _, src := range sources {
		err := src.read(ctx, data, func(ws []string) {
			run := make([]string, len(ws))
			for i, w := range ws {
				run[i] = clusters.Normalize(w)
				counts[run[i]]++
			}
			st.Tokens += int64(len(ws))
			runs = append(runs, run)
		})
		if err != nil {
			return nil, st, fmt.Errorf("source %s: %w", src.name, err)
		}
		st.Sources = append(st.Sources, src.name)
	}
	st.Types = len(counts)
	c := &Corpus{}
	for w, n := range counts {
		if n >= int64(minCount) {
			c.Words = append(c.Words, w)
		}
	}
	sort.Slice(c.Words, func(i, j int) bool {
		a, b := c.Words[i], c.Words[j]
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return a < b
	})
	index := make(map[string]int32, len(c.Words))
	c.Counts = make([]int64, len(c.Words))
	for i, w := range c.Words {
		index[w] = int32(i)
		c.Counts[i] = counts[w]
	}
	bigrams := map[[2]int32]int32{}
	for _, run := range runs {
		for i := 1; i < len(run); i++ {
			a, ok1 := index[run[i-1]]
			b, ok2 := index[run[i]]
			if ok1 && ok2 {
				bigrams[[2]int32{a, b}]++
			}
		}
	}
	c.Right = make([][]Neighbor, len(c.Words))
	c.Left = make([][]Neighbor, len(c.Words))
	for k, n := range bigrams {
		c.Right[k[0]] = append(c.Right[k[0]], Neighbor{k[1], n})
		c.Left[k[1]] = append(c.Left[k[1]], Neighbor{k[0], n})
	}
	for w := range c.Words {
		sortNeighbors(c.Right[w])
		sortNeighbors(c.Left[w])
	}
	return c, st, nil
}

func sortNeighbors(ns []Neighbor) {
	sort.Slice(ns, func(i, j int) bool { return ns[i].Word < ns[j].Word })
}
