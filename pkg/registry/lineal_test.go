package registry

import "testing"

// TestLineal: an instrument and what it belongs to are lineal; two that
// belong to one treaty or collection are not.
func TestLineal(t *testing.T) {
	reg, err := Load([]Source{{Name: "t.yaml", Data: []byte(`
- {id: gc, title: Geneva Conventions of 12 August 1949, sources: [t]}
- {id: gc3, title: Third Geneva Convention, part_of: gc, sources: [t]}
- {id: gc4, title: Fourth Geneva Convention, part_of: gc, sources: [t]}
- {id: ap1, title: Additional Protocol I, protocol_to: gc, sources: [t]}
- {id: single, title: Single Convention, amended_by: p1972, sources: [t]}
- {id: p1972, title: Protocol amending the Single Convention, sources: [t]}
- {id: amended, title: Single Convention as amended, amended_form_of: single, sources: [t]}
`)}})
	if err != nil {
		t.Fatal(err)
	}
	get := func(id string) *Treaty {
		x, ok := reg.Lookup(id)
		if !ok {
			t.Fatalf("no %s", id)
		}
		return x
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"gc4", "gc4", true},
		{"gc4", "gc", true},
		{"gc", "gc3", true},
		{"ap1", "gc", true},
		{"gc3", "gc4", false},
		{"ap1", "gc4", false},
		{"p1972", "single", true},
		{"amended", "single", true},
		{"amended", "p1972", true},
		{"gc", "single", false},
	} {
		if got := reg.Lineal(get(tc.a), get(tc.b)); got != tc.want {
			t.Errorf("Lineal(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if tc.a != tc.b && !reg.Related(get(tc.a), get(tc.b)) && tc.want {
			t.Errorf("Lineal(%s, %s) but not Related", tc.a, tc.b)
		}
	}
}
