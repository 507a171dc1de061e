package counts

import (
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
)

// One person killed, wounded, arrested or kidnapped is a figure of 1
// (exact), as ACLED and GDELT count: a described person ("a man was
// killed", "the accused was arrested", "police shot dead a suspect"), a
// named one ("Ravi Kumar was arrested", with the parse) or a pronoun ("she
// was arrested", "police arrested him"), and "his arrest". Plural nouns
// without a number ("protesters were arrested", "they were detained") are
// no figure: how many is not said. Negated outcomes ("no one was killed",
// "he was not arrested") and ones not yet done ("will be arrested", "to
// arrest a suspect") are no figure either.

// singulars are people a casualty verb can take one of: "killed a
// policeman", "killed the deputy chief".
var singulars = setOf(`soldier civilian man woman child boy girl policeman officer journalist
chief leader commander official guard student worker farmer priest teacher doctor nurse
militant rebel protester demonstrator resident villager constable jawan person passenger
activist lawyer judge mayor governor minister diplomat businessman driver pilot suspect youth
teenager youngster shopkeeper trader vendor labourer laborer supporter member president
secretary chairman convenor inspector sub-inspector accomplice gunman attacker terrorist
insurgent fighter mp mla councillor corporator cleric imam sadhu monk pastor husband wife son
daughter father mother brother sister infant baby elder headman employee clerk engineer
contractor photographer reporter editor blogger smuggler dealer thief robber criminal
culprit kingpin mastermind ringleader accused`)

// personSuffixes mark a singular noun as a person when a casualty verb
// says what happened to it ("the shopkeeper was stabbed to death").
var personSuffixes = []string{"man", "woman", "er", "or", "ist", "ant", "ent", "ian"}

// isPerson reports whether the singular noun w names a person. loose
// admits nouns that only look like persons (by their ending).
func isPerson(w string, loose bool) bool {
	if singulars[w] {
		return true
	}
	if !loose || len(w) < 5 {
		return false
	}
	for _, s := range personSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// singleOutcomes are the outcome words said of one person; others ("held",
// "missing", "executed", "hurt") need a number to be a figure.
var singleOutcomes = map[string]string{
	"killed": "KILL", "murdered": "KILL", "slain": "KILL", "lynched": "KILL", "assassinated": "KILL",
	"beheaded": "KILL", "martyred": "KILL",
	"injured": "WOUND", "wounded": "WOUND",
	"arrested": "ARREST", "detained": "ARREST", "apprehended": "ARREST", "nabbed": "ARREST",
	"kidnapped": "KIDNAP", "abducted": "KIDNAP",
}

// singleOutcomeAt reads an outcome said of one person at token m: a word
// of singleOutcomes or a phrase ("shot dead", "taken into custody"). It
// returns the kind and the end of the outcome.
func singleOutcomeAt(toks []facttext.Token, m int) (string, int) {
	if k, e := phraseOutcome(toks, m); k != "" && toks[m].Lower != "rounded" && toks[m].Lower != "succumbed" {
		return k, e
	}
	if k := singleOutcomes[toks[m].Lower]; k != "" {
		return k, m + 1
	}
	return "", 0
}

// ingOutcomes take one person as object only, in a participle clause
// after a comma, "besides" or "after": "a blast hit the bus, killing a
// soldier" (not "the time sought for arresting him", "held for killing a
// man").
var ingOutcomes = map[string]string{"killing": "KILL", "injuring": "WOUND", "wounding": "WOUND",
	"arresting": "ARREST", "detaining": "ARREST", "abducting": "KIDNAP"}

// ingAfter are the words a participle clause of ingOutcomes may follow.
var ingAfter = setOf(`, besides after`)

// adverbs may stand between an auxiliary and its participle.
var adverbs = setOf(`later also allegedly reportedly brutally fatally critically seriously badly
grievously mistakenly finally subsequently immediately then yesterday today earlier already
eventually apparently soon just recently first accidentally reportedly`)

// bare strips what is not a letter from the start of w: an opening quote
// glued to the word, or its mis-decoded bytes.
func bare(w string) string {
	return strings.TrimLeftFunc(w, func(r rune) bool { return r < 'a' || r > 'z' })
}

// negators make an outcome not happen.
var negators = setOf(`not never n't no nobody none neither`)

// passiveSubject finds the auxiliary before an outcome participle at token
// v ("was killed", "has also been arrested", "got injured") and returns
// the token before it, where the subject ends; ok is false when the
// auxiliary is missing, plural or negated.
func passiveSubject(toks []facttext.Token, v int) (int, bool) {
	k := v - 1
	for k >= 0 && adverbs[toks[k].Lower] {
		k--
	}
	if k < 0 {
		return 0, false
	}
	switch toks[k].Lower {
	case "was", "got":
	case "been":
		k--
		for k >= 0 && adverbs[toks[k].Lower] {
			k--
		}
		if k < 0 || (toks[k].Lower != "has" && toks[k].Lower != "had") {
			return 0, false
		}
	default:
		return 0, false
	}
	if k < 1 || negators[bare(toks[k-1].Lower)] {
		return 0, false
	}
	return k - 1, true
}

// singleCounts finds the counts of one person in a sentence; taken marks
// tokens already part of a figure. Start and End of the result are token
// indexes.
func singleCounts(toks []facttext.Token, parsed bool, taken []bool) []tidings.Count {
	var out []tidings.Count
	for v := range toks {
		if taken[v] {
			continue
		}
		kind, end := singleOutcomeAt(toks, v)
		if kind == "" {
			if c, ok := nominalOne(toks, v, parsed); ok && !anyTaken(taken, c.Start, c.End) {
				out = append(out, c)
			} else if kind = ingOutcomes[toks[v].Lower]; kind != "" && v > 0 && ingAfter[toks[v-1].Lower] {
				if c, ok := singleObject(toks, v, parsed, kind, v+1); ok && !anyTaken(taken, c.Start, c.End) {
					out = append(out, c)
				}
			}
			continue
		}
		if c, ok := singlePassive(toks, v, parsed, kind, end); ok && !anyTaken(taken, c.Start, c.End) {
			out = append(out, c)
			continue
		}
		if c, ok := singleObject(toks, v, parsed, kind, end); ok && !anyTaken(taken, c.Start, c.End) {
			out = append(out, c)
		}
	}
	return out
}

func anyTaken(taken []bool, from, to int) bool {
	for i := from; i < to && i < len(taken); i++ {
		if taken[i] {
			return true
		}
	}
	return false
}

// singlePassive reads "<one person> was <outcome>": "a man was killed",
// "she was arrested", and with the parse a name or a person past an aside
// ("Ravi Kumar, a shopkeeper, was shot dead") or before a relative clause
// ("a youth who was injured").
func singlePassive(toks []facttext.Token, v int, parsed bool, kind string, end int) (tidings.Count, bool) {
	s, ok := passiveSubject(toks, v)
	if !ok {
		return tidings.Count{}, false
	}
	c := tidings.Count{Kind: kind, Number: 1, Qualifier: "exact", End: end}
	if parsed {
		subj := dependent(toks, v, "nsubj")
		if subj >= 0 && (toks[subj].Lower == "who" || toks[subj].Lower == "that") && strings.HasPrefix(toks[v].Rel, "acl") {
			subj = toks[v].Head // the person the relative clause is about
		}
		if subj >= 0 && subj < v {
			if obj, ok := onePerson(toks, subj, kind); ok {
				c.Object, c.Start = obj, phraseStart(toks, subj)
				return c, true
			}
			return c, false
		}
	}
	// No parse (or the parse found no subject): the words before the
	// auxiliary.
	w := toks[s].Lower
	switch {
	case w == "he" || w == "she":
		c.Start = s
		return c, true
	case isPerson(w, false) && toks[s].XPOS != "NNS":
		for k := s - 1; k >= 0 && k >= s-3; k-- {
			switch toks[k].Lower {
			case "a", "an", "the", "this", "that", "another", "one":
				c.Object, c.Start = w, k
				return c, true
			}
			if !facttext.IsWord(toks[k].Text) {
				break
			}
		}
	case w == "," && kind != "KILL":
		// "Ravi Kumar, who runs a shop in the town, was arrested": the
		// name before the aside.
		for k := s - 1; k > 0 && k >= s-20; k-- {
			if toks[k].Text == "," {
				if n := toks[k-1]; nameLike(n) && (k < 2 || toks[k-2].Lower != "and") {
					c.Start = k - 1
					return c, true
				}
				break
			}
		}
	}
	return c, false
}

// nameLike reports whether token n may be one person's name or a singular
// noun for one: a proper noun, a foreign word or singular noun the tagger
// gave a lower-case name, or a capitalised word when untagged.
func nameLike(n facttext.Token) bool {
	switch {
	case collectives[n.Lower] || thing(n.Lower):
		return false
	case n.XPOS == "":
		return facttext.IsCap(n.Text) || isPerson(n.Lower, false)
	}
	return n.XPOS == "NNP" || n.XPOS == "FW" || n.XPOS == "NN"
}

// singleObject reads "<outcome> <one person>" in the active voice: "police
// shot dead a suspect", "killed the deputy chief", "arrested him", and
// with the parse a named person ("arrested Ravi Kumar").
func singleObject(toks []facttext.Token, v int, parsed bool, kind string, end int) (tidings.Count, bool) {
	if end >= len(toks) || v > 0 && (negators[toks[v-1].Lower] || toks[v-1].Lower == "to") {
		return tidings.Count{}, false
	}
	if _, passive := passiveSubject(toks, v); passive {
		return tidings.Count{}, false
	}
	c := tidings.Count{Kind: kind, Number: 1, Qualifier: "exact", Start: v}
	w := toks[end].Lower
	if w == "him" || w == "her" && (end+1 >= len(toks) || !isPerson(toks[end+1].Lower, false)) {
		c.End = end + 1
		return c, !conjoined(toks, end, parsed)
	}
	switch w {
	case "a", "an", "the", "his", "her", "another":
		for k := end + 1; k < len(toks) && k <= end+3; k++ {
			n := toks[k].Lower
			if isPerson(n, false) && n != "accused" && toks[k].XPOS != "NNS" {
				if conjoined(toks, k, parsed) {
					break
				}
				c.Object, c.End = n, k+1
				return c, true
			}
			if !facttext.IsWord(toks[k].Text) || outcomes[n] != "" || n == "and" || n == "of" {
				break
			}
		}
	}
	if parsed {
		if o := dependent(toks, v, "obj"); o >= end && o <= end+4 && toks[o].XPOS == "NNP" && !conjoined(toks, o, parsed) &&
			dependent(toks, o, "nummod") < 0 {
			c.End = o + 1
			for c.End < len(toks) && toks[c.End].Head == o && toks[c.End].Rel == "flat" {
				c.End++
			}
			return c, true
		}
	}
	return c, false
}

// nominals are outcome nouns said of one person: "the killing of a
// youth", "his arrest".
var nominals = map[string]string{"arrest": "ARREST", "killing": "KILL", "murder": "KILL",
	"abduction": "KIDNAP", "kidnapping": "KIDNAP"}

// afterEvent are words before an outcome noun that say it happened:
// "following his arrest", "with the arrest of".
var afterEvent = setOf(`after following since with upon on before`)

// nominalNouns continue an outcome noun into another thing: "arrest
// warrant".
var nominalNouns = setOf(`warrant warrants order orders memo`)

// nominalOne reads "his arrest", "her arrest" and "the arrest (killing,
// murder, abduction) of <a person>" as one person, when a word before
// says it happened ("after his arrest", "with the killing of a youth").
func nominalOne(toks []facttext.Token, v int, parsed bool) (tidings.Count, bool) {
	kind := nominals[toks[v].Lower]
	if kind == "" || v == 0 {
		return tidings.Count{}, false
	}
	c := tidings.Count{Kind: kind, Number: 1, Qualifier: "exact", Start: v - 1, End: v + 1}
	if v+1 < len(toks) && (toks[v+1].XPOS == "NN" || toks[v+1].XPOS == "NNS" || nominalNouns[toks[v+1].Lower]) {
		return tidings.Count{}, false // "his arrest warrant"
	}
	if v < 2 || !afterEvent[toks[v-2].Lower] {
		return tidings.Count{}, false // "demanded his arrest": not done
	}
	switch p := toks[v-1].Lower; {
	case (p == "his" || p == "her") && kind == "ARREST":
		return c, true
	case p == "the" && v+2 < len(toks) && toks[v+1].Lower == "of":
		for k := v + 2; k < len(toks) && k <= v+5; k++ {
			n := toks[k].Lower
			if isPerson(n, false) && n != "accused" && toks[k].XPOS != "NNS" && !conjoined(toks, k, parsed) {
				c.Object, c.End = n, k+1
				return c, true
			}
			if !facttext.IsWord(toks[k].Text) || n == "and" || toks[k].XPOS == "NNS" || n == "of" && k > v+2 {
				break
			}
		}
	}
	return tidings.Count{}, false
}

// collectives are singular nouns that stand for several people.
var collectives = setOf(`group gang team family crowd mob batch band unit party delegation
contingent squad couple pair lot bunch section cadre`)

// things are singular nouns an arrest, detention or injury is said of
// that are no person: "the decline was arrested", "the ship was
// detained", "his knee was injured".
var things = setOf(`decline growth slide trend spread fall momentum process progress rot slump
rise drop flow tide slowdown inflation ship vessel boat tanker truck lorry vehicle car bus
plane aircraft flight train cargo consignment shipment container leg arm hand head knee ankle
shoulder back eye foot wrist hip spine pride economy sector market`)

// thingSuffixes end abstract nouns.
var thingSuffixes = []string{"tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ure", "age"}

// thing reports whether the singular noun w names no person.
func thing(w string) bool {
	if things[w] {
		return true
	}
	for _, s := range thingSuffixes {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return true
		}
	}
	return false
}

// onePerson reports whether the subject token s of an outcome of kind is
// one person: "he", "she", a proper name, or a singular noun, with no
// number and no second person joined to it. A killing needs a noun that
// names a person ("the bill was killed" is none); the other outcomes
// ("was arrested", "was injured") are only said of people, so any
// singular noun but a collective one will do, which also admits names the
// tagger took for common nouns in lower-case text. It returns the noun
// counted.
func onePerson(toks []facttext.Token, s int, kind string) (string, bool) {
	t := toks[s]
	if negators[bare(t.Lower)] {
		return "", false // "nobody was arrested"
	}
	if conjoined(toks, s, true) || dependent(toks, s, "nummod") >= 0 || collectives[t.Lower] {
		return "", false
	}
	for k := range toks {
		if toks[k].Head == s && (negators[toks[k].Lower] || toks[k].Lower == "every" || toks[k].Lower == "each") {
			return "", false // "no person was hurt"
		}
	}
	switch {
	case t.Lower == "he" || t.Lower == "she":
		return "", true
	case t.UPOS == "PROPN" || t.XPOS == "NNP":
		return "", true
	case t.XPOS != "NN" || thing(t.Lower) && !singulars[t.Lower]:
		return "", false
	case isPerson(t.Lower, true):
		return t.Lower, true
	case kind != "KILL":
		return "", true
	}
	for k := s - 1; k >= 0 && k >= s-4; k-- { // "a vhp leader ravi kumar"
		if toks[k].Head == s && toks[k].Rel == "compound" && isPerson(toks[k].Lower, false) {
			return "", true
		}
	}
	return "", false
}

// phraseStart is the first token of the phrase headed by token h: the
// run of tokens before it that hang on it (its determiner, adjectives,
// compounds, "an 18-year-old"), up to a comma or a preposition.
func phraseStart(toks []facttext.Token, h int) int {
	s := h
	for k := h - 1; k >= 0 && k >= h-8; k-- {
		if toks[k].Text == "," || toks[k].Rel == "case" || toks[k].UPOS == "ADP" || !hangsOn(toks, k, h) {
			break
		}
		s = k
	}
	return s
}

// hangsOn reports whether token k is in the subtree of token h (within a
// few links).
func hangsOn(toks []facttext.Token, k, h int) bool {
	for hops := 0; k >= 0 && hops < 5; hops++ {
		k = toks[k].Head
		if k == h {
			return true
		}
	}
	return false
}

// dependent returns the first token attached to h whose relation starts
// with rel, or -1.
func dependent(toks []facttext.Token, h int, rel string) int {
	for k := range toks {
		if toks[k].Head == h && (toks[k].Rel == rel || strings.HasPrefix(toks[k].Rel, rel+":")) {
			return k
		}
	}
	return -1
}

// conjoined reports whether token k has a second person joined to it
// ("him and his brother"), from the parse or, without one, a following
// "and".
func conjoined(toks []facttext.Token, k int, parsed bool) bool {
	if parsed {
		// A conjunct without "and" or "or" is most likely an apposition
		// the parser took for one ("the president, ravi kumar, was").
		c := dependent(toks, k, "conj")
		return c >= 0 && dependent(toks, c, "cc") >= 0
	}
	return k+1 < len(toks) && toks[k+1].Lower == "and"
}
