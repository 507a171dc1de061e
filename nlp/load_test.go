package nlp

import "testing"

// BenchmarkLoad measures decoding the embedded models (what Load does once).
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := newPipeline(); err != nil {
			b.Fatal(err)
		}
	}
}
