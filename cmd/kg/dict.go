package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newCmdDict(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "dict",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("dict: not implemented yet")
		},
	}
}
