package server

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/cputime"
	"github.com/tidings/tidings/sqlite"
)

// The benchmark fills a store with synthetic articles (TIDINGS_BENCH_ARTICLES,
// default 100,000) and measures the latency of the main API calls through
// the HTTP handler, reporting p50 and p95 in milliseconds. The store is
// built once and cached in the temporary directory (building it takes
// minutes); delete tidings-bench-*.db there to rebuild.
//
//	go test -run '^$' -bench API -benchtime 200x ./server

const benchVersion = 1

// benchWords is a synthetic vocabulary; word i is drawn with Zipf weights.
func benchWords(n int) []string {
	syll := []string{"ka", "lo", "mi", "ren", "sto", "va", "der", "pul", "tes", "ri", "on", "bas", "che", "gu", "nar", "fe"}
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		var b strings.Builder
		for k := 2 + r.IntN(3); k > 0; k-- {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

type benchCorpus struct {
	words    []string
	wordZipf *rand.Zipf
	entities []tidings.Entity // name, type, country
	entZipf  *rand.Zipf
	r        *rand.Rand
}

func newBenchCorpus() *benchCorpus {
	r := rand.New(rand.NewPCG(3, 4))
	c := &benchCorpus{words: benchWords(8000), r: r}
	c.wordZipf = rand.NewZipf(r, 1.1, 2, uint64(len(c.words)-1))
	types := []string{"PERSON", "PERSON", "ORG", "GPE", "LOC", "NORP"}
	countries := []string{"USA", "RUS", "UKR", "CHN", "FRA", "GBR", "ISR", "IRN", "IND", "BRA"}
	for i := 0; i < 3000; i++ {
		w := c.words[r.IntN(len(c.words))]
		name := strings.ToUpper(w[:1]) + w[1:] + " " + strings.ToUpper(c.words[i][:1]) + c.words[i][1:]
		c.entities = append(c.entities, tidings.Entity{Name: name, Type: types[i%len(types)], Country: countries[i%len(countries)]})
	}
	c.entZipf = rand.NewZipf(r, 1.2, 3, uint64(len(c.entities)-1))
	return c
}

var benchEventTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// article makes synthetic article i: about 180 words, 4–10 entities, 0–3
// events, sometimes a casualty count, 1–2 places and themes.
func (c *benchCorpus) article(i int) *tidings.Article {
	r := c.r
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(365*24*3600)) * time.Second)
	var ents []tidings.Entity
	seen := map[int]bool{}
	for k := 4 + r.IntN(7); k > 0; k-- {
		j := int(c.entZipf.Uint64())
		if !seen[j] {
			seen[j] = true
			ents = append(ents, c.entities[j])
		}
	}
	var text strings.Builder
	var spans [][2]int
	pos := 0
	write := func(s string) { text.WriteString(s); pos += len(s) }
	for w := 0; w < 180; w++ {
		if w%18 == 0 && len(spans) < len(ents) {
			e := ents[len(spans)]
			if w > 0 {
				write(" ")
			}
			spans = append(spans, [2]int{pos, pos + len(e.Name)})
			write(e.Name)
			continue
		}
		if w > 0 {
			write(" ")
		}
		write(c.words[c.wordZipf.Uint64()])
		if w%15 == 14 {
			write(".")
		}
	}
	a := &tidings.Article{
		ID: "bench-" + strconv.Itoa(i), URL: fmt.Sprintf("https://s%d.example/a/%d", i%50, i),
		Source: fmt.Sprintf("s%d.example", i%50), Title: c.words[c.wordZipf.Uint64()] + " " + c.words[c.wordZipf.Uint64()] + " " + ents[0].Name,
		Published: &day, Language: "en", Text: text.String(), Extractor: "bench",
	}
	for k, e := range ents {
		e.ID = "e" + strconv.Itoa(k+1)
		if k < len(spans) {
			e.Mentions = []tidings.Span{{Text: e.Name, Start: spans[k][0], End: spans[k][1]}}
		}
		a.Entities = append(a.Entities, e)
	}
	sent := tidings.Span{Start: 0, End: 40, Text: a.Text[:40]}
	for k := r.IntN(4); k > 0 && len(ents) > 1; k-- {
		x, y := ents[r.IntN(len(ents))], ents[r.IntN(len(ents))]
		a.Events = append(a.Events, tidings.Event{Type: benchEventTypes[r.IntN(len(benchEventTypes))], Trigger: "x",
			Actor: &tidings.Actor{Name: x.Name, Country: x.Country}, Recipient: &tidings.Actor{Name: y.Name, Country: y.Country},
			Location: c.entities[int(c.entZipf.Uint64())%200].Name, Sentence: sent})
	}
	if r.IntN(5) == 0 {
		a.Counts = append(a.Counts, tidings.Count{Kind: "KILL", Number: 1 + r.IntN(50), Qualifier: "exact", Start: 0, End: 5})
	}
	for k := 1 + r.IntN(2); k > 0; k-- {
		p := c.entities[int(c.entZipf.Uint64())%200]
		a.Places = append(a.Places, tidings.Place{Name: p.Name, Country: "XX", Lat: float64(r.IntN(140) - 60), Lon: float64(r.IntN(360) - 180)})
	}
	a.Themes = []string{fmt.Sprintf("THEME_%d", r.IntN(40))}
	if speaker := ents[0]; speaker.Type == "PERSON" {
		a.Quotes = []tidings.Quote{{Text: a.Text[50:90], Start: 50, End: 90, Speaker: &speaker.Name, Cue: "said"}}
	}
	a.Normalize()
	return a
}

// benchStore opens the cached synthetic store, building it when missing.
func benchStore(b *testing.B, n int) *sqlite.DB {
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("tidings-bench-%d-v%d.db", n, benchVersion))
	if _, err := os.Stat(path); err == nil {
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		return db
	}
	tmp := path + ".building"
	os.Remove(tmp)
	db, err := sqlite.Open(ctx, tmp)
	if err != nil {
		b.Fatal(err)
	}
	c := newBenchCorpus()
	start := time.Now()
	for i := 0; i < n; i++ {
		if _, err := db.Put(ctx, c.article(i)); err != nil {
			b.Fatal(err)
		}
		if i%10000 == 9999 {
			b.Logf("built %d articles in %v", i+1, time.Since(start).Round(time.Second))
		}
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Rename(tmp+suffix, path+suffix)
	}
	if db, err = sqlite.Open(ctx, path); err != nil {
		b.Fatal(err)
	}
	return db
}

func BenchmarkAPI(b *testing.B) {
	n := 100000
	if s := os.Getenv("TIDINGS_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatalf("TIDINGS_BENCH_ARTICLES=%q: %v", s, err)
		}
	}
	db := benchStore(b, n)
	defer db.Close()
	h := New(db, nil, Options{})
	c := newBenchCorpus()
	w := func(rank int) string { return c.words[rank] }
	ent := func(rank int) string { return url.QueryEscape(c.entities[rank].Name) }
	filters := []string{"", "q=" + w(3), "q=" + w(40), "q=" + w(900), "q=" + url.QueryEscape(w(5)+" AND "+w(60)),
		"q=" + url.QueryEscape(`"`+w(2)+" "+w(3)+`"`), "entity=" + ent(5), "entity=" + ent(200), "source=s7.example",
		"from=2025-03-01&to=2025-03-31", "q=" + w(20) + "&from=2025-06-01&to=2025-06-30", "event_type=ASSAULT"}
	cases := map[string][]string{}
	for _, f := range filters {
		cases["search"] = append(cases["search"], "/api/articles?"+f)
		cases["search-relevance"] = append(cases["search-relevance"], "/api/articles?sort=relevance&"+f)
		cases["timeline"] = append(cases["timeline"], "/api/timeline?"+f)
		cases["top-entities"] = append(cases["top-entities"], "/api/entities?"+f)
		cases["facets"] = append(cases["facets"], "/api/facets?"+f)
		// Counting stories (issue 7).
		cases["search-stories"] = append(cases["search-stories"], "/api/articles?collapse=story&"+f)
		cases["timeline-stories"] = append(cases["timeline-stories"], "/api/timeline?unit=stories&"+f)
		cases["facets-stories"] = append(cases["facets-stories"], "/api/facets?unit=stories&"+f)
	}
	for _, name := range []string{"search", "search-relevance", "timeline", "top-entities",
		"facets", "search-stories", "timeline-stories", "facets-stories"} {
		paths := cases[name]
		b.Run(name, func(b *testing.B) {
			var durs []time.Duration
			i := 0
			cpu0 := cputime.Process()
			for b.Loop() {
				p := paths[i%len(paths)]
				i++
				req := httptest.NewRequest(http.MethodGet, p, nil)
				rec := httptest.NewRecorder()
				t0 := time.Now()
				h.ServeHTTP(rec, req)
				durs = append(durs, time.Since(t0))
				if rec.Code != 200 {
					b.Fatalf("%s: %d %s", p, rec.Code, rec.Body)
				}
			}
			cpu := cputime.Process() - cpu0
			slices.Sort(durs)
			pct := func(p float64) float64 {
				return float64(durs[int(p*float64(len(durs)-1))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.5), "p50-ms")
			b.ReportMetric(pct(0.95), "p95-ms")
			// CPU time per request: what latency would be on an idle
			// machine, since the store runs in-process; shared CI machines
			// inflate wall-clock percentiles.
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(durs)), "cpu-ms/op")
		})
	}
}
