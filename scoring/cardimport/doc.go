// Package cardimport reads a card from whatever a person pastes or hands in:
// the JSON export (format threatcard/2 or the earlier threatcard/1, read by
// cardjson.Unmarshal) or the text
// of a published card (read by cardtext.Parse). The two are told apart by
// content: a document whose first character, after white space and a
// byte-order mark, is '{' is JSON.
package cardimport
