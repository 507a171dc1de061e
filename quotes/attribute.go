package quotes

import (
	"strings"

	"github.com/tidings/tidings/internal/facttext"
)

// quoted reports whether byte b lies inside a quote, marks included.
func (st *state) quoted(b int) bool {
	i := sortSearch(len(st.spans), func(i int) bool { return st.spans[i].Open > b }) - 1
	if i < 0 {
		return false
	}
	sp := st.spans[i]
	end := sp.Close
	if end < sp.E {
		end = sp.E
	}
	return b >= sp.Open && b < max(end, sp.Open+1)
}

func sortSearch(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		m := (lo + hi) / 2
		if !f(m) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// free returns the tokens of sentence si in [from, to) bytes that are not
// inside a quote, stopping at the first quoted token when stopAtQuote.
func (st *state) free(si, from, to int, stopAtQuote bool) []facttext.Token {
	n := 0 // at most this many: allocate once
	for _, k := range st.t.Sentences[si].Tokens {
		if k.B >= from && k.E <= to {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]facttext.Token, 0, n)
	for _, k := range st.t.Sentences[si].Tokens {
		if k.B < from || k.E > to {
			continue
		}
		if st.quoted(k.B) || isMark(k.Text) {
			if stopAtQuote && len(out) > 0 {
				break
			}
			continue
		}
		out = append(out, k)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func isDash(s string) bool {
	switch s {
	case "—", "-", "–", "―", "--":
		return true
	}
	return false
}

func isMark(s string) bool {
	switch s {
	case "\"", "“", "”", "``", "''":
		return true
	}
	return false
}

// attribute finds the speaker of a quote from its own sentence(s) and the
// one that follows.
func (st *state) attribute(sp Span) *attribution {
	t := st.t
	sA := t.SentenceAt(sp.Open)
	if sA < 0 {
		return nil
	}
	sZ := t.SentenceAt(max(sp.Close-1, sp.Open))
	if sZ < 0 {
		sZ = sA
	}
	// 1. A reporting verb right after the quote.
	after := st.free(sZ, sp.Close, t.Sentences[sZ].E, true)
	if sp.Closed {
		if at := st.adjacent(after); at != nil {
			return at
		}
		if at := st.adjacentVerb(sp, after); at != nil {
			return at
		}
	}
	// 2. The nearest reporting verb before it.
	before := st.free(sA, t.Sentences[sA].B, sp.Open, false)
	if at := st.before(sp, before); at != nil {
		return at
	}
	// 3. A reporting verb later in the sentence, or "according to" anywhere.
	if at := st.later(sp, sZ, after); at != nil {
		return at
	}
	// 3b. A colon introduction: "Rep. Trey Gowdy:", "HEADLINE - Name:".
	if n := len(before); n > 1 && before[n-1].Text == ":" {
		if at := st.colonName(before); at != nil {
			return at
		}
	}
	// 3c. A phrase quoted inside a sentence with no reporting verb is the
	// words of the sentence's subject: "He pledged to relocate the embassy
	// to the “eternal capital”". A thing as subject ("The ad hits Clinton
	// for “…”") is kept only if nothing better follows.
	var weak *attribution
	if len(before) > 0 && sA == sZ {
		if weak = st.rootSubject(sA); weak != nil && !weak.weak {
			return weak
		}
	}
	// 4. "NAME: …" inside a transcript quote.
	if at := st.transcript(sp); at != nil {
		return at
	}
	// 5. A short attribution sentence right after a quote that ends its
	// sentence: `"…." Trump said.`
	if len(after) == 0 && sZ+1 < len(t.Sentences) && st.paraOf(t.Sentences[sZ+1].B) == st.paraOf(sp.Close) {
		next := st.free(sZ+1, t.Sentences[sZ+1].B, t.Sentences[sZ+1].E, true)
		if len(next) <= 8 || openingAttribution(next) {
			if at := st.adjacent(next); at != nil {
				return at
			}
			if at := st.adjacentVerb(sp, next); at != nil {
				return at // `“…?” ¶ Hannity pressed.`
			}
		}
	}
	return weak
}

// before reads the attribution before a quote in its sentence: the nearest
// reporting verb; for a short quoted phrase ("described her as a
// “disgrace”") any cue of the sentence, or the subject of a
// characterization "as (a) “…”".
func (st *state) before(sp Span, before []facttext.Token) *attribution {
	if at := st.nearestBefore(before, false); at != nil {
		return at
	}
	if short := len(strings.Fields(st.t.S[sp.B:sp.E])) <= 3; !short {
		return nil
	}
	if at := st.nearestBefore(before, true); at != nil {
		return at
	}
	n := len(before)
	if n > 0 && (before[n-1].Lower == "as" || (n > 1 && before[n-2].Lower == "as" && determiners[before[n-1].Lower])) {
		if b, e, ok := st.sentenceSubject(sp.Open); ok {
			return st.resolve("", b, e)
		}
	}
	return nil
}

// later reads a reporting verb later in the quote's last sentence sZ
// (after holds its free tokens up to the next quote), also past a later
// quote of the sentence: `Guns are “a crisis” and “stunt growth,” Dean
// proclaimed.`
func (st *state) later(sp Span, sZ int, after []facttext.Token) *attribution {
	for c := range after {
		if lemma, ok := cueOf(after, c); ok && !weakCues[lemma] {
			if c >= 2 && (after[c-2].Lower == "which" || after[c-2].Lower == "that") && pronouns[after[c-1].Lower] {
				continue // `cited “…” policies, which he said had …`: another clause
			}
			if at := st.invertedComma(after, c); at != nil && sp.Closed {
				// `"…" that Sanders can win, said Steve Elmendorf.`
				return at
			}
			if at := st.subjectOf(after, c, false); at != nil {
				return at
			}
		}
	}
	if !sp.Closed {
		return nil
	}
	rest := st.free(sZ, sp.Close, st.t.Sentences[sZ].E, false)
	if len(rest) <= len(after) {
		return nil
	}
	for c := range rest {
		if lemma, ok := cueOf(rest, c); ok && !weakCues[lemma] {
			if at := st.subjectOf(rest, c, false); at != nil {
				return at
			}
		}
	}
	return nil
}

// openingAttribution reports whether a sentence opens with a short subject
// and a reporting verb that takes no clause: `McDonough wrote in a
// September email …`, `Renteria told reporters during …` (but not `Trump
// said the economy …`, which reports something else).
func openingAttribution(toks []facttext.Token) bool {
	for c := 1; c < len(toks) && c <= 4; c++ {
		if _, ok := cueOf(toks, c); !ok {
			continue
		}
		n := c + 1
		if toks[c].Lower == "told" || toks[c].Lower == "tells" {
			for n < len(toks) && n <= c+3 && (toks[n].UPOS == "NOUN" || toks[n].UPOS == "PROPN" || toks[n].UPOS == "DET" || toks[n].UPOS == "PRON") {
				n++
			}
		}
		return n >= len(toks) || toks[n].UPOS == "ADP" || toks[n].UPOS == "PUNCT" || timeWords[toks[n].Lower]
	}
	return false
}

// adjacent reads an attribution that starts right after a quote:
// `he said`, `said Lavrov`, `the minister told reporters`, `according to X`.
func (st *state) adjacent(toks []facttext.Token) *attribution {
	i, dash := 0, false
	for i < len(toks) && (toks[i].Text == "," || isDash(toks[i].Text)) {
		dash = dash || isDash(toks[i].Text)
		i++
	}
	toks = toks[i:]
	if dash && len(toks) > 0 && facttext.IsCap(toks[0].Text) {
		if _, cue := cueOf(toks, 0); !cue {
			// "… ” ― Francisco Herrero": a signature.
			if j, ok := rightNP(toks, 0); ok {
				return st.resolve("", toks[0].B, toks[j].E)
			}
		}
	}
	for c := 0; c < len(toks) && c < 18; c++ {
		if _, ok := cueOf(toks, c); ok || adjacentCue(toks, c) {
			if c == 0 && strings.HasSuffix(toks[c].Lower, "ing") {
				// "…,” telling reporters": the participle's subject,
				// not its object.
				return st.subjectOf(toks, c, false)
			}
			if c == 0 {
				return st.objectOf(toks, c)
			}
			return st.subjectOf(toks, c, true)
		}
		if toks[c].Text == "." || toks[c].Text == ";" || (toks[c].Text == "," && c < 1) {
			break
		}
	}
	return nil
}

// adjacentVerb reads `“…?” Hannity pressed.` and `“…,” the host
// started`: a quote left open by a comma, question or exclamation mark and
// followed by a short clause, subject and verb, whatever the verb: that
// clause says who spoke.
func (st *state) adjacentVerb(sp Span, toks []facttext.Token) *attribution {
	q := strings.TrimRight(st.t.S[sp.B:sp.E], "\"'”’ ")
	if !strings.HasSuffix(q, ",") && !strings.HasSuffix(q, "?") && !strings.HasSuffix(q, "!") {
		return nil
	}
	for c := 1; c < len(toks) && c <= 5; c++ {
		k := toks[c]
		if k.UPOS == "PUNCT" {
			return nil
		}
		if k.UPOS != "VERB" || k.XPOS != "VBD" && k.XPOS != "VBZ" {
			continue
		}
		n := c + 1
		if n < len(toks) && toks[n].UPOS == "ADV" {
			n++
		}
		if n < len(toks) && toks[n].Text != "." && toks[n].Text != "," && toks[n].UPOS != "ADP" && !timeWords[toks[n].Lower] {
			return nil
		}
		return st.subjectOf(toks, c, true)
	}
	return nil
}

// adjacentCue accepts right after a quote a finite reporting verb the
// tagger took for a noun: `“…,” the letter reads`, `“…,” declares Stephanie
// Acs`. There a verb form of a cue after a noun phrase (or before a name)
// is the attribution.
func adjacentCue(toks []facttext.Token, c int) bool {
	k := toks[c]
	l, ok := cueForms[k.Lower]
	if !ok || strings.HasSuffix(k.Lower, "ing") || k.UPOS != "NOUN" {
		return false // only -s and -ed forms ("reads", "declared")
	}
	if k.Lower == l {
		// The base form ("the article read.") only at the end of the
		// clause, where it cannot be a noun in a compound.
		if c == 0 || c+1 < len(toks) && toks[c+1].UPOS != "PUNCT" && toks[c+1].UPOS != "ADP" && !timeWords[toks[c+1].Lower] {
			return false
		}
	}
	if c == 0 {
		return c+1 < len(toks) && facttext.IsCap(toks[c+1].Text)
	}
	p := toks[c-1]
	return p.UPOS == "NOUN" || p.UPOS == "PROPN" || p.UPOS == "PRON" && pronouns[p.Lower]
}

// nearestBefore finds the reporting verb nearest before a quote.
func (st *state) nearestBefore(toks []facttext.Token, anyCue bool) *attribution {
	for c := len(toks) - 1; c >= 0; c-- {
		lemma, ok := cueOf(toks, c)
		if !ok && c > 0 && adjacentCue(toks, c) && (c+1 == len(toks) || toks[c+1].Lower == "that" || toks[c+1].Text == ":" || toks[c+1].Text == ",") {
			lemma, ok = cueForms[toks[c].Lower], true // "The ad claims “…”"
		}
		if !ok {
			continue
		}
		if !anyCue && ((weakCues[lemma] && len(toks)-c > 4) || (c > 0 && toks[c-1].Lower == "to" && len(toks)-c > 4)) {
			continue // a weak or infinitival cue far from the quote
		}
		if at := st.subjectOf(toks, c, false); at != nil {
			if named := st.namedBefore(toks, c, at); named != nil {
				return named
			}
			return at
		}
		if at := st.invertedObject(toks, c); at != nil && !weakCues[lemma] {
			return at // "Said Lavrov: …"
		}
	}
	return nil
}

// invertedComma reads an inverted attribution set off by commas inside a
// sentence: `China's influence has grown, said Nargis Kassenova, an
// expert …`, `The trouble with the plan, says Ana Ruiz, is that …`. The
// name after the cue must not be a time ("…, said Tuesday").
func (st *state) invertedComma(toks []facttext.Token, c int) *attribution {
	if c == 0 || toks[c-1].Text != "," || c+1 >= len(toks) || strings.HasSuffix(toks[c].Lower, "ing") || toks[c].Lower == "according" {
		return nil
	}
	n := toks[c+1]
	if timeWords[n.Lower] || months[n.Lower] || !facttext.IsCap(n.Text) && !determiners[n.Lower] && n.UPOS != "ADJ" && n.UPOS != "NOUN" {
		return nil
	}
	return st.invertedObject(toks, c)
}

// invertedObject is the speaker after a cue that introduces a quote
// ("Said Lavrov: …", "… added the minister, “…"): the noun phrase after
// the cue must run up to the quote or to a colon or comma before it, so
// that "said the senator can “bring change”" names no one.
func (st *state) invertedObject(toks []facttext.Token, c int) *attribution {
	i := c + 1
	if toks[c].Lower == "according" {
		i++
	}
	j, ok := rightNP(toks, i)
	if !ok {
		return nil
	}
	if j+1 < len(toks) && toks[j+1].Text != ":" && toks[j+1].Text != "," && toks[j+1].Text != "." && !isMark(toks[j+1].Text) {
		return nil
	}
	return st.objectOf(toks, c)
}

// namedBefore replaces a pronoun speaker ("hungry for what she calls
// “real solutions”") by the named subject of an earlier reporting verb of
// the sentence ("Hillary Clinton says …"), the mention the attribution
// rests on.
func (st *state) namedBefore(toks []facttext.Token, c int, at *attribution) *attribution {
	m := strings.ToLower(st.t.S[at.mb:at.me])
	if m != "he" && m != "she" && m != "they" || at.mb < toks[0].B {
		return nil
	}
	for k := c - 1; k >= 0; k-- {
		if toks[k].B < at.me {
			if lemma, ok := cueOf(toks, k); ok && !weakCues[lemma] {
				if prev := st.subjectOf(toks, k, false); prev != nil && !pronouns[strings.ToLower(st.t.S[prev.mb:prev.me])] {
					return prev
				}
			}
		}
	}
	return nil
}

// cueOf reports whether toks[c] is a reporting verb (or "according" in
// "according to") and gives its lemma.
func cueOf(toks []facttext.Token, c int) (string, bool) {
	k := toks[c]
	if k.Lower == "according" {
		return "according to", c+1 < len(toks) && toks[c+1].Lower == "to"
	}
	// A cue used as a noun ("the report", "his statement") is none; the
	// tagger's own VERB/NOUN choice is not trusted for these words.
	if c > 0 && (determiners[toks[c-1].Lower] || toks[c-1].Lower == "his" || toks[c-1].Lower == "her" ||
		toks[c-1].UPOS == "ADJ" && k.UPOS != "VERB" || toks[c-1].UPOS == "DET") {
		return "", false
	}
	if (k.Lemma == "point" || k.Lower == "points" || k.Lower == "pointed") && (c+1 >= len(toks) || toks[c+1].Lower != "out") {
		return "", false // only "pointed out"
	}
	if (k.Lower == "put" || k.Lower == "puts") && c+1 < len(toks) && toks[c+1].Lower == "it" && c > 1 {
		for j := c - 1; j >= 0 && c-j <= 8; j-- {
			if toks[j].Lower == "as" {
				return "put it", true // "as one analyst put it"
			}
		}
	}
	if (k.Lower == "shot" || k.Lower == "fired" || k.Lower == "hit" || k.Lower == "wrote") && c+1 < len(toks) && toks[c+1].Lower == "back" {
		return "retort", true // "Bennett shot back"
	}
	if k.UPOS == "ADJ" || k.UPOS == "ADP" || k.UPOS == "PROPN" {
		return "", false
	}
	if k.UPOS == "NOUN" && (c == 0 || (toks[c-1].UPOS != "PROPN" && toks[c-1].UPOS != "PRON")) {
		return "", false // "tweets", "remarks" unless right after a name
	}
	if c+1 < len(toks) && toks[c+1].Text == "-" && toks[c+1].B == k.E {
		return "", false // state-of-the-state
	}
	if l, ok := cueForms[k.Lemma]; ok {
		return l, true
	}
	l, ok := cueForms[k.Lower]
	return l, ok
}
