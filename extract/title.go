package extract

import (
	"regexp"
	"strings"
)

// rxTitleSep splits a page title into the headline and a site name:
// "Headline | Site", "Headline - Site", "Headline – Site", "Headline :: Site".
var rxTitleSep = regexp.MustCompile(`\s+(?:[|–—•·»:]{1,2}|-{1,2})\s+`)

// cleanTitle removes the site name from the end of a page title ("Sea wall
// to be rebuilt | The Courier") when it matches the page's site name or
// host, keeping the title whole otherwise.
func cleanTitle(title, siteName, host string) string {
	title = strings.Join(strings.Fields(title), " ")
	locs := rxTitleSep.FindAllStringIndex(title, -1)
	if len(locs) == 0 {
		return title
	}
	last := locs[len(locs)-1]
	head, tail := title[:last[0]], title[last[1]:]
	if wordCount(head) < 2 {
		return title
	}
	if sameName(tail, siteName) || sameName(tail, host) || sameName(strings.TrimPrefix(strings.ToLower(host), "www."), tail) {
		return head
	}
	return title
}

// sameName reports whether two site names are the same once case, spaces
// and punctuation are ignored, or one is the other's domain ("ZDNet" and
// "zdnet.com").
func sameName(a, b string) bool {
	ka, kb := nameKey(a), nameKey(b)
	if ka == "" || kb == "" {
		return false
	}
	if ka == kb {
		return true
	}
	for _, tld := range []string{"com", "org", "net", "couk", "co"} {
		if ka+tld == kb || kb+tld == ka {
			return true
		}
	}
	return false
}

// nameKey lower-cases s and keeps only its letters and digits.
func nameKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if isWordRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wordCount counts the runs of letters or digits of s.
func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := isWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// rxAuthorTail is what bylines often drag along after a name: the wire
// service and the writer's beat ("AP Sports Writer", "Associated Press").
var rxAuthorTail = regexp.MustCompile(`(?i)\s+(?:(?:the )?associated press|(?:AP|Reuters|AFP|Bloomberg)(?:\s+[\p{L}]+){0,3}\s+(?:writer|correspondent|reporter|editor)|commented on|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+[\p{L}]+)?)$`)

// rxNotAuthor is an author entry that names no person: a wire service with
// its beat ("AP Sports Writer", "Reuters"), a month or weekday left from a
// dateline, a credential split off a name ("MS", "RDN", "PhD").
var rxNotAuthor = regexp.MustCompile(`^(?:(?i:the )?(?:AP|Associated Press|Reuters|AFP|PTI|IANS|ANI|UPI|Xinhua|dpa|Bloomberg)(?:\s+\p{L}+){0,3}|` +
	`(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?|` +
	`(?:MD|MS|MA|BA|BSc|MSc|PhD|RD|RDN|RN|MPH|Jr|Sr)\.?)$`)

// cleanAuthors trims what is not a name from the end of each author (a
// wire-service credit, the site's name, a weekday) and drops entries that
// name no person: the site itself, a wire service, a month, a credential.
func cleanAuthors(authors []string, siteName string) []string {
	var out []string
	for _, a := range authors {
		a = rxAuthorTail.ReplaceAllString(a, "")
		a = trimSiteSuffix(a, siteName)
		if a == "" || rxNotAuthor.MatchString(a) || isSiteName(a, siteName) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// isSiteName reports whether an author entry is the site's own name, or
// one of them starts with the other word for word ("CNN Business" on CNN,
// "Business Insider" on Business Insider Deutschland).
func isSiteName(author, siteName string) bool {
	a, s := wordKeys(author), wordKeys(siteName)
	if len(a) == 0 || len(s) == 0 {
		return false
	}
	n := min(len(a), len(s))
	for i := 0; i < n; i++ {
		if a[i] != s[i] {
			return false
		}
	}
	return true
}

// wordKeys returns the nameKey of each word of s, skipping empty ones.
func wordKeys(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if k := nameKey(w); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// trimSiteSuffix removes a trailing site name from an author: "Jill Doe CNN
// Business" on CNN, "Jane Roe Business Insider" on Business Insider
// Deutschland. At least two words of name are kept.
func trimSiteSuffix(author, siteName string) string {
	words := strings.Fields(author)
	site := strings.Fields(siteName)
	if len(words) < 3 || len(site) == 0 {
		return author
	}
	siteKey, siteFirst := nameKey(siteName), nameKey(site[0])
	for k := 2; k < len(words); k++ {
		tail := nameKey(strings.Join(words[k:], " "))
		if tail == "" {
			continue
		}
		if strings.HasPrefix(siteKey, tail) || nameKey(words[k]) == siteFirst {
			return strings.Join(words[:k], " ")
		}
	}
	return author
}
