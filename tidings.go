// Package tidings holds the domain types of the tidings news-analysis system:
// the raw Document that enters the flow and the Article record that leaves it,
// with its facts (entities, quotes, events, counts, places, tone, themes).
//
// It imports nothing of the project; every stage imports it. The JSON form of
// Article is the public contract described in DESIGN.md: fields may be added,
// never renamed or dropped. All offsets are Unicode code points into
// Article.Text, so that Python's text[start:end] is the span.
package tidings

import (
	"errors"
	"time"
)

// Version names the analyzer build; it is stamped on every record so a fact
// can be traced to the code and models that produced it.
const Version = "tidings/0.1.0"

// Format says how a Document's body is to be read.
type Format string

const (
	FormatText Format = "text"
	FormatHTML Format = "html"
)

// Document is one raw input before analysis: bytes plus what the source knew
// about them.
type Document struct {
	// Name identifies the input in messages: a path, "path:line", or a URL.
	Name      string
	ID        string
	URL       string
	Title     string
	Source    string
	Published *time.Time
	// Crawled is when the page was fetched (a WARC record's WARC-Date, a
	// feed item's fetch time): the fallback date when the page names none.
	Crawled *time.Time
	Authors []string
	Format  Format
	Body    []byte
	// Raw asks for analysis of Body exactly as given: no extraction, no
	// cleaning, so offsets are offsets into the input.
	Raw bool
}

// Article is the analysed record of one document: the contract.
type Article struct {
	ID        string     `json:"id"`
	URL       string     `json:"url"`
	Source    string     `json:"source"`
	Title     string     `json:"title"`
	Published *time.Time `json:"published"`
	Authors   []string   `json:"authors"`
	Language  string     `json:"language"`
	Text      string     `json:"text"`
	Removed   []Removal  `json:"removed"`
	Entities  []Entity   `json:"entities"`
	Quotes    []Quote    `json:"quotes"`
	Events    []Event    `json:"events"`
	Counts    []Count    `json:"counts"`
	Places    []Place    `json:"places"`
	Tone      *Tone      `json:"tone"`
	Themes    []string   `json:"themes"`
	Story     *string    `json:"story"`
	// DuplicateOf is the id of an earlier stored article this one copies.
	DuplicateOf *string `json:"duplicate_of"`
	// Extractor is the analyzer version that produced the facts.
	Extractor string `json:"extractor"`
}

// Removal is a piece of the input that cleaning dropped, kept so the
// decision can be checked.
type Removal struct {
	Kind string `json:"kind"` // RemovedBoilerplate, RemovedDuplicate, RemovedRelatedLink
	Text string `json:"text"`
}

// Removal kinds.
const (
	RemovedBoilerplate = "boilerplate"
	RemovedDuplicate   = "duplicate"
	RemovedRelated     = "related-link"
)

// Span is a stretch of Article.Text.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is a canonical entity of one article with all its mentions.
type Entity struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"` // PERSON ORG GPE LOC NORP ...
	Country  string `json:"country,omitempty"`
	Sector   string `json:"sector,omitempty"`
	Role     string `json:"role,omitempty"`
	Mentions []Span `json:"mentions"`
}

// Entity types.
const (
	EntityPerson = "PERSON"
	EntityOrg    = "ORG"
	EntityGPE    = "GPE"
	EntityLoc    = "LOC"
	EntityNORP   = "NORP"
)

// Quote is a direct quotation with the one who said it.
type Quote struct {
	Text           string  `json:"text"`
	Start          int     `json:"start"`
	End            int     `json:"end"`
	Speaker        *string `json:"speaker"`
	SpeakerEntity  string  `json:"speaker_entity,omitempty"`
	SpeakerMention *Span   `json:"speaker_mention"`
	Cue            string  `json:"cue"`
	Partial        bool    `json:"partial"`
	Sentence       *Span   `json:"sentence,omitempty"`
}

// Actor is the doer or target of an event.
type Actor struct {
	Name    string `json:"name"`
	Entity  string `json:"entity,omitempty"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
}

// Event is a PLOVER-coded event found in one sentence.
type Event struct {
	Type         string `json:"type"`
	Mode         string `json:"mode,omitempty"`
	Trigger      string `json:"trigger"`
	TriggerSpan  *Span  `json:"trigger_span,omitempty"`
	Actor        *Actor `json:"actor"`
	Recipient    *Actor `json:"recipient"`
	Location     string `json:"location,omitempty"`
	Date         string `json:"date,omitempty"`
	Negated      bool   `json:"negated"`
	Hypothetical bool   `json:"hypothetical"`
	Sentence     Span   `json:"sentence"`
}

// Count is a casualty or arrest figure.
type Count struct {
	Kind      string `json:"kind"` // KILL WOUND ARREST KIDNAP MISSING DISPLACE
	Number    int    `json:"number"`
	Qualifier string `json:"qualifier"` // exact at-least more-than about up-to
	Object    string `json:"object,omitempty"`
	Location  string `json:"location,omitempty"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text,omitempty"`
	Sentence  *Span  `json:"sentence,omitempty"`
	// Event is the index in Article.Events of the event the figure
	// belongs to (an ASSAULT for casualties, a COERCE for arrests), if any.
	Event *int `json:"event,omitempty"`
}

// Place is a geocoded location named in the article.
type Place struct {
	Name       string  `json:"name"`
	Country    string  `json:"country"` // ISO 3166-1 alpha-2
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	GeonamesID int     `json:"geonames_id,omitempty"`
	Entity     string  `json:"entity,omitempty"`
}

// Tone is a lexicon-based document tone in the manner of GDELT: score is
// positive minus negative, both as percentages of words.
type Tone struct {
	Score    float64 `json:"score"`
	Positive float64 `json:"positive"`
	Negative float64 `json:"negative"`
}

// Normalize replaces nil slices with empty ones so the record never has a
// missing or null list.
func (a *Article) Normalize() {
	if a.Authors == nil {
		a.Authors = []string{}
	}
	if a.Removed == nil {
		a.Removed = []Removal{}
	}
	if a.Entities == nil {
		a.Entities = []Entity{}
	}
	for i := range a.Entities {
		if a.Entities[i].Mentions == nil {
			a.Entities[i].Mentions = []Span{}
		}
	}
	if a.Quotes == nil {
		a.Quotes = []Quote{}
	}
	if a.Events == nil {
		a.Events = []Event{}
	}
	if a.Counts == nil {
		a.Counts = []Count{}
	}
	if a.Places == nil {
		a.Places = []Place{}
	}
	if a.Themes == nil {
		a.Themes = []string{}
	}
}

// ErrNotFound is returned by stores for an unknown id.
var ErrNotFound = errors.New("not found")

// InputError is a problem with one input (a file, a line of a file, a URL):
// it names the input so the user can find it, and never stops a batch.
type InputError struct {
	Name string // path, path:line or URL
	Err  error
}

func (e *InputError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }
