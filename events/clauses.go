package events

import (
	"strings"

	"github.com/tidings/tidings/internal/facttext"
)

// This file holds the clause tests of a trigger: subordinate, participle,
// negated or hypothetical, an intention.

var subordinators = setOf(`after before until since because while when as although though whereas
once who whom whose`)

// subordinate reports a verb in a subordinate or relative clause that
// follows the main clause ("… after a court cleared him", "… who was
// implicated"): background, not the sentence's event.
func subordinate(toks []facttext.Token, i int) bool {
	return subordinator(toks, i) != ""
}

// subordinator is the word opening the subordinate clause of the verb at
// i, or "".
func subordinator(toks []facttext.Token, i int) string {
	for j := i - 1; j > 0; j-- {
		w := toks[j].Lower
		if toks[j].Text == "," || toks[j].Text == ";" {
			return ""
		}
		if subordinators[w] && (j+1 >= len(toks) || toks[j+1].Lower != "which") {
			return w // not "…, after which the troops opened fire"
		}
		if relativePassive(toks, j, i) {
			return w
		}
	}
	return ""
}

// simultaneous subordinators tell of the same incident ("were injured
// when the police fired"), not its background.
var simultaneous = setOf(`when as while`)

// relativePassive reports a passive verb at i in a relative clause opened
// by "that" or "which" at j with only auxiliaries between ("parties that
// had been banned", "the curfew which was imposed"): background.
func relativePassive(toks []facttext.Token, j, i int) bool {
	if w := toks[j].Lower; w != "that" && w != "which" || j == 0 || j >= i-1 || toks[j-1].UPOS == "VERB" || !isPassive(toks, i) {
		return false
	}
	for k := j + 1; k < i; k++ {
		if l := toks[k].Lower; !passiveAux[l] && l != "had" && l != "has" && l != "have" {
			return false
		}
	}
	return true
}

var beForms = setOf(`is are was were be been am 's 're being`)

// participle reports a verb that heads no clause of its own: an -ing form
// with no "be" before it, or a past participle followed by "by".
func participle(toks []facttext.Token, i int) bool {
	w := toks[i].Lower
	prev := ""
	for j := i - 1; j >= 0; j-- {
		if l := toks[j].Lower; !strings.HasSuffix(l, "ly") && l != "not" && l != "also" {
			prev = l
			break
		}
	}
	if strings.HasSuffix(w, "ing") {
		return !beForms[prev]
	}
	if strings.HasSuffix(w, "ed") && i+1 < len(toks) && toks[i+1].Lower == "by" {
		return !beForms[prev] && prev != "been" && prev != "get" && prev != "got"
	}
	// "a meeting aimed at", "a bill signed in by", "left 90 wounded": a
	// past participle right after a noun or a number.
	return toks[i].XPOS == "VBN" && i > 0 && (toks[i-1].UPOS == "NUM" ||
		(toks[i-1].UPOS == "NOUN" || toks[i-1].UPOS == "PROPN") && finiteElsewhere(toks, i))
}

// finiteElsewhere reports a finite verb other than i: without one, a past
// participle after a noun ("A newspaper called on Arabs …") is the main
// verb the tagger mistook.
func finiteElsewhere(toks []facttext.Token, i int) bool {
	ownSubject := false // a later clause with its own pronoun subject ("… it had occupied")
	for j, k := range toks {
		if j > i && pronouns[k.Lower] {
			ownSubject = true
		}
		if j == i || j > i && ownSubject {
			continue
		}
		switch k.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

var intentWords = setOf(`will 'll ’ll would shall prepared ready willing plans plan intends intend offered offers
willingness readiness intention vowed vows vowing vow`)

var demandWords = setOf(`must should`)

var reportVerbs = setOf(`said says say told concluded insisted stressed argued added warned declared
announced stated urged demanded`)

// intention tells a future frame stated by the actor ("will release", "is
// prepared to lift": "intent") from one stated by someone else of the actor
// ("said US forces must ensure": "demand"); conditions ("if …") are
// neither.
func intention(toks []facttext.Token, i int) string {
	for j := 0; j < i; j++ {
		if w := toks[j].Lower; w == "if" || w == "unless" || w == "whether" {
			return ""
		}
	}
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		w := toks[j].Lower
		if intentWords[w] && !(j > 0 && possessors[toks[j-1].Lower]) {
			return "intent" // "will release", not "NATO's plans to expand"
		}
		if demandWords[w] {
			for k := j - 1; k >= 0; k-- {
				if reportVerbs[toks[k].Lower] {
					return "demand"
				}
			}
			return ""
		}
		if toks[j].Text == "," {
			break
		}
	}
	return ""
}

// attempts make the verb after "to" an event that happened (PLOVER codes
// attempted attacks).
var attempts = setOf(`attempted attempts attempting tried tries trying began begun begins started starts continued continues
had forced compelled able managed`)

var negators = setOf(`not n't n’t never no without`)

var modals = setOf(`would could might may will should shall 'll ’ll can must`)

var hypoFrames = setOf(`threatened threatens threaten threatening vowed vows vow plans plan planned
planning intends intend intended wants want wanted ready willing hopes hope hoped seeks seek sought
aims aim aimed proposed propose proposes urged urge urges called asked ask calls demanded demand`)

// possessors before a noun ("NATO's plans", "their offer").
var possessors = setOf(`'s ’s the a an its their his her our my your this that`)

// askVerbs take a subjunctive "that" clause: the event in it is asked
// for, not done.
var askVerbs = setOf(`demanded demands demand demanding urged urges urge asked asks ask proposed
proposes propose recommended recommends recommend requested requests request`)

// denyVerbs deny the event of their "that" clause.
var denyVerbs = setOf(`denied denies deny denying`)

// refrainVerbs leave the event after "from" undone.
var refrainVerbs = setOf(`refrained refrain refrains refraining abstained abstain desisted desist`)

// rejectFrames deny the nominal event after them.
var rejectFrames = setOf(`rejected rejects reject rejecting refused refuses refuse denied denies deny
ruled dismissed dismisses dismiss vetoed vetoes veto opposed opposes oppose spurned spurns boycotted`)

// flags reports whether the trigger at i is negated or hypothetical.
func flags(toks []facttext.Token, i int, noun bool) (neg, hypo bool) {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		w := toks[j].Lower
		if toks[j].Text == "," || toks[j].Text == ";" || w == "and" || w == "but" {
			break
		}
		if negators[w] && !(j > 0 && facttext.IsCap(toks[j].Text)) || (w == "to" && j > 0 && (toks[j-1].Lower == "refused" || toks[j-1].Lower == "failed" || toks[j-1].Lower == "declined")) {
			neg = true
		}
		if modals[w] {
			hypo = true
		}
		attempt := w == "to" && j > 0 && attempts[toks[j-1].Lower]
		if !attempt && (w == "to" && !noun && j == i-1 || w == "to" && j >= i-2 && toks[i-1].UPOS == "ADV") {
			hypo = true
		}
		if noun && w == "to" && (toks[j].UPOS != "ADP" || j == i-1) {
			// "to accept a ceasefire", "to arrest" (tagged a noun), not
			// "remanded to police custody"
			hypo = true
		}
		if hypoFrames[w] && noun {
			hypo = true
		}
		if rejectFrames[w] && noun {
			neg = true // "rejected the agreement", "ruled out talks"
		}
	}
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		if w := toks[j].Lower; w == "if" || w == "unless" || w == "whether" {
			hypo = true
		}
		// "demanded that the prime minister resign": what is asked for;
		// "denied that troops had attacked": what is denied
		if toks[j].Lower == "that" && j > 0 && askVerbs[toks[j-1].Lower] {
			hypo = true
		}
		if toks[j].Lower == "that" && j > 0 && denyVerbs[toks[j-1].Lower] {
			neg = true
		}
		// "refrained from attacking"
		if toks[j].Lower == "from" && j == i-1 && j > 0 && refrainVerbs[toks[j-1].Lower] {
			neg = true
		}
	}
	// "a ceasefire should be the first step": a nominal event as the
	// subject of a modal is not one that happened.
	for j := i + 1; noun && j < len(toks) && j <= i+2; j++ {
		if modals[toks[j].Lower] {
			hypo = true
		}
	}
	return neg, hypo
}
