package graph

import (
	"cmp"
	"slices"
	"sort"
	"time"
)

// docLag is how long before its document's date an event that took that
// date ("the army chief is in Moscow") may have happened.
const docLag = 7

// ReportSpan is the span of days an event's date may mean, and how
// precise it is: rank 0 for a day its sentence gives, 1 for its
// document's date, 2 for a month, 3 for a year.
type ReportSpan struct {
	Lo, Hi int // days since 1970-01-01
	Rank   int
}

func dayNumber(d Date) int {
	return int(time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// SpanOf is the span of a report dated d; docDate says the date is its
// document's, not its sentence's. ok is false for an undated report,
// which never joins another.
func SpanOf(d Date, docDate bool) (sp ReportSpan, ok bool) {
	if d.IsZero() {
		return ReportSpan{}, false
	}
	sp = ReportSpan{Lo: dayNumber(d.FirstDay()), Hi: dayNumber(d.LastDay())}
	switch {
	case d.Precision() == Day && docDate:
		sp.Lo -= docLag
		sp.Rank = 1
	case d.Precision() == Month:
		sp.Rank = 2
	case d.Precision() == Year:
		sp.Rank = 3
	}
	return sp, true
}

// GroupRun groups one run of reports, those that share two actors, CAMEO
// root, modality and negation, by their dates: rep[i] is set to the first
// report of the group that report i joins (and left alone for a report
// that starts a group). span gives a report's ReportSpan, sameCode says
// whether two reports have the same full CAMEO code. idx is reordered.
//
// Dates agree when a report's span meets the span of the group's first
// report, widened by window days when both are days. Groups grow from the
// most precise reports: a dated day starts a group or joins the nearest
// one; a vaguer date (a document's, a month, a year) joins a group only
// when exactly one agrees and has the same CAMEO code, so "in 2017" never
// ties two distinct 2017 events together. Ties are broken by position in
// idx's original order of report numbers, so the grouping depends only on
// the reports and their numbering.
func GroupRun(idx []int32, span func(i int32) ReportSpan, sameCode func(i, j int32) bool, window int, rep []int32) {
	type item struct {
		i  int32
		sp ReportSpan
	}
	items := make([]item, len(idx))
	for k, i := range idx {
		items[k] = item{i, span(i)}
	}
	slices.SortFunc(items, func(a, b item) int {
		if c := cmp.Compare(a.sp.Rank, b.sp.Rank); c != 0 {
			return c
		}
		if c := cmp.Compare(a.sp.Lo, b.sp.Lo); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	// Groups are kept by rank, each list in the order its groups were
	// made. Reports come by rank and then by first day, so within a rank
	// both ends of the groups' spans only grow (a rank's spans are days,
	// a document's week, months or years) and the groups a span meets are
	// one run of the list, found by binary search: a pair with many
	// reports is grouped in n log n, not in n times its groups.
	type group struct {
		n     int // order of making, which breaks ties
		first int32
		span  ReportSpan
	}
	var byRank [4][]group
	made := 0
	for k, it := range items {
		idx[k] = it.i
		sp := it.sp
		best, bestN, agree, bestGap := -1, 0, 0, 0
		var bestFirst int32
	ranks:
		for r := 0; r <= sp.Rank && r < len(byRank); r++ {
			gs := byRank[r]
			// The window widens days, not months or years: "2012" and
			// "2013" are not one event.
			w := window
			if sp.Rank > 1 || r > 1 {
				w = 0
			}
			from := sort.Search(len(gs), func(x int) bool { return gs[x].span.Hi+w >= sp.Lo })
			for x := from; x < len(gs) && gs[x].span.Lo-w <= sp.Hi; x++ {
				g := &gs[x]
				// A month or a year says little of when; it must say
				// the same act, not only the same root.
				if sp.Rank > 1 && !sameCode(it.i, g.first) {
					continue
				}
				agree++
				gap := max(sp.Lo-g.span.Hi, g.span.Lo-sp.Hi, 0)
				if best < 0 || gap < bestGap || gap == bestGap && g.n < bestN {
					best, bestN, bestGap, bestFirst = 1, g.n, gap, g.first
				}
				if sp.Rank > 0 && agree > 1 {
					break ranks // a vague date that meets two groups joins neither
				}
			}
		}
		if best >= 0 && (sp.Rank == 0 || agree == 1) {
			rep[it.i] = bestFirst
			continue
		}
		if sp.Rank >= 0 && sp.Rank < len(byRank) {
			byRank[sp.Rank] = append(byRank[sp.Rank], group{n: made, first: it.i, span: sp})
			made++
		}
	}
}

// ReportRoot is the part of a CAMEO code that reports of one event share:
// its root, the first two characters (or the whole of a shorter code).
func ReportRoot(code string) string {
	if len(code) > 2 {
		return code[:2]
	}
	return code
}
