package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSubdivisionRow(t *testing.T) {
	tests := []struct {
		in   subdivision
		want string // "" when left out
	}{
		{subdivision{Name: "Borno", Country: "NG", ISO: "BO", Type: "state", Latitude: "12.1875", Longitude: "13.308"},
			"Borno\tBorno State\tNG\tstate\t12.1875\t13.3080\tBO"},
		{subdivision{Name: "Kunduz Province", Country: "AF", ISO: "KDZ", Type: "province", Latitude: "36.87", Longitude: "68.76"},
			"Kunduz Province\tKunduz\tAF\tprovince\t36.8700\t68.7600\tKDZ"},
		{subdivision{Name: "Bavaria", Country: "DE", ISO: "BY", Type: "land", Latitude: "48.9", Longitude: "11.4"},
			"Bavaria\t\tDE\tland\t48.9000\t11.4000\tBY"},
		{subdivision{Name: "Texas", Country: "US", ISO: "TX", Type: "state", Latitude: "31", Longitude: "-100"}, ""}, // admin1.tsv.gz
		{subdivision{Name: "Ain", Country: "FR", ISO: "01", Type: "metropolitan department", Latitude: "46", Longitude: "5"}, ""},
		{subdivision{Name: "North Western", Country: "ZM", ISO: "06", Type: "province", Latitude: "-13", Longitude: "25"}, ""},
		{subdivision{Name: "Nowhere", Country: "XX", ISO: "NW", Type: "region", Latitude: "", Longitude: ""}, ""},
	}
	for _, tt := range tests {
		got, ok := subdivisionRow(tt.in)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("subdivisionRow(%+v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckCentre(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Three cities near 48.1 N 37.8 E, the centre given 650 km away.
	cities := `[{"latitude":"48.0","longitude":"37.8"},{"latitude":"48.1","longitude":"37.7"},{"latitude":"48.2","longitude":"37.9"}]`
	write("Far-FA/cities.json", cities)
	write("Near-NE/cities.json", cities)
	far := subdivision{ISO: "FA", Latitude: "50.43", Longitude: "30.46"}
	near := subdivision{ISO: "NE", Latitude: "48.15", Longitude: "37.85"}
	lone := subdivision{ISO: "LO", Latitude: "1", Longitude: "2"} // no cities
	for _, s := range []*subdivision{&far, &near, &lone} {
		if err := s.checkCentre(dir); err != nil {
			t.Fatal(err)
		}
	}
	if far.Latitude != "48.1000" || far.Longitude != "37.8000" {
		t.Errorf("far centre = %s,%s, want the cities' median 48.1000,37.8000", far.Latitude, far.Longitude)
	}
	if near.Latitude != "48.15" || lone.Latitude != "1" {
		t.Errorf("centres near their cities or without cities moved: %s, %s", near.Latitude, lone.Latitude)
	}
}
