package extract

import (
	"strings"
	"testing"
)

func TestCleanTitle(t *testing.T) {
	tests := []struct{ title, site, host, want string }{
		{"Sea wall to be rebuilt | The Coastline Courier", "The Coastline Courier", "", "Sea wall to be rebuilt"},
		{"Best gadgets of the year | ZDNet", "", "www.zdnet.com", "Best gadgets of the year"},
		{"Deals on laptops - 9to5Mac", "9To5mac", "", "Deals on laptops"},
		{"Opinion | Republicans follow the leader", "NYTimes", "", "Opinion | Republicans follow the leader"},
		{"Fighting resumes - ceasefire collapses", "The Courier", "", "Fighting resumes - ceasefire collapses"},
		{"Courier | The Courier", "The Courier", "", "Courier | The Courier"},
		{"Plain headline", "Site", "", "Plain headline"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.title, tt.site, tt.host); got != tt.want {
			t.Errorf("cleanTitle(%q, %q, %q) = %q, want %q", tt.title, tt.site, tt.host, got, tt.want)
		}
	}
}

func TestCleanAuthors(t *testing.T) {
	tests := []struct {
		authors []string
		site    string
		want    string
	}{
		{[]string{"Jill Doe CNN Business"}, "CNN", "Jill Doe"},
		{[]string{"Jane Roe Business Insider"}, "Business Insider Deutschland", "Jane Roe"},
		{[]string{"Greg Baker AP Sports Writer"}, "Express-News", "Greg Baker"},
		{[]string{"Jeff Frost Monday November"}, "", "Jeff Frost"},
		{[]string{"The Coastline Courier", "Maren Holt"}, "The Coastline Courier", "Maren Holt"},
		{[]string{"Maren Holt"}, "", "Maren Holt"},
		{[]string{"Jill Doe", "CNN Business"}, "CNN", "Jill Doe"},
		{[]string{"Tom Baker", "AP Auto Writer"}, "", "Tom Baker"},
		{[]string{"Reuters", "Washington", "Nov"}, "", "Washington"},
		{[]string{"Ilana Muir", "MS", "RDN"}, "", "Ilana Muir"},
		{[]string{"Vortex"}, "vortexcannon.org", "Vortex"},
	}
	for _, tt := range tests {
		if got := strings.Join(cleanAuthors(tt.authors, tt.site), "|"); got != tt.want {
			t.Errorf("cleanAuthors(%q, %q) = %q, want %q", tt.authors, tt.site, got, tt.want)
		}
	}
}
