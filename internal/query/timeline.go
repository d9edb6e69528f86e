package query

import (
	"fmt"
	"image/color"
	"io"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
	"github.com/kg-project/kg/internal/graph/view"
)

// Period is one row of a dyad timeline.
type Period struct {
	Period      string  // "2012" or "2012-10"
	Events      int     // all events in the period
	Cooperation int     // quad classes 1 and 2
	Conflict    int     // quad classes 3 and 4
	Goldstein   float64 // mean Goldstein score; 0 when no events
}

// Timeline buckets the events between a and b (either direction, a
// symmetric event once) by year or month ("year" or "month"). Every period
// from the first to the last dated event is listed, empty ones included, so
// the rows plot as a regular series. undated counts events without a date.
func Timeline(v *view.View, a, b int64, by string) (periods []Period, undated int, err error) {
	return TimelineAt(v, a, b, by, "actor")
}

// TimelineAt is Timeline at a level: "actor" counts the events of a and b
// themselves; "country" counts, for a side that is a country, the events of
// every actor affiliated with it too (its government, army, leaders), as
// Panel does. A side that is no country stays itself.
func TimelineAt(v *view.View, a, b int64, by, level string) (periods []Period, undated int, err error) {
	if by != "year" && by != "month" {
		return nil, 0, fmt.Errorf("timeline: unknown period %q (want year or month)", by)
	}
	var events []int32
	switch level {
	case "actor":
		events = RelationBetween(v, a, b, true).Events
	case "country":
		events = countryEvents(v, a, b)
	default:
		return nil, 0, fmt.Errorf("timeline: unknown level %q (want actor or country)", level)
	}
	evs := v.Events()
	type acc struct {
		p   Period
		sum float64
	}
	key := func(d graph.Date) (int, int) {
		if by == "year" {
			return d.Year, 0
		}
		return d.Year, d.Month
	}
	buckets := map[[2]int]*acc{}
	var first, last [2]int
	for _, i := range events {
		e := &evs[i]
		if e.Date.IsZero() || (by == "month" && e.Date.Month == 0) {
			undated++
			continue
		}
		y, m := key(e.Date)
		k := [2]int{y, m}
		if len(buckets) == 0 || less2(k, first) {
			first = k
		}
		if len(buckets) == 0 || less2(last, k) {
			last = k
		}
		ac := buckets[k]
		if ac == nil {
			ac = &acc{}
			buckets[k] = ac
		}
		ac.p.Events++
		q := e.QuadClass
		if q == 0 {
			q = cameo.QuadClass(e.CAMEO)
		}
		switch q {
		case cameo.VerbalCooperation, cameo.MaterialCooperation:
			ac.p.Cooperation++
		case cameo.VerbalConflict, cameo.MaterialConflict:
			ac.p.Conflict++
		}
		ac.sum += e.Goldstein
	}
	if len(buckets) == 0 {
		return nil, undated, nil
	}
	for k := first; !less2(last, k); k = nextPeriod(k, by) {
		p := Period{Period: fmt.Sprintf("%04d", k[0])}
		if by == "month" {
			p.Period = fmt.Sprintf("%04d-%02d", k[0], k[1])
		}
		if ac := buckets[k]; ac != nil {
			p.Events, p.Cooperation, p.Conflict = ac.p.Events, ac.p.Cooperation, ac.p.Conflict
			p.Goldstein = ac.sum / float64(ac.p.Events)
		}
		periods = append(periods, p)
	}
	return periods, undated, nil
}

// countryEvents returns the events between the sides a and b in either
// direction, a side that is a country standing for every actor of it.
func countryEvents(v *view.View, a, b int64) []int32 {
	side := func(n int64) func(x int64) bool {
		if act := v.Actor(n); act.Type == graph.Country && act.Code != "" {
			code := act.Code
			return func(x int64) bool { return x == n || actorCountry(v.Actor(x)) == code }
		}
		return func(x int64) bool { return x == n }
	}
	inA, inB := side(a), side(b)
	var out []int32
	for i := range v.Events() {
		s, t := v.EventEnds(i)
		if inA(s) && inB(t) || inB(s) && inA(t) {
			out = append(out, int32(i))
		}
	}
	return out
}

func less2(a, b [2]int) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }

func nextPeriod(k [2]int, by string) [2]int {
	if by == "year" {
		return [2]int{k[0] + 1, 0}
	}
	if k[1] == 12 {
		return [2]int{k[0] + 1, 1}
	}
	return [2]int{k[0], k[1] + 1}
}

// Sparkline draws values as block characters ▁▂▃▄▅▆▇█ scaled from the
// smallest to the largest value, zero included in the range.
func Sparkline(values []float64) string {
	const bars = "▁▂▃▄▅▆▇█"
	runes := []rune(bars)
	if len(values) == 0 {
		return ""
	}
	lo, hi := values[0], values[0]
	for _, x := range values {
		lo, hi = min(lo, x), max(hi, x)
	}
	// Keep zero in range so that bars read as magnitudes.
	if lo > 0 {
		lo = 0
	}
	if hi < 0 {
		hi = 0
	}
	var b strings.Builder
	for _, x := range values {
		i := 0
		if hi > lo {
			i = int((x - lo) / (hi - lo) * float64(len(runes)-1))
		}
		b.WriteRune(runes[i])
	}
	return b.String()
}

// WriteTimelinePlot draws the timeline (cooperation and conflict counts as
// bars, and the mean Goldstein score as a line) and writes it to w in
// format ("svg", "png", "pdf" or "eps").
func WriteTimelinePlot(w io.Writer, periods []Period, title, format string) error {
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = "events"
	n := len(periods)
	coop, conf := make(plotter.Values, n), make(plotter.Values, n)
	gold := make(plotter.XYs, 0, n)
	labels := make([]string, n)
	for i, pr := range periods {
		coop[i], conf[i] = float64(pr.Cooperation), float64(pr.Conflict)
		labels[i] = pr.Period
		if pr.Events > 0 {
			gold = append(gold, plotter.XY{X: float64(i), Y: pr.Goldstein})
		}
	}
	width := vg.Points(8)
	if n > 0 {
		bc, err := plotter.NewBarChart(coop, width)
		if err != nil {
			return fmt.Errorf("plot cooperation: %w", err)
		}
		bc.Offset = -width / 2
		bf, err := plotter.NewBarChart(conf, width)
		if err != nil {
			return fmt.Errorf("plot conflict: %w", err)
		}
		bf.Offset = width / 2
		bf.Color = conflictColor
		bc.Color = cooperationColor
		p.Add(bc, bf)
		p.Legend.Add("cooperation", bc)
		p.Legend.Add("conflict", bf)
		if len(gold) > 0 {
			l, err := plotter.NewLine(gold)
			if err != nil {
				return fmt.Errorf("plot goldstein: %w", err)
			}
			l.Dashes = []vg.Length{vg.Points(3), vg.Points(2)}
			p.Add(l)
			p.Legend.Add("mean Goldstein", l)
		}
		p.NominalX(labels...)
	}
	wt, err := p.WriterTo(8*vg.Inch, 4*vg.Inch, format)
	if err != nil {
		return fmt.Errorf("plot: %w", err)
	}
	if _, err := wt.WriteTo(w); err != nil {
		return fmt.Errorf("write plot: %w", err)
	}
	return nil
}

var (
	cooperationColor = color.RGBA{R: 0x2b, G: 0x8c, B: 0xbe, A: 0xff}
	conflictColor    = color.RGBA{R: 0xe3, G: 0x4a, B: 0x33, A: 0xff}
)
