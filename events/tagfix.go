package events

import (
	"strings"

	"github.com/tidings/tidings/internal/facttext"
)

// This file corrects the tagger where headline-like news sentences fool
// it: a verb taken for a noun or adjective ("Donors suspended loans",
// "The rebels reject …", "set fire"), a noun taken for a verb ("in the
// peace talks with"), a participle before a noun taken for a verb ("the
// recently imposed law", "devastating blows").

// finiteBefore reports a finite verb or modal among tokens [0, i).
func finiteBefore(toks []facttext.Token, i int) bool {
	for _, k := range toks[:i] {
		switch k.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// npStart reports a token that can open an object noun phrase.
func npStart(k facttext.Token) bool {
	switch k.UPOS {
	case "DET", "NOUN", "ADJ", "NUM", "PROPN", "PRON":
		return true
	}
	return false
}

// pluralHead reports a plural noun or a name that can be a subject, not
// the first part of a compound ("arms deal", "rights group").
func pluralHead(k facttext.Token) bool {
	return (k.XPOS == "NNS" || k.XPOS == "NNPS" || k.XPOS == "NNP") && !compoundFirst[k.Lower]
}

var compoundFirst = setOf(`arms rights goods sports news affairs relations talks services forces`)

// pastAfterSubject reports a regular past form tagged a noun or adjective
// right after the plural or name that opens the sentence, with an object
// after it and no finite verb before: "Relief officials suspended food
// shipments".
func (c *Coder) pastAfterSubject(toks []facttext.Token, i int) bool {
	k := &toks[i]
	if i == 0 || i+1 >= len(toks) || !strings.HasSuffix(k.Lower, "ed") || c.tab.forms[k.Lower] == "" {
		return false
	}
	return pluralHead(toks[i-1]) && npStart(toks[i+1]) && !finiteBefore(toks, i)
}

// presentAfterSubject reports a base form of our own verb list tagged a
// noun right after the plural that opens the sentence, with an object
// after it: "The rebels reject proposed changes".
func (c *Coder) presentAfterSubject(toks []facttext.Token, i int) bool {
	k := &toks[i]
	if k.UPOS != "NOUN" || i == 0 || i+1 >= len(toks) {
		return false
	}
	p, n := &toks[i-1], toks[i+1]
	if p.XPOS != "NNS" && p.XPOS != "NNPS" || !(npStart(n) && n.UPOS != "NOUN" || n.XPOS == "VBN") {
		return false
	}
	return !compoundFirst[p.Lower] && c.tab.forms[k.Lower] == k.Lower && c.tab.own[k.Lower].typ != "" && !finiteBefore(toks, i)
}

// setFire reports "set fire", always a verb with its object.
func setFire(toks []facttext.Token, i int) bool {
	switch toks[i].Lower {
	case "set", "sets", "setting":
		return i+1 < len(toks) && toks[i+1].Lower == "fire"
	}
	return false
}

// prepObjects open a prepositional phrase.
var prepObjects = setOf(`in on at of for with by from during under into over`)

// inPrepPhrase reports a word inside a prepositional phrase with a
// determiner after the clause's verb ("has agreed to a role in the final
// status talks"): a noun, whatever its tag; not "Paris with its allies
// talks", where no verb came before.
func inPrepPhrase(toks []facttext.Token, i int) bool {
	for j := i - 1; j >= 1 && j >= i-6; j-- {
		k := &toks[j]
		if determiners[k.Lower] || k.UPOS == "PRON" && k.XPOS == "PRP$" {
			return prepObjects[toks[j-1].Lower] && toks[j-1].UPOS == "ADP" && finiteBefore(toks, j-1)
		}
		switch k.UPOS {
		case "NOUN", "ADJ", "PROPN", "ADV", "NUM":
		default:
			if k.Rel != "amod" && k.Text != "-" {
				return false
			}
		}
	}
	return false
}

// prenominal reports a participle modifying the noun after it ("the
// recently imposed law", "of suspected terrorists", "devastating blows").
func prenominal(toks []facttext.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	if n := toks[i+1].UPOS; n != "NOUN" && n != "ADJ" && n != "PROPN" {
		return false
	}
	k := &toks[i]
	if !strings.HasSuffix(k.Lower, "ed") && !strings.HasSuffix(k.Lower, "ing") {
		return false
	}
	if k.Lower == "armed" && (toks[i+1].Lower == "forces" || toks[i+1].Lower == "groups" || toks[i+1].Lower == "men") {
		return true
	}
	if i == 0 && strings.HasSuffix(k.Lower, "ed") && facttext.IsCap(k.Text) && toks[1].UPOS != "PROPN" {
		return true // "Suspected militants …", "Masked gunmen …"
	}
	for j := i - 1; j >= 0; j-- {
		p := toks[j]
		if p.UPOS == "ADV" {
			continue
		}
		if isDeterminer(p.Lower) {
			return p.Lower != "that" && p.Lower != "this"
		}
		// the parse's adjectival participle, unless a subject stands
		// before it ("the police opened fire" parsed amod)
		return k.Rel == "amod" && (k.XPOS == "VBN" || k.XPOS == "VBG") &&
			p.UPOS != "NOUN" && p.UPOS != "PROPN" && p.UPOS != "PRON"
	}
	return false
}

// militaryWords are what a force is mobilised from.
var militaryWords = setOf(`troops forces soldiers army armies reserves reservists units police militia
militias fighters men divisions battalions brigades tanks navy warships aircraft jets volunteers
guard guards conscripts paramilitaries`)

// civilObject reports an object of the verb at i with no military word:
// "mobilized pressure groups", not "mobilized 5,000 reservists".
func civilObject(toks []facttext.Token, i int) bool {
	o := npAfter(toks, i+1)
	if o.e == 0 {
		return false
	}
	for _, k := range toks[i+1:] {
		if k.B >= o.e {
			break
		}
		if militaryWords[k.Lower] {
			return false
		}
	}
	return true
}

// pluralActors are plural actor nouns the tagger takes for verbs before a
// past verb ("Fighter jets bombed", "Government forces withdrew"), or
// whose past verb it takes for something else ("Security forces shot
// dead").
var pluralActors = setOf(`forces jets troops planes warplanes helicopters guards rebels gunmen fighters
soldiers militants policemen officials authorities protesters demonstrators workers drivers farmers
students teachers residents villagers activists`)

// pastForm reports a past form of a verb of the table ("bombed",
// "withdrew", "shot"), not its base, -s or -ing form.
func (c *Coder) pastForm(w string) bool {
	l := c.tab.forms[w]
	return l != "" && l != w && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing")
}

// pluralBeforePast reports a plural actor noun at j tagged a verb, after
// its modifier and before a past verb: the subject of that verb.
func (c *Coder) pluralBeforePast(toks []facttext.Token, j int) bool {
	k := &toks[j]
	if j+1 >= len(toks) || !strings.HasSuffix(k.Lower, "s") {
		return false
	}
	switch toks[j+1].UPOS {
	case "VERB", "NOUN", "ADJ", "ADV", "":
	default:
		return false
	}
	if !pluralActors[k.Lower] || !c.pastForm(toks[j+1].Lower) {
		return false
	}
	if j == 0 {
		return true
	}
	switch toks[j-1].UPOS {
	case "NOUN", "PROPN", "ADJ", "DET", "NUM":
		return true
	}
	return false
}

// misTaggedSubject is the subject noun phrase ending at the plural actor
// at j ("Fighter jets") when pluralBeforePast holds, else none.
func (c *Coder) misTaggedSubject(toks []facttext.Token, j int) span {
	if j < 0 || !c.pluralBeforePast(toks, j) {
		return span{}
	}
	sp := span{toks[j].B, toks[j].E}
	if j > 0 && npTok(toks[j-1]) {
		if b := npBefore(toks, j-1); b.e != 0 {
			sp.b = b.b
		}
	}
	return sp
}
