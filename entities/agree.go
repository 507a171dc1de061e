package entities

import "github.com/tidings/tidings/gazetteer"

// unifyTypes gives one type to a one-word name the article types two
// ways: a name read as a person's, or as a place no table knows, whose
// text is also a mention of an organisation joins that organisation
// ("energy company Burisma" tells what the other "Burisma" are). Known
// given names and actors stay people ("Jordan said"); planets and moons,
// and places after "in", "to" or "the" ("the Amazon"), stay places.
func (r *Resolver) unifyTypes(cs, persons []*cluster) ([]*cluster, []*cluster) {
	orgs := map[string]*cluster{}
	for _, c := range cs {
		if c.typ != "ORG" {
			continue
		}
		for _, m := range c.ms {
			if len(m.words) == 1 {
				orgs[m.Text] = c
			}
		}
	}
	if len(orgs) == 0 {
		return cs, persons
	}
	// into returns the one organisation all of c's mentions name, or nil.
	into := func(c *cluster) *cluster {
		var to *cluster
		for _, m := range c.ms {
			o := orgs[m.Text]
			if o == nil || to != nil && o != to {
				return nil
			}
			to = o
		}
		return to
	}
	keptPersons := persons[:0]
	for _, p := range persons {
		name := p.ms[0].Text
		if len(p.words) == 1 && !r.db.IsGivenName(name) && len(r.db.ActorsNamed(name)) == 0 {
			if o := into(p); o != nil {
				o.ms = append(o.ms, p.ms...)
				continue
			}
		}
		keptPersons = append(keptPersons, p)
	}
	kept := cs[:0]
	for _, c := range cs {
		if (c.typ == "GPE" || c.typ == "LOC") && !c.table && !gazetteer.IsCelestial(c.name) && !c.afterPlacePreposition() && !c.after("the") {
			if o := into(c); o != nil {
				o.ms = append(o.ms, c.ms...)
				continue
			}
		}
		kept = append(kept, c)
	}
	return kept, keptPersons
}

// after reports whether a mention of c follows the word prev (lower case).
func (c *cluster) after(prev string) bool {
	for _, m := range c.ms {
		if m.prev == prev {
			return true
		}
	}
	return false
}
