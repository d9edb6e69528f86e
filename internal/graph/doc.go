// Package graph holds kg's data model (documents, actors, events), the Badger
// store that persists them, and the gonum views derived from stored events.
package graph
