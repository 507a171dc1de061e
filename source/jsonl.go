package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tidings/tidings"
)

// jsonDoc is one JSON line. "text" or "html" holds the body; "author" may
// be a string or a list, as may "authors".
type jsonDoc struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
	Published json.RawMessage `json:"published"`
	Author    json.RawMessage `json:"author"`
	Authors   json.RawMessage `json:"authors"`
	Source    string          `json:"source"`
}

// readJSONL yields one document per non-blank line of r, named
// "name:LINE". Lines over MaxDocument bytes are skipped (without being held
// in memory) and reported, like malformed ones; reading goes on. It returns
// false when the consumer stopped.
func readJSONL(ctx context.Context, name string, r io.Reader, yield func(*tidings.Document, error) bool) bool {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	if head, _ := br.Peek(8 << 10); isBinary(head) {
		return yield(nil, &tidings.InputError{Name: name, Err: ErrBinary})
	}
	var buf []byte
	docs := 0
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return yield(nil, err)
		}
		line, err := readLine(br, buf[:0], MaxDocument)
		buf = line
		lineName := name + ":" + strconv.Itoa(lineNo)
		if errors.Is(err, ErrTooLarge) {
			if !yield(nil, &tidings.InputError{Name: lineName, Err: err}) {
				return false
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return yield(nil, &tidings.InputError{Name: lineName, Err: gzipErr(err)})
		}
		if len(bytes.TrimSpace(line)) > 0 {
			docs++
			doc, perr := ParseJSONLine(line)
			if doc != nil {
				doc.Name = lineName
			}
			if !yield(doc, wrapErr(lineName, perr)) {
				return false
			}
		}
		if errors.Is(err, io.EOF) {
			if docs == 0 {
				return yield(nil, &tidings.InputError{Name: name, Err: ErrEmpty})
			}
			return true
		}
	}
}

// readLine reads one line of br into buf (without its newline), holding at
// most limit bytes: a longer line is read to its end and dropped, and
// ErrTooLarge returned. At the end of input it returns io.EOF with the last
// (possibly empty) line.
func readLine(br *bufio.Reader, buf []byte, limit int) ([]byte, error) {
	over := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !over {
			if len(buf)+len(chunk) > limit+1 { // +1: the newline
				over = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == nil:
			buf = bytes.TrimSuffix(buf, []byte("\n"))
			if over {
				return buf[:0], ErrTooLarge
			}
			return bytes.TrimSuffix(buf, []byte("\r")), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			if over {
				return buf[:0], ErrTooLarge
			}
			return buf, err
		}
	}
}

// ParseJSONLine reads one JSON line into a Document (without Name). It
// needs a "text" or an "html" field (text wins when both are given); "published" may be RFC 3339 or a
// common variant (see ParseTime); "source" defaults to the URL's host.
func ParseJSONLine(line []byte) (*tidings.Document, error) {
	if !utf8.Valid(line) {
		return nil, fmt.Errorf("%w (first bad byte at offset %d)", ErrInvalidUTF8, firstInvalid(line))
	}
	var j jsonDoc
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&j); err != nil {
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	if dec.More() {
		return nil, errors.New("malformed JSON: more than one value on the line")
	}
	doc := &tidings.Document{URL: strings.TrimSpace(j.URL), Title: strings.TrimSpace(j.Title), Source: strings.TrimSpace(j.Source)}
	var err error
	if doc.ID, err = jsonID(j.ID); err != nil {
		return nil, err
	}
	switch { // text given by the source beats our own extraction from html
	case j.Text != nil && strings.TrimSpace(*j.Text) != "":
		doc.Format, doc.Body = tidings.FormatText, []byte(*j.Text)
	case j.HTML != nil && strings.TrimSpace(*j.HTML) != "":
		doc.Format, doc.Body = tidings.FormatHTML, []byte(*j.HTML)
	default:
		return nil, fmt.Errorf("%w: no \"text\" or \"html\" field", ErrEmpty)
	}
	if doc.Published, err = jsonTime(j.Published); err != nil {
		return nil, err
	}
	for _, raw := range []json.RawMessage{j.Authors, j.Author} {
		if len(doc.Authors) > 0 {
			break
		}
		if doc.Authors, err = jsonNames(raw); err != nil {
			return nil, err
		}
	}
	if doc.Source == "" {
		doc.Source = hostOf(doc.URL)
	}
	return doc, nil
}

// jsonID reads an id given as a string or a number.
func jsonID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("\"id\" is neither a string nor a number: %s", clip(raw))
}

// jsonTime reads a published date given as a string (see ParseTime) or as
// Unix seconds.
func jsonTime(raw json.RawMessage) (*time.Time, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if strings.TrimSpace(s) == "" {
			return nil, nil
		}
		t, err := ParseTime(s)
		if err != nil {
			return nil, err
		}
		return &t, nil
	}
	var secs float64
	if err := json.Unmarshal(raw, &secs); err == nil {
		t := time.Unix(int64(secs), 0).UTC()
		return &t, nil
	}
	return nil, fmt.Errorf("\"published\" is neither a date string nor a number: %s", clip(raw))
}

// jsonNames reads author names given as one string or a list of strings.
func jsonNames(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		if one = strings.TrimSpace(one); one != "" {
			return []string{one}, nil
		}
		return nil, nil
	}
	var many []string
	if err := json.Unmarshal(raw, &many); err != nil {
		return nil, fmt.Errorf("author names are neither a string nor a list of strings: %s", clip(raw))
	}
	var out []string
	for _, n := range many {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out, nil
}

// timeLayouts are the date forms ParseTime accepts, tried in order.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.ANSIC,
	"2006-01-02",
	"2006/01/02",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 15:04",
	"Jan 2, 2006 3:04 PM",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
}

// ParseTime reads a publication date: RFC 3339 and its common variants
// ("2025-03-14 20:30:26Z", no zone, no seconds), RFC 1123 as in RSS, or a
// date alone. A time without a zone is taken as UTC.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q (want RFC 3339 such as 2025-03-14T20:30:26Z)", clip([]byte(s)))
}

// hostOf returns the host of a URL without "www.", or "".
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// clip shortens b for an error message.
func clip(b []byte) string {
	const n = 60
	if len(b) <= n {
		return string(b)
	}
	s := b[:n]
	for len(s) > 0 && !utf8.Valid(s) {
		s = s[:len(s)-1]
	}
	return string(s) + "…"
}
