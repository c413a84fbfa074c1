package io.gatehouse.contract.routing;

import io.gatehouse.contract.BinaryRecordCodec;
import io.gatehouse.contract.ContractCodec;
import io.gatehouse.contract.JsonRecordCodec;

import java.util.List;

/**
 * The codecs of the topic-routing and pending-delivery message family: binary for the hot path (publish,
 * its reply, deliveries), JSON for the control plane.
 */
public final class RoutingMessages {

  /** Wire format version of the binary records; bump it when their field order changes. */
  /** 2: publishes and deliveries carry {@code attributes}. */
  public static final int WIRE_VERSION = 2;

  public static final BinaryRecordCodec<Publish> PUBLISH =
    new BinaryRecordCodec<>(Publish.class, WIRE_VERSION, Publish::writeTo, Publish::readFrom);
  public static final BinaryRecordCodec<Published> PUBLISHED =
    new BinaryRecordCodec<>(Published.class, WIRE_VERSION, Published::writeTo, Published::readFrom);
  public static final BinaryRecordCodec<PublishBatch> PUBLISH_BATCH =
    new BinaryRecordCodec<>(PublishBatch.class, WIRE_VERSION, PublishBatch::writeTo, PublishBatch::readFrom);
  public static final BinaryRecordCodec<PublishedBatch> PUBLISHED_BATCH =
    new BinaryRecordCodec<>(PublishedBatch.class, WIRE_VERSION, PublishedBatch::writeTo, PublishedBatch::readFrom);
  public static final BinaryRecordCodec<Delivery> DELIVERY =
    new BinaryRecordCodec<>(Delivery.class, WIRE_VERSION, Delivery::writeTo, Delivery::readFrom);
  public static final BinaryRecordCodec<DeliveryBatch> DELIVERY_BATCH =
    new BinaryRecordCodec<>(DeliveryBatch.class, WIRE_VERSION, DeliveryBatch::writeTo, DeliveryBatch::readFrom);

  public static final List<ContractCodec<?>> CODECS = List.of(
    ContractCodec.of(PUBLISH),
    ContractCodec.of(PUBLISHED),
    ContractCodec.of(PUBLISH_BATCH),
    ContractCodec.of(PUBLISHED_BATCH),
    ContractCodec.of(DELIVERY),
    ContractCodec.of(DELIVERY_BATCH),
    ContractCodec.of(new JsonRecordCodec<>(TopicRef.class, TopicRef::toJson, TopicRef::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(CreateTopic.class, CreateTopic::toJson, CreateTopic::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(TopicMembership.class, TopicMembership::toJson, TopicMembership::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(Invite.class, Invite::toJson, Invite::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(UserRef.class, UserRef::toJson, UserRef::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(TopicList.class, TopicList::toJson, TopicList::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(ReadRange.class, ReadRange::toJson, ReadRange::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(LocateMessage.class, LocateMessage::toJson, LocateMessage::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(MessagePosition.class, MessagePosition::toJson, MessagePosition::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(CatchUp.class, CatchUp::toJson, CatchUp::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(Ack.class, Ack::toJson, Ack::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(Acked.class, Acked::toJson, Acked::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(CursorQuery.class, CursorQuery::toJson, CursorQuery::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(CursorList.class, CursorList::toJson, CursorList::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(AheadQuery.class, AheadQuery::toJson, AheadQuery::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(AckedAhead.class, AckedAhead::toJson, AckedAhead::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(OpenChat.class, OpenChat::toJson, OpenChat::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(ChatRef.class, ChatRef::toJson, ChatRef::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(ChatList.class, ChatList::toJson, ChatList::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(ChatHistory.class, ChatHistory::toJson, ChatHistory::fromJson)));

  private RoutingMessages() {
  }
}
