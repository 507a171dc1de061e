package extract

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// toUTF8 returns page decoded to UTF-8 and NFC-normalised, with soft
// hyphens removed.
//
// Bytes that are valid UTF-8 are read as UTF-8 whatever the page declares:
// non-ASCII text in a legacy encoding is almost never valid UTF-8 by
// accident, while pages re-encoded to UTF-8 by a crawler or a cache that
// kept their old <meta charset> are common. Otherwise the encoding is taken
// from a byte-order mark, from a <meta charset> or <meta http-equiv>
// declaration in the first 1024 bytes, and failing those is windows-1252
// (the WHATWG default for undeclared legacy pages).
func toUTF8(page []byte) (string, error) {
	enc, name := charset.Lookup("utf-8")
	if !utf8.Valid(page) {
		enc, name, _ = charset.DetermineEncoding(page, "")
		if name == "utf-8" {
			enc, name = charset.Lookup("windows-1252")
		}
	}
	var text string
	if name == "utf-8" {
		text = string(bytes.TrimPrefix(page, []byte("\xef\xbb\xbf")))
	} else {
		out, _, err := transform.Bytes(enc.NewDecoder(), page)
		if err != nil {
			return "", fmt.Errorf("decode %s: %w", name, err)
		}
		text = string(out)
	}
	text = strings.ReplaceAll(text, "\u00ad", "")
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	return text, nil
}
