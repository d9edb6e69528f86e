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
		"extra dictionary `file` (YAML) merged over the embedded one; repeatable (env "+dict.EnvVar+" adds more)")
}

// addCoderFlag adds --coder to the commands that code events.
func addCoderFlag(cmd *cobra.Command) {
	cmd.Flags().String("coder", string(loader.CoderRules),
		"how events are coded: rules (token windows) or tree (on the dependency parse)")
}

// coderFlag returns the coder the --coder flag names.
func coderFlag(cmd *cobra.Command) (loader.Coder, error) {
	v, _ := cmd.Flags().GetString("coder")
	return loader.ParseCoder(v)
}

// dictFlagPaths returns the dictionary files to load: those in KG_DICT,
// then those given with --dict, so flags override the environment.
func dictFlagPaths(cmd *cobra.Command) []string {
	v, _ := cmd.Flags().GetStringArray("dict")
	return dict.Paths(v)
}

// newExtractor loads the dictionaries and builds the extractor.
func newExtractor(paths []string, c loader.Coder) (*loader.Extractor, *dict.Dictionary, error) {
	d, err := dict.Load(paths...)
	if err != nil {
		return nil, nil, err
	}
	x, err := loader.NewCoder(d, c)
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
