package clean

import (
	"regexp"
	"strings"
	"unicode"
)

// furnitureWords are the words page furniture is made of: advertising,
// sharing, following, subscribing, consent and navigation prompts. A
// paragraph is boilerplate when it is short and these make up most of its
// content words (see isBoilerplate).
var furnitureWords = setOf(
	// advertising
	"advertisement", "advertisements", "advertising", "advert", "ad", "ads",
	"sponsored", "sponsor", "promoted", "partner", "content", "paid",
	// sharing and following
	"share", "shares", "shared", "sharing", "tweet", "retweet", "pin", "like",
	"follow", "facebook", "twitter", "whatsapp", "linkedin", "pinterest",
	"reddit", "telegram", "instagram", "youtube", "tiktok", "flipboard",
	"messenger", "email", "mail", "e-mail", "print", "copy", "link", "url",
	"copied", "clipboard", "social", "media", "feed", "rss", "bookmark", "save",
	"saved", "gift", "comments", "comment", "reply", "replies", "discussion",
	// subscribing and accounts
	"subscribe", "subscribed", "subscriber", "subscribers", "subscription",
	"newsletter", "newsletters", "inbox", "sign", "signup", "login", "log",
	"register", "registered", "account", "free", "trial", "unlimited", "access",
	"premium", "member", "members", "membership", "donate", "support",
	// consent and navigation
	"cookie", "cookies", "consent", "accept", "privacy", "policy", "terms",
	"settings", "preferences", "manage", "click", "tap", "here", "continue",
	"continues", "reading", "read", "scroll", "below", "above", "next", "previous",
	"prev", "skip", "back", "top", "menu", "home", "page", "download", "app",
	"apps", "notifications", "alerts", "enable", "javascript", "browser", "loading",
	"view", "views", "gallery", "slideshow", "photos", "more", "full", "close",
	"story", "article", "articles", "stories", "topics", "tags", "latest",
	"updates", "breaking", "news", "video", "videos", "watch", "listen", "audio",
	"podcast", "now", "today", "minute", "minutes", "min", "min.", "updated",
	"published", "posted", "report", "error", "typo", "feedback", "contact",
	"us", "our", "your", "you", "we", "me", "it", "this", "these", "get", "see",
	"and", "or", "to", "on", "in", "of", "for", "the", "a", "an", "with", "by",
	"via", "at", "from", "up", "out", "all", "by", "also", "is", "be", "will",
	"please", "want", "thanks", "thank", "join", "conversation", "explore",
	"further", "text", "size", "font", "reprints", "reprint", "tags", "are", "closed",
	"true", "false", "null", "undefined", "order", "options", "sources", "source",
	"related", "show", "hide", "expand", "collapse", "toggle", "caption",
)

// strongFurniture are the words of which at least one must be present, so
// that a short sentence of common words ("Read it now.") is not removed.
var strongFurniture = setOf(
	"advertisement", "advertisements", "advertising", "advert", "ad", "ads",
	"sponsored", "promoted",
	"share", "sharing", "tweet", "follow", "facebook", "twitter", "whatsapp",
	"linkedin", "pinterest", "reddit", "telegram", "instagram", "youtube",
	"tiktok", "flipboard", "email", "print", "copy", "bookmark", "comments",
	"subscribe", "subscription", "subscriber", "subscribers", "newsletter", "newsletters",
	"inbox", "signup", "login", "register", "cookie", "cookies", "consent",
	"privacy", "click", "tap", "scroll", "download", "notifications", "javascript",
	"browser", "gallery", "slideshow", "continue", "continues", "reprints",
	"whatsapp",
)

// rxCredit matches a photo or media credit line: "Photo: Jane Doe/Reuters",
// "(Image credit: Getty Images)", "Picture by ...".
var rxCredit = regexp.MustCompile(`(?i)^[\s(\[]*(?:` +
	`(?:main |top |lead |header |featured |cover )?(?:photo|image|picture|pic|video|graphic|illustration|photograph|file photo|caption)s?(?:\s+(?:credit|courtesy|source|copyright))?\s*(?:[:|/©]|by\b|courtesy\b)` +
	`|(?:credit|credits|copyright|source|courtesy)\s*[:|/©]` +
	`|©` +
	`)`)

// rxAgencyCredit matches a line ending in a picture agency credit, the
// usual tail of a caption: "... (AP Photo/Jane Doe)", "... / Getty Images".
var rxAgencyCredit = regexp.MustCompile(`(?i)\b(?:getty images|shutterstock|ap photo(?:/[^)]*)?|afp(?: via getty images)?|reuters|epa(?:-efe)?|istock(?:photo)?|unsplash|alamy|pool photo|file photo|handout)[)\]]?\s*$`)

// isBoilerplate reports whether a paragraph of the given word count is
// furniture: a credit line, or a short paragraph made mostly of furniture
// vocabulary with at least one strong furniture word.
func isBoilerplate(p string, words int) bool {
	if words == 0 {
		return true // only punctuation or symbols: "•", "***", "|"
	}
	if words <= 15 && (rxCredit.MatchString(p) || rxAgencyCredit.MatchString(p) && !endsSentence(p)) {
		return true
	}
	if isShapedFurniture(p, words) {
		return true
	}
	if words > 14 || words == 1 && endsSentence(p) {
		return false // "Click." is a sentence, "Click" a button
	}
	furn, strong, content := 0, 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(p), func(r rune) bool {
		return !isWordRune(r) && r != '-' && r != '\''
	}) {
		w = strings.Trim(w, "-'")
		if w == "" || isNumber(w) {
			continue
		}
		content++
		if furnitureWords[w] {
			furn++
		}
		if strongFurniture[w] {
			strong++
		}
	}
	switch {
	case content == 0:
		return false
	case strong > 0 && furn*10 >= content*8:
		return true // "Share this article", "Click here to subscribe"
	case strong >= 2 && content <= 6 && furn*2 >= content && !endsSentence(p):
		return true // a row of share buttons: "WhatsApp Facebook Pin Save"
	case content <= 4 && furn == content && !endsSentence(p):
		return true // a lone control: "Report error", "Explore further"
	}
	return false
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isUpper(r rune) bool { return unicode.IsUpper(r) }

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
