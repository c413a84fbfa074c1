-- Messages a member acknowledged one by one (STOMP client-individual) beyond its cursor in a topic. Rows
-- the cursor has passed mean nothing any more and are removed on the next individual ack of that topic.
CREATE TABLE acked_ahead (
  user_id  uuid   NOT NULL,
  topic_id bigint NOT NULL,
  seq      bigint NOT NULL,
  PRIMARY KEY (user_id, topic_id, seq)
);
