// Package cardjson is threatcard's JSON: a card written out whole, and
// read back without loss.
//
// Marshal writes format "threatcard/2", described by the JSON Schema
// threatcard-2.schema.json (Schema): everything threatcard/1 has, and each
// threat's finding (its OWASP AIVSS assessment) under "aivss". Unmarshal
// reads threatcard/2 and the earlier threatcard/1 (Schema1), whose threats
// have no findings.
//
// Writer and reader share the document types of document.go, so that a
// field has one name, one spelling of its values and one place in the
// order written. The reader is strict (jsonvalue): an unknown or repeated
// key, a value of the wrong type or out of range, or a card that breaks
// card.Validate is a *jsonvalue.Error naming the JSON path of the value,
// "maestro.layers[2].threats[0].aivss.factors.autonomy".
package cardjson
