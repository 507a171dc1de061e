// Package source reads outside input — text files, HTML pages, JSON lines,
// gzipped or not, directories of them, or standard input — into
// tidings.Documents, one at a time as an iterator.
//
// Every problem with one input (an empty or binary file, invalid UTF-8, a
// truncated gzip stream, a malformed JSON line, a document over the size
// limit) is yielded as a *tidings.InputError naming the file and line, and
// iteration goes on with the next line or file. Input is streamed: no file
// is read whole beyond the per-document limit, so memory stays bounded on
// huge inputs.
package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/tidings/tidings"
)

// MaxDocument is the largest document, in bytes, that is read: a file for
// text and HTML, a line for JSON lines. Larger ones are reported and
// skipped.
const MaxDocument = 32 << 20

// Errors that InputError wraps, for callers that test with errors.Is.
var (
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary data, not text")
	ErrInvalidUTF8 = errors.New("text is not valid UTF-8")
	ErrTooLarge    = fmt.Errorf("document larger than the %d MiB limit", MaxDocument>>20)
	ErrUnsupported = errors.New("unsupported format (want .txt, .html, .htm, .jsonl, optionally .gz)")
	ErrTruncated   = errors.New("truncated gzip stream")
)

// kind is the format of a file, decided by its name.
type kind int

const (
	kindUnknown kind = iota
	kindText
	kindHTML
	kindJSONL
)

// fileKind returns the format of name and whether it is gzipped.
func fileKind(name string) (k kind, gz bool) {
	n := strings.ToLower(name)
	if strings.HasSuffix(n, ".gz") {
		gz = true
		n = strings.TrimSuffix(n, ".gz")
	}
	switch filepath.Ext(n) {
	case ".txt", ".text":
		return kindText, gz
	case ".html", ".htm", ".xhtml":
		return kindHTML, gz
	case ".jsonl", ".ndjson":
		return kindJSONL, gz
	}
	return kindUnknown, gz
}

// Supported reports whether Read knows the format of the file name.
func Supported(name string) bool {
	k, _ := fileKind(name)
	return k != kindUnknown
}

// Read yields the documents at path: a file, a directory (walked
// recursively in lexical order, skipping hidden entries and files of
// unknown format), or "-" for standard input (see ReadFrom). A named file
// of unknown format yields ErrUnsupported.
func Read(ctx context.Context, path string) iter.Seq2[*tidings.Document, error] {
	return ReadWith(ctx, path, Options{})
}

// Options change how inputs are read.
type Options struct {
	// Raw keeps a plain text whole: no title line is split off, so the
	// body is the input byte for byte (for analysis without cleaning).
	Raw bool
}

// ReadWith is Read with options.
func ReadWith(ctx context.Context, path string, opt Options) iter.Seq2[*tidings.Document, error] {
	if path == "-" {
		return readFrom(ctx, "-", os.Stdin, opt)
	}
	return func(yield func(*tidings.Document, error) bool) {
		info, err := os.Stat(path)
		if err != nil {
			yield(nil, &tidings.InputError{Name: path, Err: err})
			return
		}
		if !info.IsDir() {
			readFile(ctx, path, opt, yield)
			return
		}
		walkDir(ctx, path, opt, yield)
	}
}

// walkDir yields the documents of every supported file under root.
func walkDir(ctx context.Context, root string, opt Options, yield func(*tidings.Document, error) bool) {
	stop := errors.New("stop")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if !yield(nil, &tidings.InputError{Name: p, Err: err}) {
				return stop
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || !Supported(p) {
			return nil
		}
		if !readFile(ctx, p, opt, yield) {
			return stop
		}
		return nil
	})
	if err != nil && !errors.Is(err, stop) {
		yield(nil, err)
	}
}

// readFile yields the documents of one file; false when the consumer
// stopped.
func readFile(ctx context.Context, path string, opt Options, yield func(*tidings.Document, error) bool) bool {
	if err := ctx.Err(); err != nil {
		return yield(nil, err)
	}
	k, gz := fileKind(path)
	if k == kindUnknown {
		return yield(nil, &tidings.InputError{Name: path, Err: ErrUnsupported})
	}
	f, err := os.Open(path)
	if err != nil {
		return yield(nil, &tidings.InputError{Name: path, Err: err})
	}
	defer f.Close()
	var r io.Reader = f
	if gz {
		zr, err := newGzipReader(f)
		if err != nil {
			return yield(nil, &tidings.InputError{Name: path, Err: err})
		}
		defer zr.Close()
		r = zr
	}
	switch k {
	case kindJSONL:
		return readJSONL(ctx, path, r, yield)
	case kindHTML:
		doc, err := readHTML(path, r)
		return yield(doc, wrapErr(path, err))
	default:
		doc, err := readText(path, r, opt)
		return yield(doc, wrapErr(path, err))
	}
}

// wrapErr names the input in err, unless err is nil or already an
// InputError.
func wrapErr(name string, err error) error {
	if err == nil {
		return nil
	}
	var ie *tidings.InputError
	if errors.As(err, &ie) {
		return err
	}
	return &tidings.InputError{Name: name, Err: err}
}
