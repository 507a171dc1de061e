package counts

import (
	"strconv"
	"strings"

	"github.com/tidings/tidings/internal/facttext"
)

var units = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100, "thousand": 1000,
}

var multipliers = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000, "lakh": 100000}

// vague plural quantities: the unit, qualified "about".
var vague = map[string]int{"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000}

// number is a figure found in a sentence: tokens [from, to) hold it and its
// qualifier.
type number struct {
	value      int
	qualifier  string
	from, to   int // token range including the qualifier
	numFrom    int // first token of the figure itself
	vague, art bool
}

// qualifiers, longest first: words before a figure and what they mean.
var qualifiers = []struct {
	words []string
	q     string
}{
	{[]string{"no", "fewer", "than"}, "at-least"}, {[]string{"not", "less", "than"}, "at-least"},
	{[]string{"a", "minimum", "of"}, "at-least"}, {[]string{"at", "least"}, "at-least"},
	{[]string{"more", "than"}, "more-than"}, {[]string{"upwards", "of"}, "more-than"},
	{[]string{"in", "excess", "of"}, "more-than"}, {[]string{"over"}, "more-than"},
	{[]string{"up", "to"}, "up-to"}, {[]string{"as", "many", "as"}, "up-to"},
	{[]string{"an", "estimated"}, "about"}, {[]string{"close", "to"}, "about"},
	{[]string{"about"}, "about"}, {[]string{"around"}, "about"}, {[]string{"nearly"}, "about"},
	{[]string{"almost"}, "about"}, {[]string{"approximately"}, "about"}, {[]string{"some"}, "about"},
	{[]string{"roughly"}, "about"}, {[]string{"estimated"}, "about"}, {[]string{"over"}, "more-than"},
}

// parseNumber reads a figure starting at token i: digits (1,500), words
// (twenty-five, two hundred), "a dozen", or a vague plural (hundreds).
func parseNumber(toks []facttext.Token, i int) (number, bool) {
	n := number{from: i, numFrom: i, qualifier: "exact"}
	j := i
	w := toks[j].Lower
	switch {
	case isDigits(w):
		v, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
		if err != nil || v <= 0 {
			return n, false
		}
		n.value = v
		j++
		if j < len(toks) && multipliers[toks[j].Lower] > 0 {
			n.value *= multipliers[toks[j].Lower]
			j++
		}
	case decimal(w) && j+1 < len(toks) && multipliers[toks[j+1].Lower] >= 1000:
		// "1.5 million"
		a, b, _ := strings.Cut(w, ".")
		whole, _ := strconv.Atoi(a)
		frac, _ := strconv.Atoi(b)
		scale := 1
		for range b {
			scale *= 10
		}
		m := multipliers[toks[j+1].Lower]
		n.value = whole*m + frac*m/scale
		j += 2
	case vague[w] > 0:
		n.value, n.qualifier, n.vague = vague[w], "about", true
		j++
		if j < len(toks) && toks[j].Lower == "of" {
			j++
		}
	case (w == "a" || w == "an") && j+1 < len(toks) && (toks[j+1].Lower == "dozen" || toks[j+1].Lower == "hundred" || toks[j+1].Lower == "thousand"):
		n.value = units[toks[j+1].Lower]
		j += 2
	case (units[w] > 0 && w != "hundred" && w != "thousand" && w != "dozen") || compoundUnit(w):
		total, cur := 0, 0
		for j < len(toks) {
			t := toks[j].Lower
			if t == "-" && j+1 < len(toks) && units[toks[j+1].Lower] > 0 && units[toks[j+1].Lower] < 10 {
				j++
				continue
			}
			if strings.Contains(t, "-") { // twenty-five as one token
				a, b, _ := strings.Cut(t, "-")
				if units[a] >= 20 && units[b] > 0 && units[b] < 10 {
					cur += units[a] + units[b]
					j++
					continue
				}
			}
			if t == "dozen" && cur > 0 && cur < 100 {
				cur *= 12 // "two dozen"
				j++
				continue
			}
			if m := multipliers[t]; m > 0 && cur > 0 {
				if m >= 1000 {
					total += cur * m
					cur = 0
				} else {
					cur *= m
				}
				j++
				continue
			}
			if u := units[t]; u > 0 && t != "dozen" {
				cur += u
				j++
				continue
			}
			if t == "and" && cur >= 100 && j+1 < len(toks) && units[toks[j+1].Lower] > 0 {
				j++
				continue
			}
			break
		}
		n.value = total + cur
	default:
		return n, false
	}
	if n.value <= 0 {
		return n, false
	}
	n.to = j
	// The qualifier before the figure.
	for _, q := range qualifiers {
		k := i - len(q.words)
		if k < 0 {
			continue
		}
		ok := true
		for m, qw := range q.words {
			if toks[k+m].Lower != qw {
				ok = false
				break
			}
		}
		if ok {
			n.from, n.qualifier = k, q.q
			break
		}
	}
	return n, true
}

// compoundUnit reports a hyphenated number word: twenty-five.
func compoundUnit(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	return ok && units[a] >= 20 && units[b] > 0 && units[b] < 10
}

// decimal reports a number with a decimal point and at most two decimals:
// "1.5", "2.25".
func decimal(w string) bool {
	a, b, ok := strings.Cut(w, ".")
	return ok && isDigits(a) && !strings.Contains(a, ",") && len(a) <= 3 && len(b) >= 1 && len(b) <= 2 && isDigits(b) && !strings.Contains(b, ",")
}

func isDigits(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' {
			return false
		}
	}
	return true
}
