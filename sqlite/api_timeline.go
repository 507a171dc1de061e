package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/tidings/tidings"
)

// bucketExpr returns the SQL expression that maps a unix-seconds column to
// the start of its interval (UTC; weeks start on Monday).
func bucketExpr(col, interval string) (string, error) {
	switch interval {
	case tidings.IntervalHour:
		return fmt.Sprintf("(%s / 3600) * 3600", col), nil
	case tidings.IntervalDay, "":
		return fmt.Sprintf("(%s / 86400) * 86400", col), nil
	case tidings.IntervalWeek:
		// 1970-01-05 (345600 s) was a Monday.
		return fmt.Sprintf("((%s - 345600) / 604800) * 604800 + 345600", col), nil
	}
	return "", &QueryError{Param: "interval", Msg: fmt.Sprintf("%q is not hour, day or week", interval)}
}

// Timeline counts the articles matching q per interval of their published
// time, with the number of all stored articles of each interval and the
// ratio of the two (attention normalised by volume, as Media Cloud does).
// Intervals without any stored article are left out; undated articles are
// not counted. With a split ("source" or "event_type") it adds one series
// per value, the MaxSeries (default 8) largest. With Unit UnitStories every
// count (and total) is of distinct stories instead of articles.
func (db *DB) Timeline(ctx context.Context, q tidings.TimelineQuery) (*tidings.Timeline, error) {
	if q.Interval == "" {
		q.Interval = tidings.IntervalDay
	}
	bucket, err := bucketExpr("a.published", q.Interval)
	if err != nil {
		return nil, err
	}
	stories, err := countsStories(q.Unit)
	if err != nil {
		return nil, err
	}
	count := db.bucketCountsAndTotals
	if stories {
		count = db.storyBucketCounts
	}
	totals, counts, err := count(ctx, q.Interval, q.ArticleFilter)
	if err != nil {
		return nil, ftsError(fmt.Errorf("timeline: %w", err), q.Text)
	}
	tl := &tidings.Timeline{Interval: q.Interval, Buckets: fillBuckets(totals, counts), Unit: unitName(stories)}
	if q.Split != "" {
		if tl.Series, err = db.timelineSeries(ctx, q, bucket, totals, stories); err != nil {
			return nil, ftsError(err, q.Text)
		}
	}
	return tl, nil
}

// bucketTotals counts all stored articles per interval within f's dates.
func (db *DB) bucketTotals(ctx context.Context, interval string, f tidings.ArticleFilter) (map[int64]int, error) {
	totals, _, err := db.bucketCountsAndTotals(ctx, interval, tidings.ArticleFilter{From: f.From, To: f.To, IncludeDuplicates: f.IncludeDuplicates})
	return totals, err
}

// intervalSeconds returns the length of an interval.
func intervalSeconds(interval string) int64 {
	switch interval {
	case tidings.IntervalHour:
		return 3600
	case tidings.IntervalWeek:
		return 7 * 86400
	}
	return 86400
}

// bucketStart returns the start of the interval holding t (weeks start on
// Monday; 1970-01-05, 345600 s, was one).
func bucketStart(t int64, interval string) int64 {
	step, origin := intervalSeconds(interval), int64(0)
	if interval == tidings.IntervalWeek {
		origin = 345600
	}
	d := t - origin
	q := d / step
	if d < 0 && d%step != 0 {
		q-- // floor, for times before the origin
	}
	return q*step + origin
}

// maxBuckets bounds the intervals of one timeline.
const maxBuckets = 20000

// bucketCountsAndTotals counts per interval the dated articles within f's
// dates (totals) and those matching the rest of f (counts). Each interval
// is a range count on the published-time index: no sorting of the rows,
// which is what makes a GROUP BY over all articles slow.
func (db *DB) bucketCountsAndTotals(ctx context.Context, interval string, f tidings.ArticleFilter) (totals, counts map[int64]int, err error) {
	var base sqlWhere
	base.add("a.published IS NOT NULL")
	timeRange(&base, "a.published", f.From, f.To)
	if !f.IncludeDuplicates {
		base.add("a.duplicate_of IS NULL")
	}
	from := articlesFrom(f, "articles_api_published")
	var lo, hi sql.NullInt64
	// Two queries: SQLite answers a lone min() or max() from the index edge.
	for _, x := range []struct {
		agg string
		dst *sql.NullInt64
	}{{"min", &lo}, {"max", &hi}} {
		err = db.read.QueryRowContext(ctx, "SELECT "+x.agg+"(a.published) FROM "+from+" WHERE "+base.String(), base.args...).Scan(x.dst)
		if err != nil {
			return nil, nil, fmt.Errorf("time range: %w", err)
		}
	}
	totals, counts = map[int64]int{}, map[int64]int{}
	if !lo.Valid {
		return totals, counts, nil
	}
	step := intervalSeconds(interval)
	first := bucketStart(lo.Int64, interval)
	if (hi.Int64-first)/step >= maxBuckets {
		return nil, nil, &QueryError{Param: "interval", Msg: fmt.Sprintf("more than %d intervals of an %s: choose a longer interval or a date range", maxBuckets, interval)}
	}
	rest := f
	rest.From, rest.To, rest.IncludeDuplicates = nil, nil, true
	var cond sqlWhere
	articleFilter(&cond, rest, ftsIn)
	// One range per interval, clamped to the dates asked for, so that each
	// count reads only its own stretch of the index.
	var bw sqlWhere
	bw.add("a.published IS NOT NULL")
	if !f.IncludeDuplicates {
		bw.add("a.duplicate_of IS NULL")
	}
	lower, upper := "b.t", "b.t + ?"
	boundArgs := []any{step}
	if f.From != nil {
		lower = "max(b.t, ?)"
		boundArgs = append([]any{f.From.Unix()}, boundArgs...)
	}
	if f.To != nil {
		upper = "min(b.t + ?, ?)"
		boundArgs = append(boundArgs, f.To.Unix())
	}
	bw.add("a.published >= "+lower+" AND a.published < "+upper, boundArgs...)
	matchSQL, matchArgs := "NULL", []any{}
	if len(cond.conds) > 0 {
		matchSQL = "(SELECT count(*) FROM " + from + " WHERE " + bw.String() + " AND " + cond.String() + ")"
		matchArgs = append(append(matchArgs, bw.args...), cond.args...)
	}
	sqlText := `WITH RECURSIVE b(t) AS (SELECT ? UNION ALL SELECT t + ? FROM b WHERE t + ? <= ?)
		SELECT b.t, (SELECT count(*) FROM ` + from + ` WHERE ` + bw.String() + `), ` + matchSQL + ` FROM b`
	args := append([]any{first, step, step, hi.Int64}, bw.args...)
	args = append(args, matchArgs...)
	rows, err := db.read.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var b int64
		var t int
		var n sql.NullInt64
		if err := rows.Scan(&b, &t, &n); err != nil {
			return nil, nil, err
		}
		if t == 0 {
			continue
		}
		totals[b] = t
		counts[b] = t
		if n.Valid {
			counts[b] = int(n.Int64)
		}
	}
	return totals, counts, rows.Err()
}

func (db *DB) bucketCounts(ctx context.Context, sqlText string, args []any) (map[int64]int, error) {
	rows, err := db.read.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[int64]int{}
	for rows.Next() {
		var b int64
		var n int
		if err := rows.Scan(&b, &n); err != nil {
			return nil, err
		}
		m[b] = n
	}
	return m, rows.Err()
}

// fillBuckets lists every interval that has stored articles, in time order,
// with its count (0 when none match) and ratio.
func fillBuckets(totals, counts map[int64]int) []tidings.TimelineBucket {
	keys := make([]int64, 0, len(totals))
	for k := range totals {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := make([]tidings.TimelineBucket, 0, len(keys))
	for _, k := range keys {
		b := tidings.TimelineBucket{Time: time.Unix(k, 0).UTC(), Count: counts[k], Total: totals[k]}
		if b.Total > 0 {
			b.Ratio = float64(b.Count) / float64(b.Total)
		}
		out = append(out, b)
	}
	return out
}

// timelineSeries computes the split series of a timeline.
func (db *DB) timelineSeries(ctx context.Context, q tidings.TimelineQuery, bucket string, totals map[int64]int, stories bool) ([]tidings.TimelineSeries, error) {
	if q.MaxSeries <= 0 {
		q.MaxSeries = 8
	}
	var w sqlWhere
	articleFilter(&w, q.ArticleFilter, ftsIn)
	w.add("a.published IS NOT NULL")
	var sqlText string
	perArticle, perEvent, index := "count(*)", "count(DISTINCT a.seq)", "articles_api_published"
	if stories {
		perArticle, index = "count(DISTINCT "+storyKey+")", storyIndex
		perEvent = perArticle
	}
	switch q.Split {
	case "source":
		sqlText = fmt.Sprintf("SELECT a.source, %s AS b, %s FROM %s WHERE %s GROUP BY a.source, b",
			bucket, perArticle, articlesFrom(q.ArticleFilter, index), w.String())
	case "event_type":
		sqlText = fmt.Sprintf(`SELECT ev.type, %s AS b, %s FROM articles a
			JOIN events ev ON ev.article_id = a.id WHERE %s GROUP BY ev.type, b`, bucket, perEvent, w.String())
	default:
		return nil, &QueryError{Param: "split", Msg: fmt.Sprintf("%q is not source or event_type", q.Split)}
	}
	rows, err := db.read.QueryContext(ctx, sqlText, w.args...)
	if err != nil {
		return nil, fmt.Errorf("timeline split: %w", err)
	}
	defer rows.Close()
	per := map[string]map[int64]int{}
	sums := map[string]int{}
	for rows.Next() {
		var key string
		var b int64
		var n int
		if err := rows.Scan(&key, &b, &n); err != nil {
			return nil, fmt.Errorf("timeline split: %w", err)
		}
		if per[key] == nil {
			per[key] = map[int64]int{}
		}
		per[key][b] = n
		sums[key] += n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("timeline split: %w", err)
	}
	keys := make([]string, 0, len(per))
	for k := range per {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if sums[keys[i]] != sums[keys[j]] {
			return sums[keys[i]] > sums[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > q.MaxSeries {
		keys = keys[:q.MaxSeries]
	}
	series := make([]tidings.TimelineSeries, 0, len(keys))
	for _, k := range keys {
		series = append(series, tidings.TimelineSeries{Key: k, Buckets: fillBuckets(totals, per[k])})
	}
	return series, nil
}
