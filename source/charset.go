package source

import (
	"mime"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// DecodeDeclared decodes a page that is not UTF-8 from the charset its
// HTTP Content-Type names: the extractor can only see <meta> declarations,
// and a page declared in the header alone would otherwise be misread.
// Valid UTF-8 and undeclared pages are returned as they are.
func DecodeDeclared(body []byte, contentType string) []byte {
	if utf8.Valid(body) {
		return body
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return body
	}
	enc, name := charset.Lookup(params["charset"])
	if enc == nil || name == "utf-8" {
		return body
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return out
}
