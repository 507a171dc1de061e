package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
)

func sample() *tidings.Article {
	pub := time.Date(2025, 4, 24, 8, 0, 0, 0, time.UTC)
	return &tidings.Article{
		ID: "a1", URL: "https://example.org/a", Source: "example.org", Title: "=HYPERLINK(\"x\")\tTab",
		Published: &pub, Language: "en", Text: "Russia struck Kyiv.",
		Events: []tidings.Event{{Type: "ASSAULT", Trigger: "struck", Location: "Kyiv",
			Actor:     &tidings.Actor{Name: "Russia", Country: "RUS", Sector: "MIL"},
			Recipient: &tidings.Actor{Name: "Kyiv", Country: "UKR"},
			Sentence:  tidings.Span{Text: "Russia struck Kyiv.", Start: 0, End: 19}}},
		Counts: []tidings.Count{{Kind: "KILL", Number: 12}, {Kind: "KILL", Number: 3}},
		Places: []tidings.Place{{Name: "Kyiv", Country: "UA", Lat: 50.45, Lon: 30.52}},
		Tone:   &tidings.Tone{Score: -4.5},
	}
}

func TestFormats(t *testing.T) {
	tests := []struct {
		format string
		check  func(t *testing.T, out string)
	}{
		{"jsonl", func(t *testing.T, out string) {
			var a tidings.Article
			if err := json.Unmarshal([]byte(out), &a); err != nil || a.ID != "a1" || a.Entities == nil {
				t.Errorf("jsonl: %v %+v", err, a)
			}
		}},
		{"csv", func(t *testing.T, out string) {
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(rows) != 2 {
				t.Fatalf("csv: %v, %d rows", err, len(rows))
			}
			if title := rows[1][4]; !strings.HasPrefix(title, "'=") || strings.Contains(title, "\t") {
				t.Errorf("title cell not defused: %q", title)
			}
			if tone := rows[1][6]; tone != "-4.50" {
				t.Errorf("tone = %s, want -4.50", tone)
			}
			if killed := rows[1][11]; killed != "15" {
				t.Errorf("killed = %s, want 15", killed)
			}
		}},
		{"gdelt", func(t *testing.T, out string) {
			r := csv.NewReader(strings.NewReader(out))
			r.Comma = '\t'
			rows, err := r.ReadAll()
			if err != nil || len(rows) != 2 {
				t.Fatalf("gdelt: %v, %d rows", err, len(rows))
			}
			got := strings.Join(rows[1][:9], "|")
			if want := "a1#0|20250424|Russia|RUS|MIL|Kyiv|UKR||ASSAULT"; got != want {
				t.Errorf("row = %s, want %s", got, want)
			}
			if rows[1][13] != "50.4500" {
				t.Errorf("lat = %s", rows[1][13])
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := New(&buf, tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(sample()); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			tt.check(t, buf.String())
		})
	}
	if _, err := New(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}
