package query_test

import (
	"fmt"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
	"github.com/kg-project/kg/internal/query"
)

func ExampleCentrality() {
	actors := []graph.Actor{{ID: "india", Name: "India"}, {ID: "pakistan", Name: "Pakistan"}, {ID: "russia", Name: "Russia"}}
	events := []graph.Event{
		{ID: "1", Source: "russia", Target: "india", Relation: "supply arms", CAMEO: "061"},
		{ID: "2", Source: "india", Target: "pakistan", Relation: "accuse", CAMEO: "112"},
	}
	v := view.NewView(actors, events, graph.Filter{})
	s, err := query.Centrality(query.NewAdjacency(v), query.Betweenness, false)
	if err != nil {
		panic(err)
	}
	for _, r := range query.Rank(s.Value, func(i int32) string { return v.Actor(int64(i)).Name }, 0) {
		fmt.Printf("%d %s %g\n", r.Rank, v.Actor(int64(r.Index)).Name, r.Value)
	}
	// Output:
	// 1 India 1
	// 2 Pakistan 0
	// 3 Russia 0
}

func ExampleLink() {
	actors := []graph.Actor{{ID: "india", Name: "India"}, {ID: "pakistan", Name: "Pakistan"}, {ID: "russia", Name: "Russia"}}
	events := []graph.Event{
		{ID: "1", Source: "russia", Target: "india", Relation: "supply arms", CAMEO: "061", Goldstein: 6.4},
		{ID: "2", Source: "india", Target: "pakistan", Relation: "accuse", CAMEO: "112", Goldstein: -2},
	}
	v := view.NewView(actors, events, graph.Filter{})
	x, _ := v.NodeOf("india")
	a, _ := v.NodeOf("russia")
	b, _ := v.NodeOf("pakistan")
	r := query.Link(v, query.NewAdjacency(v).Undirect(), x, a, b, false)
	fmt.Println(r.Summary)
	// Output:
	// India has 1 event with Russia (cooperative, mean Goldstein +6.4: supply arms); India has 1 event with Pakistan (conflictual, mean Goldstein -2.0: accuse). Russia and Pakistan are 2 hops apart. The shortest route through India has 2 hops; without India they are not connected at all. India lies on 1 of 1 shortest Russia–Pakistan path (100%).
}
