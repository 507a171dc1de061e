package tidings

import "time"

// This file holds the parameter and result types of the analytical queries
// behind the HTTP API (tidings serve): attention over time, top entities,
// entity pages, quotes, events, places and the actor network. Stores that
// answer them (package sqlite) and the server share these types; they carry
// no logic.

// ArticleFilter selects stored articles; every analytical query takes one.
// Empty fields do not filter. Text uses SQLite FTS5 syntax (phrases,
// AND/OR/NOT, prefix*).
type ArticleFilter struct {
	Text string
	// Entity is an entity's canonical name (case-insensitive).
	Entity string
	// EntityType keeps articles naming an entity of this type (PERSON, ORG…).
	EntityType string
	// ActorCountry keeps articles with an event whose actor has this
	// ISO 3166-1 alpha-3 country code.
	ActorCountry string
	// EventType is a PLOVER event type (ASSAULT, PROTEST…).
	EventType string
	Theme     string
	// Place is a place name (case-insensitive).
	Place    string
	Source   string
	Language string
	// From is inclusive, To exclusive; both compare with the published date.
	From, To *time.Time
	// IncludeDuplicates keeps articles marked as copies of earlier ones;
	// analytical counts leave them out by default.
	IncludeDuplicates bool
}

// ArticleQuery is a search: a filter, an order and a page.
type ArticleQuery struct {
	ArticleFilter
	// Sort is "date" (newest first, the default) or "relevance".
	Sort string
	// Limit is the page size; 0 or less means the store's largest page.
	Limit  int
	Cursor string
	// NoTotal skips counting the matches (exports page through a whole
	// result and need no total).
	NoTotal bool
	// Collapse is "" (one hit per article) or CollapseStory: one hit per
	// story, its earliest matching report, with Hit.Reports set.
	Collapse string
}

// CollapseStory is the ArticleQuery.Collapse value that returns one hit
// per story.
const CollapseStory = "story"

// Counting units of the analytical queries (TimelineQuery.Unit,
// FacetQuery.Unit): articles (the default) or distinct stories, so that a
// story covered by twenty outlets weighs as much as one covered by one.
// An article without a story counts as a story of its own.
const (
	UnitArticles = "articles"
	UnitStories  = "stories"
)

// Timeline intervals.
const (
	IntervalHour = "hour"
	IntervalDay  = "day"
	IntervalWeek = "week"
)

// TimelineQuery asks for attention over time.
type TimelineQuery struct {
	ArticleFilter
	// Interval is IntervalHour, IntervalDay (default) or IntervalWeek.
	Interval string
	// Split is "", "source" or "event_type": one series per value.
	Split string
	// MaxSeries bounds the number of split series (largest first).
	MaxSeries int
	// Unit is UnitArticles (default) or UnitStories: what Count and Total
	// count.
	Unit string
}

// TimelineBucket is one interval of a timeline. Count is the number of
// matching articles, Total the number of stored articles in the interval and
// Ratio = Count / Total (attention normalised as Media Cloud does).
type TimelineBucket struct {
	Time  time.Time `json:"date"`
	Count int       `json:"count"`
	Total int       `json:"total"`
	Ratio float64   `json:"ratio"`
}

// TimelineSeries is one split series of a timeline.
type TimelineSeries struct {
	Key     string           `json:"key"`
	Buckets []TimelineBucket `json:"buckets"`
}

// Timeline is attention over time: all matching articles, plus one series
// per split value when a split was asked for.
type Timeline struct {
	Interval string           `json:"interval"`
	Buckets  []TimelineBucket `json:"buckets"`
	Series   []TimelineSeries `json:"series,omitempty"`
	// Unit says what the counts count: UnitArticles or UnitStories.
	Unit string `json:"unit,omitempty"`
}

// FacetQuery asks for the most frequent values among matching articles.
type FacetQuery struct {
	ArticleFilter
	Limit int
	// Unit is UnitArticles (default) or UnitStories: with stories the
	// counts (Facet.Count, EntityCount.Articles) are distinct stories.
	Unit string
}

// EntityCount is an entity with how often it appears among matching articles.
// ID is the entity's key in the API: its canonical name.
type EntityCount struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Country  string `json:"country,omitempty"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// Facet is one value of a field with the number of matching articles.
type Facet struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Facets are the top values among matching articles, for a search page.
type Facets struct {
	Entities   []EntityCount `json:"entities"`
	Themes     []Facet       `json:"themes"`
	Sources    []Facet       `json:"sources"`
	EventTypes []Facet       `json:"event_types"`
	// Unit says what the counts count: UnitArticles or UnitStories.
	Unit string `json:"unit,omitempty"`
}

// ArticleRef names the article a fact comes from.
type ArticleRef struct {
	ArticleID string     `json:"article_id"`
	Title     string     `json:"title"`
	Source    string     `json:"source"`
	Published *time.Time `json:"published"`
}

// QuoteQuery selects quotes. Speaker matches the canonical speaker name
// (case-insensitive); Text is an FTS5 query over the article text.
type QuoteQuery struct {
	Speaker  string
	Text     string
	From, To *time.Time
	Limit    int
}

// QuoteHit is a quote with the article it comes from.
type QuoteHit struct {
	ArticleRef
	Quote Quote `json:"quote"`
}

// EventQuery selects events. Actor and Recipient match actor names or
// entity canonical names (case-insensitive); Country matches actor or
// recipient country; Place matches the event location.
type EventQuery struct {
	Type      string
	Actor     string
	Recipient string
	Country   string
	Place     string
	From, To  *time.Time
	Limit     int
}

// EventHit is an event with the article it comes from.
type EventHit struct {
	ArticleRef
	Event Event `json:"event"`
}

// CountAggregate sums casualty figures of one day and place.
type CountAggregate struct {
	Day      string `json:"day"` // YYYY-MM-DD (published date)
	Place    string `json:"place"`
	Killed   int    `json:"killed"`
	Wounded  int    `json:"wounded"`
	Arrested int    `json:"arrested"`
	Articles int    `json:"articles"`
}

// EventResult is a page of events with casualty aggregates.
type EventResult struct {
	Events     []EventHit       `json:"events"`
	Total      int              `json:"total"`
	Aggregates []CountAggregate `json:"aggregates"`
}

// PlaceAggregate is one geocoded place with what happened there.
type PlaceAggregate struct {
	Name     string  `json:"name"`
	Country  string  `json:"country"`
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	Articles int     `json:"articles"`
	Events   int     `json:"events"`
	Killed   int     `json:"killed"`
	Wounded  int     `json:"wounded"`
}

// EntitySummary is everything an entity page shows.
type EntitySummary struct {
	EntityCount
	Roles       []Facet          `json:"roles"`
	Timeline    []TimelineBucket `json:"timeline"`
	CoOccurring []EntityCount    `json:"co_occurring"`
	Quotes      []QuoteHit       `json:"quotes"`
	AsActor     []EventHit       `json:"as_actor"`
	AsRecipient []EventHit       `json:"as_recipient"`
}

// NetworkEdge is who did what to whom, and how often.
type NetworkEdge struct {
	Actor     string `json:"actor"`
	Recipient string `json:"recipient"`
	Type      string `json:"type"`
	Count     int    `json:"count"`
}

// NetworkNode is an actor of the network with its number of events.
type NetworkNode struct {
	ID      string `json:"id"`
	Country string `json:"country,omitempty"`
	Events  int    `json:"events"`
}

// Network is the actor network of matching events.
type Network struct {
	Nodes []NetworkNode `json:"nodes"`
	Edges []NetworkEdge `json:"edges"`
}

// StoryReport is one report (article) of a story.
type StoryReport struct {
	ID          string     `json:"id"`
	Title       string     `json:"title"`
	Source      string     `json:"source"`
	URL         string     `json:"url"`
	Published   *time.Time `json:"published"`
	DuplicateOf *string    `json:"duplicate_of"`
}
