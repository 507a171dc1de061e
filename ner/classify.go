package ner

// geoFeatureWords name natural features: a location span containing one is
// LOC (not a political unit), as are the continents and large regions in
// geoRegions.
var geoFeatureWords = map[string]bool{
	"river": true, "sea": true, "ocean": true, "lake": true, "mount": true, "mountain": true,
	"mountains": true, "mt.": true, "gulf": true, "bay": true, "valley": true, "desert": true,
	"island": true, "islands": true, "peninsula": true, "strait": true, "straits": true,
	"coast": true, "basin": true, "plateau": true, "canal": true, "channel": true,
	"hills": true, "forest": true, "glacier": true, "delta": true, "cape": true, "reef": true,
	"alps": true, "himalayas": true, "pole": true, "riviera": true, "steppe": true,
}

var geoRegions = map[string]bool{
	"africa": true, "asia": true, "europe": true, "antarctica": true, "america": false,
	"north america": true, "south america": true, "latin america": true, "central america": true,
	"middle east": true, "the middle east": true, "balkans": true, "the balkans": true,
	"caucasus": true, "scandinavia": true, "central asia": true, "southeast asia": true,
	"east asia": true, "south asia": true, "western europe": true, "eastern europe": true,
	"central europe": true, "west africa": true, "east africa": true, "north africa": true,
	"southern africa": true, "sahel": true, "caribbean": true, "the caribbean": true,
	"mediterranean": true, "the mediterranean": true, "arctic": true, "the arctic": true,
	"pacific": true, "atlantic": true, "oceania": true, "gulf": true, "west bank": false,
	"horn of africa": true, "sub-saharan africa": true, "persian gulf": true,
}

// groupWords are religious, ethnic and political group names that are NORP
// beside the demonyms of the gazetteer.
var groupWords = map[string]bool{
	"muslim": true, "muslims": true, "christian": true, "christians": true, "jewish": true,
	"jew": true, "jews": true, "sunni": true, "sunnis": true, "shiite": true, "shiites": true,
	"shia": true, "catholic": true, "catholics": true, "protestant": true, "protestants": true,
	"orthodox": true, "hindu": true, "hindus": true, "buddhist": true, "buddhists": true,
	"islamic": true, "islamist": true, "islamists": true, "arab": true, "arabs": true,
	"kurd": true, "kurds": true, "kurdish": true, "democrat": true, "democrats": true,
	"republican": true, "republicans": true, "communist": true, "communists": true,
	"socialist": true, "socialists": true, "conservative": true, "conservatives": true,
	"tory": true, "tories": true, "labour": false, "european": true, "europeans": true,
	"western": true, "african": true, "africans": true, "asian": true, "asians": true,
	"latino": true, "latinos": true, "hispanic": true, "hispanics": true, "pashtun": true,
	"tamil": true, "tamils": true, "hutu": true, "hutus": true, "tutsi": true, "tutsis": true,
	"serb": true, "serbs": true, "croat": true, "croats": true, "bosniak": true, "bosniaks": true,
	"palestinian": true, "palestinians": true, "israeli": true, "israelis": true, "soviet": true,
	"yazidi": true, "yazidis": true, "alawite": true, "alawites": true, "druze": true,
	"uyghur": true, "uyghurs": true, "uighur": true, "uighurs": true, "rohingya": true,
}

// finalType maps an internal class and the span's words to a record type:
// group names (isGroupName) are NORP whatever the class; otherwise PER →
// PERSON, ORG → ORG, LOC → LOC for natural features and continents and GPE
// for the rest, MISC → MISC.
func (r *Recognizer) finalType(words []string, class int) string {
	return r.finalTypeNorm(normTokens(words), class)
}

// finalTypeNorm is finalType of the span's words normalized (normWord).
func (r *Recognizer) finalTypeNorm(lower []string, class int) string {
	if r.isGroupName(lower) {
		return NORP
	}
	switch class {
	case classPER:
		return Person
	case classORG:
		return Org
	case classLOC:
		var buf [64]byte // the joined words, without allocating
		if geoRegions[string(joinInto(buf[:0], lower))] {
			return Loc
		}
		for _, w := range lower {
			if geoFeatureWords[w] {
				return Loc
			}
		}
		return GPE
	}
	return Misc
}

// isGroupName reports whether a span names a nationality, religion, ethnic
// or political group: a demonym of the gazetteer or a span made only of
// demonyms and group words ("Sunni", "Kurds"). Such a span is NORP whatever
// class the model gave it.
func (r *Recognizer) isGroupName(lower []string) bool {
	if r.x.gaz.lookup(lower)&(1<<gazDemonym) != 0 {
		return true
	}
	for _, w := range lower {
		if !groupWords[w] && r.x.gaz.lookupWord(w)&(1<<gazDemonym) == 0 {
			return false
		}
	}
	return len(lower) > 0
}

func normTokens(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = normWord(w)
	}
	return out
}

// joinInto appends strings.Join(words, " ") to b.
func joinInto(b []byte, words []string) []byte {
	for i, w := range words {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return b
}
