package ner

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZGenreDebug(t *testing.T) {
	p := os.Getenv("ZZ_MODEL")
	if p == "" {
		t.Skip()
	}
	gz, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewFromModel(gz)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range DevSets {
		docs, err := ReadCorpus(context.Background(), "../../shared/data/ner", c)
		if err != nil {
			t.Fatal(err)
		}
		var cnt [4]int
		for _, d := range docs {
			cnt[r.m1.guessGenre(d.words())]++
		}
		t.Logf("%s: %v", c.Name, cnt)
	}
}

func TestZZErrors(t *testing.T) {
	if os.Getenv("ZZ_ERR") == "" {
		t.Skip()
	}
	r, err := NewFromModel(modelGz)
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := ReadCorpus(context.Background(), "../../shared/data/ner", CorpusUNERDev)
	for _, d := range docs {
		pred := r.TagDocument(d.words())
		for si, s := range d.Sentences {
			g := spansFromIOB(s.Tags)
			p := spansFromIOB(pred[si])
			key := func(x tagSpan) string { return fmt.Sprint(x.Start, x.End, EvalType(x.Type)) }
			gm := map[string]bool{}
			for _, x := range g {
				gm[key(x)] = true
			}
			pm := map[string]bool{}
			for _, x := range p {
				pm[key(x)] = true
			}
			for _, x := range g {
				if !pm[key(x)] && EvalType(x.Type) != "" {
					fmt.Printf("FN\t%s\t%s\n", EvalType(x.Type), strings.Join(s.Words[x.Start:x.End], " "))
				}
			}
			for _, x := range p {
				if !gm[key(x)] && EvalType(x.Type) != "" {
					fmt.Printf("FP\t%s\t%s\n", EvalType(x.Type), strings.Join(s.Words[x.Start:x.End], " "))
				}
			}
		}
	}
}

func TestZZAblate(t *testing.T) {
	if os.Getenv("ZZ_ABL") == "" {
		t.Skip()
	}
	r0, err := NewFromModel(modelGz)
	if err != nil {
		t.Fatal(err)
	}
	r1 := *r0
	r1.m2 = nil
	for _, cfg := range []struct {
		name string
		r    *Recognizer
		nc   bool
	}{{"full", r0, false}, {"m1only", &r1, false}, {"nocons", r0, true}, {"m1nocons", &r1, true}} {
		zzNoCons = cfg.nc
		for _, c := range DevSets {
			docs, _ := ReadCorpus(context.Background(), "../../shared/data/ner", c)
			rep := cfg.r.Evaluate(docs)
			t.Logf("%s %s: F1 %.4f PER %.4f ORG %.4f LOC %.4f", cfg.name, c.Name, rep.F1, rep.PerType["PER"].F1, rep.PerType["ORG"].F1, rep.PerType["LOC"].F1)
		}
	}
	zzNoCons = false
}

func TestZZMulti(t *testing.T) {
	ms := os.Getenv("ZZ_MODELS")
	if ms == "" {
		t.Skip()
	}
	sets := append([]Corpus{}, DevSets...)
	sets = append(sets, Corpus{"wnut-dev", "wnut17/emerging.dev.conll", FormatIOB2, GenreSocial, 1})
	for _, p := range strings.Split(ms, ",") {
		var gz []byte
		if p == "committed" {
			gz = modelGz
		} else {
			gz, _ = os.ReadFile(p)
		}
		r, err := NewFromModel(gz)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range sets {
			docs, err := ReadCorpus(context.Background(), "../../shared/data/ner", c)
			if err != nil {
				t.Fatal(err)
			}
			rep := r.Evaluate(docs)
			t.Logf("%s %s: F1 %.4f PER %.4f ORG %.4f LOC %.4f", p, c.Name, rep.F1, rep.PerType["PER"].F1, rep.PerType["ORG"].F1, rep.PerType["LOC"].F1)
		}
	}
}
