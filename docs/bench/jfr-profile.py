#!/usr/bin/python3
"""Share of the app's CPU samples by where they fall, from `jfr print --events jdk.ExecutionSample`."""
import re, subprocess, sys, collections
CATEGORIES = [  # first match wins, checked against every frame from the top
  ("Kafka Streams task readiness check (PartitionGroup.readyToProcess)", "PartitionGroup.readyToProcess"),
  ("PainGuard rules (io.painguard.rules, without state codec)", None),
  ("athlete state decode/encode (AthleteStateCodec, ExertionWindow I/O)", "AthleteStateCodec|ExertionWindow.(readFrom|writeTo)|AthleteState.(decode|encode)"),
  ("record cache and state store (ThreadCache, NamedCache, CachingKeyValueStore, RocksDB)", "ThreadCache|NamedCache|Caching(KeyValue|Window)Store|RocksDB|rocksdb"),
  ("Avro decoding of inputs (serde)", "io.painguard.serde|org.apache.avro"),
  ("producer/changelog sends", "KafkaProducer|RecordCollectorImpl|RecordAccumulator"),
  ("consumer fetch and record queue", "KafkaConsumer|Fetcher|RecordQueue|FetchCollector|CompletedFetch"),
]
def categorize(frames):
  text = "\n".join(frames)
  for name, pat in CATEGORIES:
    if pat and re.search(pat, text):
      return name
  if any("io.painguard.rules" in f for f in frames):
    return CATEGORIES[1][0]
  if any("io.painguard" in f for f in frames):
    return "other PainGuard code"
  if any("org.apache.kafka.streams" in f for f in frames):
    return "other Kafka Streams"
  if any("org.apache.kafka" in f for f in frames):
    return "other Kafka clients"
  return "JVM and other"
counts = collections.Counter()
total = 0
for path in sys.argv[1:]:
  out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", path], capture_output=True, text=True).stdout
  for block in out.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>]+\.[\w$<>]+)\(", block, re.M)
    if not frames: continue
    counts[categorize(frames)] += 1
    total += 1
print(f"{total} samples")
for name, n in counts.most_common():
  print(f"{100.0*n/total:5.1f} %  {name}")
