package extract

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestMetaTimestamp(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"og", `<meta property="article:published_time" content="2025-03-12T09:15:00+01:00">`, "2025-03-12T09:15:00+01:00"},
		{"json-ld", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-12T09:15:00Z"}</script>`, "2025-03-12T09:15:00Z"},
		{"date only is not a stamp", `<meta name="date" content="March 12">`, ""},
		{"none", `<p>x</p>`, ""},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if ts := metaTimestamp(doc); ts != nil {
			got = ts.Format(time.RFC3339)
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRefineDate(t *testing.T) {
	day := time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC)
	same := time.Date(2025, 3, 12, 9, 15, 0, 0, time.UTC)
	other := time.Date(2025, 3, 14, 9, 15, 0, 0, time.UTC)
	if got := refineDate(&day, &same); !got.Equal(same) {
		t.Errorf("same day: %v", got)
	}
	if got := refineDate(&day, &other); !got.Equal(day) {
		t.Errorf("other day: %v", got)
	}
	if got := refineDate(nil, &other); !got.Equal(other) {
		t.Errorf("no day: %v", got)
	}
	if got := refineDate(&day, nil); !got.Equal(day) {
		t.Errorf("no stamp: %v", got)
	}
}
