// Package loader turns one input document into an extraction: clean, split into sentences, find dates, actors and CAMEO-coded relations.
package loader
