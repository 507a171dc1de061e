package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/internal/shared"
)

// kyivExpected is the part of examples/kyiv-strike/expected.json the test
// checks.
type kyivExpected struct {
	Title    string `json:"title"`
	Cleaning struct {
		MustRemove []string `json:"must_remove_lines"`
		KeptOnce   string   `json:"paragraph_kept_once"`
		Paragraphs int      `json:"body_paragraphs"`
	} `json:"cleaning"`
	Entities struct {
		Must []struct {
			Name     string   `json:"name"`
			Type     string   `json:"type"`
			Country  string   `json:"country"`
			Mentions []string `json:"mentions"`
		} `json:"must"`
		MustNot []string `json:"must_not"`
	} `json:"entities"`
	Roles []struct {
		Entity  string `json:"entity"`
		Role    string `json:"role"`
		Country string `json:"country"`
	} `json:"roles"`
	Quotes struct {
		Must []struct {
			Text    string `json:"text"`
			Speaker string `json:"speaker"`
			Cue     string `json:"cue"`
		} `json:"must"`
		MustNot []string `json:"must_not_be_quotes"`
	} `json:"quotes"`
	Counts struct {
		Must []struct {
			Kind      string `json:"kind"`
			Number    int    `json:"number"`
			Qualifier string `json:"qualifier"`
			Location  string `json:"location"`
		} `json:"must"`
	} `json:"counts"`
	Events struct {
		Must    []kyivEvent `json:"must"`
		MustNot []kyivEvent `json:"must_not"`
	} `json:"events"`
	Places struct {
		Must []struct {
			Name      string  `json:"name"`
			Country   string  `json:"country"`
			Lat       float64 `json:"lat"`
			Lon       float64 `json:"lon"`
			Tolerance float64 `json:"tolerance_km"`
		} `json:"must"`
	} `json:"places"`
}

func analyzeKyiv(t *testing.T) (*tidings.Article, kyivExpected) {
	t.Helper()
	dir := shared.Dir(t, "examples", "kyiv-strike")
	var want kyivExpected
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p, err := loadAnalyzer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []*tidings.Article
	for r := range p.Stream(ctx, readAll(ctx, []string{filepath.Join(dir, "article.txt")}, false), 1) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		got = append(got, r.Article)
	}
	if len(got) != 1 {
		t.Fatalf("got %d articles, want 1", len(got))
	}
	return got[0], want
}

// TestKyivStrike is the acceptance test of DESIGN.md: the analysis of the
// seed article must contain what expected.json says.
func TestKyivStrike(t *testing.T) {
	a, want := analyzeKyiv(t)
	t.Run("cleaning", func(t *testing.T) {
		if a.Title != want.Title {
			t.Errorf("title = %q, want %q", a.Title, want.Title)
		}
		paras := strings.Split(a.Text, "\n\n")
		if len(paras) != want.Cleaning.Paragraphs {
			t.Errorf("%d body paragraphs, want %d", len(paras), want.Cleaning.Paragraphs)
		}
		if n := strings.Count(a.Text, want.Cleaning.KeptOnce); n != 1 {
			t.Errorf("repeated paragraph kept %d times, want once", n)
		}
		for _, line := range want.Cleaning.MustRemove {
			for _, p := range paras {
				if strings.TrimSpace(p) == line {
					t.Errorf("line %q was not removed", line)
				}
			}
		}
	})
	t.Run("entities", func(t *testing.T) { checkKyivEntities(t, a, want) })
	t.Run("quotes", func(t *testing.T) { checkKyivQuotes(t, a, want) })
	t.Run("counts", func(t *testing.T) { checkKyivCounts(t, a, want) })
	t.Run("places", func(t *testing.T) { checkKyivPlaces(t, a, want) })
	t.Run("events", func(t *testing.T) { checkKyivEvents(t, a, want) })
	t.Run("tone", func(t *testing.T) {
		if a.Tone == nil || a.Tone.Score >= 0 {
			t.Errorf("tone %+v, want clearly negative", a.Tone)
		}
	})
	t.Run("themes", func(t *testing.T) {
		wanted := []string{"ARMED_CONFLICT", "PEACE_TALKS", "CEASEFIRE", "TERRITORY", "DIPLOMACY"}
		if !slices.ContainsFunc(a.Themes, func(th string) bool { return slices.Contains(wanted, th) }) {
			t.Errorf("themes %v, want one of %v", a.Themes, wanted)
		}
	})
}

func entityByName(a *tidings.Article, name string) *tidings.Entity {
	for i := range a.Entities {
		if a.Entities[i].Name == name {
			return &a.Entities[i]
		}
	}
	return nil
}

func checkKyivEntities(t *testing.T, a *tidings.Article, want kyivExpected) {
	for _, w := range want.Entities.Must {
		e := entityByName(a, w.Name)
		if e == nil {
			t.Errorf("no entity %q", w.Name)
			continue
		}
		if e.Type != w.Type || e.Country != w.Country {
			t.Errorf("%s: type %s country %s, want %s %s", w.Name, e.Type, e.Country, w.Type, w.Country)
		}
		for _, m := range w.Mentions {
			if !slices.ContainsFunc(e.Mentions, func(s tidings.Span) bool { return s.Text == m }) {
				t.Errorf("%s: mention %q not grouped under it", w.Name, m)
			}
		}
	}
	for _, bad := range want.Entities.MustNot {
		for _, e := range a.Entities {
			if e.Name == bad {
				t.Errorf("entity %q must not be found", bad)
			}
		}
	}
	for _, r := range want.Roles {
		e := entityByName(a, r.Entity)
		if e == nil {
			continue
		}
		if !strings.EqualFold(strings.ReplaceAll(e.Role, "-", " "), strings.ReplaceAll(r.Role, "-", " ")) {
			t.Errorf("%s: role %q, want %q", r.Entity, e.Role, r.Role)
		}
	}
}

func checkKyivQuotes(t *testing.T, a *tidings.Article, want kyivExpected) {
	for _, w := range want.Quotes.Must {
		n := 0
		for _, q := range a.Quotes {
			if q.Text != w.Text {
				continue
			}
			n++
			if q.Speaker == nil || *q.Speaker != w.Speaker {
				t.Errorf("quote %q: speaker %v, want %s", w.Text, q.Speaker, w.Speaker)
			}
			if w.Cue != "" && q.Cue != w.Cue {
				t.Errorf("quote %q: cue %q, want %q", w.Text, q.Cue, w.Cue)
			}
		}
		if n != 1 {
			t.Errorf("quote %q found %d times, want once", w.Text, n)
		}
	}
	for _, bad := range want.Quotes.MustNot {
		for _, q := range a.Quotes {
			if q.Text == bad {
				t.Errorf("%q must not be a quote", bad)
			}
		}
	}
}

func checkKyivCounts(t *testing.T, a *tidings.Article, want kyivExpected) {
	for _, w := range want.Counts.Must {
		n := 0
		for _, c := range a.Counts {
			if c.Kind == w.Kind && c.Number == w.Number {
				n++
				if w.Qualifier != "" && c.Qualifier != w.Qualifier {
					t.Errorf("%s %d: qualifier %q, want %q", w.Kind, w.Number, c.Qualifier, w.Qualifier)
				}
			}
		}
		if n != 1 {
			t.Errorf("count %s %d found %d times, want once", w.Kind, w.Number, n)
		}
	}
	if len(a.Counts) != len(want.Counts.Must) {
		t.Errorf("%d counts, want %d: %+v", len(a.Counts), len(want.Counts.Must), a.Counts)
	}
}

func checkKyivPlaces(t *testing.T, a *tidings.Article, want kyivExpected) {
	for _, w := range want.Places.Must {
		i := slices.IndexFunc(a.Places, func(p tidings.Place) bool { return p.Name == w.Name })
		if i < 0 {
			t.Errorf("no place %q", w.Name)
			continue
		}
		p := a.Places[i]
		if p.Country != w.Country {
			t.Errorf("%s: country %s, want %s", w.Name, p.Country, w.Country)
		}
		if w.Tolerance > 0 {
			if d := gazetteer.DistanceKm(p.Lat, p.Lon, w.Lat, w.Lon); d > w.Tolerance {
				t.Errorf("%s: %.1f km from where it should be", w.Name, d)
			}
		}
	}
}

type kyivEvent struct {
	Type             string   `json:"type"`
	Actor            string   `json:"actor"`
	ActorCountry     string   `json:"actor_country"`
	Recipient        string   `json:"recipient"`
	RecipientCountry string   `json:"recipient_country"`
	Location         string   `json:"location"`
	Triggers         []string `json:"trigger_any_of"`
}

// matches says whether e has every field w names.
func (w kyivEvent) matches(a *tidings.Article, e tidings.Event) bool {
	actorOK := func(act *tidings.Actor, name, country string) bool {
		if name == "" && country == "" {
			return true
		}
		if act == nil {
			return false
		}
		if name != "" && act.Name != name {
			return false
		}
		return country == "" || act.Country == country
	}
	return e.Type == w.Type &&
		actorOK(e.Actor, w.Actor, w.ActorCountry) &&
		actorOK(e.Recipient, w.Recipient, w.RecipientCountry) &&
		(w.Location == "" || e.Location == w.Location) &&
		(len(w.Triggers) == 0 || slices.Contains(w.Triggers, e.Trigger))
}

func checkKyivEvents(t *testing.T, a *tidings.Article, want kyivExpected) {
	for _, w := range want.Events.Must {
		if !slices.ContainsFunc(a.Events, func(e tidings.Event) bool { return w.matches(a, e) }) {
			t.Errorf("no event %+v among %d events", w, len(a.Events))
		}
	}
	for _, w := range want.Events.MustNot {
		for _, e := range a.Events {
			if w.matches(a, e) {
				t.Errorf("event %+v must not be found", e)
			}
		}
	}
}
