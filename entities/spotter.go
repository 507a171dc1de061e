package entities

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/nlp"
)

// DictSpotter finds mentions by dictionary and rule: countries, demonyms,
// regions, organisations, PETRARCH actors and GeoNames cities by longest
// match; capitalised sequences after a title ("President Cyril Ramaphosa")
// or starting with a known given name as PERSON, or holding an
// organisation word ("Defence Ministry") as ORG; and, document-wide,
// surnames of the people found ("Trump" after "Donald Trump"). It is
// precise rather than complete: a fallback and extra signal for the NER.
// It is safe for concurrent use.
type DictSpotter struct {
	db *gazetteer.DB
}

// NewDictSpotter returns a dictionary spotter over the tables of db.
func NewDictSpotter(db *gazetteer.DB) *DictSpotter { return &DictSpotter{db: db} }

// tokInfo caches what the rules ask of a token.
type tokInfo struct {
	upper   bool // starts with a capital letter
	allCaps bool
	word    bool // has a letter
	covered bool
}

// Spot implements Spotter.
func (s *DictSpotter) Spot(doc *nlp.Doc) []Mention {
	if doc == nil {
		return nil
	}
	var out []Mention
	infos := make([][]tokInfo, len(doc.Sentences))
	var c dictCands
	for si := range doc.Sentences {
		toks := doc.Sentences[si].Tokens
		info := make([]tokInfo, len(toks))
		for i, t := range toks {
			info[i] = classify(t.Text)
		}
		infos[si] = info
		head := isHeadline(toks, info)
		out = append(out, s.dictionary(doc, si, info, head, &c)...)
		if !head {
			out = append(out, s.sequences(doc, si, info)...)
		}
	}
	out = s.surnames(doc, infos, out)
	sortMentions(out)
	return out
}

func classify(text string) tokInfo {
	ti := tokInfo{allCaps: true}
	first := true
	for _, r := range text {
		if r < utf8.RuneSelf {
			switch {
			case r >= 'a' && r <= 'z':
				ti.word = true
				ti.allCaps = false
			case r >= 'A' && r <= 'Z':
				ti.word = true
				ti.upper = ti.upper || first
			}
		} else if unicode.IsLetter(r) {
			ti.word = true
			if unicode.IsLower(r) {
				ti.allCaps = false
			} else if first && unicode.IsUpper(r) {
				ti.upper = true
			}
		}
		first = false
	}
	ti.allCaps = ti.allCaps && ti.word
	return ti
}

// isHeadline reports a title-case line ("Trump Urges Putin to 'STOP!'"),
// where capitals say nothing about names.
func isHeadline(toks []nlp.Token, info []tokInfo) bool {
	words, lower := 0, 0
	for i, t := range toks {
		if !info[i].word || len(t.Text) <= 3 {
			continue
		}
		words++
		if !info[i].upper {
			lower++
		}
	}
	return words >= 4 && (lower == 0 || words >= 10 && lower == 1)
}

// entry is a dictionary hit.
type entry struct {
	typ   string
	city  bool
	score float64
}

// lookup finds the entity type of a phrase in the tables, in order of
// trust: countries, demonyms, regions, organisations, actors, cities.
func (s *DictSpotter) lookup(text string) (entry, bool) {
	if !s.db.HasName(text) {
		return entry{}, false // most spans tried: one probe, no allocation
	}
	k := gazetteer.Key(text)
	if !caseOK(text, k) {
		return entry{}, false
	}
	db := s.db
	if _, ok := db.CountryNamed(k); ok {
		return entry{typ: "GPE", score: 1}, true
	}
	if _, ok := db.CountryByDemonym(k); ok {
		return entry{typ: "NORP", score: 1}, true
	}
	if r, ok := db.RegionNamed(k); ok {
		if r.Country == "" {
			return entry{typ: "LOC", score: 0.9}, true
		}
		return entry{typ: "GPE", score: 0.9}, true
	}
	if _, ok := db.OrgNamed(k); ok {
		return entry{typ: "ORG", score: 0.9}, true
	}
	if as := db.ActorsNamed(k); len(as) > 0 {
		return entry{typ: as[0].Type, score: 0.9}, true
	}
	if cs := db.CitiesNamed(k); len(cs) > 0 {
		return entry{typ: "GPE", city: true, score: 0.7}, true
	}
	return entry{}, false
}

// dictCands are the spans of a sentence that dictionary may look up, and
// whether each may be a name at all (gazetteer.DB.MayHaveNames: false only
// when HasName is), asked of the gazetteer for the whole sentence at once
// (see fill). Its slices are reused from one sentence to the next.
type dictCands struct {
	maxN  []int    // per token: the longest span from it to try, 0 if none
	at    []int    // per token: the index in texts of its longest span
	texts []string // per token, the spans from it, longest first; "" skipped
	may   []bool   // MayHaveNames of texts
	words []string // scratch: the capitalised tokens
	first []int    // scratch: their WordsFrom
	index []int    // scratch: their token indices
}

// fill finds the candidate spans of a sentence: from every capitalised
// token, the spans as long as the gazetteer's names from that word
// (WordsFrom) and shorter, ending in a word or an abbreviation.
func (c *dictCands) fill(db *gazetteer.DB, doc *nlp.Doc, toks []nlp.Token, info []tokInfo) {
	c.words, c.index = c.words[:0], c.index[:0]
	for i, t := range toks {
		if info[i].upper {
			c.words, c.index = append(c.words, t.Text), append(c.index, i)
		}
	}
	c.first = slices.Grow(c.first[:0], len(c.words))[:len(c.words)]
	db.WordsFromAll(c.words, c.first)
	c.maxN = append(c.maxN[:0], make([]int, len(toks))...)
	c.at = append(c.at[:0], make([]int, len(toks))...)
	c.texts = c.texts[:0]
	for k, i := range c.index {
		m := min(c.first[k], len(toks)-i)
		c.maxN[i], c.at[i] = m, len(c.texts)
		for n := m; n >= 1; n-- {
			text := ""
			if info[i+n-1].word || strings.HasSuffix(toks[i+n-1].Text, ".") {
				text = sliceText(doc, toks, i, i+n)
			}
			c.texts = append(c.texts, text)
		}
	}
	c.may = slices.Grow(c.may[:0], len(c.texts))[:len(c.texts)]
	db.MayHaveNames(c.texts, c.may)
}

// dictionary marks the longest dictionary matches of one sentence; c is
// scratch.
func (s *DictSpotter) dictionary(doc *nlp.Doc, si int, info []tokInfo, head bool, c *dictCands) []Mention {
	toks := doc.Sentences[si].Tokens
	c.fill(s.db, doc, toks, info)
	var out []Mention
	for i := 0; i < len(toks); i++ {
		if !info[i].upper {
			continue
		}
		for n := c.maxN[i]; n >= 1; n-- {
			if !info[i+n-1].word && !strings.HasSuffix(toks[i+n-1].Text, ".") {
				continue
			}
			if !c.may[c.at[i]+c.maxN[i]-n] {
				continue // no name: lookup would say so
			}
			e, ok := s.lookup(sliceText(doc, toks, i, i+n))
			if !ok || !s.accept(doc, toks, info, i, i+n, e, head) {
				continue
			}
			start := i
			if e.typ == "PERSON" {
				// "Russian President Vladimir Putin" is an alias too: keep the
				// name only, and the demonym as its own mention.
				start = s.stripPrefix(doc, si, info, i, i+n, &out)
			}
			out = append(out, mentionOf(doc, si, start, i+n, e.typ, e.score))
			for k := i; k < i+n; k++ {
				info[k].covered = true
			}
			i += n - 1
			break
		}
	}
	return out
}

// accept filters risky matches: a city or region inside a longer
// capitalised name ("Jackson" in "Michael Jackson", "New York" in "New
// York Times"), or a sentence-initial single-word city.
func (s *DictSpotter) accept(doc *nlp.Doc, toks []nlp.Token, info []tokInfo, i, j int, e entry, head bool) bool {
	text := sliceText(doc, toks, i, j)
	if t, h := isTitle(s.db, text); t || h {
		return false // "Foreign Minister": a title, not an actor
	}
	if j-i == 1 && calendar[strings.ToLower(text)] {
		return false // "March" is a town in England, and a month
	}
	if words := strings.Fields(titleKey(text)); e.typ != "PERSON" && len(words) > 0 &&
		(titles[words[len(words)-1]] || titleHeads[words[len(words)-1]]) {
		return false // "US President": an office, read as a title before a name
	}
	if e.typ == "PERSON" || e.typ == "ORG" {
		for k := i; k < j; k++ {
			if info[k].word && !info[k].upper && !connectors[strings.ToLower(toks[k].Text)] {
				return false
			}
		}
	}
	if e.typ == "PERSON" || e.typ == "NORP" || head {
		return true
	}
	if e.typ == "GPE" && !e.city {
		if _, ok := s.db.CountryNamed(sliceText(doc, toks, i, j)); ok {
			return true
		}
	}
	if j < len(toks) && info[j].upper && info[j].word {
		return false
	}
	if i > 0 && info[i-1].upper && info[i-1].word && !isSentenceWord(toks[i-1].Text) {
		prev := toks[i-1].Text
		_, country := s.db.CountryNamed(prev)
		_, demonym := s.db.CountryByDemonym(prev)
		if !country && !demonym {
			return false
		}
	}
	if e.city && j-i == 1 {
		if i == 0 {
			cs := s.db.CitiesNamed(toks[i].Text)
			return len(cs) > 0 && cs[0].Population >= 100000
		}
		// "Vladimir, STOP!": a city that is also a given name needs a
		// place word before it.
		if s.db.IsGivenName(toks[i].Text) && !placePrepositions[strings.ToLower(toks[i-1].Text)] {
			return false
		}
	}
	return true
}

// placePrepositions introduce places: "in Vladimir", "near Jackson".
var placePrepositions = setOf("in", "near", "at", "from", "to", "into", "outside", "of", "toward",
	"towards", "across", "around", "through", "via")

// stripPrefix drops leading demonym, country and title tokens of a PERSON
// match, emitting the demonym or country as its own mention.
func (s *DictSpotter) stripPrefix(doc *nlp.Doc, si int, info []tokInfo, i, j int, out *[]Mention) int {
	toks := doc.Sentences[si].Tokens
	for k := j - 1; k > i; k-- {
		p := leftContext(s.db, doc, toks[:k], k)
		if p.start == k || p.start > i {
			continue
		}
		if p.country != "" {
			e := p.start
			for e < k && !startsTitle(s.db, doc, toks, e, k) {
				e++
			}
			if e > p.start {
				typ := "GPE"
				if _, ok := s.db.CountryByDemonym(sliceText(doc, toks, p.start, e)); ok {
					typ = "NORP"
				}
				*out = append(*out, mentionOf(doc, si, p.start, e, typ, 0.9))
			}
		}
		return k
	}
	return i
}

// startsTitle reports whether a title begins at token i and ends by j.
func startsTitle(db *gazetteer.DB, doc *nlp.Doc, toks []nlp.Token, i, j int) bool {
	for n := j - i; n >= 1; n-- {
		if t, h := isTitle(db, sliceText(doc, toks, i, i+n)); t || h {
			return true
		}
	}
	return false
}
