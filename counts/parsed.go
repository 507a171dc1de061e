package counts

import (
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
)

// parsedOutcome ties figure n to an outcome through the dependency parse
// when the surface patterns of classify do not reach it: a long aside
// between the counted noun and its verb ("over 40 monks led by their
// abbot were arrested"), a parenthesis inside the noun phrase, or a
// participle after it ("the two gunmen arrested on Tuesday"). The counted
// noun must be the passive subject of an outcome verb, the object of an
// outcome verb in the past tense, or be modified by an outcome
// participle; negated verbs are no outcome. One who "died" is left to the
// surface patterns: a single death is often a natural one. Start/End of
// the result are token indexes.
func parsedOutcome(toks []facttext.Token, n number) (tidings.Count, bool) {
	c := tidings.Count{Number: n.value, Qualifier: n.qualifier, Start: n.from}
	h := n.to - 1
	noun := h
	if toks[h].Rel == "nummod" && toks[h].Head > h && toks[h].Head-h <= 6 {
		noun = toks[h].Head
	}
	w := toks[noun].Lower
	if notCounted[w] || outcomes[w] != "" || (noun != h && toks[noun].XPOS != "NNS" && !people[w]) {
		return c, false
	}
	if noun != h {
		c.Object = w
	}
	if v, ok := outcomeParticiple(toks, noun); ok {
		c.Kind, c.End = outcomes[toks[v].Lower], v+1
		return c, true
	}
	v := toks[noun].Head
	if v < 0 || negatedVerb(toks, v) {
		return c, false
	}
	switch rel := toks[noun].Rel; {
	case (rel == "nsubj:pass" || rel == "nsubj" && toks[v].Lower == "died" && n.value > 1) && v > noun:
		kind, end := outcomeWordAt(toks, v)
		if kind == "" {
			return c, false
		}
		c.Kind, c.End = kind, end
		return c, true
	case rel == "obj" && v < n.from && pastOutcomes[toks[v].Lower] != "" && (v == 0 || toks[v-1].Lower != "to"):
		c.Kind, c.Start, c.End = pastOutcomes[toks[v].Lower], v, noun+1
		return c, true
	}
	return c, false
}

// pastOutcomes are outcome verbs in the past tense that take the figure
// as object ("arrested ... 40 people").
var pastOutcomes = map[string]string{
	"killed": "KILL", "murdered": "KILL", "massacred": "KILL", "wounded": "WOUND", "injured": "WOUND",
	"arrested": "ARREST", "detained": "ARREST", "apprehended": "ARREST", "nabbed": "ARREST",
	"kidnapped": "KIDNAP", "abducted": "KIDNAP", "displaced": "DISPLACE",
}

// outcomeWordAt reads a strong outcome at token v: a word of
// strongOutcomes or a phrase ("shot dead", "taken into custody").
func outcomeWordAt(toks []facttext.Token, v int) (string, int) {
	if k, e := phraseOutcome(toks, v); k != "" {
		return k, e
	}
	if w := toks[v].Lower; strongOutcomes[w] && outcomes[w] != "" {
		return outcomes[w], v + 1
	}
	return "", 0
}

// outcomeParticiple finds a strong outcome participle modifying the noun
// ("the 62 persons arrested in the town"), right after it or past a short
// parenthesis.
func outcomeParticiple(toks []facttext.Token, noun int) (int, bool) {
	for v := noun + 1; v < len(toks) && v <= noun+3; v++ {
		if toks[v].Head == noun && toks[v].Rel == "acl" && toks[v].XPOS == "VBN" && pastOutcomes[toks[v].Lower] != "" {
			return v, !negatedVerb(toks, v)
		}
	}
	return 0, false
}

// negatedVerb reports whether verb v has a negation or a "to" (not yet
// done) attached.
func negatedVerb(toks []facttext.Token, v int) bool {
	for k := range toks {
		if toks[k].Head == v && (negators[toks[k].Lower] || toks[k].Rel == "mark" && toks[k].Lower == "to") {
			return true
		}
	}
	return false
}
