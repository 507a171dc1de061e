package sqlite

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/tidings/tidings"
)

const refColumns = "a.id, a.title, a.source, a.published"

// Quotes lists quotes, newest article first: by speaker (canonical name,
// case-insensitive), by words of the quote (q: a case-insensitive
// substring) and by date. Copies of earlier articles are left out.
func (db *DB) Quotes(ctx context.Context, q tidings.QuoteQuery) ([]tidings.QuoteHit, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	var w sqlWhere
	if q.Speaker != "" {
		w.add("qu.speaker = ? COLLATE NOCASE", q.Speaker)
	}
	if q.Text != "" {
		w.add("instr(lower(qu.text), lower(?)) > 0", q.Text)
	}
	timeRange(&w, "a.published", q.From, q.To)
	w.add("a.duplicate_of IS NULL")
	// Pick the page from the compact index first, then read the records of
	// that page only.
	sqlText := fmt.Sprintf(`SELECT %s, json_extract(a.record, '$.quotes[' || t.idx || ']') FROM (
			SELECT qu.article_id AS aid, qu.idx AS idx, ifnull(a.published, %d) AS k, a.seq AS s
			FROM quotes qu JOIN articles a INDEXED BY articles_api_id ON a.id = qu.article_id WHERE %s
			ORDER BY k DESC, s DESC, qu.idx LIMIT ?) t
		JOIN articles a ON a.id = t.aid ORDER BY t.k DESC, t.s DESC, t.idx`, refColumns, noDate, w.String())
	rows, err := db.factRows(ctx, sqlText, append(w.args, q.Limit)...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return decodeFacts(rows, func(r tidings.ArticleRef, x tidings.Quote) tidings.QuoteHit {
		return tidings.QuoteHit{ArticleRef: r, Quote: x}
	})
}

// eventFilter adds the conditions of q on events ev joined with articles a.
// Actor and recipient match the actor's name or the canonical name of the
// entity it resolves to.
func eventFilter(w *sqlWhere, q tidings.EventQuery) {
	if q.Type != "" {
		w.add("ev.type = ?", q.Type)
	}
	for _, side := range []struct{ name, col string }{{q.Actor, "actor"}, {q.Recipient, "recipient"}} {
		if side.name == "" {
			continue
		}
		// col is one of two constants.
		w.add(fmt.Sprintf(`ev.rowid IN (SELECT rowid FROM events WHERE %[1]s_name = ? COLLATE NOCASE
			UNION SELECT x.rowid FROM entities n JOIN events x ON x.article_id = n.article_id AND x.%[1]s_entity = n.eid
			WHERE n.name = ? COLLATE NOCASE)`, side.col), side.name, side.name)
	}
	if q.Country != "" {
		w.add("(ev.actor_country = ? OR ev.recipient_country = ?)", q.Country, q.Country)
	}
	if q.Place != "" {
		w.add("ev.location = ? COLLATE NOCASE", q.Place)
	}
	timeRange(w, "a.published", q.From, q.To)
	w.add("a.duplicate_of IS NULL")
}

// hasEventFilter says whether q selects events by more than dates.
func hasEventFilter(q tidings.EventQuery) bool {
	return q.Type != "" || q.Actor != "" || q.Recipient != "" || q.Country != "" || q.Place != ""
}

// eventHits lists the events matching q, newest article first.
func (db *DB) eventHits(ctx context.Context, q tidings.EventQuery) ([]tidings.EventHit, error) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	var w sqlWhere
	eventFilter(&w, q)
	sqlText := fmt.Sprintf(`SELECT %s, json_extract(a.record, '$.events[' || t.idx || ']') FROM (
			SELECT ev.article_id AS aid, ev.idx AS idx, ifnull(a.published, %d) AS k, a.seq AS s
			FROM events ev JOIN articles a INDEXED BY articles_api_id ON a.id = ev.article_id WHERE %s
			ORDER BY k DESC, s DESC, ev.idx LIMIT ?) t
		JOIN articles a ON a.id = t.aid ORDER BY t.k DESC, t.s DESC, t.idx`, refColumns, noDate, w.String())
	rows, err := db.factRows(ctx, sqlText, append(w.args, q.Limit)...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return decodeFacts(rows, func(r tidings.ArticleRef, x tidings.Event) tidings.EventHit {
		return tidings.EventHit{ArticleRef: r, Event: x}
	})
}

// Events lists the events matching q with their total and the casualty
// figures of their articles per day and place. Reports of one event are
// not added up: a day and place gets, for each kind, the largest figure
// any one article gives for it.
func (db *DB) Events(ctx context.Context, q tidings.EventQuery) (*tidings.EventResult, error) {
	hits, err := db.eventHits(ctx, q)
	if err != nil {
		return nil, err
	}
	res := &tidings.EventResult{Events: hits}
	var w sqlWhere
	eventFilter(&w, q)
	err = db.read.QueryRowContext(ctx, "SELECT count(*) FROM events ev JOIN articles a INDEXED BY articles_api_id ON a.id = ev.article_id WHERE "+w.String(),
		w.args...).Scan(&res.Total)
	if err != nil {
		return nil, fmt.Errorf("count events: %w", err)
	}
	var cw sqlWhere
	if hasEventFilter(q) {
		cw.add("c.article_id IN (SELECT ev.article_id FROM events ev JOIN articles a INDEXED BY articles_api_id ON a.id = ev.article_id WHERE "+w.String()+")", w.args...)
	}
	timeRange(&cw, "a.published", q.From, q.To)
	cw.add("a.duplicate_of IS NULL")
	cw.add("a.published IS NOT NULL")
	if res.Aggregates, err = db.countAggregates(ctx, "articles a INDEXED BY articles_api_id", cw); err != nil {
		return nil, err
	}
	return res, nil
}

// countAggregates sums casualty figures per day and place for the counts
// (c, joined with articles, named by the caller as a) selected by w.
func (db *DB) countAggregates(ctx context.Context, articles string, w sqlWhere) ([]tidings.CountAggregate, error) {
	sqlText := `WITH per AS (
		SELECT c.article_id, strftime('%Y-%m-%d', a.published, 'unixepoch') AS day, c.location AS place,
			max(CASE WHEN c.kind = 'KILL' THEN c.number END) AS k,
			max(CASE WHEN c.kind = 'WOUND' THEN c.number END) AS wd,
			max(CASE WHEN c.kind = 'ARREST' THEN c.number END) AS ar
		FROM counts c JOIN ` + articles + ` ON a.id = c.article_id WHERE ` + w.String() + `
		GROUP BY c.article_id, day, c.location COLLATE NOCASE)
	SELECT day, min(place), ifnull(max(k), 0), ifnull(max(wd), 0), ifnull(max(ar), 0), count(*)
	FROM per GROUP BY day, place COLLATE NOCASE ORDER BY day DESC, 3 DESC LIMIT 1000`
	rows, err := db.read.QueryContext(ctx, sqlText, w.args...)
	if err != nil {
		return nil, fmt.Errorf("casualty aggregates: %w", err)
	}
	defer rows.Close()
	var out []tidings.CountAggregate
	for rows.Next() {
		var c tidings.CountAggregate
		if err := rows.Scan(&c.Day, &c.Place, &c.Killed, &c.Wounded, &c.Arrested, &c.Articles); err != nil {
			return nil, fmt.Errorf("casualty aggregates: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// maxPlaces bounds the places of a map.
const maxPlaces = 500

// MapSample bounds the articles a map and an unfiltered actor network look
// at: the newest MapSample matching ones.
const MapSample = 20000

// Places aggregates the geocoded places of the articles matching f (the
// newest MapSample): where they are, how many articles name them, how many
// events happened there and the killed and wounded reported there (per day,
// the largest figure of any one article; summed over days).
func (db *DB) Places(ctx context.Context, f tidings.ArticleFilter) ([]tidings.PlaceAggregate, error) {
	sub, args := sampleSQLN(f, MapSample)
	sqlText := fmt.Sprintf(`SELECT min(p.name), max(p.country), avg(p.lat), avg(p.lon), count(DISTINCT p.article_id) AS n
		FROM places p WHERE p.article_id IN (%s)
		AND p.lat IS NOT NULL AND p.lon IS NOT NULL AND NOT (p.lat = 0 AND p.lon = 0)
		GROUP BY p.name COLLATE NOCASE ORDER BY n DESC, 1 LIMIT %d`, sub, maxPlaces)
	rows, err := db.read.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, ftsError(fmt.Errorf("places: %w", err), f.Text)
	}
	var out []tidings.PlaceAggregate
	byName := map[string]int{}
	for rows.Next() {
		var p tidings.PlaceAggregate
		if err := rows.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Articles); err != nil {
			rows.Close()
			return nil, fmt.Errorf("places: %w", err)
		}
		byName[strings.ToLower(p.Name)] = len(out)
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	if err := db.placeFacts(ctx, f, out, byName); err != nil {
		return nil, ftsError(err, f.Text)
	}
	return out, nil
}

// placeFacts adds event and casualty totals to the places of out.
func (db *DB) placeFacts(ctx context.Context, f tidings.ArticleFilter, out []tidings.PlaceAggregate, byName map[string]int) error {
	sub, args := sampleSQLN(f, MapSample)
	rows, err := db.read.QueryContext(ctx, `SELECT lower(ev.location), count(*) FROM events ev
		WHERE ev.article_id IN (`+sub+`) AND ev.location != '' AND ev.negated = 0 GROUP BY lower(ev.location)`, args...)
	if err != nil {
		return fmt.Errorf("place events: %w", err)
	}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			rows.Close()
			return fmt.Errorf("place events: %w", err)
		}
		if i, ok := byName[name]; ok {
			out[i].Events = n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("place events: %w", err)
	}
	var cw sqlWhere
	cw.add("c.article_id IN ("+sub+")", args...)
	cw.add("a.published IS NOT NULL")
	cw.add("c.location != ''")
	aggs, err := db.countAggregates(ctx, "articles a", cw)
	if err != nil {
		return err
	}
	for _, c := range aggs {
		if i, ok := byName[strings.ToLower(c.Place)]; ok {
			out[i].Killed += c.Killed
			out[i].Wounded += c.Wounded
		}
	}
	return nil
}

// Network is who did what to whom among the events matching q: one edge per
// actor, recipient and event type (negated and hypothetical events left
// out), the q.Limit (default 60) most frequent. Without an event filter it
// looks at the events of the newest MapSample articles in the date range.
func (db *DB) Network(ctx context.Context, q tidings.EventQuery) (*tidings.Network, error) {
	if q.Limit <= 0 {
		q.Limit = 60
	}
	var w sqlWhere
	eventFilter(&w, q)
	if !hasEventFilter(q) {
		sub, args := sampleSQLN(tidings.ArticleFilter{From: q.From, To: q.To}, MapSample)
		w.add("ev.article_id IN ("+sub+")", args...)
	}
	w.add("ifnull(ev.actor_name, '') != '' AND ifnull(ev.recipient_name, '') != ''")
	w.add("ev.negated = 0 AND ev.hypothetical = 0")
	sqlText := `SELECT min(ev.actor_name), min(ev.recipient_name), ev.type, count(*) AS n,
			ifnull(max(ev.actor_country), ''), ifnull(max(ev.recipient_country), '')
		FROM events ev JOIN articles a INDEXED BY articles_api_id ON a.id = ev.article_id WHERE ` + w.String() + `
		GROUP BY ev.actor_name COLLATE NOCASE, ev.recipient_name COLLATE NOCASE, ev.type
		ORDER BY n DESC, 1, 2, 3 LIMIT ?`
	rows, err := db.read.QueryContext(ctx, sqlText, append(w.args, q.Limit)...)
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	defer rows.Close()
	net := &tidings.Network{}
	nodes := map[string]*tidings.NetworkNode{}
	node := func(name, country string, n int) {
		key := strings.ToLower(name)
		nd := nodes[key]
		if nd == nil {
			nd = &tidings.NetworkNode{ID: name, Country: country}
			nodes[key] = nd
		}
		nd.Events += n
	}
	for rows.Next() {
		var e tidings.NetworkEdge
		var ac, rc string
		if err := rows.Scan(&e.Actor, &e.Recipient, &e.Type, &e.Count, &ac, &rc); err != nil {
			return nil, fmt.Errorf("network: %w", err)
		}
		net.Edges = append(net.Edges, e)
		node(e.Actor, ac, e.Count)
		node(e.Recipient, rc, e.Count)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	for _, nd := range nodes {
		net.Nodes = append(net.Nodes, *nd)
	}
	sort.Slice(net.Nodes, func(i, j int) bool {
		if net.Nodes[i].Events != net.Nodes[j].Events {
			return net.Nodes[i].Events > net.Nodes[j].Events
		}
		return net.Nodes[i].ID < net.Nodes[j].ID
	})
	return net, nil
}
