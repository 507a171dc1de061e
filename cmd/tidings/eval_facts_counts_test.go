package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestCountsIndiaPolice(t *testing.T) {
	// Own sentences in the IndiaPoliceEvents layout; doc ids 1 and 2 fall
	// into different halves of fxHeldBack or the same, which the totals
	// do not depend on.
	lines := `{"doc_id": 1, "sent_id": 0, "sent_labels": ["KILL", "FORCE"], "sent_text": "Police shot dead two robbers near the bank."}
{"doc_id": 1, "sent_id": 1, "sent_labels": [], "sent_text": "Five people were killed in the riots, police said."}
{"doc_id": 2, "sent_id": 0, "sent_labels": ["ARREST"], "sent_text": "Twelve people were arrested on Monday."}
{"doc_id": 2, "sent_id": 1, "sent_labels": ["ARREST"], "sent_text": "They were detained for hours."}
`
	path := filepath.Join(t.TempDir(), "sents-dev.jsonl")
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := scoreCountsIndiaPolice(context.Background(), path, evalOptions{Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	total := func(key string) fxPRF3 {
		s := *got.Tune[key]
		h := got.Held[key]
		s.TP, s.Pred, s.Gold = s.TP+h.TP, s.Pred+h.Pred, s.Gold+h.Gold
		return s
	}
	for _, c := range []struct {
		key            string
		tp, pred, gold int
	}{
		{"KILL", 1, 2, 1}, {"KILL_police", 1, 1, 1}, {"ARREST", 1, 1, 2}, {"ARREST_police", 1, 1, 2},
	} {
		s := total(c.key)
		if s.TP != c.tp || s.Pred != c.pred || s.Gold != c.gold {
			t.Errorf("%s: tp/pred/gold %d/%d/%d, want %d/%d/%d", c.key, s.TP, s.Pred, s.Gold, c.tp, c.pred, c.gold)
		}
	}
	if got.Kill.Precision != 1 || got.Kill.Recall != 1 || got.Arrest.Recall != 0.5 {
		t.Errorf("police figures %+v %+v", *got.Kill, *got.Arrest)
	}
}
