package story

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tidings/tidings"
)

func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func day(d int) *time.Time {
	t := time.Date(2025, 3, d, 12, 0, 0, 0, time.UTC)
	return &t
}

func TestAssign(t *testing.T) {
	ctx := context.Background()
	store := NewMemStore()
	c := New(store, Options{})
	flood, other, followUp, bank := fixture(t, "original.txt"), fixture(t, "otheroutlet.txt"), fixture(t, "sametopic.txt"), fixture(t, "unrelated.txt")
	a1 := "a1"
	places := []tidings.Place{{Name: "Brezovo", Country: "BG"}, {Name: "Varna", Country: "BG"}}
	tests := []struct {
		a    tidings.Article
		want string
	}{
		{tidings.Article{ID: "a1", Title: "Floods force thousands from homes", Text: flood, Published: day(10), Places: places}, "a1"},
		{tidings.Article{ID: "a3", Title: "Rates unchanged", Text: bank, Published: day(10)}, "a3"},
		// Another outlet's report of the same flood.
		{tidings.Article{ID: "a2", Title: "Varna river floods thousands out of their homes", Text: other, Published: day(11), Places: places}, "a1"},
		{tidings.Article{ID: "a4", Title: "Copy", Text: flood, Published: day(11), DuplicateOf: &a1}, "a1"},
		// The same words three weeks later are another event.
		{tidings.Article{ID: "a5", Title: "Search for missing men in flooded valley", Text: followUp, Published: day(31)}, "a5"},
	}
	for _, tt := range tests {
		got, err := c.Assign(ctx, &tt.a, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		store.SetStoryOf(tt.a.ID, got)
		if got != tt.want {
			t.Errorf("%s: story %q, want %q", tt.a.ID, got, tt.want)
		}
	}
	s, _ := store.LoadStory(ctx, "a1")
	if s == nil || s.Size != 3 || !s.First.Equal(*day(10)) || !s.Last.Equal(*day(11)) {
		t.Errorf("story a1: %+v", s)
	}
	if _, err := c.Assign(ctx, &tidings.Article{}, time.Now()); err == nil {
		t.Error("article without id accepted")
	}
}

func TestFeatures(t *testing.T) {
	a := &tidings.Article{
		Title:    "Strikes hit cities",
		Text:     "The strikes hit the city. Officials said 50 people died in the cities.",
		Entities: []tidings.Entity{{Name: "Vladimir  Putin", Mentions: make([]tidings.Span, 3)}},
		Places:   []tidings.Place{{Name: "Kyiv"}},
		Events:   []tidings.Event{{Type: "ASSAULT", Actor: &tidings.Actor{Country: "RUS"}, Recipient: &tidings.Actor{Name: "Kyiv"}}},
	}
	tf := TermFreqs(a)
	for term, want := range map[string]float64{
		"w:strike": 3, "w:city": 4, "w:hit": 3, "w:50": 1, "w:the": 0, "w:said": 0,
		"e:vladimir putin": 6, "p:kyiv": 2, "v:ASSAULT:RUS:kyiv": 1.5,
	} {
		if tf[term] != want {
			t.Errorf("%s: %v, want %v", term, tf[term], want)
		}
	}
	v := Weigh(tf, nil, 0, 3)
	if len(v) != 3 {
		t.Errorf("Weigh kept %d terms", len(v))
	}
	if c := Cosine(v, v); c < 0.999 {
		t.Errorf("self cosine %v", c)
	}
}

func TestCasualties(t *testing.T) {
	dup := "a"
	arts := []*tidings.Article{
		{ID: "a", Source: "wire", Counts: []tidings.Count{{Kind: "KILL", Number: 12, Qualifier: "at-least"}, {Kind: "KILL", Number: 3}, {Kind: "WOUND", Number: 40}}},
		{ID: "b", Source: "paper", Counts: []tidings.Count{{Kind: "KILL", Number: 15, Qualifier: "exact"}}},
		{ID: "c", Source: "copy", DuplicateOf: &dup, Counts: []tidings.Count{{Kind: "KILL", Number: 99}}},
		nil,
	}
	got := Casualties(arts)
	if len(got) != 2 || got[0].Kind != "KILL" || got[0].Min != 12 || got[0].Max != 15 || len(got[0].Figures) != 2 ||
		got[0].Figures[0].Source != "wire" || got[1].Kind != "WOUND" || got[1].Min != 40 {
		t.Errorf("got %+v", got)
	}
	if len(Casualties(nil)) != 0 {
		t.Error("ranges from nothing")
	}
}
