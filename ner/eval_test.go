package ner

import (
	"math"
	"testing"
)

func TestScorer(t *testing.T) {
	var sc Scorer
	// Gold: PER(0,2) LOC(3) MISC(5); prediction: PER(0,2) ORG(3) NORP(5) GPE(6).
	sc.Add(
		[]string{"B-PER", "I-PER", "O", "B-LOC", "O", "B-MISC", "O"},
		[]string{"B-PERSON", "I-PERSON", "O", "B-ORG", "O", "B-NORP", "B-GPE"},
	)
	// IOB1 gold vs IOB2 prediction, GPE scored as LOC.
	sc.Add([]string{"I-LOC", "I-LOC"}, []string{"B-GPE", "I-GPE"})
	rep := sc.Report()
	// TP: PER, LOC(2nd); FP: ORG, GPE(6); FN: LOC(3). MISC/NORP ignored.
	if rep.PerType["PER"].TP != 1 || rep.PerType["LOC"].TP != 1 || rep.PerType["LOC"].FP != 1 ||
		rep.PerType["LOC"].FN != 1 || rep.PerType["ORG"].FP != 1 {
		t.Errorf("per type: %+v", rep.PerType)
	}
	if math.Abs(rep.Precision-0.5) > 1e-9 || math.Abs(rep.Recall-2.0/3) > 1e-9 {
		t.Errorf("P %v R %v, want 0.5 0.667", rep.Precision, rep.Recall)
	}
	if want := 2 * 0.5 * (2.0 / 3) / (0.5 + 2.0/3); math.Abs(rep.F1-want) > 1e-9 {
		t.Errorf("F1 %v, want %v", rep.F1, want)
	}
}

func TestEvalType(t *testing.T) {
	for in, want := range map[string]string{"PER": "PER", "PERSON": "PER", "GPE": "LOC", "LOC": "LOC",
		"ORG": "ORG", "MISC": "", "NORP": "", "OTH": "", "person": "PER", "location": "LOC"} {
		if got := EvalType(in); got != want {
			t.Errorf("EvalType(%q) = %q, want %q", in, got, want)
		}
	}
}
