package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// balanceOptions is a placeholder until the command is implemented.
type balanceOptions struct{}

func newCmdBalance(f *factory, runF func(*balanceOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "balance",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("balance: not implemented yet")
		},
	}
}
