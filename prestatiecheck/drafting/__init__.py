"""A draft rule file from an agreement document (`prestatiecheck draft`).

The pipeline reads like the file list:

- ``documents.py``: a .txt, .pdf or .docx file -> blocks (paragraphs and table rows), each
  with the heading and the article it stands under and its line (or page);
- ``sentences.py``: a paragraph -> sentences (Dutch abbreviations, list items);
- ``numbers.py``: the figures, percentages, amounts and dates in a sentence, and what PDF
  extraction may have done to them (footnote markers glued to figures, thousands separators);
- ``promises.py``: a sentence -> a candidate rule (check kind, threshold or due date, parties)
  or a context item;
- ``writer.py``: the candidates -> the YAML text of a draft rule file, every item with a
  ``todo:`` that ``validate`` reports until a person has checked it and removed it.

Nothing here decides what was agreed: it proposes, and says what it is unsure of.
"""
