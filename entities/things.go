package entities

// Names that name no entity the record keeps: titles of works and storms.

import (
	"strings"

	"github.com/tidings/tidings/nlp"
)

// inWorkTitle reports whether the person's or organisation's name
// toks[i:j] is part of the title of a work in double quotes — a film,
// song, show or report written in title case ("“Wild Rose”", "“Melvin and
// Howard”", "“Jesus Is Just Alright With Me”"). A name that is the whole
// quotation stays: scare quotes name it ("the so-called “Islamic
// State”"), and e-mail headers a person ("\"Ann Lee\" <ann@...>"). Places
// stay too: the title still speaks of them.
func inWorkTitle(toks []nlp.Token, i, j int, typ string) bool {
	if typ != "PERSON" && typ != "ORG" {
		return false
	}
	const maxTitle = 8
	a := i - 1
	for a >= 0 && i-a <= maxTitle && !titleQuotes[toks[a].Text] {
		a--
	}
	b := j
	for b < len(toks) && b-j < maxTitle && !titleQuotes[toks[b].Text] {
		b++
	}
	if a < 0 || b >= len(toks) || !titleQuotes[toks[a].Text] || !titleQuotes[toks[b].Text] || b-a-1 > maxTitle {
		return false
	}
	if toks[a].Text == "”" || toks[b].Text == "“" {
		return false // between two quotations, not inside one
	}
	last := b
	if w := toks[b-1].Text; b-1 >= j && (w == "," || w == ".") {
		last = b - 1 // American style puts the comma inside: "“Wild Rose,” a film"
	}
	for k := a + 1; k < last; k++ {
		if !titleWord(toks[k].Text) {
			return false
		}
	}
	return a < i-1 || last > j
}

// titleQuotes enclose titles of works.
var titleQuotes = setOf("\"", "“", "”", "``", "''")

// titleWord reports whether w may stand in a title-case title: a
// capitalised word, a small word, a number or an inner mark other than
// the end of a sentence or a clause.
func titleWord(w string) bool {
	switch {
	case startsUpper(w), smallTitleWords[strings.ToLower(w)]:
		return true
	case w == "." || w == "!" || w == "?" || w == "," || w == ";":
		return false
	}
	return !classify(w).word
}

// smallTitleWords stay in lower case in titles.
var smallTitleWords = setOf("a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with",
	"by", "from", "'s", "’s")

// stormWords come before the names of storms ("Cyclone Jude", "Hurricanes
// Ida and ...").
var stormWords = setOf("cyclone", "cyclones", "hurricane", "hurricanes", "typhoon", "typhoons", "storm", "storms")

// stormNames returns the texts of the mentions that follow a storm word:
// storms bear people's names, and the article's other mentions of the
// name ("Jude is the third cyclone") are the storm's too.
func stormNames(doc *nlp.Doc, ms []Mention) map[string]bool {
	var names map[string]bool
	for _, m := range ms {
		if m.Sent < 0 || m.Sent >= len(doc.Sentences) || m.Start <= 0 || m.Start > len(doc.Sentences[m.Sent].Tokens) {
			continue
		}
		if stormWords[strings.ToLower(doc.Sentences[m.Sent].Tokens[m.Start-1].Text)] {
			if names == nil {
				names = map[string]bool{}
			}
			names[m.Text] = true
		}
	}
	return names
}
