-- Per-user quotas count the topics a user created.
CREATE INDEX topics_by_creator ON routing.topics (created_by);
