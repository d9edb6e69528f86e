package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// demoOptions is a placeholder until the command is implemented.
type demoOptions struct{}

func newCmdDemo(f *factory, runF func(*demoOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("demo: not implemented yet")
		},
	}
}
