package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
)

// noPositionalArgs refuses arguments as a usage error (exit 2), for commands
// that take flags only.
func noPositionalArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return flagErrorf(cmd, "unexpected argument %q (%s takes flags only)", args[0], cmd.CommandPath())
	}
	return nil
}

// exactArgs accepts n positional arguments, named by the command's Use
// line in the error ("kg path takes 2 arguments (FROM TO), got 1").
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == n {
			return nil
		}
		names := strings.Join(strings.Fields(cmd.Use)[1:], " ")
		name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
		return flagErrorf(cmd, "%s takes %d %s (%s), got %d", name, n, plural(n, "argument", "arguments"), names, len(args))
	}
}

// minArgs accepts n or more positional arguments; what names the missing
// one when there are too few ("no dictionary file given").
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return flagErrorf(cmd, "%s", what)
		}
		return nil
	}
}

// truncateCell cuts s to n runes with an ellipsis, for terminal tables.
func truncateCell(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// allDocuments reads the documents without their text, in ID order.
func allDocuments(s *store.Store) ([]graph.Document, error) {
	var docs []graph.Document
	err := s.Documents(func(d graph.Document) error {
		docs = append(docs, d)
		return nil
	}, false)
	return docs, err
}
