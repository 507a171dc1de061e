package entities

import (
	"strings"

	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/nlp"
)

// describe adds descriptions such as "the US president" or "the foreign
// minister" as mentions of the one person whose role (and country, when
// the description names one) matches; ambiguous descriptions are left.
func (r *Resolver) describe(doc *nlp.Doc, cs []*cluster) {
	type holder struct {
		c       *cluster
		role    string
		country string
	}
	var hs []holder
	for _, c := range cs {
		if c.typ != "PERSON" {
			continue
		}
		for _, m := range c.ms {
			if m.role != "" {
				hs = append(hs, holder{c, titleKey(m.role), m.country})
				break
			}
		}
	}
	if len(hs) == 0 {
		return
	}
	for si, s := range doc.Sentences {
		toks := s.Tokens
		for i := 0; i+1 < len(toks); i++ {
			if !strings.EqualFold(toks[i].Text, "the") {
				continue
			}
			end, role, country := r.description(doc, toks, i+1)
			if end == 0 {
				continue
			}
			var hit *cluster
			n := 0
			for _, h := range hs {
				if h.role == role && (country == "" || h.country == country) && h.c != hit {
					hit = h.c
					n++
				}
			}
			if n != 1 || hit.first() > toks[i].Start {
				continue
			}
			m := mentionOf(doc, si, i, end, "PERSON", 0.5)
			hit.ms = append(hit.ms, &mention{Mention: m, words: nil, country: country})
		}
	}
}

// description parses [country|demonym] title after "the", with the title
// in lower case and not followed by a name. It returns the end token, the
// title key and the country, or end 0.
func (r *Resolver) description(doc *nlp.Doc, toks []nlp.Token, i int) (int, string, string) {
	country := ""
	for n := 3; n >= 1; n-- {
		if i+n >= len(toks) {
			continue
		}
		txt := sliceText(doc, toks, i, i+n)
		if !startsUpper(txt) {
			continue
		}
		if c, ok := r.db.CountryByDemonym(txt); ok {
			country, i = c.Alpha3, i+n
			break
		}
		if c, ok := r.db.CountryNamed(txt); ok && caseOK(txt, gazetteer.Key(txt)) {
			country, i = c.Alpha3, i+n
			break
		}
	}
	for n := 3; n >= 1; n-- {
		if i+n > len(toks) {
			continue
		}
		txt := sliceText(doc, toks, i, i+n)
		if startsUpper(txt) {
			continue
		}
		if t, _ := isTitle(r.db, txt); !t {
			continue
		}
		if i+n < len(toks) && classify(toks[i+n].Text).upper {
			return 0, "", "" // "the foreign minister Sergei Lavrov": a title, not a description
		}
		return i + n, titleKey(txt), country
	}
	return 0, "", ""
}
