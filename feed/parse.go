// Package feed polls RSS and Atom feeds and hands each new item's page to
// a Sink: conditional GETs, per-host politeness, robots.txt, bounded
// responses and no requests to internal addresses unless allowed. What has
// been seen is kept in a State so restarts do not fetch it again.
package feed

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Item is one feed entry, reduced to what ingestion needs.
type Item struct {
	// Key identifies the item across passes: its link, else its GUID.
	Key       string
	Link      string
	Title     string
	Published *time.Time
	Authors   []string
}

// Feed is a parsed feed.
type Feed struct {
	Title string
	Items []Item
}

// Parse reads an RSS, Atom or JSON feed after Sanitize; base resolves
// relative item links.
func Parse(data []byte, base string) (*Feed, error) {
	clean := Sanitize(data)
	f, err := gofeed.NewParser().Parse(bytes.NewReader(clean))
	if err != nil {
		// A feed cut short or broken after some items: keep the items
		// before the damage.
		if fixed := salvage(clean); fixed != nil {
			f, err = gofeed.NewParser().Parse(bytes.NewReader(fixed))
		}
		if err != nil {
			return nil, fmt.Errorf("parse feed: %w", err)
		}
	}
	baseURL, _ := url.Parse(base)
	out := &Feed{Title: strings.TrimSpace(f.Title)}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		link := resolve(baseURL, strings.TrimSpace(it.Link))
		if link == "" {
			for _, l := range it.Links {
				if link = resolve(baseURL, strings.TrimSpace(l)); link != "" {
					break
				}
			}
		}
		key := link
		if key == "" {
			key = strings.TrimSpace(it.GUID)
		}
		if key == "" {
			continue
		}
		item := Item{Key: key, Link: link, Title: strings.TrimSpace(it.Title)}
		if it.PublishedParsed != nil {
			t := it.PublishedParsed.UTC()
			item.Published = &t
		} else if it.UpdatedParsed != nil {
			t := it.UpdatedParsed.UTC()
			item.Published = &t
		}
		for _, a := range it.Authors {
			if a != nil && strings.TrimSpace(a.Name) != "" {
				item.Authors = append(item.Authors, strings.TrimSpace(a.Name))
			}
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// salvage cuts a damaged feed after its last complete item or entry and
// closes the document, or returns nil when there is none.
func salvage(b []byte) []byte {
	if i := bytes.LastIndex(b, []byte("</item>")); i >= 0 && bytes.Contains(b[:i], []byte("<rss")) {
		return append(append([]byte{}, b[:i+len("</item>")]...), "</channel></rss>"...)
	}
	if i := bytes.LastIndex(b, []byte("</entry>")); i >= 0 && bytes.Contains(b[:i], []byte("<feed")) {
		return append(append([]byte{}, b[:i+len("</entry>")]...), "</feed>"...)
	}
	return nil
}

// resolve makes link absolute against base and keeps only http(s) URLs,
// without their fragment.
func resolve(base *url.URL, link string) string {
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// ReadList reads a feeds file: one URL per line; blank lines and lines
// starting with '#' are ignored, as is anything after " #".
func ReadList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readList(path, f)
}

func readList(name string, r io.Reader) ([]string, error) {
	var urls []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := url.Parse(line)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("%s:%d: not an http(s) URL: %q", name, n, line)
		}
		if !seen[line] {
			seen[line] = true
			urls = append(urls, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return urls, nil
}
