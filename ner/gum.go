package ner

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// GUM entity annotations cover every mention ("the children", "Iodine"),
// not only names; readGUMNames keeps the person, organization and place
// mentions that are proper names (see gumName). Of nested qualifying spans
// the outermost wins. Demonyms outside names become MISC as in CoNLL.

var gumTypes = map[string]string{"person": "PER", "organization": "ORG", "place": "LOC"}

// gumToken is one token of a GUM sentence.
type gumToken struct {
	form, upos string
	opens      []gumOpen // entities opened here
	closes     []string  // entity ids closed here
}

type gumOpen struct{ id, typ string }

// parseGUMEntity reads the Entity= value of a token: "(" id "-" type ...
// opens an entity (closed at once when ")" follows the spec), id ")"
// closes one.
func parseGUMEntity(v string) (opens []gumOpen, closes []string) {
	for i := 0; i < len(v); {
		switch {
		case v[i] == '(':
			j := i + 1
			for j < len(v) && v[j] != '(' && v[j] != ')' {
				j++
			}
			parts := strings.SplitN(v[i+1:j], "-", 3)
			if len(parts) >= 2 {
				opens = append(opens, gumOpen{parts[0], parts[1]})
				if j < len(v) && v[j] == ')' {
					closes = append(closes, parts[0])
					j++
				}
			}
			i = j
		case v[i] >= '0' && v[i] <= '9':
			j := i
			for j < len(v) && v[j] >= '0' && v[j] <= '9' {
				j++
			}
			if j < len(v) && v[j] == ')' {
				closes = append(closes, v[i:j])
				j++
			}
			i = j
		default:
			i++
		}
	}
	return opens, closes
}

// readGUMNames reads the GUM training documents (those splits.md does not
// hold out) as NER documents.
func (g *gazetteer) readGUMNames(dir string) ([]Document, error) {
	held, err := gumHeldOut(filepath.Join(dir, "splits.md"))
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "dep", "*.conllu"))
	if err != nil {
		return nil, err
	}
	var docs []Document
	for _, p := range files {
		if held[strings.TrimSuffix(filepath.Base(p), ".conllu")] {
			continue
		}
		sents, err := readGUMSentences(p)
		if err != nil {
			return nil, err
		}
		var d Document
		for _, s := range sents {
			d.Sentences = append(d.Sentences, g.gumSentence(s))
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func readGUMSentences(path string) ([][]gumToken, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]gumToken
	var cur []gumToken
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 10 || strings.ContainsAny(cols[0], "-.") {
			continue
		}
		t := gumToken{form: cols[1], upos: cols[3]}
		for _, kv := range strings.Split(cols[9], "|") {
			if v, ok := strings.CutPrefix(kv, "Entity="); ok {
				t.opens, t.closes = parseGUMEntity(v)
			}
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// gumSentence turns a GUM sentence into words and IOB2 tags.
func (g *gazetteer) gumSentence(toks []gumToken) Sentence {
	s := Sentence{Words: make([]string, len(toks)), Tags: make([]string, len(toks))}
	for i, t := range toks {
		s.Words[i], s.Tags[i] = t.form, "O"
	}
	type open struct {
		start int
		typ   string
	}
	stack := map[string]open{}
	var spans []tagSpan
	for i, t := range toks {
		for _, o := range t.opens {
			stack[o.id] = open{i, o.typ}
		}
		for _, id := range t.closes {
			o, ok := stack[id]
			delete(stack, id)
			if typ, named := gumTypes[o.typ]; ok && named {
				if sp, ok := gumName(toks, o.start, i+1); ok {
					spans = append(spans, tagSpan{sp.Start, sp.End, typ})
				}
			}
		}
	}
	covered := make([]bool, len(toks))
	// Outermost first: longer spans before the spans they contain.
	for len(spans) > 0 {
		best := 0
		for k, sp := range spans {
			if sp.End-sp.Start > spans[best].End-spans[best].Start {
				best = k
			}
		}
		sp := spans[best]
		spans = append(spans[:best], spans[best+1:]...)
		if anyCovered(covered[sp.Start:sp.End]) {
			continue
		}
		for k := sp.Start; k < sp.End; k++ {
			covered[k] = true
			s.Tags[k] = "I-" + sp.Type
		}
		s.Tags[sp.Start] = "B-" + sp.Type
	}
	for i, w := range s.Words {
		if !covered[i] && startsUpper(w) && g.lookup([]string{normWord(w)})&(1<<gazDemonym) != 0 {
			s.Tags[i] = "B-MISC"
		}
	}
	return s
}

// gumName trims leading determiners from [start, end) and reports whether
// the rest is a proper name: it starts and ends with capitalized words,
// contains a PROPN, and every other word is capitalized or a function word.
func gumName(toks []gumToken, start, end int) (tagSpan, bool) {
	for start < end && toks[start].upos == "DET" {
		start++
	}
	if start >= end || !startsUpper(toks[start].form) || !startsUpper(toks[end-1].form) {
		return tagSpan{}, false
	}
	propn := false
	for _, t := range toks[start:end] {
		switch {
		case t.upos == "PROPN":
			propn = true
		case startsUpper(t.form):
		case t.upos == "ADP", t.upos == "DET", t.upos == "CCONJ", t.upos == "PART", t.upos == "PUNCT":
		default:
			return tagSpan{}, false
		}
	}
	return tagSpan{Start: start, End: end}, propn
}
