package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphs turns an extracted content tree into its paragraphs. Block
// elements (p, h1-h6, li, blockquote, pre, div, table rows, ...) and <br>
// end a paragraph; inline elements are joined without adding spaces, so
// "<b>Kyi</b>v" stays one word. Whitespace runs collapse to one space
// except inside <pre>, whose lines become separate paragraphs.
func paragraphs(root *html.Node) []string {
	w := &paraWalker{}
	w.walk(root, false)
	w.flush()
	return w.out
}

type paraWalker struct {
	out []string
	buf strings.Builder
}

// blockAtoms are the elements that start and end a paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true,
	atom.Pre: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Tr: true, atom.Caption: true, atom.Figure: true,
	atom.Figcaption: true, atom.Header: true, atom.Footer: true, atom.Main: true,
	atom.Aside: true, atom.Address: true, atom.Hr: true, atom.Body: true,
	atom.Details: true, atom.Summary: true, atom.Form: true, atom.Fieldset: true,
	atom.Center: true, atom.Nav: true,
}

// skipAtoms hold no readable text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Select: true,
	atom.Button: true, atom.Textarea: true, atom.Head: true, atom.Title: true,
}

// cellAtoms are table cells: separated by a space within their row.
var cellAtoms = map[atom.Atom]bool{atom.Td: true, atom.Th: true}

func (w *paraWalker) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
		return
	case html.ElementNode:
	case html.DocumentNode:
	default:
		return
	}
	a := tagAtom(n)
	if n.Type == html.ElementNode {
		if skipAtoms[a] {
			return
		}
		// "lb" is the line break of trafilatura's XML model.
		if n.Data == "lb" {
			w.flush()
			return
		}
	}
	switch {
	case a == atom.Br:
		w.flush()
		return
	case blockAtoms[a]:
		w.flush()
		defer w.flush()
	case cellAtoms[a]:
		w.space()
		defer w.space()
	}
	inPre := pre || a == atom.Pre
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, inPre)
	}
}

// text appends a text node, collapsing whitespace (or splitting lines, in
// <pre>).
func (w *paraWalker) text(s string, pre bool) {
	if pre {
		lines := strings.Split(s, "\n")
		for i, line := range lines {
			if i > 0 {
				w.flush()
			}
			w.appendCollapsed(line)
		}
		return
	}
	w.appendCollapsed(s)
}

func (w *paraWalker) appendCollapsed(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == spaceMark {
			w.space()
			continue
		}
		if r == '\u200b' || r == '\ufeff' {
			continue
		}
		w.buf.WriteRune(r)
	}
}

// space adds one space unless the paragraph is empty or already ends in one.
func (w *paraWalker) space() {
	s := w.buf.String()
	if s == "" || s[len(s)-1] == ' ' {
		return
	}
	w.buf.WriteByte(' ')
}

// flush ends the current paragraph, keeping it when it has any letter or
// digit.
func (w *paraWalker) flush() {
	p := strings.TrimSpace(w.buf.String())
	w.buf.Reset()
	if strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0 {
		w.out = append(w.out, p)
	}
}

// tagAtom returns the atom of an element. Nodes built by go-trafilatura
// carry only their tag name, so the atom is looked up when missing.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}
