package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropHoverCards removes the hover cards inside paragraphs: the smallest
// <span> in a <p> that holds a picture and two or more links is a card
// that style sheets show only while the pointer is over a name, such as a
// politician's photo and latest headlines after each mention. Left in,
// its text glues onto the sentence ("Rep. Ilhan OmarIlhan OmarHillicon
// Valley: ...").
func dropHoverCards(n *html.Node, inPara bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			switch {
			case inPara && tagAtom(c) == atom.Span && hoverCard(c) && !hasCardInside(c):
				n.RemoveChild(c)
			default:
				dropHoverCards(c, inPara || tagAtom(c) == atom.P)
			}
		}
		c = next
	}
}

// hasCardInside reports whether a <span> below n is itself a card: the
// smallest one goes, not a wrapper that also holds the name's own link.
func hasCardInside(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (tagAtom(c) == atom.Span && hoverCard(c) || hasCardInside(c)) {
			return true
		}
	}
	return false
}

// hoverCard reports whether n holds an image and at least two links.
func hoverCard(n *html.Node) bool {
	imgs, links := 0, 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch tagAtom(c) {
			case atom.Img, atom.Picture:
				imgs++
			case atom.A:
				links++
			}
			walk(c)
		}
	}
	walk(n)
	return imgs > 0 && links >= 2
}
