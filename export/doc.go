// Package export writes kg graphs as GraphML, GEXF, DOT, CSV, JSON, Neo4j import CSV and Dgraph N-Quads.
package export
