// Command genagents derives events/things.tsv.gz, the table events uses to
// tell an actor that can act (a person, a group, an organisation) from a
// subject that cannot ("the statement released", "hopes rose", "Tuesday's
// attack"): the lower-case nouns of news text that WordNet never uses for a
// person, a group or a place (countries and cities act) in their first
// three senses, and those that do (see P below). Rebuild, from the
// repository root:
//
//	apt-get install -y wordnet-base
//	go run ./internal/cmd/genagents -wordnet /usr/share/wordnet \
//		-vocab nlp/clusters/clusters.tsv.gz -out events/things.tsv.gz
//
// The vocabulary is the word-cluster table's (words seen at least twice in
// the raw news text it was built from), so the table covers news usage and
// stays small. Each line is "form\tclass": class P (person) when one of the
// noun's first two senses is a person or a group ("activist", "miners",
// "bank"), which can take part in an event; M (message) when it is a communication
// (statement, report, letter), which verbal events may keep as a stand-in
// for its author; T (thing) for the other nouns that are no agents.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// WordNet lexicographer file numbers (lexnames).
const (
	lexTops          = 3
	lexCommunication = 10
	lexGroup         = 14
	lexLocation      = 15
	lexPerson        = 18
)

func main() {
	wn := flag.String("wordnet", "/usr/share/wordnet", "WordNet dict directory (Debian wordnet-base)")
	vocab := flag.String("vocab", "nlp/clusters/clusters.tsv.gz", "word list: the cluster table")
	out := flag.String("out", "events/things.tsv.gz", "output table")
	flag.Parse()
	if err := run(*wn, *vocab, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genagents:", err)
		os.Exit(1)
	}
}

func run(wn, vocab, out string) error {
	senses, exc, err := readWordNet(wn)
	if err != nil {
		return err
	}
	words, err := readVocab(vocab)
	if err != nil {
		return err
	}
	var lines []string
	for _, w := range words {
		lex := senses[lemma(w, senses, exc)]
		if len(lex) == 0 {
			continue
		}
		agent, person := false, false
		for i, l := range lex[:min(3, len(lex))] {
			person = person || i < 2 && (l == lexPerson || l == lexGroup)
			agent = agent || l == lexPerson || l == lexGroup || l == lexTops || l == lexLocation
		}
		if person {
			lines = append(lines, w+"\tP")
		}
		if agent {
			continue
		}
		class := "T"
		if lex[0] == lexCommunication {
			class = "M"
		}
		lines = append(lines, w+"\t"+class)
	}
	sort.Strings(lines)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	fmt.Fprintln(zw, "# tidings non-agent nouns from WordNet 3.0 (see internal/cmd/genagents): FORM CLASS (T thing, M message, P person or group)")
	for _, l := range lines {
		fmt.Fprintln(zw, l)
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	fmt.Fprintf(os.Stderr, "genagents: %d nouns\n", len(lines))
	return f.Close()
}

// lemma is w's WordNet noun lemma: an exception-list entry, w itself, or w
// with a plural ending removed.
func lemma(w string, senses map[string][]int, exc map[string]string) string {
	if l, ok := exc[w]; ok {
		return l
	}
	if senses[w] != nil {
		return w
	}
	for _, r := range []struct{ suf, rep string }{{"ies", "y"}, {"es", ""}, {"s", ""}} {
		if b, ok := strings.CutSuffix(w, r.suf); ok && senses[b+r.rep] != nil {
			return b + r.rep
		}
	}
	return w
}

// readWordNet returns each noun's senses as lexicographer file numbers, in
// WordNet's sense order, and the noun exception list.
func readWordNet(dir string) (map[string][]int, map[string]string, error) {
	lexOf := map[string]int{}
	err := eachLine(filepath.Join(dir, "data.noun"), func(f []string) {
		if len(f) > 1 {
			var n int
			fmt.Sscan(f[1], &n)
			lexOf[f[0]] = n
		}
	})
	if err != nil {
		return nil, nil, err
	}
	senses := map[string][]int{}
	err = eachLine(filepath.Join(dir, "index.noun"), func(f []string) {
		var n int
		if len(f) < 4 || strings.Contains(f[0], "_") {
			return
		}
		fmt.Sscan(f[2], &n)
		if n <= 0 || n > len(f) {
			return
		}
		for _, off := range f[len(f)-n:] {
			senses[f[0]] = append(senses[f[0]], lexOf[off])
		}
	})
	if err != nil {
		return nil, nil, err
	}
	exc := map[string]string{}
	err = eachLine(filepath.Join(dir, "noun.exc"), func(f []string) {
		if len(f) >= 2 {
			exc[f[0]] = f[1]
		}
	})
	return senses, exc, err
}

// eachLine calls fn with the fields of every line of path that is not part
// of the license header (those start with spaces).
func eachLine(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if line := sc.Text(); !strings.HasPrefix(line, " ") {
			fn(strings.Fields(line))
		}
	}
	return sc.Err()
}

// readVocab returns the distinct lower-case alphabetic words (hyphens
// allowed) of the cluster table.
func readVocab(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	seen := map[string]bool{}
	var words []string
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		w := strings.ToLower(f[1])
		if !seen[w] && isWord(w) {
			seen[w] = true
			words = append(words, w)
		}
	}
	if err := sc.Err(); err != nil && err != io.EOF {
		return nil, err
	}
	sort.Strings(words)
	return words, nil
}

func isWord(w string) bool {
	if w == "" || w[0] == '-' || w[len(w)-1] == '-' {
		return false
	}
	for _, r := range w {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return true
}
