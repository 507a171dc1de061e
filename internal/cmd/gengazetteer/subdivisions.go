package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/tidings/tidings/gazetteer"
)

// subdivisionTypes are the kinds of first-level subdivision kept from
// @countrystatecity/countries. Left out are the kinds whose names are
// mostly those of towns (districts, municipalities, communes, French
// departments, Italian metropolitan cities, British unitary authorities):
// as regions they would shadow the towns.
var subdivisionTypes = map[string]bool{
	"province": true, "region": true, "state": true, "governorate": true, "prefecture": true,
	"department": true, "county": true, "administrative region": true, "republic": true,
	"autonomous region": true, "autonomous community": true, "land": true, "voivodship": true,
	"metropolitan region": true, "administrative territory": true, "union territory": true,
	"oblast": true, "emirate": true, "territory": true, "autonomous republic": true,
	"autonomous district": true, "federal territory": true, "administered area": true,
	"autonomous province": true, "division": true, "overseas region": true, "geographical unit": true,
	"special self-governing province": true, "country": true,
}

// suffixTypes are the kinds that news writes after the name ("Borno
// State", "Nangarhar Province", "Lamu County").
var suffixTypes = map[string]string{"province": "Province", "state": "State", "region": "Region",
	"county": "County", "governorate": "Governorate", "prefecture": "Prefecture", "oblast": "Oblast",
	"division": "Division"}

// genericWords make a subdivision name no name of its own ("Northern",
// "North Western", "Centre").
var genericWords = map[string]bool{"north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"centre": true, "center": true, "capital": true, "upper": true, "lower": true, "middle": true,
	"coast": true, "coastal": true, "region": true, "province": true, "district": true, "nord": true,
	"sud": true, "est": true, "ouest": true, "centrale": true, "islands": true, "island": true, "gulf": true}

type subdivision struct {
	Name      string `json:"name"`
	Country   string `json:"country_code"`
	ISO       string `json:"iso2"`
	Type      string `json:"type"`
	Latitude  string `json:"latitude"`
	Longitude string `json:"longitude"`
}

// writeSubdivisions writes subdivisions.tsv.gz: the first-level
// subdivisions of every country but the United States (admin1.tsv.gz has
// those), with the centres @countrystatecity/countries gives, from its
// unpacked data directory (one COUNTRY-CC/states.json each).
func writeSubdivisions(dir, out string) (int, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "states.json"))
	if err != nil {
		return 0, err
	}
	if len(files) == 0 {
		return 0, fmt.Errorf("no */states.json under %s", dir)
	}
	var keep []string
	for _, f := range files {
		var ss []subdivision
		if err := readJSON(f, &ss); err != nil {
			return 0, err
		}
		for _, s := range ss {
			if err := s.checkCentre(filepath.Dir(f)); err != nil {
				return 0, err
			}
			if row, ok := subdivisionRow(s); ok {
				keep = append(keep, row)
			}
		}
	}
	sort.Strings(keep)
	return len(keep), writeGz(filepath.Join(out, "subdivisions.tsv.gz"), "name\taliases\tcountry\tkind\tlat\tlon\tadmin1", keep)
}

// checkCentre replaces the subdivision's centre by the median of its
// cities when the centre lies away from them: the package puts a few
// centres in the wrong place (Donetsk oblast at Kyiv, Fiji's Central
// division in California). The centre is kept when three of the
// subdivision's cities lie within 150 km of it.
func (s *subdivision) checkCentre(countryDir string) error {
	dirs, err := filepath.Glob(filepath.Join(countryDir, "*-"+s.ISO))
	if err != nil || len(dirs) != 1 {
		return err
	}
	var cities []subdivision // the same coordinate fields
	if err := readJSON(filepath.Join(dirs[0], "cities.json"), &cities); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	var lats, lons []float64
	for _, c := range cities {
		lat, err1 := strconv.ParseFloat(c.Latitude, 64)
		lon, err2 := strconv.ParseFloat(c.Longitude, 64)
		if err1 == nil && err2 == nil {
			lats, lons = append(lats, lat), append(lons, lon)
		}
	}
	lat, err1 := strconv.ParseFloat(s.Latitude, 64)
	lon, err2 := strconv.ParseFloat(s.Longitude, 64)
	if len(lats) < 3 || err1 != nil || err2 != nil {
		return nil
	}
	near := func(lat, lon float64) int {
		n := 0
		for i := range lats {
			if gazetteer.DistanceKm(lat, lon, lats[i], lons[i]) < 150 {
				n++
			}
		}
		return n
	}
	mlat, mlon := median(lats), median(lons)
	if here := near(lat, lon); here < 3 && near(mlat, mlon) > here {
		s.Latitude, s.Longitude = strconv.FormatFloat(mlat, 'f', 4, 64), strconv.FormatFloat(mlon, 'f', 4, 64)
	}
	return nil
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// subdivisionRow formats one subdivision, or reports that it is left out.
func subdivisionRow(s subdivision) (string, bool) {
	name := strings.Join(strings.Fields(s.Name), " ")
	if s.Country == "US" || !subdivisionTypes[s.Type] || len(name) < 4 || generic(name) ||
		strings.ContainsAny(name, "\t|,") {
		return "", false
	}
	lat, err1 := strconv.ParseFloat(s.Latitude, 64)
	lon, err2 := strconv.ParseFloat(s.Longitude, 64)
	if err1 != nil || err2 != nil || lat == 0 && lon == 0 {
		return "", false
	}
	var aliases []string
	if suffix := suffixTypes[s.Type]; suffix != "" {
		if bare, ok := strings.CutSuffix(name, " "+suffix); ok && !generic(bare) {
			aliases = append(aliases, bare) // "Kunduz Province" is also "Kunduz"
		} else {
			aliases = append(aliases, name+" "+suffix)
		}
	}
	return strings.Join([]string{name, strings.Join(aliases, "|"), s.Country, s.Type,
		fmt.Sprintf("%.4f", lat), fmt.Sprintf("%.4f", lon), s.ISO}, "\t"), true
}

// generic reports whether every word of name is a direction or a kind of
// area.
func generic(name string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !genericWords[w] {
			return false
		}
	}
	return true
}

// subdivisionsDir checks the -subdivisions flag.
func subdivisionsDir(dir string) error {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("-subdivisions %s: not a directory (npm pack @countrystatecity/countries@1.0.9 and unpack it)", dir)
	}
	return nil
}
