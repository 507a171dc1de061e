// Package warc reads web archives (.warc and .warc.gz, as written by Common
// Crawl, Heritrix or wget) and yields every HTML page they hold as a
// tidings.Document. It wraps github.com/nlnwa/gowarc/v3 and streams: one
// record at a time, with bodies over MaxBody skipped, so memory stays flat
// whatever the size of the archive.
package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/source"
)

// MaxBody is the largest HTML payload read from one record; larger records
// are skipped with an error. News pages are well under 5 MiB.
const MaxBody = 32 << 20

// bufSize is the read buffer over the archive file.
const bufSize = 1 << 20

// memPerRecord is how much of one record gowarc keeps in memory before it
// spills the rest to a temporary file.
const memPerRecord = 1 << 20

// IsArchive reports whether path names a WARC file by its extension.
func IsArchive(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz")
}

// Read yields one Document per HTML response record (HTTP status 200,
// Content-Type text/html or application/xhtml+xml) of the archive at path:
// Format html, URL from WARC-Target-URI, Crawled from WARC-Date, Body the
// HTTP payload (decoded if the archive kept it compressed or chunked;
// Common Crawl stores payloads already decoded). Published is left nil:
// the extractor reads the page's own date, and the caller falls back to
// Crawled. A corrupt or oversized record yields a *tidings.InputError
// naming "path@offset" and reading goes on with the next record; only a
// file that cannot be opened ends the sequence after its error.
func Read(ctx context.Context, path string) iter.Seq2[*tidings.Document, error] {
	return func(yield func(*tidings.Document, error) bool) {
		f, err := os.Open(path)
		if err != nil {
			yield(nil, &tidings.InputError{Name: path, Err: err})
			return
		}
		defer f.Close()
		var r io.Reader = f
		whole, err := wholeFileGzip(f)
		if err != nil {
			yield(nil, &tidings.InputError{Name: path, Err: err})
			return
		}
		if whole {
			// A .warc gzipped as one stream rather than record by
			// record: read it decompressed (offsets are then offsets
			// into the decompressed archive).
			zr, err := gzip.NewReader(bufio.NewReaderSize(f, bufSize))
			if err != nil {
				yield(nil, &tidings.InputError{Name: path, Err: err})
				return
			}
			defer zr.Close()
			r = zr
		}
		for doc, err := range ReadFrom(ctx, path, r) {
			if !yield(doc, err) {
				return
			}
		}
	}
}

// ReadFrom is Read over an open stream; name labels it in errors.
func ReadFrom(ctx context.Context, name string, r io.Reader) iter.Seq2[*tidings.Document, error] {
	return func(yield func(*tidings.Document, error) bool) {
		cr := &countingReader{r: r}
		br := bufio.NewReaderSize(cr, bufSize)
		u := gowarc.NewUnmarshaler(
			gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
			gowarc.WithSpecViolationPolicy(gowarc.ErrWarn), // caches the block so it can be read
			gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
			gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
			gowarc.WithBufferMaxMemBytes(memPerRecord),
		)
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			start := cr.n - int64(br.Buffered())
			rec, off, err := unmarshal(u, br)
			at := start + off
			if errors.Is(err, io.EOF) && rec == nil && (cr.n-int64(br.Buffered())) == start {
				return
			}
			if err != nil {
				if rec != nil {
					rec.Close()
				}
				if cr.n-int64(br.Buffered()) == start {
					// No progress: step over one byte so the next
					// attempt scans on for a record start.
					if _, derr := br.Discard(1); derr != nil {
						return
					}
				}
				if !yield(nil, recordError(name, at, err)) {
					return
				}
				continue
			}
			doc, err := document(rec, name, at)
			rec.Close()
			if doc == nil && err == nil {
				continue
			}
			if err != nil {
				err = recordError(name, at, err)
			}
			if !yield(doc, err) {
				return
			}
		}
	}
}

// wholeFileGzip reports whether f is gzipped as one stream holding many
// records (gzip -c file.warc) rather than one gzip member per record, as
// the WARC standard recommends and Common Crawl does. It reads the first
// member (up to 16 MiB) and looks for a second record in it, then seeks
// back to the start.
func wholeFileGzip(f io.ReadSeeker) (bool, error) {
	defer f.Seek(0, io.SeekStart)
	var magic [2]byte
	if _, err := io.ReadFull(f, magic[:]); err != nil || magic[0] != 0x1f || magic[1] != 0x8b {
		return false, nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false, err
	}
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return false, nil // a damaged first member: leave it to the record reader
	}
	zr.Multistream(false)
	const probe = 16 << 20
	first, err := io.ReadAll(io.LimitReader(zr, probe+1))
	if err != nil && len(first) == 0 {
		return false, nil
	}
	if len(first) > probe {
		return true, nil
	}
	// Skip the first record: header, blank line, Content-Length bytes.
	end := bytes.Index(first, []byte("\r\n\r\n"))
	if end < 0 {
		return false, nil
	}
	h := rawHeader(first[:end+4]) // skips the version line
	n, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
	if err != nil || n < 0 {
		return false, nil
	}
	rest := int64(end+4) + n
	if rest >= int64(len(first)) {
		return false, nil
	}
	return bytes.Contains(first[rest:min(int64(len(first)), rest+64)], []byte("WARC/")), nil
}

// unmarshal reads one record, turning a panic in the parser into an error:
// archives are outside input and one bad record must not stop the run.
func unmarshal(u gowarc.Unmarshaler, br *bufio.Reader) (rec gowarc.WarcRecord, off int64, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed record: %v", p)
		}
	}()
	rec, off, _, err = u.Unmarshal(br)
	return rec, off, err
}

func recordError(name string, offset int64, err error) error {
	return &tidings.InputError{Name: fmt.Sprintf("%s@%d", name, offset), Err: err}
}

// document turns one record into a Document, or returns (nil, nil) for a
// record that is not an HTML page (requests, metadata, images, redirects).
func document(rec gowarc.WarcRecord, name string, offset int64) (*tidings.Document, error) {
	if rec.Type() != gowarc.Response {
		return nil, nil
	}
	block, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil, nil
	}
	if block.HttpStatusCode() != http.StatusOK {
		return nil, nil
	}
	h := block.HttpHeader()
	if h == nil {
		return nil, nil
	}
	if n, err := rec.WarcHeader().GetInt64(gowarc.ContentLength); err == nil && n > MaxBody+64<<10 {
		return nil, fmt.Errorf("record of %d bytes is over the %d-byte limit: skipped", n, MaxBody)
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return nil, fmt.Errorf("payload: %w", err)
	}
	body, err := readLimited(payload, MaxBody)
	if err != nil {
		return nil, fmt.Errorf("payload: %w", err)
	}
	body, err = decode(rawHeader(block.ProtocolHeaderBytes()), body)
	if err != nil {
		return nil, err
	}
	if !isHTML(h.Get("Content-Type"), body) {
		return nil, nil
	}
	body = source.DecodeDeclared(body, h.Get("Content-Type"))
	target := strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<> ")
	doc := &tidings.Document{
		Name:   fmt.Sprintf("%s@%d", name, offset),
		URL:    target,
		Format: tidings.FormatHTML,
		Body:   body,
	}
	if u, err := url.Parse(target); err == nil {
		doc.Source = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	if d, err := time.Parse(time.RFC3339Nano, rec.WarcHeader().Get(gowarc.WarcDate)); err == nil {
		d = d.UTC()
		doc.Crawled = &d
	}
	return doc, nil
}

// readLimited reads all of r, failing if it holds more than limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("body is over the %d-byte limit: skipped", limit)
	}
	return b, nil
}

// isHTML decides from the declared media type, or from the bytes when the
// server declared none.
func isHTML(contentType string, body []byte) bool {
	if contentType == "" {
		contentType = http.DetectContentType(body)
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// decode undoes transfer and content encodings that the archive kept.
// Common Crawl stores payloads decoded but may leave the original headers
// (or rename them X-Crawler-*), so each decoding happens only when the
// bytes really are encoded: never twice, never on plain HTML.
func decode(h textproto.MIMEHeader, body []byte) ([]byte, error) {
	if strings.EqualFold(h.Get("Transfer-Encoding"), "chunked") && looksChunked(body) {
		b, err := readLimited(httputil.NewChunkedReader(bytes.NewReader(body)), MaxBody)
		if err == nil {
			body = b
		}
	}
	switch enc := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		if len(body) >= 2 && body[0] == 0x1f && body[1] == 0x8b {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				return nil, fmt.Errorf("gzip payload: %w", err)
			}
			b, err := readLimited(zr, MaxBody)
			if err != nil {
				return nil, fmt.Errorf("gzip payload: %w", err)
			}
			return b, nil
		}
	case "deflate":
		if looksText(body) {
			return body, nil
		}
		if zr, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			if b, err := readLimited(zr, MaxBody); err == nil {
				return b, nil
			}
		}
		b, err := readLimited(flate.NewReader(bytes.NewReader(body)), MaxBody)
		if err != nil {
			return nil, fmt.Errorf("deflate payload: %w", err)
		}
		return b, nil
	default:
		if !looksText(body) {
			return nil, fmt.Errorf("payload in unsupported content encoding %q", enc)
		}
	}
	return body, nil
}

// rawHeader parses the archived HTTP header as it was sent: net/http drops
// Transfer-Encoding from the parsed form, and decode needs it.
func rawHeader(b []byte) textproto.MIMEHeader {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[i+1:]
	}
	h, _ := textproto.NewReader(bufio.NewReader(bytes.NewReader(b))).ReadMIMEHeader()
	if h == nil {
		h = textproto.MIMEHeader{}
	}
	return h
}

// looksChunked reports whether body starts like a chunked transfer: a hex
// size line.
func looksChunked(body []byte) bool {
	i := bytes.IndexByte(body, '\n')
	if i <= 0 || i > 20 {
		return false
	}
	line := bytes.TrimRight(body[:i], "\r")
	if j := bytes.IndexByte(line, ';'); j >= 0 {
		line = line[:j]
	}
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return false
	}
	for _, c := range line {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// looksText reports whether the start of body is markup or text rather
// than compressed bytes.
func looksText(body []byte) bool {
	head := body[:min(len(body), 512)]
	for _, c := range head {
		if c < 0x09 || (c > 0x0d && c < 0x20) {
			return false
		}
	}
	return true
}

// countingReader counts the bytes read through it, to give record offsets.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
