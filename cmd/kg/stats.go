package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// statsOptions is a placeholder until the command is implemented.
type statsOptions struct{}

func newCmdStats(f *factory, runF func(*statsOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("stats: not implemented yet")
		},
	}
}
