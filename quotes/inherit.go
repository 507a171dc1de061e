package quotes

import (
	"strings"

	"github.com/tidings/tidings/internal/facttext"
)

// This file attributes quotes that stand alone: colon introductions,
// transcript turns and the speaker carried over from the quote before.

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

// onlyConnectives reports whether toks hold nothing but connectives and
// punctuation ("Instead, “…”", "But “…”"): a quote after them stands
// alone.
func onlyConnectives(toks []facttext.Token) bool {
	for _, k := range toks {
		if k.Text == ":" || k.UPOS != "PUNCT" && k.UPOS != "CCONJ" && k.UPOS != "ADV" && !sentenceAdverbs[k.Lower] {
			return false
		}
	}
	return true
}

// colonSubject is the speaker of a colon introduction whatever its verb
// ("She then turned to the crowd:", "A 19-year-old student
// echoed:"): the subject of the verb governing the colon at byte colon in
// sentence si, when the parse has one that can speak (a name, a noun
// phrase or a personal pronoun, not "it" or "there").
func (st *state) colonSubject(si, colon int) *attribution {
	if !st.t.Parsed {
		return nil
	}
	sent := st.t.Sentences[si].Tokens
	ci := st.t.TokenAt(si, colon)
	if ci < 0 || ci >= len(sent) {
		return nil
	}
	// The verb: the clause head the colon hangs on, or the nearest one
	// above it with a subject ("The mayor has since apologised for what
	// happened:").
	for v, n := sent[ci].Head, 0; v >= 0 && n < 4; v, n = sent[v].Head, n+1 {
		if at := st.clauseSubject(sent, v, colon); at != nil {
			return at
		}
	}
	return nil
}

// clauseSubject is the speaker that can be the subject of token v: a name,
// a noun phrase or a personal pronoun other than "it", before byte limit.
func (st *state) clauseSubject(sent []facttext.Token, v, limit int) *attribution {
	for i, k := range sent {
		if k.Head != v || k.Rel != "nsubj" || k.B > limit || st.quoted(k.B) || timeWords[k.Lower] || sentenceAdverbs[k.Lower] {
			continue
		}
		if k.UPOS == "PRON" && (!pronouns[k.Lower] || k.Lower == "it" || k.Lower == "you") ||
			k.UPOS != "PRON" && k.UPOS != "NOUN" && k.UPOS != "PROPN" {
			return nil
		}
		lo := i
		for j := 0; j < i; j++ {
			if dominates(sent, i, j) {
				lo = j
				break
			}
		}
		for lo < i && st.quoted(sent[lo].B) {
			lo++
		}
		return st.resolve("", sent[lo].B, k.E)
	}
	return nil
}

// colonName reads a name right before a closing colon of toks.
func (st *state) colonName(toks []facttext.Token) *attribution {
	n := len(toks)
	if n < 2 {
		return nil
	}
	// "HEADLINE - Michael P. McDonald:": the name after a spaced dash.
	for k := n - 3; k > 0 && k >= n-8; k-- {
		if isDash(toks[k].Text) && toks[k].B > toks[k-1].E {
			return st.resolve("", toks[k+1].B, toks[n-2].E)
		}
		if !facttext.IsCap(toks[k].Text) {
			break
		}
	}
	i, ok := leftNP(toks, n-1)
	if !ok {
		return nil
	}
	if !facttext.IsCap(toks[n-2].Text) || determiners[toks[i].Lower] || pronouns[toks[i].Lower] {
		return nil
	}
	return st.resolve("", toks[i].B, toks[n-2].E)
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
	alone := len(before) == 0 || onlyConnectives(before)
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
			if at := st.colonSubject(sA-1, pt[n-1].B); at != nil {
				return at // "A 19-year-old student echoed:"
			}
		}
	}
	if n := len(before); n > 0 && before[n-1].Text == ":" {
		if at := st.colonName(before); at != nil {
			return at // "Rep. Trey Gowdy:" "…"
		}
		if at := st.colonSubject(sA, before[n-1].B); at != nil {
			return at // "The report lists a few facts: “…”"
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
	// The same person named again as the subject of the sentence just
	// before ("Viguerie is upbeat … ¶ “Not only …”"): the nearer mention.
	if sA > 0 && at.me > 0 && st.paraOf(t.Sentences[sA-1].B) >= p-1 {
		if near := st.namedSubject(sA - 1); near != nil && near.mb > at.mb && lastWord(st.t.S[near.mb:near.me]) == lastWord(st.t.S[at.mb:at.me]) {
			at.mb, at.me = near.mb, near.me
		}
	}
	return &at
}

// lastWord is the last word of a mention, without punctuation.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ",.;:’'")
}
