package ner

import (
	"bytes"
	"math"
	"testing"
)

func TestModelRoundTrip(t *testing.T) {
	m := &model{rows: map[uint64]int32{42: 0, 7: 1, 1 << 60: 2}, version: 1}
	for i := 0; i < 3*numLabels; i++ {
		m.w = append(m.w, float32(i%5)-2)
	}
	m.trans[1][2], m.start[3], m.end[4] = 1.5, -2, 0.25
	var buf bytes.Buffer
	if err := m.write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := readModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.trans != m.trans || got.start != m.start || got.end != m.end || len(got.rows) != 3 {
		t.Fatalf("header mismatch")
	}
	for h, r := range m.rows {
		g := got.rows[h]
		for j := 0; j < numLabels; j++ {
			if d := got.w[int(g)*numLabels+j] - m.w[int(r)*numLabels+j]; math.Abs(float64(d)) > 1e-3 {
				t.Fatalf("row %d label %d: got %v want %v", h, j, got.w[int(g)*numLabels+j], m.w[int(r)*numLabels+j])
			}
		}
	}
}

func TestReadModelRejectsGarbage(t *testing.T) {
	if _, err := readModel(bytes.NewReader([]byte("nope"))); err == nil {
		t.Error("garbage accepted")
	}
	if _, err := NewFromModel([]byte("not gzip")); err == nil {
		t.Error("non-gzip accepted")
	}
}
