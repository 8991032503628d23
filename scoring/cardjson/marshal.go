package cardjson

import (
	"bytes"
	"encoding/json"

	"github.com/threatcard/threatcard/scoring/card"
)

// Marshal returns c as a JSON document of format threatcard/2, indented by
// two spaces and ending in a newline. Unmarshal reads it back into an
// equal card. A card that fails card.Validate is its error.
func Marshal(c *card.Card) ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // the file is not embedded in HTML; keep "<" readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(fromCard(c)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
