// Package jsonvalue is the strict JSON reader every threatcard parser uses.
//
// Parse reads one JSON document into a Value tree that keeps what
// encoding/json's generic decoding loses: the order of an object's keys,
// a number's text exactly as written (never a float64), and where each
// value starts. It is strict where encoding/json is lenient: the input
// must be valid UTF-8, an object may not repeat a key, nothing but white
// space may follow the document, and its size and nesting are bounded.
//
// Lexer is the tokenizer underneath, for a reader that wants to walk a
// small, fixed shape without building a tree (scoring/aivss/batch reads
// its lines that way, ten thousand of them in well under a second).
//
// Every error is an *Error that says where: a byte offset and line for
// text that is not well-formed, a path such as
// "maestro.layers[2].threats[0].state" (built with Join and Index) for a
// value a reader refuses.
package jsonvalue
