package aivssreport

import (
	"bytes"
	_ "embed"
)

//go:embed aivss-v0.8-report.schema.json
var schema []byte

// Schema returns the JSON Schema (draft-07) of the report, Appendix A of
// OWASP AIVSS v0.8 as transcribed: the file aivss-v0.8-report.schema.json.
// The caller may modify the result.
func Schema() []byte { return bytes.Clone(schema) }
