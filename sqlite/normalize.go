package sqlite

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
	"unicode"
)

// trackingParams are query parameters that say how a reader reached a page,
// not which page it is. Parameters starting with "utm_" are dropped too.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gclsrc": true, "msclkid": true,
	"yclid": true, "igshid": true, "mc_cid": true, "mc_eid": true, "_ga": true,
	"_gl": true, "mkt_tok": true, "ref_src": true, "ref_url": true, "cmpid": true,
	"ocid": true, "smid": true, "smtyp": true, "sr_share": true, "at_medium": true,
	"at_campaign": true, "at_custom1": true, "at_custom2": true, "at_custom3": true,
	"at_custom4": true, "ito": true, "cmp": true, "ncid": true,
	"taid": true, "guccounter": true,
	"guce_referrer": true, "guce_referrer_sig": true, "__twitter_impression": true,
}

// NormalizeURL returns the key under which two URLs of the same article
// compare equal: scheme and host lower-cased, http taken as https, "www."
// and default ports dropped, the fragment, tracking parameters (utm_*,
// fbclid, …) and a trailing slash removed, and the remaining query
// parameters sorted. It returns "" for an empty URL; a URL it cannot parse
// is only trimmed, so it still matches itself.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return raw
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme == "http" {
		scheme = "https"
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimSuffix(host, ".")
	host = strings.TrimPrefix(host, "www.")
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	path := u.EscapedPath()
	path = strings.TrimRight(path, "/")
	var b strings.Builder
	b.WriteString(scheme)
	b.WriteString("://")
	if u.User != nil {
		b.WriteString(u.User.String())
		b.WriteByte('@')
	}
	b.WriteString(host)
	b.WriteString(path)
	if q := normalizeQuery(u.RawQuery); q != "" {
		b.WriteByte('?')
		b.WriteString(q)
	}
	return b.String()
}

// normalizeQuery drops tracking parameters and sorts the rest, keeping their
// original encoding.
func normalizeQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var keep []string
	for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' }) {
		key, _, _ := strings.Cut(part, "=")
		k, err := url.QueryUnescape(key)
		if err != nil {
			k = key
		}
		k = strings.ToLower(k)
		if k == "" || strings.HasPrefix(k, "utm_") || trackingParams[k] {
			continue
		}
		keep = append(keep, part)
	}
	sort.Strings(keep)
	return strings.Join(keep, "&")
}

// TextHash returns the key under which two cleaned texts compare equal:
// a SHA-256 (hex, 128 bits) of the text lower-cased with every run of
// white space made one space. It returns "" for a text with no words.
func TextHash(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if b.Len() == 0 {
		return ""
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:16])
}
