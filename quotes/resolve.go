package quotes

import (
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
)

// resolve turns a speaker mention (bytes b..e) into an attribution with its
// canonical entity: an entity mentioned there; for a pronoun the last
// speaker or the last person named; for a description ("the US president")
// the entity with that role (and country) mentioned last; for a proper name
// with no entity, the name itself.
func (st *state) resolve(cue string, b, e int) *attribution {
	at := &attribution{cue: cue, mb: b, me: e}
	// "Obama, who": the antecedent names the speaker.
	if m := strings.ToLower(st.t.S[b:e]); strings.HasSuffix(m, " who") && len(m) > 4 {
		e = b + len(strings.TrimRight(st.t.S[b:e-4], " ,"))
	}
	mention := st.t.S[b:e]
	words := strings.Fields(strings.ToLower(mention))
	cs, ce := st.t.CP(b), st.t.CP(e)
	if len(words) == 1 && pronouns[words[0]] {
		if words[0] == "he" || words[0] == "she" {
			at.entity = st.lastPerson(words[0], b, cs)
		}
		return at
	}
	ent, whole := st.entityAt(cs, ce)
	role := roleOf(words)
	switch {
	case ent != nil && (ent.Type == tidings.EntityPerson || ent.Type == tidings.EntityOrg):
		at.entity = ent
	case role != "":
		country := ""
		if ent != nil {
			country = ent.Country
		}
		at.entity = st.byRole(role, country, cs)
	case ent != nil && whole:
		at.entity = ent
	}
	// With no entity, a proper name ("Lavrov", "Education Minister Ana
	// Ruiz", "The New York Times") is its own speaker; a description ("the
	// minister", "a source") is not.
	fields := strings.Fields(mention)
	if last := fields[len(fields)-1]; at.entity == nil && facttext.IsCap(last) && facttext.IsCap(mention) &&
		(!determiners[words[0]] || (words[0] == "the" && role == "")) {
		at.name = mention
	}
	return at
}

// entityAt returns the entity with a mention overlapping code points
// cs..ce, preferring people and organisations, and whether that mention
// covers the whole span (bar a leading "the").
func (st *state) entityAt(cs, ce int) (*tidings.Entity, bool) {
	var best *tidings.Entity
	bestWhole, bestRank := false, -1
	for i := range st.ents {
		en := &st.ents[i]
		for _, m := range en.Mentions {
			if m.Start >= ce || m.End <= cs {
				continue
			}
			rank := 0
			if en.Type == tidings.EntityPerson || en.Type == tidings.EntityOrg {
				rank = 1
			}
			if rank > bestRank {
				best, bestRank = en, rank
				bestWhole = m.End >= ce && (m.Start <= cs || m.Start-cs <= 4)
			}
		}
	}
	return best, bestWhole
}

// lastPerson resolves pronoun ("he" or "she"): the last speaker when it
// spoke in this or the previous paragraph, else the person named last
// before the pronoun; either only if the pronoun may stand for them (not
// "he" for the Queen).
func (st *state) lastPerson(pronoun string, b, cs int) *tidings.Entity {
	if l := st.last; l != nil && l.entity != nil && l.entity.Type == tidings.EntityPerson &&
		st.paraOf(b)-l.para <= 1 && facttext.PronounFits(pronoun, l.entity.Role) {
		return l.entity
	}
	var best *tidings.Entity
	bestEnd := -1
	for i := range st.ents {
		en := &st.ents[i]
		if en.Type != tidings.EntityPerson || !facttext.PronounFits(pronoun, en.Role) {
			continue
		}
		for _, m := range en.Mentions {
			if m.End <= cs && m.End > bestEnd && !st.quoted(st.byteOf(m.Start)) {
				best, bestEnd = en, m.End
			}
		}
	}
	return best
}

// byteOf converts a code-point offset back to bytes.
func (st *state) byteOf(cp int) int {
	return sortSearch(len(st.t.S)+1, func(b int) bool { return st.t.CP(b) >= cp })
}

// leaderRoles are the roles a "leader" can have.
var leaderRoles = []string{"president", "prime minister", "chancellor", "king", "leader", "premier", "emir", "supreme"}

// roleOf returns the role noun of a description, or "".
func roleOf(words []string) string {
	for i := len(words) - 1; i >= 0; i-- {
		w := strings.Trim(words[i], ",.'’")
		if roleNouns[w] {
			return w
		}
	}
	return ""
}

// byRole finds the entity a description names: the person with that role
// (and country, when the description gives one) mentioned last before cs.
func (st *state) byRole(role, country string, cs int) *tidings.Entity {
	var best *tidings.Entity
	bestPos := -2
	for i := range st.ents {
		en := &st.ents[i]
		if en.Role == "" || (country != "" && en.Country != country) {
			continue
		}
		r := strings.ToLower(en.Role)
		ok := strings.Contains(r, role)
		if role == "leader" {
			for _, l := range leaderRoles {
				ok = ok || strings.Contains(r, l)
			}
		}
		if role == "vice-president" || strings.Contains(r, "vice") {
			ok = ok && role == "vice-president" == strings.Contains(r, "vice")
		}
		if !ok {
			continue
		}
		pos := -1
		for _, m := range en.Mentions {
			if m.End <= cs && m.End > pos {
				pos = m.End
			}
		}
		if pos > bestPos {
			best, bestPos = en, pos
		}
	}
	return best
}
