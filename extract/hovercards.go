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
// Valley: ..."). It walks the tree once, children first, so a card goes
// before the wrapper that also holds the name's own link is weighed; it
// returns the pictures and links left under n.
func dropHoverCards(n *html.Node, inPara bool) (pictures, links int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			p, l := dropHoverCards(c, inPara || tagAtom(c) == atom.P)
			switch tagAtom(c) {
			case atom.Img, atom.Picture:
				p++
			case atom.A:
				l++
			}
			if inPara && tagAtom(c) == atom.Span && p > 0 && l >= 2 {
				n.RemoveChild(c)
			} else {
				pictures, links = pictures+p, links+l
			}
		}
		c = next
	}
	return pictures, links
}
