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
	for j := i - 1; j > 0; j-- {
		w := toks[j].Lower
		if toks[j].Text == "," || toks[j].Text == ";" {
			return false
		}
		if subordinators[w] {
			return true
		}
	}
	return false
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
	for j, k := range toks {
		if j == i {
			continue
		}
		switch k.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

var intentWords = setOf(`will 'll ’ll would shall prepared ready willing plans plan intends intend offered offers`)

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
		if intentWords[w] {
			return "intent"
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
had forced compelled`)

var negators = setOf(`not n't n’t never no without`)

var modals = setOf(`would could might may will should shall 'll ’ll can must`)

var hypoFrames = setOf(`threatened threatens threaten threatening vowed vows vow plans plan planned
planning intends intend intended wants want wanted ready willing hopes hope hoped seeks seek sought
aims aim aimed proposed propose proposes urged urge urges called asked ask calls demanded demand`)

// flags reports whether the trigger at i is negated or hypothetical.
func flags(toks []facttext.Token, i int, noun bool) (neg, hypo bool) {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		w := toks[j].Lower
		if toks[j].Text == "," || toks[j].Text == ";" || w == "and" || w == "but" {
			break
		}
		if negators[w] || (w == "to" && j > 0 && (toks[j-1].Lower == "refused" || toks[j-1].Lower == "failed" || toks[j-1].Lower == "declined")) {
			neg = true
		}
		if modals[w] {
			hypo = true
		}
		attempt := w == "to" && j > 0 && attempts[toks[j-1].Lower]
		if !attempt && (w == "to" && !noun && j == i-1 || w == "to" && j >= i-2 && toks[i-1].UPOS == "ADV") {
			hypo = true
		}
		if noun && w == "to" {
			hypo = true // "to accept a ceasefire"
		}
		if hypoFrames[w] && noun {
			hypo = true
		}
	}
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		if w := toks[j].Lower; w == "if" || w == "unless" || w == "whether" {
			hypo = true
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
