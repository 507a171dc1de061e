package cputime

import (
	"runtime"
	"testing"
)

func TestProcessGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("CPU time is not read on " + runtime.GOOS)
	}
	before := Process()
	x := 0
	for i := 0; Process()-before <= 0 && i < 1e9; i++ {
		x += i % 7
	}
	if Process() <= before {
		t.Fatalf("process CPU time did not grow (%v → %v, %d)", before, Process(), x)
	}
}
