package entities

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidings/tidings/internal/shared"

	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/nlp"
)

// conllDocs reads a CoNLL-2003 file into documents of tokenised sentences
// with gold spans "TYPE start end sent".
func conllDocs(t *testing.T, path string) (docs []*nlp.Doc, gold []map[string]bool) {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("CoNLL dev set absent: %v", err)
	}
	defer f.Close()
	var text strings.Builder
	// Tags are IOB1 (CoNLL) or IOB2 (UNER); a span opens at B- or at an I-
	// whose type differs from the open one.
	doc := &nlp.Doc{}
	g := map[string]bool{}
	var sent nlp.Sentence
	var cur struct {
		typ   string
		start int
	}
	cur.start = -1
	closeSpan := func(end int) {
		if cur.start >= 0 {
			g[spanKey(cur.typ, len(doc.Sentences), cur.start, end)] = true
			cur.start = -1
		}
	}
	endSent := func() {
		closeSpan(len(sent.Tokens))
		if len(sent.Tokens) > 0 {
			doc.Sentences = append(doc.Sentences, sent)
			text.WriteString("\n")
		}
		sent = nlp.Sentence{}
	}
	endDoc := func() {
		endSent()
		if len(doc.Sentences) > 0 {
			doc.Text = text.String()
			docs, gold = append(docs, doc), append(gold, g)
		}
		doc, g = &nlp.Doc{}, map[string]bool{}
		text.Reset()
	}
	runes := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			if strings.HasPrefix(line, "# newdoc") {
				endDoc()
				runes = 0
			}
			continue
		}
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
			endSent()
			if len(doc.Sentences) >= 30 {
				// This copy has no -DOCSTART- lines: score pseudo-documents
				// of 30 sentences so surname linking stays local.
				endDoc()
				runes = 0
			} else if text.Len() > 0 {
				runes = utf8.RuneCountInString(text.String())
			}
			continue
		case fields[0] == "-DOCSTART-":
			endDoc()
			runes = 0
			continue
		}
		word, tag := fields[0], fields[len(fields)-1]
		if len(fields) == 5 && fields[3] == "-" { // UNER: id word tag - -
			word, tag = fields[1], fields[2]
		}
		i := len(sent.Tokens)
		if tag == "O" || strings.HasPrefix(tag, "B-") || tag[2:] != cur.typ {
			closeSpan(i)
		}
		if tag != "O" && cur.start < 0 {
			cur.typ, cur.start = tag[2:], i
		}
		if len(sent.Tokens) > 0 {
			text.WriteByte(' ')
			runes++
		}
		b, n := text.Len(), utf8.RuneCountInString(word)
		text.WriteString(word)
		sent.Tokens = append(sent.Tokens, nlp.Token{Text: word, BStart: b, BEnd: b + len(word),
			Start: runes, End: runes + n, Head: -1})
		runes += n
	}
	endDoc()
	return docs, gold
}

func spanKey(typ string, sent, start, end int) string {
	return typ + " " + string(rune(sent)) + string(rune(start)) + string(rune(end))
}

// TestCoNLLDevPrecision measures the dictionary spotter on the dev sets
// CoNLL-2003 eng.testa and UNER English-EWT dev (PER ORG LOC exact spans;
// GPE and LOC count as LOC, NORP is not scored) and logs the figures. It
// fails only if precision collapses.
func TestCoNLLDevPrecision(t *testing.T) {
	s := shared.Dir(t)
	for _, tt := range []struct {
		name, path string
		minP       float64
	}{
		{"conll-testa", filepath.Join(s, "data", "ner", "conll2003", "eng.testa"), 0.7},
		{"uner-ewt-dev", filepath.Join(s, "data", "ner", "uner-ewt", "en_ewt-ud-dev.iob2"), 0.6},
	} {
		t.Run(tt.name, func(t *testing.T) { scoreSpotter(t, tt.path, tt.minP) })
	}
}

func scoreSpotter(t *testing.T, path string, minP float64) {
	docs, gold := conllDocs(t, path)
	db, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	sp := NewDictSpotter(db)
	type prf struct{ tp, fp, fn int }
	per := map[string]*prf{"PER": {}, "ORG": {}, "LOC": {}}
	for i, d := range docs {
		got := map[string]bool{}
		for _, m := range sp.Spot(d) {
			typ := map[string]string{"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}[m.Type]
			if typ != "" {
				got[spanKey(typ, m.Sent, m.Start, m.End)] = true
			}
		}
		for k := range got {
			if c := per[k[:3]]; c != nil {
				if gold[i][k] {
					c.tp++
				} else {
					c.fp++
				}
			}
		}
		for k := range gold[i] {
			if c := per[k[:3]]; c != nil && !got[k] {
				c.fn++
			}
		}
	}
	var all prf
	for typ, c := range per {
		all.tp, all.fp, all.fn = all.tp+c.tp, all.fp+c.fp, all.fn+c.fn
		t.Logf("%s: P %.3f R %.3f", typ, ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn))
	}
	p, r := ratio(all.tp, all.tp+all.fp), ratio(all.tp, all.tp+all.fn)
	t.Logf("all (PER ORG LOC): P %.3f R %.3f F1 %.3f over %d documents", p, r, 2*p*r/(p+r), len(docs))
	if p < minP {
		t.Errorf("dictionary spotter precision %.3f < %.2f", p, minP)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
