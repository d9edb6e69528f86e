package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// triplesOptions is a placeholder until the command is implemented.
type triplesOptions struct{}

func newCmdTriples(f *factory, runF func(*triplesOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "triples",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("triples: not implemented yet")
		},
	}
}
