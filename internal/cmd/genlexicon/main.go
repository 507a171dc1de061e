// Command genlexicon derives tone/vader.tsv.gz, the word valence table of
// package tone, from the VADER lexicon shipped by the npm package
// vader-sentiment (Apache-2.0, Copyright 2018 Comcast Cable Communications
// Management, LLC; lexicon by C.J. Hutto, MIT). Rebuild with:
//
//	cd /tmp && npm install vader-sentiment@1.1.3
//	go run ./internal/cmd/genlexicon -in /tmp/node_modules/vader-sentiment/vader_lexicon.txt -out tone/vader.tsv.gz
//
// Only plain words are kept (no emoticons), one "word<TAB>valence" a line,
// sorted.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	in := flag.String("in", "", "vader_lexicon.txt")
	out := flag.String("out", "tone/vader.tsv.gz", "output table")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genlexicon:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 2 {
			continue
		}
		w := p[0]
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) >= 0 {
			continue
		}
		v, err := strconv.ParseFloat(p[1], 64)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", in, n, err)
		}
		lines = append(lines, fmt.Sprintf("%s\t%.2f", strings.ToLower(w), v))
	}
	if err := sc.Err(); err != nil {
		return err
	}
	sort.Strings(lines)
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(o)
	if _, err := zw.Write([]byte(strings.Join(lines, "\n") + "\n")); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return o.Close()
}
