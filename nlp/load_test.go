package nlp

import (
	"testing"

	"github.com/tidings/tidings/internal/cputime"
)

// BenchmarkLoad measures decoding the embedded models (what Load does once).
// cpu-ms/op is the process CPU time per load, a steadier figure than wall
// time on a shared machine.
func BenchmarkLoad(b *testing.B) {
	cpu0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		if _, err := newPipeline(); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cputime.Process() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}
