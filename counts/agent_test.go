package counts

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

func TestByPolice(t *testing.T) {
	cases := []struct {
		text string
		want []string // "KIND number police", for each count
	}{
		{"Police shot dead two robbers near the bank.", []string{"KILL 2 true"}},
		{"One man was killed in police firing on the crowd.", []string{"KILL 1 true"}},
		{"Three protesters were shot dead by the police.", []string{"KILL 3 true"}},
		{"Three protesters were shot by the police.", nil}, // shot, not said to be dead
		{"Police fired at the crowd, killing one and injuring six.", []string{"KILL 1 true", "WOUND 6 true"}},
		{"Two villagers died when police opened fire.", []string{"KILL 2 true"}},
		{"Troops killed four militants in a raid.", []string{"KILL 4 true"}},
		{"A student was wounded in a clash with police.", []string{"WOUND 1 true"}},
		{"Officers arrested 30 people and shot dead a gunman.", []string{"ARREST 30 true", "KILL 1 true"}},
		{"Residents protested against the police firing in which one person was killed.", []string{"KILL 1 true"}},
		{"Twelve people were arrested on Monday.", []string{"ARREST 12 true"}},
		// Not the police.
		{"Five people were killed in the riots, police said.", []string{"KILL 5 false"}},
		{"A mob stabbed to death two shopkeepers.", []string{"KILL 2 false"}},
		{"Two people were stabbed to death and police fired in the air.", []string{"KILL 2 false"}},
		{"Ten people were killed in the blast with police watching.", []string{"KILL 10 false"}},
		{"Militants abducted a policeman.", []string{"KIDNAP 1 false"}},
	}
	p, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		for view, ft := range map[string]*facttext.Text{"nlp": facttext.New(p.Analyze(c.text), c.text), "fallback": facttext.New(nil, c.text)} {
			var got []string
			for _, k := range Extract(ft, nil, nil) {
				got = append(got, fmt.Sprintf("%s %d %v", k.Kind, k.Number, ByPolice(ft, k)))
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("%s %q:\n got %q\nwant %q", view, c.text, got, c.want)
			}
		}
	}
}
