// Command genverbs derives events/verbs.tsv.gz, the verb table of package
// events, from PETRARCH2's CAMEO verb dictionary (MIT, Open Event Data
// Alliance). Rebuild with:
//
//	go run ./internal/cmd/genverbs -in ../shared/data/dictionaries/petrarch2/CAMEO.2.0.txt -out events/verbs.tsv.gz
//
// The table keeps CAMEO codes; package events maps them to PLOVER. Rows:
//
//	V <form> <lemma> <code>    a verb form (regular inflections generated,
//	                           irregular ones from the dictionary; phrasal
//	                           verbs as "call for") and its default code
//	P <lemma> <words> <code>   a pattern: the verb with these words after
//	                           it, in order, has this code ("---": no event);
//	                           a word "&weapon" stands for any member of
//	                           that synonym set
//	S <&set> <member> -        a member of a synonym set ("&weapon
//	                           missile"; several words for a phrase)
//
// Patterns with words before the verb are left out.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/tidings/tidings/events"
)

func main() {
	in := flag.String("in", "", "CAMEO.2.0.txt")
	out := flag.String("out", "events/verbs.tsv.gz", "output table")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genverbs:", err)
		os.Exit(1)
	}
}

var (
	headerRe = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]`)
	codeRe   = regexp.MustCompile(`\[([0-9-]+)[^\]]*\]`)
	formsRe  = regexp.MustCompile(`\{([^}]*)\}`)
)

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	rows := map[string]bool{}
	var blockCode string
	var blockLemmas []string
	inVerbs := false
	sc := bufio.NewScanner(f)
	set := ""
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "####### VERB PATTERNS") {
			inVerbs = true
			continue
		}
		if !inVerbs {
			set = synonym(rows, line, set)
			continue
		}
		if m := headerRe.FindStringSubmatch(line); m != nil {
			blockCode, blockLemmas = m[2], nil
			if i := strings.IndexByte(blockCode, ':'); i >= 0 {
				blockCode = blockCode[:i]
			}
			continue
		}
		body, _, _ := strings.Cut(line, "#")
		body = strings.TrimSpace(body)
		if body == "" {
			continue
		}
		if strings.HasPrefix(body, "-") {
			pattern(rows, body, blockLemmas)
			continue
		}
		code := blockCode
		if m := codeRe.FindStringSubmatch(body); m != nil {
			code = m[1]
		}
		var forms []string
		if m := formsRe.FindStringSubmatch(body); m != nil {
			forms = strings.Fields(m[1])
		}
		head := strings.Fields(formsRe.ReplaceAllString(codeRe.ReplaceAllString(body, ""), ""))
		if len(head) == 0 {
			continue
		}
		lemma := phrase(head[0])
		if strings.Count(lemma, " ") > 1 {
			continue
		}
		blockLemmas = append(blockLemmas, lemma)
		all := append([]string{lemma}, inflectPhrase(lemma)...)
		for _, fm := range forms {
			all = append(all, phrase(fm))
		}
		for _, fm := range all {
			if !plainWords(fm) || !plainWords(lemma) || code == "" {
				continue
			}
			rows[fmt.Sprintf("V\t%s\t%s\t%s", fm, lemma, code)] = true
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return write(out, rows)
}

// write stores the rows sorted, gzipped, in out.
func write(out string, rows map[string]bool) error {
	lines := make([]string, 0, len(rows))
	for r := range rows {
		lines = append(lines, r)
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

// pattern records "- * WORD … [code]" for every verb of the block: the
// words after the verb, in order (prepositions included, braces and
// parentheses dropped), up to the first synonym set (&WEAPON).
func pattern(rows map[string]bool, body string, lemmas []string) {
	m := codeRe.FindStringSubmatch(body)
	if m == nil {
		return
	}
	code := m[1]
	_, post, ok := strings.Cut(body, "*")
	if !ok || strings.TrimSpace(strings.TrimPrefix(body[:strings.Index(body, "*")], "-")) != "" {
		return
	}
	post = codeRe.ReplaceAllString(post, "")
	post = strings.NewReplacer("(", " ", ")", " ", "$", " ", "{", " ", "}", " ").Replace(post)
	var words []string
	content := false
	for _, w := range strings.Fields(post) {
		if strings.HasPrefix(w, "&") && !strings.HasSuffix(w, "_") {
			words = append(words, strings.ToLower(w))
			content = true
			continue
		}
		if strings.HasPrefix(w, "&") || strings.HasPrefix(w, "+") || strings.HasPrefix(w, "%") {
			break
		}
		w = strings.ToLower(strings.TrimSuffix(w, "_"))
		if !plainWords(w) {
			break
		}
		words = append(words, w)
		content = content || !isPrep(strings.ToUpper(w))
	}
	if !content {
		return
	}
	for _, l := range lemmas {
		rows[fmt.Sprintf("P\t%s\t%s\t%s", l, strings.Join(words, " "), code)] = true
	}
}

// synonym records a member line ("+CEASE_FIRE") of the synonym set opened
// by a "&CEASEFIRE" line and returns the set the next line belongs to.
// Sets of grammar words (names ending in "_": &AUXVERB1_) are left out:
// patterns stop at them.
func synonym(rows map[string]bool, line, set string) string {
	body, _, _ := strings.Cut(line, "#")
	body = strings.TrimSpace(body)
	switch {
	case body == "":
		return ""
	case strings.HasPrefix(body, "&"):
		if name := strings.Fields(body)[0]; !strings.HasSuffix(name, "_") {
			return strings.ToLower(name)
		}
		return ""
	case set != "" && strings.HasPrefix(body, "+"):
		if m := phrase(strings.Fields(body)[0]); plainWords(m) {
			rows[fmt.Sprintf("S\t%s\t%s\t-", set, m)] = true
		}
	}
	return set
}

func firstWordAt(s string) int {
	for i, r := range s {
		if r != ' ' && r != '{' {
			return i
		}
	}
	return len(s)
}

func isPrep(w string) bool {
	switch w {
	case "TO", "ON", "IN", "AT", "FOR", "OF", "WITH", "BY", "FROM", "AGAINST", "INTO", "OVER", "UNDER", "AS", "A", "AN", "THE":
		return true
	}
	return false
}

// plainWords reports a form made of lower-case letters, spaces, hyphens.
func plainWords(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != ' ' && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

// phrase turns "+ASK_FOR" into "ask for".
func phrase(s string) string {
	s = strings.TrimPrefix(s, "+")
	s = strings.TrimSuffix(s, "_")
	return strings.ToLower(strings.ReplaceAll(s, "_", " "))
}

// inflectPhrase inflects the first word of a (phrasal) verb.
func inflectPhrase(l string) []string {
	v, rest, _ := strings.Cut(l, " ")
	var out []string
	for _, f := range events.Inflect(v) {
		if rest != "" {
			f += " " + rest
		}
		out = append(out, f)
	}
	return out
}
