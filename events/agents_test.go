package events

import (
	"testing"

	"github.com/tidings/tidings"
)

func TestThingsTable(t *testing.T) {
	things, err := loadThings()
	if err != nil {
		t.Fatal(err)
	}
	if len(things) < 5000 {
		t.Fatalf("things table has %d nouns, want thousands", len(things))
	}
}

func TestActorKind(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want nounKind
	}{
		{"protesters", kindAgent}, {"the separatist group", kindAgent}, {"Top diplomats", kindAgent},
		{"his lawyers", kindAgent}, {"two countries", kindAgent}, {"Human Rights Watch", kindAgent},
		{"Zorvath", kindAgent}, {"armed men", kindAgent}, {"70 passengers", kindAgent},
		{"the statement", kindMessage}, {"a new report", kindMessage},
		{"hopes", kindThing}, {"he", kindAgent}, {"They", kindAgent}, {"the initiative", kindThing}, {"it", kindThing}, {"This", kindThing},
		{"Tuesday", kindTime}, {"2025", kindTime}, {"at least 37", kindTime}, {"mid-July", kindTime}, {"late January", kindTime},
		{"the next three years", kindTime}, {"Turkish", kindAgent}, {"the counterpart", kindAgent},
		{"global GDP", kindThing}, {"Libya", kindAgent}, {"Arafat Wednesday", kindAgent},
		{"U.N. helicopters", kindAgent}, {"This data-driven approach", kindThing},
		{"the deal", kindThing}, {"its reluctance", kindThing}, {"Sovereignty", kindAgent}, // a lone capitalised word reads as a name
		{"the train", kindAgent}, // WordNet: also a procession (a group)
		{"", kindThing},
	}
	for _, tt := range tests {
		if got := c.actorKind(tt.name); got != tt.want {
			t.Errorf("actorKind(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestCheckActors(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ev := func(typ, actor string) tidings.Event {
		e := tidings.Event{Type: typ}
		if actor != "" {
			e.Actor = &tidings.Actor{Name: actor}
		}
		return e
	}
	in := []tidings.Event{
		ev("CONSULT", "it"),                 // dropped: a thing cannot meet
		ev("ASSAULT", "the roadside blast"), // kept, no actor
		ev("ACCUSE", "the statement"),       // kept: a message can accuse
		ev("RETREAT", "the statement"),      // dropped
		ev("AGREE", "the rebels"),           // kept
		ev("AID", ""),                       // kept: no actor to judge
		ev("PROTEST", "15 October"),         // kept, the date is no actor
		{Type: "SUPPORT", Actor: &tidings.Actor{Name: "hopes", Entity: "e1"}}, // resolved: kept
	}
	got := c.checkActors(in)
	want := []struct {
		typ   string
		actor bool
	}{{"ASSAULT", false}, {"ACCUSE", true}, {"AGREE", true}, {"AID", false}, {"PROTEST", false}, {"SUPPORT", true}}
	if len(got) != len(want) {
		t.Fatalf("checkActors kept %d events, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Type != w.typ || (got[i].Actor != nil) != w.actor {
			t.Errorf("event %d: %s actor %v, want %s actor %v", i, got[i].Type, got[i].Actor, w.typ, w.actor)
		}
	}
}
