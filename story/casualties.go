package story

import (
	"sort"

	"github.com/tidings/tidings"
)

// SourceFigure is one report's figure for a story.
type SourceFigure struct {
	Article   string `json:"article"`
	Source    string `json:"source"`
	Number    int    `json:"number"`
	Qualifier string `json:"qualifier"`
}

// CasualtyRange is what a story's reports say of one kind of count (KILL,
// WOUND, ARREST…): the lowest and highest figure and each source's own.
type CasualtyRange struct {
	Kind    string         `json:"kind"`
	Min     int            `json:"min"`
	Max     int            `json:"max"`
	Figures []SourceFigure `json:"figures"`
}

// Casualties sums up the counts of a story's articles as ranges, one per
// kind. Each article contributes its largest figure of a kind (a report
// giving "12 killed … including 3 children" says 12); near-duplicates are
// left out so a syndicated figure is not counted twice.
func Casualties(articles []*tidings.Article) []CasualtyRange {
	byKind := map[string]*CasualtyRange{}
	for _, a := range articles {
		if a == nil || (a.DuplicateOf != nil && *a.DuplicateOf != "") {
			continue
		}
		best := map[string]tidings.Count{}
		for _, c := range a.Counts {
			if b, ok := best[c.Kind]; !ok || c.Number > b.Number {
				best[c.Kind] = c
			}
		}
		for kind, c := range best {
			r := byKind[kind]
			if r == nil {
				r = &CasualtyRange{Kind: kind, Min: c.Number, Max: c.Number}
				byKind[kind] = r
			}
			r.Min, r.Max = min(r.Min, c.Number), max(r.Max, c.Number)
			r.Figures = append(r.Figures, SourceFigure{Article: a.ID, Source: a.Source, Number: c.Number, Qualifier: c.Qualifier})
		}
	}
	out := make([]CasualtyRange, 0, len(byKind))
	for _, r := range byKind {
		sort.SliceStable(r.Figures, func(i, j int) bool { return r.Figures[i].Number < r.Figures[j].Number })
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Kind < out[j].Kind })
	return out
}
