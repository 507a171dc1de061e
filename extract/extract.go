// Package extract finds the main text of an HTML page and its metadata
// (title, authors, date, site name, language). It wraps go-trafilatura,
// with go-readability as a fallback for pages where trafilatura finds too
// little, behind the small Extractor interface so either can be swapped.
package extract

import (
	"context"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoContent is returned for a page with no readable main text: no body,
// an empty body, or a body made only of navigation and scripts.
var ErrNoContent = errors.New("no main text found in page")

// Methods name the extractor that produced a Result.
const (
	MethodTrafilatura = "trafilatura"
	MethodReadability = "readability"
)

// Extractor finds the main text of one HTML page. Implementations are safe
// for concurrent use.
type Extractor interface {
	Extract(ctx context.Context, page []byte, pageURL string) (*Result, error)
}

// Result is the main text of a page with what the page says about itself.
type Result struct {
	Title     string
	Authors   []string
	Published *time.Time
	SiteName  string
	// URL is the canonical address the page declares (link rel=canonical,
	// og:url), or "".
	URL        string
	Language   string // ISO 639-1, as guessed by the extractor; may be ""
	Paragraphs []string
	Method     string // MethodTrafilatura or MethodReadability
}

// Text returns the paragraphs separated by blank lines.
func (r *Result) Text() string { return strings.Join(r.Paragraphs, "\n\n") }

// Options tune the extractor. The zero value is not useful; start from
// DefaultOptions.
type Options struct {
	// Focus is trafilatura's precision/recall trade-off.
	Focus trafilatura.ExtractionFocus
	// TrafilaturaFallback lets trafilatura compare its result with its own
	// bundled readability and DOM-distiller candidates.
	TrafilaturaFallback bool
	// MinText is the number of letters under which trafilatura's result is
	// "too little" and go-readability is tried; the longer result wins.
	MinText int
	// MaxPage is the largest page, in bytes, that is parsed at all.
	MaxPage int
}

// DefaultOptions are the settings measured best on the Zyte article
// extraction benchmark (see cmd/tidings eval extraction).
func DefaultOptions() Options {
	return Options{
		Focus:               trafilatura.FavorPrecision,
		TrafilaturaFallback: true,
		MinText:             250,
		MaxPage:             32 << 20,
	}
}

// New returns the default extractor.
func New() Extractor { return NewWithOptions(DefaultOptions()) }

// NewWithOptions returns an extractor with the given options.
func NewWithOptions(opts Options) Extractor { return &extractor{opts: opts} }

type extractor struct{ opts Options }

// Extract implements Extractor. Errors wrap ErrNoContent when the page has
// no main text; a panic inside the third-party extractors is turned into an
// error so that one bad page never stops a batch.
func (e *extractor) Extract(ctx context.Context, page []byte, pageURL string) (res *Result, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if e.opts.MaxPage > 0 && len(page) > e.opts.MaxPage {
		return nil, fmt.Errorf("page of %d bytes exceeds the %d-byte limit", len(page), e.opts.MaxPage)
	}
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("extract: internal error: %v", p)
		}
	}()
	text, err := toUTF8(page)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	if !hasBodyText(doc) {
		return nil, ErrNoContent
	}
	u := parseURL(pageURL)
	dropHoverCards(doc, false)
	markListSpaces(doc, false) // go-trafilatura trims the spaces around inline elements in <li>
	res = e.trafilatura(doc, u)
	if letters(res.Paragraphs) < e.opts.MinText {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if alt := readabilityExtract(doc, u); alt != nil && letters(alt.Paragraphs) > letters(res.Paragraphs) {
			alt.merge(res)
			res = alt
		}
	}
	host := ""
	if u != nil {
		host = u.Hostname()
	} else if cu := parseURL(res.URL); cu != nil {
		host = cu.Hostname()
	}
	res.Title = cleanTitle(res.Title, res.SiteName, host)
	res.Authors = cleanAuthors(res.Authors, res.SiteName)
	res.Paragraphs = dropTitle(res.Paragraphs, res.Title)
	res.Published = refineDate(res.Published, metaTimestamp(doc))
	if len(res.Paragraphs) == 0 {
		return nil, ErrNoContent
	}
	return res, nil
}

// dropTitle removes the headline from the start of the paragraphs: the
// extracted body often opens with the page's <h1>, which the record
// already holds as its title.
func dropTitle(paras []string, title string) []string {
	if len(paras) < 2 || title == "" {
		return paras
	}
	key := func(s string) string {
		return strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) }), " "))
	}
	t := key(title)
	for i, p := range paras[:min(3, len(paras)-1)] {
		if k := key(p); k != "" && k == t {
			return append(paras[:i:i], paras[i+1:]...)
		}
	}
	return paras
}

// trafilatura runs go-trafilatura; on failure it returns an empty Result so
// the caller can fall back.
func (e *extractor) trafilatura(doc *html.Node, u *nurl.URL) *Result {
	opts := trafilatura.Options{
		OriginalURL:     u,
		EnableFallback:  e.opts.TrafilaturaFallback,
		Focus:           e.opts.Focus,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	tr, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || tr == nil {
		return &Result{Method: MethodTrafilatura}
	}
	m := tr.Metadata
	res := &Result{
		Title:    strings.TrimSpace(unmark(m.Title)),
		Authors:  splitAuthors(unmark(m.Author)),
		SiteName: strings.TrimSpace(unmark(m.Sitename)),
		URL:      canonicalURL(m.URL),
		Language: m.Language,
		Method:   MethodTrafilatura,
	}
	if !m.Date.IsZero() {
		d := m.Date
		res.Published = &d
	}
	if tr.ContentNode != nil {
		res.Paragraphs = paragraphs(tr.ContentNode)
	}
	return res
}

// readabilityExtract runs go-readability on a copy of doc; nil when it
// finds nothing.
func readabilityExtract(doc *html.Node, u *nurl.URL) *Result {
	p := readability.NewParser()
	art, err := p.ParseDocument(doc, u)
	if err != nil || art.Node == nil {
		return nil
	}
	res := &Result{
		Title:      strings.TrimSpace(unmark(art.Title())),
		Authors:    splitAuthors(unmark(art.Byline())),
		SiteName:   strings.TrimSpace(unmark(art.SiteName())),
		Language:   baseLanguage(art.Language()),
		Paragraphs: paragraphs(art.Node),
		Method:     MethodReadability,
	}
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		res.Published = &t
	}
	return res
}

// merge fills r's empty metadata fields from other.
func (r *Result) merge(other *Result) {
	if r.Title == "" {
		r.Title = other.Title
	}
	if len(r.Authors) == 0 {
		r.Authors = other.Authors
	}
	if r.Published == nil {
		r.Published = other.Published
	}
	if r.SiteName == "" {
		r.SiteName = other.SiteName
	}
	if r.Language == "" {
		r.Language = other.Language
	}
	if r.URL == "" {
		r.URL = other.URL
	}
}

// canonicalURL keeps s when it is an absolute http(s) URL.
func canonicalURL(s string) string {
	u := parseURL(strings.TrimSpace(s))
	if u == nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

// hasBodyText reports whether doc's body holds any visible letter or digit.
func hasBodyText(doc *html.Node) bool {
	var found bool
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if found {
			return
		}
		if n.Type == html.ElementNode && (skipAtoms[tagAtom(n)] || tagAtom(n) == atom.Head) {
			return
		}
		if n.Type == html.TextNode && strings.IndexFunc(n.Data, isWordRune) >= 0 {
			found = true
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	return found
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// letters counts the letters and digits of paragraphs.
func letters(paras []string) int {
	n := 0
	for _, p := range paras {
		for _, r := range p {
			if isWordRune(r) {
				n++
			}
		}
	}
	return n
}

// parseURL returns pageURL parsed, or nil when it is empty or not an
// absolute URL.
func parseURL(pageURL string) *nurl.URL {
	if pageURL == "" {
		return nil
	}
	u, err := nurl.ParseRequestURI(pageURL)
	if err != nil || u.Host == "" {
		return nil
	}
	return u
}

// splitAuthors splits trafilatura's "A; B" author string (and readability's
// "By A and B" byline) into names.
func splitAuthors(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = s[3:]
	}
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '|' }) {
		for _, name := range strings.Split(part, " and ") {
			name = strings.Join(strings.Fields(name), " ")
			if name != "" && utf8.RuneCountInString(name) <= 100 {
				out = append(out, name)
			}
		}
	}
	return out
}

// baseLanguage reduces a language tag such as "en-US" to "en".
func baseLanguage(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 {
		return ""
	}
	return tag
}
