package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/tidings/tidings/ner"
)

// trainNER rebuilds ner/model.bin.gz from the corpora in data (the
// directory holding conll2003/, uner-ewt/ and wnut17/), then scores the
// new model on the dev sets found there. Training is deterministic.
func trainNER(ctx context.Context, data, out string, stderr io.Writer) error {
	mix, opts, err := nerTrainOptions(stderr)
	if err != nil {
		return err
	}
	var docs []ner.Document
	for _, c := range mix {
		d, err := ner.ReadCorpus(ctx, data, c)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "ner: %s: %d documents\n", c.Name, len(d))
		docs = append(docs, d...)
	}
	raw, used, err := ner.ReadRaw(ctx, filepath.Join(data, ".."))
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "ner: unlabeled text: %d sentences from %v\n", len(raw), used)
	model, err := ner.Train(ctx, docs, raw, opts)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	if out == "" {
		root, err := nerRepoRoot()
		if err != nil {
			return err
		}
		out = filepath.Join(root, "ner", "model.bin.gz")
	}
	if err := os.WriteFile(out, model, 0o644); err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	fmt.Fprintf(stderr, "ner: wrote %s (%d bytes)\n", out, len(model))
	r, err := ner.NewFromModel(model)
	if err != nil {
		return err
	}
	for _, c := range ner.DevSets {
		d, err := ner.ReadCorpus(ctx, data, c)
		if err != nil {
			fmt.Fprintf(stderr, "ner: dev %s skipped: %v\n", c.Name, err)
			continue
		}
		rep := r.Evaluate(d)
		fmt.Fprintf(stderr, "ner: dev %s: P %.4f R %.4f F1 %.4f", c.Name, rep.Precision, rep.Recall, rep.F1)
		for _, t := range []string{"PER", "ORG", "LOC"} {
			p := rep.PerType[t]
			fmt.Fprintf(stderr, " %s %.4f/%.4f/%.4f", t, p.Precision, p.Recall, p.F1)
		}
		fmt.Fprintln(stderr)
	}
	return nil
}

// nerRepoRoot walks up from the working directory to the one holding go.mod.
func nerRepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory: pass --out")
		}
		dir = parent
	}
}

// nerTrainOptions returns the training mix and options. The environment
// variables TIDINGS_NER_MIX (corpus names with optional weights, default
// "conll,uner,wnut"; "uner*2" doubles UNER), TIDINGS_NER_EPOCHS (default
// 10), TIDINGS_NER_LOWER (lower-cased copy of every n-th document, default
// 4; 0 for none), TIDINGS_NER_BAG (seeds averaged per final model, default
// 2) and TIDINGS_NER_SEED (shuffling seed, default 1: other seeds measure
// run-to-run variance) exist for experiments only.
func nerTrainOptions(stderr io.Writer) ([]ner.Corpus, ner.TrainOptions, error) {
	mix := ner.DefaultTraining
	if s := os.Getenv("TIDINGS_NER_MIX"); s != "" {
		var err error
		if mix, err = ner.ParseMix(s); err != nil {
			return nil, ner.TrainOptions{}, err
		}
	}
	opts := ner.TrainOptions{Epochs: 10, MinCount: 2, Seed: 1, LowerEvery: 4, Bag: 2, Log: stderr}
	for _, v := range []struct {
		name string
		dst  *int
	}{{"TIDINGS_NER_EPOCHS", &opts.Epochs}, {"TIDINGS_NER_LOWER", &opts.LowerEvery}, {"TIDINGS_NER_BAG", &opts.Bag}} {
		if s := os.Getenv(v.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return nil, opts, fmt.Errorf("%s: %w", v.name, err)
			}
			*v.dst = n
		}
	}
	if s := os.Getenv("TIDINGS_NER_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return nil, opts, fmt.Errorf("TIDINGS_NER_SEED: %w", err)
		}
		opts.Seed = n
	}
	return mix, opts, nil
}
