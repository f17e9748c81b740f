package org.stationreplay.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationreplay.projection.Events.attached;
import static org.stationreplay.projection.Events.detached;
import static org.stationreplay.projection.Events.docked;
import static org.stationreplay.projection.Events.relocated;
import static org.stationreplay.projection.Events.t;

import org.junit.jupiter.api.Test;
import org.stationreplay.events.ElementKind;
import org.stationreplay.state.AttachedElement;

class ModulesProjectionTest {
  private final ModulesProjection modules = new ModulesProjection();

  @Test
  void shouldKeepModulesApartFromOtherElementsInAttachOrderAndFollowRelocations() {
    ModulesProjection.Modules m = modules.initial();
    m = modules.apply(m, attached("1998-11-20T06:40:00Z", "Zarya", ElementKind.MODULE));
    m = modules.apply(m, attached("1998-12-07T02:07:00Z", "Unity", ElementKind.MODULE));
    m = modules.apply(m, attached("1998-12-07T02:07:00Z", "PMA-1", ElementKind.ADAPTER));
    m = modules.apply(m, relocated("2007-11-14", "Unity", "Destiny forward"));
    assertThat(m.moduleCount()).isEqualTo(2);
    assertThat(m.modules()).extracting(AttachedElement::name).containsExactly("Zarya", "Unity");
    assertThat(m.modules().get(1).location()).isEqualTo("Destiny forward");
    assertThat(m.modules().get(1).attachedAt()).isEqualTo(t("1998-12-07T02:07:00Z"));
    assertThat(m.elements()).extracting(AttachedElement::name).containsExactly("PMA-1");

    m = modules.apply(m, detached("2021-07-26", "Zarya"));
    assertThat(m.modules()).extracting(AttachedElement::name).containsExactly("Unity");
    assertThat(modules.apply(m, docked("2021-07-27", "Soyuz MS-18"))).isSameAs(m);
  }
}
