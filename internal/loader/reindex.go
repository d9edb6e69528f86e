package loader

import (
	"context"
	"fmt"

	"github.com/kg-project/kg/internal/graph"
)

// DocStore is what Reindex needs from a store; *store.Store has it.
type DocStore interface {
	Documents(fn func(graph.Document) error, withText bool) error
	Document(id string) (graph.Document, error)
	PutDocument(x graph.Extraction, force bool) (graph.PutStatus, error)
	DocumentEventCounts() (map[string]int, error)
}

// ImportFormat is the Format of documents made by importing events rather
// than by extraction.
const ImportFormat = "import"

// ReindexSummary counts what a reindex did.
type ReindexSummary struct {
	Documents    int `json:"documents"`     // documents re-extracted and stored
	Failed       int `json:"failed"`        // documents that could not be
	Skipped      int `json:"skipped"`       // imported documents, left as they are
	EventsBefore int `json:"events_before"` // events of those documents before
	EventsAfter  int `json:"events_after"`  // and after
}

// Reindex re-runs extraction over every stored document's clean text and
// replaces its events, so new dictionaries or rules apply to old loads.
// Document IDs and texts are kept. resolve, when not nil, is applied to
// each extraction before it is stored (cross-document actor merging).
// Documents of format ImportFormat are skipped and counted: their text was
// rebuilt from imported sentences, and re-extracting it would replace the
// imported events with whatever the rules find.
// Failures of single documents go to onErr and the run goes on; only ctx's
// error and errors reading the store's list of documents are returned.
func (x *Extractor) Reindex(ctx context.Context, st DocStore, resolve func(*graph.Extraction), onErr func(error)) (ReindexSummary, error) {
	var sum ReindexSummary
	// IDs first: writing inside the store's read iteration would hold its
	// snapshot open for the whole run.
	var ids []string
	if err := st.Documents(func(d graph.Document) error {
		if d.Format == ImportFormat {
			sum.Skipped++
			return nil
		}
		ids = append(ids, d.ID)
		return nil
	}, false); err != nil {
		return sum, err
	}
	before, err := st.DocumentEventCounts()
	if err != nil {
		return sum, err
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		doc, err := st.Document(id)
		if err != nil {
			sum.Failed++
			onErr(err)
			continue
		}
		xt, err := x.ProcessText(doc)
		if err != nil {
			sum.Failed++
			onErr(err)
			continue
		}
		if resolve != nil {
			resolve(&xt)
		}
		xt.Recode = true // the dictionary as it is now codes the actors
		if _, err := st.PutDocument(xt, true); err != nil {
			sum.Failed++
			onErr(fmt.Errorf("reindex %s: %w", doc.Name, err))
			continue
		}
		sum.Documents++
		sum.EventsBefore += before[id]
		sum.EventsAfter += len(xt.Events)
	}
	return sum, nil
}
