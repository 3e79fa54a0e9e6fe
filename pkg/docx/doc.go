// Package docx reads Word .docx files (Office Open XML, ISO/IEC 29500)
// into citecheck's text view: plain, Markdown-like text that the text
// parser understands, with footnote references written "[^N]" and the
// footnotes themselves appended as "[^N]: text" paragraphs.
//
// It uses only archive/zip and a streaming encoding/xml decoder, and it
// treats its input as hostile: the file size, the uncompressed size (as
// declared and as actually read), the number of zip entries and the XML
// nesting depth are all capped, and every failure is an error, never a
// panic.
//
// What becomes text, and how:
//   - paragraphs in reading order, including those in table cells and
//     text boxes; automatic list numbers ("1.", "(a)") are written
//     before the paragraph text when numbering.xml defines them;
//   - runs are joined without spaces; w:tab and w:ptab become a space,
//     w:br and w:cr a line break, w:noBreakHyphen "-";
//   - fields show their result, never their instructions; hyperlinks and
//     content controls show their text; hidden (w:vanish) runs, comments
//     and w:sym characters are left out;
//   - tracked changes are shown accepted (insertions kept, deletions
//     dropped) or, with Options.Revisions "original", as they were before
//     the changes;
//   - footnote references become "[^N]" where N is the number Word shows
//     (custom marks are kept as written: "[^*]"), endnote references
//     "[^eN]".
//
// Headers, footers, comments and drawings' alternative text are not read.
package docx
