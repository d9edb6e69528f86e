package view

import (
	"cmp"
	"slices"
	"sort"

	"github.com/kg-project/kg/internal/graph"
)

// groupReports finds the events that report one real-world event: the same
// two nodes (either order for a symmetric event), CAMEO root, modality and
// negation, and dates that agree. It returns, for each event, the index of
// the event that stands for its group (itself when it stands alone or for
// others).
//
// Dates agree when an event's span meets the span of the group's first
// report, widened by window days when both are days. Groups grow from the most precise
// reports: a dated day starts a group or joins the nearest one; a vaguer
// date (a document's, a month, a year) joins a group only when exactly one
// agrees and has the same CAMEO code, so "in 2017" never ties two
// distinct 2017 events together.
func groupReports(events []event, strs *strTable, src, dst []int32, window int) []int32 {
	rep := make([]int32, len(events))
	// One sortable key per dated event: the two nodes (in order for a
	// symmetric event), then root, modality, negation and symmetry packed
	// in one word. Sorting brings each key's reports together with no map
	// of a million entries, most of them single.
	type keyed struct {
		pair uint64
		meta uint64
		i    int32
	}
	keys := make([]keyed, 0, len(events))
	// Modalities and codes are indexes into the string table: one index,
	// one string.
	roots := map[int32]uint64{}
	for i := range events {
		rep[i] = int32(i)
		e := &events[i]
		if e.year == 0 && e.month == 0 && e.day == 0 {
			continue
		}
		a, b := src[i], dst[i]
		if e.symmetric() && b < a {
			a, b = b, a
		}
		root, ok := roots[e.cameo]
		if !ok {
			root = rootKey(strs.str(e.cameo))
			roots[e.cameo] = root
		}
		// A root packs into 24 bits; the modality's index takes the
		// 30 above them (a view has far fewer distinct strings).
		meta := uint64(e.modality)<<34 | root<<8
		if e.negated() {
			meta |= 2
		}
		if e.symmetric() {
			meta |= 1
		}
		keys = append(keys, keyed{pairKey(a, b), meta, int32(i)})
	}
	slices.SortFunc(keys, func(x, y keyed) int {
		if c := cmp.Compare(x.pair, y.pair); c != 0 {
			return c
		}
		if c := cmp.Compare(x.meta, y.meta); c != 0 {
			return c
		}
		return cmp.Compare(x.i, y.i)
	})
	var runs [][]int32
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi].pair == keys[lo].pair && keys[hi].meta == keys[lo].meta {
			hi++
		}
		if hi-lo > 1 {
			idx := make([]int32, hi-lo)
			for k := lo; k < hi; k++ {
				idx[k-lo] = keys[k].i
			}
			runs = append(runs, idx)
		}
		lo = hi
	}
	for _, idx := range runs {
		groupRun(events, idx, window, rep)
	}
	return rep
}

// groupRun groups one run of reports (graph.GroupRun), those that share
// two nodes, root, modality and negation, by their dates.
func groupRun(events []event, idx []int32, window int, rep []int32) {
	graph.GroupRun(idx, func(i int32) graph.ReportSpan {
		e := &events[i]
		sp, _ := graph.SpanOf(e.date(), e.docDate())
		return sp
	}, func(i, j int32) bool { return events[i].cameo == events[j].cameo }, window, rep)
}

// rootKey packs the root of a CAMEO code (its first two characters, or
// the whole of a shorter code) into a number, to sort by.
func rootKey(code string) uint64 {
	var k uint64 = 1
	for i := 0; i < len(code) && i < 2; i++ {
		k = k<<8 | uint64(code[i])
	}
	return k
}

// groupReports keeps one event of each group of reports (groupReports
// above) in the builder, in their order, and returns each kept event's
// other reports; nil when every event stands alone.
func (b *ViewBuilder) groupReports() [][]event {
	rep := groupReports(b.events, &b.strs, b.src, b.dst, b.f.ReportWindow())
	var others map[int32][]event
	for i, r := range rep {
		if r != int32(i) {
			if others == nil {
				others = map[int32][]event{}
			}
			others[r] = append(others[r], b.events[i])
		}
	}
	if others == nil {
		return nil
	}
	for _, rs := range others {
		sort.SliceStable(rs, func(i, j int) bool {
			a, c := rs[i].date().FirstDay(), rs[j].date().FirstDay()
			if a != c {
				return a.Before(c)
			}
			return b.strs.str(rs[i].doc) < b.strs.str(rs[j].doc)
		})
	}
	reports := make([][]event, 0, len(b.events)-len(others))
	n := 0
	for i := range b.events {
		if rep[i] != int32(i) {
			continue
		}
		b.events[n], b.src[n], b.dst[n] = b.events[i], b.src[i], b.dst[i]
		reports = append(reports, others[int32(i)])
		n++
	}
	clear(b.events[n:])
	b.events, b.src, b.dst = b.events[:n], b.src[:n], b.dst[:n]
	return reports
}
