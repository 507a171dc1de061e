package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// actor is one entry of a PETRARCH .actors file: a primary name, its
// aliases and its dated codes.
type actor struct {
	name    string
	aliases []string
	roles   []string // CODE:from:to
	dated   bool
	comment string
}

var codeRE = regexp.MustCompile(`\[([^\]]*)\]`)

// readActors parses a TABARI/PETRARCH actor dictionary. Entries start with
// a name line (codes may follow on it), "+NAME" lines add aliases and
// indented "[CODE dates]" lines add codes.
func readActors(path string, countries map[string]bool) ([]actor, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []actor
	var cur *actor
	flush := func() {
		if cur != nil && len(cur.roles) > 0 && !isCountryBlock(cur, countries) {
			out = append(out, *cur)
		}
		cur = nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		comment := ""
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line, comment = line[:i], line[i:]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		codes := codeRE.FindAllStringSubmatch(line, -1)
		head := strings.TrimSpace(codeRE.ReplaceAllString(line, ""))
		switch {
		case line[0] == ' ' || line[0] == '\t' || line[0] == '[':
			// code line for the current entry
		case line[0] == '+':
			if cur != nil && head != "+" {
				cur.aliases = append(cur.aliases, head[1:])
			}
		default:
			flush()
			cur = &actor{name: head, comment: comment}
		}
		if cur == nil {
			continue
		}
		for _, c := range codes {
			if r, dated, ok := parseRole(c[1]); ok {
				cur.roles = append(cur.roles, r)
				cur.dated = cur.dated || dated
			}
		}
	}
	flush()
	return out, sc.Err()
}

// isCountryBlock reports whether the entry is a country's own block (a
// bare country code, aliases that are spellings, cities and provinces);
// the country table covers those better.
// Any bare three-letter code that is not a sector marks one, including
// historical states (SUN, CSK) that ISO no longer lists.
func isCountryBlock(a *actor, countries map[string]bool) bool {
	for _, r := range a.roles {
		code := strings.SplitN(r, ":", 2)[0]
		if countries[code] || len(code) == 3 && !sectorCodes[code] {
			return true
		}
		if len(code) == 6 && countries[code[:3]] && countries[code[3:]] {
			return true
		}
	}
	return false
}

// sectorCodes are the bare codes that name a kind of actor, not a place.
var sectorCodes = map[string]bool{
	"MED": true, "MNC": true, "NGO": true, "IGO": true, "ELI": true, "GOV": true, "MIL": true,
	"REB": true, "OPP": true, "BUS": true, "CVL": true, "JUD": true, "LEG": true, "COP": true,
	"IMG": true, "UAF": true, "SPY": true, "PTY": true, "EDU": true, "REL": true, "HLH": true,
	"REF": true, "LAB": true, "AGR": true, "CRM": true, "HRI": true, "ENV": true, "DEV": true,
	"NGM": true, "INS": true, "RAD": true, "MOD": true, "SEP": true, "PPL": true,
}

// parseRole reads "RUSGOV 991231-080507", "AFGGOV >011222", "HTIOPP <061231"
// or "IGOUNO" into CODE:from:to with YYYYMMDD dates (0 = open).
func parseRole(s string) (string, bool, bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return "", false, false
	}
	code := strings.TrimPrefix(f[0], "~")
	if strings.Trim(code, "-") == "" || !isUpper(code) {
		return "", false, false
	}
	from, to := 0, 0
	if len(f) > 1 {
		d := f[1]
		switch {
		case strings.HasPrefix(d, ">"):
			from = parseDate(d[1:])
		case strings.HasPrefix(d, "<"):
			to = parseDate(d[1:])
		default:
			if a, b, ok := strings.Cut(d, "-"); ok {
				from, to = parseDate(a), parseDate(b)
			}
		}
	}
	return fmt.Sprintf("%s:%d:%d", code, from, to), from != 0 || to != 0, true
}

func isUpper(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// parseDate reads YYMMDD (years before 30 are 20xx) or YYYYMMDD.
func parseDate(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	switch len(s) {
	case 6:
		if n/10000 < 30 {
			return 20000000 + n
		}
		return 19000000 + n
	case 8:
		return n
	}
	return 0
}

var orgWords = regexp.MustCompile(`(?i)\b(ARMY|PARTY|MINISTRY|COUNCIL|FORCES?|AGENCY|BANK|COMPANY|CORP|INC|UNIVERSITY|ASSOCIATION|ORGANI[SZ]ATION|UNION|COMMITTEE|COMMISSION|GROUP|FRONT|MOVEMENT|BRIGADES?|DEPARTMENT|OFFICE|COURT|ASSEMBLY|PARLIAMENT|CONGRESS|SENATE|POLICE|GUARD|NAVY|FUND|INSTITUTE|FOUNDATION|SOCIETY|NETWORK|LEAGUE|ALLIANCE|AUTHORITY|GOVERNMENT|SERVICE|CENTER|CENTRE|BUREAU|COALITION|NATIONS|FEDERATION|REPUBLIC|CHURCH|CABINET|EMBASSY|RADIO|TELEVISION|NEWS|TIMES|POST|PRESS|HOUSE)\b`)

// actorType guesses PERSON or ORG: dated roles or a CountryInfo comment
// (the leader lists) mean a person unless the name has an org word.
func actorType(a actor) string {
	name := strings.ReplaceAll(a.name, "_", " ")
	if orgWords.MatchString(name) {
		return "ORG"
	}
	if a.dated || strings.Contains(a.comment, "CountryInfo") || strings.Contains(a.comment, "rulers") {
		return "PERSON"
	}
	return "ORG"
}

var parenRE = regexp.MustCompile(`\(([^)]*)\)`)

// display turns "VLADIMIR_PUTIN_" into "Vladimir Putin"; short single-word
// organisation names stay upper case ("UN", "NATO").
func display(raw, typ string) (string, []string) {
	var extra []string
	for _, m := range parenRE.FindAllStringSubmatch(raw, -1) {
		if a := strings.Trim(m[1], "_ "); a != "" && !strings.Contains(a, "_") {
			extra = append(extra, a)
		}
	}
	raw = parenRE.ReplaceAllString(raw, "")
	words := strings.Fields(strings.ReplaceAll(raw, "_", " "))
	if len(words) == 1 && typ == "ORG" && len(words[0]) <= 5 {
		return words[0], extra
	}
	for i, w := range words {
		words[i] = titleWord(w)
	}
	return strings.Join(words, " "), extra
}

func titleWord(w string) string {
	lw := strings.ToLower(w)
	switch lw {
	case "of", "the", "and", "for", "de", "al", "el", "bin", "van", "von", "la", "du":
		return lw
	case "us", "un", "eu", "uk", "u.s.", "u.n.", "nato":
		return strings.ToUpper(lw)
	}
	b := []rune(lw)
	up := true
	for i, r := range b {
		if up && r >= 'a' && r <= 'z' {
			b[i] = r - 'a' + 'A'
		}
		up = r == '-' || r == '\'' || r == '.'
	}
	return string(b)
}

// writeActors writes actors.tsv.gz: name type aliases roles.
func writeActors(dir, outDir string, countries map[string]bool) (int, error) {
	files := []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"}
	var rows []string
	seen := map[string]bool{}
	for _, fn := range files {
		as, err := readActors(filepath.Join(dir, fn), countries)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", fn, err)
		}
		for _, a := range as {
			typ := actorType(a)
			name, extra := display(a.name, typ)
			aliases := extra
			for _, al := range a.aliases {
				d, ex := display(al, typ)
				aliases = append(append(aliases, d), ex...)
			}
			row := strings.Join([]string{name, typ, strings.Join(aliases, "|"), strings.Join(a.roles, "|")}, "\t")
			if !seen[row] && name != "" {
				seen[row] = true
				rows = append(rows, row)
			}
		}
	}
	return len(rows), writeGz(filepath.Join(outDir, "actors.tsv.gz"), "name\ttype\taliases\troles", rows)
}

var agentRE = regexp.MustCompile(`^([^\[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)\]`)

// writeAgents writes agents.tsv.gz: phrase code, expanding the !MACRO!
// synonyms and regular plurals the way PETRARCH does.
func writeAgents(dir, outDir string) (int, error) {
	f, err := os.Open(filepath.Join(dir, "Phoenix.agents.txt"))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	macros := map[string][]string{}
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") {
			k, v, _ := strings.Cut(line, "=")
			for _, w := range strings.Split(v, ",") {
				macros[strings.TrimSpace(k)] = append(macros[strings.TrimSpace(k)], strings.TrimSpace(w))
			}
			continue
		}
		m := agentRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		phrase, plural, code := strings.TrimSpace(m[1]), m[2], m[3]
		for _, p := range expand(phrase, macros) {
			add := func(s string) {
				k := strings.ToLower(strings.Trim(strings.ReplaceAll(s, "_", " "), " "))
				if k != "" && out[k] == "" {
					out[k] = code
				}
			}
			add(p)
			switch {
			case plural == "":
				add(pluralize(strings.TrimRight(p, "_")))
			case plural != "{}":
				add(strings.Trim(plural, "{} "))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	rows := make([]string, 0, len(out))
	for k, v := range out {
		rows = append(rows, k+"\t"+v)
	}
	sort.Strings(rows)
	return len(rows), writeGz(filepath.Join(outDir, "agents.tsv.gz"), "phrase\tcode", rows)
}

func expand(p string, macros map[string][]string) []string {
	for k, vs := range macros {
		if strings.Contains(p, k) {
			var out []string
			for _, v := range vs {
				out = append(out, expand(strings.Replace(p, k, v, 1), macros)...)
			}
			return out
		}
	}
	return []string{p}
}

func pluralize(w string) string {
	switch {
	case strings.HasSuffix(w, "MAN"):
		return w[:len(w)-3] + "MEN"
	case strings.HasSuffix(w, "Y") && !strings.HasSuffix(w, "EY") && !strings.HasSuffix(w, "AY"):
		return w[:len(w)-1] + "IES"
	case strings.HasSuffix(w, "S") || strings.HasSuffix(w, "SH") || strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "X"):
		return w + "ES"
	}
	return w + "S"
}
