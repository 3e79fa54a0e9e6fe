package docx

import (
	"strconv"
	"strings"
)

// numbering derives the numbers Word shows before list paragraphs, from
// styles.xml and numbering.xml. It covers the common cases (direct or
// style numbering, level restarts, start overrides, the usual number
// formats); a paragraph whose number it cannot derive gets none.
type numbering struct {
	styles       map[string]*styleDef
	defaultStyle string
	abstracts    map[string]*abstractNum
	nums         map[string]*numDef
	counters     map[string]*counter // by abstractNumId
}

type styleDef struct {
	basedOn  string
	numID    string
	ilvl     int
	hasNumID bool
	hasIlvl  bool
}

type level struct {
	start  int
	format string
	text   string
	suff   string
	pStyle string
	isLgl  bool
}

type abstractNum struct {
	levels    [9]*level
	styleLink string // w:numStyleLink: the definition lives in a numbering style
}

type numDef struct {
	abstract  string
	overrides map[int]*lvlOverride
	used      bool
}

type lvlOverride struct {
	start    int
	hasStart bool
	lvl      *level
}

type counter struct {
	val [9]int
	set [9]bool
}

// paraProps are the numbering-related properties of one paragraph.
type paraProps struct {
	style       string
	numID       string
	ilvl        int
	hasNumID    bool
	hasIlvl     bool
	markRemoved bool // the paragraph mark is deleted (accepted) or inserted (original)
}

func newNumbering() *numbering {
	return &numbering{
		styles:    map[string]*styleDef{},
		abstracts: map[string]*abstractNum{},
		nums:      map[string]*numDef{},
		counters:  map[string]*counter{},
	}
}

func atoi(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil
}

// parseStyles reads paragraph styles' numbering and inheritance.
func (n *numbering) parseStyles(d *decoder) error {
	return walkAll(d, func(se startElement) error {
		if !se.w() || se.Name.Local != "style" {
			return d.skip()
		}
		if se.attr("type") != "paragraph" && se.attr("type") != "" {
			return d.skip()
		}
		id := se.attr("styleId")
		sd := &styleDef{}
		if onOff(se.attr("default")) && se.attr("default") != "" {
			n.defaultStyle = id
		}
		if _, dup := n.styles[id]; !dup {
			n.styles[id] = sd
		}
		return d.children(func(se startElement) error {
			switch se.Name.Local {
			case "basedOn":
				sd.basedOn = se.attr("val")
			case "pPr":
				return d.children(func(se startElement) error {
					if se.Name.Local != "numPr" {
						return d.skip()
					}
					return d.children(func(se startElement) error {
						switch se.Name.Local {
						case "numId":
							sd.numID, sd.hasNumID = se.attr("val"), true
						case "ilvl":
							sd.ilvl, sd.hasIlvl = atoi(se.attr("val"))
						}
						return d.skip()
					})
				})
			}
			return d.skip()
		})
	})
}

// parseNumbering reads abstract numbering definitions and their instances.
func (n *numbering) parseNumbering(d *decoder) error {
	return walkAll(d, func(se startElement) error {
		switch se.Name.Local {
		case "abstractNum":
			an := &abstractNum{}
			id := se.attr("abstractNumId")
			if _, dup := n.abstracts[id]; !dup {
				n.abstracts[id] = an
			}
			return d.children(func(se startElement) error {
				switch se.Name.Local {
				case "lvl":
					i, ok := atoi(se.attr("ilvl"))
					lv, err := parseLevel(d)
					if ok && i >= 0 && i < 9 && err == nil {
						an.levels[i] = lv
					}
					return err
				case "numStyleLink":
					an.styleLink = se.attr("val")
				}
				return d.skip()
			})
		case "num":
			nd := &numDef{overrides: map[int]*lvlOverride{}}
			id := se.attr("numId")
			if _, dup := n.nums[id]; !dup {
				n.nums[id] = nd
			}
			return d.children(func(se startElement) error {
				switch se.Name.Local {
				case "abstractNumId":
					nd.abstract = se.attr("val")
				case "lvlOverride":
					i, ok := atoi(se.attr("ilvl"))
					o := &lvlOverride{}
					if ok && i >= 0 && i < 9 {
						nd.overrides[i] = o
					}
					return d.children(func(se startElement) error {
						switch se.Name.Local {
						case "startOverride":
							o.start, o.hasStart = atoi(se.attr("val"))
						case "lvl":
							lv, err := parseLevel(d)
							o.lvl = lv
							return err
						}
						return d.skip()
					})
				}
				return d.skip()
			})
		}
		return d.skip()
	})
}

// parseLevel reads a w:lvl element whose start was just read.
func parseLevel(d *decoder) (*level, error) {
	lv := &level{start: 1, format: "decimal", suff: "tab"}
	var visit func(se startElement) error
	visit = func(se startElement) error {
		switch se.Name.Local {
		case "start":
			if v, ok := atoi(se.attr("val")); ok {
				lv.start = v
			}
		case "numFmt":
			// A custom format (inside mc:Choice) is followed by a
			// standard one in mc:Fallback; keep the standard one.
			if v := se.attr("val"); v != "custom" && v != "" {
				lv.format = v
			}
		case "lvlText":
			lv.text = se.attr("val")
		case "suff":
			lv.suff = se.attr("val")
		case "pStyle":
			lv.pStyle = se.attr("val")
		case "isLgl":
			lv.isLgl = onOff(se.attr("val"))
		case "AlternateContent", "Choice", "Fallback":
			return d.children(visit)
		}
		return d.skip()
	}
	return lv, d.children(visit)
}

// resolve finds a paragraph's numbering instance and level, following
// its style chain.
func (n *numbering) resolve(p paraProps) (numID string, ilvl int, ok bool) {
	numID, hasNum := p.numID, p.hasNumID
	ilvl, hasIlvl := p.ilvl, p.hasIlvl
	style := p.style
	if style == "" {
		style = n.defaultStyle
	}
	styleName := style
	for i := 0; i < 32 && style != "" && (!hasNum || !hasIlvl); i++ {
		sd := n.styles[style]
		if sd == nil {
			break
		}
		if !hasNum && sd.hasNumID {
			numID, hasNum = sd.numID, true
		}
		if !hasIlvl && sd.hasIlvl {
			ilvl, hasIlvl = sd.ilvl, true
		}
		style = sd.basedOn
	}
	if !hasNum || numID == "0" || numID == "" {
		return "", 0, false
	}
	if !hasIlvl {
		// A level may name the paragraph style it belongs to.
		if an, _ := n.abstractFor(numID); an != nil {
			for i, lv := range an.levels {
				if lv != nil && lv.pStyle != "" && lv.pStyle == styleName {
					ilvl = i
					break
				}
			}
		}
	}
	if ilvl < 0 || ilvl > 8 {
		return "", 0, false
	}
	return numID, ilvl, true
}

// abstractFor returns the abstract definition of a numbering instance and
// its ID, following one numbering-style link.
func (n *numbering) abstractFor(numID string) (*abstractNum, string) {
	nd := n.nums[numID]
	if nd == nil {
		return nil, ""
	}
	id := nd.abstract
	an := n.abstracts[id]
	if an != nil && an.styleLink != "" {
		if sd := n.styles[an.styleLink]; sd != nil && sd.hasNumID {
			if nd2 := n.nums[sd.numID]; nd2 != nil && n.abstracts[nd2.abstract] != nil {
				id = nd2.abstract
				an = n.abstracts[id]
			}
		}
	}
	return an, id
}

// label advances the paragraph's list counter and returns the number
// Word shows before it, with its separator ("1. ", "(a) "), or "" for
// bullets, unnumbered paragraphs and formats it does not know.
func (n *numbering) label(p paraProps) string {
	numID, ilvl, ok := n.resolve(p)
	if !ok {
		return ""
	}
	nd := n.nums[numID]
	an, absID := n.abstractFor(numID)
	if nd == nil || an == nil {
		return ""
	}
	levelAt := func(i int) *level {
		if o := nd.overrides[i]; o != nil && o.lvl != nil {
			return o.lvl
		}
		return an.levels[i]
	}
	lv := levelAt(ilvl)
	if lv == nil {
		return ""
	}
	c := n.counters[absID]
	if c == nil {
		c = &counter{}
		n.counters[absID] = c
	}
	if !nd.used {
		nd.used = true
		for i, o := range nd.overrides {
			if o.hasStart {
				c.val[i], c.set[i] = o.start-1, true
			}
		}
	}
	if c.set[ilvl] {
		c.val[ilvl]++
	} else {
		c.val[ilvl], c.set[ilvl] = lv.start, true
	}
	for i := ilvl + 1; i < 9; i++ {
		c.set[i] = false
	}
	if lv.format == "bullet" || lv.format == "none" {
		return ""
	}
	var b strings.Builder
	text := lv.text
	for len(text) > 0 {
		i := strings.IndexByte(text, '%')
		if i < 0 || i+1 >= len(text) || text[i+1] < '1' || text[i+1] > '9' {
			if i < 0 {
				b.WriteString(text)
				break
			}
			b.WriteString(text[:i+1])
			text = text[i+1:]
			continue
		}
		b.WriteString(text[:i])
		k := int(text[i+1] - '1')
		text = text[i+2:]
		other := levelAt(k)
		if other == nil {
			return ""
		}
		v := other.start
		if c.set[k] {
			v = c.val[k]
		}
		f := other.format
		if lv.isLgl {
			f = "decimal"
		}
		s, ok := FormatNumber(v, f)
		if !ok {
			return ""
		}
		b.WriteString(s)
	}
	if b.Len() == 0 {
		return ""
	}
	if lv.suff != "nothing" {
		b.WriteByte(' ')
	}
	return b.String()
}

// FormatNumber writes n in a Word number format (ST_NumberFormat):
// "decimal", "lowerLetter" (a … z, aa …), "upperRoman" and the like. It
// reports false for formats it does not know. Package htmltext uses it
// for ordered lists.
func FormatNumber(n int, format string) (string, bool) {
	switch format {
	case "decimal", "":
		return strconv.Itoa(n), true
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n), true
		}
		return strconv.Itoa(n), true
	case "decimalEnclosedParen":
		return "(" + strconv.Itoa(n) + ")", true
	case "decimalEnclosedFullstop":
		return strconv.Itoa(n) + ".", true
	case "upperRoman", "lowerRoman":
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s, true
	case "upperLetter", "lowerLetter":
		if n <= 0 {
			return strconv.Itoa(n), true
		}
		// Word repeats the letter: a … z, aa … zz, aaa …
		ch := byte('A' + (n-1)%26)
		if format == "lowerLetter" {
			ch += 'a' - 'A'
		}
		return strings.Repeat(string(ch), min((n-1)/26+1, 64)), true
	case "ordinal":
		suffix := "th"
		if n%100 < 11 || n%100 > 13 {
			switch n % 10 {
			case 1:
				suffix = "st"
			case 2:
				suffix = "nd"
			case 3:
				suffix = "rd"
			}
		}
		return strconv.Itoa(n) + suffix, true
	case "chicago":
		if n <= 0 {
			return strconv.Itoa(n), true
		}
		marks := []string{"*", "†", "‡", "§"}
		return strings.Repeat(marks[(n-1)%4], min((n-1)/4+1, 64)), true
	}
	return "", false
}

// roman writes n in Roman numerals, or in digits outside 1…3999.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
