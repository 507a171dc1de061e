package clean

import (
	"strings"
	"unicode"

	"github.com/tidings/tidings"
)

// Furniture returns the removal kind of a paragraph that is page furniture
// rather than article text (tidings.RemovedBoilerplate or
// tidings.RemovedRelated), or "" when it is text.
func Furniture(p string) string {
	p = strings.TrimSpace(p)
	if p == "" {
		return ""
	}
	words := wordCount(p)
	if words > maxFurnitureWords {
		return ""
	}
	if isRelatedLink(p) {
		return tidings.RemovedRelated
	}
	if isBoilerplate(p, words) {
		return tidings.RemovedBoilerplate
	}
	return ""
}

// maxFurnitureWords bounds what may be judged furniture at all: a longer
// paragraph is kept whatever its words, so real text is never eaten.
const maxFurnitureWords = 40

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }
