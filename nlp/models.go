package nlp

import (
	"embed"
	"errors"
	"io/fs"
)

// modelFS holds the trained models (see models/README.md for how to rebuild
// them). A missing file means "not trained yet": the pipeline then runs
// without that stage.
//
//go:embed models
var modelFS embed.FS

func embeddedTagger() (*Tagger, error) {
	data, err := modelFS.ReadFile("models/tagger.bin.gz")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return DecodeTagger(data)
}

func embeddedParser() (*Parser, error) {
	data, err := modelFS.ReadFile("models/parser.bin.gz")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return DecodeParser(data)
}
