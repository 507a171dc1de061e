package server

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// filterParams are the query parameters of tidings.ArticleFilter, accepted
// by every endpoint that selects articles.
var filterParams = []string{
	"q", "entity", "entity_type", "actor_country", "event_type", "theme",
	"place", "source", "language", "from", "to", "duplicates",
}

// maxParamLen bounds every parameter value.
const maxParamLen = 1000

var (
	codeRe    = regexp.MustCompile(`^[A-Za-z_]{1,32}$`)
	countryRe = regexp.MustCompile(`^[A-Za-z]{2,3}$`)
)

// query reads and checks the query string of a request: every parameter
// must be one of allowed and given once.
func query(raw string, allowed ...string) (url.Values, error) {
	v, err := url.ParseQuery(raw)
	if err != nil {
		return nil, fmt.Errorf("bad query string: %v", err)
	}
	for k, vals := range v {
		if !slices.Contains(allowed, k) {
			return nil, fmt.Errorf("unknown parameter %q (allowed: %s)", k, strings.Join(allowed, ", "))
		}
		if len(vals) > 1 {
			return nil, fmt.Errorf("parameter %q given %d times", k, len(vals))
		}
		if len(vals[0]) > maxParamLen {
			return nil, fmt.Errorf("parameter %q longer than %d bytes", k, maxParamLen)
		}
	}
	return v, nil
}

// with returns the parameter lists joined.
func with(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// parseTime reads a date parameter: YYYY-MM-DD or RFC 3339. A bare date
// given as an upper bound ("to") includes that whole day.
func parseTime(name, s string, upper bool) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		if upper {
			t = t.AddDate(0, 0, 1)
		}
		return &t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return nil, fmt.Errorf("parameter %q: %q is not a date (want YYYY-MM-DD or RFC 3339)", name, s)
	}
	t = t.UTC()
	return &t, nil
}

// parseRange reads the from and to parameters.
func parseRange(v url.Values) (from, to *time.Time, err error) {
	if from, err = parseTime("from", v.Get("from"), false); err != nil {
		return nil, nil, err
	}
	if to, err = parseTime("to", v.Get("to"), true); err != nil {
		return nil, nil, err
	}
	if from != nil && to != nil && !from.Before(*to) {
		return nil, nil, fmt.Errorf("parameter \"from\" (%s) is not before \"to\" (%s)", v.Get("from"), v.Get("to"))
	}
	return from, to, nil
}

// code checks a parameter that holds a code (event type, entity type) and
// returns it upper-cased.
func code(v url.Values, name string, re *regexp.Regexp) (string, error) {
	s := v.Get(name)
	if s == "" {
		return "", nil
	}
	if !re.MatchString(s) {
		return "", fmt.Errorf("parameter %q: %q is not a valid code", name, s)
	}
	return strings.ToUpper(s), nil
}

// parseFilter reads the filterParams.
func parseFilter(v url.Values) (tidings.ArticleFilter, error) {
	f := tidings.ArticleFilter{
		Text:     strings.TrimSpace(v.Get("q")),
		Entity:   strings.TrimSpace(v.Get("entity")),
		Theme:    strings.TrimSpace(v.Get("theme")),
		Place:    strings.TrimSpace(v.Get("place")),
		Source:   strings.TrimSpace(v.Get("source")),
		Language: strings.TrimSpace(v.Get("language")),
	}
	var err error
	if f.EntityType, err = code(v, "entity_type", codeRe); err != nil {
		return f, err
	}
	if f.EventType, err = code(v, "event_type", codeRe); err != nil {
		return f, err
	}
	if f.ActorCountry, err = code(v, "actor_country", countryRe); err != nil {
		return f, err
	}
	if f.From, f.To, err = parseRange(v); err != nil {
		return f, err
	}
	if f.IncludeDuplicates, err = parseBool(v, "duplicates"); err != nil {
		return f, err
	}
	return f, nil
}

func parseBool(v url.Values, name string) (bool, error) {
	s := v.Get(name)
	if s == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, fmt.Errorf("parameter %q: %q is not true or false", name, s)
	}
	return b, nil
}

// parseLimit reads the limit parameter: 1..max, def when absent.
func parseLimit(v url.Values, def, max int) (int, error) {
	s := v.Get("limit")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > max {
		return 0, fmt.Errorf("parameter \"limit\": %q is not a number from 1 to %d", s, max)
	}
	return n, nil
}

// parseUnit reads the unit parameter of the analytical queries: what their
// counts count, articles (the default) or distinct stories.
func parseUnit(v url.Values) (string, error) {
	return oneOf(v, "unit", tidings.UnitArticles, tidings.UnitArticles, tidings.UnitStories)
}

// oneOf reads a parameter that takes one of a few values; def when absent.
func oneOf(v url.Values, name, def string, values ...string) (string, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	if !slices.Contains(values, s) {
		return "", fmt.Errorf("parameter %q: %q is not one of %s", name, s, strings.Join(values, ", "))
	}
	return s, nil
}
