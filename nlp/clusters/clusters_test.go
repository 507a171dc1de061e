package clusters

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func mustDefault(t *testing.T) *Table {
	t.Helper()
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestDefaultLoads(t *testing.T) {
	start := time.Now()
	tab := mustDefault(t)
	d := time.Since(start)
	t.Logf("decoded %d words in %s", tab.Len(), d)
	if d > time.Second {
		t.Errorf("loading took %s", d) // about 30 ms; generous for a loaded machine
	}
	if tab.Len() < 10000 {
		t.Errorf("table has %d words, want ≥ 10000", tab.Len())
	}
	if tab.Flats() < 64 {
		t.Errorf("table has %d flat classes, want ≥ 64", tab.Flats())
	}
	if tab2 := mustDefault(t); tab2 != tab {
		t.Error("Default decoded the table twice")
	}
}

func TestDefaultConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tab, err := Default()
			if err != nil {
				t.Error(err)
				return
			}
			if _, ok := tab.Lookup("the"); !ok {
				t.Error(`"the" not found`)
			}
		}()
	}
	wg.Wait()
}

// sharedPrefix is the length of the common prefix of two classes' paths.
func sharedPrefix(a, b Class) int {
	pa, pb := a.Path(), b.Path()
	n := 0
	for n < len(pa) && n < len(pb) && pa[n] == pb[n] {
		n++
	}
	return n
}

// TestSanity checks properties any decent clustering of English news has:
// words of one kind share a long path prefix, words of different kinds
// part early.
func TestSanity(t *testing.T) {
	tab := mustDefault(t)
	get := func(w string) Class {
		c, ok := tab.LookupExact(w)
		if !ok {
			t.Fatalf("%q not in the table", w)
		}
		return c
	}
	for _, tc := range []struct {
		a, b string
		min  int // shared prefix at least
	}{
		{"Monday", "Tuesday", 6},
		{"Monday", "Friday", 6},
		{"said", "told", 3},
		{"he", "she", 6},
		{"China", "Russia", 4},
		{"January", "March", 6},
		{"two", "three", 6},
		{"soldiers", "officers", 5},
		{"would", "could", 5},
		{"is", "was", 5},
		{"year", "week", 5},
		{"Clinton", "Obama", 5},
		{"Paris", "London", 5},
	} {
		if n := sharedPrefix(get(tc.a), get(tc.b)); n < tc.min {
			t.Errorf("%s %s and %s %s share %d bits, want ≥ %d",
				tc.a, get(tc.a).Path(), tc.b, get(tc.b).Path(), n, tc.min)
		}
	}
	for _, tc := range []struct{ a, b string }{
		{"the", "said"},
		{"Monday", "the"},
		{"he", "in"},
		{".", "China"},
	} {
		if get(tc.a).Flat() == get(tc.b).Flat() {
			t.Errorf("%s and %s share flat class %d", tc.a, tc.b, get(tc.a).Flat())
		}
	}
}

func TestLookupFallbacks(t *testing.T) {
	tab := mustDefault(t)
	china, _ := tab.LookupExact("China")
	for _, w := range []string{"CHINA", "china"} {
		if _, ok := tab.LookupExact(w); ok {
			continue // in the table in its own right
		}
		c, ok := tab.Lookup(w)
		if !ok || c != china {
			t.Errorf("Lookup(%q) = %v %v, want China's class", w, c.Path(), ok)
		}
	}
	y1, ok1 := tab.Lookup("1990")
	y2, ok2 := tab.Lookup("2024")
	if !ok1 || !ok2 || y1 != y2 {
		t.Errorf("years: %v %v, %v %v; want one class", y1.Path(), ok1, y2.Path(), ok2)
	}
	if _, ok := tab.Lookup("qzxjvkw"); ok {
		t.Error("nonsense word found")
	}
	if _, ok := tab.Lookup(""); ok {
		t.Error("empty word found")
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"1990": "0000", "3.5%": "0.0%", "COVID-19": "COVID-00", "word": "word", "": "",
		"٣": "0", // Arabic-Indic digit
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClassPrefix(t *testing.T) {
	tab, err := Read(strings.NewReader("# header\n0110\ta\t3\t10\n0111\tb\t4\t9\n\tc\t0\t5\n"))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := tab.LookupExact("a")
	b, _ := tab.LookupExact("b")
	c, _ := tab.LookupExact("c")
	for _, tc := range []struct {
		got, want uint64
	}{
		{a.Prefix(0), 1},
		{a.Prefix(1), 0b10},
		{a.Prefix(2), 0b101},
		{a.Prefix(3), 0b1011},
		{a.Prefix(4), 0b10110},
		{a.Prefix(20), 0b10110},
		{b.Prefix(4), 0b10111},
		{c.Prefix(4), 1},
	} {
		if tc.got != tc.want {
			t.Errorf("prefix = %b, want %b", tc.got, tc.want)
		}
	}
	if a.Prefix(3) != b.Prefix(3) || a.Prefix(4) == b.Prefix(4) {
		t.Error("a and b should share 3 bits, not 4")
	}
	if a.Path() != "0110" || a.Len() != 4 || a.Flat() != 3 || tab.Flats() != 5 || tab.Len() != 3 {
		t.Errorf("a = %q len %d flat %d; flats %d, len %d", a.Path(), a.Len(), a.Flat(), tab.Flats(), tab.Len())
	}
	long := strings.Repeat("1", 70)
	tab, err = Read(strings.NewReader(long + "\tx\t0\t1\n"))
	if err != nil {
		t.Fatal(err)
	}
	x, _ := tab.LookupExact("x")
	if x.Len() != 70 || len(x.Path()) != MaxBits || x.Prefix(100) != 1<<MaxBits|(1<<MaxBits-1) {
		t.Errorf("long path: len %d, path %d bits, prefix %x", x.Len(), len(x.Path()), x.Prefix(100))
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"0110\ta\n", "01x\ta\t0\t1\n", "01\ta\tz\t1\n"} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	tab, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	words := []string{"the", "China", "CHINA", "1990", "qzxjvkw", "said"}
	for i := 0; b.Loop(); i++ {
		tab.Lookup(words[i%len(words)])
	}
}

// TestLookupASCIIMatchesAny checks the allocation-free path (the hash
// index) against the general one (the map), on all the table's words in
// several casings and on others.
func TestLookupASCIIMatchesAny(t *testing.T) {
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"", "x", "CHINA", "china", "China", "cHINA", "said", "SAID", "1,500", "2024", "U.S.", "mcdonald", "IPHONE", "Zürich", "ZÜRICH", "naïve", "'s", "--", "Ab3"}
	if tab.index == nil {
		t.Fatal("the embedded table has no hash index (two words share a hash)")
	}
	for w := range tab.words {
		words = append(words, w, strings.ToUpper(w), strings.ToLower(w), w+"q")
	}
	for _, w := range words {
		c1, ok1 := tab.Lookup(w)
		c2, ok2 := tab.lookupAny(w)
		if c1 != c2 || ok1 != ok2 {
			t.Errorf("Lookup(%q) = %v %v, general path %v %v", w, c1, ok1, c2, ok2)
		}
	}
	if n := testing.AllocsPerRun(100, func() { tab.Lookup("WASHINGTON") }); n != 0 {
		t.Errorf("Lookup of an ASCII word allocates %v times", n)
	}
}

// BenchmarkDecodeGloVe measures what every process running the NER pays
// once: decoding the embedded GloVe table.
func BenchmarkDecodeGloVe(b *testing.B) {
	for b.Loop() {
		if _, err := decode("glove.tsv.gz", embeddedGloVe); err != nil {
			b.Fatal(err)
		}
	}
}
