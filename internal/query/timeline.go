package query

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

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
	switch level {
	case "actor":
		return TimelineOf(v, NodeSide(a), NodeSide(b), by)
	case "country":
		return TimelineOf(v, SideFor(v, v.Actor(a), a, level), SideFor(v, v.Actor(b), b, level), by)
	}
	return nil, 0, fmt.Errorf("timeline: unknown level %q (want actor or country)", level)
}

// Side is one side of a timeline: which nodes' events count for it.
type Side func(node int64) bool

// NodeSide is one node alone.
func NodeSide(n int64) Side { return func(x int64) bool { return x == n } }

// CountrySide is a country with all of its own actors (government, army,
// leaders): the nodes of that country code, and node n, the country's own
// (-1 when the country itself has no event in the view).
func CountrySide(v *view.View, n int64, code string) Side {
	return func(x int64) bool { return x == n || v.Actor(x).CountryCode() == code }
}

// SideFor is actor a's side at a level, n its node in v (-1 when it has
// none): at country level a country counts with all of its own actors;
// any other actor, and every actor at actor level, counts alone.
func SideFor(v *view.View, a *graph.Actor, n int64, level string) Side {
	if CountsAsCountry(a, level) {
		return CountrySide(v, n, a.Code)
	}
	return NodeSide(n)
}

// CountsAsCountry reports whether actor a stands for its whole country at
// a level: a coded country at country level.
func CountsAsCountry(a *graph.Actor, level string) bool {
	return level == "country" && a.Type == graph.Country && a.Code != ""
}

// TimelineOf buckets the events between sides a and b (either direction,
// each event once) by year or month, as TimelineAt does.
func TimelineOf(v *view.View, a, b Side, by string) (periods []Period, undated int, err error) {
	if by != "year" && by != "month" {
		return nil, 0, fmt.Errorf("timeline: unknown period %q (want year or month)", by)
	}
	var events []int32
	for i := range v.NumEvents() {
		s, t := v.EventEnds(i)
		if a(s) && b(t) || b(s) && a(t) {
			events = append(events, int32(i))
		}
	}
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
		e := v.Event(int(i))
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
// smallest to the largest value, zero included in the range. NaN, a value
// that does not exist (the mean of no events), is a blank.
func Sparkline(values []float64) string {
	const bars = "▁▂▃▄▅▆▇█"
	runes := []rune(bars)
	if len(values) == 0 {
		return ""
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range values {
		if !math.IsNaN(x) {
			lo, hi = min(lo, x), max(hi, x)
		}
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 0
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
		if math.IsNaN(x) {
			b.WriteByte(' ')
			continue
		}
		i := 0
		if hi > lo {
			i = int((x - lo) / (hi - lo) * float64(len(runes)-1))
		}
		b.WriteRune(runes[i])
	}
	return b.String()
}

// WriteTimelinePlot draws the timeline and writes it to w in format
// ("svg", "png", "pdf" or "eps"): above, the events of each period as bars,
// cooperation below conflict so a bar's height is the period's events;
// below, on its own axis from -10 to +10, the mean Goldstein score of each
// period that has events (an empty period has no mean, so it shows none
// and no line crosses it). The two share the periods' axis, labelled at
// most a dozen times.
func WriteTimelinePlot(w io.Writer, periods []Period, title, format string) error {
	n := len(periods)
	labels := make([]string, n)
	coop, conf := make(plotter.Values, n), make(plotter.Values, n)
	most := 0.0
	for i, pr := range periods {
		labels[i] = pr.Period
		coop[i], conf[i] = float64(pr.Cooperation), float64(pr.Conflict)
		most = max(most, float64(pr.Cooperation+pr.Conflict))
	}
	ticks := periodTicker{labels}

	counts := plot.New()
	counts.Title.Text = title
	counts.Y.Label.Text = "events"
	counts.X.Tick.Marker = ticks
	counts.Y.Min = 0
	// Room above the highest bar for the legend, so it hides none.
	counts.Y.Max = math.Ceil(most*1.4) + 1
	counts.Legend.Top, counts.Legend.Left = true, true

	tone := plot.New()
	tone.Y.Label.Text = "mean Goldstein"
	tone.X.Label.Text = "period"
	tone.X.Tick.Marker = ticks
	tone.Y.Min, tone.Y.Max = -10, 10
	tone.Y.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: -10, Label: "-10"}, {Value: -5, Label: "-5"},
		{Value: 0, Label: "0"}, {Value: 5, Label: "+5"}, {Value: 10, Label: "+10"}})

	if n > 0 {
		// Bars fill most of a period's width, whatever the number of periods.
		width := vg.Length(7*vg.Inch) / vg.Length(n) * 0.8
		width = min(max(width, vg.Points(1)), vg.Points(24))
		bc, err := plotter.NewBarChart(coop, width)
		if err != nil {
			return fmt.Errorf("plot cooperation: %w", err)
		}
		bc.Color, bc.LineStyle.Width = cooperationColor, 0
		bf, err := plotter.NewBarChart(conf, width)
		if err != nil {
			return fmt.Errorf("plot conflict: %w", err)
		}
		bf.Color, bf.LineStyle.Width = conflictColor, 0
		bf.StackOn(bc)
		counts.Add(bc, bf)
		counts.Legend.Add("cooperation (quad classes 1-2)", bc)
		counts.Legend.Add("conflict (quad classes 3-4)", bf)

		zero, err := plotter.NewLine(plotter.XYs{{X: -0.5, Y: 0}, {X: float64(n) - 0.5, Y: 0}})
		if err != nil {
			return fmt.Errorf("plot goldstein: %w", err)
		}
		zero.Color = color.Gray{Y: 0xa0}
		tone.Add(zero)
		// Runs of consecutive periods with events are joined; a period
		// without events breaks the line.
		var run plotter.XYs
		flush := func() error {
			if len(run) == 0 {
				return nil
			}
			line, pts, err := plotter.NewLinePoints(run)
			if err != nil {
				return fmt.Errorf("plot goldstein: %w", err)
			}
			pts.Shape = draw.CircleGlyph{}
			tone.Add(line, pts)
			run = nil
			return nil
		}
		for i, pr := range periods {
			if pr.Events == 0 {
				if err := flush(); err != nil {
					return err
				}
				continue
			}
			run = append(run, plotter.XY{X: float64(i), Y: pr.Goldstein})
		}
		if err := flush(); err != nil {
			return err
		}
		for _, p := range []*plot.Plot{counts, tone} {
			p.X.Min, p.X.Max = -0.5, float64(n)-0.5
		}
	}

	c, err := draw.NewFormattedCanvas(8*vg.Inch, 6*vg.Inch, format)
	if err != nil {
		return fmt.Errorf("plot: %w", err)
	}
	tiles := draw.Tiles{Rows: 2, Cols: 1, PadTop: vg.Points(4), PadBottom: vg.Points(4), PadLeft: vg.Points(4), PadRight: vg.Points(8), PadY: vg.Points(8)}
	cs := plot.Align([][]*plot.Plot{{counts}, {tone}}, tiles, draw.New(c))
	counts.Draw(cs[0][0])
	tone.Draw(cs[1][0])
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("write plot: %w", err)
	}
	return nil
}

// periodTicker labels the periods' axis (X = index of the period) with at
// most a dozen period names, evenly spaced, and marks every period.
type periodTicker struct{ labels []string }

func (t periodTicker) Ticks(lo, hi float64) []plot.Tick {
	n := len(t.labels)
	step := max(1, (n+11)/12)
	var ticks []plot.Tick
	for i := range n {
		tk := plot.Tick{Value: float64(i)}
		if i%step == 0 {
			tk.Label = t.labels[i]
		}
		ticks = append(ticks, tk)
	}
	return ticks
}

var (
	cooperationColor = color.RGBA{R: 0x2b, G: 0x8c, B: 0xbe, A: 0xff}
	conflictColor    = color.RGBA{R: 0xe3, G: 0x4a, B: 0x33, A: 0xff}
)
