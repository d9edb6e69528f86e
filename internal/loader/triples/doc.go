// Package triples reads event triples that were coded elsewhere (kg's own
// JSON Lines records, CSV or TSV edge lists) into extractions the store
// accepts, so that imported and extracted events share one model.
package triples
