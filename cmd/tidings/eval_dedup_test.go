package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalDedup runs the evaluation on a small synthetic corpus: distinct
// random stories, so every light edit must be found and nothing else.
func TestEvalDedup(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	var b strings.Builder
	for i := 0; i < 12; i++ {
		var text []string
		for s := 0; s < 15; s++ {
			var w []string
			for k := 0; k < 12+rng.IntN(8); k++ {
				w = append(w, fmt.Sprintf("w%d", rng.IntN(3000)))
			}
			text = append(text, "Word "+strings.Join(w, " ")+".")
		}
		line, _ := json.Marshal(map[string]string{
			"id": fmt.Sprint(1000 + i), "title": fmt.Sprintf("Story %d", i),
			"text": strings.Join(text, " "), "published": fmt.Sprintf("2025-03-%02d 10:00:00Z", 1+i*3),
		})
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := evalDedup(context.Background(), path, evalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := rep.(map[string]any)
	d := m["duplicates"].(*ddReport)
	if d.Precision != 1 || d.FalsePositives != 0 {
		t.Errorf("precision %v, false positives %v", d.Precision, d.FalsePairs)
	}
	for _, kind := range []string{"headline", "boilerplate", "append", "trim"} {
		if d.RecallByEdit[kind] < 0.9 {
			t.Errorf("recall of %s copies: %v", kind, d.RecallByEdit[kind])
		}
	}
	c := m["clustering"].(map[string]any)["scores"].(map[string]float64)
	if c["purity"] < 0.95 {
		t.Errorf("clustering: %v", c)
	}
	if _, err := evalDedup(context.Background(), filepath.Join(t.TempDir(), "none.jsonl"), evalOptions{}); err == nil {
		t.Error("missing corpus accepted")
	}
}
