package lang

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The government announced on Tuesday that it would raise taxes on imported goods, a move that critics said would hurt families.", "en"},
		{"french", "Le gouvernement a annoncé mardi qu'il augmenterait les taxes sur les produits importés, une mesure que les critiques jugent néfaste.", "fr"},
		{"german", "Die Regierung kündigte am Dienstag an, die Steuern auf importierte Waren zu erhöhen, was Kritiker für schädlich halten.", "de"},
		{"spanish", "El gobierno anunció el martes que aumentaría los impuestos a los productos importados, una medida que según los críticos perjudicará a las familias.", "es"},
		{"empty", "", ""},
		{"too short", "Hello there", ""},
		{"digits only", "12345 67890 12345 67890 12345 67890", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.text); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestDetectUnsure checks that a text the detector cannot place with
// confidence (short Cyrillic, where Russian and Bulgarian trigrams overlap)
// is never reported as English.
func TestDetectUnsure(t *testing.T) {
	text := "Правительство объявило во вторник, что повысит налоги на импортные товары."
	if got := Detect(text); got == "en" {
		t.Errorf("Detect(%q) = en", text)
	}
}

func TestHeadCutsAtRuneBoundary(t *testing.T) {
	s := strings.Repeat("é", 3000)
	h := head(s, sample)
	if !utf8.ValidString(h) || len(h) > sample {
		t.Fatalf("head: invalid or too long (%d bytes)", len(h))
	}
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("The minister said the talks would resume next week in Geneva. ", 100)
	for b.Loop() {
		Detect(text)
	}
}
