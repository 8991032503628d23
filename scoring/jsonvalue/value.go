package jsonvalue

// Kind is the type of a JSON value.
type Kind uint8

const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// String names the kind as a message does: "null", "a boolean", "a
// number", "a string", "an array", "an object".
func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "a boolean"
	case Number:
		return "a number"
	case String:
		return "a string"
	case Array:
		return "an array"
	case Object:
		return "an object"
	}
	return "an unknown kind of value"
}

// Value is one parsed JSON value.
type Value struct {
	Kind Kind
	// Text is a string's value (escapes resolved), a number's text
	// exactly as written ("0.970", "1E0", "-0"), "true" or "false" for a
	// boolean, "" otherwise.
	Text    string
	Items   []Value  // an array's elements
	Members []Member // an object's members, in document order, no key twice
	Offset  int      // the byte offset in the document where the value starts
}

// Member is one key and value of an object.
type Member struct {
	Key   string
	Value Value
}

// Get returns the value of an object's member key, and whether there is
// one; false for a value that is not an object.
func (v Value) Get(key string) (Value, bool) {
	for i := range v.Members {
		if v.Members[i].Key == key {
			return v.Members[i].Value, true
		}
	}
	return Value{}, false
}
