package feed

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// xmlDecl matches the XML declaration and captures its encoding value.
var xmlDecl = regexp.MustCompile(`^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']`)

// Sanitize turns the bytes of a feed as served into well-formed UTF-8 that
// an XML parser accepts, keeping everything that can be kept:
//   - a byte-order mark and any space before the XML declaration go;
//   - a declared non-UTF-8 encoding is converted and the declaration
//     rewritten to say utf-8;
//   - bytes that are not valid UTF-8 are read as Windows-1252, the usual
//     mislabelled encoding, one by one (valid sequences stay as they are);
//   - characters XML 1.0 forbids (C0 controls other than tab, newline and
//     carriage return; U+FFFE, U+FFFF) are dropped.
//
// UTF-16 feeds (rare) are decoded when they start with a byte-order mark.
func Sanitize(b []byte) []byte {
	b = decodeUTF16(b)
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if t := bytes.TrimLeft(b, " \t\r\n"); bytes.HasPrefix(t, []byte("<?xml")) {
		b = t
	}
	if m := xmlDecl.FindSubmatchIndex(b); m != nil {
		label := strings.ToLower(string(b[m[2]:m[3]]))
		if label != "utf-8" && label != "utf8" {
			// A feed that says Latin-1 but is valid UTF-8 with non-ASCII
			// characters is UTF-8 mislabelled: converting would garble it.
			mislabelled := utf8.Valid(b) && hasNonASCII(b)
			if enc, name := charset.Lookup(label); enc != nil && name != "utf-8" && !mislabelled {
				if out, err := enc.NewDecoder().Bytes(b); err == nil {
					b = out
				}
			}
			// Whatever the bytes were, they are UTF-8 from here on.
			if m2 := xmlDecl.FindSubmatchIndex(b); m2 != nil {
				b = append(append(append([]byte{}, b[:m2[2]]...), "utf-8"...), b[m2[3]:]...)
			}
		}
	}
	return cleanUTF8(b)
}

// cleanUTF8 repairs invalid UTF-8 byte by byte and drops characters XML
// forbids. It returns b itself when there is nothing to change.
func cleanUTF8(b []byte) []byte {
	if utf8.Valid(b) && !hasIllegalXML(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/8)
	dec := charmap.Windows1252.NewDecoder()
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if s, err := dec.Bytes(b[i : i+1]); err == nil {
				for _, r2 := range string(s) {
					if legalXML(r2) {
						out = utf8.AppendRune(out, r2)
					}
				}
			}
			i++
			continue
		}
		if legalXML(r) {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

func hasIllegalXML(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return true
		}
	}
	// U+FFFE and U+FFFF are EF BF BE and EF BF BF.
	return bytes.Contains(b, []byte("\xef\xbf\xbe")) || bytes.Contains(b, []byte("\xef\xbf\xbf"))
}

// legalXML reports whether r may appear in an XML 1.0 document.
func legalXML(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF:
		return false
	case r == 0xFFFE || r == 0xFFFF:
		return false
	}
	return r <= utf8.MaxRune
}

// decodeUTF16 converts a UTF-16 document with a byte-order mark to UTF-8
// and rewrites its declaration; other input is returned unchanged.
func decodeUTF16(b []byte) []byte {
	if len(b) < 2 || !(b[0] == 0xFE && b[1] == 0xFF || b[0] == 0xFF && b[1] == 0xFE) {
		return b
	}
	enc, _ := charset.Lookup("utf-16")
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return b
	}
	out = bytes.TrimPrefix(out, []byte("\xef\xbb\xbf"))
	if m := xmlDecl.FindSubmatchIndex(out); m != nil {
		out = append(append(append([]byte{}, out[:m[2]]...), "utf-8"...), out[m[3]:]...)
	}
	return out
}
