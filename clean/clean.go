// Package clean removes page furniture from an article's paragraphs:
// advertisement markers, "Read also|" and "Related:" links to other
// stories, share/follow/subscribe/cookie prompts, photo credits, and
// paragraphs repeated within the article. Each removal is reported with its
// kind so the decision can be checked.
//
// The rules are shapes, not strings: a paragraph is furniture when it is
// short and made mostly of furniture vocabulary, or when it has the shape of
// a link to another story ("Label| Headline", "Label: Headline Cased
// Title"). Long paragraphs are never removed as furniture, so real text is
// not eaten; the recall cost is measured on the Zyte benchmark by
// "tidings eval extraction" (recall_uncleaned against recall).
package clean

import (
	"strings"
	"unicode"

	"github.com/tidings/tidings"
)

// Paragraphs returns paras without furniture and repeats, in order, and the
// removed pieces with their kind. A paragraph holding several lines is
// judged line by line; its surviving lines are joined with a space. The
// short headlines listed under a "More stories:" label are removed with it.
func Paragraphs(paras []string) (kept []string, removed []tidings.Removal) {
	counts := repeats(paras)
	seen := make(map[string]bool, len(paras))
	inList := false // after a "More stories" label: drop the headlines it lists
	for _, p := range paras {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if strings.Contains(p, "\n") {
			var rest []string
			for _, line := range strings.Split(p, "\n") {
				line = strings.TrimSpace(line)
				if line == "" {
					continue
				}
				if kind := Furniture(line); kind != "" {
					removed = append(removed, tidings.Removal{Kind: kind, Text: line})
					continue
				}
				rest = append(rest, line)
			}
			if len(rest) == 0 {
				continue
			}
			p = strings.Join(rest, " ")
		} else if kind := Furniture(p); kind != "" || isListLabel(p) {
			if kind == "" || isListLabel(p) {
				kind, inList = tidings.RemovedRelated, true
			} else {
				inList = false
			}
			removed = append(removed, tidings.Removal{Kind: kind, Text: p})
			continue
		}
		if inList && isListedHeadline(p) {
			removed = append(removed, tidings.Removal{Kind: tidings.RemovedRelated, Text: p})
			continue
		}
		inList = false
		key := dupKey(p)
		if key != "" && seen[key] && counts[key] <= maxRepeats {
			removed = append(removed, tidings.Removal{Kind: tidings.RemovedDuplicate, Text: p})
			continue
		}
		seen[key] = true
		kept = append(kept, p)
	}
	return kept, removed
}

// dupKeyMinWords is the length from which a repeated paragraph counts as a
// duplicate: shorter ones ("Yes.", a repeated subheading, a list item such
// as a feature of two compared products) may repeat for good reason.
const dupKeyMinWords = 12

// maxRepeats is the most times a paragraph may occur and still be a
// scraping accident (a lede repeated as a standfirst, a pull quote): one
// occurring more often is part of the page's own structure (the same
// question asked of every interviewee, a recipe line of each day of a meal
// plan) and is kept every time.
const maxRepeats = 2

// repeats counts the occurrences of each paragraph's dupKey, judging
// multi-line paragraphs whole (dupKey ignores how words are separated).
func repeats(paras []string) map[string]int {
	n := make(map[string]int, len(paras))
	for _, p := range paras {
		if k := dupKey(p); k != "" {
			n[k]++
		}
	}
	return n
}

// dupKey is the identity of a paragraph for duplicate detection: its words
// (runs of letters and digits), lower-cased and joined by single spaces, or
// "" when it is too short to be judged. It is built in one pass with one
// allocation: it runs on every paragraph of every article.
func dupKey(p string) string {
	if wordCount(p) < dupKeyMinWords {
		return ""
	}
	var b strings.Builder
	b.Grow(len(p))
	in := false
	for _, r := range p {
		r = unicode.ToLower(r)
		if !isWordRune(r) {
			in = false
			continue
		}
		if !in && b.Len() > 0 {
			b.WriteByte(' ')
		}
		in = true
		b.WriteRune(r)
	}
	return b.String()
}
