// Package places geocodes the GPE and LOC entities of an article: each
// resolves to a country, first-level region or GeoNames city with its
// coordinates and ISO 3166-1 alpha-2 country. Ambiguous city names are
// settled by the article's other places and by population, so "Paris"
// is Paris, France unless Texas (or the United States alone) is in play.
package places

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/nlp"
)

// Gazetteer resolves place names. It is read-only and safe for concurrent
// use.
type Gazetteer struct {
	db *gazetteer.DB
}

// Load returns a Gazetteer over the embedded tables of package gazetteer.
func Load() (*Gazetteer, error) {
	db, err := gazetteer.Load()
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return New(db), nil
}

// New returns a Gazetteer over db.
func New(db *gazetteer.DB) *Gazetteer { return &Gazetteer{db: db} }

// Annotate fills a.Places from the GPE and LOC entities of a.Entities
// (so it runs after the entity resolver) and sets the alpha-3 Country of
// the entities it places. doc is not needed and may be nil.
func (g *Gazetteer) Annotate(ctx context.Context, _ *nlp.Doc, a *tidings.Article) error {
	if a == nil {
		return errors.New("places: nil article")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("places: article %q: %w", a.ID, err)
	}
	a.Places = g.Resolve(a.Entities)
	return nil
}

// candidate is one reading of a place name.
type candidate struct {
	place   tidings.Place
	admin1  string
	pop     int
	feature string
	kind    int // kindCountry, kindRegion, kindCity, kindState
	// subdivision: a kindState reading from the subdivisions of countries
	// other than the United States.
	subdivision bool
}

const (
	kindCountry = iota
	kindRegion
	kindCity
	kindState
)

// Resolve places the GPE and LOC entities of es, in order, setting their
// Country when placed. Entities it cannot place are left out.
func (g *Gazetteer) Resolve(es []tidings.Entity) []tidings.Place {
	cands := make([][]candidate, len(es))
	inPlay := map[string]float64{} // alpha-2 country -> weight of its evidence
	admin := map[string]bool{}     // "US/TX" regions named
	for _, e := range es {
		// People and organisations of a country hint at its places.
		if co, ok := g.db.CountryByAlpha3(e.Country); ok && e.Type != tidings.EntityGPE && e.Type != tidings.EntityLoc {
			inPlay[co.Alpha2] = max(inPlay[co.Alpha2], 1)
		}
	}
	for i, e := range es {
		if e.Type != tidings.EntityGPE && e.Type != tidings.EntityLoc {
			continue
		}
		cands[i] = g.candidates(e.Name)
		if len(cands[i]) == 1 && cands[i][0].kind == kindCountry {
			// The entity layer placed the name in another country: "GA"
			// after "Alpharetta," is the US state Georgia, not the country.
			if co, ok := g.db.CountryByAlpha3(e.Country); ok && co.Alpha2 != cands[i][0].place.Country {
				if alt := g.within(e.Name, co.Alpha2); len(alt) > 0 {
					cands[i] = alt
				}
			}
		}
		if len(cands[i]) == 0 {
			continue
		}
		for _, c := range cands[i] {
			if c.kind == kindCity || c.subdivision || c.place.Country == "" {
				continue // the places they vouch for, not evidence of their own
			}
			if c.kind != kindState || len(cands[i]) == 1 {
				inPlay[c.place.Country] = 2
			}
			if c.admin1 != "" {
				admin[c.place.Country+"/"+c.admin1] = true
			}
		}
	}
	var out []tidings.Place
	for i := range es {
		if len(cands[i]) == 0 {
			continue
		}
		best := pick(cands[i], inPlay, admin)
		if doubtful(best, inPlay) {
			continue
		}
		p := best.place
		p.Name, p.Entity = es[i].Name, es[i].ID
		out = append(out, p)
		if co, ok := g.db.CountryByAlpha2(p.Country); ok && (es[i].Country == "" || best.kind == kindCity) {
			es[i].Country = co.Alpha3
		}
	}
	return out
}

// candidates lists the readings of name: the country, then a named
// region, then cities (largest first), then a US state and the
// subdivisions of other countries.
func (g *Gazetteer) candidates(name string) []candidate {
	db := g.db
	if gazetteer.IsCelestial(name) {
		return nil // "Jupiter's moon Europa"
	}
	if co, ok := db.CountryNamed(name); ok {
		return []candidate{{place: tidings.Place{Country: co.Alpha2, Lat: co.Lat, Lon: co.Lon}, kind: kindCountry}}
	}
	var out []candidate
	r, isRegion := db.RegionNamed(name)
	if isRegion && r.Admin1 == "" {
		region := candidate{place: tidings.Place{Country: r.Country, Lat: r.Lat, Lon: r.Lon}, kind: kindRegion}
		var others []candidate
		for _, s := range db.SubdivisionsNamed(name) {
			if s.Country != r.Country {
				others = append(others, subdivisionReading(s))
			}
		}
		if len(others) == 0 || r.Country == "" {
			return []candidate{region} // "the Sahel" spans borders; Burkina Faso's region is rarer news
		}
		// A namesake in another country ("Punjab" of India beside that of
		// Pakistan): the article's other places choose, and ties go to
		// the hand-curated region.
		region.kind, region.pop = kindState, 100000
		return append([]candidate{region}, others...)
	}
	for _, c := range db.CitiesNamed(name) {
		out = append(out, cityReading(c))
	}
	if isRegion {
		out = append(out, stateReading(r))
	}
	for _, r := range db.SubdivisionsNamed(name) {
		out = append(out, subdivisionReading(r))
	}
	return out
}

// cityReading is a GeoNames city.
func cityReading(c *gazetteer.City) candidate {
	return candidate{
		place:  tidings.Place{Country: c.Country, Lat: c.Lat, Lon: c.Lon, GeonamesID: c.ID},
		admin1: c.Admin1, pop: c.Population, feature: c.Feature, kind: kindCity,
	}
}

// stateReading is a first-level region, weighed as a city of 100,000.
func stateReading(r *gazetteer.Region) candidate {
	return candidate{place: tidings.Place{Country: r.Country, Lat: r.Lat, Lon: r.Lon},
		admin1: r.Admin1, pop: 100000, kind: kindState}
}

// subdivisionReading is a first-level subdivision outside the United
// States: a state reading that needs its country in play (doubtful).
func subdivisionReading(r *gazetteer.Region) candidate {
	c := stateReading(r)
	c.subdivision = true
	return c
}

// within lists the readings of name inside the country alpha2 other than
// the country itself: its region or state, then its cities.
func (g *Gazetteer) within(name, alpha2 string) []candidate {
	var out []candidate
	if r, ok := g.db.RegionNamed(name); ok && r.Country == alpha2 {
		out = append(out, stateReading(r))
	}
	for _, r := range g.db.SubdivisionsNamed(name) {
		if r.Country == alpha2 {
			out = append(out, subdivisionReading(r))
		}
	}
	for _, c := range g.db.CitiesNamed(name) {
		if c.Country == alpha2 {
			out = append(out, cityReading(c))
		}
	}
	return out
}

// doubtful reports whether the best reading of a name is too weak to
// place it: a town of under 100,000 people or a subdivision in a country
// the article names nowhere else, while it does name others ("Palm Beach"
// in a US story is not Palm Beach, Queensland; "Barry" in a list of
// Michigan counties is not Barry, Wales; "Manus", an AI model, is no
// province of Papua New Guinea). An analyst is better served by no point
// than by a wrong one.
func doubtful(c candidate, inPlay map[string]float64) bool {
	small := c.kind == kindCity && c.pop < 100000 || c.subdivision
	return small && inPlay[c.place.Country] == 0 && len(inPlay) > 0
}

// pick scores the readings: population (log), capitals and admin seats,
// and whether the article names the country or the region around them.
func pick(cs []candidate, inPlay map[string]float64, admin map[string]bool) candidate {
	best, bestScore := cs[0], math.Inf(-1)
	for _, c := range cs {
		if c.kind == kindCountry || c.kind == kindRegion {
			return c
		}
		s := math.Log10(float64(c.pop) + 1)
		switch c.feature {
		case "PPLC":
			s += 1
		case "PPLA":
			s += 0.5
		}
		if c.kind == kindState {
			s -= 0.5
		}
		s += inPlay[c.place.Country]
		if c.kind == kindCity && c.admin1 != "" && admin[c.place.Country+"/"+c.admin1] {
			s += 4
		}
		if s > bestScore {
			best, bestScore = c, s
		}
	}
	return best
}
