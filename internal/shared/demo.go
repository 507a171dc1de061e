package shared

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// DemoStory is one story of the demo corpus (demo/voa.jsonl in the
// repository), which benchmarks use as real news text.
type DemoStory struct {
	Title, Text string
}

// DemoStories reads the demo corpus; it fails tb when the file is there but
// unreadable and skips it when the repository root is not found.
func DemoStories(tb testing.TB) []DemoStory {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("skipping: repository root (go.mod) not found")
	}
	data, err := os.ReadFile(filepath.Join(root, "demo", "voa.jsonl"))
	if err != nil {
		tb.Fatalf("demo corpus: %v", err)
	}
	var out []DemoStory
	for line := range bytes.Lines(data) {
		var s DemoStory
		if err := json.Unmarshal(line, &s); err != nil {
			tb.Fatalf("demo corpus: %v", err)
		}
		out = append(out, s)
	}
	return out
}
