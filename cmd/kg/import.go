package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// importOptions is a placeholder until the command is implemented.
type importOptions struct{}

func newCmdImport(f *factory, runF func(*importOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "import",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("import: not implemented yet")
		},
	}
}
