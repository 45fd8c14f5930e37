-- What the customer sees of a template message: the template's text with the parameters filled in, kept with
-- the message when it is accepted (the template may be edited or deleted later).
ALTER TABLE messages ADD COLUMN rendered_text text;
