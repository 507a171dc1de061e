package entities

import (
	"strings"

	"github.com/tidings/tidings/gazetteer"
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
	"two", "three", "other", "another", "such", "only", "just", "last", "next", "new", "first",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "mr", "mrs", "ms", "dr", "said", "says", "sources", "officials",
	"photo", "video", "watch", "related", "share", "updated", "breaking", "live", "editor", "ap")

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
	"administration", "command", "regiment", "battalion", "division", "directorate", "tribunal")

// personCues next to a capitalised sequence make it a person.
var personCues = setOf("said", "says", "told", "added", "stated", "wrote", "explained", "argued",
	"insisted", "warned", "noted", "claimed")

// connectors may sit inside an organisation name between capitalised words.
var connectors = setOf("of", "the", "for", "and", "de", "-", "&")

// sequences classifies the runs of capitalised tokens not already covered.
func (s *DictSpotter) sequences(doc *nlp.Doc, si int, info []tokInfo) []Mention {
	toks := doc.Sentences[si].Tokens
	var out []Mention
	for i := 0; i < len(toks); {
		if info[i].covered || !info[i].upper || !info[i].word || info[i].allCaps && len(toks[i].Text) > 4 {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && !info[j].covered {
			if info[j].upper && info[j].word && !(info[j].allCaps && len(toks[j].Text) > 4) {
				j++
				continue
			}
			if connectors[strings.ToLower(toks[j].Text)] && j+1 < len(toks) && info[j+1].upper && !info[j+1].covered {
				j++
				continue
			}
			break
		}
		if m, ok := s.classifyRun(doc, si, info, i, j); ok {
			out = append(out, m)
		}
		i = j
	}
	return out
}

// classifyRun decides what a capitalised run [i,j) names, if anything.
func (s *DictSpotter) classifyRun(doc *nlp.Doc, si int, info []tokInfo, i, j int) (Mention, bool) {
	toks := doc.Sentences[si].Tokens
	for i < j && (isSentenceWord(toks[i].Text) || connectors[strings.ToLower(toks[i].Text)]) {
		i++
	}
	titled := false
	for i < j {
		k := i
		for n := min(4, j-i); n >= 1; n-- {
			if t, h := isTitle(s.db, sliceText(doc, toks, i, i+n)); t || h {
				k = i + n
				break
			}
		}
		if k == i {
			break
		}
		i, titled = k, true
	}
	for j > i && connectors[strings.ToLower(toks[j-1].Text)] {
		j--
	}
	if i >= j {
		return Mention{}, false
	}
	if !titled {
		p := leftContext(s.db, doc, toks, i)
		titled = p.start < i && p.role != ""
	}
	for k := i; k < j; k++ {
		if orgWords[strings.ToLower(toks[k].Text)] && j-i > 1 {
			return mentionOf(doc, si, i, j, "ORG", 0.6), true
		}
	}
	if j-i > 4 {
		return Mention{}, false
	}
	cue := j < len(toks) && personCues[strings.ToLower(toks[j].Text)] ||
		j+1 < len(toks) && toks[j].Text == "," && strings.EqualFold(toks[j+1].Text, "who")
	switch {
	case titled:
		return mentionOf(doc, si, i, j, "PERSON", 0.7), true
	case j-i >= 2 && (s.db.IsGivenName(toks[i].Text) || cue):
		return mentionOf(doc, si, i, j, "PERSON", 0.6), true
	}
	return Mention{}, false
}

// surnames adds, document-wide, the mentions of single tokens that are the
// last word of a person already found ("Trump" after "Donald Trump"),
// headlines included.
func (s *DictSpotter) surnames(doc *nlp.Doc, infos [][]tokInfo, found []Mention) []Mention {
	last := map[string]bool{}
	for _, m := range found {
		if m.Type != "PERSON" || m.End-m.Start < 2 {
			continue
		}
		toks := doc.Sentences[m.Sent].Tokens
		last[gazetteer.Key(toks[m.End-1].Text)] = true
	}
	if len(last) == 0 {
		return nil
	}
	for _, m := range found {
		for k := m.Start; k < m.End; k++ {
			infos[m.Sent][k].covered = true
		}
	}
	var out []Mention
	for si, sent := range doc.Sentences {
		for i, t := range sent.Tokens {
			info := infos[si][i]
			if info.covered || !info.upper || !last[gazetteer.Key(t.Text)] {
				continue
			}
			infos[si][i].covered = true
			out = append(out, mentionOf(doc, si, i, i+1, "PERSON", 0.8))
		}
	}
	return out
}
