package source

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestReadWithRawKeepsTitleLine(t *testing.T) {
	text := "A short title\n\nThe body starts here.\n\nIt goes on.\n"
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		raw       bool
		wantTitle string
		wantBody  string
	}{
		{false, "A short title", "The body starts here.\n\nIt goes on.\n"},
		{true, "", text},
	} {
		n := 0
		for doc, err := range ReadWith(context.Background(), path, Options{Raw: tt.raw}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			if doc.Title != tt.wantTitle || string(doc.Body) != tt.wantBody {
				t.Errorf("raw=%v: title %q body %q", tt.raw, doc.Title, doc.Body)
			}
		}
		if n != 1 {
			t.Errorf("raw=%v: %d documents", tt.raw, n)
		}
	}
}
