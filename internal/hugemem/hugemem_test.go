package hugemem

import "testing"

func TestMake(t *testing.T) {
	type slot struct {
		key uint64
		w   [3]int16
	}
	for _, n := range []int{0, 1, 1000, minSize/16 + 1, 3 << 20} {
		s := Make[slot](n)
		if len(s) != n || cap(s) < n {
			t.Fatalf("Make(%d): len %d cap %d", n, len(s), cap(s))
		}
		for i := range s {
			if s[i] != (slot{}) {
				t.Fatalf("Make(%d)[%d] not zero", n, i)
			}
			s[i].key = uint64(i)
		}
		for i := range s {
			if s[i].key != uint64(i) {
				t.Fatalf("Make(%d)[%d] lost a write", n, i)
			}
		}
	}
}
