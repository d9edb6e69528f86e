// Package view builds the graphs queries run on from stored events: a View
// is a filtered, weighted directed graph of actors (one edge per ordered
// pair, with the pair's events aggregated), and a Multigraph keeps one line
// per event. Both satisfy gonum's graph interfaces. It also resolves the
// names users type to actors.
package view
