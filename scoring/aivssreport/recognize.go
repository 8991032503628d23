package aivssreport

import "github.com/threatcard/threatcard/scoring/jsonvalue"

// Recognize reports whether data looks like an Appendix A report rather
// than another JSON document, for an importer that takes several kinds:
// a JSON object with both metadata and vulnerabilities and no "format"
// field (threatcard's own JSON has one). It says nothing of whether the
// report is valid; Parse does.
func Recognize(data []byte) bool {
	v, err := jsonvalue.ParseLimits(data, jsonvalue.Limits{MaxSize: MaxSize})
	if err != nil || v.Kind != jsonvalue.Object {
		return false
	}
	_, md := v.Get("metadata")
	_, vs := v.Get("vulnerabilities")
	_, format := v.Get("format")
	return md && vs && !format
}
