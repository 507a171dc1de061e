package clean

import (
	"regexp"
	"strings"
)

// Shapes of furniture lines that are not told by their vocabulary alone.
var (
	// rxContact finds an e-mail address, a social handle or a web address.
	rxContact = regexp.MustCompile(`(?i)[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s|\()@\w{2,}|https?://\S+|\bwww\.\S+|\b[\w-]+\.(?:com|org|net|co\.uk)/\S*`)
	// rxContactCue is the call that goes with a contact: an imperative
	// ("Follow us", "Email the author", "Reach the reporters") or a "can be
	// reached at".
	rxContactCue = regexp.MustCompile(`(?i)^(?:follow|e-?mail|reach|write to|contact|have a tip|send (?:us )?(?:a )?tips?|listen|download|subscribe)\b|\bfollow (?:us|him|her|them|\p{Lu}\w*(?: \p{Lu}\w*)?) (?:on|at|@)|\be-?mail (?:him|her|them|us|\p{Lu}\w*(?: \p{Lu}\w*)?) at\b|\b(?:can|may) be reached at\b`)

	// rxContributors is a wire-style credit of reporters and editors.
	rxContributors = regexp.MustCompile(`(?i)^\(?\s*(?:(?:additional |further )?reporting by|(?:writing|editing|edited|compiled|produced) by|with reporting by)\b|\bcontributed (?:reporting|to this (?:report|story|article))|\bcontributed \w+ (?:reporting|to this)`)

	// rxByline is a lone byline: "By Jane Roe", "by Jane Roe and John Doe".
	rxByline = regexp.MustCompile(`^(?i:by)(?:\s+[\p{Lu}][\p{L}'.-]*){0,4}(?:\s+(?i:and)\s+[\p{Lu}][\p{L}'.-]*(?:\s+[\p{Lu}][\p{L}'.-]*){0,3})?\s*$`)

	// rxStamp opens a publication timestamp line.
	rxStamp = regexp.MustCompile(`(?i)^(?:last |originally )?(?:updated|published|posted|modified|first published)\b`)

	// rxFiled is a taxonomy line: "Filed under: X |", "Tags: a, b".
	rxFiled = regexp.MustCompile(`(?i)^(?:filed under|tags?|topics?|categories|category|posted in|keywords)\s*:`)

	// rxBracketLabel is a bracketed label alone: "[Engadget]".
	rxBracketLabel = regexp.MustCompile(`^\[[^\]\n]{1,40}\]$`)

	// rxCopyright opens a copyright notice.
	rxCopyright = regexp.MustCompile(`(?i)^(?:copyright\b|©|ⓒ|\(c\)\s*\d{4})`)

	// rxNewsletter names the thing promoted by a sign-up prompt.
	rxNewsletter = regexp.MustCompile(`(?i)\b(?:newsletters?|inbox|sign(?:ing)? up|subscrib\w*|delivered (?:to|through)|free daily|get the day'?s)\b`)
	// rxNewsletterNoun is what a sign-up prompt must name.
	rxNewsletterNoun = regexp.MustCompile(`(?i)\b(?:newsletters?|inbox)\b`)
)

// dateWords are the words of a timestamp line besides digits.
var dateWords = setOf(
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "am", "pm", "a", "m", "p", "et", "est", "edt", "pst",
	"pdt", "cst", "cdt", "gmt", "utc", "bst", "cet", "ist", "at", "on", "updated",
	"published", "posted", "original", "originally", "last", "modified", "first", "by",
	"th", "st", "nd", "rd", "h", "hrs", "min", "mins", "minute", "minutes", "read",
	"ago", "hours", "hour", "days", "day", "time", "reading",
)

// isShapedFurniture reports whether a short paragraph has one of the shapes
// of furniture lines: a contact or follow line, a newsletter prompt, a
// reporters' credit, a lone byline, a timestamp, a taxonomy line, a
// bracketed label, a copyright notice.
func isShapedFurniture(p string, words int) bool {
	switch {
	case words <= 25 && rxContact.MatchString(p) && rxContactCue.MatchString(p):
		return true
	case words <= 25 && rxNewsletterNoun.MatchString(p) && len(rxNewsletter.FindAllString(p, -1)) >= 2:
		return true
	case words <= 40 && rxContributors.MatchString(p):
		return true
	case words <= 9 && rxByline.MatchString(p):
		return true
	case words <= 20 && rxFiled.MatchString(p), words <= 3 && rxBracketLabel.MatchString(p):
		return true
	case words <= 25 && rxCopyright.MatchString(p):
		return true
	case words <= 20 && (rxStamp.MatchString(p) && undated(p) <= 2 || isTimestamp(p)):
		return hasDigit(p)
	}
	return false
}

// stampWords sorts the words of p into date and time words (with numbers),
// the capitalised name after "by" (at most four words), and others:
// "Updated Nov. 19, 2019 8:21 am ET" is all date, "5:45 AM 11/19/2019 by
// Jane Roe" date and name, "Published by a small press in Kabul" has
// others.
func stampWords(p string) (date, name, other int) {
	afterBy := false
	for _, w := range strings.FieldsFunc(p, func(r rune) bool { return !isWordRune(r) }) {
		lw := strings.ToLower(w)
		switch {
		case lw == "by":
			date++
			afterBy = true
		case isNumber(w) || dateWords[lw]:
			date++
			afterBy = false
		case afterBy && name < 4 && isUpper([]rune(w)[0]):
			name++
		default:
			other++
			afterBy = false
		}
	}
	return date, name, other
}

// undated counts the words of p that are neither date and time words nor
// a byline's name.
func undated(p string) int {
	_, _, other := stampWords(p)
	return other
}

// isTimestamp reports whether p is a timestamp with a byline ("5:45 AM PST
// 11/19/2019 by Jane Roe"). A time alone ("4:14 p.m.") may head a
// live-blog entry and is kept.
func isTimestamp(p string) bool {
	date, name, other := stampWords(p)
	return date >= 3 && name > 0 && other == 0
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}
