package io.gatehouse.routing;

import io.gatehouse.contract.routing.TopicRef;

/**
 * What one membership statement found: the topic, whether the acting user was a member before, and
 * whether the statement changed a membership.
 */
record MembershipChange(TopicRef topic, boolean wasMember, boolean changed) {
}
