package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// actorsOptions is a placeholder until the command is implemented.
type actorsOptions struct{}

func newCmdActors(f *factory, runF func(*actorsOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "actors",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("actors: not implemented yet")
		},
	}
}
