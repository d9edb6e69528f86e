// Package graph holds kg's data model: documents, actors, events, their
// dates, the filters every query applies, and the record form of an event
// that the commands print and import. It knows nothing of storage or of
// graph algorithms; internal/graph/store persists the model in Badger and
// internal/graph/view builds gonum graphs from it.
package graph
