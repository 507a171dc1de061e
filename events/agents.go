package events

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/tidings/tidings"
)

// things.tsv.gz lists the nouns of news text that name neither a person nor
// a group (WordNet's first three senses), and those that do in their first
// two; internal/cmd/genagents rebuilds it.
//
//go:embed things.tsv.gz
var thingsGz []byte

// nounKind says whether an actor phrase can stand for who acted.
type nounKind uint8

const (
	kindAgent   nounKind = iota // a person, a group, a name — or not known
	kindThing                   // "hopes", "the deal", "it"
	kindMessage                 // "the statement", "a report": stands in for its author
	kindTime                    // "Tuesday", "three years", "2025": a misread subject
	kindPerson                  // "activist", "miners", "navy": known to act
)

// loadThings decodes the table once per process; the map is read-only.
var loadThings = sync.OnceValues(func() (map[string]nounKind, error) {
	zr, err := gzip.NewReader(bytes.NewReader(thingsGz))
	if err != nil {
		return nil, fmt.Errorf("events: things table: %w", err)
	}
	m := make(map[string]nounKind, 10500)
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		w, class, ok := strings.Cut(sc.Text(), "\t")
		switch {
		case !ok || strings.HasPrefix(w, "#"):
		case class == "M":
			m[w] = kindMessage
		case class == "P":
			m[w] = kindPerson
		default:
			m[w] = kindThing
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("events: things table: %w", err)
	}
	return m, nil
})

// nonPersonPronouns are subjects that never name who acted.
var nonPersonPronouns = setOf(`it its this that these those what which whatever something anything
nothing everything much`)

// personPronouns are subjects that name a person or a group.
var personPronouns = setOf(`i you he she we they him her us them who whom everyone everybody someone
somebody anyone nobody`)

// timeNouns head phrases that date an event rather than act in it.
var timeNouns = setOf(`year years month months week weeks day days hour hours decade decades century
weekend morning afternoon evening night today yesterday tomorrow`)

// agentNouns act though WordNet's first senses say otherwise.
var agentNouns = setOf(`counterpart counterparts side sides camp regime junta`)

// calendarNames are capitalised heads that are dates, not names.
var calendarNames = setOf(`monday tuesday wednesday thursday friday saturday sunday january
february march april june july august september october november december`)

// actorKind classifies an actor phrase by its head (last) word, after
// dates at its end ("Arafat Wednesday"). A phrase with a capitalised word
// before the head names someone ("U.N. helicopters", "Islamic Jihad
// movement"), and words the table does not know count as agents: the
// filter only acts on what is known not to act.
func (c *Coder) actorKind(name string) nounKind {
	words := strings.Fields(name)
	for i := range words {
		words[i] = strings.TrimFunc(words[i], func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		words[i] = strings.TrimSuffix(strings.TrimSuffix(words[i], "’s"), "'s")
	}
	for len(words) > 1 && calendarNames[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
		if !hasName(words) {
			return kindTime // "late January", "last Tuesday"
		}
	}
	if len(words) == 0 {
		return kindThing
	}
	head := words[len(words)-1]
	if head == "" {
		return kindThing
	}
	lower := strings.ToLower(head)
	if strings.IndexFunc(head, unicode.IsDigit) >= 0 || calendarNames[strings.TrimPrefix(lower, "mid-")] || timeNouns[lower] {
		return kindTime // "2025", "15 October", "mid-July", "three years"
	}
	if nonPersonPronouns[lower] || len(words) == 1 && lower == "the" {
		return kindThing // "it"; "The" of "The fighting"
	}
	if personPronouns[lower] || agentNouns[lower] {
		return kindAgent // "he" is helium to WordNet
	}
	if len(words) == 1 && unicode.IsUpper([]rune(head)[0]) {
		return kindAgent // a name, a demonym, an acronym ("Amnesty", "Turkish")
	}
	if hasName(words[:len(words)-1]) {
		return kindAgent
	}
	if _, ok := c.tab.nouns[lower]; ok {
		return kindThing // an event noun: "the blast", "airstrikes"
	}
	things, err := loadThings()
	if err != nil {
		return kindAgent // embedded and tested (TestThingsTable): filter off
	}
	return things[lower]
}

// hasName reports whether a word of words is capitalised (a name or a
// demonym), not counting a capitalised determiner.
func hasName(words []string) bool {
	for _, w := range words {
		if w != "" && unicode.IsUpper([]rune(w)[0]) && !determinerWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// determinerWords start a phrase capitalised without naming anyone.
var determinerWords = setOf(`this that these those its their his her our my your some many most all
another any each every one both such`)

// actorlessTypes are the event types that happen without a named agent
// ("a roadside bomb killed 11", "hundreds were detained"): when their
// subject is not an agent the event stays with no actor.
var actorlessTypes = setOf(`ASSAULT COERCE`)

// verbalTypes are the event types a message can carry: what is said ("the
// statement condemned", "a report accused") and what a text decrees ("the
// resolution imposes sanctions", "a decree bans rallies").
var verbalTypes = setOf(`ACCUSE REJECT REQUEST SUPPORT THREATEN AGREE SANCTION COERCE`)

// checkActors drops the events whose actor is a thing or a message that
// cannot carry the event ("the statement released", "hopes rose", "it
// arrived") or a disaster ("the earthquake killed 30"), and keeps violent
// and coercive ones without the actor, as it keeps any event whose actor
// was a date the parse took for a subject. A recipient loses the date the
// parse hung on it ("attacked a train Tuesday"), or is dropped when it is
// a date ("the visit on Feb. 27"). Actors resolved to an entity or given a
// sector or country are agents.
func (c *Coder) checkActors(evs []tidings.Event) []tidings.Event {
	out := evs[:0]
	for _, ev := range evs {
		ev.Recipient = c.undated(ev.Recipient)
		a := ev.Actor
		if a == nil || a.Entity != "" || a.Sector != "" || a.Country != "" {
			out = append(out, ev)
			continue
		}
		if disasters[headWord(a.Name)] {
			continue // "Floods destroyed homes": no one did it
		}
		switch c.actorKind(a.Name) {
		case kindTime:
			ev.Actor = nil
		case kindThing:
			if !actorlessTypes[ev.Type] {
				continue
			}
			ev.Actor = nil
		case kindMessage:
			if !verbalTypes[ev.Type] {
				continue
			}
		}
		out = append(out, ev)
	}
	return out
}

// undated returns r without a trailing day or month name ("passenger train
// Tuesday" → "passenger train"), or nil when r is a date, a span of time or
// a bare pronoun that stands for no one ("it", "that").
func (c *Coder) undated(r *tidings.Actor) *tidings.Actor {
	if r == nil || r.Entity != "" {
		return r
	}
	words := strings.Fields(r.Name)
	if len(words) == 1 && (nonPersonPronouns[strings.ToLower(words[0])] || relatives[strings.ToLower(words[0])]) {
		return nil // "ones that are banned": the pronoun names nothing by itself
	}
	n := len(words)
	for n > 0 && calendarNames[strings.ToLower(strings.Trim(words[n-1], ".,"))] {
		n--
	}
	if n > 0 && n < len(words) && !timeModifiers[strings.ToLower(words[n-1])] {
		cp := *r
		cp.Name = strings.Join(words[:n], " ")
		return &cp
	}
	if c.actorKind(r.Name) == kindTime && !countOfPeople(r.Name) {
		return nil
	}
	return r
}

// timeModifiers make a day or month name after them a date ("late
// January", "last Tuesday").
var timeModifiers = setOf(`late early last next this mid coming past since until by on`)

// disasters are the natural and accidental causes of death and damage: a
// killing or destruction they cause is no attack ("the earthquake killed
// 30", "houses destroyed by floods", "collapsing buildings injured 15").
var disasters = setOf(`flood floods flooding floodwaters earthquake earthquakes quake quakes tremor tremors
storm storms cyclone cyclones hurricane typhoon tornado tornadoes landslide landslides mudslide mudslides
avalanche drought wildfire wildfires fire fires blaze heatwave heat rain rains downpour downpours lightning
tsunami eruption volcano snow snowstorm blizzard collapse accident accidents crash crashes disease outbreak
virus epidemic pandemic famine building buildings wall walls roof stampede`)

// headWord is the last word of phrase, lower-cased, without punctuation.
func headWord(phrase string) string {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(words[len(words)-1], ".,;:!?\"'’"))
}

// takesPart reports whether a verb's event has someone taking part in it:
// a side that is a person, a group, a name or a number of people, or a
// message standing for its author ("the resolution aims to tighten
// sanctions"). Events with only things ("deal with stress", "examined the
// facts", "minerals are considered critical"), unresolved pronouns of
// quoted speech ("we", "I", "them") or nothing on either side are mostly
// everyday senses of the verbs in general news; PETRARCH goes further and
// codes only events between actors of its dictionaries. Violence and
// coercion need no sides ("were taken into custody").
func (c *Coder) takesPart(ev tidings.Event) bool {
	return actorlessTypes[ev.Type] || c.party(ev.Actor) || c.party(ev.Recipient) ||
		verbalTypes[ev.Type] && ev.Actor != nil && c.actorKind(ev.Actor.Name) == kindMessage
}

// party reports whether a names who took part: an entity, a phrase with a
// country or a sector, a name, a person or group noun ("the activist",
// "miners"), a number of people ("120 were arrested", "the four"). An
// unresolved pronoun or a noun not known to name people does not.
func (c *Coder) party(a *tidings.Actor) bool {
	if a == nil {
		return false
	}
	if a.Entity != "" || a.Country != "" || a.Sector != "" {
		return true
	}
	words := strings.Fields(a.Name)
	if len(words) == 0 || len(words) == 1 && personPronouns[strings.ToLower(words[0])] {
		return false
	}
	if countOfPeople(a.Name) {
		return true
	}
	switch c.actorKind(a.Name) {
	case kindPerson:
		return true
	case kindAgent:
		head := strings.ToLower(words[len(words)-1])
		return hasName(words) || agentNouns[head] || c.personNoun(strings.TrimSuffix(head, "s"))
	}
	return false
}

// personNoun reports whether the table knows w as a person or group noun.
func (c *Coder) personNoun(w string) bool {
	things, err := loadThings()
	return err == nil && things[w] == kindPerson
}

// countOfPeople reports whether phrase is a bare number standing for people
// ("120", "the four", "hundreds"), not a year.
func countOfPeople(phrase string) bool {
	words := strings.Fields(strings.ToLower(phrase))
	if len(words) > 0 && (words[0] == "the" || words[0] == "all") {
		words = words[1:]
	}
	if len(words) != 1 {
		return false
	}
	w := strings.ReplaceAll(words[0], ",", "")
	if n, err := strconv.Atoi(w); err == nil {
		return n < 1900 || n > 2100 // a year is a time
	}
	return numberWords[w]
}

// numberWords are counts that stand for people ("the four were arrested").
var numberWords = setOf(`two three four five six seven eight nine ten eleven twelve dozen dozens
hundreds thousands`)
