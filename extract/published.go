package extract

import (
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedKeys are the <meta> names and properties that carry a
// publication timestamp, in order of trust.
var publishedKeys = []string{
	"article:published_time", "og:published_time", "datepublished",
	"publishdate", "publish-date", "pubdate", "dc.date.issued", "dcterms.created",
	"sailthru.date", "parsely-pub-date", "date",
}

// rxLDPublished finds datePublished in JSON-LD.
var rxLDPublished = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{8,40})"`)

// stampLayouts are the timestamp forms found in page metadata.
var stampLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	time.RFC1123Z,
	time.RFC1123,
}

// metaTimestamp returns the publication time the page declares in its
// metadata (meta tags, then JSON-LD) with its time of day, or nil.
// trafilatura's own date is only a day; this refines it.
func metaTimestamp(doc *html.Node) *time.Time {
	found := map[string]string{}
	var ld []string
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch tagAtom(n) {
			case atom.Meta:
				key, content := "", ""
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "property", "name", "itemprop":
						key = strings.ToLower(strings.TrimSpace(a.Val))
					case "content":
						content = strings.TrimSpace(a.Val)
					}
				}
				if key != "" && content != "" && found[key] == "" {
					found[key] = content
				}
			case atom.Script:
				if n.FirstChild != nil && strings.Contains(n.FirstChild.Data, "datePublished") {
					ld = append(ld, n.FirstChild.Data)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	var cands []string
	for _, k := range publishedKeys {
		if v := found[k]; v != "" {
			cands = append(cands, v)
		}
	}
	for _, s := range ld {
		if m := rxLDPublished.FindStringSubmatch(s); m != nil {
			cands = append(cands, m[1])
		}
	}
	for _, c := range cands {
		for _, layout := range stampLayouts {
			if t, err := time.Parse(layout, c); err == nil {
				return &t
			}
		}
	}
	return nil
}

// refineDate returns the metadata timestamp when it falls on the day the
// extractor found (or the extractor found none), else the extractor's day.
func refineDate(day *time.Time, stamp *time.Time) *time.Time {
	switch {
	case stamp == nil:
		return day
	case day == nil:
		return stamp
	case stamp.Format("2006-01-02") == day.Format("2006-01-02") || stamp.UTC().Format("2006-01-02") == day.Format("2006-01-02"):
		return stamp
	}
	return day
}
