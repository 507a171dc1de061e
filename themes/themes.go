// Package themes tags an article with themes from a small fixed taxonomy,
// from the words of the text (lemmas, one- and two-word cues), the types of
// its entities and the PLOVER types of its events. A theme is assigned when
// its evidence reaches a threshold (two cue words, or one cue word and a
// supporting event); themes come out strongest first.
//
// The taxonomy (32 themes):
//
//	ARMED_CONFLICT     war, fighting, strikes, shelling, troops in combat
//	TERRORISM          terrorist attacks, bombings by militant groups, hostages
//	PROTEST            demonstrations, rallies, strikes by workers, riots
//	ELECTION           elections, votes, campaigns, candidates, ballots
//	PEACE_TALKS        negotiations, peace deals, mediation
//	CEASEFIRE          ceasefires, truces, armistices
//	SANCTIONS          sanctions, embargoes, asset freezes, tariffs as punishment
//	TERRITORY          annexation, territorial claims, borders, occupation
//	REFUGEES           refugees, displaced people, asylum seekers
//	MIGRATION          immigration, migrants, deportation, visas
//	HUMAN_RIGHTS       rights abuses, torture, political prisoners, freedoms
//	CORRUPTION         bribery, embezzlement, graft, fraud by officials
//	ECONOMY            growth, inflation, markets, jobs, budgets, debt
//	TRADE              trade, exports, imports, tariffs, trade deals
//	ENERGY             oil, gas, pipelines, power grids, nuclear power
//	DISASTER           earthquakes, floods, storms, fires, accidents
//	HEALTH             disease, epidemics, hospitals, vaccines
//	CLIMATE            climate change, emissions, global warming
//	DIPLOMACY          summits, visits, envoys, ambassadors, bilateral ties
//	MILITARY           armed forces, defence spending, weapons, exercises
//	NUCLEAR            nuclear weapons, enrichment, non-proliferation
//	CYBER              hacking, cyberattacks, data breaches
//	CRIME              murder, theft, gangs, drugs, police investigations
//	JUSTICE            courts, trials, verdicts, sentences, prosecutors
//	LAW_ENFORCEMENT    arrests, police operations, detentions
//	HUMANITARIAN_AID   aid deliveries, relief, food assistance
//	FOOD_SECURITY      famine, hunger, food prices, crops
//	RELIGION           religious groups, clergy, worship, sectarian tension
//	MEDIA              press freedom, journalists, censorship, disinformation
//	LEGISLATION        parliaments passing laws, bills, decrees, reforms
//	EDUCATION          schools, universities, students, teachers
//	TECHNOLOGY         artificial intelligence, tech companies, semiconductors
package themes

import (
	"context"
	"errors"
	"sort"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

// cues maps each theme to its cue words and two-word phrases (lower-case
// lemmas; a word also matches its plural).
var cues = map[string]string{
	"ARMED_CONFLICT":   "war warfare fighting combat battle offensive shelling airstrike air_strike missile_strike strike bombardment frontline front_line troops shelled bombing artillery drone invasion insurgency clashes clash militia rebels gunfire killed casualties",
	"TERRORISM":        "terrorism terrorist terror suicide_bomber suicide_bombing jihadist extremist militant_group hostage car_bomb isis al-qaeda",
	"PROTEST":          "protest protester demonstration demonstrator rally march riot rioter sit-in picket hunger_strike general_strike walkout",
	"ELECTION":         "election vote voter ballot poll polling campaign candidate re-election referendum nominee runoff electoral primary",
	"PEACE_TALKS":      "peace_talks negotiation negotiate negotiator peace_deal peace_agreement peace_plan peace_process mediation mediator talks peace",
	"CEASEFIRE":        "ceasefire cease-fire truce armistice cessation_of_hostilities",
	"SANCTIONS":        "sanction sanctions embargo asset_freeze blacklist export_controls",
	"TERRITORY":        "territory territorial annex annexed annexation occupation occupied border sovereignty crimea separatist",
	"REFUGEES":         "refugee displaced asylum_seeker evacuee camp_for_displaced internally_displaced",
	"MIGRATION":        "migrant immigration immigrant deportation deport visa border_crossing smuggler",
	"HUMAN_RIGHTS":     "human_rights rights_group torture abuse political_prisoner repression persecution amnesty_international human_rights_watch",
	"CORRUPTION":       "corruption bribe bribery embezzlement graft kickback money_laundering fraud",
	"ECONOMY":          "economy economic inflation gdp growth recession market stock investor unemployment budget debt currency interest_rate central_bank",
	"TRADE":            "trade export import tariff trade_deal free-trade customs",
	"ENERGY":           "oil gas pipeline energy electricity power_grid opec lng fuel",
	"DISASTER":         "earthquake flood flooding hurricane cyclone typhoon tsunami wildfire landslide drought disaster avalanche volcano",
	"HEALTH":           "health disease epidemic pandemic outbreak virus vaccine hospital patient cholera covid infection",
	"CLIMATE":          "climate climate_change emission emissions global_warming carbon greenhouse",
	"DIPLOMACY":        "diplomacy diplomatic diplomat summit ambassador envoy embassy bilateral foreign_minister state_visit ties relations talks",
	"MILITARY":         "military army navy air_force defence defense weapon weapons soldier troops exercise deployment arms",
	"NUCLEAR":          "nuclear uranium enrichment warhead non-proliferation iaea atomic",
	"CYBER":            "cyber cyberattack hacker hacking hack malware ransomware data_breach",
	"CRIME":            "crime criminal murder theft robbery gang drug trafficking smuggling homicide",
	"JUSTICE":          "court trial judge verdict sentence sentenced prosecutor lawsuit convicted acquitted appeal indictment",
	"LAW_ENFORCEMENT":  "police arrest arrested detained detention raid custody investigation",
	"HUMANITARIAN_AID": "aid humanitarian relief assistance donation food_aid convoy",
	"FOOD_SECURITY":    "famine hunger starvation food_shortage food_prices harvest crop grain",
	"RELIGION":         "religious church mosque temple clergy priest imam muslim christian hindu jewish sectarian worship",
	"MEDIA":            "journalist press_freedom censorship media newspaper reporter disinformation propaganda",
	"LEGISLATION":      "law bill legislation parliament congress decree reform legislature senate amendment",
	"EDUCATION":        "school university student teacher education classroom",
	"TECHNOLOGY":       "technology artificial_intelligence ai semiconductor chip software tech startup",
}

// eventThemes are the themes PLOVER event types support.
var eventThemes = map[string][]string{
	"ASSAULT":   {"ARMED_CONFLICT"},
	"PROTEST":   {"PROTEST"},
	"SANCTION":  {"SANCTIONS"},
	"CONSULT":   {"DIPLOMACY"},
	"AGREE":     {"DIPLOMACY"},
	"AID":       {"HUMANITARIAN_AID"},
	"MOBILIZE":  {"MILITARY"},
	"COERCE":    {"HUMAN_RIGHTS"},
	"REQUEST":   {"DIPLOMACY"},
	"ACCUSE":    {"DIPLOMACY"},
	"COOPERATE": {"DIPLOMACY"},
}

// Tagger assigns themes. It is read-only and safe for concurrent use.
type Tagger struct {
	words map[string][]string // word or "w1_w2" -> themes
	// pairs[a][b] is words[a+"_"+b], for every split of a key of words at
	// an underscore: one lookup of a token's word tells whether any pair
	// starts with it, without building the pair's key.
	pairs map[string]map[string][]string
}

// New returns a tagger.
func New() *Tagger {
	t := &Tagger{words: map[string][]string{}, pairs: map[string]map[string][]string{}}
	for theme, ws := range cues {
		for _, w := range strings.Fields(ws) {
			t.words[w] = append(t.words[w], theme)
		}
	}
	for k, themes := range t.words {
		for i := range len(k) {
			if k[i] != '_' {
				continue
			}
			a, b := k[:i], k[i+1:]
			if t.pairs[a] == nil {
				t.pairs[a] = map[string][]string{}
			}
			t.pairs[a][b] = themes
		}
	}
	return t
}

// Annotate sets a.Themes from the text, a.Entities and a.Events.
func (t *Tagger) Annotate(ctx context.Context, doc *nlp.Doc, a *tidings.Article) error {
	if a == nil {
		return errors.New("themes: nil article")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Themes = t.Tag(facttext.For(ctx, doc, a.Text), a.Entities, a.Events)
	return nil
}

// Tag returns the themes of a text, strongest first.
func (t *Tagger) Tag(ft *facttext.Text, ents []tidings.Entity, events []tidings.Event) []string {
	score := map[string]float64{}
	hits := map[string]int{}
	add := func(themes []string) {
		for _, th := range themes {
			hits[th]++
			if hits[th] <= 6 { // one repeated word does not make a theme
				score[th]++
			}
		}
	}
	for _, s := range ft.Sentences {
		for i, k := range s.Tokens {
			w := k.Lemma
			ths, ok := t.words[w]
			if !ok {
				w = strings.TrimSuffix(k.Lower, "s")
				ths = t.words[w]
			}
			add(ths)
			if w != k.Lower {
				add(t.words[k.Lower])
			}
			// The pairs "word_next" and "word_nex" (next without its s).
			if pm := t.pairs[k.Lower]; pm != nil && i+1 < len(s.Tokens) {
				next := s.Tokens[i+1].Lower
				add(pm[next])
				add(pm[strings.TrimSuffix(next, "s")])
			}
		}
	}
	for _, e := range events {
		if e.Negated || e.Hypothetical {
			continue
		}
		for _, th := range eventThemes[e.Type] {
			score[th] += 1.5
		}
	}
	for _, e := range ents {
		if e.Type == tidings.EntityNORP && strings.Contains(strings.ToLower(e.Name), "muslim") {
			score["RELIGION"]++
		}
	}
	var out []string
	for th, s := range score {
		if s >= 2.5 {
			out = append(out, th)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if score[out[i]] != score[out[j]] {
			return score[out[i]] > score[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}
