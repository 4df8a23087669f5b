-- eventwire store, migration 0003: the words that name a quote's speaker (Quote.speaker_span, [start, end]
-- into the clean text, as JSON).
ALTER TABLE quotes ADD COLUMN speaker_span TEXT;
