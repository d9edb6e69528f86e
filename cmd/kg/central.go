package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// centralOptions is a placeholder until the command is implemented.
type centralOptions struct{}

func newCmdCentral(f *factory, runF func(*centralOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "central",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("central: not implemented yet")
		},
	}
}
