// Temporary development harness (to be removed).
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/tidings/tidings/ner"
)

func main() {
	ctx := context.Background()
	if m := os.Getenv("EVALONLY"); m != "" {
		b, _ := os.ReadFile(m)
		r, err := ner.NewFromModel(b)
		if err != nil {
			panic(err)
		}
		evalDev(ctx, r)
		return
	}
	data := "../shared/data/ner"
	mix := ner.DefaultTraining
	if s := os.Getenv("MIX"); s != "" {
		mix, _ = ner.ParseMix(s)
	}
	ep, _ := strconv.Atoi(os.Getenv("EPOCHS"))
	if ep == 0 {
		ep = 10
	}
	var docs []ner.Document
	for _, c := range mix {
		d, err := ner.ReadCorpus(ctx, data, c)
		if err != nil {
			panic(err)
		}
		docs = append(docs, d...)
	}
	mc, _ := strconv.Atoi(os.Getenv("MINCOUNT"))
	pr, _ := strconv.ParseFloat(os.Getenv("PRUNE"), 64)
	var raw [][]string
	if os.Getenv("NORAW") == "" {
		raw, _, _ = ner.ReadRaw(ctx, "../shared/data")
	}
	model, err := ner.Train(ctx, docs, raw, ner.TrainOptions{Epochs: ep, MinCount: mc, Prune: float32(pr), Seed: 1, Log: os.Stderr})
	if err != nil {
		panic(err)
	}
	out := os.Getenv("OUT")
	if out == "" {
		out = "/tmp/ner-model.bin.gz"
	}
	os.WriteFile(out, model, 0o644)
	fmt.Fprintf(os.Stderr, "model %d bytes\n", len(model))
	r, err := ner.NewFromModel(model)
	if err != nil {
		panic(err)
	}
	evalDev(ctx, r)
}

func evalDev(ctx context.Context, r *ner.Recognizer) {
	data := "../shared/data/ner"
	for _, c := range ner.DevSets {
		d, _ := ner.ReadCorpus(ctx, data, c)
		rep := r.Evaluate(d)
		fmt.Printf("%s: P %.4f R %.4f F1 %.4f (PER %.4f ORG %.4f LOC %.4f) %.0f tok/s\n", c.Name,
			rep.Precision, rep.Recall, rep.F1, rep.PerType["PER"].F1, rep.PerType["ORG"].F1, rep.PerType["LOC"].F1, rep.TokensPerSec)
	}
}

func init() {
	if os.Getenv("ERRS") == "" {
		return
	}
	ctx := context.Background()
	b, _ := os.ReadFile(os.Getenv("ERRS"))
	r, err := ner.NewFromModel(b)
	if err != nil {
		panic(err)
	}
	set := 1
	if os.Getenv("SET") == "0" {
		set = 0
	}
	d, _ := ner.ReadCorpus(ctx, "../shared/data/ner", ner.DevSets[set])
	for _, doc := range d {
		var ws [][]string
		for _, s := range doc.Sentences {
			ws = append(ws, s.Words)
		}
		tags := r.TagDocument(ws)
		for i, s := range doc.Sentences {
			diff := false
			for j := range s.Tags {
				g, p := s.Tags[j], tags[i][j]
				if ner.EvalType(trim(g)) != ner.EvalType(trim(p)) {
					diff = true
				}
			}
			if diff {
				line := ""
				for j, w := range s.Words {
					line += w
					if s.Tags[j] != "O" || tags[i][j] != "O" {
						line += "[" + s.Tags[j] + "|" + tags[i][j] + "]"
					}
					line += " "
				}
				fmt.Println(line)
			}
		}
	}
	os.Exit(0)
}

func trim(t string) string {
	if len(t) > 2 && t[1] == '-' {
		return t[2:]
	}
	return t
}
