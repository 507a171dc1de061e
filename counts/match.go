package counts

import (
	"slices"
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
	taken := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		n, ok := parseNumber(toks, i)
		if !ok {
			continue
		}
		i = n.to - 1
		if excluded(toks, n) {
			continue
		}
		c, ok := classify(toks, n)
		if !ok && t.Parsed {
			c, ok = parsedOutcome(toks, n)
		}
		if !ok {
			continue
		}
		if c.End > c.Start && c.End-1 > i {
			i = c.End - 1 // "12 people from two villages were killed": one figure
		}
		for k := c.Start; k < c.End; k++ {
			taken[k] = true
		}
		out = append(out, c)
	}
	out = append(out, singleCounts(toks, t.Parsed, taken)...)
	slices.SortStableFunc(out, func(a, b tidings.Count) int { return a.Start - b.Start })
	for i := range out {
		c := &out[i]
		c.Text = t.S[toks[c.Start].B:toks[c.End-1].E]
		c.Start, c.End = toks[c.Start].Start, toks[c.End-1].End
	}
	return out
}

// classify ties figure n to an outcome; Start/End of the result are token
// indexes (converted by the caller).
func classify(toks []facttext.Token, n number) (tidings.Count, bool) {
	c := tidings.Count{Number: n.value, Qualifier: n.qualifier, Start: n.from, End: n.to}
	obj, objEnd, plural := countedNoun(toks, n.to)
	c.Object = obj
	if kind, end := outcomeAfter(toks, objEnd, plural); kind != "" {
		c.Kind, c.End = kind, end
		return c, true
	}
	// An outcome verb before: "killed at least 12 people", "killing three",
	// "arrested a staggering 10,000", "shot dead 98 rioters".
	if p := n.from - 1; p >= 0 {
		p = skipIntensifier(toks, p)
		w := toks[p].Lower
		if k, start := verbPhraseBefore(toks, p); k != "" {
			c.Kind, c.Start, c.End = k, start, objEnd
			return c, true
		}
		if p > 0 && toks[p-1].Lower == "or" {
			return c, false // "killing or wounding 50": which is not said
		}
		if verbsBefore[w] || (w == "the" && p > 0 && toks[p-1].Lower == "killed") {
			c.Kind, c.Start, c.End = outcomes[w], p, objEnd
			if w == "arrest" || w == "detain" {
				c.Kind = "ARREST" // "were able to arrest 17 suspects"
			}
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
	// A death toll: "the death toll rose to more than 200" (but not the old
	// figure of "rose from 544 to 607").
	if n.from > 0 && toks[n.from-1].Lower == "from" && n.to < len(toks) && toks[n.to].Lower == "to" {
		return c, false
	}
	for p := n.from - 1; p >= 0 && n.from-p <= 6; p-- {
		if toks[p].Lower == "toll" {
			c.Kind, c.Start, c.End = "KILL", p, objEnd
			return c, true
		}
	}
	return c, false
}

// boundary words end a prepositional aside.
var boundary = setOf(`who which that whom whose where when and or but`)

// strongOutcomes can take any plural noun as the counted one; the others
// ("burnt", "held", "missing") only people.
var strongOutcomes = setOf(`killed dead died deaths slain murdered executed massacred lynched
martyred wounded injured hurt hospitalised hospitalized arrested detained apprehended nabbed
kidnapped abducted displaced`)

// killPhrases are manners of killing completed by "dead", "to death" or
// "down": "shot dead", "hacked to death", "gunned down".
var killPhrases = setOf(`shot gunned hacked beaten stabbed burnt burned bludgeoned clubbed
stoned lynched crushed mowed cut`)

// phraseOutcome reads a several-word outcome starting at token m: "shot
// dead", "hacked to death", "gunned down", "taken into custody", "picked
// up", "rounded up", "succumbed to injuries". It returns the kind and the
// end of the phrase.
func phraseOutcome(toks []facttext.Token, m int) (string, int) {
	w := toks[m].Lower
	at := func(i int, s string) bool { return i < len(toks) && toks[i].Lower == s }
	switch {
	case killPhrases[w] && at(m+1, "dead"):
		return "KILL", m + 2
	case killPhrases[w] && at(m+1, "to") && at(m+2, "death"):
		return "KILL", m + 3
	case (w == "gunned" || w == "mowed" || w == "cut") && at(m+1, "down"):
		return "KILL", m + 2
	case w == "burnt" && at(m+1, "alive") || w == "burned" && at(m+1, "alive"):
		return "KILL", m + 2
	case w == "succumbed":
		return "KILL", m + 1
	case (w == "taken" || w == "remanded") && (at(m+1, "into") || w == "remanded" && (at(m+1, "in") || at(m+1, "to"))):
		k := m + 2
		if at(k, "police") || at(k, "judicial") {
			k++ // "remanded to police custody"
		}
		if at(k, "custody") {
			return "ARREST", k + 1
		}
	case (w == "picked" || w == "rounded") && at(m+1, "up"):
		return "ARREST", m + 2
	}
	return "", 0
}

// verbPhraseBefore reads a several-word outcome ending at token p, before
// a figure: "shot dead 98", "rounded up 1,740", "picked up 12", "stabbed
// to death two". It returns the kind and the phrase's first token.
func verbPhraseBefore(toks []facttext.Token, p int) (string, int) {
	if p < 1 {
		return "", 0
	}
	w, v := toks[p].Lower, toks[p-1].Lower
	switch {
	case w == "dead" && killPhrases[v]:
		return "KILL", p - 1
	case w == "death" && v == "to" && p > 1 && killPhrases[toks[p-2].Lower]:
		return "KILL", p - 2
	case w == "down" && (v == "gunned" || v == "mowed"):
		return "KILL", p - 1
	case w == "up" && (v == "rounded" || v == "picked"):
		return "ARREST", p - 1
	}
	return "", 0
}

// skipIntensifier steps back over words between an outcome verb and its
// figure: "arrested a staggering 10,000", "killed another 12", "detained
// a total of 40".
func skipIntensifier(toks []facttext.Token, p int) int {
	q := p
	if toks[q].Lower == "of" && q > 0 && toks[q-1].Lower == "total" {
		q--
	}
	switch toks[q].Lower {
	case "staggering", "whopping", "further", "total", "record", "another", "additional":
		if q > 0 && (toks[q-1].Lower == "a" || toks[q-1].Lower == "an") {
			q--
		}
		if q > 0 && verbsBefore[toks[q-1].Lower] {
			return q - 1
		}
	}
	return p
}

// skipAside steps over an aside between a counted noun and its verb: a
// parenthetical ", including a woman," or a short prepositional phrase
// "from the two villages". It returns where the verb may start.
func skipAside(toks []facttext.Token, i int) int {
	if i < len(toks) && toks[i].Text == "," && i+1 < len(toks) && toks[i+1].Lower == "including" {
		for k := i + 2; k < len(toks) && k-i <= 16; k++ {
			if toks[k].Text == "," {
				return k + 1
			}
		}
		return i
	}
	if i < len(toks) && (toks[i].Lower == "from" || toks[i].Lower == "of" || toks[i].Lower == "in") {
		for k := i + 1; k < len(toks) && k-i <= 5; k++ {
			if linking[toks[k].Lower] && k > i+1 {
				return k
			}
			if !facttext.IsWord(toks[k].Text) || outcomes[toks[k].Lower] != "" || boundary[toks[k].Lower] {
				break // "one of the people who had fled": a clause, no aside
			}
		}
	}
	return i
}

// countedNoun finds the noun a figure ending at token j counts: "46 Afghan
// civilians", "4 Iraqis", and, with tags, any plural ("40 sadhus"; plural
// is then true). It returns the noun, the token after it (j when there is
// none) and plural.
func countedNoun(toks []facttext.Token, j int) (string, int, bool) {
	limit := 4
	for k := j; k < len(toks) && k-j < limit; k++ {
		if toks[k].Text == "(" && k > j { // "two LeT (Lashkar) militants"
			e := k + 1
			for e < len(toks) && e <= k+4 && toks[e].Text != ")" {
				e++
			}
			if e < len(toks) && toks[e].Text == ")" {
				limit += e - k + 1
				k = e
				continue
			}
		}
		w := toks[k].Lower
		if people[w] || (facttext.IsCap(toks[k].Text) && strings.HasSuffix(w, "s") && len(w) > 4 && k == j) {
			return w, k + 1, false
		}
		if toks[k].XPOS == "NNS" && !notCounted[w] && outcomes[w] == "" && (k+1 >= len(toks) || toks[k+1].XPOS != "NNS" && toks[k+1].XPOS != "NN") {
			return w, k + 1, true // "40 sadhus were arrested"
		}
		if outcomes[w] != "" || !facttext.IsWord(toks[k].Text) && w != "-" && w != "." || notCounted[w] {
			break
		}
		if w == "and" || w == "in" || w == "of" || w == "on" || w == "at" || w == "from" {
			break
		}
	}
	return "", j, false
}

// outcomeAfter reads the outcome after a counted noun ending at token
// objEnd: "12 people were killed", "90 wounded", "three deaths", also past
// an aside ("two persons, including a woman, were killed", "494 people
// from the two villages were killed"). It returns the kind and the
// end of the outcome, or "".
func outcomeAfter(toks []facttext.Token, objEnd int, plural bool) (string, int) {
	m := skipAside(toks, objEnd)
	if m == objEnd && objEnd > 0 && m < len(toks) && toks[m].Lower == "who" {
		m++ // "84 persons who have been killed"
	}
	for start := m; m < len(toks) && m-start < 4 && linking[toks[m].Lower]; {
		m++
	}
	if m >= len(toks) {
		return "", 0
	}
	w := toks[m].Lower
	kind := outcomes[w]
	if plural && !strongOutcomes[w] {
		kind = "" // "20 shops were burnt" counts no one
	}
	if k, e := phraseOutcome(toks, m); k != "" {
		kind, m = k, e-1
	}
	switch {
	case w == "held" && m == objEnd:
		kind = ""
	case w == "held" && m+2 < len(toks) && (toks[m+1].Lower == "hostage" || toks[m+1].Lower == "captive" || toks[m+2].Lower == "ransom"):
		kind, m = "KIDNAP", m+1 // "held hostage", "held at ransom": no arrest
	case w == "lost" && m+2 < len(toks) && toks[m+2].Lower == "lives":
		kind, m = "KILL", m+2
	case (w == "forced" || w == "had") && m+2 < len(toks) && toks[m+2].Lower == "flee":
		kind, m = "DISPLACE", m+2
	case w == "taken" && m+1 < len(toks) && toks[m+1].Lower == "hostage":
		kind, m = "KIDNAP", m+1
	case (w == "killing" || w == "wounding" || w == "injuring" || w == "arresting") && m == objEnd:
		kind = "" // "three killing" is no phrase
	}
	if kind == "" {
		return "", 0
	}
	return kind, m + 1
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
		if w == "no" || w == "single" || p > 0 && toks[p-1].Lower == "none" || p > 1 && toks[p-2].Lower == "none" {
			return true // "no one was hurt", "none of the 12 passengers"
		}
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
