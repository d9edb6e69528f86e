package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// exportOptions is a placeholder until the command is implemented.
type exportOptions struct{}

func newCmdExport(f *factory, runF func(*exportOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("export: not implemented yet")
		},
	}
}
