package feed

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// Robots is a parsed robots.txt (RFC 9309): the rules of the group that
// applies to one user agent.
type Robots struct {
	rules []robotsRule
	// CrawlDelay is the group's Crawl-delay, 0 if none.
	CrawlDelay time.Duration
}

type robotsRule struct {
	allow   bool
	pattern string
}

// AllowAll is the answer when a site has no robots.txt.
var AllowAll = &Robots{}

// DisallowAll is the answer when robots.txt could not be read because of
// a server error (RFC 9309 §2.3.1.4).
var DisallowAll = &Robots{rules: []robotsRule{{allow: false, pattern: "/"}}}

// ParseRobots reads robots.txt and keeps the rules for agent: the groups
// whose User-agent line is the longest match of the agent's product token
// (case-insensitive), else the "*" groups. Unknown lines are ignored.
func ParseRobots(data []byte, agent string) *Robots {
	token := strings.ToLower(agent)
	if i := strings.IndexAny(token, "/ "); i >= 0 {
		token = token[:i]
	}
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(val))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || (key == "disallow" && val == "") {
				continue
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: val})
		case "crawl-delay":
			if cur != nil {
				if d, err := strconv.ParseFloat(val, 64); err == nil && d > 0 {
					cur.delay = time.Duration(min(d, maxCrawlDelay.Seconds()) * float64(time.Second))
				}
			}
		default:
			// sitemap and others do not end the agent list.
		}
	}
	var specific, star Robots
	found := false
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				star.rules = append(star.rules, g.rules...)
				star.CrawlDelay = max(star.CrawlDelay, g.delay)
			case a != "" && token != "" && strings.HasPrefix(token, a):
				specific.rules = append(specific.rules, g.rules...)
				specific.CrawlDelay = max(specific.CrawlDelay, g.delay)
				found = true
			}
		}
	}
	if found {
		return &specific
	}
	return &star
}

// maxCrawlDelay caps a site's Crawl-delay: beyond it, a feed's items could
// not all be fetched in one pass.
const maxCrawlDelay = 30 * time.Second

// Allowed reports whether path (with its query) may be fetched: the
// longest matching rule wins, allow over disallow on a tie; no match
// allows.
func (r *Robots) Allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !matchRobots(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// matchRobots matches a robots.txt path pattern: a prefix match where '*'
// matches any run of characters and a final '$' anchors the end.
func matchRobots(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for i, p := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return len(path)-pos >= len(p) && strings.HasSuffix(path, p)
		}
		j := strings.Index(path[pos:], p)
		if j < 0 {
			return false
		}
		pos += j + len(p)
	}
	if anchored && len(parts) == 1 {
		return pos == len(path)
	}
	return true
}
