// Package quotes finds direct quotations in an article and who said them.
//
// A quote is a stretch of text between double quotation marks (straight or
// curly; see FindSpans for paragraphs that run on). Quoted titles of works
// ("Fox News Sunday"), nicknames (Joaquin "El Chapo" Guzman) and quoted
// terms after "so-called"/"dubbed"/"known as" are not quotations; nor is a
// short quoted term (three words or fewer) when its sentence gives nobody
// who could have said it (no reporting verb, no named or pronoun subject):
// that is a scare quote. Longer quotes are kept even without a speaker.
//
// The speaker is found from the sentence around the quote, in this order:
// a reporting verb right after the quote ("…," Trump said / "…," said
// Lavrov / "…," according to X / "…" ― Name), or any verb there when the
// quote ends in a comma or question mark ("…?" Hannity pressed); the
// nearest reporting verb before it in the sentence (Trump implored, "…";
// He stated he was putting "…"); for short phrases any cue of the sentence
// or the subject of "as (a) “…”"; a reporting verb later in the sentence,
// also inverted between commas (`"…" that he can win, said Tom Reyes`); a
// name before a colon ("HEADLINE - David Wasserman: “…”"); for a phrase
// quoted inside a sentence, the subject of the sentence's main verb (a
// thing, "The ad hits Clinton for “…”", only for longer quotes); the
// sentence that follows when it opens with an attribution (`"…." Trump
// said.`); a colon introduction whatever its verb ("X said:", "She then
// addressed the crowd:"); and for a quote standing alone (or after a mere
// "But", "Instead,"), the speaker of the previous quote in the same or the
// previous paragraph, or the named subject of the paragraph just before.
//
// The subject of the verb comes from the dependency parse when there is
// one (nsubj, the one nearest the verb, so that a dateline or "Meanwhile"
// is skipped; the "by" agent of a passive: "was asked by host Bill
// Maher"), else from the noun phrase next to the verb. A participle cue
// ("…, saying", "calling him “…”") takes its own subject in an absolute
// construction ("with Sen. Ana Ruiz calling it …"), the speaker of a
// reporting verb just before it ("…, Spicer said, adding, “…”"), else the
// clause's subject. Pronouns and descriptions ("he", "the US president")
// are resolved to a canonical entity of Article.Entities: pronouns to the
// last speaker or the last person named, descriptions by role and country.
package quotes

import (
	"context"
	"errors"
	"sort"
	"strings"
	"unicode"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

// Extractor finds quotes. It holds no state and is safe for concurrent use.
type Extractor struct{}

// New returns a quote extractor.
func New() *Extractor { return &Extractor{} }

// Annotate adds the article's quotes to a.Quotes.
func (x *Extractor) Annotate(ctx context.Context, doc *nlp.Doc, a *tidings.Article) error {
	if a == nil {
		return errors.New("quotes: nil article")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Quotes = append(a.Quotes, Extract(facttext.For(ctx, doc, a.Text), a.Entities)...)
	return nil
}

// attribution is who a quote rests on.
type attribution struct {
	cue      string
	mb, me   int // speaker mention, bytes; me == 0: none
	entity   *tidings.Entity
	name     string
	para     int
	inherits bool
	// weak attributions (a thing as subject: "The ad hits Clinton for
	// “…”") name a source but do not make a short quoted term a quote.
	weak bool
}

type state struct {
	t      *facttext.Text
	spans  []Span
	ents   []tidings.Entity
	paras  []int // byte offsets where paragraphs start
	last   *attribution
	seen   map[string]bool
	quotes []tidings.Quote
}

// Extract returns the quotes of t, resolving speakers against ents.
func Extract(t *facttext.Text, ents []tidings.Entity) []tidings.Quote {
	st := &state{t: t, ents: ents, seen: map[string]bool{}}
	st.paras = append(st.paras, 0)
	for i := 0; i < len(t.S); i++ {
		if t.S[i] == '\n' && i+1 < len(t.S) && t.S[i+1] != '\n' {
			st.paras = append(st.paras, i+1)
		}
	}
	// Spans that are not quotations (nicknames, titles) do not hide the
	// words around them from the attribution.
	all := FindSpans(t.S)
	for _, sp := range all {
		if !st.reject(sp) {
			st.spans = append(st.spans, sp)
		}
	}
	for i := range st.spans {
		st.one(i)
	}
	return st.quotes
}

func (st *state) paraOf(b int) int {
	return sort.SearchInts(st.paras, b+1) - 1
}

// one handles the i-th quote span.
func (st *state) one(i int) {
	sp := st.spans[i]
	at := st.attribute(sp)
	short := len(strings.Fields(st.t.S[sp.B:sp.E])) <= 3
	if at == nil || at.weak && short {
		at = st.inherit(sp)
	}
	if at == nil && short {
		return // a scare quote: a short term nobody is said to have said
	}
	q := tidings.Quote{Text: st.t.S[sp.B:sp.E], Start: st.t.CP(sp.B), End: st.t.CP(sp.E), Partial: st.partial(sp)}
	if sA := st.t.SentenceAt(sp.Open); sA >= 0 {
		sZ := st.t.SentenceAt(max(sp.Close-1, sp.Open))
		if sZ < 0 {
			sZ = sA
		}
		span := st.t.Span(st.t.Sentences[sA].B, st.t.Sentences[sZ].E)
		q.Sentence = &span
	}
	if at != nil {
		q.Cue = at.cue
		if at.me > 0 {
			m := st.t.Span(at.mb, at.me)
			q.SpeakerMention = &m
		}
		if at.entity != nil {
			name := at.entity.Name
			q.Speaker, q.SpeakerEntity = &name, at.entity.ID
		} else if at.name != "" {
			name := at.name
			q.Speaker = &name
		}
		if !at.inherits && !at.weak {
			at.para = st.paraOf(sp.Open)
			st.last = at
		}
	}
	key := q.Text
	if q.SpeakerMention != nil {
		key += "\x00" + q.SpeakerMention.Text
	}
	if st.seen[key] && len(strings.Fields(q.Text)) > 2 {
		return
	}
	st.seen[key] = true
	st.quotes = append(st.quotes, q)
}

// partial reports whether the quote is a fragment inside a sentence rather
// than a whole quoted sentence.
func (st *state) partial(sp Span) bool {
	s := st.t.S
	last := strings.TrimRight(s[sp.B:sp.E], "\"'”’ ")
	if strings.HasSuffix(last, ".") || strings.HasSuffix(last, "?") || strings.HasSuffix(last, "!") ||
		strings.HasSuffix(last, ",") || strings.HasSuffix(last, "…") || sp.Paragraphs > 1 {
		return false
	}
	before := strings.TrimRightFunc(s[:sp.Open], unicode.IsSpace)
	if before == "" || strings.HasSuffix(before, ":") || strings.HasSuffix(before, "\n") {
		return false
	}
	if si := st.t.SentenceAt(sp.Open); si >= 0 && st.t.Sentences[si].B >= sp.Open {
		return false // the quote opens its sentence
	}
	return true
}

// reject reports quoted stretches that are not quotations: markup values,
// nicknames, titles of works and terms after "so-called" and the like.
func (st *state) reject(sp Span) bool {
	s := st.t.S
	content := s[sp.B:sp.E]
	if !strings.ContainsFunc(content, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return true
	}
	if sp.Open > 0 && s[sp.Open-1] == '=' {
		return true
	}
	words := strings.Fields(content)
	prev := prevWords(s[:sp.Open], 2)
	next := nextWord(s[sp.Close:])
	p1 := ""
	if len(prev) > 0 {
		p1 = prev[len(prev)-1]
	}
	if len(words) <= 3 && facttext.IsCap(p1) && facttext.IsCap(next) && facttext.IsCap(words[0]) &&
		!strings.HasSuffix(p1, ".") && !strings.HasSuffix(p1, ":") && !strings.HasSuffix(p1, ",") {
		return true // nickname: Marcia "Cia" Price
	}
	lp1 := strings.ToLower(strings.Trim(p1, ",;:"))
	if len(words) <= 8 && titleCase(words) && !strings.ContainsAny(content[:len(content)-1], ".?!") &&
		(titleCues[lp1] || strings.HasSuffix(lp1, "'s") || strings.HasSuffix(lp1, "’s")) {
		return true // title of a work
	}
	if len(words) <= 3 && (scareCues[lp1] || (lp1 == "as" && len(prev) == 2 && strings.ToLower(prev[0]) == "known")) {
		return true
	}
	return false
}

// titleCase reports whether every long word of a phrase is capitalized.
func titleCase(words []string) bool {
	n := 0
	for _, w := range words {
		w = strings.Trim(w, ",.:;!?\"'()")
		if len(w) <= 3 && !facttext.IsCap(w) {
			continue // of, the, and
		}
		if !facttext.IsCap(w) && !unicode.IsDigit([]rune(w + " ")[0]) {
			return false
		}
		n++
	}
	return n > 0
}

func prevWords(s string, n int) []string {
	f := strings.Fields(s[max(0, len(s)-80):])
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return f
}

func nextWord(s string) string {
	f := strings.Fields(s[:min(len(s), 40)])
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
