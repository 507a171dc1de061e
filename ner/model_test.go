package ner

import (
	"bytes"
	"math"
	"testing"
)

func TestModelRoundTrip(t *testing.T) {
	m := &model{rows: map[uint64]int32{42: 0, 7: 1, 1 << 60: 2}, version: 2,
		lex: &lexicon{words: map[uint64]uint16{wordKey("paris"): 3 | 2<<lexCoarseBit | capUpper<<lexCapBit}}}
	for i := 0; i < 3*numLabels; i++ {
		m.w = append(m.w, float32(i%5)-2)
	}
	m.trans[1][2], m.start[3], m.end[4] = 1.5, -2, 0.25
	var buf bytes.Buffer
	if err := m.write(&buf); err != nil {
		t.Fatal(err)
	}
	ms, err := readModels(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got := ms[0]
	if err != nil {
		t.Fatal(err)
	}
	if got.trans != m.trans || got.start != m.start || got.end != m.end || got.table.n != 3 {
		t.Fatalf("header mismatch")
	}
	if f, c, capb, ok := got.lex.get("paris"); !ok || f != 3 || c != 2 || capb != capUpper {
		t.Errorf("lexicon: got %d %d %d %v", f, c, capb, ok)
	}
	if _, ok := got.lookup(8); ok {
		t.Error("table finds a missing hash")
	}
	for h, r := range m.rows {
		g, ok := got.lookup(h)
		if !ok {
			t.Fatalf("row %d missing", h)
		}
		for j := 0; j < numLabels; j++ {
			x := float32(got.wq[int(g)*numLabels+j]) * got.scale
			if d := x - m.w[int(r)*numLabels+j]; math.Abs(float64(d)) > 1e-3 {
				t.Fatalf("row %d label %d: got %v want %v", h, j, x, m.w[int(r)*numLabels+j])
			}
		}
	}
}

func TestReadModelRejectsGarbage(t *testing.T) {
	if _, err := readModels(bytes.NewReader([]byte("nope"))); err == nil {
		t.Error("garbage accepted")
	}
	if _, err := NewFromModel([]byte("not gzip")); err == nil {
		t.Error("non-gzip accepted")
	}
}
