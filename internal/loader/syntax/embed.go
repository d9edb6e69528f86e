package syntax

import (
	"bytes"
	_ "embed"
	"fmt"
)

// The model trained by ./train on the UD English Web Treebank (CC BY-SA 4.0;
// see NOTICE at the repository root).
//
//go:embed model/en_ewt.kgm
var embeddedModel []byte

func loadEmbedded() (*Model, error) {
	m, err := ReadModel(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("load embedded syntax model: %w", err)
	}
	return m, nil
}
