package graph

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"
)

// groupRunByScan is GroupRun as first written, each report tried against
// every group made so far: the reference the indexed one must equal.
func groupRunByScan(idx []int32, span func(i int32) ReportSpan, sameCode func(i, j int32) bool, window int, rep []int32) {
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
			w := window
			if sp.Rank > 1 || gs.Rank > 1 {
				w = 0
			}
			if sp.Lo > gs.Hi+w || sp.Hi < gs.Lo-w {
				continue
			}
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

// TestGroupRunMatchesScan compares GroupRun with the scan over every
// group on random runs: dense and sparse dates, every precision, few
// codes (so that months and years meet both like and unlike acts).
func TestGroupRunMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 3000 {
		n := 1 + rng.IntN(60)
		days := 1 + rng.IntN(800)
		dates := make([]Date, n)
		codes := make([]string, n)
		doc := make([]bool, n)
		for i := range dates {
			d := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(days))
			dates[i] = Date{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}
			switch rng.IntN(6) {
			case 0:
				dates[i].Day = 0
			case 1:
				dates[i].Month, dates[i].Day = 0, 0
			case 2:
				doc[i] = true
			}
			codes[i] = []string{"190", "193", "195"}[rng.IntN(3)]
		}
		span := func(i int32) ReportSpan { sp, _ := SpanOf(dates[i], doc[i]); return sp }
		same := func(i, j int32) bool { return codes[i] == codes[j] }
		window := rng.IntN(4)
		idx := make([]int32, n)
		for i := range idx {
			idx[i] = int32(i)
		}
		rng.Shuffle(n, func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		idx2 := slices.Clone(idx)
		got, want := make([]int32, n), make([]int32, n)
		for i := range got {
			got[i], want[i] = int32(i), int32(i)
		}
		GroupRun(idx, span, same, window, got)
		groupRunByScan(idx2, span, same, window, want)
		if !slices.Equal(got, want) || !slices.Equal(idx, idx2) {
			t.Fatalf("trial %d: window %d, dates %v, codes %v, document dates %v:\ngot  %v\nwant %v", trial, window, dates, codes, doc, got, want)
		}
	}
}
