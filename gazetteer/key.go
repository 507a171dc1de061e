package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key is the lookup form of a name: diacritics removed, lower case, runs of
// spaces and underscores as one space, typographic apostrophes and dashes
// folded to ASCII. "Zaporizhzhia", "ZAPORIZHZHIA" and "Zaporízhzhia" share
// one key; "U.S." and "US" do not (the dots are kept on purpose, since
// "US" and "us" must stay distinguishable by the caller's case rules).
func Key(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return keyUnicode(s)
		}
	}
	return keyASCII(s)
}

// keyASCII is Key for ASCII input, without allocation when s is already
// a key.
func keyASCII(s string) string {
	if isKeyASCII(s) {
		return s
	}
	var buf [64]byte // names are short: one allocation, for the string
	return string(appendKeyASCII(buf[:0], s))
}

// AppendKey appends Key(s) to b, without allocating for ASCII s when b
// has room (Key(s) is never longer than an ASCII s): callers build the keys
// of text spans in stack buffers.
func AppendKey(b []byte, s string) []byte {
	if !isASCII(s) {
		return append(b, Key(s)...)
	}
	if isKeyASCII(s) {
		return append(b, s...)
	}
	return appendKeyASCII(b, s)
}

// lookup returns m[Key(name)] without allocating for ASCII names of up to
// 64 bytes: the keys of text spans are built on the stack.
func lookup[V any](m map[string]V, name string) (V, bool) {
	if len(name) <= 64 && isASCII(name) {
		if isKeyASCII(name) {
			v, ok := m[name]
			return v, ok
		}
		var buf [64]byte
		v, ok := m[string(appendKeyASCII(buf[:0], name))]
		return v, ok
	}
	v, ok := m[Key(name)]
	return v, ok
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isKeyASCII reports whether the ASCII string s is its own key.
func isKeyASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c == '_' || c == '\t' || c == '\n' || c == '\r' || c == '`' ||
			c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// appendKeyASCII appends the key of the ASCII string s to b.
func appendKeyASCII(b []byte, s string) []byte {
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = len(b) > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return b
}

func keyUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	// Invalid bytes become U+FFFD first: the normalizer would otherwise
	// leave the letter after them composed ("\xf4ç"), and Key would not be
	// idempotent.
	for _, r := range norm.NFD.String(strings.ToValidUTF8(s, "\uFFFD")) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '_' || unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '\u2019' || r == '\u2018' || r == '`':
			r = '\''
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014':
			r = '-'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
