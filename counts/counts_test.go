package counts

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

func TestExtract(t *testing.T) {
	cases := []struct {
		text string
		want []string // "KIND number qualifier object"
	}{
		{"At least 12 people were killed and 90 wounded in the attack.", []string{"KILL 12 at-least people", "WOUND 90 exact "}},
		{"The strikes killed a minimum of 12 people and left 90 wounded.", []string{"KILL 12 at-least people", "WOUND 90 exact "}},
		{"Police arrested twenty-five protesters on Sunday.", []string{"ARREST 25 exact protesters"}},
		{"More than 300 families were displaced by the floods.", []string{"DISPLACE 300 more-than families"}},
		{"Hundreds of people were injured in the stampede.", []string{"WOUND 100 about people"}},
		{"A dozen soldiers remain missing after the ambush.", []string{"MISSING 12 exact soldiers"}},
		{"Gunmen abducted 17 students from a school.", []string{"KIDNAP 17 exact students"}},
		{"The death toll rose to about 40 on Friday.", []string{"KILL 40 about "}},
		{"Up to 2,000 people may have died.", []string{"KILL 2000 up-to people"}},
		{"Twelve people were killed on Monday. Officials said 12 people were killed.", []string{"KILL 12 exact people"}},
		{"Police shot dead 98 rioters.", []string{"KILL 98 exact rioters"}},
		{"About 40 people were shot dead by soldiers.", []string{"KILL 40 about people"}},
		{"Three persons were stabbed to death near the market.", []string{"KILL 3 exact persons"}},
		{"Police rounded up 250 activists.", []string{"ARREST 250 exact activists"}},
		{"They arrested a staggering 8,000 people.", []string{"ARREST 8000 exact people"}},
		{"Seven people, including three children, were injured.", []string{"WOUND 7 exact people"}},
		{"Police were able to arrest 39 protesters.", []string{"ARREST 39 exact protesters"}},
		{"Over 30 activists were taken into custody.", []string{"ARREST 30 more-than activists"}},
		{"Nine people from two villages were killed.", []string{"KILL 9 exact people"}},
		{"About two dozen activists were arrested.", []string{"ARREST 24 about activists"}},
		{"The toll rose from 544 to 607 on Sunday.", []string{"KILL 607 exact "}},
		// Not counts.
		{"Twenty shops were burnt.", nil},
		{"Police issued 12 arrest warrants.", nil},
		{"The army has 1,500 fighters in the area.", nil},
		{"Russia fired 260 missiles overnight.", nil},
		{"A 25-year-old man was arrested in 2014.", nil},
		{"He paid $300 to 12 people.", nil},
		{"Five hundred people marched in the rally.", nil},
		{"The war began on March 3, 2014.", nil},
	}
	p, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		for view, ft := range map[string]*facttext.Text{"nlp": facttext.New(p.Analyze(c.text), c.text), "fallback": facttext.New(nil, c.text)} {
			var got []string
			for _, k := range Extract(ft, nil, nil) {
				got = append(got, fmt.Sprintf("%s %d %s %s", k.Kind, k.Number, k.Qualifier, k.Object))
				if r := []rune(c.text); string(r[k.Start:k.End]) != k.Text {
					t.Errorf("%s %q: offsets %d..%d do not hold %q", view, c.text, k.Start, k.End, k.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("%s %q:\n got %q\nwant %q", view, c.text, got, c.want)
			}
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("At least 12 people were killed and twenty-five wounded.")
	f.Add("killed killed 1,,2 a dozen - hundred and")
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range Extract(facttext.New(nil, s), nil, nil) {
			if k.Start > k.End || k.End > len([]rune(s)) || k.Number <= 0 {
				t.Fatalf("bad count %+v for %q", k, s)
			}
		}
	})
}
