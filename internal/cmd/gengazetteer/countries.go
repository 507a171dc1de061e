package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type country struct {
	alpha2, alpha3, name, official, capital string
	aliases, demonyms                       []string
	lat, lon                                float64
	independent                             bool
}

// wcCountry is the part of a world-countries record we use.
type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCA3         string    `json:"cca3"`
	Independent  bool      `json:"independent"`
	Capital      []string  `json:"capital"`
	AltSpellings []string  `json:"altSpellings"`
	LatLng       []float64 `json:"latlng"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

type isoCountry struct {
	Alpha2   string `json:"alpha_2"`
	Alpha3   string `json:"alpha_3"`
	Name     string `json:"name"`
	Common   string `json:"common_name"`
	Official string `json:"official_name"`
}

// extraAliases are the short forms news uses that neither source lists as
// names (codes are left out of the sources on purpose: "IN", "IT", "TO").
var extraAliases = map[string][]string{
	"USA": {"US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the United States"},
	"GBR": {"UK", "U.K.", "Britain", "Great Britain"},
	"ARE": {"UAE", "U.A.E.", "Emirates"},
	"COD": {"DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"},
	"COG": {"Congo-Brazzaville"},
	"PRK": {"North Korea", "DPRK"},
	"KOR": {"South Korea"},
	"RUS": {"Russian Federation"},
	"TUR": {"Turkey", "Türkiye", "Turkiye"},
	"CZE": {"Czech Republic", "Czechia"},
	"CIV": {"Ivory Coast", "Côte d'Ivoire"},
	"MMR": {"Burma"},
	"NLD": {"Holland"},
	"PSE": {"Palestine", "Palestinian Territories"},
	"SYR": {"Syria"},
	"IRN": {"Iran"},
	"VAT": {"Vatican", "Holy See"},
	"MKD": {"Macedonia"},
	"SWZ": {"Swaziland"},
	"CPV": {"Cape Verde"},
	"TLS": {"East Timor"},
	"BIH": {"Bosnia"},
	"VNM": {"Viet Nam"},
	"LAO": {"Laos"},
	"FSM": {"Micronesia"},
	"BHS": {"The Bahamas"},
	"GMB": {"The Gambia"},
}

var extraDemonyms = map[string][]string{
	"USA": {"U.S."},
	"GBR": {"Briton", "Britons"},
	"ARE": {"Emirati", "Emiratis"},
	"SAU": {"Saudi", "Saudis"},
	"PSE": {"Palestinian", "Palestinians"},
	"NLD": {"Dutch"},
	"PHL": {"Filipino", "Filipinos"},
	"NZL": {"New Zealander", "New Zealanders"},
}

// readCountries merges world-countries (names, spellings, demonyms,
// centroid) with iso-codes (ISO names) into one row per country.
func readCountries(wcPath, isoPath string) ([]country, error) {
	var wc []wcCountry
	if err := readJSON(wcPath, &wc); err != nil {
		return nil, err
	}
	var iso map[string][]isoCountry
	if err := readJSON(isoPath, &iso); err != nil {
		return nil, err
	}
	isoBy := map[string]isoCountry{}
	for _, c := range iso["3166-1"] {
		isoBy[c.Alpha3] = c
	}
	var out []country
	for _, w := range wc {
		if len(w.CCA2) != 2 || len(w.CCA3) != 3 || len(w.LatLng) != 2 {
			continue
		}
		c := country{alpha2: w.CCA2, alpha3: w.CCA3, name: w.Name.Common, official: w.Name.Official,
			lat: w.LatLng[0], lon: w.LatLng[1], independent: w.Independent}
		if len(w.Capital) > 0 {
			c.capital = w.Capital[0]
		}
		names := append([]string{}, w.AltSpellings...)
		if ic, ok := isoBy[w.CCA3]; ok {
			names = append(names, ic.Name, ic.Common, ic.Official)
		}
		names = append(names, extraAliases[w.CCA3]...)
		c.aliases = uniq(names, func(s string) bool {
			return s != "" && s != c.name && s != c.official && (s != w.CCA2 && s != w.CCA3 || len(extraAliases[w.CCA3]) > 0 && contains(extraAliases[w.CCA3], s))
		})
		var dem []string
		if d, ok := w.Demonyms["eng"]; ok {
			// Some entries list several: "Bosnian, Herzegovinian".
			for _, g := range uniq([]string{d.M, d.F}, func(s string) bool { return s != "" }) {
				for _, x := range strings.Split(g, ", ") {
					dem = append(dem, x, demonymPlural(x))
				}
			}
		}
		dem = append(dem, extraDemonyms[w.CCA3]...)
		// A demonym spelt like the country ("Gibraltar") would make the
		// country a nationality wherever it is named.
		c.demonyms = uniq(dem, func(s string) bool { return s != "" && s != c.name })
		// An alternative spelling that is a demonym ("Thai") is no name of
		// the country.
		c.aliases = uniq(c.aliases, func(s string) bool {
			return contains(extraAliases[w.CCA3], s) || !contains(c.demonyms, s)
		})
		out = append(out, c)
	}
	// Independent countries first, so that shared names and demonyms
	// ("American") go to them rather than to territories.
	sort.Slice(out, func(i, j int) bool {
		if out[i].independent != out[j].independent {
			return out[i].independent
		}
		return out[i].alpha3 < out[j].alpha3
	})
	return out, nil
}

func writeCountries(out string, cs []country) error {
	rows := make([]string, len(cs))
	for i, c := range cs {
		rows[i] = strings.Join([]string{c.alpha2, c.alpha3, c.name, c.official,
			strings.Join(c.aliases, "|"), strings.Join(c.demonyms, "|"), c.capital,
			fmt.Sprintf("%.4f", c.lat), fmt.Sprintf("%.4f", c.lon)}, "\t")
	}
	return writeGz(filepath.Join(out, "countries.tsv.gz"), "alpha2\talpha3\tname\tofficial\taliases\tdemonyms\tcapital\tlat\tlon", rows)
}

// demonymPlural: "Russian" -> "Russians", "Israeli" -> "Israelis"; words
// in -ese, -ish, -ch, -ss have no plural of that shape.
func demonymPlural(d string) string {
	for _, suf := range []string{"ese", "ish", "ch", "ss", "s"} {
		if strings.HasSuffix(d, suf) {
			return ""
		}
	}
	return d + "s"
}

func uniq(in []string, keep func(string) bool) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		s = strings.TrimSpace(s)
		if keep(s) && !seen[s] && !strings.ContainsAny(s, "|\t") {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// writeUSStates writes admin1.tsv.gz: US states from ISO 3166-2 with the
// population-weighted centroid of their GeoNames cities (GeoNames' US
// admin1 codes are the ISO suffixes, so the join is exact).
func writeUSStates(citiesPath, isoPath, out string) (int, error) {
	var iso map[string][]struct {
		Code, Name, Type string
	}
	if err := readJSON(isoPath, &iso); err != nil {
		return 0, err
	}
	rows, err := readCityRows(citiesPath)
	if err != nil {
		return 0, err
	}
	type acc struct{ lat, lon, w float64 }
	sums := map[string]*acc{}
	for _, r := range rows {
		if r.fields[2] != "US" {
			continue
		}
		var lat, lon float64
		fmt.Sscan(r.fields[6], &lat)
		fmt.Sscan(r.fields[7], &lon)
		a := sums[r.fields[4]]
		if a == nil {
			a = &acc{}
			sums[r.fields[4]] = a
		}
		w := float64(r.pop) + 1
		a.lat += lat * w
		a.lon += lon * w
		a.w += w
	}
	var keep []string
	for _, s := range iso["3166-2"] {
		code, ok := strings.CutPrefix(s.Code, "US-")
		a := sums[code]
		if !ok || a == nil || (s.Type != "State" && s.Type != "District") {
			continue
		}
		keep = append(keep, strings.Join([]string{s.Name, "", "US", "state",
			fmt.Sprintf("%.4f", a.lat/a.w), fmt.Sprintf("%.4f", a.lon/a.w), code}, "\t"))
	}
	sort.Strings(keep)
	return len(keep), writeGz(filepath.Join(out, "admin1.tsv.gz"), "name\taliases\tcountry\tkind\tlat\tlon\tadmin1", keep)
}
