package nlp

import (
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Smith met Gen. Jones. They talked.", []string{"Mr. Smith met Gen. Jones.", "They talked."}},
		{"He said, \"We will win.\" Then he left.", []string{"He said, \"We will win.\"", "Then he left."}},
		{"The U.N. met on Jan. 5 in New York.", []string{"The U.N. met on Jan. 5 in New York."}},
		{"It grew in the U.S. The rest fell.", []string{"It grew in the U.S.", "The rest fell."}},
		{"They beat non-U.S. rivals in the U.S. market.", []string{"They beat non-U.S. rivals in the U.S. market."}},
		{"J. R. R. Tolkien wrote it.", []string{"J. R. R. Tolkien wrote it."}},
		{"She thanked George W. Bush. He smiled.", []string{"She thanked George W. Bush.", "He smiled."}},
		{"It was posted on X. He deleted it.", []string{"It was posted on X.", "He deleted it."}},
		{"Take vitamin D. It helps.", []string{"Take vitamin D.", "It helps."}},
		{"Missiles hit Kyiv\n\nAt least 12 people died.", []string{"Missiles hit Kyiv", "At least 12 people died."}},
		{"Headline without period\nBody starts here.", []string{"Headline without period", "Body starts here."}},
		{"Why? Nobody knows! Really…", []string{"Why?", "Nobody knows!", "Really…"}},
		{"a line that\ncontinues here.", []string{"a line that\ncontinues here."}},
		{"Trump Urges Putin to 'STOP!' After Deadly Attack\n\n\"Stop!\" The man ran.", []string{"Trump Urges Putin to 'STOP!' After Deadly Attack", "\"Stop!\"", "The man ran."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range SplitSentences(tt.in, Tokenize(tt.in)) {
			got = append(got, tt.in[s.BStart:s.BEnd])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("SplitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
