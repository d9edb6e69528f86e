package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// reindexOptions is a placeholder until the command is implemented.
type reindexOptions struct{}

func newCmdReindex(f *factory, runF func(*reindexOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "reindex",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("reindex: not implemented yet")
		},
	}
}
