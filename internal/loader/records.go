package loader

import (
	"encoding/json"
	"io"

	"github.com/kg-project/kg/internal/graph"
)

// WriteRecords writes an extraction's events as triple records, one JSON
// object a line: what kg extract prints and kg triples --format jsonl
// prints of them once stored. The Beam pipeline writes the same lines.
func WriteRecords(w io.Writer, xt graph.Extraction) error {
	actors := make(map[string]graph.Actor, len(xt.Actors))
	for _, a := range xt.Actors {
		actors[a.ID] = a
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range xt.Events {
		var rep *graph.Actor
		if a, ok := actors[e.Reporter]; ok && e.Reporter != "" {
			rep = &a
		}
		if err := enc.Encode(e.Record(xt.Doc.Name, actors[e.Source], actors[e.Target], rep)); err != nil {
			return err
		}
	}
	return nil
}
