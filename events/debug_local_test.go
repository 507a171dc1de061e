package events

import (
	"bufio"
	"fmt"
	"os"
	"testing"

	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

// TestDebugLocal prints tokens and events of lines in $EVDEBUG (temporary).
func TestDebugLocal(t *testing.T) {
	path := os.Getenv("EVDEBUG")
	if path == "" {
		t.Skip()
	}
	c, _ := New()
	p, _ := nlp.Load()
	f, _ := os.Open(path)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		text := sc.Text()
		ft := facttext.New(p.Analyze(text), text)
		for _, s := range ft.Sentences {
			for i, k := range s.Tokens {
				fmt.Printf("%d:%s/%s/%s/%d/%s ", i, k.Text, k.UPOS, k.Lemma, k.Head, k.Rel)
			}
			fmt.Println()
		}
		for _, e := range c.Code(ft, nil, nil) {
			a, r := "", ""
			if e.Actor != nil {
				a = e.Actor.Name + "/" + e.Actor.Sector
			}
			if e.Recipient != nil {
				r = e.Recipient.Name
			}
			fmt.Printf("  %s:%s %q a=%q r=%q neg=%v hyp=%v\n", e.Type, e.Mode, e.Trigger, a, r, e.Negated, e.Hypothetical)
		}
	}
}

