package counts

import (
	"fmt"
	"os"
	"testing"

	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

func TestDebugScratch(t *testing.T) {
	b, err := os.ReadFile("/tmp/fx/cin.txt")
	if err != nil {
		t.Skip()
	}
	p, _ := nlp.Load()
	d := p.Analyze(string(b))
	for _, c := range Extract(facttext.New(d, string(b)), nil, nil) {
		fmt.Printf("%s %d %s %q [%s]\n", c.Kind, c.Number, c.Qualifier, c.Object, c.Text)
	}
}
