package query

import (
	"math"
	"sort"
)

// CompareRow is one directed dyad in one period as two sets of events see
// it: kg's coding beside GDELT's, say.
type CompareRow struct {
	Period         string
	Source, Target PanelUnit
	A, B           PanelRow // zero where that set has no event
}

// Comparison sums up how two sets of events agree over the dyad-periods
// either one has events in.
type Comparison struct {
	Rows []CompareRow
	// Events are the events of each set in those rows.
	EventsA, EventsB int
	// Both counts the rows where both sets have events, OnlyA and OnlyB
	// those where one has.
	Both, OnlyA, OnlyB int
	// EventsR is Pearson's correlation of the two event counts over all
	// rows, GoldsteinR of the two mean Goldstein scores over the rows both
	// have events in; NaN when there are fewer than two such rows or a
	// side does not vary.
	EventsR, GoldsteinR float64
}

// Compare joins two panels by period and dyad. Rows without an event on
// either side are left out: they say nothing of agreement and a balanced
// panel of both ranges would be mostly zeros.
func Compare(a, b []PanelRow) Comparison {
	type key struct{ period, s, t string }
	rows := map[key]*CompareRow{}
	add := func(r PanelRow, first bool) {
		if r.Events == 0 {
			return
		}
		k := key{r.Period, r.Source.Key, r.Target.Key}
		c := rows[k]
		if c == nil {
			c = &CompareRow{Period: r.Period, Source: r.Source, Target: r.Target}
			rows[k] = c
		}
		if first {
			c.A = r
		} else {
			c.B = r
		}
	}
	for _, r := range a {
		add(r, true)
	}
	for _, r := range b {
		add(r, false)
	}
	var out Comparison
	var ea, eb, ga, gb []float64
	for _, c := range rows {
		out.Rows = append(out.Rows, *c)
		out.EventsA += c.A.Events
		out.EventsB += c.B.Events
		ea, eb = append(ea, float64(c.A.Events)), append(eb, float64(c.B.Events))
		switch {
		case c.A.Events > 0 && c.B.Events > 0:
			out.Both++
			ma, _ := c.A.GoldsteinMean()
			mb, _ := c.B.GoldsteinMean()
			ga, gb = append(ga, ma), append(gb, mb)
		case c.A.Events > 0:
			out.OnlyA++
		default:
			out.OnlyB++
		}
	}
	out.EventsR, out.GoldsteinR = pearson(ea, eb), pearson(ga, gb)
	sort.Slice(out.Rows, func(i, j int) bool {
		x, y := &out.Rows[i], &out.Rows[j]
		if x.Period != y.Period {
			return x.Period < y.Period
		}
		if x.Source.Name != y.Source.Name {
			return x.Source.Name < y.Source.Name
		}
		return x.Target.Name < y.Target.Name
	})
	return out
}

// pearson is the correlation coefficient of x and y, NaN when it is not
// defined (fewer than two pairs, or a constant side).
func pearson(x, y []float64) float64 {
	n := float64(len(x))
	if len(x) < 2 {
		return math.NaN()
	}
	var sx, sy float64
	for i := range x {
		sx += x[i]
		sy += y[i]
	}
	mx, my := sx/n, sy/n
	var cov, vx, vy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		cov += dx * dy
		vx += dx * dx
		vy += dy * dy
	}
	if vx == 0 || vy == 0 {
		return math.NaN()
	}
	return cov / math.Sqrt(vx*vy)
}
