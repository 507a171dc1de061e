package events

import (
	"strconv"
	"strings"
	"time"

	"github.com/tidings/tidings/internal/facttext"
)

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

// resolveDate dates a sentence's event from the time words in it and the
// publication date: "on Wednesday" (the last Wednesday up to publication),
// "yesterday", "last week", "last month", "last year", "in 2014", "April
// 24". With no time words the event is dated to the publication day; with
// no publication date only explicit years and full dates are given.
func resolveDate(toks []facttext.Token, pub *time.Time) string {
	for i, k := range toks {
		w := k.Lower
		if pub != nil {
			p := *pub
			if wd, ok := weekdays[w]; ok {
				d := (int(p.Weekday()) - int(wd) + 7) % 7
				return p.AddDate(0, 0, -d).Format("2006-01-02")
			}
			switch w {
			case "yesterday":
				return p.AddDate(0, 0, -1).Format("2006-01-02")
			case "today", "tonight":
				return p.Format("2006-01-02")
			}
			if w == "last" && i+1 < len(toks) {
				switch toks[i+1].Lower {
				case "week":
					return p.AddDate(0, 0, -7).Format("2006-01-02")
				case "month":
					return p.AddDate(0, -1, 0).Format("2006-01")
				case "year":
					return strconv.Itoa(p.Year() - 1)
				}
			}
		}
		if m, ok := monthNames[w]; ok && facttext.IsCap(k.Text) && i+1 < len(toks) {
			if day, err := strconv.Atoi(toks[i+1].Lower); err == nil && day >= 1 && day <= 31 {
				year := 0
				if i+3 < len(toks) && toks[i+2].Text == "," {
					year, _ = strconv.Atoi(toks[i+3].Lower)
				}
				if year == 0 && pub != nil {
					year = pub.Year()
					if time.Date(year, m, day, 0, 0, 0, 0, time.UTC).After(*pub) {
						year--
					}
				}
				if year > 0 {
					return time.Date(year, m, day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
				}
			}
		}
		if (w == "in" || w == "since") && i+1 < len(toks) && len(toks[i+1].Lower) == 4 {
			if y, err := strconv.Atoi(toks[i+1].Lower); err == nil && y >= 1900 && y <= 2100 &&
				(pub == nil || y <= pub.Year()) && !strings.Contains(toks[i+1].Text, ",") {
				return strconv.Itoa(y)
			}
		}
	}
	if pub != nil {
		return pub.Format("2006-01-02")
	}
	return ""
}
