package query

import (
	"errors"
	"testing"

	"gonum.org/v1/gonum/graph/simple"
)

// TestEigenvectorNoConvergence: on a long directed path (A+I)^k x creeps
// along the chain for ever; the error must say so and still return the
// last iterate.
func TestEigenvectorNoConvergence(t *testing.T) {
	g := simple.NewWeightedDirectedGraph(0, 0)
	for i := 0; i < 3000; i++ {
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(i), T: simple.Node(i + 1), W: 1})
	}
	x, err := EigenvectorCentrality(NewAdjacency(g), false, 1e-6)
	if !errors.Is(err, ErrNoConvergence) || len(x) != 3001 {
		t.Fatalf("err = %v, %d values", err, len(x))
	}
	s, err := Centrality(NewAdjacency(g), Eigenvector, false)
	if !errors.Is(err, ErrNoConvergence) || len(s.Value) != 3001 {
		t.Fatalf("Centrality: err = %v", err)
	}
}
