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
	var out []facttext.Token
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
	}
	// 2. The nearest reporting verb before it; for a short quoted phrase
	// ("described her as a “disgrace”") any cue of the sentence, or the
	// subject of a characterization "as (a) “…”".
	before := st.free(sA, t.Sentences[sA].B, sp.Open, false)
	if at := st.nearestBefore(before, false); at != nil {
		return at
	}
	if short := len(strings.Fields(st.t.S[sp.B:sp.E])) <= 3; short {
		if at := st.nearestBefore(before, true); at != nil {
			return at
		}
		n := len(before)
		if n > 0 && (before[n-1].Lower == "as" || (n > 1 && before[n-2].Lower == "as" && determiners[before[n-1].Lower])) {
			if b, e, ok := st.sentenceSubject(sp.Open); ok {
				return st.resolve("", b, e)
			}
		}
	}
	// 3. A reporting verb later in the sentence, or "according to" anywhere.
	for c := range after {
		if lemma, ok := cueOf(after, c); ok && !weakCues[lemma] {
			if at := st.subjectOf(after, c, false); at != nil {
				return at
			}
		}
	}
	// 3a. A reporting verb after a later quote of the same sentence:
	// `Guns are “a crisis” and “stunt growth,” Dean proclaimed.`
	if sp.Closed {
		rest := st.free(sZ, sp.Close, t.Sentences[sZ].E, false)
		if len(rest) > len(after) {
			for c := range rest {
				if lemma, ok := cueOf(rest, c); ok && !weakCues[lemma] {
					if at := st.subjectOf(rest, c, false); at != nil {
						return at
					}
				}
			}
		}
	}
	// 3b. A phrase quoted inside a sentence with no reporting verb is the
	// words of the sentence's subject: "He pledged to relocate the embassy
	// to the “eternal capital”".
	if len(before) > 0 && sA == sZ {
		if at := st.rootSubject(sA); at != nil {
			return at
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
		if len(next) <= 8 {
			if at := st.adjacent(next); at != nil {
				return at
			}
		}
	}
	return nil
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
		if _, ok := cueOf(toks, c); ok {
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

// nearestBefore finds the reporting verb nearest before a quote.
func (st *state) nearestBefore(toks []facttext.Token, anyCue bool) *attribution {
	for c := len(toks) - 1; c >= 0; c-- {
		lemma, ok := cueOf(toks, c)
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
	if j+1 < len(toks) && toks[j+1].Text != ":" && toks[j+1].Text != "," && !isMark(toks[j+1].Text) {
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

// subjectOf makes an attribution from the subject of the cue toks[c]; when
// strict, everything between the start of toks and the cue must be the
// subject (the attribution right after a quote).
func (st *state) subjectOf(toks []facttext.Token, c int, strict bool) *attribution {
	if toks[c].Lower == "according" {
		return st.objectOf(toks, c)
	}
	b, e, ok := -1, -1, false
	if !strict && (strings.HasSuffix(toks[c].Lower, "ing") || (c > 0 && toks[c-1].Lower == "to")) {
		// "…, saying", "took to Twitter to accuse": the clause's subject.
		if b, e, ok = st.sentenceSubject(toks[c].B); ok {
			return st.resolve(toks[c].Lower, b, e)
		}
		return nil
	}
	if st.t.Parsed {
		b, e, ok = st.parseSubject(toks, c)
		if ok && strict && b != toks[0].B {
			return nil
		}
	}
	if !ok {
		var i int
		i, ok = leftNP(toks, c)
		if ok {
			b, e = toks[i].B, npEnd(toks, i, c)
			if strict && i != 0 {
				ok = false
			}
		}
	}
	if !ok {
		return nil
	}
	return st.resolve(toks[c].Lower, b, e)
}

// objectOf makes an attribution from the noun phrase after the cue:
// "said Lavrov", "according to the ministry".
func (st *state) objectOf(toks []facttext.Token, c int) *attribution {
	i := c + 1
	cue := toks[c].Lower
	if cue == "according" {
		cue = "according to"
		i++
	}
	j, ok := rightNP(toks, i)
	if !ok {
		return nil
	}
	return st.resolve(cue, toks[i].B, toks[j].E)
}

// sentenceSubject finds the subject of the sentence holding byte b: its
// first noun phrase, after a leading adverbial phrase ("In July, …").
func (st *state) sentenceSubject(b int) (int, int, bool) {
	si := st.t.SentenceAt(b)
	if si < 0 {
		return 0, 0, false
	}
	toks := st.free(si, st.t.Sentences[si].B, b, true)
	i := dateline(toks)
	if i < len(toks) && (toks[i].UPOS == "ADP" || toks[i].UPOS == "SCONJ" || toks[i].UPOS == "ADV" || boundary[toks[i].Lower] ||
		toks[i].UPOS == "VERB" && (strings.HasSuffix(toks[i].Lower, "ing") || strings.HasSuffix(toks[i].Lower, "ed"))) {
		// "In July, …", "Speaking in Ohio, Trump …"
		for i < len(toks) && toks[i].Text != "," {
			i++
		}
		i++
	}
	j, ok := rightNP(toks, i)
	if !ok || j >= len(toks) || toks[j].B >= b {
		return 0, 0, false
	}
	return toks[i].B, toks[j].E, true
}

// parseSubject finds the nominal subject of the cue in the parse.
func (st *state) parseSubject(toks []facttext.Token, c int) (int, int, bool) {
	si := st.t.SentenceAt(toks[c].B)
	if si < 0 {
		return 0, 0, false
	}
	sent := st.t.Sentences[si].Tokens
	ci := st.t.TokenAt(si, toks[c].B)
	for i, k := range sent {
		if k.Head != ci || (k.Rel != "nsubj" && k.Rel != "nsubj:pass") || st.quoted(k.B) || timeWords[k.Lower] {
			continue
		}
		lo, hi := i, i
		for j := range sent {
			if dominates(sent, i, j) {
				lo, hi = min(lo, j), max(hi, j)
			}
		}
		// Keep the subtree left of the cue and outside quotes.
		for hi > i && (sent[hi].B >= toks[c].B || st.quoted(sent[hi].B)) {
			hi--
		}
		for lo < i && st.quoted(sent[lo].B) {
			lo++
		}
		if k.Lower == "who" && strings.HasPrefix(sent[ci].Rel, "acl") {
			// "Obama, who called the nominee “unfit”": the antecedent
			// and the relative pronoun.
			a := sent[ci].Head
			alo := a
			for j := 0; j < a; j++ {
				if dominates(sent, a, j) {
					alo = j
					break
				}
			}
			for alo < a && (sent[alo].UPOS == "ADP" || sent[alo].Rel == "case") {
				alo++ // "from President Obama, who"
			}
			if a >= 0 && a < i && !st.quoted(sent[alo].B) {
				return sent[alo].B, k.E, true
			}
		}
		if k.UPOS == "PRON" && !pronouns[k.Lower] {
			return 0, 0, false // "that", "which"
		}
		if d := dateline(sent); d > lo && d <= i {
			lo = d // "WASHINGTON (AP) — Sen. Chuck Grassley said"
		}
		return sent[lo].B, sent[hi].E, true
	}
	// "Wilson praised Rubio and said …": a coordinated cue shares the
	// first verb's subject.
	if h := sent[ci].Head; sent[ci].Rel == "conj" && h >= 0 && h < ci {
		for i, k := range sent {
			if k.Head == h && k.Rel == "nsubj" && !st.quoted(k.B) && !timeWords[k.Lower] && (k.UPOS != "PRON" || pronouns[k.Lower]) {
				lo := i
				for j := 0; j < i; j++ {
					if dominates(sent, i, j) {
						lo = j
						break
					}
				}
				return sent[lo].B, sent[i].E, true
			}
		}
	}
	return 0, 0, false
}

// dominates reports whether token a is an ancestor of (or is) token b.
func dominates(sent []facttext.Token, a, b int) bool {
	for n := 0; b >= 0 && n < len(sent); n++ {
		if b == a {
			return true
		}
		b = sent[b].Head
	}
	return false
}

// transcript reads a speaker named at the head of the quote: "PENCE: …".
func (st *state) transcript(sp Span) *attribution {
	s := st.t.S[sp.B:sp.E]
	i := strings.Index(s, ":")
	if i <= 1 || i > 30 {
		return nil
	}
	name := s[:i]
	if strings.ToUpper(name) != name || !facttext.IsCap(name) {
		return nil
	}
	return st.resolve("", sp.B, sp.B+i)
}

// colonName reads a name right before a closing colon of toks.
func (st *state) colonName(toks []facttext.Token) *attribution {
	n := len(toks)
	i, ok := leftNP(toks, n-1)
	if !ok || !facttext.IsCap(toks[n-2].Text) || determiners[toks[i].Lower] || pronouns[toks[i].Lower] {
		return nil
	}
	return st.resolve("", toks[i].B, toks[n-2].E)
}

// rootSubject is the subject of the root verb of sentence si in the parse,
// when it is a name or a personal pronoun and outside quotes.
func (st *state) rootSubject(si int) *attribution {
	sent := st.t.Sentences[si]
	for i, k := range sent.Tokens {
		if k.Rel != "nsubj" || k.Head < 0 || sent.Tokens[k.Head].Rel != "root" || st.quoted(k.B) {
			continue
		}
		if pronouns[k.Lower] {
			if k.Lower == "it" || k.Lower == "you" {
				return nil
			}
			return st.resolve("", k.B, k.E)
		}
		if !facttext.IsCap(k.Text) {
			return nil
		}
		lo := i
		for lo > 0 && facttext.IsCap(sent.Tokens[lo-1].Text) && (sent.Tokens[lo-1].Rel == "compound" || sent.Tokens[lo-1].Rel == "flat" || sent.Tokens[lo-1].Rel == "amod") {
			lo--
		}
		return st.resolve("", sent.Tokens[lo].B, k.E)
	}
	return nil
}

// namedSubject is the subject of sentence si when it is a name (the nsubj
// of its root in the parse, else its first noun phrase).
func (st *state) namedSubject(si int) *attribution {
	sent := st.t.Sentences[si]
	for i, k := range sent.Tokens {
		if k.Rel == "nsubj" && k.Head >= 0 && sent.Tokens[k.Head].Rel == "root" {
			if !facttext.IsCap(k.Text) || pronouns[k.Lower] || st.quoted(k.B) {
				return nil
			}
			lo := i
			for lo > 0 && (sent.Tokens[lo-1].Rel == "compound" || sent.Tokens[lo-1].Rel == "flat") && facttext.IsCap(sent.Tokens[lo-1].Text) {
				lo--
			}
			return st.resolve("", sent.Tokens[lo].B, k.E)
		}
	}
	return nil
}

// inherit gives a quote standing alone the speaker of the quote before it
// (same or previous paragraph), or of a colon introduction just before it.
func (st *state) inherit(sp Span) *attribution {
	t := st.t
	sA := t.SentenceAt(sp.Open)
	if sA < 0 {
		return nil
	}
	before := st.free(sA, t.Sentences[sA].B, sp.Open, false)
	alone := len(before) == 0
	if alone && sA > 0 {
		prev := t.Sentences[sA-1]
		pt := st.free(sA-1, prev.B, prev.E, false)
		if n := len(pt); n > 0 && pt[n-1].Text == ":" {
			if at := st.nearestBefore(pt[:n-1], true); at != nil {
				return at
			}
			if at := st.colonName(pt); at != nil {
				return at // "… former adviser Alfred Kahn:"
			}
		}
	}
	if n := len(before); n > 0 && before[n-1].Text == ":" {
		if at := st.colonName(before); at != nil {
			return at // "Rep. Trey Gowdy:" "…"
		}
	}
	if alone && sA > 0 && st.paraOf(t.Sentences[sA-1].B) == st.paraOf(sp.Open) &&
		(st.last == nil || st.last.para != st.paraOf(sp.Open)) {
		prev := t.Sentences[sA-1]
		if at := st.nearestBefore(st.free(sA-1, prev.B, prev.E, false), false); at != nil {
			return at
		}
	}
	if !alone {
		return nil
	}
	p := st.paraOf(sp.Open)
	if st.last == nil || p-st.last.para > 1 {
		// A quote opening a paragraph after one about a named person is
		// that person's: "Valastro praised … ¶ “We need …”".
		if sA > 0 && t.Sentences[sA].B >= sp.Open-3 && st.paraOf(t.Sentences[sA-1].B) == p-1 {
			return st.namedSubject(sA - 1)
		}
		return nil
	}
	at := *st.last
	at.inherits = true
	return &at
}
