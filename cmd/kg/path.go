package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// pathOptions is a placeholder until the command is implemented.
type pathOptions struct{}

func newCmdPath(f *factory, runF func(*pathOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "path",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("path: not implemented yet")
		},
	}
}
