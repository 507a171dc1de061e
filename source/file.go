package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode/utf8"

	"github.com/tidings/tidings"
)

// ReadFrom yields the documents read from r, named name in errors: JSON
// lines when the first non-space byte is '{' (names "name:LINE"), else one
// plain-text document.
func ReadFrom(ctx context.Context, name string, r io.Reader) iter.Seq2[*tidings.Document, error] {
	return readFrom(ctx, name, r, Options{})
}

func readFrom(ctx context.Context, name string, r io.Reader, opt Options) iter.Seq2[*tidings.Document, error] {
	return func(yield func(*tidings.Document, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		first, err := firstNonSpace(br)
		if err != nil && !errors.Is(err, io.EOF) {
			yield(nil, &tidings.InputError{Name: name, Err: err})
			return
		}
		if first == '{' {
			readJSONL(ctx, name, br, yield)
			return
		}
		doc, err := readText(name, br, opt)
		yield(doc, wrapErr(name, err))
	}
}

// firstNonSpace peeks at br for its first byte that is not white space,
// without consuming anything; 0 for an empty or all-space input.
func firstNonSpace(br *bufio.Reader) (byte, error) {
	for n := 1; ; n *= 2 {
		b, err := br.Peek(n)
		for _, c := range b {
			switch c {
			case ' ', '\t', '\n', '\r', '\f', '\v':
			default:
				return c, nil
			}
		}
		if err != nil || n >= br.Size() {
			return 0, err
		}
	}
}

// readLimited reads all of r up to MaxDocument bytes; ErrTooLarge when
// there is more. Only MaxDocument+1 bytes are ever read.
func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxDocument+1))
	if err != nil {
		return nil, gzipErr(err)
	}
	if len(b) > MaxDocument {
		return nil, ErrTooLarge
	}
	return b, nil
}

// readText reads one plain-text document: a short first line followed by a
// blank line is its title (see SplitTitle).
func readText(name string, r io.Reader, opt Options) (*tidings.Document, error) {
	b, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if err := checkText(b); err != nil {
		return nil, err
	}
	if opt.Raw {
		return &tidings.Document{Name: name, Format: tidings.FormatText, Body: b}, nil
	}
	title, body := SplitTitle(string(b))
	return &tidings.Document{Name: name, Title: title, Format: tidings.FormatText, Body: []byte(body)}, nil
}

// readHTML reads one HTML page. Its encoding is left to the extractor,
// which honours <meta charset>; only empty and binary data are refused
// here.
func readHTML(name string, r io.Reader) (*tidings.Document, error) {
	b, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, ErrEmpty
	}
	if isBinary(b) {
		return nil, ErrBinary
	}
	return &tidings.Document{Name: name, Format: tidings.FormatHTML, Body: b}, nil
}

// checkText refuses empty, binary and non-UTF-8 text.
func checkText(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return ErrEmpty
	}
	if isBinary(b) {
		return ErrBinary
	}
	if !utf8.Valid(b) {
		return fmt.Errorf("%w (first bad byte at offset %d)", ErrInvalidUTF8, firstInvalid(b))
	}
	return nil
}

// isBinary reports whether b looks like binary data rather than text: a
// NUL byte, a compression or image signature, or many control characters
// in its first 8 KiB.
func isBinary(b []byte) bool {
	head := b[:min(len(b), 8<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(head, sig) {
			return true
		}
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b || c == 0x7f {
			ctrl++
		}
	}
	return ctrl*20 > len(head)
}

// binarySignatures open common binary files: gzip, zip, PDF, PNG, JPEG,
// GIF, zstd, bzip2, xz.
var binarySignatures = [][]byte{
	{0x1f, 0x8b}, []byte("PK\x03\x04"), []byte("%PDF-"), []byte("\x89PNG"),
	{0xff, 0xd8, 0xff}, []byte("GIF8"), {0x28, 0xb5, 0x2f, 0xfd}, []byte("BZh"),
	{0xfd, '7', 'z', 'X', 'Z', 0},
}

// firstInvalid returns the offset of the first byte of b that is not part
// of valid UTF-8.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// maxTitle is the longest first line, in code points, taken as a title.
const maxTitle = 200

// SplitTitle splits a plain text into its title and body: the first line
// is the title when it is at most 200 characters long, is followed by a
// blank line and then by more text, and does not read as a sentence of a
// body paragraph (a line over twelve words ending in a full stop).
// Otherwise the title is "" and body is the whole text.
func SplitTitle(text string) (title, body string) {
	text = strings.TrimLeft(text, " \t\r\n\ufeff")
	line, rest, ok := strings.Cut(text, "\n")
	if !ok {
		return "", text
	}
	line = strings.TrimSpace(line)
	rest = strings.TrimLeft(rest, " \t\r")
	if !strings.HasPrefix(rest, "\n") || strings.TrimSpace(rest) == "" {
		return "", text
	}
	if line == "" || utf8.RuneCountInString(line) > maxTitle {
		return "", text
	}
	if strings.HasSuffix(line, ".") && !strings.HasSuffix(line, "...") && len(strings.Fields(line)) > 12 {
		return "", text
	}
	return line, strings.TrimLeft(rest, " \t\r\n")
}

// newGzipReader opens a gzip stream, naming the problem when it is not
// one.
func newGzipReader(r io.Reader) (*gzip.Reader, error) {
	zr, err := gzip.NewReader(bufio.NewReader(r))
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%w: empty gzip file", ErrEmpty)
		}
		return nil, fmt.Errorf("not a gzip stream: %w", gzipErr(err))
	}
	return zr, nil
}

// gzipErr names a cut-off gzip stream as ErrTruncated.
func gzipErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: %v", ErrTruncated, err)
	}
	return err
}
