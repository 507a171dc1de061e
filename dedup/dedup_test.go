package dedup

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tidings/tidings"
)

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWordsAndShingles(t *testing.T) {
	tests := []struct {
		text     string
		words    int
		shingles int
	}{
		{"", 0, 0},
		{"  ,,, !! ", 0, 0},
		{"One two", 2, 1},
		{"One, two; THREE four five.", 5, 1},
		{"a b c d e f g", 7, 3},
		{"Café naïve Zürich 2025", 4, 1},
	}
	for _, tt := range tests {
		if got := len(Words(tt.text)); got != tt.words {
			t.Errorf("Words(%q) = %d words, want %d", tt.text, got, tt.words)
		}
		if got := len(Shingles(tt.text)); got != tt.shingles {
			t.Errorf("Shingles(%q) = %d, want %d", tt.text, got, tt.shingles)
		}
	}
	if Words("Hello, WORLD")[1] != "world" {
		t.Error("Words does not lower-case")
	}
}

func TestSignatureStableAndSimilar(t *testing.T) {
	orig := readFixture(t, "original.txt")
	a, err := Sign(orig)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Sign(strings.ToUpper(orig))
	if Similarity(&a, &b) != 1 {
		t.Error("case changes the signature")
	}
	u, _ := Sign(readFixture(t, "unrelated.txt"))
	if s := Similarity(&a, &u); s > 0.1 {
		t.Errorf("unrelated similarity %.2f", s)
	}
	raw, _ := a.MarshalBinary()
	var back Signature
	if err := back.UnmarshalBinary(raw); err != nil || back != a {
		t.Errorf("signature round trip: %v", err)
	}
	if err := back.UnmarshalBinary(raw[:5]); err == nil {
		t.Error("short signature accepted")
	}
	if _, err := Sign("..."); err != ErrNoText {
		t.Errorf("Sign of no words: %v", err)
	}
}

func article(id, title, text string) *tidings.Article {
	return &tidings.Article{ID: id, Title: title, Text: text}
}

// TestNearDuplicate is the acceptance test of issue 7: a stored article's
// copy with another headline and an added paragraph is marked as its
// duplicate; another article on the same topic is not.
func TestNearDuplicate(t *testing.T) {
	ctx := context.Background()
	orig := readFixture(t, "original.txt")
	ix := NewIndex(NewMemStore(), 0)
	if dup, err := ix.Check(ctx, article("a1", "Floods force thousands from homes", orig)); err != nil || dup != "" {
		t.Fatalf("original: dup=%q err=%v", dup, err)
	}
	copyText := orig + "\n\nThis report was updated with comments from the prime minister's office, which said the visit would go ahead despite the weather."
	tests := []struct {
		id, title, text, want string
	}{
		{"a2", "Thousands flee as Varna river bursts its banks", copyText, "a1"},
		{"a3", "Search for missing men goes on", readFixture(t, "sametopic.txt"), ""},
		{"a4", "Rates unchanged", readFixture(t, "unrelated.txt"), ""},
		// A copy of the copy points at the first report.
		{"a5", "Varna floods", copyText + "\n\nCopyright Example Wire.", "a1"},
		{"a6", "empty", "", ""},
	}
	for _, tt := range tests {
		dup, err := ix.Check(ctx, article(tt.id, tt.title, tt.text))
		if err != nil {
			t.Fatalf("%s: %v", tt.id, err)
		}
		if dup != tt.want {
			t.Errorf("%s: duplicate_of %q, want %q", tt.id, dup, tt.want)
		}
	}
	// Re-checking the original does not make it a copy of its copies.
	if dup, _ := ix.Check(ctx, article("a1", "", orig)); dup != "" {
		t.Errorf("re-check of original: duplicate_of %q", dup)
	}
	if err := ix.Forget(ctx, "a1"); err != nil {
		t.Fatal(err)
	}
	m, err := ix.Lookup(ctx, "", orig)
	if err != nil || m.DuplicateOf != "a1" { // a2 and a5 still point at a1
		t.Errorf("after forget: %+v %v", m, err)
	}
	// Add indexes without looking: a later copy finds the given root.
	ix2 := NewIndex(NewMemStore(), 0)
	if err := ix2.Add(ctx, "b1", readFixture(t, "unrelated.txt")+" Extra.", "b0"); err != nil {
		t.Fatal(err)
	}
	if m, _ := ix2.Lookup(ctx, "", readFixture(t, "unrelated.txt")); m.DuplicateOf != "b0" {
		t.Errorf("after Add: %+v", m)
	}
	if _, err := ix.Check(ctx, article("", "", orig)); err == nil {
		t.Error("article without id accepted")
	}
}

func BenchmarkSign(b *testing.B) {
	text := readFixture(b, "original.txt")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Sign(text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck measures dedup checks per second against an in-memory
// index of 10,000 articles (look-up plus insert).
func BenchmarkCheck(b *testing.B) {
	ctx := context.Background()
	base := strings.Fields(readFixture(b, "original.txt"))
	ix := NewIndex(NewMemStore(), 0)
	variant := func(i int) string {
		w := append([]string(nil), base...)
		for j := range w {
			if (j*7+i)%5 == 0 {
				w[j] = w[j] + string(rune('a'+i%26)) + string(rune('a'+(i/26)%26))
			}
		}
		return strings.Join(w, " ")
	}
	for i := 0; i < 10000; i++ {
		if _, err := ix.Check(ctx, article("seed"+strconv.Itoa(i), "", variant(i))); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := ix.Check(ctx, article("x"+strconv.Itoa(i), "", variant(i+20000))); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "checks/s")
}
