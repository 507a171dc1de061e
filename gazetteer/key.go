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
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '_' || (c >= 'A' && c <= 'Z') || c == ' ' && i+1 < len(s) && s[i+1] == ' ' || c == '\t' || c == '\n' {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
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
