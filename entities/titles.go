package entities

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/nlp"
)

// titles are the person titles that become an entity's role, keyed by
// gazetteer.Key with hyphens as spaces. Titles the PETRARCH agents table
// knows with a person head noun (below) are accepted too.
var titles = setOf(
	"president", "vice president", "president-elect", "prime minister", "deputy prime minister",
	"foreign minister", "defence minister", "defense minister", "interior minister",
	"finance minister", "minister", "secretary of state", "secretary-general", "secretary general",
	"un secretary-general", "chancellor", "king", "queen", "prince", "crown prince", "emperor",
	"pope", "ayatollah", "supreme leader", "governor", "mayor", "senator", "sen.", "rep.",
	"representative", "congressman", "congresswoman", "speaker", "house speaker", "ambassador",
	"envoy", "special envoy", "spokesman", "spokeswoman", "spokesperson", "general", "gen.",
	"lt. gen.", "maj. gen.", "brig. gen.", "col.", "colonel", "admiral", "commander", "premier",
	"judge", "justice", "chief justice", "attorney general", "sheikh", "emir", "sultan",
	"opposition leader", "chairman", "chairwoman", "ceo", "defense secretary", "defence secretary",
	"foreign secretary", "home secretary", "press secretary", "national security adviser",
	"national security advisor", "health minister", "health secretary", "treasury secretary",
	"first lady", "lawmaker", "mp", "sergeant", "captain", "lieutenant", "major", "field marshal",
	"bishop", "archbishop", "cardinal", "imam", "rabbi", "professor", "prof.", "director",
	"commissioner", "police chief", "army chief", "military chief", "chief of staff",
	"vice premier", "general manager", "managing director", "lieutenant governor", "state senator",
	"trade representative", "sens.", "reps.", "gov.", "lt. gov.", "lt. col.", "capt.", "lt.", "sgt.",
	"adm.", "cmdr.",
)

// abbreviations are the abbreviated titles and their role names, so that
// "Sen. Cory Booker" and "Senator Cory Booker" get the same role (and the
// role its sector).
var abbreviations = map[string]string{
	"sen.": "Senator", "sens.": "Senator", "rep.": "Representative", "reps.": "Representative",
	"gov.": "Governor", "lt. gov.": "Lieutenant Governor", "gen.": "General",
	"lt. gen.": "Lieutenant General", "maj. gen.": "Major General", "brig. gen.": "Brigadier General",
	"col.": "Colonel", "lt. col.": "Lieutenant Colonel", "capt.": "Captain", "lt.": "Lieutenant",
	"sgt.": "Sergeant", "adm.": "Admiral", "cmdr.": "Commander", "prof.": "Professor",
}

// legislatorTitles are the titles of US members of Congress and state
// officials, whose place word ("Georgia Sen.", "New Jersey Gov.") is a
// state rather than a country.
var legislatorTitles = setOf("senator", "representative", "congressman", "congresswoman",
	"governor", "lieutenant governor", "state senator")

// honorifics are stripped from names but are not roles.
var honorifics = setOf("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady")

// titleHeads are the last words of agent phrases that name a person's
// office ("interior minister", "army commander").
var titleHeads = setOf("minister", "secretary", "president", "chancellor", "governor", "mayor",
	"senator", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "general",
	"commander", "chief", "leader", "premier", "director", "chairman", "adviser", "advisor",
	"official", "king", "prince")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titleKey is the lookup form of a title: "Vice-President" -> "vice president".
func titleKey(s string) string {
	return strings.ReplaceAll(gazetteer.Key(s), "-", " ")
}

// isTitle reports whether the phrase is a person title or honorific.
// Phrases of printable ASCII (nearly all) have their keys built on the
// stack: the spotter asks about every one- to four-word span of every
// capitalised run.
func isTitle(db *gazetteer.DB, phrase string) (title, honorific bool) {
	var kbuf, tbuf [64]byte
	if len(phrase) > len(kbuf) || !printableASCII(phrase) {
		return isTitleSlow(db, phrase)
	}
	k := gazetteer.AppendKey(kbuf[:0], phrase)
	if honorifics[string(k)] {
		return false, true
	}
	tk := append(tbuf[:0], k...)
	for i, c := range tk {
		if c == '-' {
			tk[i] = ' '
		}
	}
	if titles[string(k)] || titles[string(tk)] {
		return true, false
	}
	if db == nil {
		return false, false
	}
	// An agent phrase is a title when its last word is a title head; the
	// cheap test first.
	words := bytes.TrimRight(tk, " ")
	if !titleHeads[string(words[bytes.LastIndexByte(words, ' ')+1:])] {
		return false, false
	}
	_, ok := db.Agent(string(tk))
	return ok, false
}

// printableASCII reports whether s holds only the bytes ' ' to '~'.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// isTitleSlow is isTitle for any phrase.
func isTitleSlow(db *gazetteer.DB, phrase string) (title, honorific bool) {
	k := gazetteer.Key(phrase)
	if honorifics[k] {
		return false, true
	}
	tk := strings.ReplaceAll(k, "-", " ")
	if titles[k] || titles[tk] {
		return true, false
	}
	if db == nil {
		return false, false
	}
	if _, ok := db.Agent(tk); ok {
		w := strings.Fields(tk)
		return len(w) > 0 && titleHeads[w[len(w)-1]], false
	}
	return false, false
}

// titleSectors are the sectors of titles the agents table lacks or codes
// for another sense ("representative" there is a trade envoy).
var titleSectors = map[string]string{
	"representative": "LEG", "state senator": "LEG", "trade representative": "GOV",
	"general manager": "BUS", "managing director": "BUS",
}

// ranks are the titles police forces share with armies: in a sentence
// about the police ("said Lt. Dana Ortiz of the city police") they
// are police ranks.
var ranks = setOf("lieutenant", "sergeant", "captain", "commander", "lieutenant colonel", "colonel", "major")

// policeWords mark a sentence as being about the police.
var policeWords = setOf("police", "sheriff", "sheriff's", "trooper", "troopers", "constable", "precinct")

// rankSector is the sector that a sentence gives a rank: COP in a
// sentence about the police, none for "captain" in lower case ("England
// captain Harry Kane": a team's captain; news writes ranks before names
// capitalised), else "" (the title's own).
func rankSector(toks []nlp.Token, p prefix) (sector string, none bool) {
	if !ranks[titleKey(p.role)] {
		return "", false
	}
	for _, t := range toks {
		if policeWords[strings.ToLower(t.Text)] {
			return "COP", false
		}
	}
	return "", p.lower && titleKey(p.role) == "captain"
}

// titleSector is the CAMEO sector of a title from the agents table.
func titleSector(db *gazetteer.DB, title string) string {
	k := titleKey(strings.TrimPrefix(strings.ToLower(title), "former "))
	if s, ok := titleSectors[k]; ok {
		return s
	}
	code, ok := db.Agent(k)
	if !ok {
		w := strings.Fields(k)
		if len(w) == 0 {
			return ""
		}
		if code, ok = db.Agent(w[len(w)-1]); !ok {
			return ""
		}
	}
	_, sector := gazetteer.SplitCode(code)
	return sector
}

// span is a run of tokens [i,j) of one sentence.
type span struct{ i, j int }

// sliceText is the document text of tokens [i,j).
func sliceText(doc *nlp.Doc, toks []nlp.Token, i, j int) string {
	return doc.Text[toks[i].BStart:toks[j-1].BEnd]
}

// roleTitle formats a title as a role: abbreviations spelt out ("Sen." ->
// "Senator"), else the text as written when it is capitalised ("Foreign
// Minister", "Vice-President"), else title case.
func roleTitle(s string) string {
	if full, ok := abbreviations[titleKey(s)]; ok {
		return full
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsUpper(r) {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && connectors[w] {
			continue
		}
		b := []rune(w)
		up := true
		for k, r := range b {
			if up {
				b[k] = unicode.ToUpper(r)
			}
			up = r == '-'
		}
		words[i] = string(b)
	}
	return strings.Join(words, " ")
}

// prefix is what stands before a name: "Russian Foreign Minister".
type prefix struct {
	start   int    // first token of the prefix
	role    string // "Foreign Minister"
	country string // alpha-3 from a demonym or country name
	former  bool
	lower   bool // the title is written in lower case ("England captain")
}

// leftContext reads the title and country words that end just before
// token end (exclusive), walking left: [country|demonym ['s]] [former]
// title. It returns start == end when there is no title.
func leftContext(db *gazetteer.DB, doc *nlp.Doc, toks []nlp.Token, end int) prefix {
	p := prefix{start: end}
	j := end
	for n := 4; n >= 1; n-- {
		if j-n < 0 || !classify(toks[j-n].Text).word {
			continue // "— Ambassador", "-Premier" of "Vice-Premier"
		}
		if t, h := isTitle(db, sliceText(doc, toks, j-n, j)); t || h {
			if t {
				p.role = roleTitle(sliceText(doc, toks, j-n, j))
				p.lower = !startsUpper(sliceText(doc, toks, j-n, j))
			}
			j -= n
			break
		}
	}
	if j == end {
		return p
	}
	p.start = j
	if j > 0 && strings.EqualFold(toks[j-1].Text, "former") {
		p.former = true
		j--
		p.start = j
	}
	k := j
	if k > 0 && isPossessive(toks[k-1].Text) {
		k--
	}
	for n := 3; n >= 1; n-- {
		if k-n < 0 {
			continue
		}
		txt := sliceText(doc, toks, k-n, k)
		if !startsUpper(txt) {
			continue
		}
		if c, ok := db.CountryByDemonym(txt); ok && k == j {
			p.country, p.start = c.Alpha3, k-n
			break
		}
		if c := placeCountry(db, txt, legislatorTitles[titleKey(p.role)]); c != "" {
			p.country, p.start = c, k-n
			break
		}
	}
	return p
}

// placeCountry is the country (alpha-3) of a country or first-level
// region named txt ("Russia", "New Jersey"), or "". A name that is both
// ("Georgia") is the region when preferRegion is set.
func placeCountry(db *gazetteer.DB, txt string, preferRegion bool) string {
	region := func() string {
		if re, ok := db.RegionNamed(txt); ok {
			if c, ok := db.CountryByAlpha2(re.Country); ok {
				return c.Alpha3
			}
		}
		return ""
	}
	if preferRegion {
		if c := region(); c != "" {
			return c
		}
	}
	if c, ok := db.CountryNamed(txt); ok && caseOK(txt, gazetteer.Key(txt)) {
		return c.Alpha3
	}
	return region()
}

func isPossessive(s string) bool { return s == "'s" || s == "’s" || s == "'" || s == "’" }

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// caseOK applies the case rule for short keys: a name of three letters or
// fewer ("US", "UN") must be written in capitals so that "us" is not the
// United States.
func caseOK(text, key string) bool {
	letters := 0
	for _, r := range key {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters > 3 {
		return true
	}
	for _, r := range text {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// rightContext reads an appositive title after a name ending at token
// end: ", [the|a] [former] [country|demonym ['s]] title" followed by a
// comma, a full stop or the end ("Sergei Lavrov, Russia's foreign
// minister, said").
func rightContext(db *gazetteer.DB, doc *nlp.Doc, toks []nlp.Token, end int) prefix {
	var p prefix
	k := end
	if k >= len(toks) || toks[k].Text != "," {
		return p
	}
	k++
	if k < len(toks) && (strings.EqualFold(toks[k].Text, "the") || strings.EqualFold(toks[k].Text, "a")) {
		k++
	}
	if k < len(toks) && strings.EqualFold(toks[k].Text, "former") {
		p.former = true
		k++
	}
	for n := min(3, len(toks)-k); n >= 1; n-- {
		txt := sliceText(doc, toks, k, k+n)
		if !startsUpper(txt) {
			continue
		}
		if c, ok := db.CountryByDemonym(txt); ok {
			p.country, k = c.Alpha3, k+n
			break
		}
		if c, ok := db.CountryNamed(txt); ok && caseOK(txt, gazetteer.Key(txt)) {
			p.country, k = c.Alpha3, k+n
			if k < len(toks) && isPossessive(toks[k].Text) {
				k++
			}
			break
		}
	}
	for n := min(4, len(toks)-k); n >= 1; n-- {
		txt := sliceText(doc, toks, k, k+n)
		if t, _ := isTitle(db, txt); !t {
			continue
		}
		if e := k + n; e == len(toks) || toks[e].Text == "," || toks[e].Text == "." || toks[e].Text == ";" {
			p.role = roleTitle(txt)
			return p
		}
		break
	}
	return prefix{}
}

// titleFrom returns the number of tokens of the longest title starting at
// token k, or 0.
func titleFrom(db *gazetteer.DB, doc *nlp.Doc, toks []nlp.Token, k int) int {
	for n := min(4, len(toks)-k); n >= 1; n-- {
		if t, _ := isTitle(db, sliceText(doc, toks, k, k+n)); t {
			return n
		}
	}
	return 0
}

// usStates maps the spellings of US states in party tags and datelines
// to their postal codes: the codes themselves and AP's abbreviations
// (without full stops), all lower case; the names AP does not abbreviate
// are in the region table.
var usStates = func() map[string]string {
	m := map[string]string{}
	for _, c := range strings.Fields("al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms " +
		"mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc") {
		m[c] = strings.ToUpper(c)
	}
	for _, p := range strings.Fields("ala:AL ariz:AZ ark:AR calif:CA colo:CO conn:CT del:DE fla:FL ill:IL " +
		"ind:IN kan:KS kans:KS mass:MA mich:MI minn:MN miss:MS mont:MT neb:NE nev:NV okla:OK ore:OR " +
		"tenn:TN wash:WA wis:WI wyo:WY wva:WV alaska:AK hawaii:HI idaho:ID iowa:IA maine:ME ohio:OH " +
		"texas:TX utah:UT") {
		k, v, _ := strings.Cut(p, ":")
		m[k] = v
	}
	return m
}()

// stateAbbrev returns the postal code of a state written as a postal code
// in capitals ("NJ") or an AP abbreviation with its full stop ("Calif.",
// "N.Y."): the state after a city ("Holmdel, NJ").
func stateAbbrev(text string) (string, bool) {
	bare := strings.ReplaceAll(text, ".", "")
	if bare == text && (len(text) != 2 || strings.ToUpper(text) != text) {
		return "", false
	}
	code, ok := usStates[strings.ToLower(bare)]
	return code, ok
}

// partyState reports whether the tokens from k are a US party-and-state
// tag, "(D-NY)", "(R-Neb.)", "(I-Vt.)" or ", R-W.Va.,", which follows the
// names of members of Congress and of state legislatures.
func partyState(toks []nlp.Token, k int) bool {
	if k+2 >= len(toks) || toks[k].Text != "(" && toks[k].Text != "," {
		return false
	}
	closing := ")"
	if toks[k].Text == "," {
		closing = "," // "Rep. David McKinley, R-W.Va., visited"
	}
	var tag strings.Builder
	for e := k + 1; e < len(toks) && e <= k+5; e++ {
		if toks[e].Text == closing {
			party, state, ok := strings.Cut(tag.String(), "-")
			_, known := usStates[state]
			return ok && (party == "d" || party == "r" || party == "i") && known
		}
		tag.WriteString(strings.ToLower(strings.ReplaceAll(toks[e].Text, ".", "")))
	}
	return false
}
