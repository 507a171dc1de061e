package events

import (
	"strings"

	"github.com/tidings/tidings/internal/facttext"
)

// span is a byte range of the text; e == 0 means none.
type span struct{ b, e int }

type roleSpans struct{ actor, recipient span }

var skipBack = setOf(`has have had was were is are be been being would will could should may might
must can also prepared ready willing able going set due trying further later then reportedly allegedly previously once again repeatedly recently
just not n't n’t never to did does do 'd ’d 'll ’ll already still even formally officially jointly
publicly openly either both`)

var passiveAux = setOf(`was were been being is are be get got gets`)

var pronouns = setOf(`he she they we i it`)

var relatives = setOf(`that which who whom`)

var npStop = setOf(`and but or as when while because if after before since where so than though
although whether what how why to in on at by with from into about over under against during
without through between among is was are were be been being has have had do does did will would
can could should may might must not said says told there here it's whose which who that near
outside inside across along within beyond behind per amid despite toward towards following`)

var timeWords = setOf(`monday tuesday wednesday thursday friday saturday sunday today yesterday
tonight week month year morning evening night weekend earlier later`)

var introWords = setOf(`meanwhile however moreover still later earlier separately also in on at after
before during since while when although though despite under with without for last this yesterday today`)

var recipPreps = setOf(`against on at with to into for over targeting upon toward towards`)

// roles finds the actor and recipient spans of a trigger. A verb with no
// agent takes the actor of a cause phrase ("killed in police firing",
// "died in a Russian strike"); a victim verb's subject is its recipient.
func (c *Coder) roles(t *facttext.Text, toks []facttext.Token, f found) roleSpans {
	r := c.baseRoles(t, toks, f)
	if f.victim {
		r.recipient, r.actor = r.actor, span{}
	}
	if !f.noun && r.actor.e == 0 && isPassive(toks, f.i) {
		// "were shot dead by police" when the parse hangs the agent
		// elsewhere.
		for j := f.j; j < len(toks) && j < f.j+4; j++ {
			if toks[j].Lower == "by" {
				r.actor = npAfter(toks, j+1)
				break
			}
		}
	}
	if !f.noun && !f.victim && bareParticiple(toks, f.i) && f.i > 0 && f.j < len(toks) && toks[f.j].Lower == "by" &&
		(toks[f.i-1].UPOS == "NOUN" || toks[f.i-1].UPOS == "PROPN") {
		// "intelligence shared by the U.N.": a reduced passive, whose
		// agent follows "by"; the noun before it is what was acted on.
		if a := npAfter(toks, f.j+1); a.e != 0 {
			if r.recipient.e == 0 {
				r.recipient = r.actor
			}
			r.actor = a
			return r
		}
	}
	if !f.noun && r.actor.e == 0 {
		r.actor = c.causeActor(toks, f.j)
	} else if !f.noun && !f.victim && bareParticiple(toks, f.i) && f.j < len(toks) && causePreps[toks[f.j].Lower] {
		// "30 killed in police firing", "one person killed in an army
		// raid": a participle with no auxiliary and its cause right after
		// it is passive; what the parse took for its subject is the victim.
		if ca := c.causeActor(toks, f.j); ca.e != 0 {
			if r.recipient.e == 0 {
				r.recipient = r.actor
			}
			r.actor = ca
		}
	}
	return r
}

// bareParticiple reports whether token i is a past participle with no
// auxiliary before it ("killed", not "have killed" or "was killed").
func bareParticiple(toks []facttext.Token, i int) bool {
	if toks[i].XPOS != "VBN" {
		return false
	}
	return i == 0 || (toks[i-1].UPOS != "AUX" && toks[i-1].XPOS != "MD")
}

var causePreps = setOf(`in by to due during from of`)

// causeActor is the actor of a nominal event in a cause phrase after j
// ("in police firing", "due to the army's shelling").
func (c *Coder) causeActor(toks []facttext.Token, j int) span {
	for k := j; k < len(toks) && k < j+6; k++ {
		if toks[k].Text == "," || toks[k].Text == ";" {
			break
		}
		if !causePreps[toks[k].Lower] {
			continue
		}
		for n := k + 1; n < len(toks) && n <= k+4; n++ {
			if tr, ok := c.tab.nouns[toks[n].Lower]; ok && tr.typ == "ASSAULT" {
				return nounActor(toks, found{i: n, j: n + 1, noun: true})
			}
			if !npTok(toks[n]) {
				break
			}
		}
	}
	return span{}
}

// baseRoles finds the actor and recipient spans of a trigger.
func (c *Coder) baseRoles(t *facttext.Text, toks []facttext.Token, f found) roleSpans {
	var r roleSpans
	if f.noun {
		if comma, ok := introNoun(toks, f); ok {
			// "In a public rebuke of Putin, Trump implored …"
			r.actor = sentenceSubject(toks[comma+1:], len(toks)-comma-1)
			r.recipient = afterPrep(toks, f.j, 3)
			if f.j < len(toks) && toks[f.j].Lower == "of" {
				r.recipient = npAfter(toks, f.j+1)
			}
			return r
		}
		r.actor = nounActor(toks, f)
		r.recipient = afterPrep(toks, f.j, 4)
		return r
	}
	passive := isPassive(toks, f.i)
	if r, ok := c.relativeRoles(toks, f); ok && !passive {
		return r
	}
	if t.Parsed {
		if pr, ok := parseRoles(toks, f); ok {
			pr.actor = reportedPronoun(t, toks, pr.actor)
			return pr
		}
		if h := toks[f.i].Head; toks[f.i].Rel == "xcomp" && h >= 0 && h < f.i && !isPassive(toks, h) {
			// "the United States continued to send arms": the
			// controlling verb's subject acts, its object when it has
			// one ("urged the government to release").
			if hr, ok := parseRoles(toks, found{i: h, j: h + 1}); ok && hr.actor.e != 0 {
				pr, _ := parseRoles(toks, f)
				pr.actor = reportedPronoun(t, toks, hr.actor)
				if o := objectOf(toks, h); o.e != 0 && !aspectVerbs[toks[h].Lower] {
					pr.actor = o // not "started gathering signatures"
				}
				return pr
			}
		}
		if h := toks[f.i].Head; toks[f.i].Rel == "conj" && h >= 0 && h < f.i {
			// "police arrested 4,000 and fired 2,000 rounds": the
			// second verb shares the first one's subject.
			if hr, ok := parseRoles(toks, found{i: h, j: h + 1}); ok && hr.actor.e != 0 && !isPassive(toks, h) {
				pr, _ := parseRoles(toks, f)
				pr.actor = reportedPronoun(t, toks, hr.actor)
				return pr
			}
		}
	}
	subj := c.misTaggedSubject(toks, f.i-1)
	if subj.e == 0 {
		subj = subjectOf(toks, f.i)
	}
	if subj.e == 0 {
		subj = sentenceSubject(toks, f.i)
		if inQuote(toks, subj.e, toks[f.i].B) {
			subj = span{} // the speaker, not who acts in the quote
		}
	}
	if passive {
		r.recipient = subj
		for j := f.j; j < len(toks) && j < f.j+6; j++ {
			if toks[j].Lower == "by" {
				r.actor = npAfter(toks, j+1)
				break
			}
		}
		return r
	}
	r.actor = reportedPronoun(t, toks, subj)
	if o := npAfter(toks, f.j); o.e != 0 {
		r.recipient = o
	} else {
		r.recipient = afterPrep(toks, f.j, 4)
	}
	return r
}

// relativeRoles handles "Russia's strikes against Kyiv that killed …": a
// verb whose subject is a relative pronoun after a nominal event takes that
// event's actor and recipient.
func (c *Coder) relativeRoles(toks []facttext.Token, f found) (roleSpans, bool) {
	j := f.i - 1
	for j >= 0 && skipBack[toks[j].Lower] {
		j--
	}
	if j < 1 || (toks[j].Lower != "that" && toks[j].Lower != "which") {
		return roleSpans{}, false
	}
	for k := j - 1; k >= 0 && k >= j-8; k-- {
		if _, ok := c.tab.nouns[toks[k].Lower]; ok {
			nf := found{i: k, j: k + 1, noun: true}
			r := roleSpans{actor: nounActor(toks, nf), recipient: afterPrep(toks, k+1, 4)}
			if o := npAfter(toks, f.j); o.e != 0 && r.recipient.e == 0 {
				r.recipient = o
			}
			return r, r.actor.e != 0
		}
	}
	return roleSpans{}, false
}

// introNoun reports a nominal event in an introductory phrase ("In a
// rebuke of X, …", "After talks with Y, …") and the comma that ends it.
func introNoun(toks []facttext.Token, f found) (int, bool) {
	if len(toks) == 0 || (toks[0].UPOS != "ADP" && !introWords[toks[0].Lower]) {
		return 0, false
	}
	for j := 0; j < len(toks) && j < 16; j++ {
		if toks[j].Text == "," {
			return j, f.i < j && j+1 < len(toks)
		}
	}
	return 0, false
}

var reportingVerbs = setOf(`said says say told announced declared stated insisted added warned
claimed argued reported affirmed vowed quoted`)

// reportedPronoun resolves a pronoun subject of reported speech to the
// subject of the reporting verb: "Hungary has said it will support" →
// Hungary. Inside a direct quote only "I" and "we" are the speaker
// ("Duclos said, \"They sell weapons\"" is not about Duclos). Other spans
// are returned unchanged.
func reportedPronoun(t *facttext.Text, toks []facttext.Token, sp span) span {
	if sp.e == 0 || !pronouns[strings.ToLower(t.S[sp.b:sp.e])] {
		return sp
	}
	pron := strings.ToLower(t.S[sp.b:sp.e])
	for i, k := range toks {
		if k.B >= sp.b {
			break
		}
		if !reportingVerbs[k.Lower] {
			continue
		}
		subj := subjectOf(toks, i)
		if subj.e == 0 || pronouns[strings.ToLower(t.S[subj.b:subj.e])] {
			continue
		}
		if pron == "i" || pron == "we" || !inQuote(toks, subj.e, sp.b) {
			return subj
		}
	}
	return sp
}

// inQuote reports whether byte offset at lies inside a direct quotation
// opened after byte offset from: one that starts a sentence or follows a
// comma or a colon ("said, “They …"), not a partial quote inside a clause
// ("urged him to “stop the shipments”"), whose words are still the
// clause's.
func inQuote(toks []facttext.Token, from, at int) bool {
	open := false
	for j, k := range toks {
		if k.B < from {
			continue
		}
		if k.B >= at {
			break
		}
		opens := k.Text == "“" || k.Text == "\"" && !open
		switch {
		case opens:
			open = j == 0 || toks[j-1].Text == "," || toks[j-1].Text == ":"
		case k.Text == "”" || k.Text == "\"":
			open = false
		}
	}
	return open
}

func isPassive(toks []facttext.Token, i int) bool {
	w := toks[i].Lower
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "en") && w != "struck" && w != "shot" && w != "hit" && w != "held" && w != "slain" &&
		toks[i].XPOS != "VBN" {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		l := toks[j].Lower
		if passiveAux[l] {
			return true
		}
		if !skipBack[l] && !strings.HasSuffix(l, "ly") {
			return false
		}
	}
	return false
}

// subjectOf finds the noun phrase before the verb at i.
func subjectOf(toks []facttext.Token, i int) span {
	j := i - 1
	for j >= 0 {
		w := toks[j].Lower
		switch {
		case skipBack[w] || toks[j].UPOS == "ADV" || (toks[j].UPOS == "" && strings.HasSuffix(w, "ly") && len(w) > 4):
			j--
		case timeWords[w]: // "rebels on Friday again rejected"
			j--
			if j >= 0 && (toks[j].Lower == "on" || toks[j].Lower == "last" || toks[j].Lower == "this") {
				j--
			}
		default:
			goto done
		}
	}
done:
	if j < 0 {
		return span{}
	}
	if relatives[toks[j].Lower] {
		j--
	}
	if j >= 0 && toks[j].Text == "," { // "Zelensky, who was …, condemned"
		k := j - 1
		for k >= 0 && j-k < 25 && toks[k].Text != "," {
			k--
		}
		if k <= 0 {
			return span{}
		}
		j = k - 1
	}
	if j < 0 || !npTok(toks[j]) && !pronouns[toks[j].Lower] {
		return span{}
	}
	return npBefore(toks, j)
}

// npBefore is the noun phrase ending at token j.
func npBefore(toks []facttext.Token, j int) span {
	if pronouns[toks[j].Lower] {
		return span{toks[j].B, toks[j].E}
	}
	i := j
	for i >= 0 && j-i < 7 && npTok(toks[i]) {
		if determiners[toks[i].Lower] {
			break
		}
		i--
	}
	if i < 0 || !determiners[toks[i].Lower] {
		i++
	}
	if i > j {
		return span{}
	}
	return span{toks[i].B, toks[j].E}
}

// npAfter is the noun phrase starting at token i.
func npAfter(toks []facttext.Token, i int) span {
	if i >= len(toks) {
		return span{}
	}
	if pronouns[toks[i].Lower] || toks[i].Lower == "him" || toks[i].Lower == "them" || toks[i].Lower == "her" {
		return span{toks[i].B, toks[i].E}
	}
	if !npTok(toks[i]) && !determiners[toks[i].Lower] {
		return span{}
	}
	j := i
	for j+1 < len(toks) && j-i < 7 {
		n := toks[j+1]
		if n.Lower == "of" && j+2 < len(toks) && npTok(toks[j+2]) && j-i < 4 {
			j++
			continue
		}
		if !npTok(n) || determiners[n.Lower] && toks[j].Lower != "of" {
			break
		}
		j++
	}
	if determiners[toks[j].Lower] {
		return span{}
	}
	return span{toks[i].B, toks[j].E}
}

func npTok(k facttext.Token) bool {
	if k.Lower == "'s" || k.Lower == "’s" || k.Lower == "-" || k.Lower == "&" || k.Lower == "." && len(k.Text) > 1 {
		return true
	}
	if !facttext.IsWord(k.Text) {
		return false
	}
	if k.UPOS != "" {
		switch k.UPOS {
		case "PROPN", "NOUN", "ADJ", "NUM", "DET", "PART":
			return !npStop[k.Lower]
		}
		return false
	}
	// Untagged: a lower-case -ed/-ing word is most likely a verb.
	if !facttext.IsCap(k.Text) && len(k.Lower) > 4 && (strings.HasSuffix(k.Lower, "ed") || strings.HasSuffix(k.Lower, "ing")) {
		return false
	}
	return !npStop[k.Lower]
}

// afterPrep is the noun phrase after against/on/at/… within n tokens of i.
func afterPrep(toks []facttext.Token, i, n int) span {
	for j := i; j < len(toks) && j < i+n; j++ {
		if recipPreps[toks[j].Lower] {
			return npAfter(toks, j+1)
		}
		if toks[j].Text == "," || toks[j].Text == "." {
			break
		}
	}
	return span{}
}

// nounActor is the possessor ("Russia's strikes"), the name or demonym
// right before the noun ("Russian strikes"), or the "by" phrase after it.
func nounActor(toks []facttext.Token, f found) span {
	for j := f.i - 1; j >= 1 && j >= f.i-4; j-- {
		if toks[j].Lower == "'s" || toks[j].Lower == "’s" {
			return npBefore(toks, j-1)
		}
		if !npTok(toks[j]) {
			break
		}
	}
	for j := f.i - 1; j >= 0 && j >= f.i-3; j-- {
		if (facttext.IsCap(toks[j].Text) && j > 0) || actorHeads[toks[j].Lower] {
			return npBefore(toks, j)
		}
		if !npTok(toks[j]) {
			break
		}
	}
	for j := f.j; j < len(toks) && j < f.j+4; j++ {
		if toks[j].Lower == "by" {
			return npAfter(toks, j+1)
		}
	}
	return span{}
}

// sentenceSubject is the first noun phrase of the sentence before i, after
// an introductory phrase ("Meanwhile, …", "In July, …").
func sentenceSubject(toks []facttext.Token, i int) span {
	s := 0
	if len(toks) > 0 && (!npTok(toks[0]) || introWords[toks[0].Lower]) {
		for j := 0; j < i && j < 12; j++ {
			if toks[j].Text == "," {
				s = j + 1
				break
			}
		}
	}
	for s < i && !npTok(toks[s]) && !pronouns[toks[s].Lower] {
		s++
	}
	if s >= i {
		return span{}
	}
	sp := npAfter(toks, s)
	if sp.e == 0 || (i < len(toks) && sp.e > toks[i].B) {
		return span{}
	}
	return sp
}

// parseRoles reads actor and recipient from the dependency parse.
func parseRoles(toks []facttext.Token, f found) (roleSpans, bool) {
	var r roleSpans
	any := false
	for c, k := range toks {
		if k.Head != f.i {
			continue
		}
		switch k.Rel {
		case "nsubj":
			if relatives[k.Lower] || timeWords[k.Lower] {
				return r, false
			}
			r.actor, any = headSpan(toks, c), true
		case "nsubj:pass":
			r.recipient, any = headSpan(toks, c), true
		case "obj":
			if r.recipient.e == 0 {
				r.recipient = headSpan(toks, c)
			}
		case "obl", "obl:agent":
			cs := caseOf(toks, c)
			if cs == "by" && (k.Rel == "obl:agent" || isPassive(toks, f.i)) {
				r.actor = headSpan(toks, c) // not "withdraw by the end of the year"
			} else if cs == "by" {
				continue
			} else if recipPreps[cs] && r.recipient.e == 0 {
				r.recipient = headSpan(toks, c)
			}
		}
	}
	return r, any
}

// objectOf is the parse object of the verb at h, if any.
func objectOf(toks []facttext.Token, h int) span {
	for c, k := range toks {
		if k.Head == h && k.Rel == "obj" {
			return headSpan(toks, c)
		}
	}
	return span{}
}

func caseOf(toks []facttext.Token, c int) string {
	for _, k := range toks {
		if k.Head == c && k.Rel == "case" {
			return k.Lower
		}
	}
	return ""
}

var quantityHeads = setOf(`group groups number some thousands hundreds dozens members part team
delegation coalition contingent unit units band`)

// headSpan is a nominal with its compounds, names and modifiers ("a group
// of Moroccan diplomats" whole).
func headSpan(toks []facttext.Token, h int) span {
	lo, hi := h, h
	if quantityHeads[toks[h].Lower] {
		for c, k := range toks {
			if k.Head == h && k.Rel == "nmod" && c > h {
				hi = max(hi, headSpan(toks, c).e)
			}
		}
		if hi != h {
			lo2 := h
			for c, k := range toks {
				if k.Head == h && k.Rel == "det" {
					lo2 = min(lo2, c)
				}
			}
			return span{toks[lo2].B, hi}
		}
	}
	for c, k := range toks {
		if k.Head != h {
			continue
		}
		switch k.Rel {
		case "compound", "flat", "amod", "det", "nmod:poss", "nummod", "case":
			if k.Rel == "case" && k.Lower != "'s" && k.Lower != "’s" {
				continue
			}
			lo, hi = min(lo, c), max(hi, c)
		case "nmod":
			// "the military government of President Avril": a
			// common-noun head owned by a name keeps the name
			if c > h && toks[h].UPOS == "NOUN" && toks[c].UPOS == "PROPN" && caseOf(toks, c) == "of" {
				hi = max(hi, nameEnd(toks, c))
			}
		}
	}
	return span{toks[lo].B, toks[hi].E}
}

// nameEnd is the last token of the name headed at c ("President Prosper
// Avril": its flat and compound parts).
func nameEnd(toks []facttext.Token, c int) int {
	e := c
	for d, k := range toks {
		if k.Head == c && d > c && (k.Rel == "flat" || k.Rel == "compound") {
			e = max(e, d)
		}
	}
	return e
}
