package document

import "testing"

func TestMeta(t *testing.T) {
	tests := []struct {
		name, in string
		want     Meta
	}{
		{"markdown front matter", "---\nsymbol: A/RES/80/1\ndate: \"2025-09-19\"\n---\n\nResolution adopted by the General Assembly on 19 September 2025\n", Meta{Symbol: "A/RES/80/1", Organ: "GA", Date: "2025-09-19"}},
		{"draft", "United Nations \nA/C.3/80/L.4\n \n \nGeneral Assembly \nDistr.: Limited \n14 October 2025 \nOriginal: English \n", Meta{Symbol: "A/C.3/80/L.4", Organ: "GA", Date: "2025-10-14"}},
		{"Security Council heading", "Resolution 271 (1969)\nof 15 September 1969\n\nThe Security Council,\n", Meta{Organ: "SC", Date: "1969-09-15"}},
		{"plain text says nothing", "The Commission on Crime Prevention and Criminal Justice,\n", Meta{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parse(t, tt.in).Meta(); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
