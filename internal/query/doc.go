// Package query answers graph questions (centrality, paths, brokerage, communities, timelines, balance) over gonum graphs.
package query
