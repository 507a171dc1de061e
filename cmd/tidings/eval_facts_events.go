package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/events"
)

// This file holds the event evaluation of eval_facts.go and the gold readers
// the count evaluation (eval_facts_counts.go) shares.

// fxPloverRecord is one PLOVER gold-standard record.
type fxPloverRecord struct {
	ID      string          `json:"id"`
	Event   string          `json:"event"`
	Mode    string          `json:"mode"`
	Text    string          `json:"text"`
	Date    string          `json:"date"`
	Source  json.RawMessage `json:"source"`
	Target  json.RawMessage `json:"target"`
	Dead    string          `json:"dead"`
	Injured string          `json:"injured"`
}

// fxPloverActor is an actor of a PLOVER record.
type fxPloverActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

func (r fxPloverRecord) actors(raw json.RawMessage) []fxPloverActor {
	var as []fxPloverActor
	if json.Unmarshal(raw, &as) != nil {
		return nil
	}
	return as
}

// fxPloverType maps the gold set's older type names to PLOVER's current ones.
func fxPloverType(t string) string {
	switch t {
	case "DEMAND":
		return "REQUEST"
	case "DISAPPROVE", "INVESTIGATE":
		return "ACCUSE"
	case "FIGHT":
		return "ASSAULT"
	}
	return t
}

// fxHeldBack splits the PLOVER records by a stable hash of the id: the
// held-back half was not looked at while tuning.
func fxHeldBack(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%2 == 1
}

func fxReadPlover(path string) ([]fxPloverRecord, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var recs []fxPloverRecord
	if err := json.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := recs[:0]
	for _, r := range recs {
		if r.Text != "" && r.Event != "DOCUMENT" {
			out = append(out, r)
		}
	}
	return out, nil
}

// fxIndiaSentence is one IndiaPoliceEvents sentence.
type fxIndiaSentence struct {
	Doc    int      `json:"doc_id"`
	Sent   int      `json:"sent_id"`
	Labels []string `json:"sent_labels"`
	Text   string   `json:"sent_text"`
}

func fxReadIndia(path string) ([]fxIndiaSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []fxIndiaSentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		var s fxIndiaSentence
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

// fxEventsGold locates the PLOVER file and the IndiaPoliceEvents sentences
// under gold (the events data directory, or either file itself).
func fxEventsGold(gold string) (plover, india string, err error) {
	st, err := os.Stat(gold)
	if err != nil {
		return "", "", err
	}
	if !st.IsDir() {
		if strings.HasSuffix(gold, ".jsonl") {
			return "", gold, nil
		}
		return gold, "", nil
	}
	if p := filepath.Join(gold, "plover", "plover-gsr-dev.json"); fxExists(p) {
		plover = p
	}
	if p := filepath.Join(gold, "india-police-events", "sents-dev.jsonl"); fxExists(p) {
		india = p
	}
	if plover == "" && india == "" {
		return "", "", fmt.Errorf("%s: no plover/plover-gsr-dev.json or india-police-events/sents-dev.jsonl", gold)
	}
	return plover, india, nil
}

func fxExists(p string) bool { _, err := os.Stat(p); return err == nil }

// eventsPart scores one set of PLOVER records.
type eventsPart struct {
	Sentences     int                `json:"sentences"`
	MicroF1       float64            `json:"micro_f1"`
	MacroF1       float64            `json:"macro_f1"`
	MicroP        float64            `json:"micro_precision"`
	MicroR        float64            `json:"micro_recall"`
	ActorAccuracy float64            `json:"actor_accuracy"`
	ActorScored   int                `json:"actor_scored"`
	PerType       map[string]float64 `json:"per_type_f1"`
	tp, fp, fn    map[string]int
	actorRight    int
}

// eventsReport is the result of "tidings eval events".
type eventsReport struct {
	Task string `json:"task"`
	// The embedded part scores all PLOVER records of the gold file: its
	// micro_f1, macro_f1 and actor_accuracy are the report's headline.
	*eventsPart
	// Tune is the half of the PLOVER records the coder was tuned on, Held
	// the other half (split by a hash of the record id).
	Tune, Held *eventsPart `json:"-"`
	TuneOut    *eventsPart `json:"plover_tune,omitempty"`
	HeldOut    *eventsPart `json:"plover_held_back,omitempty"`
	// India scores IndiaPoliceEvents sentence labels: ARREST (a COERCE
	// detain event), KILL (an ASSAULT killing or shooting in a sentence
	// naming the police), FORCE (an ASSAULT or COERCE other than detention
	// in such a sentence).
	India map[string]*fxPRF3 `json:"india,omitempty"`
	// IndiaTune and IndiaHeld split the IndiaPoliceEvents sentences by a
	// hash of the document id like the PLOVER records: rules were tuned on
	// IndiaTune only.
	IndiaTune map[string]*fxPRF3 `json:"india_tune,omitempty"`
	IndiaHeld map[string]*fxPRF3 `json:"india_held_back,omitempty"`
}

func newEventsPart() *eventsPart {
	return &eventsPart{tp: map[string]int{}, fp: map[string]int{}, fn: map[string]int{}, PerType: map[string]float64{}}
}

// evalEvents scores the event coder: PLOVER type per sentence (micro and
// macro F1 over the factual events, i.e. not negated, not hypothetical;
// macro over the types of the gold set) and actor accuracy (of sentences
// whose gold type was found and that have a gold source actor: the
// predicted actor shares a word with a gold actor text or has its country
// code); and IndiaPoliceEvents sentence labels.
func evalEvents(ctx context.Context, gold string, opts evalOptions) (any, error) {
	plover, india, err := fxEventsGold(gold)
	if err != nil {
		return nil, err
	}
	coder, err := events.New()
	if err != nil {
		return nil, err
	}
	_, resolver, err := loadEntities()
	if err != nil {
		return nil, err
	}
	// The events of the record: coded with the article's entities, which
	// give actors their countries.
	var lastEntities []tidings.Entity // of the article run coded last, for the actor scorer
	run := func(text string) ([]tidings.Event, error) {
		doc, err := factsDoc(ctx, text)
		if err != nil {
			return nil, err
		}
		a := &tidings.Article{Text: text}
		if err := resolver.Annotate(ctx, doc, a); err != nil {
			return nil, err
		}
		err = coder.Annotate(ctx, doc, a)
		lastEntities = a.Entities
		return a.Events, err
	}
	rep := eventsReport{Task: "events"}
	debug := os.Getenv("TIDINGS_EVAL_DEBUG") != ""
	if plover != "" {
		recs, err := fxReadPlover(plover)
		if err != nil {
			return nil, err
		}
		rep.Tune, rep.Held, rep.eventsPart = newEventsPart(), newEventsPart(), newEventsPart()
		for _, r := range recs {
			evs, err := run(r.Text)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", r.ID, err)
			}
			part := rep.Tune
			if fxHeldBack(r.ID) {
				part = rep.Held
			}
			for _, p := range []*eventsPart{part, rep.eventsPart} {
				p.add(r, evs, lastEntities)
			}
			if debug && (!fxHeldBack(r.ID) || os.Getenv("TIDINGS_EVAL_DEBUG") == "all") {
				fxDebugEvents(opts.Stderr, r, evs)
			}
		}
		for _, p := range []*eventsPart{rep.Tune, rep.Held, rep.eventsPart} {
			p.done()
		}
		rep.TuneOut, rep.HeldOut = rep.Tune, rep.Held
	}
	if india != "" {
		if err := rep.scoreIndia(india, opts, debug, run); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// scoreIndia scores the IndiaPoliceEvents sentence labels of the file
// india, all and split into tuning and held-back halves by document.
// TIDINGS_EVAL_DEBUG=1 prints the tuning half's wrong labels, =all every
// wrong label.
func (rep *eventsReport) scoreIndia(india string, opts evalOptions, debug bool, run func(string) ([]tidings.Event, error)) error {
	sents, err := fxReadIndia(india)
	if err != nil {
		return err
	}
	newScores := func() map[string]*fxPRF3 {
		return map[string]*fxPRF3{"KILL": {}, "ARREST": {}, "FORCE": {}}
	}
	rep.India, rep.IndiaTune, rep.IndiaHeld = newScores(), newScores(), newScores()
	for i, s := range sents {
		if opts.Limit > 0 && i >= opts.Limit {
			break
		}
		evs, err := run(s.Text)
		if err != nil {
			return fmt.Errorf("india %d/%d: %w", s.Doc, s.Sent, err)
		}
		pred := fxIndiaLabels(evs)
		held := fxHeldBack(strconv.Itoa(s.Doc))
		part := rep.IndiaTune
		if held {
			part = rep.IndiaHeld
		}
		for label, sc := range rep.India {
			g := slices.Contains(s.Labels, label)
			for _, sc := range []*fxPRF3{sc, part[label]} {
				if g {
					sc.Gold++
				}
				if pred[label] {
					sc.Pred++
					if g {
						sc.TP++
					}
				}
			}
			if debug && (!held || os.Getenv("TIDINGS_EVAL_DEBUG") == "all") && g != pred[label] {
				fmt.Fprintf(opts.Stderr, "INDIA %s gold=%v pred=%v %s\n   %s\n", label, g, pred[label], fxEventList(evs), s.Text)
			}
		}
	}
	for _, m := range []map[string]*fxPRF3{rep.India, rep.IndiaTune, rep.IndiaHeld} {
		for _, sc := range m {
			sc.done()
		}
	}
	return nil
}

func (p *eventsPart) add(r fxPloverRecord, evs []tidings.Event, ents []tidings.Entity) {
	p.Sentences++
	g := fxPloverType(r.Event)
	pred := map[string]tidings.Event{}
	for _, e := range evs {
		if !e.Negated && !e.Hypothetical {
			if _, ok := pred[e.Type]; !ok {
				pred[e.Type] = e
			}
		}
	}
	for t := range pred {
		if t == g {
			p.tp[t]++
		} else {
			p.fp[t]++
		}
	}
	e, found := pred[g]
	if !found {
		p.fn[g]++
		return
	}
	src := r.actors(r.Source)
	if len(src) == 0 {
		return
	}
	p.ActorScored++
	if e.Actor != nil && fxActorMatch(*e.Actor, ents, src) {
		p.actorRight++
	}
}

func (p *eventsPart) done() {
	var tp, fp, fn int
	types := map[string]bool{}
	for t, n := range p.tp {
		tp += n
		types[t] = true
	}
	for _, n := range p.fp {
		fp += n
	}
	for t, n := range p.fn {
		fn += n
		types[t] = true
	}
	p.MicroP, p.MicroR, p.MicroF1 = fxPRF(tp, tp+fp, tp+fn)
	sum := 0.0
	for t := range types {
		_, _, f := fxPRF(p.tp[t], p.tp[t]+p.fp[t], p.tp[t]+p.fn[t])
		p.PerType[t] = f
		sum += f
	}
	if len(types) > 0 {
		p.MacroF1 = sum / float64(len(types))
	}
	p.ActorAccuracy = fxRatio(p.actorRight, p.ActorScored)
}

var fxActorStop = map[string]bool{"the": true, "a": true, "an": true, "of": true, "in": true, "and": true, "...": true}

// fxActorMatch reports whether a predicted actor shares a word with a gold
// actor text or has its country code. An actor resolved to an entity
// ("United States") is also known by the entity's mentions ("U.S.").
func fxActorMatch(a tidings.Actor, ents []tidings.Entity, gold []fxPloverActor) bool {
	words := map[string]bool{}
	addWords := func(s string) {
		for _, w := range strings.Fields(strings.ToLower(s)) {
			w = strings.Trim(w, ".,'’()")
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			if w != "" && !fxActorStop[w] {
				words[w] = true
			}
		}
	}
	addWords(a.Name)
	for _, e := range ents {
		if a.Entity != "" && e.ID == a.Entity {
			for _, m := range e.Mentions {
				addWords(m.Text)
			}
		}
	}
	for _, g := range gold {
		if a.Country != "" && a.Country == g.Code {
			return true
		}
		for _, w := range strings.Fields(strings.ToLower(g.Text)) {
			if words[strings.Trim(w, ".,'’()")] {
				return true
			}
		}
	}
	return false
}

// fxIndiaLabels maps events of a sentence to IndiaPoliceEvents labels:
// ARREST is a detention; FORCE an ASSAULT or a COERCE other than detention
// by the police (actor of sector COP, or with "police" in its name); KILL
// such an ASSAULT in a sentence that reports a death.
func fxIndiaLabels(evs []tidings.Event) map[string]bool {
	out := map[string]bool{}
	for _, e := range evs {
		if e.Negated || e.Hypothetical {
			continue
		}
		police := e.Actor != nil && (e.Actor.Sector == "COP" || strings.Contains(strings.ToLower(e.Actor.Name), "police"))
		switch {
		case e.Type == "COERCE" && e.Mode == "detain":
			out["ARREST"] = true
		case e.Type == "ASSAULT" && police:
			out["FORCE"] = true
			if fxReportsDeath(e) {
				out["KILL"] = true
			}
		case e.Type == "COERCE" && police:
			out["FORCE"] = true
		}
	}
	return out
}

// fxReportsDeath reports an event whose trigger or sentence tells of a death.
func fxReportsDeath(e tidings.Event) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(e.Trigger+" "+e.Sentence.Text), func(r rune) bool {
		return !('a' <= r && r <= 'z')
	}) {
		switch w {
		case "kill", "killed", "killing", "killings", "dead", "died", "die", "dies", "death", "deaths", "succumbed", "toll":
			return true
		}
	}
	return false
}

// fxDebugEvents prints a tuning record's coding (TIDINGS_EVAL_DEBUG=1; =all
// prints the held-back ones too, for gold files of one's own).
func fxDebugEvents(w io.Writer, r fxPloverRecord, evs []tidings.Event) {
	src := r.actors(r.Source)
	var gs []string
	for _, a := range src {
		gs = append(gs, a.Text)
	}
	fmt.Fprintf(w, "EV gold=%s src=%q got=%s\n   %s\n", fxPloverType(r.Event), gs, fxEventList(evs), r.Text)
}

// fxEventList formats events for the debug output.
func fxEventList(evs []tidings.Event) string {
	var got []string
	for _, e := range evs {
		s := e.Type + "(" + e.Trigger
		if e.Actor != nil {
			s += ", a=" + e.Actor.Name
		}
		if e.Negated {
			s += ", NEG"
		}
		if e.Hypothetical {
			s += ", HYP"
		}
		got = append(got, s+")")
	}
	return fmt.Sprint(got)
}
