package counts

import (
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
)

var months = setOf(`january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec`)

// sentenceCounts finds the counts of sentence si.
func sentenceCounts(t *facttext.Text, si int) []tidings.Count {
	toks := t.Sentences[si].Tokens
	var out []tidings.Count
	for i := 0; i < len(toks); i++ {
		n, ok := parseNumber(toks, i)
		if !ok {
			n, ok = singular(toks, i)
		}
		if !ok {
			continue
		}
		i = n.to - 1
		if excluded(toks, n) {
			continue
		}
		c, ok := classify(toks, n)
		if !ok {
			continue
		}
		c.Text = t.S[toks[c.Start].B:toks[c.End-1].E]
		c.Start, c.End = toks[c.Start].Start, toks[c.End-1].End
		out = append(out, c)
	}
	return out
}

// singulars are people a casualty verb can take one of: "killed a
// policeman", "killed the deputy chief".
var singulars = setOf(`soldier civilian man woman child boy girl policeman officer journalist
chief leader commander official guard student worker farmer priest teacher doctor nurse
militant rebel protester demonstrator resident villager constable jawan person passenger
activist lawyer judge mayor governor minister diplomat businessman driver pilot`)

// singular reads "a/an/the (adjectives) <singular person>" right after a
// casualty verb as the figure 1.
func singular(toks []facttext.Token, i int) (number, bool) {
	w := toks[i].Lower
	if (w != "a" && w != "an" && w != "the") || i == 0 || !verbsBefore[toks[i-1].Lower] {
		return number{}, false
	}
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if singulars[toks[k].Lower] {
			return number{value: 1, qualifier: "exact", from: i, numFrom: i, to: k + 1}, true
		}
		if !facttext.IsWord(toks[k].Text) || outcomes[toks[k].Lower] != "" {
			break
		}
	}
	return number{}, false
}

// classify ties figure n to an outcome; Start/End of the result are token
// indexes (converted by the caller).
func classify(toks []facttext.Token, n number) (tidings.Count, bool) {
	c := tidings.Count{Number: n.value, Qualifier: n.qualifier, Start: n.from, End: n.to}
	// The counted noun: "46 Afghan civilians", "4 Iraqis".
	j := n.to
	objEnd := j
	for k := j; k < len(toks) && k-j < 4; k++ {
		w := toks[k].Lower
		if people[w] || (k > j-1 && facttext.IsCap(toks[k].Text) && strings.HasSuffix(w, "s") && len(w) > 4 && k == j) {
			c.Object, objEnd = w, k+1
			break
		}
		if outcomes[w] != "" || !facttext.IsWord(toks[k].Text) && w != "-" && w != "." || notCounted[w] {
			break
		}
		if w == "and" || w == "in" || w == "of" || w == "on" || w == "at" || w == "from" {
			break
		}
	}
	// An outcome after: "12 people were killed", "90 wounded", "three deaths".
	m := objEnd
	for m < len(toks) && m-objEnd < 4 && linking[toks[m].Lower] {
		m++
	}
	if m < len(toks) {
		w := toks[m].Lower
		kind := outcomes[w]
		switch {
		case w == "held" && m == objEnd:
			kind = ""
		case w == "lost" && m+2 < len(toks) && toks[m+2].Lower == "lives":
			kind, m = "KILL", m+2
		case (w == "forced" || w == "had") && m+2 < len(toks) && toks[m+2].Lower == "flee":
			kind, m = "DISPLACE", m+2
		case w == "taken" && m+1 < len(toks) && toks[m+1].Lower == "hostage":
			kind, m = "KIDNAP", m+1
		case (w == "killing" || w == "wounding" || w == "injuring" || w == "arresting") && m == objEnd:
			kind = "" // "three killing" is no phrase
		}
		if kind != "" {
			c.Kind, c.End = kind, m+1
			return c, true
		}
	}
	// An outcome verb before: "killed at least 12 people", "killing three".
	if p := n.from - 1; p >= 0 {
		w := toks[p].Lower
		if p > 0 && toks[p-1].Lower == "or" {
			return c, false // "killing or wounding 50": which is not said
		}
		if verbsBefore[w] || (w == "the" && p > 0 && toks[p-1].Lower == "killed") {
			c.Kind, c.Start, c.End = outcomes[w], p, objEnd
			if c.Kind == "" {
				c.Kind = "KILL"
			}
			return c, true
		}
		// "the arrest of 20 people"
		if w == "of" && p > 0 && (toks[p-1].Lower == "arrest" || toks[p-1].Lower == "deaths" || toks[p-1].Lower == "killing") {
			c.Kind, c.Start, c.End = map[string]string{"arrest": "ARREST", "deaths": "KILL", "killing": "KILL"}[toks[p-1].Lower], p-1, objEnd
			return c, true
		}
	}
	// A death toll: "the death toll rose to more than 200".
	for p := n.from - 1; p >= 0 && n.from-p <= 6; p-- {
		if toks[p].Lower == "toll" {
			c.Kind, c.Start, c.End = "KILL", p, objEnd
			return c, true
		}
	}
	return c, false
}

// excluded reports figures that are ages, dates, money, percentages or
// amounts of things.
func excluded(toks []facttext.Token, n number) bool {
	if n.to < len(toks) {
		w := toks[n.to].Lower
		if notCounted[w] || strings.Contains(w, "year") || w == "-" && n.to+1 < len(toks) && strings.HasPrefix(toks[n.to+1].Lower, "year") {
			return true
		}
		if w == ":" || w == "a.m." || w == "p.m." || w == "pm" || w == "am" {
			return true
		}
	}
	if p := n.numFrom - 1; p >= 0 {
		w := toks[p].Lower
		if w == "$" || w == "rs" || w == "rs." || w == "aged" || w == "age" || w == "€" || w == "£" || months[w] || w == "no." {
			return true
		}
	}
	w := toks[n.numFrom].Lower
	if len(w) == 4 && !strings.Contains(w, ",") && w >= "1900" && w <= "2100" {
		return true // a year
	}
	return false
}

// locate names the place of a count: a place entity mentioned in its
// sentence (the nearest), else the location of an event of the sentence.
func locate(t *facttext.Text, si int, c tidings.Count, ents []tidings.Entity, events []tidings.Event) string {
	s := t.SentenceSpan(si)
	best, bestD := "", 1<<30
	for _, e := range ents {
		if e.Type != tidings.EntityGPE && e.Type != tidings.EntityLoc {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start < s.Start || m.End > s.End {
				continue
			}
			d := m.Start - c.End
			if d < 0 {
				d = c.Start - m.End + 1000 // prefer places after the figure
			}
			if d < bestD {
				best, bestD = e.Name, d
			}
		}
	}
	if best != "" {
		return best
	}
	for _, ev := range events {
		if ev.Sentence.Start <= c.Start && c.End <= ev.Sentence.End && ev.Location != "" {
			return ev.Location
		}
	}
	return ""
}
