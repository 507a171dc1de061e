package main

import (
	"slices"
	"strings"
	"testing"
)

func TestKMeansSeparatesGroups(t *testing.T) {
	// Two tight groups of unit vectors around the x and y axes.
	var vecs [][]float32
	for i := 0; i < 20; i++ {
		e := float32(i%5) * 0.01
		vecs = append(vecs, unit([]float32{1, e, 0}), unit([]float32{e, 1, 0}))
	}
	assign, _, sizes := kmeans(vecs, 2, 5)
	for i := 2; i < len(vecs); i++ {
		if assign[i] != assign[i%2] {
			t.Fatalf("vector %d in class %d, want %d (its group's)", i, assign[i], assign[i%2])
		}
	}
	if sizes[0] != 20 || sizes[1] != 20 {
		t.Fatalf("sizes %v, want 20 and 20", sizes)
	}
	again, _, _ := kmeans(vecs, 2, 5)
	if !slices.Equal(assign, again) {
		t.Fatal("kmeans is not deterministic")
	}
}

func TestWardPathsFormAPrefixFreeTree(t *testing.T) {
	cents := [][]float32{{1, 0}, {0.9, 0.1}, {0, 1}, {0.1, 0.9}, {-1, 0}}
	paths := wardPaths(cents, []int{3, 3, 3, 3, 3})
	for i, p := range paths {
		if p == "" {
			t.Fatalf("class %d has an empty path", i)
		}
		for j, q := range paths {
			if i != j && strings.HasPrefix(q, p) {
				t.Fatalf("path %q of class %d is a prefix of %q", p, i, q)
			}
		}
	}
	// The nearest centroids are siblings: their paths differ in the last bit only.
	for _, pair := range [][2]int{{0, 1}, {2, 3}} {
		a, b := paths[pair[0]], paths[pair[1]]
		if len(a) != len(b) || a[:len(a)-1] != b[:len(b)-1] {
			t.Errorf("classes %v: paths %q and %q are not siblings", pair, a, b)
		}
	}
}
