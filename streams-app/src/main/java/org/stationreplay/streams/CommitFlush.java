package org.stationreplay.streams;

import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * Calls back for every key of a cached store when Kafka Streams flushes its cache: at every commit (and on a task's
 * suspension, and when the cache evicts), before the transaction's offsets are committed, so what the callback
 * writes and forwards belongs to the same transaction as the records that made it. This is how the DSL's KTables
 * emit once per key and commit; the Processor API has no public hook for it, so this uses the same internals the
 * DSL does (a flush listener on the store, and the processor's node set while forwarding), kept to this class.
 */
final class CommitFlush {
  private CommitFlush() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static CommitFlush onFlush(ProcessorContext<?, ?> context, KeyValueStore<String, ?> store,
      Consumer<String> onKey) {
    InternalProcessorContext internal = (InternalProcessorContext) context;
    ProcessorNode node = internal.currentNode();
    boolean cached = ((WrappedStateStore) store).setFlushListener(record -> {
      ProcessorNode previous = internal.currentNode();
      internal.setCurrentNode(node);
      try {
        onKey.accept((String) ((org.apache.kafka.streams.processor.api.Record) record).key());
      } finally {
        internal.setCurrentNode(previous);
      }
    }, false);
    if (!cached) {
      throw new IllegalStateException("store " + store.name() + " must be cached to be flushed at commits");
    }
    return new CommitFlush();
  }
}
