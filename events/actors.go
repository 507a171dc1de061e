package events

import (
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
)

// This file turns role spans into actors resolved against the article's
// entities, and finds an event's location.

// actorHeads are sector words that name the actor of a noun they modify
// ("police firing", "army shelling").
var actorHeads = setOf(`police army military troops navy rebel militant government`)

// sectorWords give an actor's sector from its head words.
var sectorWords = map[string]string{
	"army": "MIL", "military": "MIL", "forces": "MIL", "troops": "MIL", "soldiers": "MIL",
	"navy": "MIL", "aircraft": "MIL", "militiamen": "MIL", "militia": "REB", "rebels": "REB",
	"guerrillas": "REB", "insurgents": "REB", "militants": "REB", "separatists": "REB",
	"police": "COP", "policemen": "COP", "officers": "COP", "government": "GOV",
	"minister": "GOV", "president": "GOV", "officials": "GOV", "authorities": "GOV",
	"ministry": "GOV", "prime": "GOV", "court": "JUD", "judge": "JUD", "parliament": "LEG",
	"lawmakers": "LEG", "senate": "LEG", "party": "PTY", "opposition": "OPP",
	"protesters": "CVL", "demonstrators": "CVL", "civilians": "CVL", "people": "CVL",
	"residents": "CVL", "students": "EDU", "workers": "LAB", "union": "LAB", "refugees": "REF",
	"company": "BUS", "firm": "BUS", "journalists": "MED", "doctors": "MED",
	"constable": "COP", "constables": "COP", "cops": "COP", "policeman": "COP", "paramilitary": "MIL",
	"farmers": "AGR", "villagers": "CVL", "activists": "CVL", "crowd": "CVL", "mob": "CVL",
	"teachers": "EDU", "strikers": "LAB", "truckers": "LAB", "drivers": "LAB",
}

// actorOf turns a role span into an Actor resolved against the entities.
func actorOf(t *facttext.Text, ents []tidings.Entity, sp span, typ string, isActor bool) *tidings.Actor {
	if sp.e == 0 {
		return nil
	}
	text := t.S[sp.b:sp.e]
	cs, ce := t.CP(sp.b), t.CP(sp.e)
	words := strings.Fields(strings.ToLower(text))
	a := &tidings.Actor{Name: trimDet(text)}
	if len(words) == 1 && pronouns[words[0]] {
		if words[0] != "he" && words[0] != "she" {
			return a
		}
		if en := lastPerson(ents, words[0], pronounScope(t, sp.b, cs)); en != nil {
			a.Name, a.Entity, a.Country = en.Name, en.ID, en.Country
			a.Sector = roleSector(en.Role)
		}
		return a
	}
	en, country := entityIn(ents, cs, ce)
	if en != nil && modifierOnly(t, en, sp) {
		// "Romanian officials", "Fijian rebels": the country's people,
		// not the country.
		country, en = en.Country, nil
	}
	if en != nil {
		a.Name, a.Entity = en.Name, en.ID
		a.Country = en.Country
		a.Sector = en.Sector
		if a.Sector == "" {
			a.Sector = roleSector(en.Role)
		}
	}
	if a.Country == "" {
		a.Country = country
	}
	for i := len(words) - 1; i >= 0 && a.Sector == ""; i-- {
		a.Sector = sectorWords[strings.Trim(words[i], ",.")]
	}
	if a.Sector == "" && en != nil && en.Type == tidings.EntityGPE {
		switch {
		case isActor && (typ == "ASSAULT" || typ == "MOBILIZE"):
			a.Sector = "MIL"
		case !isActor && typ == "ASSAULT":
			a.Sector = "CVL"
		default:
			a.Sector = "GOV"
		}
	}
	return a
}

// modifierOnly reports whether en is a place or a nationality whose
// mentions in span sp all end before the span's last word, so that it only
// modifies the phrase's head ("Moroccan diplomats", "Taiwan's vice foreign
// minister").
func modifierOnly(t *facttext.Text, en *tidings.Entity, sp span) bool {
	if en.Type != tidings.EntityGPE && en.Type != tidings.EntityNORP {
		return false
	}
	text := strings.TrimRight(trimDet(t.S[sp.b:sp.e]), " ,.")
	last := strings.LastIndexByte(text, ' ')
	if last < 0 {
		return false
	}
	// The start of the last word, as a code-point offset.
	lastStart := t.CP(sp.b + strings.Index(t.S[sp.b:sp.e], text) + last + 1)
	cs, ce := t.CP(sp.b), t.CP(sp.e)
	for _, m := range en.Mentions {
		if m.Start < ce && m.End > cs && m.End > lastStart {
			return false
		}
	}
	return true
}

func roleSector(role string) string {
	r := strings.ToLower(role)
	switch {
	case r == "":
		return ""
	case strings.Contains(r, "general") || strings.Contains(r, "commander"):
		return "MIL"
	case strings.Contains(r, "senator") || strings.Contains(r, "lawmaker"):
		return "LEG"
	case strings.Contains(r, "judge"):
		return "JUD"
	}
	return "GOV"
}

func trimDet(s string) string {
	for _, d := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		s = strings.TrimPrefix(s, d)
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	return strings.TrimSpace(s)
}

// entityIn finds the entity a span names (people and organisations before
// places before groups) and a country named alongside it.
func entityIn(ents []tidings.Entity, cs, ce int) (*tidings.Entity, string) {
	rank := map[string]int{tidings.EntityPerson: 4, tidings.EntityOrg: 3, tidings.EntityGPE: 2, tidings.EntityNORP: 1}
	var best *tidings.Entity
	country := ""
	for i := range ents {
		e := &ents[i]
		for _, m := range e.Mentions {
			if m.Start >= ce || m.End <= cs {
				continue
			}
			if (e.Type == tidings.EntityGPE || e.Type == tidings.EntityNORP) && e.Country != "" && country == "" {
				country = e.Country
			}
			if best == nil || rank[e.Type] > rank[best.Type] {
				best = e
			}
		}
	}
	return best, country
}

// pronounScope is where the search for the person a "he" or "she" at byte
// offset b (code point cs) stands for ends: at the pronoun, or, inside a
// direct quote, at the start of its sentence — the speaker named before the
// quote ("Rubio said, “For years, he has …”") is not whom the quote speaks
// of.
func pronounScope(t *facttext.Text, b, cs int) int {
	for _, s := range t.Sentences {
		toks := s.Tokens
		if len(toks) == 0 || toks[0].B > b || toks[len(toks)-1].E < b {
			continue
		}
		if inQuote(toks, toks[0].B, b) {
			return t.CP(toks[0].B)
		}
		break
	}
	return cs
}

// lastPerson is the person named last before code point cs whom pronoun
// ("he" or "she") may stand for.
func lastPerson(ents []tidings.Entity, pronoun string, cs int) *tidings.Entity {
	var best *tidings.Entity
	end := -1
	for i := range ents {
		e := &ents[i]
		if e.Type != tidings.EntityPerson || !facttext.PronounFits(pronoun, e.Role) {
			continue
		}
		for _, m := range e.Mentions {
			if m.End <= cs && m.End > end {
				best, end = e, m.End
			}
		}
	}
	return best
}

// location is the place of an event: a place after in/near/at in its
// sentence, else a place recipient.
func location(t *facttext.Text, si int, ents []tidings.Entity, recip *tidings.Actor) string {
	toks := t.Sentences[si].Tokens
	for j := 0; j+1 < len(toks); j++ {
		w := toks[j].Lower
		if w != "in" && w != "near" && w != "at" && w != "outside" {
			continue
		}
		k := j + 1
		if k < len(toks) && toks[k].Lower == "the" {
			k++
		}
		if k >= len(toks) || !facttext.IsCap(toks[k].Text) {
			continue
		}
		cs := toks[k].Start
		for _, e := range ents {
			if e.Type != tidings.EntityGPE && e.Type != tidings.EntityLoc {
				continue
			}
			for _, m := range e.Mentions {
				if m.Start <= cs && cs < m.End {
					return e.Name
				}
			}
		}
		if len(ents) == 0 {
			sp := npAfter(toks, k)
			if sp.e != 0 {
				return trimDet(t.S[sp.b:sp.e])
			}
		}
	}
	if recip != nil && recip.Entity != "" {
		for _, e := range ents {
			if e.ID == recip.Entity && e.Type == tidings.EntityGPE {
				return e.Name
			}
		}
	}
	return ""
}
