package entities

import (
	"testing"

	"github.com/tidings/tidings/entities/entitiestest"
	"github.com/tidings/tidings/gazetteer"
)

func TestDebugSpot(t *testing.T) {
	db, _ := gazetteer.Load()
	for _, text := range []string{"Prime Minister Keir Starmer visited Paris on Monday.", "The NATO summit and the European Union met."} {
		d := entitiestest.Doc(text)
		for _, tk := range d.Sentences[0].Tokens {
			t.Logf("%q", tk.Text)
		}
		for _, m := range NewDictSpotter(db).Spot(d) {
			t.Logf("%d %d-%d %s %q %.1f", m.Sent, m.Start, m.End, m.Type, m.Text, m.Score)
		}
		t.Log(db.ActorsNamed("Keir"), db.CitiesNamed("Keir"))
	}
}
