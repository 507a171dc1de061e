package ner

import (
	"strings"
	"testing"
)

func TestReadGoldCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nAlpha NNP B-NP I-ORG\nsaid VBD B-VP O\n\nBeta NNP B-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nGamma NNP B-NP B-LOC\n"
	docs, err := ReadGold(strings.NewReader(in), FormatCoNLL, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 1 {
		t.Fatalf("got %d docs: %+v", len(docs), docs)
	}
	if got := docs[0].Sentences[0].spans(); len(got) != 1 || got[0] != (tagSpan{0, 1, "ORG"}) {
		t.Errorf("spans: %v", got)
	}
}

func TestReadGoldDatelines(t *testing.T) {
	in := "HEADLINE NN O O\n\nPARIS NNP O B-LOC\n1996-08-22 CD O O\n\nText NN O O\n\nOTHER NN O O\n\nLONDON NNP O B-LOC\n1996-08-23 CD O O\n\nMore NN O O\n"
	docs, err := ReadGold(strings.NewReader(in), FormatCoNLL, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 3 || docs[1].Sentences[0].Words[0] != "OTHER" {
		t.Fatalf("got %+v", docs)
	}
}

func TestReadGoldIOB2(t *testing.T) {
	in := "# newdoc id = a\n# text = x\n1\tJohn\tB-PER\t-\t-\n2\tleft\tO\t-\t-\n\n# newdoc id = b\n1\tAcme\tB-ORG\t-\t-\n2\tInc\tI-ORG\t-\t-\n"
	docs, err := ReadGold(strings.NewReader(in), FormatIOB2, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d docs", len(docs))
	}
	if got := docs[1].Sentences[0].spans(); len(got) != 1 || got[0] != (tagSpan{0, 2, "ORG"}) {
		t.Errorf("spans: %v", got)
	}
	wnut := "Empire\tB-location\nState\tI-location\n=\tO\n"
	docs, err = ReadGold(strings.NewReader(wnut), FormatIOB2, "wnut")
	if err != nil || len(docs) != 1 || docs[0].Sentences[0].spans()[0] != (tagSpan{0, 2, "location"}) {
		t.Errorf("wnut: %+v %v", docs, err)
	}
}

func TestReadGoldBOM(t *testing.T) {
	in := "\ufeffParis\tB-location\n\ufeff\nRome\tB-location\n"
	docs, err := ReadGold(strings.NewReader(in), FormatIOB2, "bom")
	if err != nil || len(docs) != 1 || len(docs[0].Sentences) != 2 || docs[0].Sentences[0].Words[0] != "Paris" {
		t.Errorf("got %+v, %v", docs, err)
	}
}

func TestReadGoldErrors(t *testing.T) {
	if _, err := ReadGold(strings.NewReader("x"), "xml", "f"); err == nil {
		t.Error("unknown format: no error")
	}
	_, err := ReadGold(strings.NewReader("lonely\n"), FormatCoNLL, "bad.conll")
	if err == nil || !strings.Contains(err.Error(), "bad.conll:1") {
		t.Errorf("one-column line: got %v", err)
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add("EU NNP B-NP B-ORG\n\n-DOCSTART- -X- O O\n", "conll")
	f.Add("# newdoc\n1\tA\tB-PER\n", "iob2")
	f.Fuzz(func(t *testing.T, in, format string) {
		docs, err := ReadGold(strings.NewReader(in), format, "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				if len(s.Words) != len(s.Tags) {
					t.Fatalf("words/tags mismatch: %v", s)
				}
				for _, sp := range s.spans() {
					if sp.Start < 0 || sp.End > len(s.Words) || sp.Start >= sp.End {
						t.Fatalf("bad span %v in %v", sp, s)
					}
				}
			}
		}
	})
}
