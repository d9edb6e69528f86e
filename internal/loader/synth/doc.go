// Package synth writes seeded, repeatable synthetic news corpora of any size for tests and benchmarks.
package synth
