CREATE TABLE probe (id int PRIMARY KEY, label text NOT NULL);
