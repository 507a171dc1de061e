// Package export writes stored article records in formats other tools read:
// JSON lines (the full record), CSV (one row per article) and a GDELT-style
// event table (one tab-separated row per event, with its evidence).
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// Writer writes articles one by one; Close flushes what is buffered.
type Writer interface {
	Write(a *tidings.Article) error
	Close() error
}

// Formats lists the names New accepts.
var Formats = []string{"jsonl", "csv", "gdelt"}

// New returns a Writer of the named format on w.
func New(w io.Writer, format string) (Writer, error) {
	switch format {
	case "jsonl":
		return &jsonlWriter{enc: json.NewEncoder(w)}, nil
	case "csv":
		return newTableWriter(w, ',', articleHeader, articleRows), nil
	case "gdelt":
		return newTableWriter(w, '\t', gdeltHeader, eventRows), nil
	}
	return nil, fmt.Errorf("unknown export format %q (want %s)", format, strings.Join(Formats, ", "))
}

type jsonlWriter struct{ enc *json.Encoder }

func (j *jsonlWriter) Write(a *tidings.Article) error { a.Normalize(); return j.enc.Encode(a) }
func (j *jsonlWriter) Close() error                   { return nil }

// tableWriter writes rows of cells, defusing cells a spreadsheet would run
// as formulas.
type tableWriter struct {
	w      *csv.Writer
	header []string
	rows   func(a *tidings.Article) [][]string
	wrote  bool
}

func newTableWriter(w io.Writer, comma rune, header []string, rows func(*tidings.Article) [][]string) *tableWriter {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	return &tableWriter{w: cw, header: header, rows: rows}
}

func (t *tableWriter) Write(a *tidings.Article) error {
	if !t.wrote {
		t.wrote = true
		if err := t.w.Write(t.header); err != nil {
			return err
		}
	}
	for _, row := range t.rows(a) {
		for i := range row {
			row[i] = Cell(row[i])
		}
		if err := t.w.Write(row); err != nil {
			return err
		}
	}
	return nil
}

func (t *tableWriter) Close() error {
	if !t.wrote {
		if err := t.w.Write(t.header); err != nil {
			return err
		}
	}
	t.w.Flush()
	return t.w.Error()
}

// Cell makes untrusted text safe as a spreadsheet cell: a leading = + - @
// gets an apostrophe so it is not run as a formula, and tabs and line
// breaks become spaces so a row stays a row in tab-separated files.
// Plain numbers are left alone.
func Cell(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s // a plain number such as a negative tone
		}
		return "'" + s
	}
	return s
}

var articleHeader = []string{"id", "published", "source", "language", "title", "url",
	"tone", "themes", "entities", "quotes", "events", "killed", "wounded", "arrested", "duplicate_of", "story"}

func articleRows(a *tidings.Article) [][]string {
	tone := ""
	if a.Tone != nil {
		tone = strconv.FormatFloat(a.Tone.Score, 'f', 2, 64)
	}
	names := make([]string, 0, len(a.Entities))
	for _, e := range a.Entities {
		names = append(names, e.Name)
	}
	return [][]string{{a.ID, date(a.Published, time.RFC3339), a.Source, a.Language, a.Title, a.URL,
		tone, strings.Join(a.Themes, ";"), strings.Join(names, ";"),
		strconv.Itoa(len(a.Quotes)), strconv.Itoa(len(a.Events)),
		sum(a, "KILL"), sum(a, "WOUND"), sum(a, "ARREST"), deref(a.DuplicateOf), deref(a.Story)}}
}

// gdeltHeader follows the names of GDELT's event table where one exists;
// the event code is a PLOVER type, and the evidence sentence is included.
var gdeltHeader = []string{"GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
	"Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "EventCode", "EventMode", "IsNegated", "IsHypothetical",
	"ActionGeo_FullName", "ActionGeo_Lat", "ActionGeo_Long", "AvgTone", "SOURCEURL", "ArticleID", "DuplicateOf", "Story",
	"Trigger", "Sentence", "SentenceStart", "SentenceEnd", "Extractor"}

func eventRows(a *tidings.Article) [][]string {
	tone := ""
	if a.Tone != nil {
		tone = strconv.FormatFloat(a.Tone.Score, 'f', 2, 64)
	}
	rows := make([][]string, 0, len(a.Events))
	for i, e := range a.Events {
		day := strings.ReplaceAll(e.Date, "-", "")
		if len(day) != 8 {
			day = date(a.Published, "20060102")
		}
		lat, lon := "", ""
		for _, p := range a.Places {
			if p.Name == e.Location {
				lat, lon = strconv.FormatFloat(p.Lat, 'f', 4, 64), strconv.FormatFloat(p.Lon, 'f', 4, 64)
				break
			}
		}
		a1, a2 := actorCells(e.Actor), actorCells(e.Recipient)
		rows = append(rows, []string{a.ID + "#" + strconv.Itoa(i), day, a1[0], a1[1], a1[2], a2[0], a2[1], a2[2],
			e.Type, e.Mode, flag(e.Negated), flag(e.Hypothetical), e.Location, lat, lon, tone, a.URL, a.ID,
			deref(a.DuplicateOf), deref(a.Story), e.Trigger, e.Sentence.Text,
			strconv.Itoa(e.Sentence.Start), strconv.Itoa(e.Sentence.End), a.Extractor})
	}
	return rows
}

func actorCells(a *tidings.Actor) [3]string {
	if a == nil {
		return [3]string{}
	}
	return [3]string{a.Name, a.Country, a.Sector}
}

func sum(a *tidings.Article, kind string) string {
	n := 0
	for _, c := range a.Counts {
		if c.Kind == kind {
			n += c.Number
		}
	}
	return strconv.Itoa(n)
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func date(t *time.Time, layout string) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(layout)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
