package quotes

import (
	"fmt"
	"os"
	"testing"

	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

func TestDebugLocal(t *testing.T) {
	path := os.Getenv("QDEBUG")
	if path == "" {
		t.Skip()
	}
	p, _ := nlp.Load()
	b, _ := os.ReadFile(path)
	text := string(b)
	ft := facttext.New(p.Analyze(text), text)
	for _, s := range ft.Sentences {
		for i, k := range s.Tokens {
			fmt.Printf("%d:%s/%s/%d/%s ", i, k.Text, k.UPOS, k.Head, k.Rel)
		}
		fmt.Println()
	}
	for _, q := range Extract(ft, nil) {
		fmt.Printf("Q %q speaker_mention=%+v cue=%q\n", q.Text, q.SpeakerMention, q.Cue)
	}
}
