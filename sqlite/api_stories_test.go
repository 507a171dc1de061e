package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/tidings/tidings"
)

// TestStoryQueries checks the story side of the API queries on a store
// with the coverage hooks on: a story of two reports plus a near-duplicate,
// and a story of one.
func TestStoryQueries(t *testing.T) {
	ctx := context.Background()
	db := openCoverage(t, filepath.Join(t.TempDir(), "stories.db"))
	defer db.Close()
	orig := dedupFixture(t, "original.txt")
	at := func(d int) *time.Time { x := time.Date(2025, 3, d, 9, 0, 0, 0, time.UTC); return &x }
	for _, a := range []*tidings.Article{
		{ID: "orig", URL: "https://a.example/1", Source: "a.example", Title: "Floods", Text: orig, Published: at(10)},
		{ID: "copy", URL: "https://b.example/1", Source: "b.example", Title: "Floods (wire)", Text: "UPDATED: " + orig, Published: at(10)},
		{ID: "next", URL: "https://c.example/1", Source: "c.example", Title: "Flood toll", Text: "The flood toll rose.", Published: at(11), Story: ptr("orig")},
		{ID: "bank", URL: "https://a.example/2", Source: "a.example", Title: "Rates", Text: dedupFixture(t, "unrelated.txt"), Published: at(11)},
	} {
		mustPut(t, db, a)
	}
	tests := []struct {
		name string
		run  func() (any, error)
		want string // fmt %v of the result
	}{
		{"timeline", func() (any, error) {
			tl, err := db.Timeline(ctx, tidings.TimelineQuery{Unit: tidings.UnitStories})
			if err != nil {
				return nil, err
			}
			var out []int
			for _, b := range tl.Buckets {
				out = append(out, b.Count, b.Total)
			}
			return out, nil
		}, "[1 1 2 2]"},
		{"timeline with copies", func() (any, error) {
			tl, err := db.Timeline(ctx, tidings.TimelineQuery{Unit: tidings.UnitStories,
				ArticleFilter: tidings.ArticleFilter{Source: "b.example", IncludeDuplicates: true}})
			if err != nil {
				return nil, err
			}
			return []int{tl.Buckets[0].Count, tl.Buckets[0].Total}, nil
		}, "[1 1]"},
		{"sources", func() (any, error) {
			return db.TopValues(ctx, "source", tidings.FacetQuery{Unit: tidings.UnitStories})
		}, "[{a.example 2} {c.example 1}]"},
		{"collapse", func() (any, error) {
			res, err := db.Articles(ctx, tidings.ArticleQuery{Collapse: tidings.CollapseStory})
			if err != nil {
				return nil, err
			}
			var out []any
			for _, h := range res.Hits {
				out = append(out, h.ID, h.Reports)
			}
			return append(out, res.Total), nil
		}, "[bank 1 orig 2 2]"}, // both last reported on the 11th; bank was stored later
		{"reports", func() (any, error) {
			rs, err := db.StoryReports(ctx, "orig")
			var ids []string
			for _, r := range rs {
				ids = append(ids, r.ID+":"+strOf(r.DuplicateOf))
			}
			return ids, err
		}, "[orig:<nil> copy:orig next:<nil>]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.run()
			if err != nil {
				t.Fatal(err)
			}
			if s := fmt.Sprint(got); s != tc.want {
				t.Errorf("got %s, want %s", s, tc.want)
			}
		})
	}
}

func TestStoryQueryErrors(t *testing.T) {
	ctx := context.Background()
	db := openCoverage(t, filepath.Join(t.TempDir(), "e.db"))
	defer db.Close()
	var qe *QueryError
	if _, err := db.Timeline(ctx, tidings.TimelineQuery{Unit: "events"}); !errors.As(err, &qe) || qe.Param != "unit" {
		t.Errorf("timeline unit: %v", err)
	}
	if _, err := db.TopEntities(ctx, tidings.FacetQuery{Unit: "x"}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("entities unit: %v", err)
	}
	if _, err := db.TopValues(ctx, "theme", tidings.FacetQuery{Unit: "x"}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("values unit: %v", err)
	}
	if _, err := db.Articles(ctx, tidings.ArticleQuery{Collapse: "source"}); !errors.As(err, &qe) || qe.Param != "collapse" {
		t.Errorf("collapse: %v", err)
	}
	if _, err := db.StoryReports(ctx, "none"); !errors.Is(err, tidings.ErrNotFound) {
		t.Errorf("unknown story: %v", err)
	}
}
