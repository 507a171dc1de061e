// Package counts finds casualty and arrest figures: how many were killed
// (KILL), wounded (WOUND), arrested (ARREST), kidnapped (KIDNAP), are
// missing (MISSING) or displaced (DISPLACE).
//
// A figure counts only when it is tied to one of those outcomes in its
// clause: a casualty verb before it ("killed at least 12 people", "left 90
// wounded", "shot dead 98 rioters", "rounded up 1,740", "arrested a
// staggering 10,000"), a casualty word or phrase after it ("12 people were
// killed", "90 wounded", "three deaths", "were stabbed to death", "were
// taken into custody"), also past an aside ("two persons, including a
// woman, were killed", "120 people from the two villages were
// killed"), or a death toll ("the death toll rose to 40"). With POS tags
// any plural noun can be the one counted ("40 sadhus were arrested"), but
// only for unambiguous outcomes ("20 shops were burnt" is no count).
// So "1,500 fighters" or "260 missiles" are not counts, nor are ages ("a
// 25-year-old"), years, money and percentages. Numbers may be digits,
// words ("twenty-five", "a dozen") or vague plurals ("hundreds", "dozens":
// the unit, qualified "about"); qualifiers are exact, at-least ("at least",
// "a minimum of"), more-than, about and up-to. Each (kind, number) is
// reported once per article. The location is the place named in the
// sentence (an entity of a.Entities, else the location of an event of that
// sentence); Count.Event ties the figure to the factual event of its
// sentence it belongs to (ASSAULT for casualties, COERCE for arrests), so
// counts run after events.
//
// With the dependency parse a figure also reaches its outcome past a long
// aside ("over 40 monks led by their abbot were arrested"). One person
// killed, wounded, arrested or kidnapped is a figure of 1 (exact), as
// ACLED and GDELT count ("a man was killed", "police shot dead a suspect",
// "the accused was arrested", "she was arrested", "after his arrest");
// plural nouns without a number ("protesters were arrested") are no
// figure, and neither are negated outcomes ("no one was hurt", "he was not
// arrested") or ones not done ("police came to arrest him"); see
// singular.go.
//
// ByPolice tells whether the sentence of a count says the police or
// security forces did it ("killed in police firing", "police shot dead
// two"). tidings.Count has no field for the agent, so it is a separate
// question; "tidings eval counts" uses it to read the IndiaPoliceEvents
// labels, which ask what the police did.
package counts

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

// Extractor finds counts. It holds no state and is safe for concurrent use.
type Extractor struct{}

// New returns a count extractor.
func New() *Extractor { return &Extractor{} }

// Annotate adds the article's counts to a.Counts.
func (x *Extractor) Annotate(ctx context.Context, doc *nlp.Doc, a *tidings.Article) error {
	if a == nil {
		return errors.New("counts: nil article")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Counts = append(a.Counts, Extract(facttext.For(ctx, doc, a.Text), a.Entities, a.Events)...)
	return nil
}

// outcome words: surface form -> kind.
var outcomes = map[string]string{
	"killed": "KILL", "kill": "KILL", "kills": "KILL", "killing": "KILL", "dead": "KILL",
	"died": "KILL", "deaths": "KILL", "fatalities": "KILL", "perished": "KILL", "slain": "KILL",
	"murdered": "KILL", "executed": "KILL", "massacred": "KILL", "lynched": "KILL",
	"bodies": "KILL", "martyred": "KILL", "burnt": "KILL", "charred": "KILL",
	"wounded": "WOUND", "wounding": "WOUND", "injured": "WOUND", "injuring": "WOUND",
	"injuries": "WOUND", "hurt": "WOUND", "hospitalised": "WOUND", "hospitalized": "WOUND",
	"arrested": "ARREST", "arresting": "ARREST", "arrests": "ARREST", "detained": "ARREST",
	"detaining": "ARREST", "apprehended": "ARREST", "nabbed": "ARREST", "held": "ARREST",
	"kidnapped": "KIDNAP", "abducted": "KIDNAP", "kidnapping": "KIDNAP", "abducting": "KIDNAP",
	"hostage": "KIDNAP", "hostages": "KIDNAP",
	"missing": "MISSING", "displaced": "DISPLACE", "homeless": "DISPLACE", "evacuated": "DISPLACE",
	"fled": "DISPLACE", "uprooted": "DISPLACE",
}

// verbsBefore are outcome words that take the figure as object.
var verbsBefore = map[string]bool{
	"killed": true, "killing": true, "kill": true, "kills": true, "wounded": true, "wounding": true,
	"injured": true, "injuring": true, "arrested": true, "arresting": true, "detained": true,
	"detaining": true, "kidnapped": true, "abducted": true, "abducting": true, "displaced": true,
	"displacing": true, "evacuated": true, "massacred": true, "executed": true, "murdered": true,
	"apprehended": true, "nabbed": true, "arrest": true, "detain": true,
}

// people are nouns a figure may count.
var people = setOf(`people persons person civilians civilian soldiers soldier troops children
kids women men man woman residents villagers militants fighters rebels insurgents protesters
demonstrators students workers officers officer policemen policeman police personnel officials
members passengers others pilgrims worshippers migrants refugees miners journalists guards
attackers suspects accused youths youth rioters individuals citizens inmates prisoners
terrorists gunmen militiamen jawans constables boys girls infants babies adults family
families victims patients staff employees sailors marines commandos servicemen soldiers
settlers farmers traders shopkeepers labourers laborers devotees policemen cops agents
activists leaders supporters nationals tourists crew detainees persons`)

// linking words between a counted noun and its outcome word.
var linking = setOf(`were was have has had been are is being reportedly also allegedly later all
so far still feared believed confirmed said to be were already remain remained remains may
might could would`)

// notCounted nouns right after a figure mark it as something else.
var notCounted = setOf(`year years yr yrs month months day days week weeks hour hours minute
minutes percent per cent % km kilometres kilometers miles mile metres meters kg tonnes tons
dollars rupees euros pounds crore crores missiles rockets drones shells rounds bombs
vehicles cars houses homes buildings points votes seats times delegates endorsements`)

func setOf(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Extract returns the counts of t.
func Extract(t *facttext.Text, ents []tidings.Entity, events []tidings.Event) []tidings.Count {
	var out []tidings.Count
	seen := map[string]bool{}
	for si := range t.Sentences {
		for _, c := range sentenceCounts(t, si) {
			key := c.Kind + "\x00" + itoa(c.Number)
			if seen[key] {
				continue
			}
			seen[key] = true
			c.Location = locate(t, si, c, ents, events)
			c.Event = eventOf(c, events)
			span := t.SentenceSpan(si)
			c.Sentence = &span
			out = append(out, c)
		}
	}
	return out
}

// eventTypes are the event types a count kind belongs to.
var eventTypes = map[string][]string{
	"KILL": {"ASSAULT"}, "WOUND": {"ASSAULT"}, "KIDNAP": {"ASSAULT", "COERCE"},
	"ARREST": {"COERCE"}, "MISSING": {"ASSAULT"}, "DISPLACE": {"ASSAULT", "COERCE"},
}

// eventOf ties a count to the event of its sentence it belongs to: the
// factual event of a matching type, the one whose trigger is nearest.
func eventOf(c tidings.Count, events []tidings.Event) *int {
	best, bestD := -1, 1<<30
	for i, e := range events {
		if e.Negated || e.Hypothetical || e.Sentence.Start > c.Start || c.End > e.Sentence.End {
			continue
		}
		if !slices.Contains(eventTypes[c.Kind], e.Type) {
			continue
		}
		d := 0
		if e.TriggerSpan != nil {
			d = abs(e.TriggerSpan.Start - c.Start)
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return nil
	}
	return &best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for n >= 10 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	b[i] = byte('0' + n)
	return string(b[i:])
}
