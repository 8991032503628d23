package ui

import "github.com/threatcard/threatcard/scoring/card"

// Edit is a change a child component asks the page to make to the card.
// Children never change the card they were given: they pass an Edit up, and
// the page applies it to its own card, validates, re-scores, re-encodes the
// link and saves the draft.
type Edit func(c *card.Card)
