package org.stationreplay.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** Turns Jackson's exceptions into one line a person can act on. */
public final class JsonErrors {
  private JsonErrors() {}

  public static String describe(Throwable e) {
    if (e instanceof InvalidTypeIdException t) {
      return t.getTypeId() == null
          ? "missing 'type'"
          : "unknown event type '" + t.getTypeId() + "'";
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return v.getCause().getMessage();
    }
    if (e instanceof JsonProcessingException j) {
      return j.getOriginalMessage();
    }
    return String.valueOf(e.getMessage());
  }
}
