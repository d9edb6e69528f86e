// Package extract finds CAMEO-coded actor–relation–actor triples in sentences with hand-written rules.
package extract
