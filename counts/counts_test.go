package counts

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

func TestExtract(t *testing.T) {
	cases := []extractCase{
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
		{"The famine killed about 1.5 million people.", []string{"KILL 1500000 about people"}},
		// Not counts.
		{"The senator picked up two delegates in the caucus.", nil},
		{"Invaders killed thousands of Armenians and Greeks.", []string{"KILL 1000 about armenians"}},
		{"Twenty shops were burnt.", nil},
		{"Police issued 12 arrest warrants.", nil},
		{"The army has 1,500 fighters in the area.", nil},
		{"Russia fired 260 missiles overnight.", nil},
		{"A 25-year-old man was arrested in 2014.", []string{"ARREST 1 exact man"}}, // the age is no figure
		{"No one was killed in the blast.", nil},
		{"None of the 40 passengers were injured.", nil},
		{"He paid $300 to 12 people.", nil},
		{"Five hundred people marched in the rally.", nil},
		{"The war began on March 3, 2014.", nil},
	}
	checkExtract(t, cases)
}

// TestExtractSingle covers one person killed, wounded or arrested (a
// figure of 1) and plural nouns without a number (no figure).
func TestExtractSingle(t *testing.T) {
	checkExtract(t, []extractCase{
		{"A farmer was killed when the wall fell.", []string{"KILL 1 exact farmer"}},
		{"Troops shot dead a suspect at the checkpoint.", []string{"KILL 1 exact suspect"}},
		{"The accused was arrested on Friday.", []string{"ARREST 1 exact accused"}},
		{"She was later arrested at the airport.", []string{"ARREST 1 exact "}},
		{"Officers arrested him outside his house.", []string{"ARREST 1 exact "}},
		{"The shelling hit the market, killing a shopkeeper.", []string{"KILL 1 exact shopkeeper"}},
		{"He has also been detained.", []string{"ARREST 1 exact "}},
		{"A bus driver was injured and 12 people were killed.", []string{"WOUND 1 exact driver", "KILL 12 exact people"}},
		{"He was questioned again after his arrest.", []string{"ARREST 1 exact "}},
		{"The mob demanded his arrest.", nil},
		{"His arrest warrant was signed.", nil},
		{"Two of them were killed on Monday.", []string{"KILL 2 exact "}},
		{"Thirty people were hurt, one of them seriously.", []string{"WOUND 30 exact people"}},
		{"A 19-year-old student was killed on the ring road bridge.", []string{"KILL 1 exact student"}},
		{"Rahul Mehta, who ran a shop near the station, was arrested.", []string{"ARREST 1 exact "}},
		// No figure.
		{"“Nobody was arrested,” the officer said.", nil},
		{"Protesters were arrested in the square.", nil},
		{"They were detained for hours.", nil},
		{"He was not arrested.", nil},
		{"Police came to arrest the suspect.", nil},
		{"The suspect will be arrested soon.", nil},
		{"Nobody was injured.", nil},
		{"The bill was killed in committee.", nil},
		{"The decline in exports was arrested last year.", nil},
		{"The tanker was detained at the port.", nil},
	})
}

// extractCase is a text and its counts, each "KIND number qualifier object".
type extractCase struct {
	text string
	want []string
}

// checkExtract runs Extract on each case with the NLP analysis and with
// the rule-based fallback.
func checkExtract(t *testing.T, cases []extractCase) {
	t.Helper()
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
