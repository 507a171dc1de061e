package counts

import (
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
)

// ByPolice reports whether the sentence of count c (found in t) says the
// police or security forces did it: as the subject of the outcome verb
// ("police shot dead two rioters", "troops killed a militant", "police
// fired at the mob, killing one"), as the agent of a passive ("was shot
// by the police"), or in a phrase of police violence ("killed in police
// firing", "fell to police bullets", "died when police opened fire", "in
// an encounter", "the police firing in which one person was killed"). An
// arrest or detention is a police action by nature, so ARREST counts are
// the police's unless the sentence names another agent ("detained by
// militants").
//
// tidings.Count has no field for who did it, so this is a separate
// question asked of a count and its text; the evaluation uses it to read
// IndiaPoliceEvents labels, which ask what the police did.
func ByPolice(t *facttext.Text, c tidings.Count) bool {
	si, a, b := countTokens(t, c)
	if si < 0 {
		return false
	}
	toks := t.Sentences[si].Tokens
	if c.Kind == "ARREST" {
		return !otherAgent(toks, a, b)
	}
	if c.Kind != "KILL" && c.Kind != "WOUND" {
		return false
	}
	return policeAfter(toks, b) || policeBefore(toks, a) || policeParsed(toks, a, b, t.Parsed) || policeRelative(toks, a)
}

// countTokens finds the sentence of c and the tokens [a, b) its span
// covers, or si = -1.
func countTokens(t *facttext.Text, c tidings.Count) (si, a, b int) {
	for i, s := range t.Sentences {
		if len(s.Tokens) == 0 || s.Tokens[len(s.Tokens)-1].End <= c.Start || s.Tokens[0].Start >= c.End {
			continue
		}
		a, b = -1, 0
		for k, tk := range s.Tokens {
			if tk.End > c.Start && tk.Start < c.End {
				if a < 0 {
					a = k
				}
				b = k + 1
			}
		}
		if a >= 0 {
			return i, a, b
		}
	}
	return -1, 0, 0
}

// policeWords name the police and security forces.
var policeWords = setOf(`police policemen policeman cop cops constable constables jawan jawans
security forces troops army soldiers soldier paramilitary crpf bsf rpf raf srp cisf itbp stf
sog ats officers`)

// isPolice reports whether token w names the police ("police", "cops",
// also "police-vhp" in "a police-vhp clash"). Words such as "security",
// "forces" or "personnel" count only after or before a word that settles
// them ("security forces", "police personnel").
func isPolice(toks []facttext.Token, k int) bool {
	w := toks[k].Lower
	if strings.HasPrefix(w, "police") || w == "cop" || w == "cops" {
		return true
	}
	switch w {
	case "security", "personnel":
		return k+1 < len(toks) && (toks[k+1].Lower == "forces" || toks[k+1].Lower == "personnel") ||
			k > 0 && strings.HasPrefix(toks[k-1].Lower, "police")
	case "forces", "commandos":
		return k > 0 && (toks[k-1].Lower == "security" || toks[k-1].Lower == "paramilitary")
	}
	return policeWords[w]
}

// policeViolence are what the police do that kills or wounds: "police
// firing", "police bullets".
var policeViolence = setOf(`firing fire fired bullets bullet action shooting lathicharge
lathi-charge crackdown custody clash clashes clashed encounter opened shot`)

// clauseEnd words end the stretch after an outcome that can still say who
// did it.
var clauseEnd = setOf(`; and but while whereas though although even`)

// policeAfter reads the agent after an outcome ending at token b: "by
// (the) police", "in police firing", "to police bullets", "when police
// opened fire", "in an encounter".
func policeAfter(toks []facttext.Token, b int) bool {
	for k := b; k < len(toks) && k < b+20; k++ {
		w := toks[k].Lower
		if clauseEnd[w] || w == "." {
			return false
		}
		if w == "encounter" || w == "encounters" {
			return true
		}
		if !isPolice(toks, k) {
			continue
		}
		if k > b && toks[k-1].Lower == "by" || k > b+1 && toks[k-2].Lower == "by" {
			return true // "shot by police", "by the police"
		}
		for j := k + 1; j < len(toks) && j <= k+3; j++ {
			if policeViolence[toks[j].Lower] {
				return true // "in police firing", "when police opened fire", "a police-mob clash"
			}
		}
		for j := k - 1; j >= b && j >= k-5; j-- {
			if toks[j].Lower == "with" && j > b && policeViolence[toks[j-1].Lower] {
				return true // "in a clash with (the) police"
			}
		}
	}
	return false
}

// policeBefore reads the police as the subject right before an outcome
// starting at token a ("police shot dead 98 rioters", "the police have
// arrested", "troops killed a militant"), or, for a participle clause
// ("..., killing one"), as the subject of the clause before the comma
// ("police fired on the marchers, killing one").
func policeBefore(toks []facttext.Token, a int) bool {
	for k := a - 1; k >= 0 && k >= a-4; k-- {
		if isPolice(toks, k) {
			return true
		}
		w := toks[k].Lower
		if !(linking[w] || adverbs[w] || w == "the" || w == "reportedly") {
			break
		}
	}
	if a > 1 && toks[a-1].Lower == "and" {
		if strings.HasSuffix(toks[a].Lower, "ing") { // "..., killing one and injuring six"
			for k := a - 2; k > 0 && k >= a-8; k-- {
				if toks[k-1].Text == "," && ingOutcomes[toks[k].Lower] != "" {
					return policeBefore(toks, k)
				}
			}
		}
		return policeSubjectBefore(toks, a-1) // "police arrested 40 and shot dead two"
	}
	if a < 2 || toks[a-1].Text != "," || !strings.HasSuffix(toks[a].Lower, "ing") {
		return false
	}
	for k := a - 2; k >= 0 && k >= a-14; k-- {
		if toks[k].Text == "," || toks[k].Text == ";" {
			break
		}
		if isPolice(toks, k) {
			for j := k + 1; j < a && j <= k+3; j++ {
				if policeViolence[toks[j].Lower] || toks[j].Lower == "lathicharged" {
					return true
				}
			}
		}
	}
	return false
}

// policeSubjectBefore reads the police as the subject of a verb before
// token e in its sentence: a police word followed, past auxiliaries and
// adverbs, by a verb in the past tense.
func policeSubjectBefore(toks []facttext.Token, e int) bool {
	for k := e - 1; k >= 0 && k >= e-25; k-- {
		if toks[k].Text == ";" || !isPolice(toks, k) {
			continue
		}
		j := k + 1
		for j < e && (linking[toks[j].Lower] || adverbs[toks[j].Lower] || toks[j].UPOS == "ADV") {
			j++
		}
		if j < e && (toks[j].XPOS == "VBD" || toks[j].XPOS == "VBN" || pastOutcomes[toks[j].Lower] != "" ||
			toks[j].XPOS == "" && strings.HasSuffix(toks[j].Lower, "ed")) {
			return true
		}
	}
	return false
}

// policeParsed reads the police as the subject or agent of the outcome
// verb through the parse, also of the verb a participle clause hangs on.
func policeParsed(toks []facttext.Token, a, b int, parsed bool) bool {
	if !parsed {
		return false
	}
	for v := a; v < b; v++ {
		if outcomes[toks[v].Lower] == "" && phraseHead(toks, v) == "" {
			continue
		}
		for h, hops := v, 0; h >= 0 && hops < 2; h, hops = toks[h].Head, hops+1 {
			for k := range toks {
				if toks[k].Head != h {
					continue
				}
				r := toks[k].Rel
				if (r == "nsubj" || r == "obl:agent") && isPolice(toks, k) {
					return true
				}
			}
			if r := toks[h].Rel; r != "advcl" && r != "xcomp" && r != "conj" {
				break
			}
		}
	}
	return false
}

// phraseHead returns the kind of a several-word outcome starting at v.
func phraseHead(toks []facttext.Token, v int) string {
	k, _ := phraseOutcome(toks, v)
	return k
}

// policeRelative reads "the police firing ... in which one person was
// killed": a figure right after "in which" whose antecedent is police
// firing or firing someone ordered.
func policeRelative(toks []facttext.Token, a int) bool {
	if a < 2 || toks[a-1].Lower != "which" || toks[a-2].Lower != "in" {
		return false
	}
	for k := a - 3; k >= 0 && k >= a-18; k-- {
		if toks[k].Lower != "firing" {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			if isPolice(toks, j) || toks[j].Lower == "ordered" {
				return true // "the police firing (at the mob) in which", "ordered firing at mobs in which"
			}
		}
	}
	return false
}

// otherAgents are agents of a detention other than the police.
var otherAgents = setOf(`militants rebels insurgents gunmen maoists naxals naxalites terrorists
mob kidnappers abductors extremists`)

// otherAgent reports whether an arrest in tokens [a, b) names another
// agent: "detained by militants", "militants held 12 villagers".
func otherAgent(toks []facttext.Token, a, b int) bool {
	for k := b; k < len(toks) && k <= b+3; k++ {
		if otherAgents[toks[k].Lower] && k > b && (toks[k-1].Lower == "by" || k > b+1 && toks[k-2].Lower == "by") {
			return true
		}
	}
	for k := a - 1; k >= 0 && k >= a-2; k-- {
		if otherAgents[toks[k].Lower] {
			return true
		}
		if !linking[toks[k].Lower] {
			break
		}
	}
	return false
}
