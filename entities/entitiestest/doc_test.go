package entitiestest

import (
	"strings"
	"testing"
)

func TestDoc(t *testing.T) {
	d := Doc("Trump's U.S. Vice-President JD Vance said \"STOP!\" Then Kyiv.\nNext line")
	var got []string
	for _, s := range d.Sentences {
		var w []string
		for _, tk := range s.Tokens {
			if []rune(d.Text)[tk.Start] != []rune(tk.Text)[0] {
				t.Errorf("token %q: bad code-point offset %d", tk.Text, tk.Start)
			}
			w = append(w, tk.Text)
		}
		got = append(got, strings.Join(w, " "))
	}
	want := []string{`Trump 's U.S. Vice-President JD Vance said " STOP ! "`, "Then Kyiv .", "Next line"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
