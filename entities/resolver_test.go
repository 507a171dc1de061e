package entities

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/entities/entitiestest"
	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/nlp"
)

// fakeSpotter marks every token-aligned, longest, non-overlapping occurrence of each phrase with its
// type, the way the NER would.
type fakeSpotter map[string]string

func (f fakeSpotter) Spot(doc *nlp.Doc) []Mention {
	var out []Mention
	for si, s := range doc.Sentences {
	next:
		for i := 0; i < len(s.Tokens); i++ {
			for j := len(s.Tokens); j > i; j-- {
				if typ, ok := f[sliceText(doc, s.Tokens, i, j)]; ok {
					out = append(out, mentionOf(doc, si, i, j, typ, 1))
					i = j - 1
					continue next
				}
			}
		}
	}
	return out
}

type wantEntity struct {
	name, typ, country, role, sector string
	mentions                         []string
}

func resolve(t *testing.T, sp Spotter, text string, date time.Time) []tidings.Entity {
	t.Helper()
	db, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	a := &tidings.Article{ID: "test", Text: text}
	if !date.IsZero() {
		a.Published = &date
	}
	if err := New(sp, db).Annotate(context.Background(), entitiestest.Doc(text), a); err != nil {
		t.Fatal(err)
	}
	return a.Entities
}

func checkEntities(t *testing.T, got []tidings.Entity, want []wantEntity) {
	t.Helper()
	if len(got) != len(want) {
		for _, e := range got {
			t.Logf("got %+v", e)
		}
		t.Fatalf("got %d entities, want %d", len(got), len(want))
	}
	for i, w := range want {
		e := got[i]
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text)
		}
		if e.ID != "e"+string(rune('1'+i)) || e.Name != w.name || e.Type != w.typ || e.Country != w.country ||
			e.Role != w.role || (w.sector != "" && e.Sector != w.sector) || strings.Join(ms, "|") != strings.Join(w.mentions, "|") {
			t.Errorf("entity %d = %s %q %s country=%s role=%q sector=%s mentions=%q\nwant %q %s country=%s role=%q sector=%s mentions=%q",
				i, e.ID, e.Name, e.Type, e.Country, e.Role, e.Sector, ms, w.name, w.typ, w.country, w.role, w.sector, w.mentions)
		}
	}
}

func TestResolveGrouping(t *testing.T) {
	tests := []struct {
		name string
		text string
		ner  fakeSpotter
		want []wantEntity
	}{
		{
			name: "title stripped, surname linked, country from demonym",
			text: "Russian Foreign Minister Sergei Lavrov spoke. Lavrov said Russia would wait.",
			ner:  fakeSpotter{"Russian": "NORP", "Sergei Lavrov": "PERSON", "Lavrov": "PERSON", "Russia": "GPE"},
			want: []wantEntity{
				{"Russian", "NORP", "RUS", "", "", []string{"Russian"}},
				{"Sergei Lavrov", "PERSON", "RUS", "Foreign Minister", "GOV", []string{"Sergei Lavrov", "Lavrov"}},
				{"Russia", "GPE", "RUS", "", "", []string{"Russia"}},
			},
		},
		{
			name: "title inside the NER span, surname before full name",
			text: "Trump spoke first. Later US President Donald Trump left, and the US president said nothing.",
			ner:  fakeSpotter{"Trump": "PERSON", "President Donald Trump": "PERSON", "US": "GPE"},
			want: []wantEntity{
				{"Donald Trump", "PERSON", "USA", "President", "GOV", []string{"Trump", "President Donald Trump"[10:], "the US president"}},
				{"United States", "GPE", "USA", "", "", []string{"US", "US"}},
			},
		},
		{
			name: "title and name the NER read as an organisation or place",
			text: "The fall of President Bashar al-Assad worried Dr Mwangi, who met Queen Elizabeth II. The Justice Department and a clinic at Queen Elizabeth Central said nothing.",
			ner: fakeSpotter{"President Bashar al-Assad": "ORG", "Dr Mwangi": "ORG", "Queen Elizabeth II": "ORG",
				"Justice Department": "ORG", "Queen Elizabeth Central": "GPE"},
			want: []wantEntity{
				{"Bashar al-Assad", "PERSON", "SYR", "President", "GOV", []string{"Bashar al-Assad"}},
				{"Mwangi", "PERSON", "", "", "", []string{"Mwangi"}},
				{"Elizabeth II", "PERSON", "GBR", "Queen", "GOV", []string{"Elizabeth II"}},
				{"Justice Department", "ORG", "", "", "", []string{"Justice Department"}},
				{"Queen Elizabeth Central", "ORG", "", "", "", []string{"Queen Elizabeth Central"}}, // a place that speaks
			},
		},
		{
			name: "names joined by and split into two unless the whole is one name",
			text: "Talks between Norwick Mills and Castell Group stalled, the Ashford Times and Morning Courier said. The Department of Roads and Bridges and Bosnia and Herzegovina agreed with the Harlow Post and Telegraph Office.",
			ner: fakeSpotter{"Norwick Mills and Castell Group": "ORG", "Ashford Times and Morning Courier": "ORG",
				"Department of Roads and Bridges": "ORG", "Bosnia and Herzegovina": "GPE", "Harlow Post and Telegraph Office": "ORG"},
			want: []wantEntity{
				{"Norwick Mills", "ORG", "", "", "", []string{"Norwick Mills"}},
				{"Castell Group", "ORG", "", "", "", []string{"Castell Group"}},
				{"Ashford Times", "ORG", "", "", "", []string{"Ashford Times"}},
				{"Morning Courier", "ORG", "", "", "", []string{"Morning Courier"}},
				{"Department of Roads and Bridges", "ORG", "", "", "", []string{"Department of Roads and Bridges"}},
				{"Bosnia and Herzegovina", "GPE", "BIH", "", "", []string{"Bosnia and Herzegovina"}},
				{"Harlow Post and Telegraph Office", "ORG", "", "", "", []string{"Harlow Post and Telegraph Office"}},
			},
		},
		{
			name: "a name an organisation noun types is that organisation everywhere, but not after in",
			text: "Shares of energy company Karvex rose. Karvex said the streaming platform Tolvi grew, and Tolvi added users. The band Brennar played in Brennar.",
			ner:  fakeSpotter{"Karvex": "PERSON", "Tolvi": "GPE", "Brennar": "GPE"},
			want: []wantEntity{
				{"Karvex", "ORG", "", "", "", []string{"Karvex", "Karvex"}},
				{"Tolvi", "ORG", "", "", "", []string{"Tolvi", "Tolvi"}},
				{"Brennar", "ORG", "", "", "", []string{"Brennar"}},
				{"Brennar", "GPE", "", "", "", []string{"Brennar"}},
			},
		},
		{
			name: "two places the tables know as one country are one",
			text: "Voters in Bosnia and Herzegovina and in Trinidad and Tobago went to the polls.",
			ner:  fakeSpotter{"Bosnia": "GPE", "Herzegovina": "GPE", "Trinidad": "GPE", "Tobago": "GPE"},
			want: []wantEntity{
				{"Bosnia and Herzegovina", "GPE", "BIH", "", "", []string{"Bosnia and Herzegovina"}},
				{"Trinidad and Tobago", "GPE", "TTO", "", "", []string{"Trinidad and Tobago"}},
			},
		},
		{
			name: "spellings the actor table names alike are one person",
			text: "Volodymyr Zelensky spoke in Kyiv. Zelenskyy left.",
			ner:  fakeSpotter{"Volodymyr Zelensky": "PERSON", "Zelenskyy": "PERSON", "Kyiv": "GPE"},
			want: []wantEntity{
				{"Volodymyr Zelensky", "PERSON", "UKR", "", "", []string{"Volodymyr Zelensky", "Zelenskyy"}},
				{"Kyiv", "GPE", "UKR", "", "", []string{"Kyiv"}},
			},
		},
		{
			name: "a surname the NER read as a place is the person the actor table knows",
			text: "Officials in Paris said the Macron government would wait.",
			ner:  fakeSpotter{"Paris": "GPE", "Macron": "GPE"},
			want: []wantEntity{
				{"Paris", "GPE", "FRA", "", "", []string{"Paris"}},
				{"Emmanuel Macron", "PERSON", "FRA", "", "GOV", []string{"Macron"}},
			},
		},
		{
			name: "institutions the NER read as places",
			text: "She studied at Rice University in Houston and the University of Nordvik and spoke in the West Bank.",
			ner:  fakeSpotter{"Rice University": "GPE", "Houston": "GPE", "University of Nordvik": "GPE", "West Bank": "GPE"},
			want: []wantEntity{
				{"Rice University", "ORG", "", "", "", []string{"Rice University"}},
				{"Houston", "GPE", "USA", "", "", []string{"Houston"}},
				{"University of Nordvik", "ORG", "", "", "EDU", []string{"University of Nordvik"}},
				{"West Bank", "GPE", "PSE", "", "", []string{"West Bank"}},
			},
		},
		{
			name: "country aliases to one canonical country",
			text: "The U.S. and America and the United States are one. So is the US.",
			ner:  fakeSpotter{"U.S.": "GPE", "America": "GPE", "United States": "GPE", "US": "GPE"},
			want: []wantEntity{
				{"United States", "GPE", "USA", "", "", []string{"U.S.", "America", "United States", "US"}},
			},
		},
		{
			name: "acronym to long form from the table and from the article",
			text: "The United Nations met. The UN said the National Democratic Front and the NDF agreed.",
			ner:  fakeSpotter{"United Nations": "ORG", "UN": "ORG", "National Democratic Front": "ORG", "NDF": "ORG"},
			want: []wantEntity{
				{"United Nations", "ORG", "", "", "IGO", []string{"United Nations", "UN"}},
				{"National Democratic Front", "ORG", "", "", "", []string{"National Democratic Front", "NDF"}},
			},
		},
		{
			name: "acronyms: defined in brackets, spelt by word beginnings, coded by the table",
			text: "The Economic Community of Lake States said ECOLS would meet. The Department of Justice and DOJ lawyers agreed. " +
				"The Housing Board of Nowy Targ (HBN), the Office for Coastal Surveys (OKS) and the Atlantic Alliance (NATO) objected.",
			ner: fakeSpotter{"Economic Community of Lake States": "ORG", "ECOLS": "ORG", "Department of Justice": "ORG", "DOJ": "ORG",
				"Housing Board": "ORG", "Nowy Targ": "GPE", "HBN": "ORG", "Office for Coastal Surveys": "ORG", "OKS": "ORG",
				"Atlantic Alliance": "ORG", "NATO": "ORG"},
			want: []wantEntity{
				{"Economic Community of Lake States", "ORG", "", "", "", []string{"Economic Community of Lake States", "ECOLS"}},
				{"Department of Justice", "ORG", "USA", "", "GOV", []string{"Department of Justice", "DOJ"}},
				{"Housing Board", "ORG", "", "", "", []string{"Housing Board"}},
				{"Nowy Targ", "GPE", "POL", "", "", []string{"Nowy Targ"}},
				{"HBN", "ORG", "", "", "", []string{"HBN"}},
				{"Office for Coastal Surveys", "ORG", "", "", "", []string{"Office for Coastal Surveys", "OKS"}},
				{"Atlantic Alliance", "ORG", "", "", "IGO", []string{"Atlantic Alliance", "NATO"}},
			},
		},
		{
			name: "hyphenated title with country, two people sharing a surname stay apart",
			text: "US Vice-President JD Vance met Usha Vance. JD Vance left.",
			ner:  fakeSpotter{"US": "GPE", "JD Vance": "PERSON", "Usha Vance": "PERSON"},
			want: []wantEntity{
				{"United States", "GPE", "USA", "", "", []string{"US"}},
				{"JD Vance", "PERSON", "USA", "Vice-President", "GOV", []string{"JD Vance", "JD Vance"}},
				{"Usha Vance", "PERSON", "", "", "", []string{"Usha Vance"}},
			},
		},
		{
			name: "two-word demonym, NER surname typed ORG absorbed",
			text: "South African President Cyril Ramaphosa spoke. Ramaphosa left.",
			ner:  fakeSpotter{"South African": "NORP", "Cyril Ramaphosa": "PERSON", "Ramaphosa": "ORG"},
			want: []wantEntity{
				{"South African", "NORP", "ZAF", "", "", []string{"South African"}},
				{"Cyril Ramaphosa", "PERSON", "ZAF", "President", "GOV", []string{"Cyril Ramaphosa", "Ramaphosa"}},
			},
		},
		{
			name: "organisation codes from head word and demonym; possessive trimmed",
			text: "The Russian Defence Ministry's statement came late.",
			ner:  fakeSpotter{"Russian Defence Ministry's": "ORG"},
			want: []wantEntity{
				{"Russian Defence Ministry", "ORG", "RUS", "", "GOV", []string{"Russian Defence Ministry"}},
			},
		},
		{
			name: "known actor gets codes valid at the date",
			text: "Vladimir Putin spoke in Moscow.",
			ner:  fakeSpotter{"Vladimir Putin": "PERSON", "Moscow": "GPE"},
			want: []wantEntity{
				{"Vladimir Putin", "PERSON", "RUS", "", "GOV", []string{"Vladimir Putin"}},
				{"Moscow", "GPE", "RUS", "", "", []string{"Moscow"}},
			},
		},
		{
			name: "appositive title",
			text: "Sergei Lavrov, Russia's foreign minister, said no. Marco Rubio, the secretary of state, agreed.",
			ner:  fakeSpotter{"Sergei Lavrov": "PERSON", "Russia": "GPE", "Marco Rubio": "PERSON"},
			want: []wantEntity{
				{"Sergei Lavrov", "PERSON", "RUS", "Foreign Minister", "GOV", []string{"Sergei Lavrov"}},
				{"Russia", "GPE", "RUS", "", "", []string{"Russia"}},
				{"Marco Rubio", "PERSON", "USA", "Secretary of State", "GOV", []string{"Marco Rubio", "the secretary of state"}},
			},
		},
		{
			name: "NER errors repaired: title cut from an ORG, first name read as a city, MISC dropped",
			text: "US Vice-President JD Vance met Vladimir Putin. \"Vladimir, STOP!\" he wrote.",
			ner: fakeSpotter{"US Vice-President": "ORG", "JD Vance": "PERSON", "Vladimir Putin": "PERSON",
				"Vladimir": "GPE", "STOP": "MISC"},
			want: []wantEntity{
				{"United States", "GPE", "USA", "", "", []string{"US"}},
				{"JD Vance", "PERSON", "USA", "Vice-President", "GOV", []string{"JD Vance"}},
				{"Vladimir Putin", "PERSON", "RUS", "", "GOV", []string{"Vladimir Putin", "Vladimir"}},
			},
		},
		{
			name: "lone surname of a known actor gets the full name",
			text: "President Putin spoke.",
			ner:  fakeSpotter{"Putin": "PERSON"},
			want: []wantEntity{{"Vladimir Putin", "PERSON", "RUS", "President", "GOV", []string{"Putin"}}},
		},
		{
			name: "institution read as a place, month read as a town",
			text: "The Kremlin said in March that the White House agreed.",
			ner:  fakeSpotter{"Kremlin": "GPE", "March": "GPE", "White House": "LOC"},
			want: []wantEntity{
				{"Kremlin", "ORG", "RUS", "", "GOV", []string{"Kremlin"}},
				{"White House", "ORG", "USA", "", "GOV", []string{"White House"}},
			},
		},
		{
			name: "city alias",
			text: "Missiles hit Kiev overnight.",
			ner:  fakeSpotter{"Kiev": "GPE"},
			want: []wantEntity{{"Kyiv", "GPE", "UKR", "", "", []string{"Kiev"}}},
		},
	}
	date := time.Date(2025, 4, 24, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkEntities(t, resolve(t, tt.ner, tt.text, date), tt.want)
		})
	}
}

// TestResolveNewsRepairs covers what the resolver repairs in the NER's
// output on news: titles, party tags and ranks, names the NER cut or
// typed as places.
func TestResolveDateAwareCodes(t *testing.T) {
	text := "Joe Biden spoke."
	ner := fakeSpotter{"Joe Biden": "PERSON"}
	for _, tt := range []struct {
		date   time.Time
		sector string
	}{
		{time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC), "LEG"}, // a senator
		{time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC), "GOV"}, // vice president
		{time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), "ELI"},
		{time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), "GOV"}, // president
	} {
		es := resolve(t, ner, text, tt.date)
		if len(es) != 1 || es[0].Country != "USA" || es[0].Sector != tt.sector {
			t.Errorf("%s: got %+v, want USA %s", tt.date.Format("2006"), es, tt.sector)
		}
	}
}

func TestDictSpotter(t *testing.T) {
	db, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string // "TYPE text"
	}{
		{"Prime Minister Keir Starmer visited Paris on Monday.", []string{"PERSON Keir Starmer", "GPE Paris"}},
		{"We asked us about it.", nil},
		{"Russian troops entered Kharkiv, the Ukrainian army said.", []string{"NORP Russian", "GPE Kharkiv", "NORP Ukrainian"}},
		{"\"Vladimir, stop!\" he wrote in Vladimir.", []string{"GPE Vladimir"}},
		{"The NATO summit and the European Union met.", []string{"ORG NATO", "ORG European Union"}},
		{"Secretary of State Marco Rubio said so. Rubio left.", []string{"PERSON Marco Rubio", "PERSON Rubio"}},
		{"Michael Jackson sang in Jackson, Mississippi.", []string{"PERSON Michael Jackson", "GPE Jackson", "GPE Mississippi"}},
		// A title does not make an organisation word or a word after a
		// lower-case title a person; a title ending a run names nobody.
		{"He won three Premier League titles.", nil},
		{"The phone has four speaker Audio.", nil},
		{"Olivier Bosc, General Manager of Acme, said so.", []string{"PERSON Olivier Bosc"}},
		{"Like I said, it rained.", nil},
		// "Chief" begins names in the dictionary, but is a title.
		{"Hong Kong Chief Executive Carrie Lam spoke.", []string{"GPE Hong Kong", "PERSON Carrie Lam"}},
		// A given name inside the name of a prize makes no person, nor
		// the prize's last word a surname.
		{"She won the Margaret Cole Award. The Award came late.", nil},
		// A review's headline is no organisation; a longer name is.
		{"Great Service and friendly staff.", nil},
		{"She works at Good Hope Hospital.", []string{"ORG Good Hope Hospital"}},
	}
	sp := NewDictSpotter(db)
	for _, tt := range tests {
		var got []string
		for _, m := range sp.Spot(entitiestest.Doc(tt.text)) {
			got = append(got, m.Type+" "+m.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Spot(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestCombine(t *testing.T) {
	text := "Donald Trump met Putin in Kyiv."
	ner := fakeSpotter{"Donald Trump": "PERSON", "Kyiv": "LOC"}
	db, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range Combine(ner, NewDictSpotter(db)).Spot(entitiestest.Doc(text)) {
		got = append(got, m.Type+" "+m.Text)
	}
	want := []string{"PERSON Donald Trump", "PERSON Putin", "LOC Kyiv"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// span mimics ner.Span: same fields, its own type.
type span2 struct {
	Sent, Start, End int
	Type             string
	Text             string
	CStart, CEnd     int
	Score            float64
}

func TestAdapt(t *testing.T) {
	sp := Adapt(func(*nlp.Doc) []span2 { return []span2{{Sent: 0, Start: 0, End: 1, Type: "GPE", Text: "Kyiv"}} })
	if got := sp.Spot(nil); len(got) != 1 || got[0].Text != "Kyiv" || got[0].Type != "GPE" {
		t.Errorf("Adapt: got %+v", got)
	}
}

func TestAnnotateErrors(t *testing.T) {
	r, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Annotate(context.Background(), nil, &tidings.Article{ID: "x"}); err == nil || !strings.Contains(err.Error(), `"x"`) {
		t.Errorf("nil doc: err = %v, want one naming the article", err)
	}
	if err := r.Annotate(context.Background(), &nlp.Doc{}, nil); err == nil {
		t.Error("nil article: no error")
	}
	broken := &nlp.Doc{Text: "ab", Sentences: []nlp.Sentence{{Tokens: []nlp.Token{{Text: "abc", BStart: 0, BEnd: 3, End: 3}}}}}
	if err := r.Annotate(context.Background(), broken, &tidings.Article{ID: "y"}); err == nil {
		t.Error("token outside the text: no error")
	}
	// Out-of-range spans from a faulty spotter are dropped, not a panic.
	bad := SpotterFunc(func(*nlp.Doc) []Mention {
		return []Mention{{Sent: 5, Start: 0, End: 1}, {Sent: 0, Start: 3, End: 99}, {Sent: 0, Start: -1, End: 0}}
	})
	a := &tidings.Article{Text: "Hello there."}
	if err := New(bad, r.db).Annotate(context.Background(), entitiestest.Doc(a.Text), a); err != nil || len(a.Entities) != 0 {
		t.Errorf("bad spans: err %v, entities %+v", err, a.Entities)
	}
}

func BenchmarkAnnotate(b *testing.B) {
	text, _ := seedArticle(b)
	r, err := NewDefault()
	if err != nil {
		b.Fatal(err)
	}
	doc := entitiestest.Doc(text)
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		a := &tidings.Article{Text: text}
		if err := r.Annotate(ctx, doc, a); err != nil {
			b.Fatal(err)
		}
	}
}

func TestJoinHyphenated(t *testing.T) {
	p, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	db, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		ner  fakeSpotter
		want []string // TYPE:text of the joined mentions
	}{
		{"Rose-Lynn Harlan sings.", fakeSpotter{"Rose": "PERSON"}, []string{"PERSON:Rose-Lynn"}},
		{"Later Canos-Donnay said so.", fakeSpotter{"Canos": "ORG", "Donnay": "PERSON"}, []string{"PERSON:Canos-Donnay"}},
		{"He lives in Guinea-Bissau now.", fakeSpotter{"Guinea": "GPE", "Bissau": "GPE"}, []string{"GPE:Guinea-Bissau"}},
		{"The US-China talks ended.", fakeSpotter{"US": "GPE", "China": "GPE"}, []string{"GPE:US", "GPE:China"}},
		{"The Biden-Xi meeting ended.", fakeSpotter{"Biden": "PERSON", "Xi": "PERSON"}, []string{"PERSON:Biden", "PERSON:Xi"}},
		{"A U.S.-backed force left.", fakeSpotter{"U.S.": "GPE"}, []string{"GPE:U.S."}},
		{"Rose - Lynn left.", fakeSpotter{"Rose": "PERSON"}, []string{"PERSON:Rose"}},
		{"They met Kim Jong-un.", fakeSpotter{"Kim Jong": "PERSON"}, []string{"PERSON:Kim Jong-un"}},
		{"Moon Jae-in spoke a year ago.", fakeSpotter{"Moon Jae": "PERSON"}, []string{"PERSON:Moon Jae-in"}},
		{"The Trump-era tariffs stay.", fakeSpotter{"Trump": "PERSON"}, []string{"PERSON:Trump"}},
		{"A Putin-led Russia.", fakeSpotter{"Putin": "PERSON"}, []string{"PERSON:Putin"}},
		{"Eva-Marie Persson spoke.", fakeSpotter{"Eva": "PERSON", "Marie Persson": "PERSON"}, []string{"PERSON:Eva-Marie Persson"}},
		{"The Coty-Kylie Jenner deal ended.", fakeSpotter{"Coty": "ORG", "Kylie Jenner": "PERSON"}, []string{"ORG:Coty", "PERSON:Kylie Jenner"}},
		{"Dr Liu-Shiu-Cheong of Victoria Hospital spoke.", fakeSpotter{"Liu": "PERSON", "Cheong of Victoria Hospital": "ORG"},
			[]string{"PERSON:Liu-Shiu", "ORG:Cheong of Victoria Hospital"}},
	}
	for _, tt := range tests {
		doc := p.Analyze(tt.text)
		r := New(tt.ner, db)
		var got []string
		for _, m := range r.joinHyphenated(doc, tt.ner.Spot(doc)) {
			got = append(got, m.Type+":"+m.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
		}
	}
}

// taggedTokens builds a document of tokens written "word/UPOS" and
// separated by spaces; a "-" glued to its neighbours is written "=".
func taggedTokens(s string) (*nlp.Doc, []nlp.Token) {
	var out []nlp.Token
	pos := 0
	for _, f := range strings.Fields(s) {
		w, upos, _ := strings.Cut(f, "/")
		if w == "=" {
			pos-- // no space before or after the hyphen
			out = append(out, nlp.Token{Text: "-", BStart: pos, BEnd: pos + 1, UPOS: "PUNCT"})
			pos++
			continue
		}
		out = append(out, nlp.Token{Text: w, BStart: pos, BEnd: pos + len(w), UPOS: upos})
		pos += len(w) + 1
	}
	doc := &nlp.Doc{Text: strings.Repeat(" ", out[len(out)-1].BEnd)}
	for _, tk := range out {
		doc.Text = doc.Text[:tk.BStart] + tk.Text + doc.Text[tk.BEnd:]
	}
	return doc, out
}

func TestPersonName(t *testing.T) {
	db, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := New(fakeSpotter{}, db, LowercaseWords(func(w string) bool { return strings.EqualFold(w, "baker") }))
	tests := []struct {
		text string
		i, j int
		want bool
	}{
		{"Baker/PROPN left/VERB", 0, 1, false},             // a word running text writes in lower case
		{"Baker/PROPN said/VERB", 0, 1, true},              // unless a speech verb follows
		{"Mayor/PROPN Baker/PROPN left/VERB", 1, 2, true},  // or it does not open the sentence
		{"non-U/PROPN S./PROPN", 1, 2, false},              // a lone initial
		{"Kim/PROPN , R/PROPN = W.Va./PROPN", 4, 5, false}, // a state in a party tag
		{"Anna/PROPN Kim/PROPN", 0, 2, true},
	}
	for _, tt := range tests {
		doc, ts := taggedTokens(tt.text)
		if got := r.personName(doc, ts, tt.i, tt.j); got != tt.want {
			t.Errorf("personName(%q, %d, %d) = %v, want %v", tt.text, tt.i, tt.j, got, tt.want)
		}
	}
}

func TestOneWordPlace(t *testing.T) {
	db, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := New(fakeSpotter{}, db, LowercaseWords(func(w string) bool { return strings.EqualFold(w, "bath") || strings.EqualFold(w, "police") }))
	tests := []struct {
		text string
		i    int
		want bool
	}{
		{"He/PRON flew/VERB to/ADP Paris/PROPN", 3, true},
		{"Most/ADJ doctors/NOUN agree/VERB", 0, false},
		{"“/PUNCT Most/ADJ do/AUX", 1, false},
		{"1/NUM Red/PROPN ,/PUNCT 1/NUM Orange/ADJ", 4, false},
		{"carriers/NOUN like/ADP T/PROPN = Mobile/PROPN", 4, false},
		{"the/DET US/PROPN = China/PROPN talks/NOUN", 3, true},
		{"Georgia/ADJ voters/NOUN", 0, true},             // a country or region whatever the tag
		{"use/VERB Queensland/ADJ prices/NOUN", 1, true}, // a subdivision too
		{"In/ADP March/PROPN", 1, false},
		{"WANAKA/ADJ ,/PUNCT New/PROPN Zealand/PROPN", 0, true}, // a dateline
		{"to/ADP Jerusalem/VERB", 1, true},                      // a tagging error
		{"Come/VERB out/ADP", 0, false},                         // a verb opening a sentence
		{"champions/NOUN Bath/PROPN won/VERB", 1, false},        // a word running text writes in lower case
		{"born/VERB in/ADP Bath/PROPN", 2, true},
		{"General/PROPN of/ADP Police/PROPN", 2, false},           // unless a preposition makes it a place
		{"said/VERB ,/PUNCT '/PUNCT Come/VERB out/ADP", 3, false}, // or a quotation
	}
	for _, tt := range tests {
		doc, ts := taggedTokens(tt.text)
		if got := r.oneWordPlace(doc, ts, tt.i); got != tt.want {
			t.Errorf("oneWordPlace(%q, %d) = %v, want %v", tt.text, tt.i, got, tt.want)
		}
	}
}
