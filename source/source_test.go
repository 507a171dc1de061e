package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/shared"
)

// collect runs a reader to its end and returns its documents and errors.
func collect(t *testing.T, seq func(func(*tidings.Document, error) bool)) ([]*tidings.Document, []error) {
	t.Helper()
	var docs []*tidings.Document
	var errs []error
	for d, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const article = "Harbor town votes to rebuild its sea wall\n\nThe council voted on Tuesday.\n\nWork starts in May.\n"

func TestReadFormats(t *testing.T) {
	dir := t.TempDir()
	page := []byte("<html><head><title>T</title></head><body><p>Hello there.</p></body></html>")
	tests := []struct {
		name   string
		data   []byte
		format tidings.Format
		title  string
	}{
		{"a.txt", []byte(article), tidings.FormatText, "Harbor town votes to rebuild its sea wall"},
		{"b.txt.gz", gz(t, []byte(article)), tidings.FormatText, "Harbor town votes to rebuild its sea wall"},
		{"c.html", page, tidings.FormatHTML, ""},
		{"d.HTM", page, tidings.FormatHTML, ""},
		{"e.html.gz", gz(t, page), tidings.FormatHTML, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.name, tt.data)
			docs, errs := collect(t, Read(context.Background(), p))
			if len(errs) != 0 || len(docs) != 1 {
				t.Fatalf("docs=%d errs=%v", len(docs), errs)
			}
			d := docs[0]
			if d.Format != tt.format || d.Title != tt.title || d.Name != p {
				t.Errorf("got format=%s title=%q name=%q", d.Format, d.Title, d.Name)
			}
			if tt.format == tidings.FormatText && strings.HasPrefix(string(d.Body), "Harbor") {
				t.Errorf("title left in body: %q", d.Body)
			}
		})
	}
}

func TestReadJSONL(t *testing.T) {
	lines := strings.Join([]string{
		`{"id":"a1","url":"https://www.example.org/news/1","title":"One","text":"Body one.","published":"2025-03-14 20:30:26Z","author":"Jane Roe"}`,
		``,
		`{"id":7,"title":"Two","html":"<p>Body two.</p>","published":"2025-03-14","authors":["A","B"],"source":"Wire"}`,
		`{"id":"bad", "text": }`,
		`{"id":"notext","title":"Nothing"}`,
		`{"id":"ok2","text":"Still read after the bad lines."}`,
	}, "\n")
	p := writeFile(t, t.TempDir(), "feed.jsonl.gz", gz(t, []byte(lines)))
	docs, errs := collect(t, Read(context.Background(), p))
	if len(docs) != 3 || len(errs) != 2 {
		t.Fatalf("docs=%d errs=%v", len(docs), errs)
	}
	d := docs[0]
	if d.ID != "a1" || d.Source != "example.org" || d.Name != p+":1" || d.Format != tidings.FormatText ||
		d.Published == nil || !d.Published.Equal(time.Date(2025, 3, 14, 20, 30, 26, 0, time.UTC)) ||
		len(d.Authors) != 1 || d.Authors[0] != "Jane Roe" {
		t.Errorf("doc 1 = %+v", d)
	}
	d = docs[1]
	if d.ID != "7" || d.Format != tidings.FormatHTML || d.Source != "Wire" || d.Name != p+":3" || len(d.Authors) != 2 {
		t.Errorf("doc 2 = %+v", d)
	}
	for i, want := range []string{p + ":4", p + ":5"} {
		var ie *tidings.InputError
		if !errors.As(errs[i], &ie) || ie.Name != want {
			t.Errorf("error %d = %v, want one naming %s", i, errs[i], want)
		}
	}
	if docs[2].Name != p+":6" {
		t.Errorf("last doc name %q", docs[2].Name)
	}
}

func TestReadBadInput(t *testing.T) {
	dir := t.TempDir()
	whole := gz(t, []byte(strings.Repeat("The council voted on Tuesday. ", 2000)))
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty.txt", nil, ErrEmpty},
		{"blank.txt", []byte(" \n\n\t "), ErrEmpty},
		{"empty.html", nil, ErrEmpty},
		{"binary.txt", []byte("ab\x00\x01\x02cd"), ErrBinary},
		{"image.html", []byte("\x89PNG\r\n\x1a\nxxxxxxxx"), ErrBinary},
		{"latin1.txt", []byte("Caf\xe9 au lait\n\nIs good."), ErrInvalidUTF8},
		{"truncated.txt.gz", whole[:len(whole)/2], ErrTruncated},
		{"notgzip.txt.gz", []byte("plain text, not gzip"), nil},
		{"emptygzip.jsonl.gz", nil, ErrEmpty},
		{"blank.jsonl", []byte("\n\n  \n"), ErrEmpty},
		{"binary.jsonl", []byte("{\x00\x01\x02\x03 binary"), ErrBinary},
		{"data.csv", []byte("a,b\n1,2\n"), ErrUnsupported},
		{"archive.warc.gz", gz(t, []byte("WARC/1.0\r\n")), ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.name, tt.data)
			docs, errs := collect(t, Read(context.Background(), p))
			if len(docs) != 0 || len(errs) != 1 {
				t.Fatalf("docs=%d errs=%v, want one error", len(docs), errs)
			}
			var ie *tidings.InputError
			if !errors.As(errs[0], &ie) || ie.Name != p {
				t.Errorf("error %v does not name %s", errs[0], p)
			}
			if tt.want != nil && !errors.Is(errs[0], tt.want) {
				t.Errorf("error %v, want %v", errs[0], tt.want)
			}
		})
	}
}

// TestHTMLLegacyEncoding checks that a non-UTF-8 page is passed on for the
// extractor's charset logic rather than refused.
func TestHTMLLegacyEncoding(t *testing.T) {
	page := []byte(`<html><head><meta charset="iso-8859-1"></head><body><p>Caf` + "\xe9" + `</p></body></html>`)
	p := writeFile(t, t.TempDir(), "latin1.html", page)
	docs, errs := collect(t, Read(context.Background(), p))
	if len(errs) != 0 || len(docs) != 1 || !bytes.Equal(docs[0].Body, page) {
		t.Fatalf("docs=%d errs=%v", len(docs), errs)
	}
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b/2.txt", []byte(article))
	writeFile(t, dir, "a.txt", []byte(article))
	writeFile(t, dir, "b/1.html", []byte("<p>x</p>"))
	writeFile(t, dir, "b/empty.txt", nil)
	writeFile(t, dir, ".hidden.txt", []byte(article))
	writeFile(t, dir, ".git/c.txt", []byte(article))
	writeFile(t, dir, "notes.md", []byte(article))
	writeFile(t, dir, "crawl.warc.gz", []byte("x"))
	docs, errs := collect(t, Read(context.Background(), dir))
	var names []string
	for _, d := range docs {
		names = append(names, strings.TrimPrefix(d.Name, dir+string(filepath.Separator)))
	}
	if got, want := strings.Join(names, " "), "a.txt b/1.html b/2.txt"; got != want {
		t.Errorf("documents %q, want %q", got, want)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrEmpty) {
		t.Errorf("errors %v, want the empty file", errs)
	}
}

func TestReadMissing(t *testing.T) {
	_, errs := collect(t, Read(context.Background(), filepath.Join(t.TempDir(), "nope.txt")))
	var ie *tidings.InputError
	if len(errs) != 1 || !errors.As(errs[0], &ie) {
		t.Fatalf("errs = %v", errs)
	}
}

func TestReadFromStdin(t *testing.T) {
	docs, errs := collect(t, ReadFrom(context.Background(), "-", strings.NewReader("  \n{\"text\":\"a b c\"}\n{\"text\":\"d\"}\n")))
	if len(errs) != 0 || len(docs) != 2 || docs[1].Name != "-:3" {
		t.Fatalf("jsonl: docs=%v errs=%v", docs, errs)
	}
	docs, errs = collect(t, ReadFrom(context.Background(), "-", strings.NewReader(article)))
	if len(errs) != 0 || len(docs) != 1 || docs[0].Title == "" || docs[0].Format != tidings.FormatText {
		t.Fatalf("text: docs=%v errs=%v", docs, errs)
	}
	_, errs = collect(t, ReadFrom(context.Background(), "-", strings.NewReader("")))
	if len(errs) != 1 || !errors.Is(errs[0], ErrEmpty) {
		t.Fatalf("empty: errs=%v", errs)
	}
}

// repeatReader streams n bytes of a repeated chunk without holding them.
func repeatReader(chunk string, n int64) io.Reader {
	return io.LimitReader(&cycle{chunk: chunk}, n)
}

// cycle is an endless reader of one chunk over and over.
type cycle struct {
	chunk string
	off   int
}

func (c *cycle) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		k := copy(p[n:], c.chunk[c.off:])
		n += k
		c.off = (c.off + k) % len(c.chunk)
	}
	return n, nil
}

// TestHugeInputs streams 200 MB inputs: a text document over the limit is
// refused after reading just past the limit, and a 200 MB JSON line is
// skipped without being held while the next line is still read.
func TestHugeInputs(t *testing.T) {
	const huge = 200 << 20
	_, errs := collect(t, ReadFrom(context.Background(), "big", repeatReader("The council voted on Tuesday. ", huge)))
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("text: errs=%v", errs)
	}
	r := io.MultiReader(
		strings.NewReader(`{"text":"`),
		repeatReader("abcdefgh", huge),
		strings.NewReader("\"}\n{\"text\":\"after\"}\n"),
	)
	docs, errs := collect(t, ReadFrom(context.Background(), "big.jsonl", r))
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || len(docs) != 1 || docs[0].Name != "big.jsonl:2" {
		t.Fatalf("jsonl: docs=%v errs=%v", docs, errs)
	}
}

func TestReadLine(t *testing.T) {
	br := bufioReader("short\n0123456789abcdef\nend")
	var got []string
	for {
		line, err := readLine(br, nil, 8)
		if errors.Is(err, ErrTooLarge) {
			got = append(got, "TOO LARGE")
			continue
		}
		got = append(got, string(line))
		if err != nil {
			break
		}
	}
	if strings.Join(got, "|") != "short|TOO LARGE|end" {
		t.Errorf("lines = %q", got)
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct {
		text, title, body string
	}{
		{"Title here\n\nBody.", "Title here", "Body."},
		{"Title here\r\n\r\nBody.", "Title here", "Body."},
		{"\n\n  Title here  \n \nBody.", "Title here", "Body."},
		{"No blank line\nBody.", "", "No blank line\nBody."},
		{"Only a title\n\n", "", "Only a title\n\n"},
		{"The minister said on Tuesday that the talks would resume next week in Geneva with both sides.\n\nMore.", "", "The minister said on Tuesday that the talks would resume next week in Geneva with both sides.\n\nMore."},
		{strings.Repeat("x", 201) + "\n\nBody.", "", strings.Repeat("x", 201) + "\n\nBody."},
		{"Short sentence title.\n\nBody.", "Short sentence title.", "Body."},
	}
	for _, tt := range tests {
		title, body := SplitTitle(tt.text)
		if title != tt.title || body != tt.body {
			t.Errorf("SplitTitle(%q) = %q, %q; want %q, %q", tt.text, title, body, tt.title, tt.body)
		}
	}
}

func TestParseTime(t *testing.T) {
	want := time.Date(2025, 3, 14, 20, 30, 26, 0, time.UTC)
	for _, s := range []string{"2025-03-14T20:30:26Z", "2025-03-14 20:30:26Z", "2025-03-14T20:30:26+00:00", "2025-03-14 20:30:26", "Fri, 14 Mar 2025 20:30:26 +0000"} {
		got, err := ParseTime(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseTime(%q) = %v, %v", s, got, err)
		}
	}
	if got, err := ParseTime("2025-03-14"); err != nil || !got.Equal(time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date only: %v, %v", got, err)
	}
	if _, err := ParseTime("last Tuesday"); err == nil {
		t.Error("want an error for a free-text date")
	}
}

func TestContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, errs := collect(t, ReadFrom(ctx, "-", strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n")))
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Fatalf("errs = %v", errs)
	}
}

// TestKyivSeedTitle reads the seed article of ../shared/examples (never
// copied here) and checks that its first line becomes the title.
func TestKyivSeedTitle(t *testing.T) {
	ex := shared.Dir(t, "examples", "kyiv-strike")
	var want struct {
		Title string `json:"title"`
	}
	b, err := os.ReadFile(filepath.Join(ex, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	docs, errs := collect(t, Read(context.Background(), filepath.Join(ex, "article.txt")))
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("docs=%d errs=%v", len(docs), errs)
	}
	if docs[0].Title != want.Title || strings.HasPrefix(string(docs[0].Body), want.Title) {
		t.Errorf("title %q (want %q), body starts %.60q", docs[0].Title, want.Title, docs[0].Body)
	}
}
