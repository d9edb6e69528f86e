package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// loadOptions is a placeholder until the command is implemented.
type loadOptions struct{}

func newCmdLoad(f *factory, runF func(*loadOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "load",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("load: not implemented yet")
		},
	}
}
