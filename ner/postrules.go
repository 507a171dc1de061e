package ner

// Rules applied to the spans of a sentence after decoding and the
// consistency pass (decodeDoc), for name patterns the model cannot learn
// from the few examples in its training data.

// clauseEnd are the punctuation tokens that can follow an elliptic
// possessive (quotes, brackets and symbols are left out: "Acme 's " plan").
var clauseEnd = map[string]bool{
	",": true, ".": true, "!": true, "?": true, ";": true, ":": true, "..": true, "...": true,
	"-": true, "--": true, ")": true,
}

// ellipticFollowers are the words after which a possessive "'s" has no
// noun of its own: "dinner at Del Frisco 's in May", "Kenneally 's at 5".
var ellipticFollowers = map[string]bool{
	"in": true, "at": true, "on": true, "for": true, "to": true, "from": true, "with": true,
	"near": true, "around": true, "by": true, "is": true, "was": true, "are": true, "were": true, "has": true, "had": true,
	"will": true, "would": true, "tonight": true, "today": true, "tomorrow": true,
}

// possessiveNames extends organization and location spans over a
// following elliptic possessive: a business is often named by its owner's
// possessive with the noun left out ("going to Del Frisco 's for dinner",
// "McDonald 's , Burger King"), and the name then includes the "'s" (as in
// UNER's annotation and the businesses' own names). The possessive is
// elliptic when nothing noun-like follows it: the sentence ends, or
// a comma, full stop or the like, a preposition or an auxiliary comes next
// (not a conjunction: "Acme 's and Initech 's profits"). A
// name the gazetteer knows as a country, city or region is left alone
// ("the choice is Germany 's ."). norm holds the normalized words of the
// sentence (normWord).
func (r *Recognizer) possessiveNames(ws, norm []string, ss []scoredSpan) {
	for k := range ss {
		s := &ss[k]
		if (s.Class != classORG && s.Class != classLOC) || s.End >= len(ws) || !isPossessive(ws[s.End]) {
			continue
		}
		if k+1 < len(ss) && ss[k+1].Start <= s.End {
			continue
		}
		if next := s.End + 1; next < len(ws) && !ellipticFollowers[norm[next]] && !clauseEnd[ws[next]] {
			continue
		}
		const places = 1<<gazCountry | 1<<gazCity | 1<<gazRegion
		if r.x.gaz.lookup(norm[s.Start:s.End])&places != 0 {
			continue
		}
		s.End++
	}
}

// isPossessive reports whether w is a possessive clitic token: "'s", "’s"
// or the bare "s" of web text that drops the apostrophe.
func isPossessive(w string) bool {
	switch w {
	case "'s", "’s", "s", "'S", "’S":
		return true
	}
	return false
}

// invertedNames joins a surname, a comma and a person's given name into
// one person span where the pair stands alone between quotes or brackets,
// as in e-mail headers and file names (`" Townsend , George " <...>`): the
// model tags the given name but leaves the surname out or gives it a class
// of its own. The surname is one capitalized word that running text does
// not usually write in lower case (not "Thanks , John"); the given name
// must be a person span the model found; the sentence boundary counts as a
// quote. norm holds the normalized words of the sentence.
func (r *Recognizer) invertedNames(ws, norm []string, ss []scoredSpan) []scoredSpan {
	for k := 0; k < len(ss); k++ {
		p := ss[k]
		a := p.Start - 2
		if p.Class != classPER || a < 0 || ws[a+1] != "," || !startsUpper(ws[a]) || !hasLetter(ws[a]) {
			continue
		}
		if _, _, capb, ok := r.x.lex.get(norm[a]); ok && (capb == capLower || capb == capMixed) {
			continue
		}
		if !nameOpener(ws, a-1) || !nameCloser(ws, p.End) {
			continue
		}
		j := k // the index of the merged span
		if k > 0 && ss[k-1].End > a {
			if ss[k-1].Start != a || ss[k-1].End != a+1 {
				continue // the surname is part of a longer span
			}
			j = k - 1
		}
		merged := scoredSpan{Start: a, End: p.End, Class: classPER, Score: p.Score}
		if j < k {
			merged.Score = min(merged.Score, ss[j].Score)
			ss = append(ss[:j], ss[k:]...)
		}
		ss[j] = merged
		k = j
	}
	return ss
}

// nameOpener reports whether token i (-1 for the sentence start) can open
// an inverted name.
func nameOpener(ws []string, i int) bool {
	if i < 0 {
		return true
	}
	switch ws[i] {
	case `"`, "“", "[", "(", "<", ":", "'", "``":
		return true
	}
	return false
}

// nameCloser reports whether token i (len(ws) for the sentence end) can
// close an inverted name.
func nameCloser(ws []string, i int) bool {
	if i >= len(ws) {
		return true
	}
	switch ws[i] {
	case `"`, "”", "]", ")", "(", "<", "'", "''":
		return true
	}
	return false
}

// knownOrgs gives the organization class to the miscellaneous spans whose
// whole text the gazetteer lists as an organization ("Google" in "most
// Google users", which the model reads like a product or an adjective):
// a name that is known as an organization is that organization far more
// often than a product named after it. norm holds the normalized words of
// the sentence.
func (r *Recognizer) knownOrgs(norm []string, ss []scoredSpan) {
	for k := range ss {
		s := &ss[k]
		if s.Class != classMISC {
			continue
		}
		if m := r.x.gaz.lookup(norm[s.Start:s.End]); m&(1<<gazActorOrg) != 0 && m&(1<<gazDemonym) == 0 {
			s.Class = classORG
		}
	}
}
