package view

import (
	"fmt"

	"github.com/kg-project/kg/internal/graph"
)

// EventSource is what LoadView needs from a store: its actors and a stream
// of its events. *Store satisfies it.
type EventSource interface {
	Actors() ([]graph.Actor, error)
	Events(fn func(graph.Event) error) error
}

// documentLister is the optional part of an EventSource used to resolve
// document names in Filter.Docs.
type documentLister interface {
	Documents(fn func(graph.Document) error, withText bool) error
}

// LoadView streams src's events through f into a View. Document names and
// ID prefixes in f.Docs are resolved first when src can list documents.
func LoadView(src EventSource, f graph.Filter) (*View, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if len(f.Docs) > 0 {
		if dl, ok := src.(documentLister); ok {
			var docs []graph.Document
			if err := dl.Documents(func(d graph.Document) error { docs = append(docs, d); return nil }, false); err != nil {
				return nil, fmt.Errorf("list documents: %w", err)
			}
			var err error
			if f, err = f.ResolveDocs(docs); err != nil {
				return nil, err
			}
		}
	}
	actors, err := src.Actors()
	if err != nil {
		return nil, fmt.Errorf("read actors: %w", err)
	}
	b := NewViewBuilder(actors, f)
	if st, ok := src.(interface{ Stats() (graph.Stats, error) }); ok {
		if c, err := st.Stats(); err == nil {
			b.Grow(c.Events)
		}
	}
	if is, ok := src.(indexedSource); ok {
		// The builder's first actors are those given, in that order.
		ax := &graph.ActorIndex{IDs: b.ids[:len(actors):len(actors)], Index: b.byID}
		if err := is.EventsIndexed(ax, func(e *graph.Event, s, d int32) error { b.addAt(e, s, d); return nil }); err != nil {
			return nil, err
		}
	} else if err := src.Events(func(e graph.Event) error { b.add(&e); return nil }); err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	return b.View(), nil
}

// indexedSource is the optional part of an EventSource that gives each
// event's actors as positions in a list the caller holds.
type indexedSource interface {
	EventsIndexed(ax *graph.ActorIndex, fn func(e *graph.Event, src, dst int32) error) error
}
