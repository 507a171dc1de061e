package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestParseRole(t *testing.T) {
	tests := []struct {
		in          string
		want        string
		dated, okay bool
	}{
		{"RUSGOV 991231-080507", "RUSGOV:19991231:20080507", true, true},
		{"AFGGOV >011222", "AFGGOV:20011222:0", true, true},
		{"HTIOPPMED <061231", "HTIOPPMED:0:20061231", true, true},
		{"AFGELI 19270101-730717", "AFGELI:19270101:19730717", true, true},
		{"IGOUNO", "IGOUNO:0:0", false, true},
		{"~GOVMIL", "GOVMIL:0:0", false, true},
		{"---", "", false, false},
		{"", "", false, false},
		{"KORGOVBUS 2004017-20061201", "KORGOVBUS:0:20061201", true, true},
	}
	for _, tt := range tests {
		got, dated, ok := parseRole(tt.in)
		if got != tt.want || dated != tt.dated || ok != tt.okay {
			t.Errorf("parseRole(%q) = %q %v %v, want %q %v %v", tt.in, got, dated, ok, tt.want, tt.dated, tt.okay)
		}
	}
}

func TestReadActors(t *testing.T) {
	src := `# comment
RUSSIA_ [RUS]
+MOSCOW_
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
	[RUSGOV >080508]
	[RUSELI]
UN_ [IGOUNO]
ANIMAL_LIBERATION_FRONT_(ALF)_ [INTREB] #  kkl
NO_CODE_
`
	path := filepath.Join(t.TempDir(), "x.actors.txt")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	as, err := readActors(path, map[string]bool{"RUS": true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range as {
		typ := actorType(a)
		name, extra := display(a.name, typ)
		got = append(got, typ+" "+name+" "+a.roles[0])
		if name == "Animal Liberation Front" && !reflect.DeepEqual(extra, []string{"ALF"}) {
			t.Errorf("ALF alias: %q", extra)
		}
	}
	want := []string{"PERSON Vladimir Putin RUSGOV:20080508:0", "ORG UN IGOUNO:0:0", "ORG Animal Liberation Front INTREB:0:0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func FuzzParseRole(f *testing.F) {
	for _, s := range []string{"RUSGOV 991231-080507", "A >1", "<", "X 1-2-3", "~"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parseRole(s)
		display(s, "ORG")
		display(s, "PERSON")
	})
}
