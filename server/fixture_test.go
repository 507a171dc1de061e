package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/sqlite"
)

// The fixture is a handful of invented articles with every kind of fact,
// built in code so that offsets are always right, plus one article whose
// every field carries script-injection payloads. Each payload, if it ever
// ran, would set window.__xss.

// xssPayloads are the strings the XSS article carries.
var xssPayloads = []string{
	`<script>window.__xss=1</script>`,
	`<img src=x onerror="window.__xss=2">`,
	`javascript:window.__xss=3`,
	`"><svg onload=window.__xss=4>`,
}

// builder builds an article with code-point offsets found by substring.
type builder struct{ a *tidings.Article }

func newArticle(id, source, title, date, text string) *builder {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		panic(err)
	}
	t = t.Add(9 * time.Hour)
	return &builder{a: &tidings.Article{
		ID: id, URL: "https://" + source + "/" + id, Source: source, Title: title, Published: &t,
		Language: "en", Text: text, Extractor: tidings.Version,
	}}
}

// span returns the first span of sub in the text (after code point from).
func (b *builder) span(sub string, from int) tidings.Span {
	text := []rune(b.a.Text)
	i := strings.Index(string(text[from:]), sub)
	if i < 0 {
		panic(fmt.Sprintf("fixture %s: %q not in text", b.a.ID, sub))
	}
	start := from + utf8.RuneCountInString(string(text[from:])[:i])
	return tidings.Span{Text: sub, Start: start, End: start + utf8.RuneCountInString(sub)}
}

// sentence returns the span of the sentence (ending in '.') around sub.
func (b *builder) sentence(sub string) tidings.Span {
	s := b.span(sub, 0)
	text := []rune(b.a.Text)
	start, end := s.Start, s.End
	for start > 0 && !(text[start-1] == '\n' || (start > 1 && text[start-2] == '.' && text[start-1] == ' ')) {
		start--
	}
	for end < len(text) && text[end-1] != '.' {
		end++
	}
	return tidings.Span{Text: string(text[start:end]), Start: start, End: end}
}

func (b *builder) entity(id, name, typ, country, role string, mentions ...string) *builder {
	e := tidings.Entity{ID: id, Name: name, Type: typ, Country: country, Role: role}
	for _, m := range mentions {
		e.Mentions = append(e.Mentions, b.span(m, 0))
	}
	b.a.Entities = append(b.a.Entities, e)
	return b
}

func (b *builder) quote(text, speaker, eid, mention, cue string) *builder {
	s := b.span(text, 0)
	q := tidings.Quote{Text: text, Start: s.Start, End: s.End, Cue: cue, SpeakerEntity: eid}
	if speaker != "" {
		q.Speaker = &speaker
		m := b.span(mention, 0)
		q.SpeakerMention = &m
	}
	sent := b.sentence(text)
	q.Sentence = &sent
	b.a.Quotes = append(b.a.Quotes, q)
	return b
}

func (b *builder) event(typ, trigger string, actor, recipient *tidings.Actor, location string) *builder {
	ts := b.span(trigger, 0)
	b.a.Events = append(b.a.Events, tidings.Event{Type: typ, Trigger: trigger, TriggerSpan: &ts,
		Actor: actor, Recipient: recipient, Location: location, Sentence: b.sentence(trigger)})
	return b
}

func (b *builder) count(kind string, n int, text, location string) *builder {
	s := b.span(text, 0)
	sent := b.sentence(text)
	b.a.Counts = append(b.a.Counts, tidings.Count{Kind: kind, Number: n, Qualifier: "exact", Object: "people",
		Location: location, Start: s.Start, End: s.End, Text: text, Sentence: &sent})
	return b
}

func (b *builder) place(name, country string, lat, lon float64) *builder {
	b.a.Places = append(b.a.Places, tidings.Place{Name: name, Country: country, Lat: lat, Lon: lon})
	return b
}

func (b *builder) themes(t ...string) *builder { b.a.Themes = t; return b }

func actor(name, eid, country, sector string) *tidings.Actor {
	return &tidings.Actor{Name: name, Entity: eid, Country: country, Sector: sector}
}

// fixtureArticles returns the fixture, newest last.
func fixtureArticles() []*tidings.Article {
	strike := newArticle("kyiv-strike", "kyiv.example", "Missile strike on Kyiv kills 12",
		"2025-04-24", "🚀 Russian missiles struck Kyiv overnight. At least 12 people were killed and 90 wounded in the capital.\n\n"+
			"Donald Trump said: \"Vladimir, STOP!\" on social media. Volodymyr Zelensky cut short a visit abroad.").
		entity("e1", "Russia", "GPE", "RUS", "", "Russian").
		entity("e2", "Kyiv", "GPE", "UKR", "", "Kyiv").
		entity("e3", "Donald Trump", "PERSON", "USA", "President", "Donald Trump").
		entity("e4", "Volodymyr Zelensky", "PERSON", "UKR", "President", "Volodymyr Zelensky").
		quote("Vladimir, STOP!", "Donald Trump", "e3", "Donald Trump", "said").
		event("ASSAULT", "struck", actor("Russia", "e1", "RUS", "MIL"), actor("Kyiv", "e2", "UKR", "CVL"), "Kyiv").
		count("KILL", 12, "12 people were killed", "Kyiv").
		count("WOUND", 90, "90 wounded", "Kyiv").
		place("Kyiv", "UA", 50.45, 30.52).themes("ARMED_CONFLICT").a
	appeal := newArticle("zelensky-appeal", "news.example", "Zelensky asks allies for air defence",
		"2025-04-25", "Volodymyr Zelensky asked the United States for more air defence systems. \"We need Patriots now,\" Zelensky said in Kyiv.").
		entity("e1", "Volodymyr Zelensky", "PERSON", "UKR", "President", "Volodymyr Zelensky", "Zelensky").
		entity("e2", "United States", "GPE", "USA", "", "United States").
		entity("e3", "Kyiv", "GPE", "UKR", "", "Kyiv").
		quote("We need Patriots now,", "Volodymyr Zelensky", "e1", "Zelensky", "said").
		event("REQUEST", "asked", actor("Volodymyr Zelensky", "e1", "UKR", "GOV"), actor("United States", "e2", "USA", "GOV"), "Kyiv").
		place("Kyiv", "UA", 50.45, 30.52).themes("ARMED_CONFLICT", "MILITARY_AID").a
	protest := newArticle("tbilisi-protest", "news.example", "Thousands protest in Tbilisi",
		"2025-04-20", "Thousands of protesters rallied in Tbilisi against the government. Police arrested 30 people near parliament.").
		entity("e1", "Tbilisi", "GPE", "GEO", "", "Tbilisi").
		entity("e2", "Police", "ORG", "GEO", "", "Police").
		event("PROTEST", "rallied", actor("protesters", "", "GEO", "CVL"), actor("government", "", "GEO", "GOV"), "Tbilisi").
		event("COERCE", "arrested", actor("Police", "e2", "GEO", "COP"), actor("people", "", "GEO", "CVL"), "Tbilisi").
		count("ARREST", 30, "arrested 30 people", "Tbilisi").
		place("Tbilisi", "GE", 41.69, 44.80).themes("PROTEST").a
	talks := newArticle("istanbul-talks", "wire.example", "Russia and Ukraine meet for talks in Istanbul",
		"2025-04-26", "Delegations of Russia and Ukraine met in Istanbul for talks. \"Progress is possible,\" one diplomat said.").
		entity("e1", "Russia", "GPE", "RUS", "", "Russia").
		entity("e2", "Ukraine", "GPE", "UKR", "", "Ukraine").
		entity("e3", "Istanbul", "GPE", "TUR", "", "Istanbul").
		quote("Progress is possible,", "", "", "", "said").
		event("CONSULT", "met", actor("Russia", "e1", "RUS", "GOV"), actor("Ukraine", "e2", "UKR", "GOV"), "Istanbul").
		place("Istanbul", "TR", 41.01, 28.95).themes("PEACE_TALKS").a
	evil := strings.Join(xssPayloads, " ")
	xss := newArticle("xss-article", "evil.example", "Breaking "+evil,
		"2025-04-23", "Kyiv officials said "+evil+" was posted. The group <b>Evil</b> said: \"<script>window.__xss=9</script> Kyiv\" in a statement.").
		entity("e1", `<img src=x onerror="window.__xss=2">`, "PERSON", "", "javascript:window.__xss=3", `<img src=x onerror="window.__xss=2">`).
		entity("e2", "Kyiv", "GPE", "UKR", "", "Kyiv").
		quote("<script>window.__xss=9</script> Kyiv", `<img src=x onerror="window.__xss=2">`, "e1", "<b>Evil</b>", "said").
		event("ACCUSE", "posted", actor(`<svg onload=window.__xss=4>`, "e1", "", ""), actor("Kyiv", "e2", "UKR", ""), "Kyiv").
		place("Kyiv", "UA", 50.45, 30.52).themes("<script>window.__xss=5</script>").a
	xss.URL = "javascript:window.__xss=6"
	xss.Source = `"><script>window.__xss=7</script>`
	xss.Authors = []string{`<script>window.__xss=8</script>`}
	copyOf := "kyiv-strike"
	dup := newArticle("kyiv-strike-copy", "copy.example", "Missile strike on Kyiv kills 12 (copy)",
		"2025-04-24", "Russian missiles struck Kyiv overnight, a copied report said.").
		entity("e1", "Russia", "GPE", "RUS", "", "Russian").a
	dup.DuplicateOf = &copyOf
	arts := []*tidings.Article{protest, xss, strike, dup, appeal, talks}
	for _, a := range arts {
		a.Normalize()
	}
	return arts
}

// openFixtureStore returns a temporary store holding the fixture.
func openFixtureStore(t testing.TB) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "fixture.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, a := range fixtureArticles() {
		st, err := db.Put(ctx, a)
		if err != nil {
			t.Fatalf("put %s: %v", a.ID, err)
		}
		if st != tidings.Stored {
			t.Fatalf("put %s: status %v", a.ID, st)
		}
	}
	return db
}

// fakeAnalyzer makes a bare record of a document: its text, no facts.
type fakeAnalyzer struct{}

func (fakeAnalyzer) Analyze(ctx context.Context, doc *tidings.Document) (*tidings.Article, error) {
	if len(strings.TrimSpace(string(doc.Body))) == 0 {
		return nil, fmt.Errorf("%s: empty document", doc.Name)
	}
	a := &tidings.Article{ID: doc.ID, URL: doc.URL, Title: doc.Title, Source: doc.Source,
		Published: doc.Published, Text: string(doc.Body), Language: "en", Extractor: "fake"}
	if a.ID == "" {
		sum := sha256.Sum256(doc.Body)
		a.ID = hex.EncodeToString(sum[:8])
	}
	a.Normalize()
	return a, nil
}

const testToken = "s3cret-token"

// newTestServer serves the fixture store over HTTP.
func newTestServer(t testing.TB, opts Options) (*httptest.Server, *sqlite.DB) {
	t.Helper()
	db := openFixtureStore(t)
	srv := httptest.NewServer(New(db, fakeAnalyzer{}, opts))
	t.Cleanup(srv.Close)
	return srv, db
}
