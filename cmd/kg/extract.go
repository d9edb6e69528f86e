package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// extractOptions is a placeholder until the command is implemented.
type extractOptions struct{}

func newCmdExtract(f *factory, runF func(*extractOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "extract",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("extract: not implemented yet")
		},
	}
}
