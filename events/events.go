// Package events codes PLOVER events — who did what to whom, where and when
// — from each sentence of an article.
//
// Triggers are verbs and nouns. Verbs are coded by an object word of our
// own (ownObjects: "ended mediation" SANCTION, "sent arms" AID, "declared
// martial law" even for an otherwise inert verb), our own small PLOVER
// verb list (ownVerbs), a CAMEO phrasal verb ("called off"; "set up" and
// other "---" ones code nothing), then by the CAMEO verb dictionary of
// PETRARCH2 (verbs.tsv.gz, derived by internal/cmd/genverbs; a verb's
// pattern, all of its words following it in order, a synonym set such as
// &CEASEFIRE matching any of its members, wins over its default code),
// mapped CAMEO→PLOVER by cameoToPlover (the table the PLOVER gold
// records were coded with). A past form the tagger took for a noun in a
// sentence without a verb ("The army withdrew") is still a verb, a base
// form after a preposition ("over pay") a noun, a word the tokenizer split
// at a hyphen ("sit-in") one word. A light verb with an event noun as
// object ("staged a hunger strike", "held talks", "went on strike", "voiced
// support") lets the noun code the event with the verb's subject as actor;
// a verb controlled by another ("continued to send", "urged the government
// to release") takes that verb's subject, or object. A verb with no agent
// takes the actor of a cause phrase ("killed in police firing"); "died"
// codes an attack only with one. Nouns ("Russia's missile strikes",
// "a ceasefire") are coded by ownNouns. The actor is the subject of a verb
// (the nsubj of the parse when there is one, else the noun phrase before
// it; the "by" phrase of a passive), the possessor or the demonym before a
// noun; the recipient is the object, or the phrase after against/on/at/
// with/to. Actors are resolved to Article.Entities (name, entity id, ISO
// alpha-3 country) with a sector from their head words. The location is the
// place after in/near/at in the sentence (else a place recipient), the date
// is resolved from the publication date ("on Wednesday", "last week", "in
// 2014"; otherwise the publication day). Events under negation ("did not
// attack", "denied that troops attacked", "refrained from attacking",
// "rejected the agreement") or in a hypothetical or future frame
// ("threatened to", "would", "if", "to" + verb, "demanded that he resign")
// are kept with their flags set. Events of finite verbs outrank nominal
// events, participles and subordinate clauses ("after a court cleared
// him", "parties that had been banned"), which are kept only when the
// sentence has nothing else; an intention stated by the actor ("will
// release") also gives an AGREE or THREATEN event, and "X said Y must …" a
// REQUEST by X. An attack with a named actor ("police firing", "injured
// when police fired") and a detention are kept beside the main event;
// violence by protesters is a riot. One event per type per sentence is
// kept. A verb's event needs someone taking part — a name, an entity, a
// person or group noun, a number of people — on one side or the other:
// "helps them deal with stress" and "the minerals are considered critical"
// are no events (violence and coercion excepted: "were taken into
// custody"). An actor that only a country or nationality modifies
// ("Moroccan diplomats") keeps its phrase, with the country's code.
//
// Headline-like sentences fool the tagger (tagfix.go): a past verb tagged
// an adjective after the subject ("Donors suspended loans"), an event
// noun tagged a verb inside a prepositional phrase ("in the border
// talks") and a participle before a noun ("the recently imposed law") are
// read as what they are. A document issued ("released a statement
// calling for …") lends its issuer to the act it carries; a clause of
// reported speech (", saying …") or one completing a noun ("the claim
// that soldiers …") is background; a negated intention of the actor ("will
// not accept the plan") is a REJECT, an armed force ready to storm a
// town a MOBILIZE; the object word that codes a verb ("violated the ceasefire")
// codes no event of its own.
package events

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

var (
	loadOnce sync.Once
	loaded   *table
	loadErr  error
)

// Coder codes events. It is read-only and safe for concurrent use.
type Coder struct {
	tab *table
}

// New returns a coder with the embedded verb table (decoded once).
func New() (*Coder, error) {
	loadOnce.Do(func() { loaded, loadErr = decodeTable(verbsGz) })
	if loadErr != nil {
		return nil, loadErr
	}
	return &Coder{tab: loaded}, nil
}

// Annotate adds the article's events to a.Events.
func (c *Coder) Annotate(ctx context.Context, doc *nlp.Doc, a *tidings.Article) error {
	if a == nil {
		return errors.New("events: nil article")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Events = append(a.Events, c.Code(facttext.For(ctx, doc, a.Text), a.Entities, a.Published)...)
	return nil
}

// Code returns the events of t.
func (c *Coder) Code(t *facttext.Text, ents []tidings.Entity, published *time.Time) []tidings.Event {
	var out []tidings.Event
	for si := range t.Sentences {
		out = append(out, c.checkActors(c.sentence(t, si, ents, published))...)
	}
	return out
}

func setOf(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var determiners = setOf(`the a an another this that these those his her their its our my your
some several many two three four five six one other both each every`)

// isDeterminer is determiners[w] without hashing, for the per-token
// tests of triggerAt.
func isDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "another", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
		"some", "several", "many", "two", "three", "four", "five", "six", "one", "other", "both", "each", "every":
		return true
	}
	return false
}

// sentence codes the events of sentence si. Events of finite verbs are
// primary; nominal events and those of participles ("…, suspending",
// "suspected by") are kept only when the sentence has no primary event.
// A hypothetical event announced as the actor's own intention ("will
// release", "would blockade", "is prepared to lift") also gives an AGREE
// (cooperative types) or THREATEN (hostile types) event that did happen.
func (c *Coder) sentence(t *facttext.Text, si int, ents []tidings.Entity, published *time.Time) []tidings.Event {
	toks := t.Sentences[si].Tokens
	var cands []cand
	hasPrimary := false
	consumed, prevVerb := 0, -1
	for i := 0; i < len(toks); i++ {
		f, ok := c.triggerAt(toks, i)
		if !ok || f.noun && f.i+1 == consumed {
			continue // "violated the ceasefire": the noun is the verb's object
		}
		if !f.noun && f.i == prevVerb && f.j == f.i+1 && prenominalAfterVerb(toks, f.i) {
			continue // "reject proposed changes"
		}
		i = f.j - 1
		if !f.noun {
			consumed, prevVerb = max(consumed, f.obj), f.j
		}
		cd, ok := c.candidate(t, si, f, ents, published)
		if !ok {
			continue
		}
		hasPrimary = hasPrimary || cd.primary
		if cd.idle {
			continue
		}
		cands = append(cands, cd)
		if cd.intent == "demand" {
			// "X said Y must do Z": X asks it of Y.
			ev := cd.ev
			if subj := sentenceSubject(toks, f.i); subj.e != 0 && (ev.Actor == nil || t.S[subj.b:subj.e] != ev.Actor.Name) {
				req := ev
				req.Type, req.Mode, req.Hypothetical = "REQUEST", "", false
				req.Actor, req.Recipient = actorOf(t, ents, subj, "REQUEST", true), ev.Actor
				cands = append(cands, cand{ev: req, primary: cd.primary})
			}
		}
	}
	return selectEvents(cands, hasPrimary)
}

// idleNoun reports whether the event noun at f says no event happened:
// "U.S. support for the island" is none, "voiced support" (a light verb at
// light) is; nor are "served as a warning" and "an increased demand for
// books", a market's.
func idleNoun(toks []facttext.Token, f found, light int) bool {
	w := toks[f.i].Lower
	return lightOnly[w] && light < 0 ||
		f.i >= 2 && toks[f.i-2].Lower == "as" && determiners[toks[f.i-1].Lower] ||
		f.i > 0 && strings.HasPrefix(w, "demand") && marketWords[toks[f.i-1].Lower]
}

// marketWords before "demand" make it a market's ("growing demand for oil").
var marketWords = setOf(`increased increasing growing rising strong high higher low lower weak weaker falling
surging booming consumer global domestic export import energy oil`)

// lightOnly nouns code an event only as the object of a light verb
// ("voiced support", "issued a warning").
var lightOnly = setOf(`support praise recognition warning warnings`)

// cand is a coded trigger before selection.
type cand struct {
	ev      tidings.Event
	primary bool
	intent  string
	// violent marks an attack with its actor named ("police firing",
	// "Russia's strikes"): news even beside the main event.
	violent bool
	// reduced marks a past participle after a noun ("the agreement
	// signed in March"): background even when nothing is primary.
	reduced bool
	// idle marks a verb with no one taking part (see takesPart).
	idle bool
}

// candidate codes the trigger f of sentence si; false when it says too
// little to be an event.
func (c *Coder) candidate(t *facttext.Text, si int, f found, ents []tidings.Entity, published *time.Time) (cand, bool) {
	toks := t.Sentences[si].Tokens
	ev := tidings.Event{Type: f.typ, Mode: f.mode, Sentence: t.SentenceSpan(si)}
	b, e := toks[f.i].B, toks[f.j-1].E
	ev.Trigger = t.S[b:e]
	span := t.Span(b, e)
	ev.TriggerSpan = &span
	ev.Negated, ev.Hypothetical = flags(toks, f.i, f.noun)
	if !ev.Hypothetical && t.Parsed && toks[f.i].Rel == "conj" && toks[f.i].Head >= 0 && toks[f.i].Head < f.i {
		// "aims to tighten sanctions and impose a blockade"
		_, ev.Hypothetical = flags(toks, toks[f.i].Head, false)
	}
	r := c.roles(t, toks, f)
	light := -1
	if f.noun {
		if light = c.lightVerb(toks, f.i); light >= 0 {
			r.actor = c.roles(t, toks, found{i: light, j: light + 1}).actor
			ev.Negated, ev.Hypothetical = flags(toks, light, false)
		}
	}
	stmt := -1
	if !f.noun {
		if stmt = statementVerb(toks, f.i); stmt >= 0 {
			// "released a statement calling for …": the issuer asks
			r.actor = c.roles(t, toks, found{i: stmt, j: stmt + 1}).actor
			ev.Negated, ev.Hypothetical = flags(toks, stmt, false)
		}
	}
	if f.victim && r.actor.e == 0 {
		return cand{}, false // "125 persons died": a death, not an attack
	}
	if f.noun && idleNoun(toks, f, light) {
		return cand{}, false
	}
	ev.Actor = actorOf(t, ents, r.actor, f.typ, true)
	ev.Recipient = actorOf(t, ents, r.recipient, f.typ, false)
	recode(&ev, toks, f)
	if ev.Type != "ACCUSE" && namingVerbs[toks[f.i].Lemma] && naming(toks, f) {
		return cand{}, false // "called the death a significant achievement"
	}
	ev.Location = location(t, si, ents, ev.Recipient)
	ev.Date = resolveDate(toks, published)
	_, intro := introNoun(toks, f)
	primary := (!f.noun && !participle(toks, f.i) && !subordinate(toks, f.i)) || (f.noun && intro && ev.Actor != nil) ||
		(light >= 0 && !participle(toks, light) && !subordinate(toks, light)) ||
		(stmt >= 0 && !participle(toks, stmt) && !subordinate(toks, stmt))
	aside := !f.noun && stmt < 0 && (reportedAside(toks, f.i) || nounComplement(toks, f.i))
	if aside || !f.noun && pluperfect(toks, f.i) {
		// "…, saying it would cut funding": an aside; "the claim
		// that soldiers shot …": what is asked or claimed; "freed
		// soldiers they had captured": what happened before
		primary = false
	}
	if truces[strings.ToLower(ev.Trigger)] {
		if f.j < len(toks) && (toks[f.j].UPOS == "NOUN" && !agreementWords[toks[f.j].Lower] || truceCompounds[toks[f.j].Lower]) {
			return cand{}, false // "truce monitors", "the ceasefire line"
		}
		primary = true // "a ceasefire" is news in itself
	} else if !primary && ev.Actor == nil && ev.Recipient == nil && ev.Mode != "detain" {
		return cand{}, false // a bare "agreement" or "bombings" says too little
	}
	kind := ""
	if ev.Hypothetical && !isPassive(toks, f.i) {
		kind = intention(toks, f.i) // not "will be protected by troops"
		if ev.Negated && (kind == "intent" || kind == "ready") {
			kind = ""
			if negatedVerb(toks, f.i) && ev.Actor != nil && (namedActor(ev.Actor) || ev.Actor.Sector != "") {
				kind = "refuse" // "will not sign", not "will not hesitate to"
			}
		}
	}
	sub := subordinator(toks, f.i)
	violent := ev.Type == "ASSAULT" && ev.Actor != nil && !ev.Hypothetical && !ev.Negated && (sub == "" || simultaneous[sub] && !f.noun) &&
		namedActor(ev.Actor) && (f.i == 0 || toks[f.i-1].UPOS != "ADP" && toks[f.i-1].UPOS != "SCONJ") && !background(toks, f.i) && !aside
	// an arrest is news beside the main event ("persons arrested in
	// Godhra", "police opened fire and arrested 39")
	violent = violent || ev.Mode == "detain" && !f.noun && !ev.Hypothetical && !ev.Negated && !aside
	reduced := !f.noun && f.i > 0 && toks[f.i].XPOS == "VBN" && (toks[f.i-1].UPOS == "NOUN" || toks[f.i-1].UPOS == "PROPN") && participle(toks, f.i) &&
		f.i+1 < len(toks) && toks[f.i+1].UPOS == "ADP" // not "police opened fire" tagged VBN
	// "deal with stress", "examined the facts": no event, but still the
	// sentence's main verb, which background events do not outrank
	idle := !f.noun && !c.takesPart(ev)
	return cand{ev, primary, kind, violent, reduced, idle}, true
}

// selectEvents keeps the primary candidates (all of them when there is
// none) and named attacks, one event per type, and adds the AGREE or
// THREATEN of a stated intention.
func selectEvents(cands []cand, hasPrimary bool) []tidings.Event {
	var out []tidings.Event
	hasFull := false
	for _, cd := range cands {
		hasFull = hasFull || !cd.reduced
	}
	seen := map[string]int{}
	keep := func(ev tidings.Event) {
		if k, dup := seen[ev.Type]; dup {
			if score(ev) > score(out[k]) {
				out[k] = ev
			}
			return
		}
		seen[ev.Type] = len(out)
		out = append(out, ev)
	}
	for _, cd := range cands {
		if !cd.primary && hasPrimary && !cd.violent || !hasPrimary && cd.reduced && hasFull && !cd.violent {
			continue
		}
		if cd.intent == "refuse" {
			keep(cd.ev)
			if ev := cd.ev; cooperative[ev.Type] {
				// "will not sign the treaty": a refusal (CAMEO 12)
				ev.Type, ev.Mode, ev.Negated, ev.Hypothetical = "REJECT", "", false, false
				keep(ev)
			}
			continue
		}
		if cd.intent == "ready" && cd.ev.Type == "ASSAULT" && cd.ev.Actor != nil && cd.ev.Actor.Sector == "MIL" {
			// "troops poised to storm the town": readiness of an armed
			// force (CAMEO 15)
			keep(cd.ev)
			ev := cd.ev
			ev.Type, ev.Mode, ev.Hypothetical = "MOBILIZE", "", false
			keep(ev)
			continue
		}
		keep(cd.ev)
		if cd.intent == "intent" || cd.intent == "ready" {
			ev := cd.ev
			ev.Hypothetical, ev.Mode = false, ""
			switch ev.Type {
			case "PROTEST":
				if ev.Actor == nil || ev.Actor.Sector == "" && !namedActor(ev.Actor) {
					continue // a protest announced by someone who can protest
				}
				ev.Type = "THREATEN"
			case "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "REJECT":
				ev.Type = "THREATEN"
			case "THREATEN", "ACCUSE", "REQUEST":
				continue
			default:
				ev.Type = "AGREE"
			}
			keep(ev)
		}
	}
	return out
}

// lightVerb is the index of a light verb whose object is the event noun
// at i ("staged a hunger strike"), or -1.
func (c *Coder) lightVerb(toks []facttext.Token, i int) int {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		k := &toks[j]
		if lightVerbs[k.Lemma] || lightVerbs[c.tab.forms[k.Lower]] {
			if k.UPOS == "VERB" || k.UPOS == "" {
				return j
			}
			return -1
		}
		if j > 0 && lightPreps[k.Lower] != nil && lightPreps[k.Lower][toks[j-1].Lower] {
			return j - 1 // "went on strike", "resorted to firing"
		}
		if k.Lower == "for" {
			return purposeVerb(toks, j) // "flew to Moscow for talks"
		}
		if !npTok(*k) && k.Lower != "out" && !prenominal(toks, j) {
			return -1 // but "launched crushing raids"
		}
	}
	return -1
}

// travelVerbs carry a nominal event they are the purpose of ("flew to
// Moscow for talks", "sat down for talks", "arrived for a visit").
var travelVerbs = setOf(`travel fly arrive return go come head gather sit convene leave`)

// purposeVerb is the index of a travel verb shortly before the "for" at
// j, or -1.
func purposeVerb(toks []facttext.Token, j int) int {
	for v := j - 1; v >= 0 && v >= j-6; v-- {
		k := &toks[v]
		if k.UPOS == "VERB" && travelVerbs[k.Lemma] {
			return v
		}
		if k.UPOS == "VERB" || k.UPOS == "AUX" || k.UPOS == "PUNCT" {
			return -1
		}
	}
	return -1
}

// lightPreps are verbs that carry a nominal event through a preposition.
var lightPreps = map[string]map[string]bool{
	"on": setOf(`go goes went gone going`),
	"to": setOf(`resort resorts resorted resorting`),
	"in": setOf(`engage engages engaged engaging indulge indulges indulged indulging`),
}

var backgroundWords = setOf(`after following amid during before since despite`)

// background reports a noun phrase after a word that makes it the setting
// of the sentence's event ("following a government offensive").
func background(toks []facttext.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if backgroundWords[toks[j].Lower] {
			return true
		}
		if !npTok(toks[j]) {
			return false
		}
	}
	return false
}

// namedActor reports an actor that is a name or a force ("police",
// "army"), not a mere description.
func namedActor(a *tidings.Actor) bool {
	words := strings.Fields(strings.ToLower(a.Name))
	return a.Entity != "" || a.Country != "" || facttext.IsCap(a.Name) ||
		len(words) > 0 && actorHeads[words[len(words)-1]]
}

var truces = setOf(`ceasefire cease-fire truce armistice`)

// agreementWords head a truce compound that is still the truce ("the
// ceasefire agreement").
var agreementWords = setOf(`agreement agreements deal accord pact`)

// truceCompounds head a compound whose modifier is a truce: the
// compound is not the truce ("truce observers", "the ceasefire line").
var truceCompounds = setOf(`monitors monitor observers observer line lines violation violations talks negotiations
negotiators commission team mission zone`)

// cooperative types are refused when their actor says it will not do
// them.
var cooperative = setOf(`AGREE SUPPORT CONCEDE AID COOPERATE CONSULT RETREAT`)

var civilSectors = setOf(`CVL LAB REB OPP EDU REF AGR`)

var siegeWords = setOf(`blockade siege roadblock roadblocks closure`)

var curfewWords = setOf(`curfew emergency martial`)

// recode refines a coding by its context: a road blocked by civilians is a
// protest, a protest lodged with a government an accusation, a blockade
// lifted a retreat, a curfew lifted a concession.
func recode(ev *tidings.Event, toks []facttext.Token, f found) {
	w := toks[f.i].Lower
	within := func(set map[string]bool, n int) bool {
		for j := f.j; j < len(toks) && j < f.j+n; j++ {
			if set[toks[j].Lower] {
				return true
			}
		}
		return false
	}
	next := func(set map[string]bool) bool { return within(set, 7) }
	switch {
	case strings.HasPrefix(w, "block") && ev.Actor != nil && civilSectors[ev.Actor.Sector]:
		ev.Type, ev.Mode = "PROTEST", "obstruct"
	case (strings.HasPrefix(w, "lodg") || strings.HasPrefix(w, "filed") || strings.HasPrefix(w, "fil")) && next(setOf("protest complaint")):
		ev.Type, ev.Mode = "ACCUSE", ""
	case (strings.HasPrefix(w, "caught") || strings.HasPrefix(w, "catch") || strings.HasPrefix(w, "nab")) && ev.Type == "COERCE" &&
		ev.Actor != nil && (ev.Actor.Sector == "COP" || strings.Contains(strings.ToLower(ev.Actor.Name), "police")):
		ev.Mode = "detain" // "caught by the police"
	case (strings.HasPrefix(w, "lift") || strings.HasPrefix(w, "eas") || strings.HasPrefix(w, "end")) && next(siegeWords):
		ev.Type, ev.Mode = "RETREAT", ""
	case (strings.HasPrefix(w, "lift") || strings.HasPrefix(w, "eas") || strings.HasPrefix(w, "end")) && next(curfewWords):
		ev.Type, ev.Mode = "CONCEDE", "" // easing administrative sanctions (CAMEO 081)
	case ev.Type == "MOBILIZE" && ev.Actor != nil && (strings.Contains(ev.Actor.Name, " and ") || pairBefore(toks, f.i)) && (exerciseWords[w] || next(exerciseWords)):
		ev.Type, ev.Mode = "COOPERATE", "" // "French and Egyptian warships launched war games": joint exercises (CAMEO 062)
	case (ev.Type == "ASSAULT" || ev.Mode == "destroy") && ev.Actor != nil && crowdActor(ev.Actor.Name) && !deadlyVerbs[toks[f.i].Lemma]:
		ev.Type, ev.Mode = "PROTEST", "riot" // "rioters torched cars"
	case sendVerbs[toks[f.i].Lemma] && within(prisonWords, 10):
		ev.Type, ev.Mode = "COERCE", "detain" // "ordered the journalist back to prison" (CAMEO 173)
	case namingVerbs[toks[f.i].Lemma] && f.j == f.i+1 && (f.j >= len(toks) || !callParticles[toks[f.j].Lower]) && within(condemnations, 10):
		// "called the charges baseless", "described the strike as a
		// war crime": to name something so is to condemn it (CAMEO 111).
		ev.Type, ev.Mode = "ACCUSE", ""
	}
}

// sendVerbs with prisonWords after them detain.
var sendVerbs, prisonWords = setOf(`order send return sentence`), setOf(`prison jail custody detention`)

// namingVerbs say what their object is; with a condemnation after them
// they accuse.
var namingVerbs = setOf(`call term label brand describe dub`)

// naming reports whether the verb at f names its object as something
// (UD xcomp: "called the death a \"significant achievement\"", "described
// the talks as useful") rather than calling someone.
func naming(toks []facttext.Token, f found) bool {
	if f.j != f.i+1 || f.j < len(toks) && callParticles[toks[f.j].Lower] {
		return false // "called for", "called on"
	}
	for _, k := range toks {
		if k.Head == f.i && k.Rel == "xcomp" && k.UPOS != "VERB" {
			return true
		}
	}
	for j := f.j; j < len(toks) && j < f.j+4; j++ {
		if toks[j].Lower == "as" {
			return true // "described the attack as"
		}
	}
	return false
}

// callParticles make "call" a request ("called for", "called on").
var callParticles = setOf(`for on upon off`)

// condemnations are the words that make a naming an accusation.
var condemnations = setOf(`baseless unfounded groundless illegal unlawful illegitimate unacceptable absurd
ridiculous outrageous provocative provocation irresponsible cowardly shameful disgraceful unjustified
unjust arbitrary false fake lie lies propaganda nonsense reckless aggression criminal crime crimes
barbaric heinous atrocity genocide slander egregious insulting blatant inhumane inhuman travesty persecution harassment
intimidation brutal cruel appalling deplorable despicable scandalous disgrace mockery farce sham
weaponization`)

// pairBefore reports two names joined by "and" before token i ("Indian
// and French troops"), however the parse hangs them.
func pairBefore(toks []facttext.Token, i int) bool {
	for k := 1; k+1 < i; k++ {
		if toks[k].Lower == "and" && facttext.IsCap(toks[k-1].Text) && facttext.IsCap(toks[k+1].Text) {
			return true
		}
	}
	return false
}

// exerciseWords are military exercises.
var exerciseWords = setOf(`exercises exercise drills drill maneuvers manoeuvres games wargames war-games`)

// crowdHeads are actors whose violence is a riot (CAMEO 145).
var crowdHeads = setOf(`protesters protestors demonstrators rioters marchers crowd crowds mob mobs`)

// deadlyVerbs stay attacks whoever does them.
var deadlyVerbs = setOf(`kill shoot stab murder lynch behead massacre`)

// crowdActor reports an actor headed by a word of crowdHeads.
func crowdActor(name string) bool {
	words := strings.Fields(strings.ToLower(name))
	return len(words) > 0 && crowdHeads[words[len(words)-1]]
}

func score(e tidings.Event) int {
	s := 0
	if !e.Negated && !e.Hypothetical {
		s += 4
	}
	if e.Actor != nil {
		s += 2
	}
	if e.Recipient != nil {
		s++
	}
	return s
}
