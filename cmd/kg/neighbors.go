package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// neighborsOptions is a placeholder until the command is implemented.
type neighborsOptions struct{}

func newCmdNeighbors(f *factory, runF func(*neighborsOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "neighbors",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("neighbors: not implemented yet")
		},
	}
}
