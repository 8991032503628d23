package decimal

// Optional is a Decimal that may be still unset, as a card's inputs may be
// while someone is filling them in. The zero value is unset.
type Optional struct {
	Value Decimal
	Set   bool
}

// Some returns a set Optional holding d.
func Some(d Decimal) Optional { return Optional{Value: d, Set: true} }

// Get returns the value and whether it is set.
func (o Optional) Get() (Decimal, bool) { return o.Value, o.Set }
