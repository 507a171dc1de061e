package sqlite

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/tidings/tidings"
)

// Caps on the registry's JSON lists, so a much-mentioned entity's row stays
// small.
const (
	maxRoles   = 20
	maxAliases = 50
)

// NameKey is the registry key of an entity name: lower case with white space
// collapsed, so "Donald  Trump" and "donald trump" are one entity.
func NameKey(name string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(name), unicode.IsSpace), " ")
}

// regEntry gathers one article's entities that share a registry key.
type regEntry struct {
	name, typ, country, sector string
	roles, aliases             []string
	mentions                   int
	idx                        []int // indexes into Article.Entities
}

// updateRegistry writes a's entities and mentions and folds them into the
// cross-article registry: one registry row per (name key, type), counting
// each article once however many of its entities map to the row. seen is the
// time the article speaks for (published, else ingested).
func updateRegistry(w *writeTx, a *tidings.Article, seen int64) error {
	entries := map[[2]string]*regEntry{}
	var order [][2]string
	for i, e := range a.Entities {
		key := [2]string{NameKey(e.Name), e.Type}
		if key[0] == "" {
			continue
		}
		r := entries[key]
		if r == nil {
			r = &regEntry{name: strings.TrimSpace(e.Name), typ: e.Type}
			entries[key] = r
			order = append(order, key)
		}
		r.country = firstNonEmpty(r.country, e.Country)
		r.sector = firstNonEmpty(r.sector, e.Sector)
		r.roles = addUnique(r.roles, e.Role, maxRoles)
		r.aliases = addUnique(r.aliases, e.Name, maxAliases)
		for _, m := range e.Mentions {
			r.aliases = addUnique(r.aliases, m.Text, maxAliases)
		}
		r.mentions += len(e.Mentions)
		r.idx = append(r.idx, i)
	}
	eids := factEIDs(a.Entities)
	regID := map[int]int64{} // entity index -> registry id
	for _, key := range order {
		id, err := upsertRegistry(w, key[0], entries[key], seen)
		if err != nil {
			return err
		}
		for _, i := range entries[key].idx {
			regID[i] = id
		}
	}
	// Mentions are the most numerous rows; they go in as one JSON array of
	// [eid, start, end, text] in a single statement.
	var mentions [][4]any
	for i, e := range a.Entities {
		var rid any
		if id, ok := regID[i]; ok {
			rid = id
		}
		if _, err := w.exec(sqlInsertEntity,
			a.ID, eids[i], rid, e.Name, e.Type, e.Country, e.Sector, e.Role, len(e.Mentions)); err != nil {
			return fmt.Errorf("insert entity %d (%s): %w", i, e.ID, err)
		}
		for _, m := range e.Mentions {
			mentions = append(mentions, [4]any{eids[i], m.Start, m.End, m.Text})
		}
	}
	if len(mentions) > 0 {
		b, err := json.Marshal(mentions)
		if err != nil {
			return fmt.Errorf("encode mentions: %w", err)
		}
		if _, err := w.exec(sqlInsertMentions, a.ID, string(b)); err != nil {
			return fmt.Errorf("insert mentions: %w", err)
		}
	}
	return nil
}

// upsertRegistry merges r into the registry row of (key, r.typ) and returns
// the row's id.
func upsertRegistry(w *writeTx, key string, r *regEntry, seen int64) (int64, error) {
	var (
		id                     int64
		country, sector        string
		rolesJSON, aliasesJSON string
	)
	err := w.queryRow(sqlRegistryGet, key, r.typ).Scan(&id, &country, &sector, &rolesJSON, &aliasesJSON)
	if errors.Is(err, sql.ErrNoRows) {
		roles, _ := json.Marshal(nonNil(r.roles))
		aliases, _ := json.Marshal(nonNil(r.aliases))
		res, err := w.exec(sqlRegistryInsert,
			r.name, key, r.typ, r.country, r.sector, string(roles), string(aliases), r.mentions, seen, seen)
		if err != nil {
			return 0, fmt.Errorf("insert %s %q: %w", r.typ, r.name, err)
		}
		return res.LastInsertId()
	}
	if err != nil {
		return 0, fmt.Errorf("read %s %q: %w", r.typ, r.name, err)
	}
	var roles, aliases []string
	// A list some other writer mangled is replaced rather than failing ingest.
	_ = json.Unmarshal([]byte(rolesJSON), &roles)
	_ = json.Unmarshal([]byte(aliasesJSON), &aliases)
	for _, x := range r.roles {
		roles = addUnique(roles, x, maxRoles)
	}
	for _, x := range r.aliases {
		aliases = addUnique(aliases, x, maxAliases)
	}
	rb, _ := json.Marshal(nonNil(roles))
	ab, _ := json.Marshal(nonNil(aliases))
	_, err = w.exec(sqlRegistryUpdate,
		firstNonEmpty(country, r.country), firstNonEmpty(sector, r.sector), string(rb), string(ab),
		r.mentions, seen, id)
	if err != nil {
		return 0, fmt.Errorf("update %s %q: %w", r.typ, r.name, err)
	}
	return id, nil
}

// factEIDs returns the eid column of each entity: its ID, or "#i" when the
// ID is empty or repeats an earlier one, so a flawed record still stores.
func factEIDs(es []tidings.Entity) []string {
	out := make([]string, len(es))
	seen := make(map[string]bool, len(es))
	for i, e := range es {
		id := e.ID
		if id == "" || seen[id] {
			id = fmt.Sprintf("%s#%d", e.ID, i)
		}
		seen[id] = true
		out[i] = id
	}
	return out
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// addUnique appends s to list unless it is empty, already there, or the
// list is full.
func addUnique(list []string, s string, limit int) []string {
	s = strings.TrimSpace(s)
	if s == "" || len(list) >= limit {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
