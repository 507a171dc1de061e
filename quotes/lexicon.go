package quotes

import "strings"

// cueLemmas are the reporting verbs whose subject is the one who speaks.
var cueLemmas = strings.Fields(`say tell write add implore insist state indicate claim argue
note explain declare announce warn ask urge reply respond tweet post continue conclude recall
acknowledge admit contend suggest assert maintain stress emphasize emphasise complain predict
joke quip describe call report confirm deny allege testify caution demand plead vow promise
pledge shout yell scream chant remark comment concede boast lament proclaim reiterate
repeat counter retort answer recount affirm hint agree tout brag muse mutter whisper exclaim
charge accuse thunder fume blast decry condemn slam criticize criticise praise hail laud
mock dismiss label dub brand term learn estimate calculate wonder question read shout
liken rate blame exhort reference observe bark imagine bemoan reveal opine snap gush scoff
sneer chide inform advise assure reassure clarify elaborate interject interrupt grumble sigh
laugh chuckle cry rail lash retort concur point
`)

// irregular verb forms of the cue lemmas.
var irregular = map[string]string{
	"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
	"writes": "write", "writing": "write",
}

// cueForms maps inflected forms to cue lemmas.
var cueForms = func() map[string]string {
	m := make(map[string]string)
	for _, l := range cueLemmas {
		m[l] = l
		for _, f := range inflect(l) {
			m[f] = l
		}
	}
	for f, l := range irregular {
		m[f] = l
	}
	return m
}()

// inflect gives the regular -s, -ed and -ing forms of an English verb.
func inflect(l string) []string {
	var s, ed, ing string
	switch {
	case strings.HasSuffix(l, "e"):
		s, ed, ing = l+"s", l+"d", l[:len(l)-1]+"ing"
	case strings.HasSuffix(l, "y") && !strings.ContainsAny(l[len(l)-2:len(l)-1], "aeiou"):
		s, ed, ing = l[:len(l)-1]+"ies", l[:len(l)-1]+"ied", l+"ing"
	case strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "s") || strings.HasSuffix(l, "x"):
		s, ed, ing = l+"es", l+"ed", l+"ing"
	default:
		s, ed, ing = l+"s", l+"ed", l+"ing"
	}
	out := []string{s, ed, ing}
	// Doubled final consonant: quip -> quipped, admit -> admitted.
	if n := len(l); n >= 3 && strings.ContainsAny(l[n-1:], "bdgmnprt") &&
		strings.ContainsAny(l[n-2:n-1], "aeiou") && !strings.ContainsAny(l[n-3:n-2], "aeiou") {
		out = append(out, l+l[n-1:]+"ed", l+l[n-1:]+"ing")
	}
	return out
}

// weakCues are cues that only count next to a quote (adjacent or with a
// colon), since elsewhere they are mostly not about speech.
var weakCues = map[string]bool{
	"call": true, "continue": true, "add": false, "learn": true, "question": true,
	"describe": true, "label": true, "dub": true, "brand": true, "term": true,
	"charge": true, "answer": true, "repeat": true, "post": true, "estimate": true,
	"calculate": true, "wonder": true, "agree": true, "praise": true, "hail": true, "laud": true,
	"mock": true, "read": true, "liken": true, "rate": true, "blame": true, "exhort": true, "reference": true, "dismiss": true,
	"observe": true, "imagine": true, "reveal": true, "inform": true, "advise": true, "laugh": true,
	"cry": true, "sigh": true, "chuckle": true, "rail": true, "lash": true, "snap": true, "interrupt": true, "promise": true, "pledge": true, "vow": true,
}

// skipLeft are words between a subject and its verb ("Lavrov further stated").
var skipLeft = setOf(`also further later then has have had was is were would will 'd ’d previously
reportedly once again repeatedly recently simply just quickly finally flatly bluntly publicly
privately separately earlier subsequently first initially did does do been n't n’t not never
even often frequently angrily openly correctly falsely wrongly only still already since
has had ever indeed could can may might should must now today yesterday tonight meanwhile however
too instead though`)

// sentenceAdverbs open a sentence before its subject ("Meanwhile, …") and
// are never speakers, whatever the tagger makes of them.
var sentenceAdverbs = setOf(`meanwhile however still instead moreover furthermore nevertheless
nonetheless separately later earlier afterwards afterward also indeed yet then now similarly
likewise additionally overall finally ultimately regardless again otherwise besides thus hence
therefore consequently accordingly elsewhere previously recently initially`)

// boundary words end a subject noun phrase on its left.
var boundary = setOf(`that which who whom whose and but or as when while because if after before
since where so than though although whether what how why nor yet to in on at by with from
into about over under against during without through between among is was are were be been
being has have had do does did will would can could should may might must not n't n’t said says
told it's there here this these those it`)

// timeWords are never speakers ("Moore said Friday").
var timeWords = setOf(`monday tuesday wednesday thursday friday saturday sunday today yesterday
tonight week month year morning evening night weekend`)

// months are never speakers ("…, said Jan. 5").
var months = setOf(`january february march april may june july august september october
november december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep.
sept sept. oct oct. nov nov. dec dec.`)

var determiners = setOf(`the a an another this that these those his her their its our my your
some several many two three four five six one other both each every`)

var pronouns = setOf(`he she they i we you it him them us`)

// roleNouns are heads of descriptions that stand for a person or body.
var roleNouns = setOf(`president minister premier chancellor secretary spokesman spokeswoman
spokesperson leader senator governor mayor ambassador envoy official officials general commander
chief director chairman chairwoman chair king queen prince emperor pope judge prosecutor
lawmaker representative congressman congresswoman candidate nominee diplomat negotiator adviser
advisor aide head ministry government foreign vice-president premier ceo founder executive
`)

// titleCues precede titles of works, which are not quotes.
var titleCues = setOf(`titled entitled show film movie book song album series program programme
newspaper magazine column documentary novel play episode hashtag slogan headline website
podcast`)

// scareCues precede quoted terms that are not quotations.
var scareCues = setOf(`so-called dubbed nicknamed known word term phrase`)

func setOf(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
