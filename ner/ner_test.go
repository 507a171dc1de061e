package ner

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidings/tidings/nlp"
)

// whitespaceDoc builds an nlp.Doc of one sentence per line, tokens split on
// spaces, with code-point and byte offsets.
func whitespaceDoc(text string) *nlp.Doc {
	doc := &nlp.Doc{Text: text}
	bpos := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		var s nlp.Sentence
		off := bpos
		for _, f := range strings.Fields(line) {
			i := strings.Index(text[off:], f) + off
			s.Tokens = append(s.Tokens, nlp.Token{
				Text: f, BStart: i, BEnd: i + len(f),
				Start: utf8.RuneCountInString(text[:i]), End: utf8.RuneCountInString(text[:i+len(f)]),
			})
			off = i + len(f)
		}
		bpos += len(line)
		if len(s.Tokens) > 0 {
			doc.Sentences = append(doc.Sentences, s)
		}
	}
	return doc
}

type fixtureCase struct {
	text string
	want []string // "TYPE\tmention"
}

func readFixture(t *testing.T) []fixtureCase {
	t.Helper()
	f, err := os.Open("testdata/fixture.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []fixtureCase
	var cur *fixtureCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
		case line == "":
			cur = nil
		case cur == nil:
			cases = append(cases, fixtureCase{text: line})
			cur = &cases[len(cases)-1]
		default:
			cur.want = append(cur.want, line)
		}
	}
	return cases
}

func TestRecognizeFixture(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range readFixture(t) {
		doc := whitespaceDoc(strings.ReplaceAll(c.text, " . ", " .\n"))
		var got []string
		for _, s := range r.Recognize(doc) {
			got = append(got, s.Type+"\t"+s.Text)
			if s.Score < 0 || s.Score > 1 {
				t.Errorf("%q: score %v out of [0,1]", s.Text, s.Score)
			}
			runes := []rune(doc.Text)
			if string(runes[s.CStart:s.CEnd]) != s.Text {
				t.Errorf("%q: code points [%d,%d) give %q", s.Text, s.CStart, s.CEnd, string(runes[s.CStart:s.CEnd]))
			}
		}
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: missing %q; got %q", c.text, w, got)
			}
		}
	}
}

func TestRecognizeEmpty(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Recognize(nil); got != nil {
		t.Errorf("nil doc: %v", got)
	}
	if got := r.Recognize(&nlp.Doc{Text: ""}); len(got) != 0 {
		t.Errorf("empty doc: %v", got)
	}
	if got := r.Tag(nil, nil); len(got) != 0 {
		t.Errorf("empty sentence: %v", got)
	}
}

func TestTagIOB2(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Police in Paris arrested Jean Dupont on Friday .")
	tags := r.Tag(words, nil)
	if len(tags) != len(words) {
		t.Fatalf("got %d tags for %d words", len(tags), len(words))
	}
	want := map[int]string{2: "B-GPE", 4: "B-PERSON", 5: "I-PERSON", 0: "O", 7: "O"}
	for i, w := range want {
		if tags[i] != w {
			t.Errorf("%s: got %s, want %s (all: %v)", words[i], tags[i], w, tags)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Barack Obama visited Kenya .")
	want := r.Tag(words, nil)
	done := make(chan []string)
	for i := 0; i < 8; i++ {
		go func() { done <- r.Tag(words, nil) }()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; !slices.Equal(got, want) {
			t.Errorf("concurrent Tag: got %v, want %v", got, want)
		}
	}
}

func FuzzTag(f *testing.F) {
	f.Add("Barack Obama visited NAIROBI on Monday .")
	f.Add("\x00 ÉCOLE 1996-08-22 -- ' ")
	r, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		tags := r.Tag(words, nil)
		if len(tags) != len(words) {
			t.Fatalf("%d tags for %d words", len(tags), len(words))
		}
		for i, tag := range tags {
			if strings.HasPrefix(tag, "I-") && (i == 0 || tags[i-1] == "O" || tags[i-1][2:] != tag[2:]) {
				t.Fatalf("invalid IOB2 at %d: %v", i, tags)
			}
		}
	})
}
