package org.stationreplay.events;

/** Who a person flew for, or who owns an element or vehicle. PRIVATE covers spaceflight participants. */
public enum Agency {
  NASA, ROSCOSMOS, ESA, JAXA, CSA, ASI, CNES, AEB, ANGKASA, KARI, MBRSC, KAZCOSMOS, PRIVATE
}
