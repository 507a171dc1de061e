package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// spaceMark stands for whitespace at the edges of text inside list items,
// which go-trafilatura v1.12.2 trims away: it strips the text around every
// child of an <li>, so "Since <b>Olivier Vernon's</b> injury" came out as
// "Vernon'sinjury" (the same bug as trafilatura's Python issue #845). The
// mark is no space to the trimming, and paragraphs reads it as one.
const spaceMark = '\uE000'

// markListSpaces replaces the leading and trailing whitespace of the text
// nodes inside list items by spaceMark, and a text node of whitespace alone
// between two elements by one mark.
func markListSpaces(n *html.Node, inList bool) {
	if n.Type == html.ElementNode && tagAtom(n) == atom.Li {
		inList = true
	}
	if inList && n.Type == html.TextNode {
		n.Data = markEdges(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		markListSpaces(c, inList)
	}
}

func markEdges(n *html.Node) string {
	s := n.Data
	body := strings.TrimFunc(s, unicode.IsSpace)
	if body == "" {
		if s != "" && n.PrevSibling != nil && n.NextSibling != nil &&
			n.PrevSibling.Type == html.ElementNode && n.NextSibling.Type == html.ElementNode {
			return string(spaceMark) // "<a>Ann</a> <a>Lee</a>"
		}
		return s
	}
	lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	var b strings.Builder
	if lead > 0 {
		b.WriteRune(spaceMark)
	}
	b.WriteString(body)
	if lead+len(body) < len(s) {
		b.WriteRune(spaceMark)
	}
	return b.String()
}

// unmark turns the marks left in a metadata string back into spaces.
func unmark(s string) string {
	if !strings.ContainsRune(s, spaceMark) {
		return s
	}
	return strings.TrimSpace(strings.Join(strings.Fields(strings.ReplaceAll(s, string(spaceMark), " ")), " "))
}
