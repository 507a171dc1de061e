package ner

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestModelRoundTrip(t *testing.T) {
	m := &model{rows: map[uint64]int32{42: 0, 7: 1, 1 << 60: 2}, version: modelVersion,
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

// TestReadModelRejectsOtherVersions checks that a model written for another
// feature set is refused rather than decoded with the wrong features.
func TestReadModelRejectsOtherVersions(t *testing.T) {
	for _, v := range []uint32{2, modelVersion + 1} {
		m := &model{rows: map[uint64]int32{42: 0}, w: make([]float32, numLabels), version: v,
			lex: &lexicon{words: map[uint64]uint16{}}}
		var buf bytes.Buffer
		if err := m.write(&buf); err != nil {
			t.Fatal(err)
		}
		if _, err := readModels(&buf); err == nil {
			t.Errorf("version %d accepted", v)
		}
	}
}

// gloveTableMD5 is the md5 of the nlp/clusters/glove.tsv.gz the embedded
// model was trained with: its GloVe features name that table's classes.
const gloveTableMD5 = "99360290b43ce9a1a5bbe7e1b18d4853"

// TestModelMatchesGloVeTable fails when the GloVe table changed without the
// model being retrained (the features would silently mean other classes).
// After retraining, set gloveTableMD5 to the new table's md5.
func TestModelMatchesGloVeTable(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "nlp", "clusters", "glove.tsv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintf("%x", md5.Sum(b)); got != gloveTableMD5 {
		t.Fatalf("glove.tsv.gz md5 %s, the model was trained with %s: retrain with `tidings train ner` and update gloveTableMD5", got, gloveTableMD5)
	}
}
