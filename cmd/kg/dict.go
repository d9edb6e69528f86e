package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/dict"
)

func newCmdDict(f *factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dict",
		Short: "Check, list and convert actor dictionaries",
		Long: `kg recognises actors with a dictionary: an embedded default (every country
with its demonyms, capitals and abbreviations, major international
organisations, armed groups, role words and titles) merged with YAML files
given with --dict or listed in KG_DICT (separated by ":" on Unix, ";" on
Windows). A file adds actors, or changes those of the same canonical name;
"replace: true" at its top starts from an empty dictionary instead.

--dict also reads the plain-text dictionaries of the PETRARCH and TABARI
coders (verbs, actors, agents, discards, issues; the Phoenix set among
them), recognised by their content; "kg dict import" converts them to YAML.

  actors:
    - name: Ashfaq Parvez Kayani
      code: PAKMIL
      type: person
      country: PAK
      aliases: [Kayani, Kiani, Gen Kayani]
      roles:
        - {code: PAKMIL, from: 2007-11-29, until: 2013-11-29}
  roles:
    - {word: minister, code: GOV}
  titles:
    - {title: Air Chief Marshal, code: MIL}
  forbid:
    merges: [[Kayani, Kiani]]
    aliases: [Washington]`,
	}
	cmd.AddCommand(newCmdDictCheck(f, nil), newCmdDictShow(f, nil), newCmdDictImport(f, nil))
	return cmd
}

type dictCheckOptions struct {
	IO    *ioStreams
	Files []string
}

func newCmdDictCheck(f *factory, runF func(*dictCheckOptions) error) *cobra.Command {
	opts := &dictCheckOptions{IO: f.IO}
	return &cobra.Command{
		Use:   "check FILE...",
		Short: "Validate dictionary files",
		Long: `Validate dictionary files and print each problem as file:line:col: message:
unknown or repeated fields, values of the wrong type, malformed actor, role
and CAMEO event codes, bad dates, empty names, and an alias given to two
actors in one file. The exit status is 1 when a file has problems. "-" reads
standard input.

PETRARCH and TABARI files are checked too. What such a file gets away with
(a line skipped, a date guessed, a code that is not CAMEO) is printed as
"file:line:col: warning: ..." and does not fail the check.`,
		Example: `  kg dict check my-actors.yaml
  kg dict check $(echo $KG_DICT | tr : ' ')`,
		Args: minArgs(1, "no dictionary file given"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return runDictCheck(cmd.Context(), opts)
		},
	}
}

// readNamed reads the file called name, or stdin for "-".
func readNamed(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return dict.ReadBounded(stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return dict.ReadBounded(f)
}

func runDictCheck(_ context.Context, opts *dictCheckOptions) error {
	failed := false
	for _, name := range opts.Files {
		data, err := readNamed(name, opts.IO.In)
		if err != nil {
			fmt.Fprintf(opts.IO.ErrOut, "kg: %s: %v\n", name, err)
			failed = true
			continue
		}
		probs := dict.Check(name, data)
		for _, p := range probs {
			fmt.Fprintln(opts.IO.ErrOut, p)
		}
		if len(probs) > 0 {
			failed = true
			continue
		}
		file, err := dict.Parse(name, data)
		if err != nil {
			return err // Check found nothing, so this cannot happen; keep it loud if it does
		}
		for _, w := range file.Warnings() {
			fmt.Fprintln(opts.IO.ErrOut, w)
		}
		fmt.Fprintf(opts.IO.Out, "%s: ok: %s\n", name, dictCheckCounts(file))
	}
	if failed {
		return errSilent
	}
	return nil
}

// dictCheckCounts says what a file holds: the four kg sections always,
// the PETRARCH ones when present.
func dictCheckCounts(f *dict.File) string {
	parts := []string{dictPlural(len(f.Actors), "actor"), dictPlural(len(f.Verbs), "verb rule"),
		dictPlural(len(f.Roles), "role"), dictPlural(len(f.Titles), "title")}
	for _, extra := range []struct {
		n    int
		noun string
	}{{len(f.Agents), "agent"}, {len(f.Discards), "discard"}, {len(f.Issues), "issue"}} {
		if extra.n > 0 {
			parts = append(parts, dictPlural(extra.n, extra.noun))
		}
	}
	if v := f.VerbDict; v != nil {
		var verbs, patterns int
		for _, b := range v.Blocks {
			verbs += len(b.Verbs)
			patterns += len(b.Patterns)
		}
		parts = append(parts, fmt.Sprintf("%s (%s, %s), %s", dictPlural(len(v.Blocks), "verb block"),
			dictPlural(verbs, "verb"), dictPlural(patterns, "pattern"), dictPlural(len(v.Synsets), "synset")))
	}
	if f.Format != dict.FormatYAML {
		parts = append(parts, "read as "+string(f.Format))
	}
	return strings.Join(parts, ", ")
}

func dictPlural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

type dictShowOptions struct {
	IO     *ioStreams
	Format string
	Dicts  []string
	Types  []graph.ActorType
	What   string
}

func newCmdDictShow(f *factory, runF func(*dictShowOptions) error) *cobra.Command {
	opts := &dictShowOptions{IO: f.IO}
	var types []string
	cmd := &cobra.Command{
		Use:   "show",
		Short: "List the effective dictionary",
		Long: `List the dictionary kg would use: the embedded default merged with the files
given with --dict and listed in KG_DICT. By default it lists actors with
every surface form; --what roles, titles, verbs or conflicts lists the other
sections (conflicts: aliases two actors claimed, and which one won).`,
		Example: `  kg dict show --type igo
  kg dict show --dict world.yaml --format json
  kg dict show --what conflicts --dict my-actors.yaml`,
		Args: noPositionalArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(cmd, opts.Format); err != nil {
				return err
			}
			switch opts.What {
			case "actors", "roles", "titles", "verbs", "conflicts":
			default:
				return flagErrorf(cmd, "unknown --what %q (want actors, roles, titles, verbs or conflicts)", opts.What)
			}
			for _, t := range splitList(types) {
				at, err := graph.ParseActorType(t)
				if err != nil {
					return flagErrorf(cmd, "--type: %v", err)
				}
				opts.Types = append(opts.Types, at)
			}
			if len(opts.Types) > 0 && opts.What != "actors" {
				return flagErrorf(cmd, "--type applies to --what actors only")
			}
			opts.Dicts, _ = cmd.Flags().GetStringArray("dict")
			if runF != nil {
				return runF(opts)
			}
			return runDictShow(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&types, "type", nil, "keep actors of these types (country, person, organization, igo, group, object, place)")
	fl.StringVar(&opts.What, "what", "actors", "section to list: actors, roles, titles, verbs or conflicts")
	addDictFlag(cmd)
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func runDictShow(_ context.Context, opts *dictShowOptions) error {
	d, err := dict.Load(dict.Paths(opts.Dicts)...)
	if err != nil {
		return err
	}
	w, format, tty := opts.IO.Out, opts.Format, opts.IO.OutTTY
	switch opts.What {
	case "roles":
		return printRecords(w, format, tty, d.Roles, []column[dict.RoleEntry]{
			{"word", func(r dict.RoleEntry) string { return r.Word }},
			{"code", func(r dict.RoleEntry) string { return r.Code }},
		})
	case "titles":
		return printRecords(w, format, tty, d.Titles, []column[dict.TitleEntry]{
			{"title", func(t dict.TitleEntry) string { return t.Title }},
			{"code", func(t dict.TitleEntry) string { return t.Code }},
		})
	case "verbs":
		return printRecords(w, format, tty, d.Verbs, []column[dict.VerbEntry]{
			{"relation", func(v dict.VerbEntry) string { return v.Relation }},
			{"code", func(v dict.VerbEntry) string { return v.Code }},
			{"verbs", func(v dict.VerbEntry) string { return strings.Join(v.Verbs, "; ") }},
			{"nouns", func(v dict.VerbEntry) string { return strings.Join(v.Nouns, "; ") }},
			{"where", func(v dict.VerbEntry) string { return v.Where }},
		})
	case "conflicts":
		return printRecords(w, format, tty, d.Conflicts, []column[dict.Conflict]{
			{"alias", func(c dict.Conflict) string { return c.Alias }},
			{"winner", func(c dict.Conflict) string { return c.Winner }},
			{"loser", func(c dict.Conflict) string { return c.Loser }},
		})
	}
	var actors []dict.ActorEntry
	for _, a := range d.Actors {
		if dictKeepType(opts.Types, a.Type) {
			actors = append(actors, a)
		}
	}
	return printRecords(w, format, tty, actors, []column[dict.ActorEntry]{
		{"name", func(a dict.ActorEntry) string { return a.Name }},
		{"code", func(a dict.ActorEntry) string { return a.Code }},
		{"type", func(a dict.ActorEntry) string { return string(a.Type) }},
		{"country", func(a dict.ActorEntry) string { return a.Country }},
		{"aliases", func(a dict.ActorEntry) string { return strings.Join(a.Names()[1:], "; ") }},
		{"where", func(a dict.ActorEntry) string { return a.Where }},
	})
}

func dictKeepType(types []graph.ActorType, t graph.ActorType) bool {
	if len(types) == 0 {
		return true
	}
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}
