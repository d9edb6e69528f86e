package export_test

import (
	"os"

	"github.com/kg-project/kg/export"
	"github.com/kg-project/kg/internal/graph"
)

func ExampleWriteDOT() {
	g := &export.MemGraph{
		NodeList: []export.Node{{ID: "russia", Name: "Russia"}, {ID: "pakistan", Name: "Pakistan"}},
		EdgeList: []export.Edge{{ID: "russia->pakistan", Source: "russia", Target: "pakistan", Label: "supply",
			CAMEO: "0711", Weight: 4, Goldstein: 7.4, Sign: 1, First: graph.Date{Year: 2016, Month: 9}}},
	}
	if err := export.WriteDOT(os.Stdout, g, export.Options{Name: "arms"}); err != nil {
		panic(err)
	}
	// Output:
	// digraph "arms" {
	//   graph [rankdir=LR, overlap=false, splines=true, fontname="Helvetica"];
	//   node [shape=box, style="rounded,filled", fillcolor="#f4f4f4", fontname="Helvetica"];
	//   edge [fontname="Helvetica", fontsize=10, arrowsize=0.7];
	//   "pakistan" [label="Pakistan", tooltip="Pakistan"];
	//   "russia" [label="Russia", tooltip="Russia"];
	//   "russia" -> "pakistan" [id="russia->pakistan", label="supply", color="#2ca02c", fontcolor="#2ca02c", penwidth=4, weight=4, tooltip="0711 supply, 4 events, goldstein 7.4, 2016-09"];
	// }
}
