package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// FuzzParagraphs checks that cleaning never panics, never keeps an empty
// paragraph, never invents words, and accounts for every input line.
func FuzzParagraphs(f *testing.F) {
	f.Add("Advertisement\n\nThe council voted on Tuesday to rebuild the sea wall after the storms.\n\nRead also| Other News Today")
	f.Add("One.\nTwo.\nThree.")
	f.Add("Related:\n\n\n\nPhoto: Jane Doe/Getty Images\r\n\r\n»|«")
	f.Add("x\n\nx\n\nx")
	f.Fuzz(func(t *testing.T, text string) {
		paras := SplitParagraphs(text)
		kept, removed := Paragraphs(paras)
		inWords := map[string]bool{}
		for _, w := range strings.FieldsFunc(text, unicode.IsSpace) {
			inWords[w] = true
		}
		for _, p := range kept {
			if strings.TrimSpace(p) == "" {
				t.Fatalf("kept an empty paragraph from %q", text)
			}
			for _, w := range strings.FieldsFunc(p, unicode.IsSpace) {
				if !inWords[w] {
					t.Fatalf("kept word %q not in input %q", w, text)
				}
			}
		}
		lines := 0
		for _, p := range paras {
			lines += len(strings.Split(p, "\n"))
		}
		if len(kept)+len(removed) > lines {
			t.Fatalf("%d kept + %d removed > %d input lines", len(kept), len(removed), lines)
		}
	})
}

func BenchmarkClean(b *testing.B) {
	text := benchText(b)
	paras := SplitParagraphs(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Paragraphs(paras)
	}
}

// benchText is the seed article when ../shared is present, else a
// synthetic article with furniture of the same kinds.
func benchText(b *testing.B) string {
	dir, err := os.Getwd()
	if err == nil {
		p := filepath.Join(dir, "..", "..", "shared", "examples", "kyiv-strike", "article.txt")
		if t, err := os.ReadFile(p); err == nil {
			return string(t)
		}
	}
	var sb strings.Builder
	sb.WriteString("Harbor town votes to rebuild its sea wall\n\n")
	for i := 0; i < 8; i++ {
		sb.WriteString("The council voted on Tuesday to rebuild the stretch of sea wall that collapsed during the January storms, ending two months of argument over who should pay.\n\nAdvertisement\n\n")
	}
	sb.WriteString("Read also| Fishing Fleet Stays in Port as Fuel Prices Climb\n")
	return sb.String()
}
