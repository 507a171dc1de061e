package sqlite

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strings"
)

// cursor is the position after which the next page starts: the keyset of
// the last hit for date order, the offset for rank order. Finger ties it to
// the query it came from.
type cursor struct {
	Sort      string `json:"s"`
	Published int64  `json:"p,omitempty"`
	Seq       int64  `json:"q,omitempty"`
	Offset    int    `json:"o,omitempty"`
	Finger    string `json:"f"`
}

func (p *searchPlan) next(last cursor, n int) string {
	c := cursor{Sort: p.sort, Finger: p.finger}
	if p.sort == "rank" {
		c.Offset = n
		if p.after != nil {
			c.Offset += p.after.Offset
		}
	} else {
		c.Published, c.Seq = last.Published, last.Seq
	}
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor parses a cursor made by next; anything else is ErrBadQuery.
func decodeCursor(s string) (*cursor, error) {
	bad := badQueryf(": invalid cursor")
	if len(s) > 512 {
		return nil, bad
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || (c.Sort != "date" && c.Sort != "rank") ||
		c.Offset < 0 || c.Finger == "" {
		return nil, bad
	}
	return &c, nil
}

// fingerprint identifies what a query selects and in which order, so that
// a cursor is not replayed against a different one.
func fingerprint(p *searchPlan) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00", p.match, p.sort)
	for _, a := range p.args {
		fmt.Fprintf(h, "%v\x00", a)
	}
	fmt.Fprint(h, strings.Join(p.filters, "\x00"))
	return fmt.Sprintf("%016x", h.Sum64())
}

// prepareMatch readies a user's FTS5 query: quoted strings, operators and
// plain words pass through unchanged; a word holding characters FTS5 only
// accepts inside quotes (".", "-", "'", "/", …) is quoted, so "U.S." and
// "kyiv-strike" search as phrases instead of failing. An unterminated quote
// is left for FTS5 to report.
func prepareMatch(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == '"':
			j := i + 1
			for ; j < len(q); j++ {
				if q[j] == '"' {
					if j+1 < len(q) && q[j+1] == '"' {
						j++
						continue
					}
					break
				}
			}
			if j >= len(q) {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : j+1])
			i = j + 1
		case isFTSSyntax(c) || isASCIISpace(c):
			b.WriteByte(c)
			i++
		default:
			j := i
			for j < len(q) && q[j] != '"' && !isFTSSyntax(q[j]) && !isASCIISpace(q[j]) {
				j++
			}
			if word := q[i:j]; isBareword(word) {
				b.WriteString(word)
			} else {
				b.WriteString(`"` + word + `"`)
			}
			i = j
		}
	}
	return b.String()
}

func isFTSSyntax(c byte) bool { return strings.IndexByte("()*:^{},+", c) >= 0 }

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isBareword reports whether FTS5 accepts w unquoted: ASCII letters, digits,
// "_", the substitute byte, and any non-ASCII character.
func isBareword(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 || c == '_' || c == 0x1a || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			continue
		}
		return false
	}
	return true
}
