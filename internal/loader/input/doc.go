// Package input finds and reads documents: files, folders, stdin and JSON Lines streams, with one-line errors for bad input.
package input
