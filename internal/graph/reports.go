package graph

import (
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
	type group struct {
		first int32
		span  ReportSpan
	}
	spans := make(map[int32]ReportSpan, len(idx))
	for _, i := range idx {
		spans[i] = span(i)
	}
	sort.SliceStable(idx, func(x, y int) bool {
		a, b := spans[idx[x]], spans[idx[y]]
		if a.Rank != b.Rank {
			return a.Rank < b.Rank
		}
		if a.Lo != b.Lo {
			return a.Lo < b.Lo
		}
		return idx[x] < idx[y]
	})
	var groups []group
	for _, i := range idx {
		sp := spans[i]
		best, agree, bestGap := -1, 0, 0
		for g := range groups {
			gs := groups[g].span
			// The window widens days, not months or years: "2012"
			// and "2013" are not one event.
			w := window
			if sp.Rank > 1 || gs.Rank > 1 {
				w = 0
			}
			if sp.Lo > gs.Hi+w || sp.Hi < gs.Lo-w {
				continue
			}
			// A month or a year says little of when; it must say the
			// same act, not only the same root.
			if sp.Rank > 1 && !sameCode(i, groups[g].first) {
				continue
			}
			agree++
			gap := max(sp.Lo-gs.Hi, gs.Lo-sp.Hi, 0)
			if best < 0 || gap < bestGap {
				best, bestGap = g, gap
			}
		}
		if best >= 0 && (sp.Rank == 0 || agree == 1) {
			rep[i] = groups[best].first
			continue
		}
		groups = append(groups, group{first: i, span: sp})
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
