package entities

import (
	"strings"

	"github.com/tidings/tidings/nlp"
)

// joinCoordinated joins two names around "and" that the tables know as one
// ("Bosnia" and "Herzegovina", "Trinidad" and "Tobago"); ms must be sorted.
func (r *Resolver) joinCoordinated(doc *nlp.Doc, ms []Mention) []Mention {
	out := ms[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if k+1 < len(ms) && ms[k+1].Sent == m.Sent && ms[k+1].Start == m.End+1 && m.Start >= 0 && m.End > m.Start &&
			m.Sent >= 0 && m.Sent < len(doc.Sentences) && ms[k+1].End <= len(doc.Sentences[m.Sent].Tokens) {
			toks := doc.Sentences[m.Sent].Tokens
			if toks[m.End].Text == "and" {
				whole := sliceText(doc, toks, m.Start, ms[k+1].End)
				if r.isCountry(whole) || r.knownRegion(whole) {
					out = append(out, mentionOf(doc, m.Sent, m.Start, ms[k+1].End, "GPE", max(m.Score, ms[k+1].Score)))
					k++
					continue
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// knownRegion reports whether a table knows name as a region or US state.
func (r *Resolver) knownRegion(name string) bool {
	_, ok := r.db.RegionNamed(name)
	return ok
}

// curatedRegion reports whether name is one of the regions written by
// hand for news ("Kherson Oblast"), not a US state: "New York" is often
// a team.
func (r *Resolver) curatedRegion(name string) bool {
	re, ok := r.db.RegionNamed(name)
	return ok && re.Admin1 == ""
}

// splitCoordinated splits a name the NER ran across "and" when it is two
// names: "talks between McClatchy and Tribune", "the Financial Times and
// Wall Street Journal". Names with "and" inside ("Bosnia and Herzegovina",
// "Securities and Exchange Commission", "Ministry of Trade and Industry")
// stay whole. See coordinated for when a span is two.
func (r *Resolver) splitCoordinated(doc *nlp.Doc, ms []Mention) []Mention {
	named := map[string]bool{}
	for _, m := range ms {
		named[m.Text] = true
	}
	var out []Mention
	for _, m := range ms {
		if m.Type == "PERSON" || m.Type == "NORP" || m.Type == "MISC" || m.Sent < 0 || m.Sent >= len(doc.Sentences) ||
			m.Start < 0 || m.Start >= m.End || m.End > len(doc.Sentences[m.Sent].Tokens) {
			out = append(out, m) // clean rejects the malformed ones
			continue
		}
		toks := doc.Sentences[m.Sent].Tokens
		if k := r.coordinated(doc, toks, m.Start, m.End, named); k > 0 {
			out = append(out, mentionOf(doc, m.Sent, m.Start, k, m.Type, m.Score),
				mentionOf(doc, m.Sent, k+1, m.End, m.Type, m.Score))
			continue
		}
		out = append(out, m)
	}
	return out
}

// coordinated returns the index of the "and" that joins two names in
// toks[i:j], or 0. The whole must be unknown to the tables and hold no "of"
// or "for" before the "and" (whose complement the "and" continues); the
// two parts must each start with a capital and either follow "between", or
// one of them be a name the tables know or the article names on its own
// (named holds the texts of its mentions), or the first end in a word that
// heads an organisation's name ("International Tennis Federation and
// Kosmos").
func (r *Resolver) coordinated(doc *nlp.Doc, toks []nlp.Token, i, j int, named map[string]bool) int {
	if j-i < 3 || r.db.HasName(sliceText(doc, toks, i, j)) {
		return 0
	}
	if toks[i].Text == "The" && r.db.HasName(sliceText(doc, toks, i+1, j)) {
		return 0
	}
	for k := i + 1; k < j-1; k++ {
		w := strings.ToLower(toks[k].Text)
		if w == "of" || w == "for" || w == "on" || w == "de" || w == "," {
			return 0
		}
		if w != "and" || !startsUpper(toks[k+1].Text) || !startsUpper(toks[i].Text) {
			continue
		}
		between := i > 0 && strings.EqualFold(toks[i-1].Text, "between")
		left, right := sliceText(doc, toks, i, k), sliceText(doc, toks, k+1, j)
		// The first part ends in a head word the second does not share
		// ("Guangdong Post and Telecommunications Administration" is one).
		headed := k-i >= 2 && orgWords[strings.ToLower(toks[k-1].Text)] && !nameHeads(strings.ToLower(toks[j-1].Text))
		if between || headed || named[left] || named[right] || r.knownName(left, k-i) || r.knownName(right, j-k-1) {
			return k
		}
		return 0
	}
	return 0
}

// knownName reports whether a table knows name, a name of n words. One
// word must be a country or a known organisation: the city and actor
// tables hold one-word names such as "Energy" (Illinois) that are also
// the first word of an organisation.
func (r *Resolver) knownName(name string, n int) bool {
	if n > 1 {
		return r.db.HasName(name)
	}
	_, ok := r.db.OrgNamed(name)
	return ok || r.isCountry(name)
}
