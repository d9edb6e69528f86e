package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// docsOptions is a placeholder until the command is implemented.
type docsOptions struct{}

func newCmdDocs(f *factory, runF func(*docsOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "docs",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("docs: not implemented yet")
		},
	}
}
