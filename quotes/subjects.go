package quotes

import (
	"strings"

	"github.com/tidings/tidings/internal/facttext"
)

// This file finds the subject of a reporting verb: from the parse when
// there is one, else from the noun phrases around the verb.

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
		if at := st.participleOwner(toks, c); at != nil {
			return at
		}
		if b, e, ok = st.sentenceSubject(toks[c].B); ok {
			return st.resolve(toks[c].Lower, b, e)
		}
		if b, e, ok = st.participleSubject(toks, c); ok {
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
	if i+1 < len(toks) && sentenceAdverbs[toks[i].Lower] && toks[i+1].Text == "," {
		i += 2 // "Meanwhile, it attacked Trump, saying …"
	}
	if i < len(toks) && (toks[i].UPOS == "ADP" || toks[i].UPOS == "SCONJ" || toks[i].UPOS == "ADV" || boundary[toks[i].Lower] && !pronouns[toks[i].Lower] ||
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
	return st.parseSubjectAt(si, st.t.TokenAt(si, toks[c].B), toks[c].B)
}

// participleSubject is the speaker of a participle cue in the parse ("with
// Gorka noting", "Lee went after Ortiz, calling him …", "Trump has hailed
// the vote, telling reporters …"): its own subject, else the subject of
// the verb it depends on.
func (st *state) participleSubject(toks []facttext.Token, c int) (int, int, bool) {
	si := st.t.SentenceAt(toks[c].B)
	if si < 0 || !st.t.Parsed {
		return 0, 0, false
	}
	sent := st.t.Sentences[si].Tokens
	ci := st.t.TokenAt(si, toks[c].B)
	for n := 0; n < 3 && ci >= 0 && ci < len(sent); n++ {
		if b, e, ok := st.parseSubjectAt(si, ci, toks[c].B); ok && e <= toks[c].B {
			return b, e, true
		}
		switch sent[ci].Rel {
		case "advcl", "xcomp", "conj", "acl":
			ci = sent[ci].Head
		default:
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// participleOwner reads the subject of a participle cue from the words
// before it: an absolute construction names it ("with Sen. John McCain
// calling it …", "– Ryan saying …", "and Trump calling …"), and after a
// finite cue it is that cue's speaker ("…, Spicer said, adding, “…”").
func (st *state) participleOwner(toks []facttext.Token, c int) *attribution {
	if !strings.HasSuffix(toks[c].Lower, "ing") || c == 0 {
		return nil
	}
	if i, ok := leftNP(toks, c); ok && i > 0 && npEnd(toks, i, c) == toks[c-1].E {
		p := toks[i-1]
		name := toks[c-1].UPOS == "PROPN" || pronouns[toks[c-1].Lower] && toks[c-1].Lower != "it"
		if p.Lower == "with" && (name || toks[c-1].UPOS == "NOUN") ||
			(isDash(p.Text) || p.Lower == "and") && name {
			return st.resolve(toks[c].Lower, toks[i].B, toks[c-1].E)
		}
	}
	if toks[c-1].Text != "," {
		return nil
	}
	for k := c - 2; k >= 0 && c-k <= 12; k-- {
		if toks[k].Text == ";" {
			return nil
		}
		if _, ok := cueOf(toks, k); !ok || strings.HasSuffix(toks[k].Lower, "ing") {
			continue
		}
		if at := st.subjectOf(toks, k, false); at != nil {
			at.cue = toks[c].Lower
			return at
		}
		return nil
	}
	return nil
}

// agentOf is the "by" agent of a passive cue ("Sanders was asked by host
// Bill Maher"), the one who spoke.
func (st *state) agentOf(sent []facttext.Token, ci int) (int, int, bool) {
	for i, k := range sent {
		if k.Head != ci || !strings.HasPrefix(k.Rel, "obl") || st.quoted(k.B) {
			continue
		}
		by := false
		for _, d := range sent {
			if d.Head == i && d.Rel == "case" && d.Lower == "by" {
				by = true
			}
		}
		if !by || (k.UPOS != "PROPN" && k.UPOS != "NOUN") {
			continue
		}
		lo, hi := i, i
		for lo > 0 && sent[lo-1].Head == i && sent[lo-1].Rel != "case" && sent[lo-1].Rel != "punct" {
			lo--
		}
		for lo > 0 && (sent[lo-1].Rel == "compound" || sent[lo-1].Rel == "flat") {
			lo--
		}
		// "by host Bill Maher": the name in apposition after the head
		// (its first name a flat or compound part of it).
		for hi+1 < len(sent) && (sent[hi+1].Rel == "appos" || sent[hi+1].Rel == "flat" || sent[hi+1].Rel == "compound") && dominates(sent, i, hi+1) {
			hi++
		}
		return sent[lo].B, sent[hi].E, true
	}
	return 0, 0, false
}

// parseSubjectAt finds the subject of token ci of sentence si in the
// parse, cut at byte cueB.
func (st *state) parseSubjectAt(si, ci, cueB int) (int, int, bool) {
	sent := st.t.Sentences[si].Tokens
	if ci < 0 || ci >= len(sent) {
		return 0, 0, false
	}
	// The parser sometimes hangs a dateline or a sentence adverb on the
	// cue as a second subject ("LONDON (Reuters) - Trump said",
	// "Meanwhile, …, Trump said"): the subject nearest the cue wins.
	subj := -1
	for i, k := range sent {
		if k.Head == ci && (k.Rel == "nsubj" || k.Rel == "nsubj:pass") && !st.quoted(k.B) && !timeWords[k.Lower] && !sentenceAdverbs[k.Lower] &&
			(subj < 0 || i < ci) {
			subj = i
		}
	}
	for i, k := range sent {
		if i != subj {
			continue
		}
		lo, hi := i, i
		for j := range sent {
			if dominates(sent, i, j) {
				lo, hi = min(lo, j), max(hi, j)
			}
		}
		if k.Rel == "nsubj:pass" {
			if b, e, ok := st.agentOf(sent, ci); ok {
				return b, e, true
			}
		}
		// Keep the subtree left of the cue and outside quotes.
		for hi > i && (sent[hi].B >= cueB || st.quoted(sent[hi].B)) {
			hi--
		}
		for lo < i && st.quoted(sent[lo].B) {
			lo++
		}
		if k.Lower == "who" && strings.HasPrefix(sent[ci].Rel, "acl") {
			if b, ok := st.antecedent(sent, ci, i); ok {
				return b, k.E, true
			}
		}
		if k.UPOS == "PRON" && !pronouns[k.Lower] {
			return 0, 0, false // "that", "which"
		}
		// "WASHINGTON (AP) — Sen. Chuck Grassley said"; the parser may
		// also make the dateline the subject and the name its appos.
		if d := dateline(sent); d > lo && d <= hi {
			lo = d
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

// antecedent is the start of the noun phrase a relative clause headed by
// token ci hangs on, whose relative pronoun is token who: "Obama, who
// called the nominee “unfit”" is the antecedent and the pronoun.
func (st *state) antecedent(sent []facttext.Token, ci, who int) (int, bool) {
	a := sent[ci].Head
	if a < 0 || a >= who {
		return 0, false
	}
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
	if st.quoted(sent[alo].B) {
		return 0, false
	}
	return sent[alo].B, true
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
		if k.UPOS == "NOUN" && !facttext.IsCap(k.Text) {
			// "The new ad hits the mayor for taking “…”": a noun phrase
			// with its determiner and modifiers.
			lo := i
			for lo > 0 && sent.Tokens[lo-1].Head == i && !st.quoted(sent.Tokens[lo-1].B) &&
				(sent.Tokens[lo-1].Rel == "det" || sent.Tokens[lo-1].Rel == "compound" || sent.Tokens[lo-1].Rel == "amod" ||
					sent.Tokens[lo-1].Rel == "nmod:poss" || sent.Tokens[lo-1].Rel == "flat") {
				lo--
			}
			if lo == i && i > 0 {
				return nil // a bare noun: "people"
			}
			at := st.resolve("", sent.Tokens[lo].B, k.E)
			at.weak = true
			return at
		}
		if !facttext.IsCap(k.Text) || k.UPOS == "PRON" || k.UPOS == "DET" || k.UPOS == "NUM" {
			return nil // "That", "One": capitalized only as the first word
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
			if !facttext.IsCap(k.Text) || pronouns[k.Lower] || st.quoted(k.B) || (k.UPOS != "PROPN" && k.UPOS != "") {
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
