-- What the publishing protocol keeps beside a message's content (STOMP: the SEND's headers and, for a body
-- that is not text, the content's encoding), opaque to routing. Null for the action protocol and Socket.IO.
ALTER TABLE messages ADD COLUMN attributes text;
