package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// linkOptions is a placeholder until the command is implemented.
type linkOptions struct{}

func newCmdLink(f *factory, runF func(*linkOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "link",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("link: not implemented yet")
		},
	}
}
