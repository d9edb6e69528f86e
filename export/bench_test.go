package export

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
)

// genGraph generates its edges on the fly from a seed, so benchmarks
// measure the writers' own memory, not the input's.
type genGraph struct {
	nodes []Node
	edges int
	multi bool
}

func newGenGraph(nodes, edges int) *genGraph {
	g := &genGraph{edges: edges}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range nodes {
		g.nodes = append(g.nodes, Node{ID: fmt.Sprintf("actor-%06d", i), Name: fmt.Sprintf("Actor %d", i),
			Code: "XYZ", Type: "country", Aliases: []string{"A", "B"}, EventsOut: r.IntN(50),
			FirstSeen: graph.Date{Year: 2000 + r.IntN(20)}})
	}
	return g
}

func (g *genGraph) Nodes() []Node { return g.nodes }

func (g *genGraph) Edges(fn func(Edge) error) error {
	r := rand.New(rand.NewPCG(3, 4))
	n := len(g.nodes)
	for i := range g.edges {
		gs := r.Float64()*20 - 10
		e := Edge{ID: "e" + strconv.Itoa(i), Source: g.nodes[r.IntN(n)].ID, Target: g.nodes[r.IntN(n)].ID,
			Label: "supply", Relations: []string{"supply"}, CAMEO: "0711", Quad: 2, Weight: float64(1 + r.IntN(5)),
			Goldstein: gs, Sign: view.Sign(gs), First: graph.Date{Year: 2016, Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)},
			Docs: []string{"d" + strconv.Itoa(r.IntN(1000))}, Sentence: "Russia supplied helicopters to Pakistan."}
		e.Last, e.Dates = e.First, []graph.Date{e.First}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkWriters writes seeded graphs of 1k nodes and 10k or 100k edges
// in every format; -benchmem shows that allocations per edge stay flat.
func BenchmarkWriters(b *testing.B) {
	for _, size := range []struct{ nodes, edges int }{{1000, 10_000}, {1000, 100_000}} {
		g := newGenGraph(size.nodes, size.edges)
		for _, f := range Formats {
			for _, p := range f.Parts {
				b.Run(fmt.Sprintf("%s%s/%d", f.Name, p.Name, size.edges), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if err := p.Write(io.Discard, g, Options{Multi: true}); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}
