package entities

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/nlp"
)

// Resolver turns the mentions of a Spotter into the canonical entities of
// an article. It implements analyze.Annotator and is safe for concurrent
// use.
type Resolver struct {
	sp    Spotter
	db    *gazetteer.DB
	lower func(word string) bool // see LowercaseWords
}

// An Option configures a Resolver.
type Option func(*Resolver)

// LowercaseWords gives the Resolver a test for words that running text
// writes in lower case ("bath", "sale"): one-word places spelt so are
// taken only where a preposition or a dateline makes them places ("in
// Bath"), not in "champions Bath" or "Leeds 20 Bath 31".
func LowercaseWords(f func(word string) bool) Option { return func(r *Resolver) { r.lower = f } }

// New returns a Resolver that takes mentions from sp and codes from db.
func New(sp Spotter, db *gazetteer.DB, opts ...Option) *Resolver {
	r := &Resolver{sp: sp, db: db}
	for _, o := range opts {
		o(r)
	}
	return r
}

// NewDefault returns a Resolver over the embedded tables with the
// dictionary spotter alone, for use before (or without) the NER model.
func NewDefault() (*Resolver, error) {
	db, err := gazetteer.Load()
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return New(NewDictSpotter(db), db), nil
}

// Annotate fills a.Entities from doc, which must be the analysis of a.Text.
// Entities get ids e1, e2, … in order of first mention; roles and sectors
// of known actors are those valid at a.Published (the latest when unknown).
func (r *Resolver) Annotate(ctx context.Context, doc *nlp.Doc, a *tidings.Article) error {
	if a == nil {
		return errors.New("entities: nil article")
	}
	if doc == nil {
		return fmt.Errorf("entities: article %q: nil nlp document", a.ID)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("entities: article %q: %w", a.ID, err)
	}
	if err := validate(doc); err != nil {
		return fmt.Errorf("entities: article %q: %w", a.ID, err)
	}
	date := 0
	if a.Published != nil {
		date, _ = strconv.Atoi(a.Published.UTC().Format("20060102"))
	}
	a.Entities = r.Resolve(doc, date)
	return nil
}

// validate checks that every token's byte range lies in doc.Text, so
// that slicing the text cannot panic.
func validate(doc *nlp.Doc) error {
	for si, s := range doc.Sentences {
		for ti, t := range s.Tokens {
			if t.BStart < 0 || t.BStart > t.BEnd || t.BEnd > len(doc.Text) || t.Start > t.End {
				return fmt.Errorf("sentence %d token %d (%q): offsets %d:%d outside the text", si, ti, t.Text, t.BStart, t.BEnd)
			}
		}
	}
	return nil
}

// Resolve groups the mentions of doc into entities; date is YYYYMMDD or 0.
// doc's token offsets must lie within doc.Text (Annotate checks them).
func (r *Resolver) Resolve(doc *nlp.Doc, date int) []tidings.Entity {
	var ms []*mention
	edited := editedText(doc)
	spotted := r.joinHyphenated(doc, r.sp.Spot(doc))
	spotted = r.splitCoordinated(doc, r.joinCoordinated(doc, spotted))
	storms := stormNames(doc, spotted)
	for _, m := range spotted {
		if storms[m.Text] {
			continue
		}
		if x, ok := r.clean(doc, m, edited); ok {
			ms = append(ms, x)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].CStart != ms[j].CStart {
			return ms[i].CStart < ms[j].CStart
		}
		return ms[i].CEnd > ms[j].CEnd
	})
	cs := r.group(dropNested(ms))
	r.describe(doc, cs)
	return r.entities(cs, date)
}

// dropNested removes mentions inside an earlier, longer one (sorted by
// start, longest first): spotters that overlap must not double-count.
func dropNested(ms []*mention) []*mention {
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.CEnd <= end {
			continue
		}
		out = append(out, m)
		end = m.CEnd
	}
	return out
}

// cluster is one entity being built.
type cluster struct {
	typ, name, key   string
	country, sector  string
	words            map[string]bool
	ms               []*mention
	tableName, table bool // name and codes come from a table
}

func (c *cluster) first() int { return c.ms[0].CStart }

// group clusters the mentions: table keys for places, nationalities and
// known organisations, word subsets for people, acronyms for the rest.
func (r *Resolver) group(ms []*mention) []*cluster {
	byKey := map[string]*cluster{}
	var cs []*cluster
	var people []*mention
	for _, m := range ms {
		if m.Type == "PERSON" {
			people = append(people, m)
			continue
		}
		c := r.placeOrOrg(m)
		if old, ok := byKey[c.key]; ok {
			old.ms = append(old.ms, m)
			continue
		}
		byKey[c.key] = c
		cs = append(cs, c)
	}
	persons := groupPeople(people)
	cs = absorbSurnames(cs, persons)
	cs, persons = r.unifyTypes(cs, persons)
	cs = mergeAcronyms(cs)
	all := append(cs, persons...)
	for _, c := range all {
		sort.SliceStable(c.ms, func(i, j int) bool { return c.ms[i].CStart < c.ms[j].CStart })
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].first() < all[j].first() })
	return all
}

// groupPeople links each person mention to the fullest name that contains
// its words ("Trump" -> "Donald Trump"), the nearest earlier one when
// several do.
func groupPeople(people []*mention) []*cluster {
	order := append([]*mention(nil), people...)
	sort.SliceStable(order, func(i, j int) bool { return len(order[i].words) > len(order[j].words) })
	var cs []*cluster
	for _, m := range order {
		var best *cluster
		for _, c := range cs {
			if !subset(m.words, c.words) {
				continue
			}
			if best == nil || nearerBefore(c, best, m.CStart) {
				best = c
			}
		}
		if best == nil {
			best = &cluster{typ: "PERSON", words: map[string]bool{}}
			for _, w := range m.words {
				best.words[w] = true
			}
			cs = append(cs, best)
		}
		best.ms = append(best.ms, m)
		sort.SliceStable(best.ms, func(i, j int) bool { return best.ms[i].CStart < best.ms[j].CStart })
	}
	return cs
}

func subset(words []string, set map[string]bool) bool {
	for _, w := range words {
		if !set[w] {
			return false
		}
	}
	return true
}

// nearerBefore reports whether cluster a has a mention closer before pos
// than cluster b does.
func nearerBefore(a, b *cluster, pos int) bool {
	last := func(c *cluster) int {
		best := -1
		for _, m := range c.ms {
			if m.CStart <= pos && m.CStart > best {
				best = m.CStart
			}
		}
		return best
	}
	return last(a) > last(b)
}

// absorbable reports whether a one-word non-person cluster may be a
// person's name read wrongly: no table knows it, or it is only a city and
// never follows a place preposition ("Vladimir, STOP!").
func (c *cluster) absorbable() bool {
	if len(c.ms) == 0 || len(c.ms[0].words) == 0 || c.typ == "NORP" {
		return false
	}
	if !c.table {
		return true
	}
	return strings.HasPrefix(c.key, "p:") && !c.afterPlacePreposition()
}

// afterPlacePreposition reports whether a mention of c follows a word
// that puts a place after it ("in", "to", ...).
func (c *cluster) afterPlacePreposition() bool {
	for _, m := range c.ms {
		if placePrepositions[m.prev] {
			return true
		}
	}
	return false
}

// absorbSurnames moves non-person clusters whose words are part of a
// person's fuller name into that person (the NER's "Lavrov" ORG,
// "Vladimir" GPE, "al-Assad" GPE).
func absorbSurnames(cs, persons []*cluster) []*cluster {
	out := cs[:0]
	for _, c := range cs {
		if c.absorbable() {
			ws := c.ms[0].words
			var hit *cluster
			for _, p := range persons {
				if len(p.words) > len(ws) && subset(ws, p.words) {
					hit = p
					break
				}
			}
			if hit != nil {
				hit.ms = append(hit.ms, c.ms...)
				continue
			}
		}
		out = append(out, c)
	}
	return out
}
