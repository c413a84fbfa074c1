package io.gatehouse.bench.chat;

/** A chat member: the token its socket connects with and the id the server knows it by. */
record ChatUser(String token, String id) {
}
