package source

import (
	"bufio"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidings/tidings"
)

func bufioReader(s string) *bufio.Reader { return bufio.NewReaderSize(strings.NewReader(s), 16) }

// FuzzReadJSONL checks that any input read as JSON lines yields documents
// with a body and a line name, or InputErrors naming a line — never a
// panic.
func FuzzReadJSONL(f *testing.F) {
	f.Add(`{"id":"a","text":"x"}` + "\n" + `{"html":"<p>y</p>","published":"2025-03-14"}`)
	f.Add(`{"id":1.5e3,"text":"x","author":["a",""],"published":17e8}`)
	f.Add("{\"text\":\"\xff\"}\n{")
	f.Add(`{"text":"x"} {"text":"y"}`)
	f.Fuzz(func(t *testing.T, in string) {
		for d, err := range ReadFrom(context.Background(), "in", strings.NewReader(in)) {
			if err != nil {
				var ie *tidings.InputError
				if !errors.As(err, &ie) || !strings.HasPrefix(ie.Name, "in") {
					t.Fatalf("error %v does not name the input", err)
				}
				continue
			}
			if d == nil || len(d.Body) == 0 || !strings.HasPrefix(d.Name, "in") {
				t.Fatalf("bad document %+v", d)
			}
		}
	})
}

// FuzzSplitTitle checks that splitting a title loses no text and keeps
// titles short and on one line.
func FuzzSplitTitle(f *testing.F) {
	f.Add("Title\n\nBody.")
	f.Add("\r\n\r\nTitle\r\n \r\nBody")
	f.Add("a\n\n")
	f.Fuzz(func(t *testing.T, text string) {
		title, body := SplitTitle(text)
		if title == "" {
			if body != text && body != strings.TrimLeft(text, " \t\r\n\ufeff") {
				t.Fatalf("no title but body changed: %q -> %q", text, body)
			}
			return
		}
		if strings.ContainsAny(title, "\n") || utf8.RuneCountInString(title) > maxTitle {
			t.Fatalf("bad title %q", title)
		}
		if !strings.Contains(text, title) || !strings.Contains(text, body) || strings.TrimSpace(body) == "" {
			t.Fatalf("SplitTitle(%q) = %q, %q", text, title, body)
		}
	})
}
