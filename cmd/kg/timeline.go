package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// timelineOptions is a placeholder until the command is implemented.
type timelineOptions struct{}

func newCmdTimeline(f *factory, runF func(*timelineOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "timeline",
		Short: "(not yet implemented)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("timeline: not implemented yet")
		},
	}
}
