package events_test

import (
	"context"
	"github.com/tidings/tidings/internal/shared"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/counts"
	"github.com/tidings/tidings/events"
	"github.com/tidings/tidings/nlp"
	"github.com/tidings/tidings/quotes"
	"github.com/tidings/tidings/themes"
	"github.com/tidings/tidings/tone"
)

// kyivArticle cleans the example article the way the cleaner does (title
// line, "Advertisement" and "Read also|" lines and repeated paragraphs
// dropped) and gives it hand-made entities, so the facts can be tested
// apart from cleaning and entity recognition.
func kyivArticle(t testing.TB) *tidings.Article {
	b, err := os.ReadFile(filepath.Join(shared.Dir(t, "examples", "kyiv-strike"), "article.txt"))
	if err != nil {
		t.Skipf("example article absent: %v", err)
	}
	var kept []string
	seen := map[string]bool{}
	for i, p := range regexp.MustCompile(`\n\s*\n`).Split(string(b), -1) {
		p = strings.TrimSpace(p)
		if i == 0 || p == "" || p == "Advertisement" || strings.HasPrefix(p, "Read also|") || seen[p] {
			continue
		}
		seen[p] = true
		kept = append(kept, p)
	}
	pub := time.Date(2025, 4, 24, 12, 0, 0, 0, time.UTC)
	a := &tidings.Article{Text: strings.Join(kept, "\n\n"), Published: &pub}
	type ent struct {
		name, typ, country, role string
		forms                    []string
	}
	list := []ent{
		{"Donald Trump", "PERSON", "USA", "President", []string{"Donald Trump", "Trump"}},
		{"Vladimir Putin", "PERSON", "RUS", "President", []string{"Vladimir Putin", "Putin"}},
		{"Volodymyr Zelensky", "PERSON", "UKR", "President", []string{"Volodymyr Zelensky", "Zelensky"}},
		{"Sergei Lavrov", "PERSON", "RUS", "Foreign Minister", []string{"Sergei Lavrov", "Lavrov"}},
		{"JD Vance", "PERSON", "USA", "Vice-President", []string{"JD Vance"}},
		{"Cyril Ramaphosa", "PERSON", "ZAF", "President", []string{"Cyril Ramaphosa"}},
		{"Kyiv", "GPE", "UKR", "", []string{"Kyiv"}},
		{"Russia", "GPE", "RUS", "", []string{"Russia"}},
		{"Ukraine", "GPE", "UKR", "", []string{"Ukraine"}},
		{"United States", "GPE", "USA", "", []string{"US"}},
		{"South Africa", "GPE", "ZAF", "", []string{"South Africa"}},
		{"Crimea", "GPE", "UKR", "", []string{"Crimea"}},
		{"Russian", "NORP", "RUS", "", []string{"Russian"}},
		{"Ukrainian", "NORP", "UKR", "", []string{"Ukrainian"}},
	}
	runes := []rune(a.Text)
	taken := make([]bool, len(runes))
	for i, e := range list {
		en := tidings.Entity{ID: "e" + string(rune('1'+i)), Name: e.name, Type: e.typ, Country: e.country, Role: e.role}
		if i >= 9 {
			en.ID = "e1" + string(rune('0'+i-9))
		}
		for _, f := range e.forms {
			re := regexp.MustCompile(`\b` + regexp.QuoteMeta(f) + `\b`)
			for _, m := range re.FindAllStringIndex(a.Text, -1) {
				s := len([]rune(a.Text[:m[0]]))
				n := len([]rune(f))
				if taken[s] || taken[s+n-1] {
					continue
				}
				for k := s; k < s+n; k++ {
					taken[k] = true
				}
				en.Mentions = append(en.Mentions, tidings.Span{Text: f, Start: s, End: s + n})
			}
		}
		sort.Slice(en.Mentions, func(i, j int) bool { return en.Mentions[i].Start < en.Mentions[j].Start })
		a.Entities = append(a.Entities, en)
	}
	return a
}

// annotateAll runs the fact annotators in their run-time order.
func annotateAll(t testing.TB, a *tidings.Article) {
	ctx := context.Background()
	p, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := p.AnalyzeContext(ctx, a.Text)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := events.New()
	if err != nil {
		t.Fatal(err)
	}
	tn, err := tone.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, an := range []interface {
		Annotate(context.Context, *nlp.Doc, *tidings.Article) error
	}{quotes.New(), ev, counts.New(), tn, themes.New()} {
		if err := an.Annotate(ctx, doc, a); err != nil {
			t.Fatal(err)
		}
	}
}

func TestKyiv(t *testing.T) {
	a := kyivArticle(t)
	annotateAll(t, a)
	speaker := func(q tidings.Quote) string {
		if q.Speaker == nil {
			return ""
		}
		return *q.Speaker
	}
	wantQuotes := []struct{ text, speaker, cue string }{
		{"Vladimir, STOP!", "Donald Trump", "implored"},
		{"not necessary", "Donald Trump", ""},
		{"a lot of pressure", "Donald Trump", "stated"},
		{"things will happen", "Donald Trump", "indicated"},
		{"fine-tuned", "Sergei Lavrov", "stated"},
	}
	for _, w := range wantQuotes {
		n := 0
		for _, q := range a.Quotes {
			if q.Text != w.text {
				continue
			}
			n++
			if speaker(q) != w.speaker || (w.cue != "" && q.Cue != w.cue) {
				t.Errorf("quote %q: speaker %q cue %q, want %q %q", w.text, speaker(q), q.Cue, w.speaker, w.cue)
			}
		}
		if n != 1 {
			t.Errorf("quote %q found %d times, want once", w.text, n)
		}
	}
	for _, q := range a.Quotes {
		if q.Text == "STOP!" {
			t.Error(`"STOP!" is a quote`)
		}
	}
	if len(a.Counts) != 2 {
		t.Errorf("counts %+v, want KILL 12 and WOUND 90", a.Counts)
	}
	for _, c := range a.Counts {
		ok := (c.Kind == "KILL" && c.Number == 12 && c.Qualifier == "at-least") || (c.Kind == "WOUND" && c.Number == 90)
		if !ok || c.Location != "Kyiv" {
			t.Errorf("count %+v", c)
		}
		if c.Event == nil || a.Events[*c.Event].Type != "ASSAULT" {
			t.Errorf("count %s %d is not tied to the ASSAULT", c.Kind, c.Number)
		}
	}
	has := func(typ string, f func(e tidings.Event) bool) bool {
		for _, e := range a.Events {
			if e.Type == typ && !e.Negated && !e.Hypothetical && f(e) {
				return true
			}
		}
		return false
	}
	name := func(x *tidings.Actor) string {
		if x == nil {
			return ""
		}
		return x.Name
	}
	country := func(x *tidings.Actor) string {
		if x == nil {
			return ""
		}
		return x.Country
	}
	if !has("ASSAULT", func(e tidings.Event) bool {
		return country(e.Actor) == "RUS" && country(e.Recipient) == "UKR" && e.Location == "Kyiv"
	}) {
		t.Error("no ASSAULT by Russia on Kyiv")
	}
	if !has("ACCUSE", func(e tidings.Event) bool {
		return name(e.Actor) == "Donald Trump" && name(e.Recipient) == "Vladimir Putin"
	}) {
		t.Error("no ACCUSE by Trump of Putin")
	}
	if !has("REQUEST", func(e tidings.Event) bool {
		return name(e.Actor) == "Volodymyr Zelensky" && country(e.Recipient) == "USA" && e.Trigger == "called for"
	}) {
		t.Error("no REQUEST by Zelensky of the US")
	}
	if a.Tone == nil || a.Tone.Score >= -1 {
		t.Errorf("tone %+v, want clearly negative", a.Tone)
	}
	if !slices.Contains(a.Themes, "ARMED_CONFLICT") || !slices.Contains(a.Themes, "PEACE_TALKS") {
		t.Errorf("themes %v", a.Themes)
	}
	if t.Failed() {
		dump(t, a)
	}
}

// benchArticle is a ~700-word news article written for the benchmark.
func benchArticle(b *testing.B) string {
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return string(text)
}

// BenchmarkAnnotators runs the five fact annotators on one analysed
// ~700-word article.
func BenchmarkAnnotators(b *testing.B) {
	text := benchArticle(b)
	p, err := nlp.Load()
	if err != nil {
		b.Fatal(err)
	}
	doc := p.Analyze(text)
	ev, _ := events.New()
	tn, _ := tone.New()
	ans := []interface {
		Annotate(context.Context, *nlp.Doc, *tidings.Article) error
	}{quotes.New(), ev, counts.New(), tn, themes.New()}
	ctx := context.Background()
	for b.Loop() {
		a := &tidings.Article{Text: text}
		for _, an := range ans {
			if err := an.Annotate(ctx, doc, a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkAnalyzeAndAnnotate adds the NLP analysis to each article.
func BenchmarkAnalyzeAndAnnotate(b *testing.B) {
	text := benchArticle(b)
	p, err := nlp.Load()
	if err != nil {
		b.Fatal(err)
	}
	ev, _ := events.New()
	tn, _ := tone.New()
	ans := []interface {
		Annotate(context.Context, *nlp.Doc, *tidings.Article) error
	}{quotes.New(), ev, counts.New(), tn, themes.New()}
	ctx := context.Background()
	for b.Loop() {
		doc := p.Analyze(text)
		a := &tidings.Article{Text: text}
		for _, an := range ans {
			if err := an.Annotate(ctx, doc, a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func dump(t *testing.T, a *tidings.Article) {
	for _, q := range a.Quotes {
		sp := "-"
		if q.Speaker != nil {
			sp = *q.Speaker
		}
		t.Logf("QUOTE %q speaker=%s cue=%s partial=%v", q.Text, sp, q.Cue, q.Partial)
	}
	for _, c := range a.Counts {
		t.Logf("COUNT %s %d %s %s loc=%s", c.Kind, c.Number, c.Qualifier, c.Object, c.Location)
	}
	for _, e := range a.Events {
		s := e.Type + " " + e.Trigger
		if e.Actor != nil {
			s += " A=" + e.Actor.Name + "/" + e.Actor.Country + "/" + e.Actor.Sector
		}
		if e.Recipient != nil {
			s += " R=" + e.Recipient.Name + "/" + e.Recipient.Country
		}
		t.Logf("EVENT %s loc=%s date=%s neg=%v hyp=%v", s, e.Location, e.Date, e.Negated, e.Hypothetical)
	}
	t.Logf("TONE %+v THEMES %v", *a.Tone, a.Themes)
}
