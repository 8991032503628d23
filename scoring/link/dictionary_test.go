package link

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/maestro"
)

// dictionaryV1SHA256 pins format 1's dictionary. If this test fails, the
// dictionary changed and every shared link with text would decode to
// something else: restore dictionary_v1.txt, and put a new dictionary in a
// new format version instead.
const dictionaryV1SHA256 = "6ba9cdb635c333d78fb02b8872ea5493a290792f7864936b5a92f1744da7e527"

func TestDictionaryFrozen(t *testing.T) {
	sum := sha256.Sum256(dictionaryV1)
	if got := hex.EncodeToString(sum[:]); got != dictionaryV1SHA256 {
		t.Fatalf("dictionary_v1.txt has SHA-256 %s; format 1 froze %s", got, dictionaryV1SHA256)
	}
	if len(dictionaryV1) > 32<<10 {
		t.Fatalf("dictionary is %d bytes; DEFLATE uses at most 32 KiB", len(dictionaryV1))
	}
}

var writeDictionary = flag.Bool("write-dictionary", false, "regenerate dictionary_v1.txt (only before format 1 is released)")

// TestWriteDictionary records how format 1's dictionary was made: from the
// catalog and the MAESTRO vocabulary as they were when it was frozen. It
// only writes with -write-dictionary.
func TestWriteDictionary(t *testing.T) {
	d := buildDictionary()
	if !*writeDictionary {
		if len(d) == 0 {
			t.Fatal("empty dictionary")
		}
		return
	}
	if err := os.WriteFile("dictionary_v1.txt", []byte(d), 0o644); err != nil {
		t.Fatal(err)
	}
}

// buildDictionary lays out the dictionary with the least likely text
// first: DEFLATE reaches nearer bytes with shorter distance codes, so the
// most common phrases go last, next to the data.
func buildDictionary() string {
	var b strings.Builder
	for _, e := range maestro.Catalog() {
		b.WriteString(e.Description)
		b.WriteByte(' ')
	}
	for _, e := range maestro.Catalog() {
		b.WriteString(e.Name)
		b.WriteString(". ")
	}
	voc := maestro.Vocabulary()
	for i := len(voc) - 1; i >= 0; i-- {
		b.WriteString(voc[i])
		b.WriteString(", ")
	}
	for a := maestro.ASI(1); a <= maestro.NumASI; a++ {
		b.WriteString(a.Name())
		b.WriteString(", ")
	}
	for _, l := range maestro.Layers() {
		b.WriteString(l.Name())
		b.WriteString(". ")
	}
	return b.String()
}
