package places

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/entities"
	"github.com/tidings/tidings/entities/entitiestest"
	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/internal/shared"
	"github.com/tidings/tidings/ner"
	"github.com/tidings/tidings/nlp"
)

func TestResolve(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		name, country string
		lat, lon      float64 // checked within 50 km when non-zero
	}
	tests := []struct {
		name  string
		input []string // GPE entity names
		want  []want
	}{
		{"paris alone is France", []string{"Paris"}, []want{{"Paris", "FR", 48.85, 2.35}}},
		{"paris with texas", []string{"Paris", "Texas"}, []want{{"Paris", "US", 33.66, -95.56}, {"Texas", "US", 0, 0}}},
		{"paris with france and texas", []string{"France", "Paris"}, []want{{"France", "FR", 0, 0}, {"Paris", "FR", 48.85, 2.35}}},
		{"kiev spelling", []string{"Kiev"}, []want{{"Kiev", "UA", 50.45, 30.52}}},
		{"crimea region", []string{"Crimea"}, []want{{"Crimea", "UA", 45.3, 34.4}}},
		{"country", []string{"South Africa"}, []want{{"South Africa", "ZA", 0, 0}}},
		{"moscow russia not idaho", []string{"Moscow"}, []want{{"Moscow", "RU", 55.75, 37.62}}},
		{"unknown place left out", []string{"Nowhereville"}, nil},
		{"a person's country is a weak hint", []string{"Odessa", "Ted Cruz|USA"}, []want{{"Odessa", "UA", 46.48, 30.73}}},
		{"the state settles it", []string{"Odessa", "Texas"}, []want{{"Odessa", "US", 31.85, -102.37}, {"Texas", "US", 0, 0}}},
		{"without the hint the larger city", []string{"Odessa"}, []want{{"Odessa", "UA", 46.48, 30.73}}},
		{"a small town in a country named nowhere else is left out", []string{"United States", "Palm Beach"},
			[]want{{"United States", "US", 0, 0}}},
		{"a small town alone is placed", []string{"Palm Beach"}, []want{{"Palm Beach", "AU", 0, 0}}},
		{"a US state the entity layer read is no country", []string{"Georgia@USA"}, []want{{"Georgia", "US", 33.3, -83.8}}},
		{"a country stays a country", []string{"Georgia"}, []want{{"Georgia", "GE", 42, 43.5}}},
		{"a subdivision of a country in play", []string{"Nigeria", "Borno State"}, []want{{"Nigeria", "NG", 0, 0}, {"Borno State", "NG", 12.19, 13.31}}},
		{"a subdivision's country from the others", []string{"Pakistan", "Punjab"}, []want{{"Pakistan", "PK", 0, 0}, {"Punjab", "PK", 31, 72}}},
		{"the same name in another country", []string{"India", "Punjab"}, []want{{"India", "IN", 0, 0}, {"Punjab", "IN", 30.93, 75.5}}},
		{"a subdivision of a country named nowhere else is left out", []string{"China", "Manus"}, []want{{"China", "CN", 0, 0}}},
		{"an area across borders stays one", []string{"Burkina Faso", "Sahel"}, []want{{"Burkina Faso", "BF", 0, 0}, {"Sahel", "", 0, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var es []tidings.Entity
			for i, n := range tt.input {
				e := tidings.Entity{ID: "e" + string(rune('1'+i)), Name: n, Type: tidings.EntityGPE}
				if name, country, ok := strings.Cut(n, "|"); ok {
					e.Name, e.Country, e.Type = name, country, tidings.EntityPerson
				}
				if name, country, ok := strings.Cut(n, "@"); ok {
					e.Name, e.Country = name, country // a place the entity layer put in a country
				}
				es = append(es, e)
			}
			got := g.Resolve(es)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d places %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				p := got[i]
				if p.Name != w.name || p.Country != w.country {
					t.Errorf("place %d = %s %s, want %s %s", i, p.Name, p.Country, w.name, w.country)
				}
				if w.lat != 0 && gazetteer.DistanceKm(p.Lat, p.Lon, w.lat, w.lon) > 50 {
					t.Errorf("%s at %.2f,%.2f, want near %.2f,%.2f", p.Name, p.Lat, p.Lon, w.lat, w.lon)
				}
			}
		})
	}
}

func TestAnnotateSetsCountry(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	a := &tidings.Article{Entities: []tidings.Entity{
		{ID: "e1", Name: "Kyiv", Type: tidings.EntityGPE},
		{ID: "e2", Name: "Sergei Lavrov", Type: tidings.EntityPerson},
	}}
	if err := g.Annotate(context.Background(), nil, a); err != nil {
		t.Fatal(err)
	}
	if a.Entities[0].Country != "UKR" || len(a.Places) != 1 || a.Places[0].GeonamesID != 703448 || a.Places[0].Entity != "e1" {
		t.Errorf("got entity %+v places %+v", a.Entities[0], a.Places)
	}
	if err := g.Annotate(context.Background(), nil, nil); err == nil {
		t.Error("nil article: no error")
	}
}

// TestSeedArticle runs the dictionary spotter, the resolver and the
// gazetteer over the cleaned example article.
func TestSeedArticle(t *testing.T) {
	text := seedText(t)
	r, err := entities.NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	a := &tidings.Article{ID: "kyiv-strike", Text: text}
	doc := entitiestest.Doc(text)
	if err := r.Annotate(context.Background(), doc, a); err != nil {
		t.Fatal(err)
	}
	if err := g.Annotate(context.Background(), doc, a); err != nil {
		t.Fatal(err)
	}
	byName := map[string]tidings.Place{}
	for _, p := range a.Places {
		byName[p.Name] = p
	}
	kyiv, ok := byName["Kyiv"]
	if !ok || kyiv.Country != "UA" || gazetteer.DistanceKm(kyiv.Lat, kyiv.Lon, 50.45, 30.52) > 25 {
		t.Errorf("Kyiv = %+v, want UA within 25 km of 50.45N 30.52E", kyiv)
	}
	for name, cc := range map[string]string{"South Africa": "ZA", "Crimea": "UA", "Russia": "RU", "United States": "US"} {
		if p := byName[name]; p.Country != cc {
			t.Errorf("%s = %+v, want country %s", name, p, cc)
		}
	}
	for _, bad := range []string{"Vancouver", "Kursk"} {
		if _, ok := byName[bad]; ok {
			t.Errorf("place %s must not be found", bad)
		}
	}
}

// TestSeedArticlePipeline runs the whole chain the analyzer wires: NLP
// pipeline, statistical NER combined with the dictionary spotter, the
// resolver and the gazetteer, and checks expected.json's entities, roles
// and places.
func TestSeedArticlePipeline(t *testing.T) {
	text := seedText(t)
	p, err := nlp.Load()
	if err != nil {
		t.Skipf("nlp pipeline: %v", err)
	}
	rec, err := ner.Load()
	if err != nil {
		t.Skipf("ner model: %v", err)
	}
	db, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := entities.New(entities.Combine(entities.Adapt(rec.Recognize), entities.NewDictSpotter(db)), db)
	a := &tidings.Article{ID: "kyiv-strike", Text: text}
	doc := p.Analyze(text)
	if err := r.Annotate(context.Background(), doc, a); err != nil {
		t.Fatal(err)
	}
	if err := New(db).Annotate(context.Background(), doc, a); err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Entities struct {
			Must []struct {
				Name, Type, Country string
				Mentions            []string
			}
			MustNot []string `json:"must_not"`
		}
		Roles []struct{ Entity, Role, Country string }
	}
	raw, err := os.ReadFile(filepath.Join(shared.Dir(t), "examples", "kyiv-strike", "expected.json"))
	if err != nil {
		t.Skipf("expected.json: %v", err)
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	byName := map[string]tidings.Entity{}
	for _, e := range a.Entities {
		byName[e.Name] = e
	}
	for _, w := range exp.Entities.Must {
		e, ok := byName[w.Name]
		if !ok || e.Type != w.Type || e.Country != w.Country {
			t.Errorf("entity %q = %+v, want type %s country %s", w.Name, e, w.Type, w.Country)
			continue
		}
		for _, wm := range w.Mentions {
			found := false
			for _, m := range e.Mentions {
				found = found || m.Text == wm
			}
			if !found {
				t.Errorf("%q: mention %q not grouped", w.Name, wm)
			}
		}
	}
	for _, bad := range exp.Entities.MustNot {
		if _, ok := byName[bad]; ok {
			t.Errorf("entity %q must not be found", bad)
		}
	}
	for _, w := range exp.Roles {
		e := byName[w.Entity]
		if strings.ReplaceAll(e.Role, "-", " ") != strings.ReplaceAll(w.Role, "-", " ") || e.Country != w.Country {
			t.Errorf("%q: role %q country %s, want %q %s", w.Entity, e.Role, e.Country, w.Role, w.Country)
		}
	}
	for _, pl := range a.Places {
		if pl.Name == "Kyiv" && (pl.Country != "UA" || gazetteer.DistanceKm(pl.Lat, pl.Lon, 50.45, 30.52) > 25) {
			t.Errorf("Kyiv = %+v", pl)
		}
	}
}

// seedText is the example article without the lines cleaning removes.
func seedText(t testing.TB) string {
	raw, err := os.ReadFile(filepath.Join(shared.Dir(t), "examples", "kyiv-strike", "article.txt"))
	if err != nil {
		t.Skipf("seed article absent (../shared/examples/kyiv-strike): %v", err)
	}
	var keep []string
	for _, line := range strings.Split(string(raw), "\n") {
		l := strings.TrimSpace(line)
		if !strings.HasPrefix(l, "Read also") && !strings.HasPrefix(l, "Advertisement") {
			keep = append(keep, line)
		}
	}
	return strings.TrimSpace(strings.Join(keep, "\n"))
}

func BenchmarkAnnotate(b *testing.B) {
	text := seedText(b)
	r, err := entities.NewDefault()
	if err != nil {
		b.Fatal(err)
	}
	g, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	doc := entitiestest.Doc(text)
	ctx := context.Background()
	for b.Loop() {
		a := &tidings.Article{Text: text}
		if err := r.Annotate(ctx, doc, a); err != nil {
			b.Fatal(err)
		}
		if err := g.Annotate(ctx, doc, a); err != nil {
			b.Fatal(err)
		}
	}
}
