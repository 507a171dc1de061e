package sqlite

import (
	"fmt"
	"math/rand"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tidings/tidings"
)

// synth makes varied, deterministic synthetic news articles with facts from
// word lists of its own (no corpus text), for tests and benchmarks. Words
// are drawn from Zipf distributions so that term frequencies look like news:
// a few words everywhere, a long tail of rare ones.
type synth struct {
	r                          *rand.Rand
	noun, verb, adj, place     *rand.Zipf
	person, org, source, theme *rand.Zipf
}

var (
	synthNouns = strings.Fields(`government talks ceasefire strike missile drone attack protest election
		minister army police court parliament agreement sanctions aid convoy border village city hospital
		school market bridge port refinery pipeline harvest drought flood storm earthquake fire shelter
		refugees prisoners hostages soldiers civilians workers farmers students journalists officials
		leaders rebels militants negotiators diplomats observers inspectors investors prices exports
		imports budget reform inquiry verdict ruling appeal statement report warning plan deal summit
		meeting visit trip offensive retreat blockade evacuation curfew outage shortage vaccine outbreak
		clinic reactor dam corridor checkpoint airport station embassy camp district province region
		coast river valley mountain island capital suburb highway railway tanker vessel aircraft`)
	synthVerbs = strings.Fields(`said announced denied accused condemned welcomed rejected approved signed
		launched struck shelled attacked destroyed damaged seized captured released arrested detained
		evacuated restored suspended resumed halted extended blocked opened closed warned urged demanded
		promised pledged threatened criticized praised confirmed reported claimed estimated counted
		visited met discussed negotiated proposed delayed postponed cancelled expanded reduced raised`)
	synthAdjs = strings.Fields(`new heavy major minor early late overnight renewed fragile temporary
		lasting fresh deadly massive limited partial full rare unprecedented disputed regional national
		local foreign military civilian economic political humanitarian nuclear coastal northern southern
		eastern western central remote crowded damaged official unofficial senior former acting interim`)
	synthPlaces = strings.Fields(`Kyiv Kharkiv Odesa Lviv Gaza Rafah Khartoum Darfur Aleppo Idlib Beirut
		Tripoli Benghazi Kabul Kandahar Sanaa Aden Mogadishu Goma Bamako Niamey Ouagadougou Caracas Bogota
		Quito Lima Manila Yangon Dhaka Karachi Lahore Tehran Baghdad Mosul Erbil Ankara Tbilisi Yerevan Baku
		Minsk Warsaw Berlin Paris Madrid Rome Athens Cairo Nairobi Addis Lagos Abuja Accra Dakar`)
	synthPeople = []string{"Amina Yusuf", "Carlos Mendes", "Olena Petrenko", "Hassan Karimi",
		"Maria Rossi", "John Carter", "Li Wei", "Fatima Diallo", "Ivan Sokolov", "Priya Nair",
		"Ahmed Salah", "Sofia Lindqvist", "Kwame Mensah", "Elena Garcia", "Yuki Tanaka",
		"Omar Haddad", "Anna Kowalska", "David Levi", "Grace Wanjiru", "Pedro Alves"}
	synthOrgs = []string{"United Nations", "Red Cross", "World Bank", "Interior Ministry",
		"Defense Ministry", "Supreme Court", "Central Bank", "Health Ministry", "European Union",
		"African Union", "Doctors Without Borders", "National Guard", "Election Commission",
		"Energy Agency", "Port Authority"}
	synthSources = []string{"voanews.com", "example-daily.com", "wire.example.org", "news.example.net",
		"citytimes.example", "globe.example", "herald.example", "observer.example", "ledger.example",
		"courier.example", "tribune.example", "gazette.example"}
	synthThemes = []string{"ARMED_CONFLICT", "PEACE_TALKS", "PROTEST", "ELECTION", "DISASTER",
		"HEALTH", "ECONOMY", "REFUGEES", "TERROR", "CRIME", "ENERGY", "DIPLOMACY"}
	synthLangs  = []string{"en", "en", "en", "en", "en", "en", "en", "en", "fr", "es", "de"}
	synthEvents = []string{"ASSAULT", "PROTEST", "AGREE", "CONSULT", "ACCUSE", "REJECT", "AID",
		"COERCE", "THREATEN", "REQUEST", "SANCTION", "MOBILIZE"}
	synthRoles = []string{"President", "Foreign Minister", "spokesperson", "Governor", "Mayor", "General", ""}
)

func newSynth(seed int64) *synth {
	r := rand.New(rand.NewSource(seed))
	z := func(n int) *rand.Zipf { return rand.NewZipf(r, 1.2, 2, uint64(n-1)) }
	return &synth{r: r, noun: z(len(synthNouns)), verb: z(len(synthVerbs)), adj: z(len(synthAdjs)),
		place: z(len(synthPlaces)), person: z(len(synthPeople)), org: z(len(synthOrgs)),
		source: z(len(synthSources)), theme: z(len(synthThemes))}
}

func (s *synth) sentence() string {
	p := synthPlaces[s.place.Uint64()]
	n1, n2 := synthNouns[s.noun.Uint64()], synthNouns[s.noun.Uint64()]
	v, a := synthVerbs[s.verb.Uint64()], synthAdjs[s.adj.Uint64()]
	switch s.r.Intn(5) {
	case 0:
		return fmt.Sprintf("%s %s a %s %s near %s on %s, officials said.",
			synthOrgs[s.org.Uint64()], v, a, n1, p, time.Weekday(s.r.Intn(7)))
	case 1:
		return fmt.Sprintf("%s, speaking in %s, %s the %s %s and the %s.",
			synthPeople[s.person.Uint64()], p, v, a, n1, n2)
	case 2:
		return fmt.Sprintf("At least %d people were %s after the %s in %s.", 2+s.r.Intn(60), v, n1, p)
	case 3:
		return fmt.Sprintf("\"The %s must %s,\" %s told reporters in %s.", n1,
			strings.TrimSuffix(v, "ed"), synthPeople[s.person.Uint64()], p)
	default:
		return fmt.Sprintf("The %s %s of %s %s the %s %s.", a, n1, p, v, synthAdjs[s.adj.Uint64()], n2)
	}
}

// article returns the i-th synthetic article; the same synth seed and i
// sequence give the same articles.
func (s *synth) article(i int) *tidings.Article {
	var paras []string
	for range 5 + s.r.Intn(8) {
		var sents []string
		for range 2 + s.r.Intn(3) {
			sents = append(sents, s.sentence())
		}
		paras = append(paras, strings.Join(sents, " "))
	}
	text := strings.Join(paras, "\n\n")
	title := fmt.Sprintf("%s %s %s in %s", strings.ToUpper(synthAdjs[s.adj.Uint64()][:1])+synthAdjs[s.adj.Uint64()][1:],
		synthNouns[s.noun.Uint64()], synthVerbs[s.verb.Uint64()], synthPlaces[s.place.Uint64()])
	src := synthSources[s.source.Uint64()]
	a := &tidings.Article{
		ID: fmt.Sprintf("a%07d", i), Source: src, Title: title, Text: text,
		Authors: []string{}, Language: synthLangs[s.r.Intn(len(synthLangs))], Extractor: tidings.Version,
		Tone: &tidings.Tone{Score: -5 + 10*s.r.Float64(), Positive: 3 * s.r.Float64(), Negative: 5 * s.r.Float64()},
	}
	if s.r.Intn(10) > 0 {
		a.URL = fmt.Sprintf("https://%s/news/%d/story-%d?utm_source=feed", src, 2024+i%2, i)
	}
	if s.r.Intn(20) > 0 {
		t := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(s.r.Int63n(2*365*24)) * time.Hour)
		a.Published = &t
	}
	s.facts(a)
	return a
}

// facts fills a's fact lists with plausible spans found in its text.
func (s *synth) facts(a *tidings.Article) {
	a.Removed = []tidings.Removal{{Kind: tidings.RemovedBoilerplate, Text: "Advertisement"}}
	a.Entities = []tidings.Entity{}
	type named struct{ name, typ string }
	var names []named
	for _, p := range synthPeople {
		names = append(names, named{p, tidings.EntityPerson})
	}
	for _, o := range synthOrgs {
		names = append(names, named{o, tidings.EntityOrg})
	}
	for _, p := range synthPlaces {
		names = append(names, named{p, tidings.EntityGPE})
	}
	for _, n := range names {
		var ms []tidings.Span
		for off := 0; len(ms) < 5; {
			j := strings.Index(a.Text[off:], n.name)
			if j < 0 {
				break
			}
			start := utf8.RuneCountInString(a.Text[:off+j])
			ms = append(ms, tidings.Span{Text: n.name, Start: start, End: start + utf8.RuneCountInString(n.name)})
			off += j + len(n.name)
		}
		if len(ms) == 0 {
			continue
		}
		e := tidings.Entity{Name: n.name, Type: n.typ, Mentions: ms}
		if n.typ == tidings.EntityPerson {
			e.Role = synthRoles[s.r.Intn(len(synthRoles))]
			e.Country = "UKR"
		}
		a.Entities = append(a.Entities, e)
	}
	sortEntities(a.Entities)
	for _, e := range a.Entities {
		if e.Type == tidings.EntityGPE && len(a.Places) < 3 {
			a.Places = append(a.Places, tidings.Place{Name: e.Name, Country: "UA", Lat: 50 * s.r.Float64(),
				Lon: 30 * s.r.Float64(), GeonamesID: 700000 + s.r.Intn(1000), Entity: e.ID})
		}
	}
	speaker := "Olena Petrenko"
	a.Quotes = []tidings.Quote{{Text: "The talks must resume", Start: 1, End: 22, Speaker: &speaker,
		SpeakerEntity: "e1", Cue: "told", Sentence: &tidings.Span{Start: 0, End: 60}}}
	for k := range 1 + s.r.Intn(3) {
		a.Events = append(a.Events, tidings.Event{Type: synthEvents[s.r.Intn(len(synthEvents))],
			Trigger: "struck", Actor: &tidings.Actor{Name: "Russia", Country: "RUS", Sector: "MIL"},
			Recipient: &tidings.Actor{Name: "Kyiv", Country: "UKR"}, Location: "Kyiv", Date: "2025-04-24",
			Sentence: tidings.Span{Start: 10 * k, End: 10*k + 50}})
	}
	a.Counts = []tidings.Count{{Kind: "KILL", Number: 2 + s.r.Intn(50), Qualifier: "at-least",
		Object: "people", Start: 5, End: 30}}
	for range 1 + s.r.Intn(3) {
		a.Themes = append(a.Themes, synthThemes[s.theme.Uint64()])
	}
}

func sortEntities(es []tidings.Entity) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Mentions[0].Start < es[j-1].Mentions[0].Start; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
	for i := range es {
		es[i].ID = fmt.Sprintf("e%d", i+1)
	}
}
