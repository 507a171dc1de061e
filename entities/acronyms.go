package entities

import (
	"strings"
	"unicode"
)

// mergeAcronyms joins an all-capitals name to the organisation or place it
// abbreviates: the name it follows in brackets ("Doctors Without Borders
// (MSF)", "Democratic Republic of Congo (DRC)"), else the one organisation
// whose initials it spells (NDP <- National Democratic Party), else the
// one whose words begin with its letters in order (ECOWAS <- Economic
// Community of West African States). The entity's codes come from all
// its mentions, the acronym's included.
func mergeAcronyms(cs []*cluster) []*cluster {
	ix := longForms{before: map[[2]int]*cluster{}, initials: map[string]*cluster{}}
	for _, c := range cs {
		if c.typ == "PERSON" || c.typ == "NORP" || len(strings.Fields(c.name)) < 2 {
			continue
		}
		for _, m := range c.ms {
			ix.before[[2]int{m.Sent, m.End}] = c
		}
		if c.typ == "ORG" {
			ix.initials[initials(c.name)] = c
			ix.orgs = append(ix.orgs, c)
		}
	}
	out := cs[:0]
	for _, c := range cs {
		if (c.typ == "ORG" || c.typ == "GPE") && isAcronym(c.ms[0].Text) {
			if l := ix.find(c); l != nil {
				l.ms = append(l.ms, c.ms...)
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// longForms indexes the names of two words or more that acronyms may
// stand for.
type longForms struct {
	before   map[[2]int]*cluster // sentence and end token of a mention
	initials map[string]*cluster // of an organisation's name
	orgs     []*cluster
}

// maxLoose bounds the organisations tried letter by letter, so that a
// page of thousands of names costs no quadratic time.
const maxLoose = 200

// find returns the cluster that acronym cluster a stands for, or nil.
func (ix *longForms) find(a *cluster) *cluster {
	acr := strings.ReplaceAll(a.ms[0].Text, ".", "")
	for _, m := range a.ms {
		l := ix.before[[2]int{m.Sent, m.Start - 1}]
		// An organisation's acronym may be another language's ("Doctors
		// Without Borders (MSF)"); a place's begins alike ("Housing
		// Authority of New Orleans (HANO)" is no New Orleans).
		if m.prev == "(" && l != nil && l != a && (l.typ == "ORG" && a.typ == "ORG" || strings.EqualFold(l.name[:1], acr[:1])) {
			return l
		}
	}
	if a.typ != "ORG" || !isAcronym(a.name) {
		return nil // a place's, or a known name the table spells out
	}
	if l := ix.initials[acr]; l != nil && l != a {
		return l
	}
	if len(acr) < 3 || len(ix.orgs) > maxLoose {
		return nil
	}
	var loose *cluster
	n := 0
	for _, l := range ix.orgs {
		if l != a && abbreviates(acr, strings.Fields(strings.ReplaceAll(l.name, "-", " "))) {
			loose, n = l, n+1
		}
	}
	if n == 1 {
		return loose
	}
	return nil
}

// acronymSkip are the small words acronyms leave out.
var acronymSkip = setOf("of", "the", "for", "and", "in", "on", "de", "&", "to")

func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(strings.ReplaceAll(name, "-", " ")) {
		if acronymSkip[strings.ToLower(w)] {
			continue
		}
		b.WriteString(strings.ToUpper(w[:1]))
	}
	return b.String()
}

// abbreviates reports whether the letters of acr are, in order, the
// beginnings of all the words (one to three letters of each; small words
// may be skipped or used).
func abbreviates(acr string, words []string) bool {
	if len(words) > 16 || len(acr) > 8 {
		return false
	}
	// can[w][p]: words[w:] spell acr[p:].
	var can [17][9]bool
	can[len(words)][len(acr)] = true
	for w := len(words) - 1; w >= 0; w-- {
		word := words[w]
		for p := 0; p <= len(acr); p++ {
			ok := acronymSkip[strings.ToLower(word)] && can[w+1][p]
			for k := 1; !ok && k <= 3 && p+k <= len(acr) && k <= len(word); k++ {
				if !strings.EqualFold(word[:k], acr[p:p+k]) || !isLetters(word[:k]) {
					break
				}
				ok = can[w+1][p+k]
			}
			can[w][p] = ok
		}
	}
	return can[0][0]
}

// isLetters reports whether s is letters only.
func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func isAcronym(s string) bool {
	s = strings.ReplaceAll(s, ".", "")
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
