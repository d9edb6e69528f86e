package dict

// The country entries are generated from the gountries data set so that the
// runtime needs only the embedded YAML. Hand-made facts live in the other
// files under data/.
//go:generate go run ./internal/gen -o data/countries.yaml
