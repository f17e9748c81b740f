package org.stationreplay.streams;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may steer the replays. On a loopback address only this machine can reach the API and no token is needed;
 * on any other address a token is required, so a server cannot be started open by mistake. The token is compared
 * in constant time and never logged.
 */
final class ControlAuth {
  private final byte[] token;

  private ControlAuth(byte[] token) {
    this.token = token;
  }

  static ControlAuth forHost(String host, String token) {
    boolean hasToken = token != null && !token.isBlank();
    if (!hasToken && !isLoopback(host)) {
      throw new IllegalArgumentException("the HTTP API would listen on " + host + ", beyond this machine: set a "
          + "control token (--control-token or STATION_CONTROL_TOKEN) so that only its holders can steer replays");
    }
    return new ControlAuth(hasToken ? token.getBytes(StandardCharsets.UTF_8) : null);
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  boolean allows(String authorization) {
    if (token == null) {
      return true;
    }
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(token, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8));
  }
}
