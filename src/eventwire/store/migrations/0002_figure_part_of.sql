-- eventwire store, migration 0002: a figure that is a breakdown of an earlier total (Figure.part_of,
-- index into the article's figures).
ALTER TABLE figures ADD COLUMN part_of INTEGER;
