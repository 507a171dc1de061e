package entities

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/nlp"
)

// Resolver turns the mentions of a Spotter into the canonical entities of
// an article. It implements analyze.Annotator and is safe for concurrent
// use.
type Resolver struct {
	sp    Spotter
	db    *gazetteer.DB
	lower func(word string) bool // see LowercaseWords
}

// An Option configures a Resolver.
type Option func(*Resolver)

// LowercaseWords gives the Resolver a test for words that running text
// writes in lower case ("bath", "sale"): one-word places spelt so are
// taken only where a preposition or a dateline makes them places ("in
// Bath"), not in "champions Bath" or "Orrell 13 Bath 56".
func LowercaseWords(f func(word string) bool) Option { return func(r *Resolver) { r.lower = f } }

// New returns a Resolver that takes mentions from sp and codes from db.
func New(sp Spotter, db *gazetteer.DB, opts ...Option) *Resolver {
	r := &Resolver{sp: sp, db: db}
	for _, o := range opts {
		o(r)
	}
	return r
}

// NewDefault returns a Resolver over the embedded tables with the
// dictionary spotter alone, for use before (or without) the NER model.
func NewDefault() (*Resolver, error) {
	db, err := gazetteer.Load()
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return New(NewDictSpotter(db), db), nil
}

// Annotate fills a.Entities from doc, which must be the analysis of a.Text.
// Entities get ids e1, e2, … in order of first mention; roles and sectors
// of known actors are those valid at a.Published (the latest when unknown).
func (r *Resolver) Annotate(ctx context.Context, doc *nlp.Doc, a *tidings.Article) error {
	if a == nil {
		return errors.New("entities: nil article")
	}
	if doc == nil {
		return fmt.Errorf("entities: article %q: nil nlp document", a.ID)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("entities: article %q: %w", a.ID, err)
	}
	if err := validate(doc); err != nil {
		return fmt.Errorf("entities: article %q: %w", a.ID, err)
	}
	date := 0
	if a.Published != nil {
		date, _ = strconv.Atoi(a.Published.UTC().Format("20060102"))
	}
	a.Entities = r.Resolve(doc, date)
	return nil
}

// validate checks that every token's byte range lies in doc.Text, so
// that slicing the text cannot panic.
func validate(doc *nlp.Doc) error {
	for si, s := range doc.Sentences {
		for ti, t := range s.Tokens {
			if t.BStart < 0 || t.BStart > t.BEnd || t.BEnd > len(doc.Text) || t.Start > t.End {
				return fmt.Errorf("sentence %d token %d (%q): offsets %d:%d outside the text", si, ti, t.Text, t.BStart, t.BEnd)
			}
		}
	}
	return nil
}

// Resolve groups the mentions of doc into entities; date is YYYYMMDD or 0.
// doc's token offsets must lie within doc.Text (Annotate checks them).
func (r *Resolver) Resolve(doc *nlp.Doc, date int) []tidings.Entity {
	var ms []*mention
	edited := editedText(doc)
	for _, m := range r.joinHyphenated(doc, r.sp.Spot(doc)) {
		if x, ok := r.clean(doc, m, edited); ok {
			ms = append(ms, x)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].CStart != ms[j].CStart {
			return ms[i].CStart < ms[j].CStart
		}
		return ms[i].CEnd > ms[j].CEnd
	})
	cs := r.group(dropNested(ms))
	r.describe(doc, cs)
	return r.entities(cs, date)
}

// dropNested removes mentions inside an earlier, longer one (sorted by
// start, longest first): spotters that overlap must not double-count.
func dropNested(ms []*mention) []*mention {
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.CEnd <= end {
			continue
		}
		out = append(out, m)
		end = m.CEnd
	}
	return out
}

// mention is a cleaned Mention with what its context says.
type mention struct {
	Mention
	words   []string // keys of the name's tokens
	prev    string   // the token before, lower case
	role    string
	country string
	sector  string // from the context, when it says ("(D-NY)": LEG)
	former  bool
	// noSector: the title gives no sector ("England captain").
	noSector bool
}

// clean validates a mention, trims possessives, articles and punctuation,
// strips titles into the role and reads the demonym before the title.
func (r *Resolver) clean(doc *nlp.Doc, m Mention, edited bool) (*mention, bool) {
	if m.Sent < 0 || m.Sent >= len(doc.Sentences) {
		return nil, false
	}
	toks := doc.Sentences[m.Sent].Tokens
	if m.Start < 0 || m.End > len(toks) || m.Start >= m.End {
		return nil, false
	}
	i, j := r.trimSpan(doc, toks, m)
	if i >= j || m.Type == "MISC" {
		return nil, false
	}
	if (m.Type == "GPE" || m.Type == "LOC") && j-i == 1 && !r.oneWordPlace(doc, toks, i) {
		return nil, false
	}
	if txt := strings.TrimPrefix(sliceText(doc, toks, i, j), "The "); edited && m.Type != "NORP" && !hasUpper(txt) && !r.knownPlace(txt) &&
		!(m.Type == "ORG" && j-i > 1 && orgWords[strings.ToLower(toks[j-1].Text)]) {
		return nil, false // "levy", "parry": edited news capitalises names, not "interior ministry"
	}
	x := &mention{}
	if i > 0 {
		x.prev = strings.ToLower(toks[i-1].Text)
	}
	typ := m.Type
	if txt := sliceText(doc, toks, i, j); typ != "NORP" && caseOK(txt, gazetteer.Key(txt)) && r.isCountry(txt) &&
		!(typ == "PERSON" && j < len(toks) && personCues[strings.ToLower(toks[j].Text)]) {
		typ = "GPE" // not "Jordan said"
	} else if typ != "PERSON" && typ != "NORP" && (r.titledPerson(doc, toks, i, j) || typ == "ORG" && j-i > 1 && r.onlyPerson(sliceText(doc, toks, i, j))) {
		typ = "PERSON"
	} else if (typ == "GPE" || typ == "LOC") && j-i > 1 && !r.knownPlace(sliceText(doc, toks, i, j)) {
		switch last := strings.ToLower(toks[j-1].Text); {
		case institutionHeads[last]:
			typ = "ORG" // "Rice University", "Westminster Magistrate's Court", "Tempus Inc."
		case facilityHeads[last] && thinkTank(toks[i:j]):
			typ = "ORG" // "Pew Research Center"
		case facilityHeads[last] && typ == "GPE":
			typ = "LOC" // "Heinz Field", "Bridgestone Arena": no country, city or region
		}
	}
	if typ == "PERSON" {
		// Titles inside the span ("President Donald Trump") and before it.
		for k := i + 1; k < j; k++ {
			if p := leftContext(r.db, doc, toks[:k], k); p.start <= i && p.start < k {
				i = k
				break
			}
		}
		p := leftContext(r.db, doc, toks, i)
		if p.role == "" {
			p = rightContext(r.db, doc, toks, j)
		}
		x.role, x.country, x.former = p.role, p.country, p.former
		x.sector, x.noSector = rankSector(toks, p)
		if partyState(toks, j) {
			// "Rep. José Serrano (D-NY)": a US politician (a member of
			// Congress unless a title says otherwise), whatever namesake
			// the actor table knows.
			x.country = "USA"
			if x.role == "" {
				x.sector = "LEG"
			}
		}
	}
	x.Mention = mentionOf(doc, m.Sent, i, j, typ, m.Score)
	if n := len(x.Text); n > 2 && !isPossessive(toks[j-1].Text) && (strings.HasSuffix(x.Text, "'s") || strings.HasSuffix(x.Text, "’s")) {
		// A possessive the tokenizer left on the word ("Russia's"); one
		// it split off and the trimming kept is part of the name.
		cut := 2
		if strings.HasSuffix(x.Text, "’s") {
			cut = 4
		}
		x.Text = x.Text[:n-cut]
		x.CEnd -= 2
	}
	for k := i; k < j; k++ {
		if w := strings.TrimSuffix(strings.TrimSuffix(gazetteer.Key(toks[k].Text), "'s"), "’s"); classify(w).word {
			x.words = append(x.words, w)
		}
	}
	return x, true
}

// editedText reports whether doc is capitalised as edited text is: most
// of its sentences start with a capital. Only there does a name in lower
// case mean it is no name (chat and forum posts write "kerala", "jen").
func editedText(doc *nlp.Doc) bool {
	capital, all := 0, 0
	for _, s := range doc.Sentences {
		for _, t := range s.Tokens {
			if !classify(t.Text).word {
				continue
			}
			all++
			if startsUpper(t.Text) {
				capital++
			}
			break
		}
	}
	return all > 0 && capital*5 >= all*4
}

// trimSpan returns the part of m's span that names: without punctuation
// around it, a leading lower-case "the" or possessive, a trailing
// possessive of a person or place ("Russia 's"; an organisation or venue
// keeps it: "Lord 's", "Del Frisco 's"), and a title the span ends in
// ("US Vice-President" before "JD Vance").
func (r *Resolver) trimSpan(doc *nlp.Doc, toks []nlp.Token, m Mention) (i, j int) {
	i, j = m.Start, m.End
	keepPossessive := m.Type != "PERSON" && ellipticPossessive(toks, j)
	for j > i && (isPossessive(toks[j-1].Text) && !keepPossessive || !classify(toks[j-1].Text).word) {
		if toks[j-1].Text == ")" && opens(toks[i:j-1]) {
			break // "Mladost (L)": the bracket is part of the name
		}
		j--
	}
	if j > i+1 && isPossessive(toks[j-1].Text) && !classify(toks[j-2].Text).word {
		j -= 2
	}
	for i < j && (!classify(toks[i].Text).word || isPossessive(toks[i].Text) || toks[i].Text == "the") {
		i++
	}
	if m.Type == "PERSON" {
		return i, j
	}
	for k := i + 1; k < j; k++ {
		// Not after "of" ("International Court of Justice"), nor at an
		// organisation word ("British Labour Party leader").
		if connectors[strings.ToLower(toks[k-1].Text)] || orgWords[strings.ToLower(toks[k].Text)] {
			continue
		}
		// The title runs past the span, or ends it before a name
		// ("US Vice-President JD Vance"; not "Burger King").
		if n := titleFrom(r.db, doc, toks, k); n > 0 && (k+n > j ||
			k+n == j && j < len(toks) && startsUpper(toks[j].Text) && classify(toks[j].Text).word) {
			return i, k
		}
	}
	return i, j
}

// openingQuotes open a quotation, which starts like a sentence.
var openingQuotes = setOf("\"", "'", "“", "‘", "``", "`")

// opens reports whether toks hold an opening bracket.
func opens(toks []nlp.Token) bool {
	for _, t := range toks {
		if t.Text == "(" {
			return true
		}
	}
	return false
}

// ellipticPossessive reports whether the possessive ending a span at j
// stands for its noun ("dinner at Lord 's", "Boatmen 's was the prize"),
// so that it is part of a name, rather than a genitive before one
// ("the Defence Ministry 's statement").
func ellipticPossessive(toks []nlp.Token, j int) bool {
	if j == 0 || !isPossessive(toks[j-1].Text) || j == len(toks) {
		return true
	}
	switch next := toks[j]; next.UPOS {
	case "NOUN", "PROPN", "ADJ", "NUM":
		return false
	case "":
		return !classify(next.Text).word
	}
	return true
}

// titledPerson reports whether toks[i:j], which the spotter did not take
// for a person, is a title or honorific followed by a person's name: a
// given name, a known actor or, after an honorific, any name ("President
// Bashar al-Assad", "Queen Elizabeth II", "Mr. Xi" read as organisations).
// Names that a table knows as a place or an institution ("Justice
// Department") and phrases after a place preposition ("at Queen Elizabeth
// Central", a hospital) are left alone.
func (r *Resolver) titledPerson(doc *nlp.Doc, toks []nlp.Token, i, j int) bool {
	if i > 0 && facilityPrepositions[strings.ToLower(toks[i-1].Text)] {
		return false
	}
	for n := min(4, j-i-1); n >= 1; n-- {
		title, honorific := isTitle(r.db, sliceText(doc, toks, i, i+n))
		if !title && !honorific {
			continue
		}
		rest := sliceText(doc, toks, i+n, j)
		if !startsUpper(rest) || r.knownPlace(rest) {
			return false
		}
		return honorific || r.db.IsGivenName(toks[i+n].Text) || len(r.db.ActorsNamed(rest)) > 0
	}
	return false
}

// oneWordPlace reports whether the one-token place mention toks[i] may
// stand: not a month ("March"), not a first word no table knows ("Known",
// "Upheaval"), not a word the tagger reads as no noun ("Most doctors",
// "Orange contrast stitching"), not the end of a compound ("T-Mobile"),
// unless a country or region table knows it.
func (r *Resolver) oneWordPlace(doc *nlp.Doc, toks []nlp.Token, i int) bool {
	w := toks[i].Text
	if calendar[strings.ToLower(w)] {
		return false
	}
	if r.isCountry(w) {
		return true
	}
	if _, ok := r.db.RegionNamed(w); ok {
		return true
	}
	if i+2 < len(toks) && toks[i+1].Text == "," {
		for n := 1; n <= 3 && i+2+n <= len(toks); n++ {
			if r.knownPlace(sliceText(doc, toks, i+2, i+2+n)) {
				return true // a dateline: "TAVILDARA, Tajikistan", "TOFTIR, Faroe Islands"
			}
		}
	}
	// First in its sentence, or in a quotation within it ("said, 'Come out").
	first := i == 0 || !classify(toks[i-1].Text).word && (i == 1 || openingQuotes[toks[i-1].Text])
	if first && !r.knownPlace(w) && !(toks[i].UPOS == "PROPN" && i+1 < len(toks) &&
		(toks[i+1].UPOS == "VERB" || toks[i+1].UPOS == "AUX")) {
		return false // "Known", "Upheaval"; not "Tavildara is in ruins"
	}
	if r.lower != nil && r.lower(w) && (i == 0 || !placePrepositions[strings.ToLower(toks[i-1].Text)]) {
		return false
	}
	switch toks[i].UPOS {
	case "ADJ", "DET", "ADV", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "NUM":
		return false
	case "VERB":
		// A verb opening a sentence ("Come together"); elsewhere a
		// capitalised "verb" is a name the tagger does not know ("to
		// Jerusalem").
		return !first
	}
	if i >= 2 && toks[i-1].Text == "-" && toks[i-1].BStart == toks[i-2].BEnd && toks[i].BStart == toks[i-1].BEnd &&
		!r.knownPlace(toks[i-2].Text) {
		return false
	}
	return true
}

// onlyPerson reports whether the actor table knows name, and only as a
// person ("Elon Musk" read as an organisation).
func (r *Resolver) onlyPerson(name string) bool {
	as := r.db.ActorsNamed(name)
	for _, a := range as {
		if a.Type != "PERSON" {
			return false
		}
	}
	return len(as) > 0 && !r.knownPlace(name)
}

// institutionHeads end the names of institutions, which the NER sometimes
// takes for places because a place name begins them ("Stanford
// University"). Words that also end place names (bank, union) are left out.
var institutionHeads = setOf("university", "college", "institute", "school", "academy", "hospital",
	"clinic", "court", "ministry", "department", "corporation", "company", "agency", "council",
	"committee", "commission", "foundation", "airlines", "airways", "inc", "inc.", "corp", "corp.",
	"ltd", "ltd.", "llc", "plc", "gmbh")

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// thinkTank reports whether a name that ends like a building's holds a
// word of research institutes ("Pew Research Center").
func thinkTank(toks []nlp.Token) bool {
	for _, t := range toks {
		switch strings.ToLower(t.Text) {
		case "research", "studies", "policy", "strategic", "progress", "analysis":
			return true
		}
	}
	return false
}

// facilityHeads end the names of buildings and grounds, which are LOC
// ("other places"), not GPE, when no table knows them as a city
// ("College Station" is one).
var facilityHeads = setOf("arena", "stadium", "field", "center", "centre", "auditorium", "amphitheatre",
	"amphitheater", "pavilion", "park", "square", "hall", "station", "airport", "bridge", "base",
	"palace", "tower", "building", "mall", "museum", "theatre", "theater", "mosque", "temple",
	"cathedral", "hotel", "casino", "prison", "camp", "facility", "complex", "plant", "factory",
	"refinery", "dam", "reactor")

// facilityPrepositions come before the name of a place one is at, such as
// a hospital or school named after a person.
var facilityPrepositions = setOf("at", "in", "inside", "outside", "near", "into", "to")

// knownPlace reports whether any table knows name as a place or an
// institution.
func (r *Resolver) knownPlace(name string) bool {
	if _, ok := r.db.RegionNamed(name); ok {
		return true
	}
	if _, ok := r.db.OrgNamed(name); ok {
		return true
	}
	return r.isCountry(name) || len(r.db.CitiesNamed(name)) > 0
}

func (r *Resolver) isCountry(name string) bool {
	_, ok := r.db.CountryNamed(name)
	return ok
}

// cluster is one entity being built.
type cluster struct {
	typ, name, key   string
	country, sector  string
	words            map[string]bool
	ms               []*mention
	tableName, table bool // name and codes come from a table
}

func (c *cluster) first() int { return c.ms[0].CStart }

// group clusters the mentions: table keys for places, nationalities and
// known organisations, word subsets for people, acronyms for the rest.
func (r *Resolver) group(ms []*mention) []*cluster {
	byKey := map[string]*cluster{}
	var cs []*cluster
	var people []*mention
	for _, m := range ms {
		if m.Type == "PERSON" {
			people = append(people, m)
			continue
		}
		c := r.placeOrOrg(m)
		if old, ok := byKey[c.key]; ok {
			old.ms = append(old.ms, m)
			continue
		}
		byKey[c.key] = c
		cs = append(cs, c)
	}
	persons := groupPeople(people)
	cs = absorbSurnames(cs, persons)
	cs = mergeAcronyms(cs)
	all := append(cs, persons...)
	for _, c := range all {
		sort.SliceStable(c.ms, func(i, j int) bool { return c.ms[i].CStart < c.ms[j].CStart })
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].first() < all[j].first() })
	return all
}

// groupPeople links each person mention to the fullest name that contains
// its words ("Trump" -> "Donald Trump"), the nearest earlier one when
// several do.
func groupPeople(people []*mention) []*cluster {
	order := append([]*mention(nil), people...)
	sort.SliceStable(order, func(i, j int) bool { return len(order[i].words) > len(order[j].words) })
	var cs []*cluster
	for _, m := range order {
		var best *cluster
		for _, c := range cs {
			if !subset(m.words, c.words) {
				continue
			}
			if best == nil || nearerBefore(c, best, m.CStart) {
				best = c
			}
		}
		if best == nil {
			best = &cluster{typ: "PERSON", words: map[string]bool{}}
			for _, w := range m.words {
				best.words[w] = true
			}
			cs = append(cs, best)
		}
		best.ms = append(best.ms, m)
		sort.SliceStable(best.ms, func(i, j int) bool { return best.ms[i].CStart < best.ms[j].CStart })
	}
	return cs
}

func subset(words []string, set map[string]bool) bool {
	for _, w := range words {
		if !set[w] {
			return false
		}
	}
	return true
}

// nearerBefore reports whether cluster a has a mention closer before pos
// than cluster b does.
func nearerBefore(a, b *cluster, pos int) bool {
	last := func(c *cluster) int {
		best := -1
		for _, m := range c.ms {
			if m.CStart <= pos && m.CStart > best {
				best = m.CStart
			}
		}
		return best
	}
	return last(a) > last(b)
}

// absorbable reports whether a one-word non-person cluster may be a
// person's name read wrongly: no table knows it, or it is only a city and
// never follows a place preposition ("Vladimir, STOP!").
func (c *cluster) absorbable() bool {
	if len(c.ms) == 0 || len(c.ms[0].words) == 0 || c.typ == "NORP" {
		return false
	}
	if !c.table {
		return true
	}
	if !strings.HasPrefix(c.key, "p:") {
		return false
	}
	for _, m := range c.ms {
		if placePrepositions[m.prev] {
			return false
		}
	}
	return true
}

// absorbSurnames moves non-person clusters whose words are part of a
// person's fuller name into that person (the NER's "Lavrov" ORG,
// "Vladimir" GPE, "al-Assad" GPE).
func absorbSurnames(cs, persons []*cluster) []*cluster {
	out := cs[:0]
	for _, c := range cs {
		if c.absorbable() {
			ws := c.ms[0].words
			var hit *cluster
			for _, p := range persons {
				if len(p.words) > len(ws) && subset(ws, p.words) {
					hit = p
					break
				}
			}
			if hit != nil {
				hit.ms = append(hit.ms, c.ms...)
				continue
			}
		}
		out = append(out, c)
	}
	return out
}
