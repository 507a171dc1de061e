package hugemem

import (
	"runtime"
	"testing"
)

func TestMakeFor(t *testing.T) {
	type slot struct {
		key uint64
		w   [3]int16
	}
	type owner struct{ s []slot }
	for _, n := range []int{0, 1, 1000, minSize/16 + 1, 3 << 20} {
		o := &owner{}
		o.s = MakeFor[slot](o, n)
		s := o.s
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
		runtime.KeepAlive(o)
	}
	runtime.GC() // the owners are gone: their cleanups unmap (must not crash)
	runtime.GC()
}

func TestMake(t *testing.T) {
	s := Make[uint32](3 << 20)
	s[len(s)-1] = 7
	if len(s) != 3<<20 || s[0] != 0 || s[len(s)-1] != 7 {
		t.Fatal("Make: bad slice")
	}
}
