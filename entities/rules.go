package entities

import (
	"strings"

	"github.com/tidings/tidings/nlp"
)

// sentenceWords are capitalised words that start sentences and are not
// names; months and days are never entities of the five types.
var sentenceWords = setOf("the", "a", "an", "in", "on", "at", "but", "and", "or", "meanwhile",
	"however", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
	"there", "here", "when", "while", "after", "before", "as", "if", "even", "although",
	"though", "since", "for", "with", "without", "by", "from", "to", "of", "some", "many",
	"most", "all", "both", "each", "every", "no", "not", "our", "their", "his", "her", "its",
	"my", "your", "what", "who", "why", "how", "where", "which", "yet", "so", "then", "also",
	"now", "today", "yesterday", "tomorrow", "read", "advertisement", "still", "despite",
	"during", "according", "about", "over", "under", "into", "than", "more", "less", "one",
	"two", "three", "other", "another", "such", "only", "just", "last", "next", "first",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "mr", "mrs", "ms", "dr", "said", "says", "sources", "officials",
	"photo", "video", "watch", "related", "share", "updated", "breaking", "live", "editor", "ap")

// calendar words are capitalised but name no entity.
var calendar = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "june", "july", "august", "september", "october",
	"november", "december")

func isSentenceWord(s string) bool { return sentenceWords[strings.ToLower(s)] }

// orgWords mark a capitalised sequence as an organisation.
var orgWords = setOf("ministry", "party", "council", "army", "forces", "force", "agency", "bank",
	"company", "corp", "corp.", "inc", "inc.", "ltd", "university", "association", "organization",
	"organisation", "union", "committee", "commission", "group", "front", "movement", "brigade",
	"brigades", "department", "office", "court", "assembly", "parliament", "congress", "senate",
	"police", "guard", "navy", "fund", "institute", "foundation", "society", "network", "league",
	"alliance", "authority", "government", "service", "center", "centre", "bureau", "coalition",
	"federation", "church", "cabinet", "embassy", "radio", "television", "news", "times", "post",
	"press", "airlines", "airways", "corporation", "club", "school", "hospital", "board",
	"administration", "command", "regiment", "battalion", "division", "directorate", "tribunal",
	"community")

// praise words open the headlines of reviews, not names.
var praise = setOf("great", "good", "best", "excellent", "poor", "bad", "worst", "terrible", "awesome",
	"amazing", "horrible", "fantastic", "wonderful", "friendly", "outstanding", "superb", "lousy",
	"nice", "fabulous", "perfect", "awful")

// personCues next to a capitalised sequence make it a person.
var personCues = setOf("said", "says", "told", "added", "stated", "wrote", "explained", "argued",
	"insisted", "warned", "noted", "claimed")

// thingHeads end the names of prizes, events, products and laws, never a
// person's: "Philip K. Dick Award" holds the given name "Dick", and
// "Award" must not become a surname found all over the article.
var thingHeads = setOf("award", "awards", "prize", "cup", "trophy", "medal", "festival", "week",
	"championship", "championships", "tournament", "games", "olympics", "expo", "summit", "conference",
	"forum", "act", "bill", "treaty", "accord", "accords", "doctrine", "plan", "report", "index",
	"system", "edition", "series", "award-winning", "day")

// connectors may sit inside an organisation name between capitalised words.
// "and" is not one: "Financial Times and Wall Street Journal" is two.
var connectors = setOf("of", "the", "for", "de", "-", "&")

// sequences classifies the runs of capitalised tokens not already covered.
// Days and months end a run; a title inside a run splits it ("Security
// Council President Tono Eitel").
func (s *DictSpotter) sequences(doc *nlp.Doc, si int, info []tokInfo) []Mention {
	toks := doc.Sentences[si].Tokens
	capital := func(k int) bool {
		return !info[k].covered && info[k].upper && info[k].word &&
			!(info[k].allCaps && len(toks[k].Text) > 4) && !calendar[strings.ToLower(toks[k].Text)]
	}
	var out []Mention
	for i := 0; i < len(toks); {
		if !capital(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && !info[j].covered {
			if capital(j) || connectors[strings.ToLower(toks[j].Text)] && j+1 < len(toks) && capital(j+1) {
				j++
				continue
			}
			break
		}
		out = append(out, s.splitRun(doc, si, i, j)...)
		i = j
	}
	return out
}

// splitRun cuts a run at inner titles and classifies each part; the part
// after a title is titled.
func (s *DictSpotter) splitRun(doc *nlp.Doc, si, i, j int) []Mention {
	toks := doc.Sentences[si].Tokens
	var out []Mention
	from, titled := i, false
	for k := i; k < j; k++ {
		n := s.titleAt(doc, toks, k, j)
		if n == 0 {
			continue
		}
		if m, ok := s.classifyRun(doc, si, from, k, titled); ok {
			out = append(out, m)
		}
		// "General Manager of Acme": what follows "of" is no name.
		from, titled = k+n, k+n >= j || !connectors[strings.ToLower(toks[k+n].Text)]
		k += n - 1
	}
	if m, ok := s.classifyRun(doc, si, from, j, titled); ok {
		out = append(out, m)
	}
	return out
}

// titleAt returns the length of the title or honorific starting at token
// k (ending by j), or 0.
func (s *DictSpotter) titleAt(doc *nlp.Doc, toks []nlp.Token, k, j int) int {
	for n := min(4, j-k); n >= 1; n-- {
		if t, h := isTitle(s.db, sliceText(doc, toks, k, k+n)); t || h {
			return n
		}
	}
	return 0
}

// classifyRun decides what a capitalised run [i,j) names, if anything:
// ORG when it holds an organisation word, PERSON after a title, before a
// speech verb or when it starts with a known given name.
func (s *DictSpotter) classifyRun(doc *nlp.Doc, si, i, j int, titled bool) (Mention, bool) {
	toks := doc.Sentences[si].Tokens
	for i < j && (isSentenceWord(toks[i].Text) || connectors[strings.ToLower(toks[i].Text)]) {
		i++
	}
	for j > i && connectors[strings.ToLower(toks[j-1].Text)] {
		j--
	}
	if i >= j {
		return Mention{}, false
	}
	for k := i; k < j; k++ {
		if !orgWords[strings.ToLower(toks[k].Text)] {
			continue
		}
		if j-i == 2 && praise[strings.ToLower(toks[i].Text)] {
			return Mention{}, false // a review's headline: "Great Service", "Poor School"
		}
		if j-i > 1 {
			return mentionOf(doc, si, i, j, "ORG", 0.6), true
		}
		if titled {
			return Mention{}, false // "Premier League": a title does not make "League" a person
		}
	}
	// People's names have no connectors: "Alexander Lebed and Chechen".
	for k := i; k < j; k++ {
		if connectors[strings.ToLower(toks[k].Text)] && toks[k].Text != "-" {
			j = k
			break
		}
	}
	if j-i > 4 {
		return Mention{}, false
	}
	if !titled {
		// A title in lower case ("four speaker Audio") names a person
		// only before a given name: news capitalises titles before names.
		p := leftContext(s.db, doc, toks, i)
		titled = p.start < i && p.role != "" &&
			(startsUpper(sliceText(doc, toks, p.start, i)) || s.db.IsGivenName(toks[i].Text))
	}
	for k := i; k < j; k++ {
		if toks[k].Text == "I" {
			return Mention{}, false // "Like I said"
		}
	}
	if thingHeads[strings.ToLower(toks[j-1].Text)] {
		return Mention{}, false
	}
	cue := j < len(toks) && personCues[strings.ToLower(toks[j].Text)] ||
		j+1 < len(toks) && toks[j].Text == "," && strings.EqualFold(toks[j+1].Text, "who")
	switch {
	case titled:
		return mentionOf(doc, si, i, j, "PERSON", 0.7), true
	case j-i >= 2 && (s.givenName(toks[i].Text) || cue):
		return mentionOf(doc, si, i, j, "PERSON", 0.6), true
	}
	return Mention{}, false
}

// givenName reports whether a word is a known person's first name and no
// title ("Chief" begins the dictionary's names of Nigerian chiefs, but
// "Chief Executive" is no person).
func (s *DictSpotter) givenName(w string) bool {
	if t, h := isTitle(s.db, w); t || h || titleHeads[strings.ToLower(w)] {
		return false
	}
	return s.db.IsGivenName(w)
}

// surnames adds, document-wide, the mentions of single tokens written
// like the last word of a person already found ("Trump" after "Donald
// Trump"), headlines included. Such a token beats a lone city match
// ("Washington" after "George Washington"). It returns found without the
// city matches it overrides, plus the new mentions.
func (s *DictSpotter) surnames(doc *nlp.Doc, infos [][]tokInfo, found []Mention) []Mention {
	last := map[string]bool{}
	for _, m := range found {
		if m.Type == "PERSON" && m.End-m.Start >= 2 {
			t := doc.Sentences[m.Sent].Tokens[m.End-1].Text
			if len(t) > 2 && !isSentenceWord(t) && !thingHeads[strings.ToLower(t)] {
				last[t] = true
			}
		}
	}
	if len(last) == 0 {
		return found
	}
	kept := found[:0]
	for _, m := range found {
		if m.End-m.Start == 1 && m.Type == "GPE" && m.Score < 0.8 && last[m.Text] &&
			(m.Start == 0 || !placePrepositions[strings.ToLower(doc.Sentences[m.Sent].Tokens[m.Start-1].Text)]) {
			continue // a city by the name of a person of this article, not "in Jackson"
		}
		kept = append(kept, m)
	}
	for si := range infos {
		for k := range infos[si] {
			infos[si][k].covered = false
		}
	}
	for _, m := range kept {
		for k := m.Start; k < m.End; k++ {
			infos[m.Sent][k].covered = true
		}
	}
	out := kept
	for si, sent := range doc.Sentences {
		for i, t := range sent.Tokens {
			if infos[si][i].covered || !last[t.Text] {
				continue
			}
			infos[si][i].covered = true
			out = append(out, mentionOf(doc, si, i, i+1, "PERSON", 0.8))
		}
	}
	return out
}
