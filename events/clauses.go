package events

import (
	"strings"

	"github.com/tidings/tidings/internal/facttext"
)

// This file holds the clause tests of a trigger: subordinate, participle,
// negated or hypothetical, an intention.

var subordinators = setOf(`after before until since because while when as although though whereas
once who whom whose where`)

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
		if subordinators[w] && (j+1 >= len(toks) || toks[j+1].Lower != "which" && !(w == "once" && (toks[j+1].Lower == "again" || toks[j+1].Lower == "more"))) {
			return w // not "…, after which the troops opened fire", "once again"
		}
		if relativePassive(toks, j, i) {
			return w
		}
	}
	return ""
}

// simultaneous subordinators tell of the same incident ("were injured
// when the police fired", "the town where police fired"), not its
// background.
var simultaneous = setOf(`when as while where`)

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
		return !beForms[prev] && !aspectVerbs[prev] // "started gathering"
	}
	if strings.HasSuffix(w, "ed") && i+1 < len(toks) && toks[i+1].Lower == "by" {
		return !beForms[prev] && prev != "been" && prev != "get" && prev != "got"
	}
	// "a meeting aimed at", "a bill signed in by", "left 90 wounded": a
	// past participle right after a noun or a number.
	// The parse's root is the main verb ("Bolivia charged that …" tagged
	// VBN).
	return toks[i].XPOS == "VBN" && i > 0 && (toks[i-1].UPOS == "NUM" ||
		(toks[i-1].UPOS == "NOUN" || toks[i-1].UPOS == "PROPN") && toks[i].Rel != "root" && finiteElsewhere(toks, i))
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
willingness readiness intention vowed vows vowing vow sworn swore swears swear poised preparing`)

// readyWords state a readiness: an armed force ready to attack is a
// military mobilisation (CAMEO 15), not only a threat.
var readyWords = setOf(`prepared preparing ready poised`)

// aspectVerbs take an -ing form that is the event itself ("started
// gathering", "kept firing").
var aspectVerbs = setOf(`began begun begins start started starts continued continues continue resumed resume resumes
kept keep`)

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
			if readyWords[w] {
				return "ready"
			}
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
		// "attempts to" as a noun ("the attempts to mediate …") is no
		// attempt made
		attempt := w == "to" && j > 0 && attempts[toks[j-1].Lower] && !(j > 1 && (toks[j-1].UPOS == "NOUN" || determiners[toks[j-2].Lower] || toks[j-2].Lower == "as"))
		if !attempt && (w == "to" && !noun && j == i-1 || w == "to" && j >= i-2 && toks[i-1].UPOS == "ADV") {
			hypo = true
		}
		if w == "to" && !noun && j == i-2 && (beForms[toks[i-1].Lower] || aspectVerbs[toks[i-1].Lower] || toks[i-1].Lower == "have") {
			hypo = true // "due to be hosted", "ready to keep firing"
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
		if toks[j].Lower == "that" && j > 0 && toks[j-1].Lower == "so" {
			hypo = true // "so that marriages are banned": a purpose
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

// statementNouns are documents that carry an act: "issued a declaration
// demanding …", "released a statement condemning …".
var statementNouns = setOf(`statement statements declaration communique communiqué resolution letter
message decree order report appeal`)

// issueVerbs make a statement public or adopt it.
var issueVerbs = setOf(`issue release publish adopt pass send deliver sign circulate approve read unveil
present submit write put`)

// statementVerb is the index of the verb whose object is the statement
// noun right before the -ing form at i ("issued a declaration
// demanding"), or -1.
func statementVerb(toks []facttext.Token, i int) int {
	if i < 2 || !strings.HasSuffix(toks[i].Lower, "ing") || !statementNouns[toks[i-1].Lower] {
		return -1
	}
	for v := i - 2; v >= 0 && v >= i-6; v-- {
		k := &toks[v]
		if k.UPOS == "VERB" {
			if !issueVerbs[k.Lemma] {
				return -1 // "vetoed a resolution censuring": not its act
			}
			return v
		}
		if !npTok(*k) {
			return -1
		}
	}
	return -1
}

// asideVerbs open a participial clause of reported speech.
var asideVerbs = setOf(`saying adding noting arguing insisting claiming stressing explaining warning`)

// reportedAside reports a verb in a participial clause of reported speech
// after a comma ("…, saying it would cut funding"): what the actor said,
// not its act.
func reportedAside(toks []facttext.Token, i int) bool {
	for j := i - 1; j > 0; j-- {
		if toks[j].Text == "," || toks[j].Text == ";" {
			return false
		}
		if toks[j-1].Text == "," && asideVerbs[toks[j].Lower] {
			return true
		}
	}
	return false
}

// nounComplement reports a verb in a clause completing a noun ("demanded
// an admission that troops murdered …"): what is asked or claimed.
func nounComplement(toks []facttext.Token, i int) bool {
	for j := i - 1; j > 0; j-- {
		k := &toks[j]
		if k.Text == "," || k.Text == ";" {
			return false
		}
		if k.Lower == "that" && k.UPOS == "SCONJ" {
			if h := k.Head; k.Rel != "" && h >= 0 && h < len(toks) {
				return toks[h].Rel == "acl" // the parse: a clause of a noun
			}
			p := toks[j-1]
			return p.UPOS == "NOUN" && !timeWords[p.Lower]
		}
	}
	return false
}

// prenominalAfterVerb reports a past participle before a noun right after
// another verb: "reject proposed changes", "condemned alleged abuses".
func prenominalAfterVerb(toks []facttext.Token, i int) bool {
	if i+1 >= len(toks) || !strings.HasSuffix(toks[i].Lower, "ed") {
		return false
	}
	n := toks[i+1].UPOS
	return n == "NOUN" || n == "ADJ" || n == "PROPN"
}

// negatedVerb reports a negation right before the verb at i, adverbs
// aside ("will not accept", "will no longer recognize"), not one of a
// verb before it ("will not hesitate to increase").
func negatedVerb(toks []facttext.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if negators[toks[j].Lower] {
			return true
		}
		if toks[j].UPOS != "ADV" && toks[j].UPOS != "ADJ" {
			return false
		}
	}
	return false
}

// learnVerbs report what is known, like the reporting verbs.
var learnVerbs = setOf(`confirmed confirms revealed reveals disclosed learned showed shows noted acknowledged
admitted suggested believed knew`)

// pluperfect reports a verb in the past perfect ("had captured") after a
// finite verb of the sentence other than a reporting one: background to
// that verb's event ("freed soldiers they had captured"), not "said it
// had expelled".
func pluperfect(toks []facttext.Token, i int) bool {
	j := i - 1
	for j >= 0 && (toks[j].UPOS == "ADV" || toks[j].Lower == "been") {
		j--
	}
	if j <= 0 || toks[j].Lower != "had" {
		return false
	}
	for _, k := range toks[:j] {
		switch {
		case k.XPOS == "VBD", k.XPOS == "VBZ", k.XPOS == "VBP", k.XPOS == "MD", k.Rel == "root" && k.UPOS == "VERB":
			if !reportingVerbs[k.Lower] && !reportVerbs[k.Lower] && !learnVerbs[k.Lower] {
				return true
			}
		}
	}
	return false
}
