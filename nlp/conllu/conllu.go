// Package conllu reads CoNLL-U treebank files (https://universaldependencies.org/format.html)
// into plain Go values: sentences of syntactic words, with the multi-word
// token ranges, the raw "# text" and paragraph/document markers kept so that
// callers can rebuild the running text for sentence-splitting evaluation.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Word is one syntactic word (an integer-ID line).
type Word struct {
	Form, Lemma, UPOS, XPOS string
	Head                    int // 0 for root, else 1-based index of the head word
	Rel                     string
	SpaceAfter              bool
}

// MultiWord is a multi-word token line such as "5-6 don't": the surface form
// spanning words First..Last (1-based, inclusive).
type MultiWord struct {
	First, Last int
	Form        string
	SpaceAfter  bool
}

// Sentence is one sentence of a treebank file.
type Sentence struct {
	ID     string
	Text   string // the "# text =" comment, "" if absent
	NewDoc bool   // a "# newdoc" comment precedes the sentence
	NewPar bool   // a "# newpar" comment precedes the sentence
	Words  []Word
	Multi  []MultiWord
}

// Read parses CoNLL-U from r. name is used in error messages.
func Read(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	cur := Sentence{}
	started := false
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
		started = false
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" {
			flush()
			continue
		}
		if strings.HasPrefix(s, "#") {
			if started {
				// comment after words without a blank line: new sentence.
				flush()
			}
			c := strings.TrimSpace(s[1:])
			switch {
			case strings.HasPrefix(c, "newdoc"):
				cur.NewDoc, cur.NewPar = true, true
			case c == "newpar" || strings.HasPrefix(c, "newpar ") || strings.HasPrefix(c, "newpar="):
				cur.NewPar = true
			case strings.HasPrefix(c, "text ="), strings.HasPrefix(c, "text="):
				cur.Text = strings.TrimSpace(c[strings.Index(c, "=")+1:])
			case strings.HasPrefix(c, "sent_id"):
				if i := strings.Index(c, "="); i >= 0 {
					cur.ID = strings.TrimSpace(c[i+1:])
				}
			}
			continue
		}
		started = true
		if err := cur.addLine(s); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	for i := range out {
		for _, w := range out[i].Words {
			if w.Head < -1 || w.Head > len(out[i].Words) {
				return nil, fmt.Errorf("%s: sentence %q: head %d out of range", name, out[i].ID, w.Head)
			}
		}
	}
	return out, nil
}

// addLine adds one word or multi-word token line to the sentence.
func (cur *Sentence) addLine(s string) error {
	f := strings.Split(s, "\t")
	if len(f) != 10 {
		return fmt.Errorf("want 10 tab-separated fields, got %d", len(f))
	}
	space := !strings.Contains(f[9], "SpaceAfter=No")
	if i := strings.IndexByte(f[0], '-'); i > 0 {
		a, err1 := strconv.Atoi(f[0][:i])
		b, err2 := strconv.Atoi(f[0][i+1:])
		if err1 != nil || err2 != nil || b < a {
			return fmt.Errorf("bad multi-word range %q", f[0])
		}
		cur.Multi = append(cur.Multi, MultiWord{First: a, Last: b, Form: f[1], SpaceAfter: space})
		return nil
	}
	if strings.IndexByte(f[0], '.') >= 0 {
		return nil // empty node of the enhanced graph
	}
	id, err := strconv.Atoi(f[0])
	if err != nil || id != len(cur.Words)+1 {
		return fmt.Errorf("bad or out-of-order word id %q", f[0])
	}
	head := -1
	if f[6] != "_" {
		if head, err = strconv.Atoi(f[6]); err != nil {
			return fmt.Errorf("bad head %q", f[6])
		}
	}
	cur.Words = append(cur.Words, Word{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4],
		Head: head, Rel: f[7], SpaceAfter: space})
	return nil
}

// ReadFile parses one CoNLL-U file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Surface returns the sentence's surface tokens: multi-word tokens as one
// string, other words as themselves, each with its SpaceAfter flag.
func (s *Sentence) Surface() (forms []string, spaceAfter []bool) {
	mi := 0
	for i := 0; i < len(s.Words); i++ {
		if mi < len(s.Multi) && s.Multi[mi].First == i+1 {
			m := s.Multi[mi]
			forms = append(forms, m.Form)
			spaceAfter = append(spaceAfter, m.SpaceAfter)
			i = m.Last - 1
			mi++
			continue
		}
		forms = append(forms, s.Words[i].Form)
		spaceAfter = append(spaceAfter, s.Words[i].SpaceAfter)
	}
	return forms, spaceAfter
}

// Files resolves a gold-set path: a .conllu file, a directory of them, or
// "DIR@SPLIT" where SPLIT is train, dev, test or gentle (the "test2" list) as
// named in DIR/splits.md (or DIR/../splits.md when DIR is the dep/
// directory). Documents not listed under dev, test or test2 are train, as the
// GUM README says.
func Files(path string) ([]string, error) {
	dir, split, hasSplit := strings.Cut(path, "@")
	if !hasSplit {
		st, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			return []string{path}, nil
		}
		return conlluIn(path)
	}
	if sub := filepath.Join(dir, "dep"); isDir(sub) {
		dir = sub
	}
	all, err := conlluIn(dir)
	if err != nil {
		return nil, err
	}
	splits, err := readSplits(dir)
	if err != nil {
		return nil, err
	}
	want := split
	if want == "gentle" {
		want = "test2"
	}
	switch want {
	case "train", "dev", "test", "test2":
	default:
		return nil, fmt.Errorf("%s: unknown split %q (want train, dev, test or gentle)", path, split)
	}
	var out []string
	for _, f := range all {
		doc := strings.TrimSuffix(filepath.Base(f), ".conllu")
		s, ok := splits[doc]
		if !ok {
			s = "train"
		}
		if s == want {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no documents in split %q", path, split)
	}
	return out, nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func conlluIn(dir string) ([]string, error) {
	m, err := filepath.Glob(filepath.Join(dir, "*.conllu"))
	if err != nil {
		return nil, err
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("%s: no .conllu files", dir)
	}
	sort.Strings(m)
	return m, nil
}

// readSplits maps document name to its split section ("dev", "test",
// "test2", "train") from splits.md beside dir or in its parent.
func readSplits(dir string) (map[string]string, error) {
	var data []byte
	var err error
	for _, p := range []string{filepath.Join(dir, "splits.md"), filepath.Join(dir, "..", "splits.md")} {
		if data, err = os.ReadFile(p); err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("splits.md not found beside %s: %w", dir, err)
	}
	m := map[string]string{}
	section := ""
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "## ") {
			section = strings.TrimSpace(l[3:])
			continue
		}
		if strings.HasPrefix(l, "* ") && section != "" {
			m[strings.TrimSpace(l[2:])] = section
		}
	}
	return m, nil
}

// Masked reports whether a document's text has been withheld (GUM ships
// its Reddit documents with every word form replaced by underscores): more
// than half of its word forms are only underscores. Such documents carry
// no usable text for training or scoring taggers and parsers.
func Masked(doc []Sentence) bool {
	n, m := 0, 0
	for _, s := range doc {
		for _, w := range s.Words {
			n++
			if strings.Trim(w.Form, "_") == "" {
				m++
			}
		}
	}
	return n > 0 && 2*m > n
}
