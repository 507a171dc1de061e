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
		{"protesters", kindPerson}, {"the separatist group", kindAgent}, {"Top diplomats", kindAgent},
		{"his lawyers", kindPerson}, {"two countries", kindPerson}, {"Human Rights Watch", kindAgent},
		{"Zorvath", kindAgent}, {"armed men", kindPerson}, {"70 passengers", kindPerson},
		{"the statement", kindMessage}, {"a new report", kindMessage},
		{"hopes", kindThing}, {"he", kindAgent}, {"They", kindAgent}, {"the initiative", kindThing}, {"it", kindThing}, {"This", kindThing},
		{"Tuesday", kindTime}, {"2025", kindTime}, {"at least 37", kindTime}, {"mid-July", kindTime}, {"late January", kindTime},
		{"the next three years", kindTime}, {"Turkish", kindAgent}, {"the counterpart", kindAgent},
		{"global GDP", kindThing}, {"Libya", kindAgent}, {"Arafat Wednesday", kindAgent},
		{"U.N. helicopters", kindAgent}, {"This data-driven approach", kindThing},
		{"the deal", kindThing}, {"The", kindThing}, {"its reluctance", kindThing}, {"Sovereignty", kindAgent}, // a lone capitalised word reads as a name
		{"the train", kindPerson}, // WordNet: also a procession (a group)
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
		ev("ASSAULT", "The earthquake"),                                       // dropped: no one attacked
		ev("COERCE", "Floods"),                                                // dropped
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

func TestTakesPart(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	side := func(name string) *tidings.Actor {
		if name == "" {
			return nil
		}
		return &tidings.Actor{Name: name}
	}
	tests := []struct {
		typ, actor, recipient string
		want                  bool
	}{
		{"ACCUSE", "I", "way", false},                 // "I … check the way they eat"
		{"SUPPORT", "them", "stress", false},          // "helps them deal with stress"
		{"CONSULT", "", "four dozen minerals", false}, // "minerals are considered critical"
		{"CONSULT", "we", "", false},                  // an unresolved pronoun
		{"AID", "", "Tuesday", false},                 // a date
		{"AGREE", "The bank", "", true},               // a group noun
		{"REQUEST", "the envoy", "", true},            // a person noun
		{"PROTEST", "the activists", "", true},        // a plural the table knows as its singular
		{"REJECT", "Pakistan", "claims", true},        // a name
		{"SANCTION", "The resolution", "", true},      // a message stands for its author
		{"COOPERATE", "the four", "", true},           // a number of people
		{"COOPERATE", "", "2025", false},              // a year
		{"COERCE", "", "", true},                      // "were taken into custody"
		{"ASSAULT", "collapsing buildings", "", true}, // violence needs no sides
		{"CONSULT", "they", "the delegation", true},   // one side is enough
		{"AID", "it", "", false},                      // a thing
		{"SUPPORT", "", "Mhlanga", true},              // a name
		{"MOBILIZE", "scheme", "missile propellant", false},
	}
	for _, tt := range tests {
		ev := tidings.Event{Type: tt.typ, Actor: side(tt.actor), Recipient: side(tt.recipient)}
		if got := c.takesPart(ev); got != tt.want {
			t.Errorf("takesPart(%s %q → %q) = %v, want %v", tt.typ, tt.actor, tt.recipient, got, tt.want)
		}
	}
	coded := tidings.Event{Type: "AID", Actor: &tidings.Actor{Name: "its forces", Sector: "MIL"}}
	if !c.takesPart(coded) {
		t.Error("takesPart: an actor with a sector does not take part")
	}
}

func TestUndated(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{ // want "" for nil
		{"passenger train Tuesday", "passenger train"},
		{"constitutional declaration Thursday", "constitutional declaration"},
		{"Tuesday", ""},
		{"Feb. 27", ""},
		{"late January", ""},
		{"this weekend", ""},
		{"the four", "the four"}, // people, not a time
		{"Kyiv", "Kyiv"},
		{"that", ""},
		{"them", "them"},
	}
	for _, tt := range tests {
		name := ""
		if got := c.undated(&tidings.Actor{Name: tt.in}); got != nil {
			name = got.Name
		}
		if name != tt.want {
			t.Errorf("undated(%q) = %q, want %q", tt.in, name, tt.want)
		}
	}
	if got := c.undated(nil); got != nil {
		t.Errorf("undated(nil) = %+v", got)
	}
}
