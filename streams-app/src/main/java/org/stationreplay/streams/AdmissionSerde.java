package org.stationreplay.streams;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.stationreplay.projection.Admission;

/**
 * The station's rules' state in the fold's store {@code engine-rules}, written at every event: a compact binary form
 * (length-prefixed UTF-8 strings), three times cheaper to write than JSON. Internal to the fold: nothing else reads
 * it, and a new format is a new first byte.
 */
final class AdmissionSerde implements Serde<Admission>, Serializer<Admission>, Deserializer<Admission> {
  private static final int FORMAT = 1;

  /**
   * The encoded form of the last lists seen, by identity: an admitted event shares the unchanged lists of the state
   * before it (the attached elements change about 100 times in the whole history), so most are encoded once.
   */
  private final ThreadLocal<Object[]> memo = ThreadLocal.withInitial(() -> new Object[8]);

  @Override
  public byte[] serialize(String topic, Admission a) {
    if (a == null) {
      return null;
    }
    Object[] m = memo.get();
    byte[] lastId = utf8(a.lastEventId());
    byte[][] lists = new byte[4][];
    List<List<String>> all = List.of(a.idsAtLastTime(), a.aboard(), a.docked(), a.attached());
    for (int l = 0; l < 4; l++) {
      List<String> list = all.get(l);
      if (l > 0 && m[2 * l] == list) {
        lists[l] = (byte[]) m[2 * l + 1];
        continue;
      }
      lists[l] = encode(list);
      m[2 * l] = list;
      m[2 * l + 1] = lists[l];
    }
    int size = 1 + 4 + (lastId == null ? 0 : lastId.length) + 1 + 12 + 4;
    for (byte[] b : lists) {
      size += b.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put((byte) FORMAT);
    putBytes(out, lastId);
    out.put((byte) (a.lastEventTime() == null ? 0 : 1));
    out.putLong(a.lastEventTime() == null ? 0 : a.lastEventTime().getEpochSecond());
    out.putInt(a.lastEventTime() == null ? 0 : a.lastEventTime().getNano());
    out.putInt(a.expedition() == null ? -1 : a.expedition());
    for (byte[] b : lists) {
      out.put(b);
    }
    return out.array();
  }

  /** A list as its count, then each string as its length and UTF-8 bytes. */
  private static byte[] encode(List<String> list) {
    byte[][] items = new byte[list.size()][];
    int size = 4;
    for (int i = 0; i < items.length; i++) {
      items[i] = utf8(list.get(i));
      size += 4 + items[i].length;
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    b.putInt(items.length);
    for (byte[] item : items) {
      putBytes(b, item);
    }
    return b.array();
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static void putBytes(ByteBuffer b, byte[] bytes) {
    if (bytes == null) {
      b.putInt(-1);
    } else {
      b.putInt(bytes.length);
      b.put(bytes);
    }
  }

  @Override
  public Admission deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalStateException("unknown format " + format + " of the rules' state");
      }
      String lastId = readString(in);
      boolean hasTime = in.readByte() != 0;
      long seconds = in.readLong();
      int nanos = in.readInt();
      Instant lastTime = hasTime ? Instant.ofEpochSecond(seconds, nanos) : null;
      int expedition = in.readInt();
      List<List<String>> lists = new ArrayList<>(4);
      for (int l = 0; l < 4; l++) {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readString(in));
        }
        lists.add(list);
      }
      return new Admission(lastId, lastTime, lists.get(0), expedition < 0 ? null : expedition, lists.get(1),
          lists.get(2), lists.get(3));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = in.readNBytes(n);
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  @Override
  public Serializer<Admission> serializer() {
    return this;
  }

  @Override
  public Deserializer<Admission> deserializer() {
    return this;
  }
}
