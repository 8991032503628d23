package cardjson

import (
	"bytes"
	_ "embed"
)

// The formats, the value of a document's "format" field. Marshal writes
// Format; Unmarshal reads both.
const (
	Format  = "threatcard/2"
	Format1 = "threatcard/1"
)

// MaxSize is the size in bytes of the largest document Unmarshal reads:
// room for a card at every limit, findings included, with every character
// of its text escaped.
const MaxSize = 1 << 20

// maxDepth bounds how deep a document Unmarshal reads nests; threatcard/2
// nests eight deep (a finding's factors).
const maxDepth = 16

var (
	//go:embed threatcard-2.schema.json
	schema2 []byte
	//go:embed threatcard-1.schema.json
	schema1 []byte
)

// Schema returns the JSON Schema (draft 2020-12) of format threatcard/2,
// the file threatcard-2.schema.json. The caller may modify the result.
func Schema() []byte { return bytes.Clone(schema2) }

// Schema1 returns the JSON Schema of the earlier format threatcard/1,
// the file threatcard-1.schema.json. The caller may modify the result.
func Schema1() []byte { return bytes.Clone(schema1) }
