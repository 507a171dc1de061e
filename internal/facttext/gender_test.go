package facttext

import "testing"

func TestPronounFits(t *testing.T) {
	tests := []struct {
		pronoun, role string
		want          bool
	}{
		{"he", "Queen", false},
		{"she", "Queen", true},
		{"he", "Former Queen", false},
		{"she", "King", false},
		{"she", "Crown Prince", false},
		{"he", "Foreign Minister", true},
		{"she", "President", true},
		{"he", "", true},
		{"they", "Queen", true},
		{"he", "Spokeswoman", false},
	}
	for _, tt := range tests {
		if got := PronounFits(tt.pronoun, tt.role); got != tt.want {
			t.Errorf("PronounFits(%q, %q) = %v, want %v", tt.pronoun, tt.role, got, tt.want)
		}
	}
}
