package entities

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/gazetteer"
)

// placeOrOrg makes the cluster of a non-person mention, with the canonical
// name and codes of the table that knows it.
func (r *Resolver) placeOrOrg(m *mention) *cluster {
	db := r.db
	text := m.Text
	if bare, ok := strings.CutPrefix(text, "The "); ok && !r.knownPlace(text) {
		text = bare // "The New York Times" is the New York Times; "The Hague" stays
	}
	c := &cluster{typ: m.Type, name: text, ms: []*mention{m}}
	switch m.Type {
	case "GPE", "LOC", "FAC":
		if gazetteer.IsCelestial(text) {
			c.typ = "LOC" // "Jupiter's moon Europa", not Jupiter, Florida
		} else if co, ok := db.CountryNamed(text); ok && caseOK(text, gazetteer.Key(text)) {
			c.typ, c.name, c.country, c.key, c.table = "GPE", co.Name, co.Alpha3, "c:"+co.Alpha3, true
		} else if re := r.usState(text, m.prev); re != nil {
			c.typ, c.name, c.key, c.table = "GPE", re.Name, "r:"+re.Name, true
			c.country = alpha3(db, re.Country)
		} else if re, ok := db.RegionNamed(text); ok {
			c.name, c.key, c.table = re.Name, "r:"+re.Name, true
			c.country = alpha3(db, re.Country)
		} else if cities := db.CitiesNamed(text); len(cities) > 0 {
			top := cities[0]
			c.typ, c.name, c.key, c.table = "GPE", top.Name, "p:"+top.Name+":"+top.Country, true
			c.country = alpha3(db, top.Country)
		} else if o, ok := db.OrgNamed(text); ok && (o.Sector != "BUS" || m.prev != "the") {
			// "Kremlin", "White House": institutions named by their seat;
			// "Amazon" the NER took for the region, not "the Amazon".
			c.typ, c.name, c.country, c.sector, c.key, c.table = "ORG", o.Name, o.Country, o.Sector, "o:"+o.Name, true
		} else if subs := db.SubdivisionsNamed(text); len(subs) > 0 {
			subdivision(c, subs)
		}
	case "NORP":
		if co, ok := db.CountryByDemonym(text); ok {
			c.name, c.country, c.key, c.table = co.Demonyms[0], co.Alpha3, "n:"+co.Alpha3, true
		}
	case "ORG":
		if o, ok := db.OrgNamed(text); ok {
			c.name, c.country, c.sector, c.key, c.table = o.Name, o.Country, o.Sector, "o:"+o.Name, true
		} else {
			// A known organisation; a person's name typed ORG ("Ramaphosa")
			// stays free to join that person.
			for _, a := range db.ActorsNamed(text) {
				c.table = c.table || a.Type != "PERSON"
			}
		}
	}
	if c.key == "" {
		c.key = m.Type + ":" + gazetteer.Key(text)
	}
	return c
}

// subdivision names c after the subdivisions of that name ("Borno State",
// "Queensland"). Their country is left to the places stage, which weighs
// the article's other places: "Punjab" is in India and in Pakistan, and an
// AI model called "Manus" is no province of Papua New Guinea.
func subdivision(c *cluster, subs []*gazetteer.Region) {
	c.typ, c.name, c.key, c.table = "GPE", subs[0].Name, "s:"+gazetteer.Key(subs[0].Name), true
}

// usState returns the US state that text abbreviates after a comma
// ("Holmdel, NJ", "Sacramento, Calif."), or nil.
func (r *Resolver) usState(text, prev string) *gazetteer.Region {
	code, ok := stateAbbrev(text)
	if !ok || prev != "," {
		return nil
	}
	for i := range r.db.Regions {
		if re := &r.db.Regions[i]; re.Country == "US" && re.Admin1 == code {
			return re
		}
	}
	return nil
}

// hasCalendarWord reports whether a name holds a day or month: "Black
// Friday" is a sale, whatever group the actor table calls so.
func hasCalendarWord(name string) bool {
	for _, w := range strings.Fields(name) {
		if calendar[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

func alpha3(db *gazetteer.DB, alpha2 string) string {
	if co, ok := db.CountryByAlpha2(alpha2); ok {
		return co.Alpha3
	}
	return ""
}

// entities turns clusters into the record's entities with ids in order.
func (r *Resolver) entities(cs []*cluster, date int) []tidings.Entity {
	out := make([]tidings.Entity, 0, len(cs))
	people := map[string]int{} // a person's name -> index in out
	for _, c := range cs {
		e := tidings.Entity{ID: fmt.Sprintf("e%d", len(out)+1), Type: c.typ, Name: c.name,
			Country: c.country, Sector: c.sector}
		switch c.typ {
		case "PERSON":
			r.person(c, &e, date)
		case "ORG":
			r.org(c, &e, date)
		}
		for _, m := range c.ms {
			e.Mentions = append(e.Mentions, tidings.Span{Text: m.Text, Start: m.CStart, End: m.CEnd})
		}
		if e.Type != "PERSON" {
			out = append(out, finishMentions(e))
			continue
		}
		if k, ok := people[e.Name]; ok {
			// Spellings the word sets kept apart that the actor table
			// names alike ("Zelenskyy", "Volodymyr Zelensky").
			out[k] = finishMentions(mergePerson(out[k], e))
			continue
		}
		people[e.Name] = len(out)
		out = append(out, finishMentions(e))
	}
	return out
}

// mergePerson adds b's mentions to a, and the codes a lacks.
func mergePerson(a, b tidings.Entity) tidings.Entity {
	a.Mentions = append(a.Mentions, b.Mentions...)
	if a.Role == "" {
		a.Role = b.Role
	}
	if a.Country == "" {
		a.Country = b.Country
	}
	if a.Sector == "" {
		a.Sector = b.Sector
	}
	return a
}

// finishMentions sorts e's mentions by position and drops repeats.
func finishMentions(e tidings.Entity) tidings.Entity {
	ms := e.Mentions
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End < ms[j].End
	})
	out := ms[:0]
	for i, m := range ms {
		if i > 0 && m.Start == ms[i-1].Start && m.End == ms[i-1].End {
			continue
		}
		out = append(out, m)
	}
	e.Mentions = out
	return e
}

// person fills a person's name (fullest form), role and country (from the
// first titled mention), and codes of a known actor valid at date.
func (r *Resolver) person(c *cluster, e *tidings.Entity, date int) {
	best := c.ms[0]
	for _, m := range c.ms {
		if len(m.words) > len(best.words) {
			best = m
		}
	}
	e.Name = best.Text
	noSector := false
	for _, m := range c.ms {
		if e.Role == "" && m.role != "" {
			e.Role = m.role
			if m.former {
				e.Role = "Former " + m.role
			}
			noSector = m.noSector
		}
		if e.Country == "" && m.country != "" {
			e.Country = m.country
		}
		if e.Sector == "" && m.sector != "" {
			e.Sector = m.sector
		}
	}
	if as := r.db.ActorsNamed(e.Name); len(best.words) > 1 || len(as) == 1 {
		// A lone surname counts only when one known person bears it.
		for _, a := range as {
			role, ok := a.RoleAt(date)
			if a.Type != "PERSON" || !ok || e.Country != "" && role.Country != "" && role.Country != e.Country {
				continue
			}
			if e.Country == "" {
				e.Country = role.Country
			}
			e.Sector = role.Sector
			if len(best.words) == 1 && strings.Count(a.Name, " ") > 0 {
				// "Putin" alone: the registry keys on names, so use the full
				// one the dictionary knows.
				e.Name = a.Name
			}
			break
		}
	}
	if e.Role != "" && !noSector && (e.Sector == "" || e.Sector == "ELI") {
		if s := titleSector(r.db, e.Role); s != "" {
			e.Sector = s
		}
		if strings.HasPrefix(e.Role, "Former ") {
			e.Sector = "ELI"
		}
	}
}

// org fills an organisation's codes from the actor table or, failing
// that, from its head word ("Defence Ministry" -> GOV) and a country or
// demonym inside its name ("Russian Defence Ministry" -> RUS).
func (r *Resolver) org(c *cluster, e *tidings.Entity, date int) {
	if (!c.table || e.Sector == "") && !hasCalendarWord(e.Name) {
		for _, m := range c.ms {
			for _, a := range r.db.ActorsNamed(strings.TrimPrefix(m.Text, "The ")) {
				if role, ok := a.RoleAt(date); ok {
					if e.Country == "" {
						e.Country = role.Country
					}
					if e.Sector == "" {
						e.Sector = role.Sector
					}
					break
				}
			}
		}
	}
	words := strings.Fields(e.Name)
	parent := r.parentOrg(words)
	if e.Sector == "" && parent != nil {
		e.Sector = parent.Sector // "CNN Business": MED, not BUS
	}
	if e.Sector == "" && len(words) > 1 {
		// The institution word first ("Ministry of Trade, Industry and
		// Energy": GOV, not BUS), else any agent word, the last first.
		for _, inst := range []bool{true, false} {
			for i := len(words) - 1; i >= 0 && e.Sector == ""; i-- {
				w := strings.ToLower(words[i])
				if inst && !orgWords[w] && !institutionHeads[w] {
					continue
				}
				if code, ok := r.db.Agent(w); ok {
					_, e.Sector = gazetteer.SplitCode(code)
				}
			}
		}
	}
	if e.Country == "" {
		for i := range words {
			for j := min(len(words), i+3); j > i; j-- {
				p := strings.Join(words[i:j], " ")
				if co, ok := r.db.CountryByDemonym(p); ok {
					e.Country = co.Alpha3
				} else if co, ok := r.db.CountryNamed(p); ok && caseOK(p, co.Alpha3) {
					e.Country = co.Alpha3
				}
				if e.Country != "" {
					return
				}
			}
		}
	}
	if e.Country == "" && parent != nil {
		e.Country = parent.Country
	}
}

// parentOrg returns the known institution whose name begins a longer
// name, the longest such ("United Nations Working Group", "CNN
// Business"), or nil. Companies are no parents: their names begin those of
// products and venues ("Apple Watch", "Toyota Music Factory").
func (r *Resolver) parentOrg(words []string) *gazetteer.Org {
	for n := len(words) - 1; n >= 1; n-- {
		if o, ok := r.db.OrgNamed(strings.Join(words[:n], " ")); ok {
			if o.Sector == "BUS" {
				return nil
			}
			return o
		}
	}
	return nil
}
