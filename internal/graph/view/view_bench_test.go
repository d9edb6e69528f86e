package view

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

// syntheticEvents returns n seeded random events among about n/5 actors
// (at least 50), with news-like variety: symmetric, negated and
// hypothetical events, dates over ten years and several documents.
func syntheticEvents(n int) ([]graph.Actor, []graph.Event) {
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	na := max(n/5, 50)
	actors := make([]graph.Actor, na)
	for i := range actors {
		actors[i] = graph.Actor{ID: fmt.Sprintf("actor-%06d", i), Name: fmt.Sprintf("Actor %d", i), Type: graph.ActorTypes[i%len(graph.ActorTypes)]}
	}
	codes := []string{"010", "036", "042", "057", "061", "111", "112", "138", "173", "190"}
	events := make([]graph.Event, n)
	for i := range events {
		// Preferential attachment, roughly: low ids are hubs.
		s := int(float64(na) * rng.Float64() * rng.Float64())
		t := rng.IntN(na)
		c := codes[rng.IntN(len(codes))]
		events[i] = graph.Event{
			ID: fmt.Sprintf("ev%08d", i), Source: actors[s].ID, Target: actors[t].ID, Relation: "rel" + c, CAMEO: c,
			Goldstein: float64(rng.IntN(21) - 10), Date: graph.Date{Year: 2010 + rng.IntN(10), Month: 1 + rng.IntN(12)},
			Symmetric: rng.IntN(10) == 0, Negated: rng.IntN(50) == 0, DocID: fmt.Sprintf("doc%04d", i/20),
			Modality: []graph.Modality{graph.Actual, graph.Actual, graph.Actual, graph.Planned, graph.Hypothetical}[rng.IntN(5)],
		}
	}
	return actors, events
}

var benchData = map[int]func() ([]graph.Actor, []graph.Event){}
var benchMu sync.Mutex

func benchEvents(n int) ([]graph.Actor, []graph.Event) {
	benchMu.Lock()
	f, ok := benchData[n]
	if !ok {
		f = sync.OnceValues(func() ([]graph.Actor, []graph.Event) { return syntheticEvents(n) })
		benchData[n] = f
	}
	benchMu.Unlock()
	return f()
}

// BenchmarkNewView builds views with the reports of one event counted
// once (the default) and with every report counted (--mentions), which
// skips the grouping.
func BenchmarkNewView(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		for _, mentions := range []bool{false, true} {
			b.Run(fmt.Sprintf("events=%d/mentions=%v", n, mentions), func(b *testing.B) {
				actors, events := benchEvents(n)
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					v := NewView(actors, events, graph.Filter{Mentions: mentions})
					if v.Len() == 0 {
						b.Fatal("empty view")
					}
				}
			})
		}
	}
}

func TestSyntheticViewInvariants(t *testing.T) {
	actors, events := syntheticEvents(5000)
	v := NewView(actors, events, graph.Filter{MinEvents: 2})
	total := 0
	for _, p := range v.Pairs() {
		if p.Count < 2 || p.From == p.To {
			t.Fatalf("pair %d>%d count %d survives MinEvents 2", p.From, p.To, p.Count)
		}
		total += p.Count
		for _, e := range p.Events {
			s, d := v.EventEnds(int(e))
			if !(s == p.From && d == p.To) && !(v.Event(int(e)).Symmetric && s == p.To && d == p.From) {
				t.Fatalf("event %d (%d>%d) filed under %d>%d", e, s, d, p.From, p.To)
			}
		}
	}
	off, adj, w := v.OutCSR()
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	if int(sum) != total || len(adj) != len(v.Pairs()) || int(off[v.Len()]) != len(adj) {
		t.Errorf("CSR weights %v, pairs total %d", sum, total)
	}
	for _, e := range allEvents(v) {
		if e.Modality == graph.Hypothetical || e.Negated {
			t.Fatalf("event %s should have been filtered", e.ID)
		}
	}
}
