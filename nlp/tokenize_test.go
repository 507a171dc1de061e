package nlp

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func tokTexts(toks []Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Text)
	}
	return strings.Join(s, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"I don't know.", "I do n't know ."},
		{"Russia's army can't win", "Russia 's army ca n't win"},
		{"They’re here, aren’t they?", "They ’re here , are n’t they ?"},
		{"the U.S. and Sept. 5", "the U.S. and Sept. 5"},
		{"cost $70 or 3.5% of 1,500", "cost $ 70 or 3.5 % of 1,500"},
		{"an all-girl non-profit band", "an all - girl non-profit band"},
		{"non-U.S. firms and anti-U.N. protests", "non-U.S. firms and anti-U.N. protests"},
		{"see https://example.com/a?b=1.", "see https://example.com/a?b=1 ."},
		{"mail bob.smith@example.org, now", "mail bob.smith@example.org , now"},
		{"#Kyiv and @user", "#Kyiv and @user"},
		{"war—and peace – maybe", "war — and peace – maybe"},
		{"\"Stop,\" he said.", "\" Stop , \" he said ."},
		{"“Stop!” he said", "“ Stop ! ” he said"},
		{"students' books", "students ' books"},
		{"O'Brien’s 1990s", "O'Brien ’s 1990s"},
		{"Mr. J. Smith at 12:30 p.m.", "Mr. J. Smith at 12:30 p.m."},
		{"I cannot, gonna", "I can not , gon na"},
		{"wait...", "wait ..."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := tokTexts(Tokenize(tt.in)); got != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	text := "Київ: “Don’t” — 3,5 %"
	for _, tok := range Tokenize(text) {
		if text[tok.BStart:tok.BEnd] != tok.Text {
			t.Errorf("byte offsets of %q wrong", tok.Text)
		}
		r := []rune(text)
		if string(r[tok.Start:tok.End]) != tok.Text {
			t.Errorf("code-point offsets of %q wrong", tok.Text)
		}
	}
}

// checkTokens verifies the invariants every tokenization must satisfy.
func checkTokens(t *testing.T, text string, toks []Token) {
	t.Helper()
	prevB, prevC := 0, 0
	nRunes := utf8.RuneCountInString(text)
	for _, tok := range toks {
		if tok.BStart < prevB || tok.BEnd <= tok.BStart || tok.BEnd > len(text) {
			t.Fatalf("bad byte offsets %d-%d (prev end %d, len %d) in %q", tok.BStart, tok.BEnd, prevB, len(text), text)
		}
		if tok.Start < prevC || tok.End <= tok.Start || tok.End > nRunes {
			t.Fatalf("bad code-point offsets %d-%d in %q", tok.Start, tok.End, text)
		}
		if text[tok.BStart:tok.BEnd] != tok.Text {
			t.Fatalf("Text %q != text[BStart:BEnd] %q", tok.Text, text[tok.BStart:tok.BEnd])
		}
		if utf8.RuneCountInString(text[:tok.BStart]) != tok.Start {
			t.Fatalf("Start %d does not match BStart %d in %q", tok.Start, tok.BStart, text)
		}
		prevB, prevC = tok.BEnd, tok.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"I don't know.", "U.S. $70 3.5% 1,500", "a-b--c", "'s ’ll n't", "http://x.y/z.", "a@b.c", "\xff\xfe'", "Mr.\n\nHi"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		checkTokens(t, text, toks)
		sents := SplitSentences(text, toks)
		n, prev := 0, 0
		for _, s := range sents {
			if len(s.Tokens) == 0 || s.BStart < prev || s.BEnd > len(text) || s.BStart > s.BEnd {
				t.Fatalf("bad sentence %d-%d in %q", s.BStart, s.BEnd, text)
			}
			prev = s.BEnd
			n += len(s.Tokens)
		}
		if n != len(toks) {
			t.Fatalf("sentences hold %d tokens, want %d", n, len(toks))
		}
	})
}
