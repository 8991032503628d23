package ui

import "unicode/utf8"

// heldText is the text of a field that the card did not take (over the
// field's limit, or the card's for all its text): it stays in the field as
// typed, never cut, until it is changed so that the card takes it, or the
// card's own text for that field changes from elsewhere (another card
// opened, an undo), which the field then shows.
type heldText struct {
	text string // what the field holds
	kept string // the card's text when the field's text was refused
	msg  string // why the card did not take text
	set  bool
}

// hold records text as what the field holds, while the card keeps kept,
// and msg as why.
func (h *heldText) hold(text, kept, msg string) {
	*h = heldText{text: text, kept: kept, msg: msg, set: true}
}

// message is the message under the field: why the card does not take
// what it holds, while it holds that.
func (h *heldText) message() string {
	if !h.set {
		return ""
	}
	return h.msg
}

// release forgets the held text: the card took the field's text.
func (h *heldText) release() { h.set = false }

// follow forgets the held text once the card's text is no longer the one
// it kept when the field's text was refused.
func (h *heldText) follow(card string) {
	if h.set && card != h.kept {
		h.set = false
	}
}

// shown is what the field shows: the held text, or the card's.
func (h *heldText) shown(card string) string {
	if h.set {
		return h.text
	}
	return card
}

// textCount is a text field's counter of what the field holds: how many
// characters are left ("120 of 4,000 characters left"), or by how many it
// is over its limit ("4,500 of 4,000 characters: 500 over"). It counts
// characters (code points), as card.Validate does.
func textCount(s string, limit int) string {
	if n := utf8.RuneCountInString(s); n > limit {
		return thousands(n) + " of " + thousands(limit) + " characters: " + thousands(n-limit) + " over"
	}
	return charsLeft(s, limit)
}
