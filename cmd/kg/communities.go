package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// communitiesOptions is a placeholder until the command is implemented.
type communitiesOptions struct{}

func newCmdCommunities(f *factory, runF func(*communitiesOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "communities",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("communities: not implemented yet")
		},
	}
}
