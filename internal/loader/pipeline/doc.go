// Package pipeline loads documents in parallel: read, extract in a worker pool, then merge actors and write in input order.
package pipeline
