package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/sqlite"
)

// searchValueFlags are the flags of "tidings search" that take a value; the
// argument reordering needs to know them to tell a flag's value from the
// query.
var searchValueFlags = map[string]bool{
	"db": true, "from": true, "to": true, "source": true, "lang": true,
	"limit": true, "sort": true, "format": true, "cursor": true,
}

// cmdSearch runs "tidings search QUERY [flags]": a full-text search of the
// store, printed as a table, JSON (an array of hits) or CSV.
func cmdSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "tidings.db", "the store")
	from := fs.String("from", "", "only articles published on or after `DATE` (YYYY-MM-DD or RFC 3339)")
	to := fs.String("to", "", "only articles published on or before `DATE` (a whole day for YYYY-MM-DD)")
	source := fs.String("source", "", "only articles from `SOURCE` (as stored: host or feed name)")
	lang := fs.String("lang", "", "only articles in `LANGUAGE` (ISO 639-1 code, e.g. en)")
	limit := fs.Int("limit", sqlite.DefaultLimit, "at most `N` hits")
	sortBy := fs.String("sort", "date", "`ORDER`: date (newest first) or rank (relevance)")
	format := fs.String("format", "table", "output `FORMAT`: table, json or csv")
	cursor := fs.String("cursor", "", "continue after a previous page (the cursor it printed)")
	stories := fs.Bool("stories", false, "one hit per story (its earliest report) with the number of its reports")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: tidings search QUERY [flags]

QUERY is SQLite FTS5 syntax over titles and texts: words (all must match),
"a phrase", AND, OR, NOT, NEAR(a b, 5), prefix*, title:word, parentheses.
An empty QUERY lists every article.

`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorderArgs(args, searchValueFlags)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errSilent // the flag package has said what is wrong
	}
	q := tidings.SearchQuery{
		Text: strings.Join(fs.Args(), " "), Source: *source, Language: *lang,
		Sort: *sortBy, Limit: *limit, Cursor: *cursor, Stories: *stories,
	}
	var err error
	if q.From, err = parseDateFlag("from", *from, false); err != nil {
		return err
	}
	if q.To, err = parseDateFlag("to", *to, true); err != nil {
		return err
	}
	if *sortBy != "date" && *sortBy != "rank" {
		return fmt.Errorf("--sort %q: want date or rank", *sortBy)
	}
	if *limit < 1 {
		return fmt.Errorf("--limit %d: want a positive number", *limit)
	}
	write, ok := searchWriters[*format]
	if !ok {
		return fmt.Errorf("--format %q: want table, json or csv", *format)
	}
	store, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	res, err := store.Search(ctx, q)
	if err != nil {
		return err
	}
	if *stories {
		write = storyWriters[*format]
	}
	if err := write(stdout, res); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	if res.Next != "" && *format == "table" {
		fmt.Fprintf(stderr, "more: add --cursor %s\n", res.Next)
	}
	return nil
}

// reorderArgs moves flags (and the values of valueFlags) before the
// positional arguments, so that "tidings search "kyiv strike" --format json"
// parses as the user meant. A "--" ends the flags; what follows is query.
func reorderArgs(args []string, valueFlags map[string]bool) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if !strings.Contains(name, "=") && valueFlags[name] && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return append(append(flags, "--"), rest...)
}

// parseDateFlag reads a --from/--to value: YYYY-MM-DD (UTC; with endOfDay,
// the last second of that day) or RFC 3339. Empty means no bound.
func parseDateFlag(name, v string, endOfDay bool) (*time.Time, error) {
	if v == "" {
		return nil, nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		if endOfDay {
			t = t.Add(24*time.Hour - time.Second)
		}
		return &t, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return &t, nil
	}
	return nil, fmt.Errorf("--%s %q: want a date as YYYY-MM-DD or RFC 3339 (2025-04-24T07:00:00Z)", name, v)
}

// searchWriters print a page of hits in each --format.
var searchWriters = map[string]func(io.Writer, *tidings.SearchResult) error{
	"json":  writeHitsJSON,
	"csv":   writeHitsCSV,
	"table": writeHitsTable,
}

// storyWriters print a page of hits collapsed to stories (--stories): the
// same as searchWriters plus each story's number of reports.
var storyWriters = map[string]func(io.Writer, *tidings.SearchResult) error{
	"json":  writeHitsJSON, // a hit's "reports" is set
	"csv":   writeStoriesCSV,
	"table": writeStoriesTable,
}

func writeHitsJSON(w io.Writer, res *tidings.SearchResult) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	hits := res.Hits
	if hits == nil {
		hits = []tidings.Hit{}
	}
	return enc.Encode(hits)
}

func writeHitsCSV(w io.Writer, res *tidings.SearchResult) error { return hitsCSV(w, res, false) }

func writeStoriesCSV(w io.Writer, res *tidings.SearchResult) error { return hitsCSV(w, res, true) }

// hitsCSV writes one row per hit, with a reports column for stories.
func hitsCSV(w io.Writer, res *tidings.SearchResult, stories bool) error {
	cw := csv.NewWriter(w)
	head := []string{"id", "published", "source", "language", "title", "url", "duplicate_of", "story", "snippet"}
	if stories {
		head = append(head, "reports")
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, h := range res.Hits {
		rec := []string{h.ID, formatPublished(h.Published, time.RFC3339), h.Source, h.Language, h.Title,
			h.URL, deref(h.DuplicateOf), deref(h.Story), h.Snippet}
		if stories {
			rec = append(rec, strconv.Itoa(h.Reports))
		}
		for i := range rec {
			rec[i] = csvSafe(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from reading an article's text as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func writeHitsTable(w io.Writer, res *tidings.SearchResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tSOURCE\tLANG\tTITLE\tID")
	for _, h := range res.Hits {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", formatPublished(h.Published, time.DateOnly),
			truncate(terminalSafe(h.Source), 24), terminalSafe(h.Language),
			truncate(terminalSafe(h.Title), 60), truncate(terminalSafe(h.ID), 24))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d of %d articles\n", len(res.Hits), res.Total)
	return err
}

// writeStoriesTable is writeHitsTable for stories, with their number of
// reports.
func writeStoriesTable(w io.Writer, res *tidings.SearchResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tREPORTS\tSOURCE\tLANG\tTITLE\tID")
	for _, h := range res.Hits {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", formatPublished(h.Published, time.DateOnly), h.Reports,
			truncate(terminalSafe(h.Source), 24), terminalSafe(h.Language),
			truncate(terminalSafe(h.Title), 60), truncate(terminalSafe(h.ID), 24))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d of %d stories\n", len(res.Hits), res.Total)
	return err
}

func formatPublished(t *time.Time, layout string) string {
	if t == nil {
		return "-"
	}
	return t.Format(layout)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// terminalSafe replaces control characters (escape sequences in an
// article's title could drive the terminal) and tabs with spaces.
func terminalSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
}

// truncate cuts s to at most n runes, marking the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
