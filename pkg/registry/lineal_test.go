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

// TestAncestors: what an instrument belongs to, at any remove, once each,
// agrees with BelongsTo.
func TestAncestors(t *testing.T) {
	reg, err := Load([]Source{{Name: "t.yaml", Data: []byte(`
- {id: ccw, title: Convention on Certain Conventional Weapons, sources: [t]}
- {id: p2, title: Protocol II, protocol_to: ccw, amended_by: ap2, sources: [t]}
- {id: ap2, title: Amended Protocol II, protocol_to: ccw, amended_form_of: p2, sources: [t]}
- {id: other, title: Other Convention, sources: [t]}
`)}})
	if err != nil {
		t.Fatal(err)
	}
	ap2, _ := reg.Lookup("ap2")
	var got []string
	for _, a := range reg.Ancestors(ap2) {
		got = append(got, a.ID)
		if !reg.BelongsTo(ap2, a) {
			t.Errorf("Ancestors gives %s, which BelongsTo denies", a.ID)
		}
	}
	if len(got) != 2 || !(got[0] == "ccw" && got[1] == "p2" || got[0] == "p2" && got[1] == "ccw") {
		t.Errorf("Ancestors(ap2) = %v, want ccw and p2", got)
	}
	if o, _ := reg.Lookup("other"); len(reg.Ancestors(o)) != 0 {
		t.Errorf("Ancestors(other) = %v, want none", reg.Ancestors(o))
	}
}
