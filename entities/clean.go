package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/nlp"
)

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
	if j-i == 1 && pluralAcronym(toks[i].Text) && !r.db.HasName(toks[i].Text) {
		return nil, false // "RCTs", "ICUs": kinds of things, no names
	}
	if onlySuffixes(toks[i:j]) {
		return nil, false // "L.P.", "PVT. LTD." cut from their company's name
	}
	if inWorkTitle(toks, i, j, m.Type) {
		return nil, false
	}
	if edited && r.lowerCaseWords(doc, toks, i, j, m.Type) {
		return nil, false
	}
	x := &mention{}
	if i > 0 {
		x.prev = strings.ToLower(toks[i-1].Text)
	}
	typ := r.retype(doc, toks, i, j, m.Type)
	if typ == "PERSON" && !r.personName(doc, toks, i, j) {
		return nil, false
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

// lowerCaseWords reports whether toks[i:j] are words in lower case that
// edited text would capitalise if they were a name ("levy", "parry"): not
// a place a table knows, a nationality, or an organisation described by its
// office ("interior ministry").
func (r *Resolver) lowerCaseWords(doc *nlp.Doc, toks []nlp.Token, i, j int, typ string) bool {
	txt := strings.TrimPrefix(sliceText(doc, toks, i, j), "The ")
	if typ == "NORP" || hasUpper(txt) || r.knownPlace(txt) {
		return false
	}
	return !(typ == "ORG" && j-i > 1 && orgWords[strings.ToLower(toks[j-1].Text)])
}

// retype corrects the NER's type of the name toks[i:j] where a table or
// the name's shape says otherwise: a country name is a GPE ("Jordan" unless
// "Jordan said"), a title before a name or a known person is a PERSON, an
// institution, company or think tank is an ORG, a venue no place table
// knows is a LOC, and a place no table knows that speaks is an ORG.
func (r *Resolver) retype(doc *nlp.Doc, toks []nlp.Token, i, j int, typ string) string {
	txt := sliceText(doc, toks, i, j)
	switch {
	case caseOK(txt, gazetteer.Key(txt)) && r.isCountry(txt) && !r.isDemonym(typ, txt) &&
		!(typ == "PERSON" && j < len(toks) && personCues[strings.ToLower(toks[j].Text)]):
		return "GPE"
	case typ == "ORG" && j-i > 1 && r.curatedRegion(txt):
		return "GPE" // "Kherson Oblast"
	case typ != "PERSON" && typ != "NORP" && (r.titledPerson(doc, toks, i, j) || r.tablePerson(typ, txt, j-i)):
		return "PERSON"
	case typ == "PERSON" && j-i > 1 && r.organisationName(toks[i:j], txt):
		return "ORG" // "Walt Disney Co.", "Trinity Academy"
	case (typ == "PERSON" || typ == "GPE" || typ == "LOC") && i > 0 && orgNouns[toks[i-1].Text] &&
		!r.knownPlace(txt) && len(r.db.ActorsNamed(txt)) == 0:
		return "ORG" // "energy company Burisma", "the social media platform Douyin"
	case (typ == "GPE" || typ == "LOC") && j < len(toks) && personCues[strings.ToLower(toks[j].Text)] && !r.knownPlace(txt):
		return "ORG" // "Amazon says": a place no table knows that speaks is an organisation
	case (typ == "GPE" || typ == "LOC") && j-i > 1 && !r.knownPlace(txt):
		switch last := strings.ToLower(toks[j-1].Text); {
		case institutionHeads[last]:
			return "ORG" // "Rice University", "Westminster Magistrate's Court", "Tempus Inc."
		case j-i > 2 && institutionHeads[strings.ToLower(toks[i].Text)] && strings.ToLower(toks[i+1].Text) == "of":
			return "ORG" // "University of Florida", "Ministry of Defence"
		case facilityHeads[last] && thinkTank(toks[i:j]):
			return "ORG" // "Pew Research Center"
		case facilityHeads[last] && typ == "GPE":
			return "LOC" // "Heinz Field", "Bridgestone Arena": no country, city or region
		}
	}
	return typ
}

// organisationName reports whether a name the NER took for a person's is
// an organisation's: one a table knows as such, or one ending in a company
// suffix or an institution word.
func (r *Resolver) organisationName(toks []nlp.Token, txt string) bool {
	if _, ok := r.db.OrgNamed(txt); ok {
		return true
	}
	last := strings.ToLower(toks[len(toks)-1].Text)
	return institutionHeads[last] || orgWords[last] || last == "co." || last == "co"
}

// isDemonym reports whether a NORP mention is spelt as a nationality
// ("Thai"), not only as a country ("Gibraltar" typed NORP is the place).
func (r *Resolver) isDemonym(typ, txt string) bool {
	if typ != "NORP" {
		return false
	}
	_, ok := r.db.CountryByDemonym(txt)
	return ok
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
	// Common nouns the NER ran on into ("BBC interviewer", "Apple laptops"),
	// not a head word ("Indian navy", "Gaza strip"), the end of a hyphenated
	// name ("Kim Jong-un") or a possessive that lost its apostrophe
	// ("McDonald s").
	for j > i+1 && len(toks[j-1].Text) > 1 && isLowerASCII(toks[j-1].Text) && !nameHeads(toks[j-1].Text) &&
		toks[j-2].Text != "-" && hasUpper(sliceText(doc, toks, i, j-1)) {
		j--
	}
	keepPossessive := m.Type != "PERSON" && ellipticPossessive(toks, j)
	for j > i && (isPossessive(toks[j-1].Text) && !keepPossessive || !classify(toks[j-1].Text).word) {
		if toks[j-1].Text == ")" && opens(toks[i:j-1]) {
			break // "Sloga (K)": the bracket is part of the name
		}
		j--
	}
	if j > i+1 && isPossessive(toks[j-1].Text) && !classify(toks[j-2].Text).word {
		j -= 2
	}
	for i < j && (!classify(toks[i].Text).word || isPossessive(toks[i].Text) || toks[i].Text == "the") {
		i++
	}
	// A bracket that closes what opened before the span ("(Frank) Vogel"):
	// the name starts after it.
	for k := i; k < j; k++ {
		if toks[k].Text == "(" {
			break
		}
		if toks[k].Text == ")" {
			i = k + 1
		}
	}
	// Codes after a name: "London Metal Exchange CMAL3", "Brent LCOc1".
	for j > i+1 && instrumentCode(toks[j-1].Text) {
		j--
	}
	if j == i+1 && instrumentCode(toks[i].Text) {
		return i, i // "MIWD00000PUS"
	}
	if m.Type == "PERSON" {
		// A common noun the NER ran into the name ("astronaut Christer
		// Fuglesang"); particles ("de Gaulle", "van Gogh") stay.
		for i+1 < j && startsLower(toks[i].Text) && toks[i].UPOS != "PROPN" && !nameParticles[toks[i].Text] &&
			!r.db.IsGivenName(toks[i].Text) && startsUpper(toks[i+1].Text) {
			i++
		}
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

// orgNouns, in lower case right before a name, say it is an organisation's
// ("energy company Burisma"). Not nouns also used of people ("publisher
// Jimmy Lai", "developer"), nor of ships ("carrier").
var orgNouns = setOf("company", "firm", "group", "startup", "start-up", "retailer", "airline", "bank",
	"maker", "manufacturer", "website", "platform", "app", "insurer", "lender", "conglomerate",
	"newspaper", "broadcaster", "channel", "network", "club", "band", "label", "brand", "chain",
	"automaker", "carmaker", "chipmaker", "giant", "outlet", "tabloid", "daily", "weekly")

// geoHeads end the names of natural and administrative places.
var geoHeads = setOf("strip", "river", "lake", "mountains", "mountain", "mount", "island", "islands",
	"valley", "desert", "sea", "bay", "coast", "county", "province", "region", "state", "district",
	"peninsula", "gulf", "canal", "forest", "hills", "beach", "heartland", "plateau", "basin")

// nameHeads reports whether a lower-case word can end a name: an
// organisation's, a building's or a place's head ("navy", "museum",
// "strip").
func nameHeads(w string) bool {
	return orgWords[w] || institutionHeads[w] || facilityHeads[w] || geoHeads[w]
}

// nameParticles begin surnames in lower case.
var nameParticles = setOf("de", "da", "di", "do", "dos", "das", "du", "del", "della", "der", "den",
	"van", "von", "ter", "ten", "le", "la", "al", "el", "bin", "ibn", "abu", "ben", "mac", "st.")

// companySuffixes, without their full stops, end companies' names and
// name none alone.
var companySuffixes = setOf("inc", "llc", "ltd", "lp", "llp", "plc", "corp", "gmbh", "pvt", "pty")

// onlySuffixes reports whether every token is a company suffix.
func onlySuffixes(toks []nlp.Token) bool {
	for _, t := range toks {
		if !companySuffixes[strings.ToLower(strings.ReplaceAll(t.Text, ".", ""))] {
			return false
		}
	}
	return len(toks) > 0
}

// pluralAcronym reports whether s is capitals and a final lower-case s
// ("NGOs", "AMAs").
func pluralAcronym(s string) bool {
	if len(s) < 3 || s[len(s)-1] != 's' {
		return false
	}
	for i := 0; i < len(s)-1; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// startsLower reports whether s begins with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// opensSentence reports whether toks[i] is first in its sentence, or in a
// quotation within it ("said, 'Come out"), where capitals say nothing.
func opensSentence(toks []nlp.Token, i int) bool {
	return i == 0 || !classify(toks[i-1].Text).word && (i == 1 || openingQuotes[toks[i-1].Text])
}

// openingQuotes open a quotation, which starts like a sentence.
var openingQuotes = setOf("\"", "'", "“", "‘", "``", "`")

// inPrepositions put what follows in a place ("in Bath"); unlike
// placePrepositions, not "of" ("Inspector-General of Police").
var inPrepositions = setOf("in", "at", "near", "from", "to", "into", "outside", "toward", "towards",
	"across", "around", "through", "via")

// instrumentCode reports whether a token is a code of market data
// ("CMAL3", "LCOc1", "MIWD00000PUS"): five or more letters and digits, at
// least one digit and three capitals; model names ("R20", "G3") are shorter.
func instrumentCode(s string) bool {
	digits, upper, lower := 0, 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower++
		default:
			return false
		}
	}
	return digits > 0 && upper >= 3 && len(s) >= 5
}

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
// stands for its noun ("dinner at Lord 's", "Macy 's was full"),
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
	if len(r.db.SubdivisionsNamed(w)) > 0 && (r.lower == nil || !r.lower(w)) {
		return true // "Queensland electricity prices"; not "Plateau", a word
	}
	if i+2 < len(toks) && toks[i+1].Text == "," {
		for n := 1; n <= 3 && i+2+n <= len(toks); n++ {
			if r.knownPlace(sliceText(doc, toks, i+2, i+2+n)) {
				return true // a dateline: "WANAKA, New Zealand"
			}
		}
	}
	first := opensSentence(toks, i)
	if first && !r.knownPlace(w) && !(toks[i].UPOS == "PROPN" && i+1 < len(toks) &&
		(toks[i+1].UPOS == "VERB" || toks[i+1].UPOS == "AUX")) {
		return false // "Known", "Upheaval"; not "Kalakhan is in ruins"
	}
	if r.lower != nil && r.lower(w) && (i == 0 || !inPrepositions[strings.ToLower(toks[i-1].Text)]) {
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

// personName reports whether the PERSON name toks[i:j] may be one: not a
// lone initial ("S." of "non-U.S."), not a state abbreviation ("W.Va." of
// "R-W.Va."), and not one word running text writes in lower case opening
// its sentence, where only a speech verb after it makes it a name ("Baker
// said").
func (r *Resolver) personName(doc *nlp.Doc, toks []nlp.Token, i, j int) bool {
	txt := sliceText(doc, toks, i, j)
	if _, ok := stateAbbrev(txt); ok && strings.Contains(txt, ".") {
		return false
	}
	if j-i > 1 {
		return true
	}
	if len(txt) == 2 && txt[1] == '.' {
		return false
	}
	first := opensSentence(toks, i)
	cue := i+1 < len(toks) && personCues[strings.ToLower(toks[i+1].Text)]
	return !(first && !cue && r.lower != nil && r.lower(txt))
}

// tablePerson reports whether a name of n words the NER typed typ is a
// person's the actor table knows: several words typed ORG ("Elon Musk"),
// or one word typed as a place ("Macron", "the Trump administration").
// Multi-word places the table calls people are its errors.
func (r *Resolver) tablePerson(typ, name string, n int) bool {
	return (typ == "ORG" && n > 1 || (typ == "GPE" || typ == "LOC") && n == 1) && r.onlyPerson(name)
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
