// Package events codes PLOVER events — who did what to whom, where and when
// — from each sentence of an article.
//
// Triggers are verbs and nouns. Verbs are coded by an object word of our
// own (ownObjects: "ended mediation" SANCTION, "sent arms" AID), our own
// small PLOVER verb list (ownVerbs), then by the CAMEO verb dictionary of
// PETRARCH2 (verbs.tsv.gz, derived by internal/cmd/genverbs; a verb's
// pattern, all of its words following it in order, wins over its default
// code), mapped CAMEO→PLOVER by cameoToPlover. A light verb with an event
// noun as object ("staged a hunger strike", "held talks") lets the noun
// code the event with the verb's subject as actor. A verb with no agent
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
// attack") or in a hypothetical or future frame ("threatened to", "would",
// "if", "to" + verb) are kept with their flags set. Events of finite verbs
// outrank nominal events, participles and subordinate clauses ("after a
// court cleared him"), which are kept only when the sentence has nothing
// else; an intention stated by the actor ("will release") also gives an
// AGREE or THREATEN event, and "X said Y must …" a REQUEST by X. An
// attack with a named actor ("police firing") is kept beside the main
// event. One event per type per sentence is kept.
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
	a.Events = append(a.Events, c.Code(facttext.New(doc, a.Text), a.Entities, a.Published)...)
	return nil
}

// Code returns the events of t.
func (c *Coder) Code(t *facttext.Text, ents []tidings.Entity, published *time.Time) []tidings.Event {
	var out []tidings.Event
	for si := range t.Sentences {
		out = append(out, c.sentence(t, si, ents, published)...)
	}
	return out
}

// found is a trigger located in a sentence: tokens [i, j).
type found struct {
	trigger
	i, j int
	noun bool
	// victim marks a verb whose subject suffers the event ("died",
	// "succumbed"): it codes an event only with a cause ("in police
	// firing") that names the actor.
	victim bool
}

// victimVerbs are coded with their subject as the recipient.
var victimVerbs = setOf(`die succumb perish`)

// lightVerbs carry a nominal event ("staged a hunger strike", "launched a
// mediation effort", "held talks"): the noun codes the event and the
// verb's subject is its actor.
var lightVerbs = setOf(`stage launch hold conduct mount begin start carry resume`)

// eventObject is the index of an event noun heading the object of the
// light verb at i ("launched a mediation effort"), or -1.
func (c *Coder) eventObject(toks []facttext.Token, i int) int {
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if _, ok := c.tab.nouns[toks[j].Lower]; ok {
			return j
		}
		if !npTok(toks[j]) && toks[j].Lower != "out" {
			break
		}
	}
	return -1
}

// reporting and auxiliary verbs never trigger.
var inert = setOf(`say tell be have do get make go come take give put keep let seem become
add note state report announce declare explain indicate claim write accord according quote expect
describe continue lead travel submit elect remain begin start try attempt want need leave grapple
see look find know think believe feel hope`)

// triggerAt codes the token at i, if it is a trigger.
func (c *Coder) triggerAt(toks []facttext.Token, i int) (found, bool) {
	k := toks[i]
	nounish := k.UPOS == "NOUN" || (k.UPOS == "" && i > 0 && (nounContext(toks[i-1]) || c.tab.forms[toks[i-1].Lower] != "")) ||
		(i > 0 && determiners[toks[i-1].Lower])
	hyphen := (i > 0 && toks[i-1].Text == "-" && toks[i-1].E == k.B) || (i+1 < len(toks) && toks[i+1].Text == "-" && toks[i+1].B == k.E)
	if hyphen || (i > 0 && facttext.IsCap(k.Text)) {
		nounish = true
	}
	if !nounish && (k.UPOS == "" || k.UPOS == "VERB") {
		lemma, ok := c.tab.forms[k.Lower]
		if !ok && k.Lemma != k.Lower {
			_, ph := c.tab.phrasal[k.Lemma]
			lemma, ok = k.Lemma, c.tab.codes[k.Lemma] != "" || c.tab.own[k.Lemma].typ != "" || ph
		}
		if ok && lightVerbs[lemma] && c.eventObject(toks, i) >= 0 {
			ok = false // "staged a hunger strike": the noun codes it
		}
		if ok && !inert[lemma] {
			if ph, ok := c.tab.phrasal[lemma]; ok {
				for j := i + 1; j < len(toks) && j <= i+3; j++ {
					if tr, ok := ph[toks[j].Lower]; ok {
						return found{trigger: tr, i: i, j: j + 1}, true
					}
				}
			}
			if tr, ok := c.object(lemma, toks, i); ok {
				return found{trigger: tr, i: i, j: i + 1}, true
			}
			if tr, ok := c.tab.own[lemma]; ok {
				return found{trigger: tr, i: i, j: i + 1, victim: victimVerbs[lemma]}, true
			}
			if tr, ok := c.cameo(lemma, toks, i); ok {
				return found{trigger: tr, i: i, j: i + 1, victim: victimVerbs[lemma]}, true
			}
		}
	}
	if k.UPOS == "" || k.UPOS == "NOUN" || k.UPOS == "ADJ" || k.UPOS == "PROPN" && !facttext.IsCap(k.Text) {
		if tr, ok := c.tab.nouns[k.Lower]; ok {
			if (k.Lower == "strike" || k.Lower == "strikes") && i > 0 {
				switch {
				case toks[i-1].Lower == "hunger":
					tr = trigger{"PROTEST", "strike-hun"}
				case labourContext(toks):
					tr = trigger{"PROTEST", "strike-gen"}
				}
			}
			return found{trigger: tr, i: i, j: i + 1, noun: true}, true
		}
	}
	return found{}, false
}

var labourWords = setOf(`general workers worker union unions employees staff teachers doctors
nurses nationwide labour labor pay wages wage open-ended walkout`)

// labourContext reports whether a sentence speaks of a strike by workers.
func labourContext(toks []facttext.Token) bool {
	for _, k := range toks {
		if labourWords[k.Lower] {
			return true
		}
	}
	return false
}

// nounContext reports whether a word before makes the next one a noun.
func nounContext(p facttext.Token) bool {
	return determiners[p.Lower] || p.Lower == "'s" || p.Lower == "’s" || p.UPOS == "ADJ" ||
		strings.HasSuffix(p.Lower, "ly") == false && (p.Lower == "missile" || p.Lower == "air" || p.Lower == "deadly" || p.Lower == "new" || p.Lower == "more")
}

// cameo codes a verb through the CAMEO table: a pattern word among the next
// few tokens, else the verb's default code.
func (c *Coder) cameo(lemma string, toks []facttext.Token, i int) (trigger, bool) {
	if pats := c.tab.patterns[lemma]; pats != nil {
		for j := i + 1; j < len(toks) && j <= i+5; j++ {
			w := toks[j].Lower
			ps, ok := pats[w]
			if !ok {
				ps = pats[strings.TrimSuffix(w, "s")]
			}
			best, code := -1, ""
			for _, p := range ps {
				if len(p.rest) > best && wordsFollow(toks, j+1, p.rest) && prepsBetween(toks, i+1, j, p.pre) {
					best, code = len(p.rest), p.code
				}
			}
			if best >= 0 {
				return cameoToPlover(code)
			}
			if toks[j].Text == "," || toks[j].Text == "." {
				break
			}
		}
	}
	if patternOnly[lemma] {
		return trigger{}, false
	}
	return cameoToPlover(c.tab.codes[lemma])
}

// patternOnly are verbs whose CAMEO default code is mostly wrong in news
// ("apprehending trouble", "confined to Gujarat"): they code only through
// a pattern.
var patternOnly = setOf(`apprehend confine direct hunt`)

// object codes a verb by an object word of ownObjects among the next few
// tokens ("ended mediation efforts").
func (c *Coder) object(lemma string, toks []facttext.Token, i int) (trigger, bool) {
	objs := c.tab.objects[lemma]
	if objs == nil {
		return trigger{}, false
	}
	for j := i + 1; j < len(toks) && j <= i+5; j++ {
		if tr, ok := objs[toks[j].Lower]; ok {
			return tr, true
		}
		if toks[j].Text == "," || toks[j].Text == "." {
			break
		}
	}
	return trigger{}, false
}

// prepsBetween reports whether the prepositions of a pattern before its
// first content word ("hold * FOR DAY") occur in order in tokens [i, j).
func prepsBetween(toks []facttext.Token, i, j int, pre []string) bool {
	for _, w := range pre {
		for i < j && toks[i].Lower != w {
			i++
		}
		if i >= j {
			return false
		}
		i++
	}
	return true
}

// wordsFollow reports whether words occur in order from token j on, each
// within three tokens of the one before.
func wordsFollow(toks []facttext.Token, j int, words []string) bool {
	for _, w := range words {
		k := j
		for k < len(toks) && k < j+3 && toks[k].Lower != w && strings.TrimSuffix(toks[k].Lower, "s") != w {
			k++
		}
		if k >= len(toks) || k >= j+3 {
			return false
		}
		j = k + 1
	}
	return true
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
	for i := 0; i < len(toks); i++ {
		f, ok := c.triggerAt(toks, i)
		if !ok {
			continue
		}
		i = f.j - 1
		cd, ok := c.candidate(t, si, f, ents, published)
		if !ok {
			continue
		}
		hasPrimary = hasPrimary || cd.primary
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

// cand is a coded trigger before selection.
type cand struct {
	ev      tidings.Event
	primary bool
	intent  string
	// violent marks an attack with its actor named ("police firing",
	// "Russia's strikes"): news even beside the main event.
	violent bool
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
	if f.victim && r.actor.e == 0 {
		return cand{}, false // "125 persons died": a death, not an attack
	}
	ev.Actor = actorOf(t, ents, r.actor, f.typ, true)
	ev.Recipient = actorOf(t, ents, r.recipient, f.typ, false)
	recode(&ev, toks, f)
	ev.Location = location(t, si, ents, ev.Recipient)
	ev.Date = resolveDate(toks, published)
	_, intro := introNoun(toks, f)
	primary := (!f.noun && !participle(toks, f.i) && !subordinate(toks, f.i)) || (f.noun && intro && ev.Actor != nil) ||
		(light >= 0 && !participle(toks, light) && !subordinate(toks, light))
	if truces[strings.ToLower(ev.Trigger)] {
		primary = true // "a ceasefire" is news in itself
	} else if !primary && ev.Actor == nil && ev.Recipient == nil && ev.Mode != "detain" {
		return cand{}, false // a bare "agreement" or "bombings" says too little
	}
	kind := ""
	if ev.Hypothetical && !ev.Negated {
		kind = intention(toks, f.i)
	}
	violent := ev.Type == "ASSAULT" && ev.Actor != nil && !ev.Hypothetical && !ev.Negated && !subordinate(toks, f.i) &&
		namedActor(ev.Actor) && (f.i == 0 || toks[f.i-1].UPOS != "ADP" && toks[f.i-1].UPOS != "SCONJ") && !background(toks, f.i)
	return cand{ev, primary, kind, violent}, true
}

// selectEvents keeps the primary candidates (all of them when there is
// none) and named attacks, one event per type, and adds the AGREE or
// THREATEN of a stated intention.
func selectEvents(cands []cand, hasPrimary bool) []tidings.Event {
	var out []tidings.Event
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
		if !cd.primary && hasPrimary && !cd.violent {
			continue
		}
		keep(cd.ev)
		if cd.intent == "intent" {
			ev := cd.ev
			ev.Hypothetical, ev.Mode = false, ""
			switch ev.Type {
			case "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "REJECT":
				ev.Type = "THREATEN"
			case "THREATEN", "ACCUSE", "PROTEST", "REQUEST":
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
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		k := toks[j]
		if lightVerbs[k.Lemma] || lightVerbs[c.tab.forms[k.Lower]] {
			if k.UPOS == "VERB" || k.UPOS == "" {
				return j
			}
			return -1
		}
		if !npTok(k) && k.Lower != "out" {
			return -1
		}
	}
	return -1
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

var civilSectors = setOf(`CVL LAB REB OPP EDU REF`)

var siegeWords = setOf(`blockade siege curfew roadblock roadblocks closure`)

// recode refines a coding by its context: a road blocked by civilians is a
// protest, a protest lodged with a government an accusation, a blockade
// lifted a retreat.
func recode(ev *tidings.Event, toks []facttext.Token, f found) {
	w := toks[f.i].Lower
	next := func(set map[string]bool) bool {
		for j := f.j; j < len(toks) && j < f.j+7; j++ {
			if set[toks[j].Lower] {
				return true
			}
		}
		return false
	}
	switch {
	case strings.HasPrefix(w, "block") && ev.Actor != nil && civilSectors[ev.Actor.Sector]:
		ev.Type, ev.Mode = "PROTEST", "obstruct"
	case (strings.HasPrefix(w, "lodg") || strings.HasPrefix(w, "filed") || strings.HasPrefix(w, "fil")) && next(setOf("protest complaint")):
		ev.Type, ev.Mode = "ACCUSE", ""
	case (strings.HasPrefix(w, "lift") || strings.HasPrefix(w, "eas") || strings.HasPrefix(w, "end")) && next(siegeWords):
		ev.Type, ev.Mode = "RETREAT", ""
	}
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
