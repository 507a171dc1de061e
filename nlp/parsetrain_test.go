package nlp

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// toyTreebank is a few hand-made sentences (not corpus text).
func toyTreebank() []ParsedSentence {
	mk := func(words, xpos, upos string, heads []int, rels string) ParsedSentence {
		return ParsedSentence{Words: strings.Fields(words), XPOS: strings.Fields(xpos),
			UPOS: strings.Fields(upos), Heads: heads, Rels: strings.Fields(rels)}
	}
	return []ParsedSentence{
		mk("Police arrested two men .", "NNS VBD CD NNS .", "NOUN VERB NUM NOUN PUNCT",
			[]int{2, 0, 4, 2, 2}, "nsubj root nummod obj punct"),
		mk("The army said it attacked the city .", "DT NN VBD PRP VBD DT NN .",
			"DET NOUN VERB PRON VERB DET NOUN PUNCT",
			[]int{2, 3, 0, 5, 3, 7, 5, 3}, "det nsubj root nsubj ccomp det obj punct"),
		mk("Rebels fled", "NNS VBD", "NOUN VERB", []int{2, 0}, "nsubj root"),
	}
}

func TestTrainParserToy(t *testing.T) {
	data := toyTreebank()
	ps, err := TrainParser(context.Background(), data, ParserOptions{Iterations: 20, MinWeight: 0.001}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var st parseScratch
	for _, s := range data {
		toks := make([]Token, len(s.Words))
		for i := range s.Words {
			toks[i] = Token{Text: s.Words[i], XPOS: s.XPOS[i], UPOS: s.UPOS[i]}
		}
		ps.parse(toks, &st)
		for i, tok := range toks {
			if tok.Head+1 != s.Heads[i] || tok.Rel != s.Rels[i] {
				t.Errorf("%q: word %q got head %d %s, want %d %s", s.Words, tok.Text, tok.Head+1, tok.Rel, s.Heads[i], s.Rels[i])
			}
		}
	}
}

func TestProjectivize(t *testing.T) {
	// 1 -> 3 crosses 2 -> 4 (2's head 4 lies outside 1..3 span's dominance).
	heads := []int{0, 4, 1, 1}
	got := projectivize(heads)
	for d := 1; d <= len(got); d++ {
		if h := got[d-1]; h > 0 && nonProjective(got, h, d) {
			t.Errorf("arc %d->%d still non-projective in %v", h, d, got)
		}
	}
}

// TestParserRoundTrip checks that an encoded parser decodes to the same
// parses, with the probe of the cluster table it was trained with.
func TestParserRoundTrip(t *testing.T) {
	data := toyTreebank()
	ps, err := TrainParser(context.Background(), data, ParserOptions{Iterations: 20, MinWeight: 0.001}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ps.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	ps2, err := DecodeParser(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !ps2.ClustersMatch() {
		t.Error("decoded parser's clusters do not match the table")
	}
	if len(ps2.probe) != 1+len(clusterProbe(data)) {
		t.Errorf("probe has %d entries, want the fingerprint and %d words", len(ps2.probe), len(clusterProbe(data)))
	}
	var st parseScratch
	for _, s := range data {
		toks := make([]Token, len(s.Words))
		for i := range s.Words {
			toks[i] = Token{Text: s.Words[i], XPOS: s.XPOS[i], UPOS: s.UPOS[i]}
		}
		ps2.parse(toks, &st)
		for i, tok := range toks {
			if tok.Head+1 != s.Heads[i] || tok.Rel != s.Rels[i] {
				t.Errorf("%q: word %q got head %d %s, want %d %s", s.Words, tok.Text, tok.Head+1, tok.Rel, s.Heads[i], s.Rels[i])
			}
		}
	}
	ps2.probe[0] = "0"
	if ps2.ClustersMatch() {
		t.Error("ClustersMatch with a wrong fingerprint")
	}
}

// TestEmbeddedParserClusters fails when the embedded cluster table is not
// the one the embedded parser was trained with: retrain the parser (see
// models/README.md) after rebuilding the clusters.
func TestEmbeddedParserClusters(t *testing.T) {
	ps, err := embeddedParser()
	if err != nil {
		t.Fatal(err)
	}
	if ps != nil && !ps.ClustersMatch() {
		t.Error("the parser model was trained with another cluster table: retrain it (tidings train parser)")
	}
}
