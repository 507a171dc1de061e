package gazetteer

import (
	"fmt"
	"strconv"
	"strings"
)

// countries.tsv.gz: alpha2 alpha3 name official aliases demonyms capital lat lon
func (db *DB) addCountry(f []string) error {
	if err := need(f, 9); err != nil {
		return err
	}
	lat, lon, err := parseFloats(f[7], f[8])
	if err != nil {
		return err
	}
	c := Country{Alpha2: f[0], Alpha3: f[1], Name: f[2], Official: f[3],
		Aliases: splitList(f[4]), Demonyms: splitList(f[5]), Capital: f[6], Lat: lat, Lon: lon}
	i := len(db.Countries)
	db.Countries = append(db.Countries, c)
	db.alpha2[c.Alpha2] = i
	db.alpha3[c.Alpha3] = i
	for _, n := range append([]string{c.Name, c.Official}, c.Aliases...) {
		if k := Key(n); k != "" {
			if _, dup := db.country[k]; !dup {
				db.country[k] = i
				db.noteWords(k)
			}
		}
	}
	for _, d := range c.Demonyms {
		if k := Key(d); k != "" {
			if _, dup := db.demonym[k]; !dup {
				db.demonym[k] = i
				db.noteWords(k)
			}
		}
	}
	return nil
}

// cities.tsv.gz: geonameid name country feature admin1 population lat lon
func (db *DB) addCity(f []string) error {
	if err := need(f, 8); err != nil {
		return err
	}
	id, err := strconv.Atoi(f[0])
	if err != nil {
		return err
	}
	pop, err := strconv.Atoi(f[5])
	if err != nil {
		return err
	}
	lat, lon, err := parseFloats(f[6], f[7])
	if err != nil {
		return err
	}
	i := len(db.Cities)
	db.Cities = append(db.Cities, City{ID: id, Name: f[1], Country: f[2], Feature: f[3],
		Admin1: f[4], Population: pop, Lat: lat, Lon: lon})
	k := Key(f[1])
	db.cities[k] = append(db.cities[k], i)
	db.noteWords(k)
	return nil
}

// regions: name aliases country kind lat lon [admin1]
func (db *DB) addRegion(f []string) error {
	if err := need(f, 6); err != nil {
		return err
	}
	lat, lon, err := parseFloats(f[4], f[5])
	if err != nil {
		return err
	}
	r := Region{Name: f[0], Aliases: splitList(f[1]), Country: f[2], Kind: f[3], Lat: lat, Lon: lon}
	if len(f) > 6 {
		r.Admin1 = f[6]
	}
	i := len(db.Regions)
	db.Regions = append(db.Regions, r)
	for _, n := range append([]string{r.Name}, r.Aliases...) {
		k := Key(n)
		if _, dup := db.regions[k]; !dup && k != "" {
			db.regions[k] = i
			db.noteWords(k)
		}
	}
	return nil
}

// subdivisions.tsv.gz: the columns of regions, admin1 the ISO 3166-2 code
// suffix.
func (db *DB) addSubdivision(f []string) error {
	if err := need(f, 7); err != nil {
		return err
	}
	lat, lon, err := parseFloats(f[4], f[5])
	if err != nil {
		return err
	}
	r := Region{Name: f[0], Aliases: splitList(f[1]), Country: f[2], Kind: f[3], Lat: lat, Lon: lon, Admin1: f[6]}
	i := len(db.Subdivisions)
	db.Subdivisions = append(db.Subdivisions, r)
	for _, n := range append([]string{r.Name}, r.Aliases...) {
		if k := Key(n); k != "" {
			db.subdivs[k] = append(db.subdivs[k], i)
		}
	}
	return nil
}

// SubdivisionsNamed returns the first-level subdivisions of countries
// other than the United States with this name or alias, in table order.
func (db *DB) SubdivisionsNamed(name string) []*Region {
	idx, _ := lookup(db.subdivs, name)
	out := make([]*Region, len(idx))
	for j, i := range idx {
		out[j] = &db.Subdivisions[i]
	}
	return out
}

// actors.tsv.gz: name type aliases roles, roles as CODE:from:to|...
func (db *DB) addActor(f []string) error {
	if err := need(f, 4); err != nil {
		return err
	}
	a := Actor{Name: f[0], Type: f[1]}
	for _, r := range splitList(f[3]) {
		p := strings.Split(r, ":")
		if len(p) != 3 {
			return fmt.Errorf("bad role %q", r)
		}
		from, _ := strconv.Atoi(p[1])
		to, _ := strconv.Atoi(p[2])
		country, sector := SplitCode(p[0])
		if _, ok := db.alpha3[country]; !ok {
			country = ""
		}
		a.Roles = append(a.Roles, Role{Code: p[0], Country: country, Sector: sector, From: from, To: to})
	}
	i := len(db.Actors)
	db.Actors = append(db.Actors, a)
	for _, n := range append([]string{a.Name}, splitList(f[2])...) {
		k := Key(n)
		if l := db.actors[k]; k == "" || len(l) > 0 && l[len(l)-1] == i {
			continue // "António" and "Antonio" share a key
		}
		db.actors[k] = append(db.actors[k], i)
		db.noteWords(k)
	}
	if a.Type == "PERSON" {
		if w := strings.Fields(a.Name); len(w) > 1 && len(w[0]) > 2 && !strings.Contains(w[0], ".") {
			db.givenName[Key(w[0])]++
		}
	}
	return nil
}

// leaderAdder returns the reader of leaders.tsv: actors in the format of
// actors.tsv.gz whose entries replace the dictionary's under the same
// names (the hand-curated table is newer).
func (db *DB) leaderAdder() func([]string) error {
	mine := map[string]bool{}
	return func(f []string) error {
		if err := need(f, 4); err != nil {
			return err
		}
		for _, n := range append([]string{f[0]}, splitList(f[2])...) {
			if k := Key(n); k != "" && !mine[k] {
				delete(db.actors, k)
				mine[k] = true
			}
		}
		return db.addActor(f)
	}
}

// agents.tsv.gz: phrase code
func (db *DB) addAgent(f []string) error {
	if err := need(f, 2); err != nil {
		return err
	}
	db.agents[Key(f[0])] = f[1]
	return nil
}

// orgs.tsv: name aliases country sector
func (db *DB) addOrg(f []string) error {
	if err := need(f, 4); err != nil {
		return err
	}
	o := Org{Name: f[0], Aliases: splitList(f[1]), Country: f[2], Sector: f[3]}
	i := len(db.Orgs)
	db.Orgs = append(db.Orgs, o)
	for _, n := range append([]string{o.Name}, o.Aliases...) {
		k := Key(n)
		db.orgs[k] = i
		db.noteWords(k)
	}
	return nil
}

// aliases.tsv: alias canonical country — other names of GeoNames cities
// ("Kiev" for "Kyiv"), since the city table has one name per place.
func (db *DB) addPlaceAlias(f []string) error {
	if err := need(f, 3); err != nil {
		return err
	}
	k := Key(f[0])
	if strings.ToUpper(f[0]) == f[0] {
		db.cityAbbrev[k] = true
	}
	for _, i := range db.cities[Key(f[1])] {
		if db.Cities[i].Country == f[2] {
			db.cities[k] = append(db.cities[k], i)
		}
	}
	db.noteWords(k)
	return nil
}

// CountryNamed returns the country with this name, alias or ISO code.
func (db *DB) CountryNamed(name string) (*Country, bool) {
	if i, ok := lookup(db.country, name); ok {
		return &db.Countries[i], true
	}
	return nil, false
}

// CountryByDemonym returns the country of a demonym: "Russian" -> Russia.
func (db *DB) CountryByDemonym(name string) (*Country, bool) {
	if i, ok := lookup(db.demonym, name); ok {
		return &db.Countries[i], true
	}
	return nil, false
}

// CountryByAlpha2 looks a country up by its ISO 3166-1 alpha-2 code.
func (db *DB) CountryByAlpha2(code string) (*Country, bool) {
	if i, ok := db.alpha2[code]; ok {
		return &db.Countries[i], true
	}
	return nil, false
}

// CountryByAlpha3 looks a country up by its ISO 3166-1 alpha-3 code.
func (db *DB) CountryByAlpha3(code string) (*Country, bool) {
	if i, ok := db.alpha3[code]; ok {
		return &db.Countries[i], true
	}
	return nil, false
}

// CitiesNamed returns the cities with this name or alias, largest first
// as stored (the generator sorts by population).
func (db *DB) CitiesNamed(name string) []*City {
	if len(name) <= 3 && strings.ToUpper(name) == name && strings.ToLower(name) != name && !db.cityAbbrev[Key(name)] {
		return nil // "IG", "WA": a short word in capitals is an abbreviation, not Ig or Wa ("NYC" is in aliases.tsv)
	}
	idx, _ := lookup(db.cities, name)
	out := make([]*City, len(idx))
	for j, i := range idx {
		out[j] = &db.Cities[i]
	}
	return out
}

// RegionNamed returns the region with this name or alias.
func (db *DB) RegionNamed(name string) (*Region, bool) {
	if i, ok := lookup(db.regions, name); ok {
		return &db.Regions[i], true
	}
	return nil, false
}

// ActorsNamed returns the political actors with this name or alias.
func (db *DB) ActorsNamed(name string) []*Actor {
	idx, _ := lookup(db.actors, name)
	out := make([]*Actor, len(idx))
	for j, i := range idx {
		out[j] = &db.Actors[i]
	}
	return out
}

// OrgNamed returns the hand-curated organisation with this name or alias.
func (db *DB) OrgNamed(name string) (*Org, bool) {
	if i, ok := lookup(db.orgs, name); ok {
		return &db.Orgs[i], true
	}
	return nil, false
}

// Agent returns the CAMEO agent code of a role noun phrase such as
// "foreign minister" (~GOV) or "troops" (~MIL), without the tilde.
func (db *DB) Agent(phrase string) (string, bool) {
	c, ok := lookup(db.agents, phrase)
	return c, ok
}

// IsGivenName reports whether name is the first name of at least two
// known people. A first name borne once is as often a word of an entry
// the dictionaries typed wrongly ("Human Rights Internet", "Air Va. K.
// Khandekar") as a rare given name.
func (db *DB) IsGivenName(name string) bool {
	v, _ := lookup(db.givenName, name)
	return v >= 2
}

// sectors are the CAMEO role codes that name a sector, in the order they
// are preferred when a code has several (USAGOVMIL is GOV).
var sectors = map[string]string{
	"GOV": "GOV", "MIL": "MIL", "REB": "REB", "OPP": "OPP", "PTY": "PTY", "COP": "COP",
	"JUD": "JUD", "SPY": "SPY", "LEG": "LEG", "MED": "MED", "BUS": "BUS", "CVL": "CVL",
	"NGO": "NGO", "IGO": "IGO", "ELI": "ELI", "LAB": "LAB", "EDU": "EDU", "REL": "REL",
	"HLH": "HLH", "REF": "REF", "AGR": "AGR", "CRM": "CRM", "HRI": "HRI", "ENV": "ENV",
	"DEV": "DEV", "MNC": "BUS", "IMG": "REB", "UAF": "MIL", "INS": "REB", "SEP": "REB",
	"RAD": "RAD", "MOD": "MOD", "NGM": "NGO", "PPL": "CVL",
}

// looksCountry is the shape test for a country chunk; callers check the
// result against the country table.
func looksCountry(c string) bool {
	if len(c) != 3 {
		return false
	}
	if _, ok := sectors[c]; ok {
		return false
	}
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return false
		}
	}
	return true
}

// SplitCode splits a CAMEO actor code into its country (the leading
// three-letter chunk when it is not a sector or international code) and
// its first sector chunk: RUSGOV -> RUS GOV, IGOUNO -> "" IGO,
// NGOUSAEDU -> USA NGO, MNCUSA -> USA BUS.
func SplitCode(code string) (country, sector string) {
	for i := 0; i+3 <= len(code); i += 3 {
		c := code[i : i+3]
		if s, ok := sectors[c]; ok {
			if sector == "" {
				sector = s
			}
			continue
		}
		if country == "" && looksCountry(c) && !nonCountry[c] {
			country = c
		}
	}
	return country, sector
}

// nonCountry are CAMEO three-letter chunks that are neither sectors nor
// countries: regions, religions, international groupings.
var nonCountry = map[string]bool{
	"UNO": true, "INT": true, "AFR": true, "ASA": true, "EUR": true, "MEA": true, "WST": true,
	"NAF": true, "SAF": true, "WAF": true, "EAF": true, "CAF": true, "LAM": true, "NMR": true,
	"SAM": true, "CAS": true, "SAS": true, "SEA": true, "EEU": true, "BLK": true, "BAL": true,
	"CAU": true, "CRB": true, "SCN": true, "MUS": true, "CHR": true, "JEW": true, "HIN": true,
	"BUD": true, "SHI": true, "SUN": true, "CTH": true, "ORT": true, "PRO": true, "ALQ": true,
	"TAL": true, "HEZ": true, "HMS": true, "FTA": true, "WBK": true, "WHO": true, "IAE": true,
	"KID": true, "ICC": true, "ICJ": true, "WCT": true, "HCH": true, "HCR": true,
	"AIE": true, "ILO": true, "IMF": true, "WTO": true, "OPC": true, "NAT": true, "KKL": true,
	"PKO": true, "XFM": true, "ADB": true, "ARL": true, "EEC": true, "GOP": true, "GCC": true,
	"OAS": true, "OAU": true, "OIC": true, "PAP": true, "SAD": true, "UNR": true, "ELF": true,
}

// celestial are the names of bodies of the solar system that GeoNames
// also knows as towns (Jupiter, Florida; Mars, Pennsylvania).
var celestial = map[string]bool{"mercury": true, "venus": true, "earth": true, "mars": true,
	"jupiter": true, "saturn": true, "uranus": true, "neptune": true, "pluto": true, "europa": true,
	"ganymede": true, "titan": true, "callisto": true, "enceladus": true}

// IsCelestial reports whether name is a planet or moon of the solar
// system, which news names far more often than the towns so called.
func IsCelestial(name string) bool { return celestial[Key(name)] }
