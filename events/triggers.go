package events

import (
	"strings"

	"github.com/tidings/tidings/internal/facttext"
)

// This file finds the triggers of a sentence: verbs (our own lists, CAMEO
// phrasal verbs and patterns, object words), event nouns and light verbs.

// found is a trigger located in a sentence: tokens [i, j).
type found struct {
	trigger
	i, j int
	noun bool
	// victim marks a verb whose subject suffers the event ("died",
	// "succumbed"): it codes an event only with a cause ("in police
	// firing") that names the actor.
	victim bool
	// obj is 1 + the index of the object word that coded a verb
	// ("declared martial law", "violated the ceasefire"), 0 if none: that
	// noun codes no event of its own.
	obj int
}

// victimVerbs are coded with their subject as the recipient.
var victimVerbs = setOf(`die succumb perish`)

// lightVerbs carry a nominal event ("staged a hunger strike", "launched a
// mediation effort", "held talks"): the noun codes the event and the
// verb's subject is its actor.
var lightVerbs = setOf(`stage launch hold conduct mount begin start carry resume pay make issue
voice express give order announce`)

// eventObject is the index of an event noun heading the object of the
// light verb at i ("launched a mediation effort"), or -1.
func (c *Coder) eventObject(toks []facttext.Token, i int) int {
	for j := i + 1; j < len(toks) && j <= i+5; j++ {
		if _, ok := c.nounAt(toks, j); ok {
			return j
		}
		if !npTok(toks[j]) && toks[j].Lower != "out" && !prenominal(toks, j) {
			break
		}
	}
	return -1
}

// reporting and auxiliary verbs never trigger.
var inert = setOf(`say tell be have do get make go come take give put keep let seem become
add note state report announce declare explain indicate claim write accord according quote expect
describe continue lead travel submit elect remain begin start try attempt want need leave grapple
see look find know think believe feel hope swear`)

// triggerAt codes the token at i, if it is a trigger.
func (c *Coder) triggerAt(toks []facttext.Token, i int) (found, bool) {
	if f, ok := c.hyphenated(toks, i); ok {
		return f, true
	}
	k := &toks[i]
	if i == 0 && i+1 < len(toks) && facttext.IsCap(k.Text) && toks[i+1].UPOS == "PROPN" && facttext.IsCap(toks[i+1].Text) {
		return found{}, false // a name's first word: "Blessed Mhlanga, a journalist, …"
	}
	if (k.UPOS == "VERB" || k.UPOS == "") && c.pluralBeforePast(toks, i) {
		return found{}, false // "Government forces withdrew": a noun
	}
	nounish := k.UPOS == "NOUN" || (k.UPOS == "" && i > 0 && (nounContext(toks[i-1]) || c.tab.forms[toks[i-1].Lower] != "")) ||
		(i > 0 && isDeterminer(toks[i-1].Lower))
	hyphen := (i > 0 && toks[i-1].Text == "-" && toks[i-1].E == k.B) || (i+1 < len(toks) && toks[i+1].Text == "-" && toks[i+1].B == k.E)
	pn := c.prepNoun(toks, i)
	if hyphen || (i > 0 && facttext.IsCap(k.Text)) || pn {
		nounish = true
	}
	past := c.pastRoot(toks, i) || c.infinitive(toks, i) || c.presentAfterSubject(toks, i) || setFire(toks, i) ||
		i > 0 && c.pluralBeforePast(toks, i-1)
	asNoun := false
	if k.UPOS == "VERB" && !past {
		_, evNoun := c.tab.nouns[k.Lower]
		asNoun = evNoun && inPrepPhrase(toks, i)
	}
	if past {
		nounish = false
	} else if asNoun || prenominal(toks, i) {
		nounish = true
	}
	if !nounish && (k.UPOS == "" || k.UPOS == "VERB" || past) {
		if f, ok, coded := c.verbAt(toks, i); coded {
			return f, ok
		}
	}
	if k.UPOS == "" || k.UPOS == "NOUN" || k.UPOS == "ADJ" || k.UPOS == "PROPN" && !facttext.IsCap(k.Text) || pn && !past || asNoun {
		return c.nounTrigger(toks, i)
	}
	return found{}, false
}

// verbAt codes the verb at i; coded is false when the verb says nothing
// and the word may still be an event noun.
func (c *Coder) verbAt(toks []facttext.Token, i int) (f found, ok, coded bool) {
	k := &toks[i]
	lemma, ok := c.tab.forms[k.Lower]
	if !ok && k.Lemma != k.Lower {
		_, ph := c.tab.phrasal[k.Lemma]
		lemma, ok = k.Lemma, c.tab.codes[k.Lemma] != "" || c.tab.own[k.Lemma].typ != "" || ph
	}
	if ok && lightVerbs[lemma] && c.eventObject(toks, i) >= 0 {
		return found{}, false, false // "staged a hunger strike": the noun codes it
	}
	if !ok {
		return found{}, false, false
	}
	// "declared martial law", "put on high alert": an object word codes
	// even an inert verb.
	if tr, o, ok := c.object(lemma, toks, i); ok {
		return found{trigger: tr, i: i, j: i + 1, obj: o + 1}, tr.typ != "---", true
	}
	switch {
	case (lemma == "mobilize" || lemma == "mobilise") && civilObject(toks, i), inert[lemma]:
		return found{}, false, false // "mobilized pressure groups": no military build-up
	case lemma == "pressure" && (toFollows(toks, i+1, 8) || toClause(toks, i)):
		return found{trigger: trigger{"REQUEST", ""}, i: i, j: i + 1}, true, true // "pressured X to cancel" (CAMEO 10)
	}
	ph := c.tab.phrasal[lemma]
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		if tr, ok := ph[toks[j].Lower]; ok {
			if lemma == "call" && toks[j].Lower == "on" && !requestFollows(toks, j+1) {
				tr = trigger{"CONSULT", "visit"} // "called on the minister" (CAMEO 042)
			}
			return found{trigger: tr, i: i, j: j + 1}, true, true
		}
		if pl, ok := c.tab.cphrasal[lemma][toks[j].Lower]; ok && j == i+1 {
			// a CAMEO phrasal verb ("called off", before "called up
			// reservists on"); "---" ones ("carried out", "set up") code
			// nothing.
			tr, o, ok := c.cameo(pl, toks, i+1)
			return found{trigger: tr, i: i, j: i + 2, obj: o + 1}, ok, true
		}
		if !npTok(toks[j]) && toks[j].UPOS != "PRON" {
			break // "talks about continuing to" is no "talk to"
		}
	}
	if tr, ok := c.tab.own[lemma]; ok {
		return found{trigger: tr, i: i, j: i + 1, victim: victimVerbs[lemma]}, true, true
	}
	if tr, o, ok := c.cameo(lemma, toks, i); ok {
		return found{trigger: tr, i: i, j: i + 1, victim: victimVerbs[lemma], obj: o + 1}, true, true
	}
	return found{}, false, false
}

// nounTrigger codes the event noun at i: a strike by workers or a hunger
// strike is a protest, joint exercises cooperation.
func (c *Coder) nounTrigger(toks []facttext.Token, i int) (found, bool) {
	tr, ok := c.nounAt(toks, i)
	if !ok {
		return found{}, false
	}
	if k := &toks[i]; (k.Lower == "strike" || k.Lower == "strikes") && i > 0 {
		switch {
		case toks[i-1].Lower == "hunger":
			tr = trigger{"PROTEST", "strike-hun"}
		case toks[i-1].Lower == "on" || labourContext(toks): // "went on strike"
			tr = trigger{"PROTEST", "strike-gen"}
		}
	}
	if tr.typ == "MOBILIZE" && (toks[max(i-1, 0)].Lower == "joint" || toks[max(i-2, 0)].Lower == "joint") {
		tr = trigger{"COOPERATE", ""} // "joint exercises"
	}
	return found{trigger: tr, i: i, j: i + 1, noun: true}, true
}

// requestFollows reports a "to", "for" or "that" after i in the sentence:
// "called on X to resign" is a request, "called on the minister" a visit.
func requestFollows(toks []facttext.Token, i int) bool {
	for _, k := range toks[i:] {
		switch k.Lower {
		case "to", "for", "that":
			return true
		}
	}
	return false
}

// toFollows reports a "to" or "into" within n tokens from i: "pressured
// the union to call off the strike".
func toFollows(toks []facttext.Token, i, n int) bool {
	for j := i; j < len(toks) && j < i+n; j++ {
		if w := toks[j].Lower; w == "to" || w == "into" {
			return true
		}
	}
	return false
}

// toClause reports a "to" clause the parse hangs on the verb at i.
func toClause(toks []facttext.Token, i int) bool {
	for c, k := range toks {
		if k.Head == i && c > i+1 && (k.Rel == "xcomp" || k.Rel == "advcl") && toks[c-1].Lower == "to" {
			return true
		}
	}
	return false
}

// nounAt is the coding of the event noun at i, "war games" included.
func (c *Coder) nounAt(toks []facttext.Token, i int) (trigger, bool) {
	w := toks[i].Lower
	if (w == "games" || w == "game") && i > 0 && toks[i-1].Lower == "war" {
		return trigger{"MOBILIZE", ""}, true // "held war games" (CAMEO 150)
	}
	tr, ok := c.tab.nouns[w]
	return tr, ok
}

// hyphenated codes a hyphenated word the tokenizer split ("sit-in",
// "cease-fire", "test-fired") as a whole: an event noun, else a verb of
// our own lists.
func (c *Coder) hyphenated(toks []facttext.Token, i int) (found, bool) {
	if i+2 >= len(toks) || toks[i+1].Text != "-" || toks[i].E != toks[i+1].B || toks[i+1].E != toks[i+2].B {
		return found{}, false
	}
	w := toks[i].Lower + "-" + toks[i+2].Lower
	if tr, ok := c.tab.nouns[w]; ok {
		return found{trigger: tr, i: i, j: i + 3, noun: true}, true
	}
	if tr, ok := c.tab.own[c.tab.forms[w]]; ok && toks[i+2].UPOS != "NOUN" {
		return found{trigger: tr, i: i, j: i + 3}, true
	}
	return found{}, false
}

// prepNoun reports a base form right after a preposition other than
// "to" ("over pay", "for help"): a noun the tagger took for a verb.
func (c *Coder) prepNoun(toks []facttext.Token, i int) bool {
	if i == 0 || toks[i-1].UPOS != "ADP" || toks[i-1].Lower == "to" {
		return false
	}
	l, ok := c.tab.forms[toks[i].Lower]
	return ok && l == toks[i].Lower
}

// infinitive reports a base verb form after "to" that follows an
// adjective or a verb ("ready to host a meeting"), tagged a noun.
func (c *Coder) infinitive(toks []facttext.Token, i int) bool {
	k := &toks[i]
	if k.UPOS != "NOUN" || i < 2 || toks[i-1].Lower != "to" || c.tab.forms[k.Lower] != k.Lower {
		return false
	}
	p := toks[i-2].UPOS
	return p == "ADJ" || p == "VERB" && !strings.HasSuffix(toks[i-2].Lower, "ed")
}

// pastRoot reports a past-tense verb form that the tagger took for a noun
// or adjective when it heads the sentence or the sentence has no verb
// ("The army withdrew from …", "The gunman shot dead …").
func (c *Coder) pastRoot(toks []facttext.Token, i int) bool {
	k := &toks[i]
	if k.UPOS != "NOUN" && k.UPOS != "ADJ" || i == 0 || isDeterminer(toks[i-1].Lower) {
		return false
	}
	l, ok := c.tab.forms[k.Lower]
	if !ok || l == k.Lower || strings.HasSuffix(k.Lower, "s") || strings.HasSuffix(k.Lower, "ing") {
		return false
	}
	if k.Rel == "root" || c.pastAfterSubject(toks, i) {
		return true
	}
	for _, o := range toks {
		if o.UPOS == "VERB" || o.UPOS == "AUX" {
			return false
		}
	}
	return true
}

var labourWords = setOf(`general workers worker union unions employees staff teachers doctors
nurses nationwide labour labor pay wages wage open-ended walkout drivers truckers miners dockers`)

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
// few tokens (its index is returned, else -1), else the verb's default
// code.
func (c *Coder) cameo(lemma string, toks []facttext.Token, i int) (trigger, int, bool) {
	if code, j, ok := c.cameoPattern(lemma, toks, i); ok {
		tr, ok := cameoToPlover(code)
		return tr, j, ok
	}
	if patternOnly[lemma] && !(lemma == "apprehend" && (isPassive(toks, i) || personNext(toks, i))) {
		return trigger{}, -1, false // but "was apprehended", "apprehended two men"
	}
	if lemma == "engage" && (i+1 >= len(toks) || !engageNext[toks[i+1].UPOS] && toks[i+1].Lower != "in") {
		return trigger{}, -1, false // "engaged with TikTok", "a less engaged United States"
	}
	tr, ok := cameoToPlover(c.tab.codes[lemma])
	return tr, -1, ok
}

// engageNext are the words after "engage" that make it a fight: its object
// ("engaged the rebels", "engaged them"); with "in" ("engaged in ethnic
// cleansing") it fights too.
var engageNext = map[string]bool{"DET": true, "NOUN": true, "PROPN": true, "PRON": true, "NUM": true}

// cameoPattern is the code of the longest CAMEO pattern of the verb at i
// whose first content word is among the next few tokens, and that word's
// index.
func (c *Coder) cameoPattern(lemma string, toks []facttext.Token, i int) (string, int, bool) {
	if pats := c.tab.patterns[lemma]; pats != nil {
		for j := i + 1; j < len(toks) && j <= i+5; j++ {
			w := toks[j].Lower
			ps, ok := pats[w]
			if !ok {
				ps = pats[strings.TrimSuffix(w, "s")]
			}
			best, code := -1, ""
			for _, p := range ps {
				if len(p.rest) < best || !c.tab.wordsFollow(toks, j+1, p.rest) || !prepsBetween(toks, i+1, j, p.pre) {
					continue
				}
				// the longest pattern wins; of equal ones (a verb in
				// several CAMEO blocks: "recognize independence"
				// celebrate 017, recognize 054) one that codes an event
				if _, ev := cameoToPlover(code); len(p.rest) > best || !ev {
					best, code = len(p.rest), p.code
				}
			}
			if best >= 0 {
				return code, j, true
			}
			if toks[j].Text == "," || toks[j].Text == "." {
				break
			}
		}
	}
	return "", -1, false
}

// personNext reports a number, name or personal pronoun after the verb
// at i: an object that is people.
func personNext(toks []facttext.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := &toks[i+1]
	return n.UPOS == "NUM" || n.UPOS == "PROPN" || n.Lower == "him" || n.Lower == "her" || n.Lower == "them"
}

// patternOnly are verbs whose CAMEO default code is mostly wrong in news
// ("apprehending trouble", "confined to Gujarat", "issued a statement",
// "applying double standards", "they face prison", "plans to", "aimed
// at", "prepared to", "trained doctors", "found that", "decided to take",
// "could mean layoffs", "served as a station", "heard a blast", "passed
// on to consumers", "increase the price", "settled in Houston", "pulled
// out front", "breaking apart", "states dominated by", "pay more for
// defense", "the ship departed China", "China considers AI a tool",
// "searched the area", "affected people"): they code only through a
// pattern. None of the second to fourth groups changes a PLOVER dev or
// India figure (on 40 VOA stories the fourth drops 46 events, nearly all
// wrong).
var patternOnly = setOf(`apprehend confine direct hunt issue apply face shun plan aim prepare train
found decide overcome combine compete mean tend introduce increase expose serve hear pass clear reiterate
settle augment pull promote break dominate
pay buy import head clarify govern better assign connect handle improve boost trade affect influence reveal
orchestrate confess persuade verify fill tolerate carry mourn monitor search scrutinize examine
degrade depart arrive consider impair struggle overwhelm communicate`)

// object codes a verb by an object word of ownObjects among the next few
// tokens ("ended mediation efforts"); the index is the word's (-1 for a
// passive verb's subject).
func (c *Coder) object(lemma string, toks []facttext.Token, i int) (trigger, int, bool) {
	objs := c.tab.objects[lemma]
	if objs == nil {
		return trigger{}, -1, false
	}
	for j := i + 1; j < len(toks) && j <= i+9; j++ {
		if tr, ok := objs[toks[j].Lower]; ok {
			return tr, j, true
		}
		if toks[j].Text == "," || toks[j].Text == "." {
			break
		}
		if j >= i+6 && !npTok(toks[j]) && toks[j].Lower != "of" {
			break // past six tokens only within a noun phrase ("declared a 30-day state of siege")
		}
	}
	if isPassive(toks, i) {
		// "tear-gas shells were lobbed": the object is the subject, read
		// from its first word
		tr, ok := trigger{}, false
		for j := i - 1; j >= 0 && j >= i-6; j-- {
			if toks[j].Text == "," || toks[j].Text == "." {
				break
			}
			if t, found := objs[toks[j].Lower]; found {
				tr, ok = t, true
			}
		}
		return tr, -1, ok
	}
	return trigger{}, -1, false
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
func (t *table) wordsFollow(toks []facttext.Token, j int, words []string) bool {
	for _, w := range words {
		k := j
		for k < len(toks) && k < j+3 && !t.matches(w, toks[k].Lower) {
			k++
		}
		if k >= len(toks) || k >= j+3 {
			return false
		}
		j = k + 1
	}
	return true
}
