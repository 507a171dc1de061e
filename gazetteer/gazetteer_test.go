package gazetteer

import (
	"sort"
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kyiv", "Kyiv"[0:0] + "kyiv"},
		{"  São  Paulo ", "sao paulo"},
		{"VLADIMIR_PUTIN_", "vladimir putin"},
		{"O’Brien", "o'brien"},
		{"U.S.", "u.s."},
		{"Vice‐President", "vice-president"},
		{"already lower", "already lower"},
		{"ab\xf4ç", "ab\ufffdc"}, // invalid bytes: the letter after them still folds
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(AppendKey([]byte("x"), tt.in)); got != "x"+tt.want {
			t.Errorf("AppendKey(x, %q) = %q, want %q", tt.in, got, "x"+tt.want)
		}
	}
}

// TestAppendKeyMatchesKey compares AppendKey with Key on odd ASCII input.
func TestAppendKeyMatchesKey(t *testing.T) {
	for _, s := range []string{"", " ", "a\vb", "a\fb", " A", "A ", "a  b", "a_b", "`x`", "x\ty", "ABC-DEF", "abc"} {
		if got, want := string(AppendKey(nil, s)), Key(s); got != want {
			t.Errorf("AppendKey(%q) = %q, Key %q", s, got, want)
		}
	}
}

func TestLoad(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, alpha3 string }{
		{"US", "USA"}, {"U.S.", "USA"}, {"America", "USA"}, {"United States", "USA"},
		{"Russia", "RUS"}, {"South Africa", "ZAF"}, {"Britain", "GBR"}, {"Ukraine", "UKR"},
	} {
		c, ok := db.CountryNamed(tt.name)
		if !ok || c.Alpha3 != tt.alpha3 {
			t.Errorf("CountryNamed(%q) = %v, %v; want %s", tt.name, c, ok, tt.alpha3)
		}
	}
	for _, tt := range []struct{ name, alpha3 string }{
		{"Russian", "RUS"}, {"Ukrainian", "UKR"}, {"South African", "ZAF"}, {"Americans", "USA"},
	} {
		c, ok := db.CountryByDemonym(tt.name)
		if !ok || c.Alpha3 != tt.alpha3 {
			t.Errorf("CountryByDemonym(%q) = %v, %v; want %s", tt.name, c, ok, tt.alpha3)
		}
	}
	if cs := db.CitiesNamed("Kiev"); len(cs) == 0 || cs[0].ID != 703448 {
		t.Errorf("CitiesNamed(Kiev) = %v, want GeoNames 703448", cs)
	}
	if r, ok := db.RegionNamed("Crimea"); !ok || r.Country != "UA" {
		t.Errorf("RegionNamed(Crimea) = %v, %v", r, ok)
	}
	if r, ok := db.RegionNamed("Texas"); !ok || r.Country != "US" || r.Admin1 != "TX" {
		t.Errorf("RegionNamed(Texas) = %v, %v", r, ok)
	}
	if code, ok := db.Agent("foreign minister"); !ok || code != "GOV" {
		t.Errorf("Agent(foreign minister) = %q, %v", code, ok)
	}
	if code, ok := db.Agent("troops"); !ok || code != "MIL" {
		t.Errorf("Agent(troops) = %q, %v", code, ok)
	}
	if !db.IsGivenName("Vladimir") {
		t.Error("Vladimir is not a given name")
	}
}

func TestRoleAt(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	as := db.ActorsNamed("Vladimir Putin")
	if len(as) == 0 {
		t.Fatal("no actor Vladimir Putin")
	}
	tests := []struct {
		date   int
		sector string
	}{
		{20250424, "GOV"}, {19900101, "ELI"}, {0, "ELI"},
	}
	for _, tt := range tests {
		r, ok := as[0].RoleAt(tt.date)
		if !ok || r.Country != "RUS" || r.Sector != tt.sector {
			t.Errorf("RoleAt(%d) = %+v, want RUS %s", tt.date, r, tt.sector)
		}
	}
}

func TestSplitCode(t *testing.T) {
	tests := []struct{ code, country, sector string }{
		{"RUSGOV", "RUS", "GOV"}, {"IGOUNO", "", "IGO"}, {"NGOUSAEDU", "USA", "NGO"},
		{"MNCUSA", "USA", "BUS"}, {"USAGOVLEG", "USA", "GOV"}, {"ELI", "", "ELI"},
	}
	for _, tt := range tests {
		c, s := SplitCode(tt.code)
		if c != tt.country || s != tt.sector {
			t.Errorf("SplitCode(%q) = %q %q, want %q %q", tt.code, c, s, tt.country, tt.sector)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Kyiv", "São Paulo", "U.S.", "  a__b  ", "Vice‐President", "\xff\xfe", "0000000000000\xf4ç"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Errorf("Key not idempotent: Key(%q) = %q, Key(that) = %q", s, k, Key(k))
		}
		if a := string(AppendKey(nil, s)); a != k {
			t.Errorf("AppendKey(%q) = %q, Key %q", s, a, k)
		}
	})
}

func TestHasName(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"Russia", "RUSSIA", "U.S.", "Russian", "Texas", "Kyiv", "Zaporízhzhia", "Vladimir Putin",
		"United  Nations", "NATO", "the", "Foo Bar Baz", "", " ", "Mr.", "Ukrainian_Army",
	} {
		_, country := db.CountryNamed(name)
		_, demonym := db.CountryByDemonym(name)
		_, region := db.RegionNamed(name)
		_, org := db.OrgNamed(name)
		want := country || demonym || region || org || len(db.ActorsNamed(name)) > 0 || len(db.CitiesNamed(name)) > 0
		if got := db.HasName(name); got != want {
			t.Errorf("HasName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestLookup checks that lookup finds what indexing by Key finds, and that
// it does not allocate for the short ASCII names text lookups pass.
func TestLookup(t *testing.T) {
	m := map[string]int{"kyiv": 1, "new york": 2, "u.s.": 3, "zaporizhzhia": 4, "o'brien": 5}
	for _, name := range []string{"Kyiv", "kyiv", "NEW  YORK", "New_York", " new york ", "U.S.", "Zaporízhzhia",
		"O’Brien", "O`Brien", "Lviv", "", "a\vb", strings.Repeat("Long ", 20)} {
		want, wantOK := m[Key(name)]
		if got, ok := lookup(m, name); got != want || ok != wantOK {
			t.Errorf("lookup(%q) = %d, %v; want %d, %v", name, got, ok, want, wantOK)
		}
	}
	if n := testing.AllocsPerRun(100, func() { lookup(m, "New York") }); n != 0 {
		t.Errorf("lookup allocates %v times", n)
	}
}

// TestLeaders checks that leaders.tsv replaces the dictionary's entries:
// one actor under each of its names, with the roles of its terms.
func TestLeaders(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name          string
		date          int
		country, sect string
	}{
		{"Zelenskyy", 20220301, "UKR", "GOV"},
		{"Angela Merkel", 20100101, "DEU", "GOV"},
		{"Angela Merkel", 20230101, "DEU", "ELI"},
		{"Trump", 20190101, "USA", "GOV"},
		{"Trump", 20230101, "USA", "ELI"},
		{"Antonio Guterres", 20200101, "", "IGO"},
	} {
		as := db.ActorsNamed(tt.name)
		if len(as) != 1 {
			t.Errorf("ActorsNamed(%q): %d actors, want 1", tt.name, len(as))
			continue
		}
		r, ok := as[0].RoleAt(tt.date)
		if !ok || r.Country != tt.country || r.Sector != tt.sect {
			t.Errorf("%s at %d: %+v, want %s %s", tt.name, tt.date, r, tt.country, tt.sect)
		}
	}
}

func TestIsCelestial(t *testing.T) {
	for name, want := range map[string]bool{"Jupiter": true, "MARS": true, "Europa": true, "Paris": false, "Moon": false} {
		if got := IsCelestial(name); got != want {
			t.Errorf("IsCelestial(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestCountryNamesAndDemonyms checks the generator's repairs of the
// sources: short forms news uses, demonym lists split, no demonym made of
// a bare plural "s" or spelt like its country, no demonym as a country name.
func TestCountryNamesAndDemonyms(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, named, demonym string
	}{
		{"Bosnia", "BIH", ""},
		{"Bosnian", "", "BIH"},
		{"Herzegovinians", "", "BIH"},
		{"Thai", "", "THA"},
		{"Gibraltar", "GIB", ""},
		{"s", "", ""},
	} {
		named, demonym := "", ""
		if c, ok := db.CountryNamed(tt.name); ok {
			named = c.Alpha3
		}
		if c, ok := db.CountryByDemonym(tt.name); ok {
			demonym = c.Alpha3
		}
		if named != tt.named || demonym != tt.demonym {
			t.Errorf("%q: named %q demonym %q, want %q %q", tt.name, named, demonym, tt.named, tt.demonym)
		}
	}
}

func TestCitiesNamedAbbreviations(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"IG": false, "WA": false, "NYC": true, "Paris": true, "PARIS": true} {
		if got := len(db.CitiesNamed(name)) > 0; got != want {
			t.Errorf("CitiesNamed(%q) found %v, want %v", name, got, want)
		}
	}
}

func TestSubdivisionsNamed(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		countries []string
	}{
		{"Borno State", []string{"NG"}},
		{"borno", []string{"NG"}},
		{"Punjab", []string{"IN", "PK"}},
		{"Kunduz", []string{"AF"}}, // "Kunduz Province" in the table
		{"Georgia", nil},           // US states are regions, not subdivisions
		{"Northern", nil},          // names of directions are left out
		{"Ain", nil},               // French departments are left out
	}
	for _, tt := range tests {
		var got []string
		for _, r := range db.SubdivisionsNamed(tt.name) {
			got = append(got, r.Country)
		}
		sort.Strings(got)
		if strings.Join(got, ",") != strings.Join(tt.countries, ",") {
			t.Errorf("SubdivisionsNamed(%q) in %v, want %v", tt.name, got, tt.countries)
		}
	}
}

func TestDistanceKm(t *testing.T) {
	if d := DistanceKm(50.45, 30.52, 55.75, 37.62); d < 740 || d > 770 {
		t.Errorf("Kyiv to Moscow = %.0f km, want about 756", d)
	}
	if d := DistanceKm(10, 20, 10, 20); d != 0 {
		t.Errorf("a point to itself = %v", d)
	}
}
