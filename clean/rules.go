package clean

import (
	"regexp"
	"strings"
	"unicode"
)

// Related-story links: a short label of reading vocabulary, then a
// separator, then (optionally) a headline.
var (
	// rxRelatedLabel matches a paragraph that opens with a "read this too"
	// label followed by a separator or nothing at all.
	rxRelatedLabel = regexp.MustCompile(`(?i)^[\s\p{P}\p{S}]*(?:` +
		`(?:also|must|don'?t miss|please|you (?:may|might|should) also|and)?\s*(?:read|see|watch|listen|check out)(?:\s+(?:also|more|next|this|too|here|now|the full story|the latest|full article|more on this|more about this))*` +
		`|related(?:\s+(?:stories|story|articles?|content|coverage|news|reading|links?|posts?|topics?|videos?))?` +
		`|(?:more|further|recommended|suggested|popular|trending|top|latest)(?:\s+(?:stories|story|articles?|reading|news|on this|on this story|from [\p{L} ]{1,30}|videos?|coverage))+` +
		`|more on|recommended|you (?:may|might) (?:also )?(?:like|be interested in)|in case you missed it|editor'?s picks?|don'?t miss|trending now|also on [\p{L} ]{1,20}` +
		`)\b\s*([|:>»›→–—-]+|\.\.\.|…)?\s*`)

	// rxPipeHeadline is "Label| Headline" or "Label | Headline": a label of
	// one to three words, a bar, then a capitalised headline.
	rxPipeHeadline = regexp.MustCompile(`^\p{L}[\p{L}' ]{0,24}\s*[|»›]\s*\p{Lu}`)
)

// isRelatedLink reports whether p looks like a link to another story.
func isRelatedLink(p string) bool {
	words := wordCount(p)
	if words > 30 {
		return false
	}
	if m := rxRelatedLabel.FindStringSubmatchIndex(p); m != nil {
		rest := strings.TrimSpace(p[m[1]:])
		separated := m[2] >= 0 // the label ends in "|", ":", "»"...
		switch {
		case rest == "":
			return true // "READ MORE", "Related", "Also read:"
		case separated && (headlineLike(rest) || words <= 20):
			return true // "Also read: Headline", "Read also| Headline"
		}
	}
	if rxPipeHeadline.MatchString(p) && words <= 25 && !endsSentence(p) {
		return true
	}
	return false
}

// headlineLike reports whether s reads like a headline rather than a
// sentence: most of its longer words are capitalised and it does not end in
// a full stop.
func headlineLike(s string) bool {
	if endsSentence(s) {
		return false
	}
	caps, long := 0, 0
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !isWordRune(r) })
		if len([]rune(w)) < 4 {
			continue
		}
		long++
		if r := []rune(w)[0]; r >= 'A' && r <= 'Z' || isUpper(r) {
			caps++
		}
	}
	return long > 0 && caps*2 >= long
}

// endsSentence reports whether s ends in sentence punctuation (possibly
// inside closing quotes).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’)]")
	return strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "...") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// listLabelFirst and listLabelLast are the first and last words of a label
// heading a list of links to other stories ("More:", "Most read in world
// news", "More Great Stories", "Explore further").
var (
	listLabelFirst = setOf("more", "most", "related", "also", "recommended", "popular",
		"trending", "top", "latest", "further", "explore", "other", "editor's", "editors")
	listLabelLast = setOf("stories", "story", "news", "articles", "reads", "coverage",
		"videos", "links", "posts", "read", "further", "popular", "like", "reading")
)

// isListLabel reports whether p is a bare label heading a list of links
// rather than a link itself.
func isListLabel(p string) bool {
	if m := rxRelatedLabel.FindStringIndex(p); m != nil && strings.TrimSpace(p[m[1]:]) == "" {
		return true
	}
	// Count the words before lower-casing and splitting: most paragraphs
	// are longer than a label.
	if n := fieldCount(p, 7); n == 0 || n > 6 || endsSentence(p) {
		return false
	}
	words := strings.Fields(strings.ToLower(strings.TrimSpace(p)))
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	first := strings.TrimFunc(words[0], func(r rune) bool { return !isWordRune(r) && r != '\'' })
	last := strings.TrimFunc(words[len(words)-1], func(r rune) bool { return !isWordRune(r) })
	return listLabelFirst[first] && (strings.HasSuffix(p, ":") || listLabelLast[last])
}

// fieldCount counts the space-separated fields of s as strings.Fields
// would, stopping at limit.
func fieldCount(s string, limit int) int {
	n := 0
	in := false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !in {
			n++
			if n >= limit {
				return n
			}
		}
		in = !sp
	}
	return n
}

// isListedHeadline reports whether p reads as one headline of a list of
// links: one short line that is not a sentence.
func isListedHeadline(p string) bool {
	return !strings.Contains(p, "\n") && wordCount(p) <= 20 && !endsSentence(p) &&
		!strings.HasSuffix(p, ":") // "The senate resolves to:" leads into text
}
