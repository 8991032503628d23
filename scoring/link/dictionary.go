package link

import (
	_ "embed"
)

// dictionaryV1 is the DEFLATE preset dictionary of format 1: MAESTRO and
// agentic-security vocabulary that card text is mostly made of, so that a
// whole card fits in a link a ticket will take. It is frozen with the
// format: changing one byte changes what every existing link decodes to,
// so TestDictionaryFrozen pins its hash. A better dictionary is a new
// format version.
//
//go:embed dictionary_v1.txt
var dictionaryV1 []byte
