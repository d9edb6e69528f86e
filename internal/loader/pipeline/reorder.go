package pipeline

// Reorder gives back, in their input order, values that workers finish in
// any order: each value carries its position, and a value is released once
// every one before it has been. The zero value is ready to use.
type Reorder[T any] struct {
	pending map[int]T
	next    int
}

// Put takes the value of position seq and calls release for it and for
// every value after it already held, in order. It stops at release's first
// error, which it returns; the values not yet released stay held.
func (r *Reorder[T]) Put(seq int, v T, release func(T) error) error {
	if r.pending == nil {
		r.pending = map[int]T{}
	}
	r.pending[seq] = v
	for {
		v, ok := r.pending[r.next]
		if !ok {
			return nil
		}
		delete(r.pending, r.next)
		r.next++
		if err := release(v); err != nil {
			return err
		}
	}
}
