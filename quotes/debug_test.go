package quotes

import (
	"fmt"
	"os"
	"testing"

	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

func TestDebugScratch(t *testing.T) {
	b, err := os.ReadFile("/tmp/fx/in.txt")
	if err != nil {
		t.Skip()
	}
	p, _ := nlp.Load()
	d := p.Analyze(string(b))
	ft := facttext.New(d, string(b))
	for _, s := range ft.Sentences {
		fmt.Print("S: ")
		for _, k := range s.Tokens {
			fmt.Printf("%s/%s ", k.Text, k.UPOS)
		}
		fmt.Println()
	}
	for _, q := range Extract(ft, nil) {
		m := "-"
		if q.SpeakerMention != nil {
			m = q.SpeakerMention.Text
		}
		fmt.Printf("%q  <- %q cue=%q partial=%v\n", q.Text, m, q.Cue, q.Partial)
	}
}
