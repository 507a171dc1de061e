package gazetteer

import (
	"hash/maphash"
	"strings"
	"testing"
)

// TestFilteredLookups checks that HasName and WordsFrom, which ask a
// Bloom filter first, answer exactly as the plain map lookups: for every
// key (the filter must never reject one), its upper-case and title-case
// forms, its words, and strings that are no key.
func TestFilteredLookups(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var probes []string
	for k := range db.names {
		probes = append(probes, k, strings.ToUpper(k), title(k), k+"x", "x"+k)
		probes = append(probes, strings.Fields(k)...)
	}
	for k := range db.first {
		probes = append(probes, k, strings.ToUpper(k), k+"s")
	}
	probes = append(probes, "", " ", "Zaporízhzhia", "São Paulo", "\xff", strings.Repeat("Paris ", 20))
	rejected := 0
	for _, p := range probes {
		_, want := lookup(db.names, p)
		if got := db.HasName(p); got != want {
			t.Fatalf("HasName(%q) = %v, want %v", p, got, want)
		}
		wantN, _ := lookup(db.first, p)
		if got := db.WordsFrom(p); got != wantN {
			t.Fatalf("WordsFrom(%q) = %d, want %d", p, got, wantN)
		}
		if !want && !db.namesF.MayHave(filterHash(db.namesF, p)) {
			rejected++
		}
	}
	may, from := make([]bool, len(probes)), make([]int, len(probes))
	db.MayHaveNames(probes, may)
	db.WordsFromAll(probes, from)
	for k, p := range probes {
		if has := db.HasName(p); has && !may[k] || may[k] != db.namesF.MayHave(filterHash(db.namesF, p)) {
			t.Fatalf("MayHaveNames(%q) = %v, HasName %v", p, may[k], has)
		}
		if from[k] != db.WordsFrom(p) {
			t.Fatalf("WordsFromAll of %q = %d; want %d", p, from[k], db.WordsFrom(p))
		}
	}
	if n := testing.AllocsPerRun(100, func() { db.HasName("New York Times") }); n != 0 {
		t.Errorf("HasName allocates %v times", n)
	}
	t.Logf("%d probes, %d non-names rejected by the filter alone", len(probes), rejected)
}

// filterHash is the hash filteredLookup computes for name.
func filterHash(f *keyFilter, name string) uint64 {
	return maphash.String(f.seed, Key(name))
}

// title upper-cases the first byte of every word of an ASCII key.
func title(k string) string {
	b := []byte(k)
	for i, c := range b {
		if (i == 0 || b[i-1] == ' ') && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// TestFilteredLookupsWithoutFilter checks that a DB not built by Load
// (no filters) answers from its maps.
func TestFilteredLookupsWithoutFilter(t *testing.T) {
	db := &DB{names: map[string]struct{}{"kyiv": {}}, first: map[string]int{"new": 3}}
	may, from := make([]bool, 2), make([]int, 2)
	db.MayHaveNames([]string{"Kyiv", "Lviv"}, may)
	db.WordsFromAll([]string{"New", "Old"}, from)
	if !db.HasName("Kyiv") || db.HasName("Lviv") || !may[0] || !may[1] || from[0] != 3 || from[1] != 0 ||
		db.WordsFrom("NEW") != 3 {
		t.Errorf("HasName, MayHaveNames %v, WordsFromAll %v: want the maps' answers", may, from)
	}
}
