package query

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/kg-project/kg/internal/graph/view"
)

// LinkResult explains how broker X links A and B.
type LinkResult struct {
	X, A, B int64
	// XA and XB are X's own relations with A and with B, both directions.
	XA, XB Relation
	// Direct holds the events between A and B themselves.
	Direct Relation
	// Shortest is one shortest A→B path; Through the shortest through X
	// (no repeated node); Avoiding the shortest with X removed. The OK
	// flags say whether such a path exists.
	Shortest, Through, Avoiding       Path
	ShortestOK, ThroughOK, AvoidingOK bool
	// Paths is the number of shortest A→B paths and ViaX how many of them
	// pass through X; Share = ViaX/Paths (0 when A cannot reach B).
	Paths, ViaX, Share float64
	Undirected         bool
	Summary            string
}

// Link answers "how does X link A and B" on view v. a must be the view's
// adjacency (NewAdjacency(v)), already projected with Undirect when paths
// should ignore direction. X's share of the shortest A→B paths is
// σ(A,X)·σ(X,B)/σ(A,B) when d(A,X)+d(X,B) = d(A,B), else 0 (Brandes' path
// counting, so no path is enumerated).
func Link(v *view.View, a *Adjacency, x, s, t int64, weighted bool) LinkResult {
	r := LinkResult{X: x, A: s, B: t, Undirected: a.Undirected}
	r.XA = RelationBetween(v, x, s, true)
	r.XB = RelationBetween(v, x, t, true)
	r.Direct = RelationBetween(v, s, t, true)
	xi, si, ti := int32(x), int32(s), int32(t)
	// Four independent searches, on as many cores as there are: one from
	// A gives the shortest path and the counts to B and X, one from X the
	// counts to B; the path through X and the one avoiding it search
	// apart.
	var (
		wg                 sync.WaitGroup
		dst, nst, dsx, nsx float64
		dxt, nxt           float64
	)
	wg.Add(4)
	go func() {
		defer wg.Done()
		sp := newSSSP(a.Len())
		run(sp, a, si, weighted, nil, ti, xi)
		r.Shortest, r.ShortestOK = tracePath(a, sp, si, ti, weighted)
		dst, nst, dsx, nsx = sp.dist[ti], sp.sigma[ti], sp.dist[xi], sp.sigma[xi]
	}()
	go func() {
		defer wg.Done()
		dxt, nxt = CountShortest(a, xi, ti, weighted, nil)
	}()
	go func() {
		defer wg.Done()
		r.Through, r.ThroughOK = ViaPath(a, si, xi, ti, weighted, nil)
	}()
	go func() {
		defer wg.Done()
		r.Avoiding, r.AvoidingOK = ShortestPath(a, si, ti, weighted, withBlocked(a.Len(), nil, xi))
	}()
	wg.Wait()
	if !math.IsInf(dst, 1) && nst > 0 {
		r.Paths = nst
		if x != s && x != t && !math.IsInf(dsx, 1) && !math.IsInf(dxt, 1) && nearlyEqual(dsx+dxt, dst) {
			r.ViaX = nsx * nxt
		}
		r.Share = r.ViaX / r.Paths
	}
	r.Summary = linkSummary(v, &r)
	return r
}

func name(v *view.View, id int64) string { return v.Actor(id).Name }

func describe(v *view.View, rel Relation, a, b int64) string {
	if rel.Count() == 0 {
		return fmt.Sprintf("%s has no recorded event with %s", name(v, a), name(v, b))
	}
	tone := "neutral"
	switch rel.Sign {
	case 1:
		tone = "cooperative"
	case -1:
		tone = "conflictual"
	}
	rels := rel.Relations
	if len(rels) > 3 {
		rels = rels[:3]
	}
	return fmt.Sprintf("%s has %d %s with %s (%s, mean Goldstein %+.1f: %s)",
		name(v, a), rel.Count(), plural(rel.Count(), "event", "events"), name(v, b), tone, rel.Goldstein, strings.Join(rels, ", "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func hops(p Path) string {
	h := p.Hops()
	return fmt.Sprintf("%d %s", h, plural(h, "hop", "hops"))
}

func linkSummary(v *view.View, r *LinkResult) string {
	var b strings.Builder
	b.WriteString(describe(v, r.XA, r.X, r.A))
	b.WriteString("; ")
	b.WriteString(describe(v, r.XB, r.X, r.B))
	b.WriteString(". ")
	an, bn, xn := name(v, r.A), name(v, r.B), name(v, r.X)
	switch {
	case !r.ShortestOK:
		fmt.Fprintf(&b, "%s and %s are not connected in this graph.", an, bn)
		return b.String()
	case r.Direct.Count() > 0:
		fmt.Fprintf(&b, "%s and %s are directly linked (%d %s).", an, bn, r.Direct.Count(), plural(r.Direct.Count(), "event", "events"))
	default:
		fmt.Fprintf(&b, "%s and %s are %s apart.", an, bn, hops(r.Shortest))
	}
	if r.ThroughOK {
		fmt.Fprintf(&b, " The shortest route through %s has %s", xn, hops(r.Through))
	} else {
		fmt.Fprintf(&b, " No route passes through %s", xn)
	}
	if r.AvoidingOK {
		fmt.Fprintf(&b, "; without %s the shortest has %s.", xn, hops(r.Avoiding))
	} else {
		fmt.Fprintf(&b, "; without %s they are not connected at all.", xn)
	}
	if r.Paths > 0 {
		fmt.Fprintf(&b, " %s lies on %s of %s shortest %s–%s %s (%.0f%%).", xn, fmtCount(r.ViaX), fmtCount(r.Paths), an, bn,
			plural(int(r.Paths), "path", "paths"), 100*r.Share)
	}
	return b.String()
}

func fmtCount(f float64) string {
	if f == math.Trunc(f) && f < 1e15 {
		return fmt.Sprintf("%d", int64(f))
	}
	return fmt.Sprintf("%.3g", f)
}
