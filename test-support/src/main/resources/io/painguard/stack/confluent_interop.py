#!/usr/bin/python3
"""Confluent's own Python client against PainGuard's registry and serde.

Driven by ConfluentPythonClientIT; each mode prints one JSON document on stdout.

  produce BOOTSTRAP REGISTRY TOPIC SCHEMA_FILE COUNT   register + produce PainReports
  consume BOOTSTRAP REGISTRY TOPIC COUNT               decode COUNT records, print them
  registry REGISTRY                                    list subjects and their latest versions
  register-auth REGISTRY USER_INFO SCHEMA_FILE SUBJECT register with basic.auth.user.info (both
                                                       clients), and once without credentials

Uses the legacy confluent_kafka.avro module (CachedSchemaRegistryClient,
AvroProducer, MessageSerializer): on Debian 12 it works with python3-avro alone,
while the newer confluent_kafka.schema_registry.avro needs fastavro.
"""
import datetime
import json
import sys

from avro import schema as avro_schema
from confluent_kafka import Consumer
from confluent_kafka.avro import AvroProducer, CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
from confluent_kafka.avro.error import ClientError
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError


def produce(bootstrap, registry, topic, schema_file, count):
    with open(schema_file) as f:
        value_schema = avro_schema.parse(f.read())
    producer = AvroProducer(
        {"bootstrap.servers": bootstrap, "schema.registry.url": registry, "enable.idempotence": True},
        default_value_schema=value_schema,
    )
    sent = []
    base = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.timezone.utc)
    for i in range(count):
        report = {
            "reportId": "py-%d" % i,
            "athleteId": "athlete-py-%d" % (i % 3),
            "timestamp": base + datetime.timedelta(seconds=i),
            "level": i % 11,
            "region": "LOWER_BACK",
            "onset": "DURING_ACTIVITY",
            "sensations": ["ACHING", "STIFFNESS"],
            "radiatesTo": [],
            "triggers": ["BENDING"],
            "redFlags": [],
            "note": None,
        }
        producer.produce(topic=topic, key=None, value=report)
        sent.append({"reportId": report["reportId"], "athleteId": report["athleteId"], "level": report["level"]})
    remaining = producer.flush(30)
    if remaining:
        raise SystemExit("%d records were not delivered" % remaining)
    print(json.dumps({"sent": sent}))


def consume(bootstrap, registry, topic, count):
    # Keys are plain UTF-8 athlete ids, not Avro, so only values go through
    # Confluent's MessageSerializer (AvroConsumer would try to decode keys too).
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry}))
    consumer = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": "python-interop-%s" % topic,
            "auto.offset.reset": "earliest",
            "isolation.level": "read_committed",
        }
    )
    consumer.subscribe([topic])
    received = []
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=60)
    while len(received) < count and datetime.datetime.now() < deadline:
        message = consumer.poll(1.0)
        if message is None:
            continue
        if message.error():
            raise SystemExit("consume error: %s" % message.error())
        value = serializer.decode_message(message.value())
        received.append({k: (v.isoformat() if isinstance(v, datetime.datetime) else v) for k, v in value.items()})
    consumer.close()
    print(json.dumps({"received": received}))


def registry_view(registry):
    client = SchemaRegistryClient({"url": registry})
    view = {}
    for subject in client.get_subjects():
        latest = client.get_latest_version(subject)
        view[subject] = {"id": latest.schema_id, "version": latest.version, "schema": latest.schema.schema_str}
    print(json.dumps({"subjects": view}))


def register_auth(registry, user_info, schema_file, subject):
    """Registers through both of Confluent's clients configured as its docs say for basic auth."""
    with open(schema_file) as f:
        text = f.read()
    # The legacy client, as AvroProducer builds it from schema.registry.* settings.
    legacy = CachedSchemaRegistryClient({
        "url": registry,
        "basic.auth.credentials.source": "USER_INFO",
        "basic.auth.user.info": user_info,
    })
    legacy_id = legacy.register(subject, avro_schema.parse(text))
    # The current client: basic.auth.user.info alone.
    current = SchemaRegistryClient({"url": registry, "basic.auth.user.info": user_info})
    current_id = current.register_schema(subject, Schema(text, "AVRO"))
    anonymous = {}
    try:
        SchemaRegistryClient({"url": registry}).register_schema(subject + "-anonymous", Schema(text, "AVRO"))
        anonymous = {"status": 200}
    except SchemaRegistryError as e:
        anonymous = {"status": e.http_status_code, "error_code": e.error_code, "message": e.error_message}
    try:
        CachedSchemaRegistryClient({"url": registry}).register(subject + "-anonymous", avro_schema.parse(text))
        legacy_anonymous = "registered"
    except ClientError as e:
        legacy_anonymous = str(e)
    print(json.dumps({"legacy_id": legacy_id, "current_id": current_id,
                      "anonymous": anonymous, "legacy_anonymous": legacy_anonymous}))


def main(argv):
    mode = argv[1]
    if mode == "produce":
        produce(argv[2], argv[3], argv[4], argv[5], int(argv[6]))
    elif mode == "consume":
        consume(argv[2], argv[3], argv[4], int(argv[5]))
    elif mode == "registry":
        registry_view(argv[2])
    elif mode == "register-auth":
        register_auth(argv[2], argv[3], argv[4], argv[5])
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main(sys.argv)
