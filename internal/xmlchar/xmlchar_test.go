package xmlchar

import "testing"

func TestValid(t *testing.T) {
	for _, tc := range []struct {
		in         string
		text, attr bool
	}{
		{"plain text, tab\tand\nnewline", true, true},
		{"carriage\rreturn", false, false},
		{"a ]]> b", false, true}, // refused in character data only
		{"é ü — ‘’", true, true},
		{"bad \xff byte", false, false},
		{"\uFFFE", false, false},
		{"bell\a", false, false},
	} {
		if got := Valid([]byte(tc.in), true); got != tc.text {
			t.Errorf("Valid(%q, text) = %v, want %v", tc.in, got, tc.text)
		}
		if got := Valid([]byte(tc.in), false); got != tc.attr {
			t.Errorf("Valid(%q, value) = %v, want %v", tc.in, got, tc.attr)
		}
	}
}

func TestAppendEntities(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"A &amp; B &lt;x&gt; &quot;q&quot; &apos;", `A & B <x> "q" '`, true},
		{"no entity", "no entity", true},
		{"&#38; numeric", "", false},
		{"&nbsp;", "", false},
	} {
		got, ok := AppendEntities([]byte("pre:"), []byte(tc.in))
		if ok != tc.ok || ok && string(got) != "pre:"+tc.want {
			t.Errorf("AppendEntities(%q) = %q, %v; want %q, %v", tc.in, got, ok, "pre:"+tc.want, tc.ok)
		}
	}
}
