package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/loader/dict"
	"github.com/kg-project/kg/internal/loader/pipeline"
)

// addDictFlag adds the repeatable --dict flag shared by the commands that
// extract (load, extract, reindex).
func addDictFlag(cmd *cobra.Command) {
	cmd.Flags().StringArray("dict", nil,
		"extra dictionary `file` (kg YAML, or a PETRARCH/TABARI file) merged over the embedded one; repeatable (env "+dict.EnvVar+" adds more)")
}

// addCoderFlag adds --coder to the commands that code events.
func addCoderFlag(cmd *cobra.Command) {
	cmd.Flags().String("coder", string(loader.CoderTree),
		"how events are coded: tree (rules over the dependency parse) or rules (patterns in windows of words: about 8 times faster, and worse on text it was not built on)")
	cmd.Flags().Bool("fast", false, "with --coder tree, parse greedily: the whole load about 1.7 times faster, coding worse (dev F1 0.68 against 0.76, PETRARCH suite 0.66 against 0.70)")
}

// coderFlags returns the extractor options --coder and --fast give.
func coderFlags(cmd *cobra.Command) (loader.Options, error) {
	v, _ := cmd.Flags().GetString("coder")
	c, err := loader.ParseCoder(v)
	if err != nil {
		return loader.Options{}, err
	}
	fast, _ := cmd.Flags().GetBool("fast")
	if fast && c == loader.CoderRules {
		return loader.Options{}, fmt.Errorf("--fast applies to --coder tree only")
	}
	return loader.Options{Coder: c, FastParse: fast}, nil
}

// extractorFlags reads what every extracting command is given: the
// dictionary files (--dict and KG_DICT) and the coder (--coder, --fast).
func extractorFlags(cmd *cobra.Command) ([]string, loader.Options, error) {
	o, err := coderFlags(cmd)
	if err != nil {
		return nil, o, flagErrorf(cmd, "%v", err)
	}
	return dictFlagPaths(cmd), o, nil
}

// dictFlagPaths returns the dictionary files to load: those in KG_DICT,
// then those given with --dict, so flags override the environment.
func dictFlagPaths(cmd *cobra.Command) []string {
	v, _ := cmd.Flags().GetStringArray("dict")
	return dict.Paths(v)
}

// newExtractor loads the dictionaries and builds the extractor.
func newExtractor(paths []string, o loader.Options) (*loader.Extractor, *dict.Dictionary, error) {
	d, err := loader.LoadDictionary(paths...)
	if err != nil {
		return nil, nil, err
	}
	x, err := loader.NewWith(d, o)
	if err != nil {
		return nil, nil, fmt.Errorf("build extractor: %w", err)
	}
	return x, d, nil
}

// nameSimilarity compares two actor names as person names, titles
// stripped, for cross-document merging.
func nameSimilarity(d *dict.Dictionary) pipeline.SimilarFunc {
	return func(a, b string) (float64, bool) {
		return dict.SimilarNames(d.PersonName(a), d.PersonName(b))
	}
}
